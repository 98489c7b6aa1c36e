package diff

import (
	"slices"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// anchor is a pair of paragraphs that keeps the reading order — a Same or
// Edited pair. Anchors ascend in both indexes; everything between two
// anchors was removed, added or moved.
type anchor struct{ old, new int }

// alignment is the paragraph-level result of comparing two versions, before
// word edits are computed.
type alignment struct {
	old, new       []string
	oldKey, newKey []int32 // interned whitespace-squeezed texts
	oldTo, newTo   []int   // partner index, -1 for none
	sim            []float64
	same           []bool // by old index: the pair's texts are equal
	anchors        []anchor
}

// alignGap is a stretch between two exact matches: old[o0:o1] against new[n0:n1].
type alignGap struct{ o0, o1, n0, n1 int }

// alignParagraphs pairs the paragraphs of two versions: exact matches by
// LCS, then similar paragraphs inside each gap, then moves.
func alignParagraphs(old, new []string) *alignment {
	al := &alignment{
		old:    old,
		new:    new,
		oldTo:  make([]int, len(old)),
		newTo:  make([]int, len(new)),
		sim:    make([]float64, len(old)),
		same:   make([]bool, len(old)),
		oldKey: make([]int32, len(old)),
		newKey: make([]int32, len(new)),
	}
	for i := range al.oldTo {
		al.oldTo[i] = -1
	}
	for j := range al.newTo {
		al.newTo[j] = -1
	}
	exact := al.matchExact()
	gaps := gapsBetween(exact, len(old), len(new))

	sc := newPairScorer(al)
	edited := sc.pairGaps(gaps)
	al.anchors = append(exact, edited...)
	slices.SortFunc(al.anchors, func(x, y anchor) int { return x.old - y.old })

	moves := sc.findMoves()
	al.keepOrder(moves)
	return al
}

// pair records that old paragraph i and new paragraph j are one paragraph.
func (al *alignment) pair(i, j int, sim float64) {
	al.oldTo[i], al.newTo[j], al.sim[i] = j, i, sim
	al.same[i] = al.oldKey[i] == al.newKey[j]
}

// matchExact finds the longest common subsequence of paragraphs compared
// on whitespace-squeezed text, and pairs it. Each distinct text becomes
// one rune so go-diff's Myers search (O((N+M)·D), linear space, with
// common prefix and suffix trimmed first) runs on the paragraph sequence:
// for a typical revision D is small and thousands of paragraphs align in
// milliseconds.
func (al *alignment) matchExact() []anchor {
	keys := make(map[string]int32, len(al.old)+len(al.new))
	intern := func(p string) int32 {
		p = squeezeSpace(p)
		k, ok := keys[p]
		if !ok {
			k = int32(len(keys))
			keys[p] = k
		}
		return k
	}
	for i, p := range al.old {
		al.oldKey[i] = intern(p)
	}
	for j, p := range al.new {
		al.newKey[j] = intern(p)
	}
	if len(keys) > maxSymbols {
		// More distinct paragraphs than runes: leave the alignment to
		// similarity and exact moves rather than mis-pair paragraphs.
		return nil
	}
	ra, rb := make([]rune, len(al.old)), make([]rune, len(al.new))
	for i, k := range al.oldKey {
		ra[i] = symbolRune(int(k))
	}
	for j, k := range al.newKey {
		rb[j] = symbolRune(int(k))
	}
	diffs := newDiffer(len(ra)+len(rb)).DiffMainRunes(ra, rb, false)

	var exact []anchor
	i, j := 0, 0
	for _, d := range diffs {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		case diffmatchpatch.DiffEqual:
			for ; n > 0 && i < len(ra) && j < len(rb); n-- {
				if ra[i] == rb[j] {
					al.pair(i, j, 1)
					exact = append(exact, anchor{i, j})
				}
				i, j = i+1, j+1
			}
		}
	}
	return exact
}

// gapsBetween lists the stretches between consecutive anchors (and before
// the first and after the last) that hold unmatched paragraphs.
func gapsBetween(anchors []anchor, nOld, nNew int) []alignGap {
	var gaps []alignGap
	prev := anchor{-1, -1}
	for _, an := range append(anchors[:len(anchors):len(anchors)], anchor{nOld, nNew}) {
		if an.old > prev.old+1 || an.new > prev.new+1 {
			gaps = append(gaps, alignGap{prev.old + 1, an.old, prev.new + 1, an.new})
		}
		prev = an
	}
	return gaps
}

// keepOrder turns into anchors the pairs found by move detection that do
// not actually break the reading order — they fit between their
// neighbouring anchors. Greedy gap pairing only leaves such pairs behind
// when its look-ahead window or the similarity budget stopped it short;
// a reader would call them edits, not moves. Pairs are tried in old order
// so two moves that cross each other cannot both become anchors.
func (al *alignment) keepOrder(moves []anchor) {
	slices.SortFunc(moves, func(x, y anchor) int { return x.old - y.old })
	for _, m := range moves {
		p, _ := slices.BinarySearchFunc(al.anchors, m.old, func(an anchor, old int) int { return an.old - old })
		before, after := anchor{-1, -1}, anchor{len(al.old), len(al.new)}
		if p > 0 {
			before = al.anchors[p-1]
		}
		if p < len(al.anchors) {
			after = al.anchors[p]
		}
		if before.new < m.new && m.new < after.new {
			al.anchors = slices.Insert(al.anchors, p, m)
		}
	}
}
