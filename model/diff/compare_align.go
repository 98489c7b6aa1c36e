package diff

import (
	"hash/maphash"
	"slices"

	"redline/model"
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
	al.anchors = mergeByOld(exact, edited)

	moves := sc.findMoves()
	al.keepOrder(moves)
	return al
}

// mergeByOld merges two lists of anchors, each ascending by old index,
// into one: both come out of passes that walk the old version in order,
// and sorting 200,000 anchors of a 30 MB pair took 2% of the run.
func mergeByOld(x, y []anchor) []anchor {
	out := make([]anchor, 0, len(x)+len(y))
	for len(x) > 0 && len(y) > 0 {
		if x[0].old < y[0].old {
			out, x = append(out, x[0]), x[1:]
		} else {
			out, y = append(out, y[0]), y[1:]
		}
	}
	return append(append(out, x...), y...)
}

// pair records that old paragraph i and new paragraph j are one paragraph.
func (al *alignment) pair(i, j int, sim float64) {
	al.oldTo[i], al.newTo[j], al.sim[i] = j, i, sim
	al.same[i] = al.oldKey[i] == al.newKey[j]
}

// matchExact finds the longest common subsequence of paragraphs compared
// on normalized text (NFC, whitespace squeezed), and pairs it. Each
// distinct text becomes one symbol. The texts unique to both versions
// whose place is certain (below) are kept first, and the symbol strings
// between them are aligned the way word diffs are (common ends trimmed,
// Myers search, bounded by counting work): patience diff (Bram Cohen's),
// which a text that repeats ("Read more.") cannot pull across a unique
// one. For a typical revision thousands of paragraphs align in
// milliseconds.
//
// An exact pair becomes an anchor — a paragraph that kept its place —
// only when its place is certain: a text unique to both versions must lie
// on every longest order-keeping chain of such texts. When [A, B, C]
// becomes [C, B′, A], A and C each could be "the one that stayed"; the
// first LCS found would pick one and call the edited B moved. Leaving
// both to move detection lets B′, which kept its place between them, be
// the edit, and A and C the moves.
func (al *alignment) matchExact() []anchor {
	keys := al.internKeys()
	if keys > maxSymbols {
		// More distinct paragraphs than runes: leave the alignment to
		// similarity and exact moves rather than mis-pair paragraphs.
		return nil
	}
	certain, pairable := al.uniquePairs(keys)
	// The certain pairs are kept, and the rest is aligned between them
	// (patience diff): a text that repeats ("Read more.") can then never
	// be paired across a unique one and make it seem to move. Between
	// them only the texts that can pair are aligned (on both sides, and
	// not unique to both): on 50,000 shuffled paragraphs, aligning the
	// rest only to drop their pairs was a sixth of the run.
	var exact []anchor
	var ra, rb []rune
	var oi, nj []int
	i0, j0 := 0, 0
	gap := func(i1, j1 int) {
		oi, nj, ra, rb = oi[:0], nj[:0], ra[:0], rb[:0]
		for i := i0; i < i1; i++ {
			if k := al.oldKey[i]; pairable[k] {
				oi, ra = append(oi, i), append(ra, symbolRune(int(k)))
			}
		}
		for j := j0; j < j1; j++ {
			if k := al.newKey[j]; pairable[k] {
				nj, rb = append(nj, j), append(rb, symbolRune(int(k)))
			}
		}
		if len(oi) == 0 || len(nj) == 0 {
			return
		}
		for a, b := range equalPairs(alignTokens(ra, rb)) {
			al.pair(oi[a], nj[b], 1)
			exact = append(exact, anchor{oi[a], nj[b]})
		}
	}
	for _, c := range certain {
		gap(c.old, c.new)
		al.pair(c.old, c.new, 1)
		exact = append(exact, c)
		i0, j0 = c.old+1, c.new+1
	}
	gap(len(al.old), len(al.new))
	return exact
}

// internKeys numbers the distinct normalized texts of both versions
// densely from 0, in reading order (old, then new), into oldKey and
// newKey, and returns how many there are. Texts are normalized and
// hashed on every core; a text is then one look-up of its 64-bit hash,
// confirmed against the first text that had it (a different text with
// the same hash gets its own number all the same). On a 30 MB pair a map
// keyed by the texts themselves was a tenth of the comparison.
func (al *alignment) internKeys() int {
	n := len(al.old) + len(al.new)
	text := func(k int) string {
		if k < len(al.old) {
			return al.old[k]
		}
		return al.new[k-len(al.old)]
	}
	norm, hash := make([]string, n), make([]uint64, n)
	seed := maphash.MakeSeed() // the numbering does not depend on it
	model.Spread(n, 1<<12, func(lo, hi int) {
		for k := lo; k < hi; k++ {
			norm[k] = normalKey(text(k))
			hash[k] = keyHash(seed, norm[k])
		}
	})
	ids := make(map[uint64]int32, n)
	var first []int              // by number: the text that first had it
	var clashes map[string]int32 // texts whose hash an earlier, different text has
	for k := range n {
		id, ok := ids[hash[k]]
		switch {
		case !ok:
			id = int32(len(first))
			ids[hash[k]] = id
			first = append(first, k)
		case norm[first[id]] != norm[k]:
			if clashes == nil {
				clashes = map[string]int32{}
			}
			if id, ok = clashes[norm[k]]; !ok {
				id = int32(len(first))
				clashes[norm[k]] = id
				first = append(first, k)
			}
		}
		if k < len(al.old) {
			al.oldKey[k] = id
		} else {
			al.newKey[k-len(al.old)] = id
		}
	}
	return len(first)
}

// keyHash hashes a normalized text for internKeys; a test makes it clash.
var keyHash = maphash.String

// uniquePairs finds, among the paragraphs whose text is unique to both
// versions, the certain pairs: those on every longest order-keeping
// chain of such pairs (ascending on both sides; see matchExact). pairable
// marks, by key, the texts that may pair between them: in both versions
// and not unique to both (an uncertain unique pair is left to move
// detection).
func (al *alignment) uniquePairs(keys int) (certain []anchor, pairable []bool) {
	// By key (interned texts are numbered densely from 0): how often it
	// occurs on each side, and where in the new version.
	nOld, nNew := make([]int32, keys), make([]int32, keys)
	atNew := make([]int32, keys)
	for _, k := range al.oldKey {
		nOld[k]++
	}
	for j, k := range al.newKey {
		nNew[k]++
		atNew[k] = int32(j)
	}
	pairable = make([]bool, keys)
	var pairs []anchor
	for i, k := range al.oldKey {
		if nOld[k] == 1 && nNew[k] == 1 {
			pairs = append(pairs, anchor{i, int(atNew[k])})
		}
	}
	for k := range pairable {
		pairable[k] = nOld[k] > 0 && nNew[k] > 0 && (nOld[k] > 1 || nNew[k] > 1)
	}
	onEvery := onEveryLongestChain(pairs)
	for k, p := range pairs {
		if onEvery[k] {
			certain = append(certain, p)
		}
	}
	return certain, pairable
}

// onEveryLongestChain reports, for each of pairs (ascending by old), whether
// it lies on every longest chain whose new indexes ascend too: it lies on
// some longest chain (the longest chains ending and starting at it add up
// to the longest) and no other such pair can stand at its place in it.
func onEveryLongestChain(pairs []anchor) []bool {
	n := len(pairs)
	ending := chainLengths(n, func(k int) int { return pairs[k].new })
	starting := chainLengths(n, func(k int) int { return -pairs[n-1-k].new })
	longest := 0
	for _, l := range ending {
		longest = max(longest, l)
	}
	onSome := make([]bool, n)
	atLevel := make([]int, longest+1) // chain position -> pairs on some longest chain there
	for k := range pairs {
		if ending[k]+starting[n-1-k]-1 == longest {
			onSome[k] = true
			atLevel[ending[k]]++
		}
	}
	out := make([]bool, n)
	for k := range pairs {
		out[k] = onSome[k] && atLevel[ending[k]] == 1
	}
	return out
}

// chainLengths is, for each k of n values key(0..n-1), the length of the
// longest strictly ascending chain of keys that ends at k (patience
// sorting, O(n log n)).
func chainLengths(n int, key func(int) int) []int {
	out := make([]int, n)
	var tails []int // tails[l]: smallest key ending a chain of l+1
	for k := 0; k < n; k++ {
		v := key(k)
		l, _ := slices.BinarySearch(tails, v)
		if l == len(tails) {
			tails = append(tails, v)
		} else {
			tails[l] = v
		}
		out[k] = l + 1
	}
	return out
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
// neighbouring anchors: a reader calls them edits, not moves. Pairs that
// stayed closest to their old place are tried first, so that when
// [A, B, C] becomes [C, B, A] it is B that stayed and A and C that moved;
// two moves that cross each other cannot both become anchors, since the
// second no longer fits.
func (al *alignment) keepOrder(moves []anchor) {
	shift := func(a anchor) int { return abs(a.new - a.old) }
	slices.SortStableFunc(moves, func(x, y anchor) int {
		if d := shift(x) - shift(y); d != 0 {
			return d
		}
		return x.old - y.old
	})
	// The anchors by old index, in a set that finds a move's neighbours
	// in O(log n); newOf gives an anchor's new index.
	set := newIntSet(len(al.old))
	newOf := make([]int, len(al.old))
	for _, an := range al.anchors {
		set.insert(an.old)
		newOf[an.old] = an.new
	}
	kept := false
	for _, m := range moves {
		beforeNew, afterNew := -1, len(al.new)
		if p := set.prev(m.old); p >= 0 {
			beforeNew = newOf[p]
		}
		if n := set.next(m.old); n >= 0 {
			afterNew = newOf[n]
		}
		if beforeNew < m.new && m.new < afterNew {
			set.insert(m.old)
			newOf[m.old] = m.new
			kept = true
		}
	}
	if !kept {
		return
	}
	al.anchors = al.anchors[:0]
	for i := set.next(0); i >= 0; i = set.next(i + 1) {
		al.anchors = append(al.anchors, anchor{i, newOf[i]})
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
