package diff

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"github.com/sergi/go-diff/diffmatchpatch"
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
	Op   Op
	Text string
}

// Bounds for go-diff's Myers search. go-diff only offers a wall-clock
// timeout, and its 1 s default silently returns a coarser diff when the
// machine is busy, so the same comparison could read differently from run
// to run. Inputs up to exactDiffLimit symbols in all (tokens of a
// paragraph pair, or paragraphs of a version pair) are diffed with no
// timeout: the result is minimal and reproducible. Myers costs
// O((N+M)·D), so the worst case at the limit — two unrelated 4,000-token
// paragraphs — takes about 0.25 s on the 2-core development machine, while
// a real paragraph (a few hundred tokens) or article revision (small D)
// takes micro- to milliseconds. Larger inputs (a book pasted as one
// paragraph, a 10,000-paragraph document) get diffTimeout: a safety net so
// the reader is never stuck for minutes, long enough that it does not fire
// on sizeable but ordinary revisions even under load. When it fires,
// go-diff reports the unresolved middle as deleted and inserted — coarse,
// but still a correct, round-tripping diff.
const (
	exactDiffLimit = 8000
	diffTimeout    = 2 * time.Second
)

// newDiffer returns a go-diff instance configured for n symbols in total.
func newDiffer(n int) *diffmatchpatch.DiffMatchPatch {
	dmp := diffmatchpatch.New()
	if n <= exactDiffLimit {
		// 0 also turns off go-diff's half-match shortcut, which may return
		// a non-minimal diff.
		dmp.DiffTimeout = 0
	} else {
		dmp.DiffTimeout = diffTimeout
	}
	return dmp
}

// Symbols handed to go-diff start at the private-use area and go up from
// there. go-diff only gives ASCII letters, digits and whitespace special
// meaning (in its semantic-cleanup scoring), so every rune from U+E000 up
// behaves the same; surrogates lie below and are never produced, and
// U+FFFD is skipped so a rune split by the library can never pass for a
// symbol when we map back.
const (
	symbolBase = 0xE000
	maxSymbols = unicode.MaxRune - symbolBase // U+E000..U+10FFFF less U+FFFD
)

// symbolRune is the rune that stands for the k-th distinct symbol.
func symbolRune(k int) rune {
	r := rune(symbolBase + k)
	if r >= utf8.RuneError {
		r++
	}
	return r
}

// symbolIndex inverts symbolRune; it returns -1 for a rune that no symbol
// maps to.
func symbolIndex(r rune) int {
	switch {
	case r < symbolBase || r == utf8.RuneError || r > unicode.MaxRune:
		return -1
	case r > utf8.RuneError:
		return int(r-symbolBase) - 1
	}
	return int(r - symbolBase)
}

// tokenClass is what a token is to the word diff and to the word counts.
type tokenClass int8

const (
	tokenOther tokenClass = iota // one punctuation mark, symbol or emoji
	tokenSpace                   // a run of whitespace
	tokenWord                    // a word, a number, or one CJK character
)

// scanTokens splits s into the tokens the word diff works on and calls
// emit for each, in order; the tokens concatenate to s exactly. A token
// is a run of letters, digits and combining marks (a word), a run of
// whitespace, one CJK character (those scripts do not separate words with
// spaces, so the character is the smallest unit a reader can follow), or
// one other grapheme cluster (a punctuation mark, a symbol, a whole emoji
// sequence such as 👩‍👩‍👧). Tokens never split a grapheme cluster, so no
// edit ever cuts a multi-byte character or detaches a combining accent.
func scanTokens(s string, emit func(tok string, class tokenClass)) {
	state := -1
	start, inRun, runClass := 0, false, tokenOther // s[start:i] is a growing word or space run
	for i := 0; i < len(s); {
		var n int
		var class tokenClass
		var joins bool // whether this cluster can be part of a longer run
		if c := s[i]; c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			// Fast path: two ASCII bytes in a row are always separate
			// clusters (CR LF aside, which is whitespace either way).
			n, class = 1, asciiClass[c]
			joins = class != tokenOther
			state = -1
		} else {
			var cluster string
			cluster, _, _, state = uniseg.FirstGraphemeClusterInString(s[i:], state)
			n = len(cluster)
			class, joins = clusterClass(cluster)
		}
		if inRun && (!joins || class != runClass) {
			emit(s[start:i], runClass)
			inRun = false
		}
		if !inRun {
			if joins {
				start, inRun, runClass = i, true, class
			} else {
				emit(s[i:i+n], class)
			}
		}
		i += n
	}
	if inRun {
		emit(s[start:], runClass)
	}
}

// asciiClass classifies every ASCII byte once, for the fast path.
var asciiClass = func() (t [utf8.RuneSelf]tokenClass) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = tokenWord
		case c == ' ', '\t' <= c && c <= '\r':
			t[c] = tokenSpace
		}
	}
	return t
}()

// clusterClass classifies one grapheme cluster by its first rune and says
// whether it can be part of a longer run (words and whitespace can; CJK
// characters, punctuation and symbols stand alone).
func clusterClass(cluster string) (tokenClass, bool) {
	r, _ := utf8.DecodeRuneInString(cluster)
	switch {
	case unicode.IsSpace(r):
		return tokenSpace, true
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return tokenWord, false
	case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r):
		// A mark here has no base before it (otherwise the cluster would
		// hold both); it still belongs with the letters around it.
		return tokenWord, true
	}
	return tokenOther, false
}

// countWords is the number of word tokens in s: what the stats call words.
func countWords(s string) int {
	n := 0
	scanTokens(s, func(_ string, class tokenClass) {
		if class == tokenWord {
			n++
		}
	})
	return n
}

// symbolTable maps each distinct token of one word diff to a symbol rune.
type symbolTable struct {
	index map[string]int
	text  []string
	word  []bool
	full  bool // more distinct tokens than runes to stand for them
}

// runes returns s as a rune string of symbols, one per token.
func (t *symbolTable) runes(s string) []rune {
	out := make([]rune, 0, len(s)/3+1)
	scanTokens(s, func(tok string, class tokenClass) {
		k, ok := t.index[tok]
		if !ok {
			k = len(t.text)
			if k >= maxSymbols {
				t.full = true
				return
			}
			t.index[tok] = k
			t.text = append(t.text, tok)
			t.word = append(t.word, class == tokenWord)
		}
		out = append(out, symbolRune(k))
	})
	return out
}

// WordDiff returns the word-level edits turning a into b. Concatenating the
// Equal+Delete texts gives a; Equal+Insert gives b, byte for byte.
//
// Edits fall on token boundaries (see the tokens above) and are tidied by
// go-diff's semantic cleanup, which folds small equalities — typically the
// single space between two changed words — into the change around them,
// so a rewritten phrase reads as one deletion and one insertion rather
// than a comb of one-word edits. Between two equal runs there is at most
// one deletion followed by at most one insertion.
//
// Texts that differ only in whitespace get the plain minimal diff instead:
// there semantic cleanup would fold every one-word equality between two
// changed spaces into one big change.
func WordDiff(a, b string) []Edit {
	edits, _, _ := wordDiff(a, b)
	return edits
}

// wordDiff is WordDiff that also counts the words it deleted and inserted,
// while it still knows which tokens are words.
func wordDiff(a, b string) (edits []Edit, deleted, inserted int) {
	switch {
	case a == b:
		if a == "" {
			return nil, 0, 0
		}
		return []Edit{{OpEqual, a}}, 0, 0
	case a == "":
		return []Edit{{OpInsert, b}}, 0, countWords(b)
	case b == "":
		return []Edit{{OpDelete, a}}, countWords(a), 0
	}
	t := &symbolTable{index: make(map[string]int, 64)}
	ra, rb := t.runes(a), t.runes(b)
	if !t.full {
		dmp := newDiffer(len(ra) + len(rb))
		diffs := dmp.DiffMainRunes(ra, rb, false)
		// Cleanup works on strings of multi-byte runes; if it ever splits
		// one, the diff before cleanup is still exact.
		if squeezeSpace(a) != squeezeSpace(b) {
			if edits, deleted, inserted, ok := t.edits(dmp.DiffCleanupSemantic(diffs), a, b); ok {
				return edits, deleted, inserted
			}
			diffs = dmp.DiffMainRunes(ra, rb, false)
		}
		if edits, deleted, inserted, ok := t.edits(diffs, a, b); ok {
			return edits, deleted, inserted
		}
	}
	// Too many distinct tokens to diff (megabytes of unique words in one
	// paragraph), or a library fault: the honest fallback.
	return []Edit{{OpDelete, a}, {OpInsert, b}}, countWords(a), countWords(b)
}

// edits maps go-diff's symbol diffs back to text, merging them so that
// each run between two equalities is one deletion then one insertion. It
// reports ok=false unless the result reproduces a and b exactly.
func (t *symbolTable) edits(diffs []diffmatchpatch.Diff, a, b string) (edits []Edit, deleted, inserted int, ok bool) {
	var del, ins, eq strings.Builder
	flushChange := func() {
		if del.Len() > 0 {
			edits = append(edits, Edit{OpDelete, del.String()})
			del.Reset()
		}
		if ins.Len() > 0 {
			edits = append(edits, Edit{OpInsert, ins.String()})
			ins.Reset()
		}
	}
	flushEqual := func() {
		if eq.Len() > 0 {
			edits = append(edits, Edit{OpEqual, eq.String()})
			eq.Reset()
		}
	}
	for _, d := range diffs {
		var sb *strings.Builder
		var words *int
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			if d.Text == "" {
				continue
			}
			flushChange()
			sb = &eq
		case diffmatchpatch.DiffDelete:
			flushEqual()
			sb, words = &del, &deleted
		case diffmatchpatch.DiffInsert:
			flushEqual()
			sb, words = &ins, &inserted
		}
		for _, r := range d.Text {
			k := symbolIndex(r)
			if k < 0 || k >= len(t.text) {
				return nil, 0, 0, false
			}
			sb.WriteString(t.text[k])
			if words != nil && t.word[k] {
				*words++
			}
		}
	}
	flushEqual()
	flushChange()
	return edits, deleted, inserted, roundTrips(edits, a, b)
}

// roundTrips reports whether edits turn a into b: Equal+Delete spell a and
// Equal+Insert spell b.
func roundTrips(edits []Edit, a, b string) bool {
	for _, e := range edits {
		if e.Op != OpInsert {
			if !strings.HasPrefix(a, e.Text) {
				return false
			}
			a = a[len(e.Text):]
		}
		if e.Op != OpDelete {
			if !strings.HasPrefix(b, e.Text) {
				return false
			}
			b = b[len(e.Text):]
		}
	}
	return a == "" && b == ""
}
