package diff

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// joinThreshold is how alike an old paragraph must be to two new ones
// read as one (or two old ones to one new) for the step to be a split (or
// a merge): the same Dice score as pairing, on the joined text. It is
// set well above moveThreshold because a split claims that nothing but
// the paragraph break came between the sentences.
const joinThreshold = 0.6

// joinSplits finds, among neighbouring rows, a paragraph cut in two or two
// joined, and shows each as one split or merge: an edited paragraph
// followed by an added one (or a removed one) that together read as one,
// or a removed paragraph followed by two added ones (or two removed
// followed by one added) that do. The joined reading must beat the
// pairing it replaces, so a genuinely new paragraph next to an edited one
// is left alone: its words lower the score of the joined text.
func joinSplits(changes []Change, counts []editCounts, al *alignment) ([]Change, []editCounts) {
	// In place: each join puts fewer rows (or as many) where it read
	// them, so the rows written never pass the rows still to read.
	n := 0
	put := func(rs ...row) {
		for _, r := range rs {
			changes[n], counts[n] = r.Change, r.counts
			n++
		}
	}
	kindAt := func(k int) Kind {
		if k < len(changes) {
			return changes[k].Kind
		}
		return -1
	}
	for k := 0; k < len(changes); k++ {
		r := changes[k]
		switch {
		case r.Kind == Edited && kindAt(k+1) == Added && changes[k+1].New == r.New+1:
			if s, ok := trySplit(al, r.Old, r.New, r.Similarity); ok {
				put(s...)
				k++
				continue
			}
		case r.Kind == Added && kindAt(k+1) == Edited && changes[k+1].New == r.New+1:
			if s, ok := trySplit(al, changes[k+1].Old, r.New, changes[k+1].Similarity); ok {
				put(s...)
				k++
				continue
			}
		case r.Kind == Removed && kindAt(k+1) == Added && kindAt(k+2) == Added && changes[k+2].New == changes[k+1].New+1:
			if s, ok := trySplit(al, r.Old, changes[k+1].New, 0); ok {
				put(s...)
				k += 2
				continue
			}
		case r.Kind == Edited && kindAt(k+1) == Removed && changes[k+1].Old == r.Old+1:
			if m, ok := tryMerge(al, r.Old, r.New, r.Similarity); ok {
				put(m)
				k++
				continue
			}
		case r.Kind == Removed && kindAt(k+1) == Edited && changes[k+1].Old == r.Old+1:
			if m, ok := tryMerge(al, r.Old, changes[k+1].New, changes[k+1].Similarity); ok {
				put(m)
				k++
				continue
			}
		case r.Kind == Removed && kindAt(k+1) == Removed && kindAt(k+2) == Added && changes[k+1].Old == r.Old+1:
			if m, ok := tryMerge(al, r.Old, changes[k+2].New, 0); ok {
				put(m)
				k += 2
				continue
			}
		}
		put(row{Change: r, counts: counts[k]})
	}
	clear(changes[n:]) // the rows joined away let go of their edits
	return changes[:n], counts[:n]
}

// joinedDiff diffs a against b, of wa and wb words, and scores them as
// pairing does.
func joinedDiff(a, b string, wa, wb int) ([]Edit, editCounts, float64) {
	edits, counts := wordDiff(a, b)
	if wa+wb == 0 {
		return edits, counts, 0
	}
	return edits, counts, 2 * float64(wa-counts.deleted) / float64(wa+wb)
}

// mayJoin reports whether a joined against b could score above both
// joinThreshold and pairSim, before any diff: the words a diff keeps are
// words both texts hold, so their shared words, counted as a multiset (in
// NFC, as the word diff compares them), bound its score. Most candidate
// splits and merges of a step fail here, at a fraction of a diff's cost.
// It counts the words of each (wa, wb) on the way, for joinedDiff.
func mayJoin(a, b string, pairSim float64) (wa, wb int, ok bool) {
	key := func(tok string) string {
		if !norm.NFC.IsNormalString(tok) {
			return norm.NFC.String(tok)
		}
		return tok
	}
	have := map[string]int{}
	shared := 0
	scanTokens(a, func(tok string, class tokenClass) {
		if class == tokenWord {
			have[key(tok)]++
			wa++
		}
	})
	scanTokens(b, func(tok string, class tokenClass) {
		if class == tokenWord {
			wb++
			if k := key(tok); have[k] > 0 {
				have[k]--
				shared++
			}
		}
	})
	if wa+wb == 0 {
		return wa, wb, false
	}
	bound := 2 * float64(shared) / float64(wa+wb)
	return wa, wb, bound >= joinThreshold && bound > pairSim
}

// tryMerge reads old paragraphs i and i+1 as joined into new paragraph j.
func tryMerge(al *alignment, i, j int, pairSim float64) (row, bool) {
	joined := al.old[i] + " " + al.old[i+1]
	wa, wb, ok := mayJoin(joined, al.new[j], pairSim)
	if !ok {
		return row{}, false
	}
	edits, counts, sim := joinedDiff(joined, al.new[j], wa, wb)
	if sim < joinThreshold || sim <= pairSim {
		return row{}, false
	}
	return row{Change: Change{Kind: Merged, Old: i, New: j, Group: []int{i, i + 1}, Edits: edits, Similarity: sim}, counts: counts}, true
}

// trySplit reads old paragraph i as cut into new paragraphs j and j+1.
func trySplit(al *alignment, i, j int, pairSim float64) ([]row, bool) {
	first := al.new[j]
	joined := first + " " + al.new[j+1]
	wa, wb, ok := mayJoin(al.old[i], joined, pairSim)
	if !ok {
		return nil, false
	}
	edits, counts, sim := joinedDiff(al.old[i], joined, wa, wb)
	if sim < joinThreshold || sim <= pairSim {
		return nil, false
	}
	a, b, ok := cutAt(edits, len(first))
	if !ok {
		return nil, false
	}
	group := []int{j, j + 1}
	return []row{
		// The counts go with the first piece, so the split is counted once.
		{Change: Change{Kind: Split, Old: i, New: j, Group: group, Edits: a, Similarity: sim}, counts: counts},
		{Change: Change{Kind: Split, Old: i, New: j + 1, Group: group, Edits: b, Similarity: sim}},
	}, true
}

// cutAt cuts the edits of old → (first + " " + second) at the joining
// space, which starts at byte at of the new text: the first part spells
// first, the second part second. A space the old text had there stays on
// the old side (as a deletion, which the reader does not see: the
// paragraph break took its place); one it did not have is dropped.
func cutAt(edits []Edit, at int) (first, second []Edit, ok bool) {
	pos := 0 // bytes of new text seen
	for _, e := range edits {
		nt := e.NewText()
		if nt == "" { // a deletion
			if pos <= at {
				first = append(first, e)
			} else {
				second = append(second, e)
			}
			continue
		}
		lo, hi := pos, pos+len(nt)
		pos = hi
		if hi <= at {
			first = append(first, e)
			continue
		}
		if lo > at {
			second = append(second, e)
			continue
		}
		if e.Old != "" {
			return nil, nil, false // a normalization-only run across the cut: keep it whole
		}
		if lo < at {
			first = append(first, Edit{Op: e.Op, Text: nt[:at-lo], Typographic: e.Typographic})
		}
		if e.Op == OpEqual {
			first = append(first, Edit{Op: OpDelete, Text: nt[at-lo : at-lo+1]})
		}
		if rest := nt[at-lo+1:]; rest != "" {
			second = append(second, Edit{Op: e.Op, Text: rest, Typographic: e.Typographic})
		}
	}
	return tidy(first), tidy(second), true
}

// tidy restores the shape every consumer relies on after cutting: no
// empty edit, no two equal runs in a row, and between two equal runs one
// deletion then one insertion.
func tidy(edits []Edit) []Edit {
	var out []Edit
	var del, ins strings.Builder
	delTypo, insTypo := true, true
	flush := func() {
		if del.Len() > 0 {
			out = append(out, Edit{Op: OpDelete, Text: del.String(), Typographic: delTypo})
		}
		if ins.Len() > 0 {
			out = append(out, Edit{Op: OpInsert, Text: ins.String(), Typographic: insTypo})
		}
		del.Reset()
		ins.Reset()
		delTypo, insTypo = true, true
	}
	for _, e := range edits {
		switch {
		case e.Text == "":
		case e.Op == OpDelete:
			del.WriteString(e.Text)
			delTypo = delTypo && e.Typographic
		case e.Op == OpInsert:
			ins.WriteString(e.Text)
			insTypo = insTypo && e.Typographic
		default:
			flush()
			if n := len(out) - 1; n >= 0 && out[n].Op == OpEqual {
				old := out[n].OldText() + e.OldText()
				out[n].Text += e.Text
				if old != out[n].Text {
					out[n].Old = old
				}
				continue
			}
			out = append(out, e)
		}
	}
	flush()
	return out
}
