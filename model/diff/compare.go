package diff

import (
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"redline/model"
)

// Kind says what happened to a paragraph between two versions.
type Kind int8

const (
	// Same is a paragraph whose text is unchanged (whitespace aside).
	Same Kind = iota
	// Edited is a paragraph rewritten in place: it keeps its position in
	// the reading order relative to its unchanged neighbours.
	Edited
	// Added is a paragraph only the new version has.
	Added
	// Removed is a paragraph only the old version has, shown at the
	// place it left.
	Removed
	// Moved is a paragraph that changed its place in the reading order
	// (perhaps with some edits), shown at its new place.
	Moved
	// MovedAway marks the place a Moved paragraph left, so the reader
	// sees both ends of the move.
	MovedAway
)

var kindNames = [...]string{"same", "edited", "added", "removed", "moved", "moved-away"}

// String names the kind as JSON output and the print mode show it.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "kind(?)"
	}
	return kindNames[k]
}

// Change is one paragraph's row in a comparison.
type Change struct {
	Kind Kind
	// Old is the paragraph's index in the base (old) version's
	// Paragraphs, -1 if none (Added).
	Old int
	// New is the paragraph's index in the shown (new) version's
	// Paragraphs, -1 if none (Removed). A MovedAway row carries the
	// index the paragraph moved to, so the reader can jump there.
	New int
	// Edits are the old -> new word edits. Same: one OpEqual; Added: one
	// OpInsert; Removed: one OpDelete; Edited and Moved: the word diff;
	// MovedAway: nil (the edits are shown once, at the new place).
	Edits []Edit
	// Similarity is how alike the pair's texts are, 0..1: the share of
	// words kept in order, 2·LCS/(words(old)+words(new)). It is what the
	// pairing thresholds (0.2 for an edit, 0.4 for a move) were applied
	// to. 1 for Same, 0 for Added and Removed.
	Similarity float64
}

// Stats sums up a comparison for the status line.
type Stats struct {
	// WordsAdded and WordsRemoved count words (not spaces or
	// punctuation) in the inserted and deleted text of every paragraph:
	// all of an added or removed paragraph, the edits of an edited or
	// moved one. The headline is left out so the figure describes the
	// body the reader scrolls through.
	WordsAdded, WordsRemoved int
	// Edited, Added, Removed and Moved count paragraphs by Kind
	// (MovedAway markers are not counted: they are the same paragraphs
	// as the Moved ones).
	Edited, Added, Removed, Moved int
}

// Comparison is the result of comparing an old version with a new one.
type Comparison struct {
	// Headline holds the word edits of the headline: one OpEqual when it
	// is unchanged, nil when both versions have none.
	Headline []Edit
	// HeadlineChanged is true when the headlines differ other than in
	// whitespace.
	HeadlineChanged bool
	// Changes are the rows in the new version's reading order; removed
	// paragraphs and MovedAway markers sit at the place they left.
	Changes []Change
	// Stats sums up Changes.
	Stats Stats

	// Partner indexes, kept so the TUI can follow a paragraph between
	// versions on every keystroke without searching Changes.
	oldToNew, newToOld []int
}

// NewIndex is where old paragraph old went in the new version (its Same,
// Edited or Moved partner), or -1 when it was removed or old is out of
// range.
func (c *Comparison) NewIndex(old int) int {
	if c == nil || old < 0 || old >= len(c.oldToNew) {
		return -1
	}
	return c.oldToNew[old]
}

// OldIndex is where new paragraph new came from in the old version, or -1
// when it was added or new is out of range.
func (c *Comparison) OldIndex(new int) int {
	if c == nil || new < 0 || new >= len(c.newToOld) {
		return -1
	}
	return c.newToOld[new]
}

// Compare compares version a (the base) with version b (the one shown).
//
// Paragraphs are aligned in three passes (DESIGN.md, "Comparing two
// versions"): exact matches by longest common subsequence become Same;
// between two exact matches, old and new paragraphs are paired by
// similarity in reading order and become Edited; whatever is still
// unpaired is searched, across the whole article, for moves. Every pair
// then gets its word edits. Compare never fails: any two versions,
// including empty ones, give a comparison.
func Compare(a, b model.Version) *Comparison {
	c := &Comparison{}
	if a.Headline != "" || b.Headline != "" {
		c.Headline = WordDiff(a.Headline, b.Headline)
		c.HeadlineChanged = squeezeSpace(a.Headline) != squeezeSpace(b.Headline)
	}
	al := alignParagraphs(a.Paragraphs, b.Paragraphs)
	c.oldToNew, c.newToOld = al.oldTo, al.newTo
	diffs := pairDiffs(al)
	c.Changes = make([]Change, 0, len(b.Paragraphs)+len(a.Paragraphs)-len(al.anchors))

	i, j := 0, 0 // next old and new paragraph to place
	for _, an := range append(al.anchors, anchor{old: len(al.old), new: len(al.new)}) {
		// Paragraphs between two anchors are removed, added or moved:
		// the old side first, so a replaced passage reads as "this went,
		// that came".
		for ; i < an.old; i++ {
			if to := al.oldTo[i]; to >= 0 {
				c.add(Change{Kind: MovedAway, Old: i, New: to, Similarity: al.sim[i]})
			} else {
				c.add(Change{Kind: Removed, Old: i, New: -1, Edits: []Edit{{OpDelete, al.old[i]}}})
			}
		}
		for ; j < an.new; j++ {
			if from := al.newTo[j]; from >= 0 {
				c.addPair(Moved, al, from, j, diffs)
			} else {
				c.add(Change{Kind: Added, Old: -1, New: j, Edits: []Edit{{OpInsert, al.new[j]}}})
			}
		}
		if an.old < len(al.old) {
			kind := Edited
			if al.same[an.old] {
				kind = Same
			}
			c.addPair(kind, al, an.old, an.new, diffs)
			i, j = an.old+1, an.new+1
		}
	}
	return c
}

// addPair appends the row of a paired paragraph with its word edits.
func (c *Comparison) addPair(kind Kind, al *alignment, i, j int, diffs map[int]pairDiff) {
	ch := Change{Kind: kind, Old: i, New: j, Similarity: al.sim[i]}
	if al.old[i] == al.new[j] {
		ch.Edits = []Edit{{OpEqual, al.new[j]}}
	} else {
		// Also for a Same pair that differs only in whitespace: its
		// edits must still spell both texts exactly.
		d := diffs[i]
		ch.Edits = d.edits
		c.Stats.WordsRemoved += d.del
		c.Stats.WordsAdded += d.ins
	}
	c.add(ch)
}

// pairDiff is the word diff of one pair of paragraphs.
type pairDiff struct {
	edits    []Edit
	del, ins int
}

// pairDiffs works out the word diff of every pair whose texts differ,
// keyed by the old paragraph, on every core when there are many: they
// are independent, and on a long document they are much of the work.
func pairDiffs(al *alignment) map[int]pairDiff {
	var pairs [][2]int
	for i, j := range al.oldTo {
		if j >= 0 && al.old[i] != al.new[j] {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	results := make([]pairDiff, len(pairs))
	work := func(lo, hi int) {
		for k := lo; k < hi; k++ {
			p := pairs[k]
			d := &results[k]
			d.edits, d.del, d.ins = wordDiff(al.old[p[0]], al.new[p[1]])
		}
	}
	workers := runtime.GOMAXPROCS(0)
	if len(pairs) < 64 || workers < 2 {
		work(0, len(pairs))
	} else {
		var wg sync.WaitGroup
		chunk := (len(pairs) + workers - 1) / workers
		for lo := 0; lo < len(pairs); lo += chunk {
			wg.Add(1)
			go func(lo, hi int) {
				defer wg.Done()
				work(lo, hi)
			}(lo, min(lo+chunk, len(pairs)))
		}
		wg.Wait()
	}
	out := make(map[int]pairDiff, len(pairs))
	for k, p := range pairs {
		out[p[0]] = results[k]
	}
	return out
}

// add appends a row and counts it in the stats.
func (c *Comparison) add(ch Change) {
	switch ch.Kind {
	case Edited:
		c.Stats.Edited++
	case Moved:
		c.Stats.Moved++
	case Added:
		c.Stats.Added++
		c.Stats.WordsAdded += countWords(ch.Edits[0].Text)
	case Removed:
		c.Stats.Removed++
		c.Stats.WordsRemoved += countWords(ch.Edits[0].Text)
	}
	c.Changes = append(c.Changes, ch)
}

// squeezeSpace trims s and collapses each run of whitespace to one space,
// so texts that differ only in layout compare equal. It returns s itself
// (no allocation) when s is already in that form, which is the usual case
// because readers store paragraphs whitespace-collapsed.
func squeezeSpace(s string) string {
	if isSqueezed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isSqueezed reports whether squeezeSpace would leave s as it is.
func isSqueezed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || strings.Contains(s, "  ") || model.HasSpaceControl(s) {
		return false
	}
	// Only a few lead bytes can start a Unicode space (U+0085, U+00A0,
	// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000):
	// find each with a fast byte search and look closer there only.
	for _, lead := range [...]byte{0xC2, 0xE1, 0xE2, 0xE3} {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], lead)
			if j < 0 {
				break
			}
			i += j
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
			i++
		}
	}
	return true
}
