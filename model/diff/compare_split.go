package diff

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// joinThreshold is how alike an old paragraph must be to new ones read
// as one (or old ones to one new) for the step to be a split (or a
// merge): the same Dice score as pairing, on the joined text. It is
// set well above moveThreshold because a split claims that nothing but
// the paragraph break came between the sentences.
const joinThreshold = 0.6

// maxPieces bounds a split or a merge: at most this many paragraphs are
// read as one, and a run of neighbouring rows is looked at no further.
// A news paragraph is cut in two or three; eight is far past that, and
// keeps the search of a long run of added paragraphs linear.
const maxPieces = 8

// joinSplits finds, among neighbouring rows, a paragraph cut in pieces or
// pieces joined, and shows each as one split or merge: an edited paragraph
// among added ones (or removed ones) that read as one with it, or a
// removed paragraph followed by added ones (or removed ones followed by
// one added) that do. The joined reading must beat the pairing it
// replaces, so a genuinely new paragraph next to an edited one is left
// alone: its words lower the score of the joined text. Of the readings
// that qualify, the one that scores highest is taken (the fewer pieces
// on a tie): a paragraph cut in three is one split of three, whichever
// piece the pairing took for its edit.
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
	keep := func(from, to int) {
		for q := from; q < to; q++ {
			put(row{Change: changes[q], counts: counts[q]})
		}
	}
	for k := 0; k < len(changes); k++ {
		if rows, lo, hi, ok := joinBlock(changes, counts, k, al); ok {
			keep(k, lo)
			put(rows...)
			k = hi - 1
			continue
		}
		put(row{Change: changes[k], counts: counts[k]})
	}
	clear(changes[n:]) // the rows joined away let go of their edits
	return movedMerges(changes[:n], counts[:n], al)
}

// movedMerges reads a moved paragraph that took in its removed old
// neighbour as one merge of the two, at the place it moved to: ¶4 and ¶5
// joined, with ¶3 moved below them, would otherwise read as ¶4 moved
// with ¶5's words inserted, and ¶5's removed. The merge row takes the moved row's place
// and the neighbour's removal goes; the marker where ¶4 left stays, so
// that the move is still seen, and stands for the merge (its Old is the
// merge's first old paragraph).
func movedMerges(changes []Change, counts []editCounts, al *alignment) ([]Change, []editCounts) {
	removedAt := map[int]int{} // old index → its removal's row
	awayAt := map[int]int{}    // old index → its moved-away marker's row
	for q, ch := range changes {
		switch ch.Kind {
		case Removed:
			removedAt[ch.Old] = q
		case MovedAway:
			awayAt[ch.Old] = q
		}
	}
	if len(removedAt) == 0 || len(awayAt) == 0 {
		return changes, counts
	}
	drop := map[int]bool{}
	for q, ch := range changes {
		if ch.Kind != Moved || ch.Similarity == 1 {
			continue
		}
		for _, other := range [2]int{ch.Old + 1, ch.Old - 1} { // the next one, or the one before
			r, ok := removedAt[other]
			if !ok || drop[r] {
				continue
			}
			first := min(ch.Old, other)
			m, ok := tryMerge(al, first, ch.New, 2, ch.Similarity)
			if !ok {
				continue
			}
			changes[q], counts[q] = m[0].Change, m[0].counts
			drop[r] = true
			if a, ok := awayAt[ch.Old]; ok {
				// The marker stands for the merge, named by its first
				// old paragraph, as the merge row is.
				changes[a].Old = first
			}
			break
		}
	}
	if len(drop) == 0 {
		return changes, counts
	}
	n := 0
	for q := range changes {
		if !drop[q] {
			changes[n], counts[n] = changes[q], counts[q]
			n++
		}
	}
	clear(changes[n:])
	return changes[:n], counts[:n]
}

// joinBlock looks at the rows from k on for a split or a merge starting
// there or a few rows on: rows[lo:hi] are the rows it replaces.
func joinBlock(changes []Change, counts []editCounts, k int, al *alignment) (rows []row, lo, hi int, ok bool) {
	kind := changes[k].Kind
	if kind == Added || kind == Edited {
		if rows, lo, hi, ok := joinRun(changes, counts, k, Added, func(c Change) int { return c.New }, func(ed *Change, first, pieces int) ([]row, bool) {
			return trySplit(al, ed.Old, first, pieces, ed.Similarity)
		}); ok {
			return rows, lo, hi, true
		}
	}
	if kind == Removed || kind == Edited {
		if rows, lo, hi, ok := joinRun(changes, counts, k, Removed, func(c Change) int { return c.Old }, func(ed *Change, first, pieces int) ([]row, bool) {
			return tryMerge(al, first, ed.New, pieces, ed.Similarity)
		}); ok {
			return rows, lo, hi, true
		}
	}
	if kind == Removed {
		// A removed paragraph cut into the added ones after it, or
		// removed ones joined into the added one after them.
		if rows, hi, ok := removedThenAdded(changes, k, al); ok {
			return rows, k, hi, true
		}
	}
	return nil, 0, 0, false
}

// joinRun reads the run of rows from k on that are of kind piece (added,
// for a split; removed, for a merge) or edited, one edited row at most,
// their indexes on the pieces' side (at) following one another; around
// the edited row, it tries each stretch of the run of two pieces or more
// (try: the edited row, the first piece's index, how many) and keeps the
// best reading. Between a split's pieces a removed paragraph or the mark
// of one moved away may stand (rows of the old side alone, placed where
// they left): they do not break the run, and come after the split's
// rows. Else a paragraph cut in two beside one removed reads as an edit
// of words nobody changed.
func joinRun(changes []Change, counts []editCounts, k int, piece Kind, at func(Change) int, try func(ed *Change, first, pieces int) ([]row, bool)) (rows []row, lo, hi int, ok bool) {
	passes := func(c Change) bool { return piece == Added && (c.Kind == Removed || c.Kind == MovedAway) }
	var idx []int // the rows of the run that are pieces (or the edited one)
	edited := -1  // its place in idx
	for e := k; e < len(changes) && len(idx) < maxPieces; e++ {
		c := changes[e]
		if len(idx) > 0 && passes(c) {
			continue
		}
		if c.Kind != piece && c.Kind != Edited || len(idx) > 0 && at(c) != at(changes[idx[len(idx)-1]])+1 {
			break
		}
		if c.Kind == Edited {
			if edited >= 0 {
				break
			}
			edited = len(idx)
		}
		idx = append(idx, e)
	}
	if edited < 0 || len(idx) < 2 {
		return nil, 0, 0, false
	}
	ed := &changes[idx[edited]]
	bestSim, best := -1.0, 0
	for s := 0; s <= edited; s++ {
		for t := max(edited, s+1); t < len(idx); t++ {
			r, ok := try(ed, at(changes[idx[s]]), t-s+1)
			if ok && (r[0].Similarity > bestSim || r[0].Similarity == bestSim && t+1-s < best) {
				rows, lo, hi, bestSim, best = r, idx[s], idx[t]+1, r[0].Similarity, t+1-s
			}
		}
	}
	if rows == nil {
		return nil, 0, 0, false
	}
	for q := lo; q < hi; q++ {
		if passes(changes[q]) {
			rows = append(rows, row{Change: changes[q], counts: counts[q]})
		}
	}
	return rows, lo, hi, true
}

// removedThenAdded reads a removed paragraph at k followed by added ones
// as cut into them, or removed paragraphs from k followed by an added one
// as joined into it, the widest reading that scores higher for each piece
// it takes in; hi is the end of the rows it replaces.
func removedThenAdded(changes []Change, k int, al *alignment) ([]row, int, bool) {
	run := func(from int, kind Kind, at func(Change) int) int {
		m := 0
		for from+m < len(changes) && m < maxPieces && changes[from+m].Kind == kind && (m == 0 || at(changes[from+m]) == at(changes[from+m-1])+1) {
			m++
		}
		return m
	}
	widest := func(most int, try func(pieces int) ([]row, bool)) ([]row, int, bool) {
		rows, ok := try(2)
		if !ok {
			return nil, 0, false
		}
		pieces := 2
		for pieces < most {
			more, ok := try(pieces + 1)
			if !ok || more[0].Similarity <= rows[0].Similarity {
				break
			}
			rows, pieces = more, pieces+1
		}
		return rows, pieces, true
	}
	old := changes[k].Old
	if added := run(k+1, Added, func(c Change) int { return c.New }); added >= 2 {
		first := changes[k+1].New
		if rows, pieces, ok := widest(added, func(p int) ([]row, bool) { return trySplit(al, old, first, p, 0) }); ok {
			return rows, k + 1 + pieces, true
		}
	}
	// Removed paragraphs from k, then one added: they join into it
	// when read from k (the run's later ones stay for the next row).
	removed := run(k, Removed, func(c Change) int { return c.Old })
	if removed >= 2 && k+removed < len(changes) && changes[k+removed].Kind == Added {
		j := changes[k+removed].New
		if rows, pieces, ok := widest(removed, func(p int) ([]row, bool) { return tryMerge(al, old+removed-p, j, p, 0) }); ok && pieces == removed {
			return rows, k + removed + 1, true
		}
	}
	return nil, 0, false
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

// tryMerge reads old paragraphs i… i+pieces-1 as joined into new
// paragraph j.
func tryMerge(al *alignment, i, j, pieces int, pairSim float64) ([]row, bool) {
	joined := strings.Join(al.old[i:i+pieces], " ")
	wa, wb, ok := mayJoin(joined, al.new[j], pairSim)
	if !ok {
		return nil, false
	}
	edits, counts, sim := joinedDiff(joined, al.new[j], wa, wb)
	if sim < joinThreshold || sim <= pairSim {
		return nil, false
	}
	return []row{{Change: Change{Kind: Merged, Old: i, New: j, Group: consecutive(i, pieces), Edits: edits, Similarity: sim}, counts: counts}}, true
}

// trySplit reads old paragraph i as cut into new paragraphs j…
// j+pieces-1.
func trySplit(al *alignment, i, j, pieces int, pairSim float64) ([]row, bool) {
	parts := al.new[j : j+pieces]
	joined := strings.Join(parts, " ")
	wa, wb, ok := mayJoin(al.old[i], joined, pairSim)
	if !ok {
		return nil, false
	}
	edits, counts, sim := joinedDiff(al.old[i], joined, wa, wb)
	if sim < joinThreshold || sim <= pairSim {
		return nil, false
	}
	group := consecutive(j, pieces)
	rows := make([]row, pieces)
	rest := edits
	for k := range pieces - 1 {
		a, b, ok := cutAt(rest, len(parts[k]))
		if !ok {
			return nil, false
		}
		rows[k].Change = Change{Kind: Split, Old: i, New: j + k, Group: group, Edits: a, Similarity: sim}
		rest = b
	}
	rows[pieces-1].Change = Change{Kind: Split, Old: i, New: j + pieces - 1, Group: group, Edits: rest, Similarity: sim}
	// The counts go with the first piece, so the split is counted once.
	rows[0].counts = counts
	return rows, true
}

// consecutive is from, from+1, … n of them: a split's or merge's group.
func consecutive(from, n int) []int {
	out := make([]int, n)
	for k := range out {
		out[k] = from + k
	}
	return out
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
