package diff

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Op is what a word edit does.
type Op int8

const (
	// OpEqual keeps text that both sides share.
	OpEqual Op = iota
	// OpDelete is text only the old side has.
	OpDelete
	// OpInsert is text only the new side has.
	OpInsert
)

// String names the op the way JSON output and test failures show it.
func (o Op) String() string {
	switch o {
	case OpEqual:
		return "equal"
	case OpDelete:
		return "delete"
	case OpInsert:
		return "insert"
	}
	return "op(?)"
}

// Edit is a run of text that is kept, deleted or inserted.
type Edit struct {
	Op Op
	// Text is the run as the side it belongs to spells it: for OpEqual,
	// the new version's spelling.
	Text string
	// Old is, for an OpEqual run only, the old version's spelling when it
	// differs from Text by Unicode normalization alone (the old version
	// stored "e" + U+0301 where the new one has "é"); empty otherwise.
	// Normalization is no edit, but each version shows its own text.
	Old string
	// Typographic is set on both halves (the deletion and the insertion)
	// of a change that only swaps typography: straight and curly quotes,
	// one dash for another, one kind of space for another. Such a change
	// is shown dimmer than a change of wording and counted apart.
	Typographic bool
	// Kinds is what the change this edit belongs to is about (a figure,
	// a quotation, a name…; kinds.go); both halves of a change carry the
	// same kinds, an OpEqual run none.
	Kinds EditKinds `json:"kinds,omitempty"`
}

// OldText is the run as the old version spells it: Old when set, else
// Text; "" for an insertion.
func (e Edit) OldText() string {
	switch {
	case e.Op == OpInsert:
		return ""
	case e.Old != "":
		return e.Old
	}
	return e.Text
}

// NewText is the run as the new version spells it; "" for a deletion.
func (e Edit) NewText() string {
	if e.Op == OpDelete {
		return ""
	}
	return e.Text
}

// WordDiff returns the word-level edits turning a into b. Concatenating
// the OldText of every edit gives a; the NewText gives b, byte for byte.
//
// Tokens are compared in Unicode normalization form C, so a text stored
// decomposed reads equal to its precomposed copy (DESIGN.md: "normalize
// for comparing only"). Edits fall on token boundaries (words, runs of
// space, and every punctuation mark on its own), and only whitespace
// between two changed words is folded into the change around it, so a
// rewritten phrase reads as one deletion and one insertion while a word
// that stayed is never marked. Between two equal runs there is at most
// one deletion followed by at most one insertion.
func WordDiff(a, b string) []Edit {
	edits, _ := wordDiff(a, b)
	return edits
}

// editCounts is what a word diff counts while it still knows its tokens.
type editCounts struct {
	deleted, inserted int // word tokens
	typographic       int // changes that swap typography only
	punctuation       int // changes of punctuation marks, no word touched
}

// wordDiff is WordDiff that also counts what it found.
func wordDiff(a, b string) ([]Edit, editCounts) {
	switch {
	case a == b:
		if a == "" {
			return nil, editCounts{}
		}
		return []Edit{{Op: OpEqual, Text: a}}, editCounts{}
	case a == "":
		return []Edit{{Op: OpInsert, Text: b}}, editCounts{inserted: countWords(b)}
	case b == "":
		return []Edit{{Op: OpDelete, Text: a}}, editCounts{deleted: countWords(a)}
	}
	if p, m := sharedTextEnds(a, b); p+m > 0 {
		// The whole texts' diff keeps their common run of words and
		// marks first (spaces aside), and only then looks for a common
		// end. When the texts go on with the same word after the cut,
		// that run reaches past it (they differed in spacing or
		// normalization only, there) and the end cut may have taken
		// words the whole diff keeps at the start: diff the whole texts
		// instead, rarely and only then.
		if !sameToken(firstWordOrMark(a[p:]), firstWordOrMark(b[p:])) {
			edits, counts := diffTokens(a[p:len(a)-m], b[p:len(b)-m])
			return withEqualEnds(edits, a[:p], a[len(a)-m:]), counts
		}
		if p > 0 {
			// The start cut alone is safe: its tokens are the same in
			// both and the token diff keeps them whatever follows. Only
			// the end cut is given up. Diffing the whole texts would hold
			// every token of both in memory: 20 MB of "a a a …" with one
			// word added took 1.5 GB that way.
			edits, counts := diffTokens(a[p:], b[p:])
			return withEqualEnds(edits, a[:p], ""), counts
		}
	}
	return diffTokens(a, b)
}

// sameToken reports whether two tokens compare equal in the word diff:
// the same in NFC, and not empty.
func sameToken(x, y string) bool {
	return x != "" && (x == y || norm.NFC.String(x) == norm.NFC.String(y))
}

// withEqualEnds puts the shared start and end back around the edits of
// the middles, joined with the equal runs they touch.
func withEqualEnds(edits []Edit, start, end string) []Edit {
	out := make([]Edit, 0, len(edits)+2)
	if start != "" {
		out = append(out, Edit{Op: OpEqual, Text: start})
	}
	for _, e := range edits {
		if k := len(out) - 1; k >= 0 && e.Op == OpEqual && out[k].Op == OpEqual {
			out[k] = joinEqual(out[k], e)
			continue
		}
		out = append(out, e)
	}
	if end != "" {
		e := Edit{Op: OpEqual, Text: end}
		if k := len(out) - 1; k >= 0 && out[k].Op == OpEqual {
			out[k] = joinEqual(out[k], e)
		} else {
			out = append(out, e)
		}
	}
	return out
}

// joinEqual is two consecutive equal runs as one.
func joinEqual(x, y Edit) Edit {
	e := Edit{Op: OpEqual, Text: x.Text + y.Text}
	if x.Old != "" || y.Old != "" {
		e.Old = x.OldText() + y.OldText()
	}
	return e
}

// diffTokens is wordDiff without cutting shared ends first: both texts
// tokenized whole and their tokens aligned.
func diffTokens(a, b string) ([]Edit, editCounts) {
	t := &symbolTable{index: make(map[string]int, 64)}
	return t.diff(t.tokens(a), t.tokens(b))
}

// diff aligns the tokens of two texts and spells the result as edits.
func (t *symbolTable) diff(sa, sb side) ([]Edit, editCounts) {
	a, b := sa.text, sb.text
	if !t.full {
		runs := cleanup(alignWords(sa.syms, sb.syms, t), t, sa, sb)
		if edits, counts, ok := t.edits(runs, sa, sb); ok {
			return edits, counts
		}
	}
	// Too many distinct tokens to diff (megabytes of unique words in one
	// paragraph), or a fault of ours: the honest fallback.
	// (A middle may be empty on one side: no empty edit is made.)
	var edits []Edit
	if a != "" {
		edits = append(edits, Edit{Op: OpDelete, Text: a})
	}
	if b != "" {
		edits = append(edits, Edit{Op: OpInsert, Text: b})
	}
	return edits, countChange(a, b, countWords(a), countWords(b), edits)
}

// symbolTable maps each distinct token of one word diff, compared in NFC,
// to a symbol rune.
type symbolTable struct {
	index map[string]int
	class []tokenClass // by symbol
	full  bool         // more distinct tokens than runes to stand for them
}

// side is one text of a word diff cut into tokens: token k is
// text[off[k]:off[k+1]] and stands for symbol syms[k].
type side struct {
	text string
	off  []int
	syms []rune
}

// run returns the text of tokens [from, to).
func (s side) run(from, to int) string { return s.text[s.off[from]:s.off[to]] }

// tokens cuts s into tokens and gives each its symbol.
func (t *symbolTable) tokens(s string) side {
	sd := side{text: s, off: make([]int, 0, len(s)/3+2), syms: make([]rune, 0, len(s)/3+1)}
	at := 0
	// A text already in NFC (all ASCII text is) needs no token checked;
	// checking each of a megabyte paragraph's tokens costs more than the diff.
	normal := norm.NFC.IsNormalString(s)
	scanTokens(s, func(tok string, class tokenClass) {
		key := tok
		if !normal && !norm.NFC.IsNormalString(tok) {
			key = norm.NFC.String(tok)
		}
		k, ok := t.index[key]
		if !ok {
			k = len(t.class)
			if k >= maxSymbols {
				t.full = true
				return
			}
			t.index[key] = k
			t.class = append(t.class, class)
		}
		sd.off = append(sd.off, at)
		sd.syms = append(sd.syms, symbolRune(k))
		at += len(tok)
	})
	sd.off = append(sd.off, len(s))
	return sd
}

// words counts the word tokens among syms.
func (t *symbolTable) words(syms []rune) int {
	n := 0
	for _, r := range syms {
		if t.class[symbolIndex(r)] == tokenWord {
			n++
		}
	}
	return n
}

// edits spells the runs out as text, each side in its own spelling, and
// counts them. It reports ok=false unless the result reproduces both
// texts exactly.
func (t *symbolTable) edits(runs []tokenRun, a, b side) (edits []Edit, counts editCounts, ok bool) {
	i, j := 0, 0
	for k := 0; k < len(runs); k++ {
		r := runs[k]
		if r.op == OpEqual {
			e := Edit{Op: OpEqual, Text: b.run(j, j+r.n)}
			if old := a.run(i, i+r.n); old != e.Text {
				e.Old = old
			}
			edits = append(edits, e)
			i, j = i+r.n, j+r.n
			continue
		}
		// A change: at most one deletion then one insertion, as cleanup
		// left them.
		var del, ins tokenRun
		if r.op == OpDelete {
			del = r
			if k+1 < len(runs) && runs[k+1].op == OpInsert {
				ins = runs[k+1]
				k++
			}
		} else {
			ins = r
		}
		d, n := a.run(i, i+del.n), b.run(j, j+ins.n)
		first := len(edits)
		if del.n > 0 {
			edits = append(edits, Edit{Op: OpDelete, Text: d})
		}
		if ins.n > 0 {
			edits = append(edits, Edit{Op: OpInsert, Text: n})
		}
		c := countChange(d, n, t.words(a.syms[i:i+del.n]), t.words(b.syms[j:j+ins.n]), edits[first:])
		counts.deleted += c.deleted
		counts.inserted += c.inserted
		counts.typographic += c.typographic
		counts.punctuation += c.punctuation
		i, j = i+del.n, j+ins.n
	}
	return edits, counts, roundTrips(edits, a.text, b.text)
}

// roundTrips reports whether edits turn a into b: the old spellings give
// a and the new ones b.
func roundTrips(edits []Edit, a, b string) bool {
	for _, e := range edits {
		if old := e.OldText(); old != "" || e.Op != OpInsert {
			if !strings.HasPrefix(a, old) {
				return false
			}
			a = a[len(old):]
		}
		if nw := e.NewText(); nw != "" || e.Op != OpDelete {
			if !strings.HasPrefix(b, nw) {
				return false
			}
			b = b[len(nw):]
		}
	}
	return a == "" && b == ""
}

// String shows an edit the way test failures print it: its op and text,
// and its old spelling or typographic mark where it has one.
func (e Edit) String() string {
	s := e.Op.String() + " " + strconv.Quote(e.Text)
	if e.Old != "" {
		s += " (old " + strconv.Quote(e.Old) + ")"
	}
	if e.Typographic {
		s += " (typographic)"
	}
	return s
}
