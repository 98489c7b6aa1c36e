package diff

import (
	"strings"
	"unicode"
)

// cleanup tidies a token diff for reading: whitespace that stands between
// two changes, one of them of wording, joins them, so "Saturday night" →
// "this weekend" reads as one replacement rather than a comb of one-word
// edits, and " and" → ". Turkey" as one rewrite. Nothing
// else is folded — a kept word or punctuation mark is never marked — and
// each stretch between two kept runs becomes one deletion then one
// insertion.
//
// Why not go-diff's DiffCleanupSemantic: it weighs an equality by its
// length in symbols, and a whole word is one symbol, so it folds a kept
// word between two changed quote marks and marks "encouraging" as
// rewritten when only its quotes went curly.
func cleanup(runs []tokenRun, t *symbolTable, a, b side) []tokenRun {
	type seg struct {
		eq       bool
		i, j     int // first token on each side
		del, ins int // tokens (for an equal seg, del == ins == its length)
	}
	var segs []seg
	i, j := 0, 0
	for _, r := range runs {
		k := len(segs) - 1
		switch {
		case r.op == OpEqual:
			segs = append(segs, seg{eq: true, i: i, j: j, del: r.n, ins: r.n})
			i, j = i+r.n, j+r.n
			continue
		case k < 0 || segs[k].eq:
			segs = append(segs, seg{i: i, j: j})
			k++
		}
		if r.op == OpDelete {
			segs[k].del += r.n
			i += r.n
		} else {
			segs[k].ins += r.n
			j += r.n
		}
	}
	wordy := func(s seg) bool {
		return t.words(a.syms[s.i:s.i+s.del]) > 0 || t.words(b.syms[s.j:s.j+s.ins]) > 0
	}
	out := make([]tokenRun, 0, len(runs))
	var del, ins int
	flush := func() {
		out = appendRun(out, OpDelete, del)
		out = appendRun(out, OpInsert, ins)
		del, ins = 0, 0
	}
	for k, s := range segs {
		if !s.eq {
			del, ins = del+s.del, ins+s.ins
			continue
		}
		if k > 0 && k+1 < len(segs) && t.allSpace(a.syms[s.i:s.i+s.del]) && (wordy(segs[k-1]) || wordy(segs[k+1])) {
			del, ins = del+s.del, ins+s.ins
			continue
		}
		flush()
		out = appendRun(out, OpEqual, s.del)
	}
	flush()
	return out
}

// allSpace reports whether every token of syms is whitespace.
func (t *symbolTable) allSpace(syms []rune) bool {
	for _, r := range syms {
		if t.class[symbolIndex(r)] != tokenSpace {
			return false
		}
	}
	return true
}

// countChange counts one change — deleted text d (dw words) replaced by
// inserted text n (iw words) — and marks its edits typographic when it
// swaps typography only. A change that touches no word and is not
// typographic is a punctuation edit ("A." → "A!").
func countChange(d, n string, dw, iw int, edits []Edit) editCounts {
	c := editCounts{deleted: dw, inserted: iw}
	switch {
	case typographic(d) == typographic(n):
		c.typographic = 1
		for k := range edits {
			edits[k].Typographic = true
		}
	case dw == 0 && iw == 0:
		c.punctuation = 1
	}
	return c
}

// typographic is s with its typography set aside: curly and straight
// quotes read alike, so do every dash and hyphen, an ellipsis and three
// dots, and every run of whitespace (no-break spaces included). Two
// texts with the same typographic form differ in looks, not in words.
func typographic(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '‘', '’', '‚', '‛', '′', '`', '´':
			b.WriteByte('\'')
		case '“', '”', '„', '‟', '″', '«', '»':
			b.WriteByte('"')
		case '‐', '‑', '‒', '–', '—', '―', '−':
			b.WriteByte('-')
		case '…':
			b.WriteString("...")
		default:
			b.WriteRune(r)
		}
	}
	// Space at either end is layout: a change of spacing alone reads as
	// no change of text.
	return b.String()
}
