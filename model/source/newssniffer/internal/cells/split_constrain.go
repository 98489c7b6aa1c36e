package cells

// This file reads a dump's rows under a constraint: one or both of its
// Versions already known, from another dump of the same article.

// Total is the whole page's score in its current reading: each row's
// evidence and prior (links counted from both ends, alike for every
// reading, so scores compare).
func (r *Reader) Total() float64 {
	total := 0.0
	for i := range r.rows {
		if !r.rows[i].matched {
			total += r.score(i, r.rows[i].state)
		}
	}
	return total
}

// ScoreOf is the page's score if the rows read as states.
func (r *Reader) ScoreOf(states []State) float64 {
	m := r.mark()
	r.Apply(states)
	s := r.Total()
	r.rollback(m)
	return s
}

// Apply sets every unmatched row to its state in states.
func (r *Reader) Apply(states []State) {
	for i := range r.rows {
		if !r.rows[i].matched {
			r.set(i, states[i])
		}
	}
}

// Constrained finds the reading of the rows under which the old version
// reads as old and the new one as new (nil: not known). It respects the
// shape of a run — two-cell rows first, then one-cell rows of one side —
// and reports false when no reading fits.
func (r *Reader) Constrained(old, new []string) ([]State, bool) {
	type key struct{ row, o, n, phase int }
	// phase within a run: 0 two-cell rows so far, 1 one-cell old rows,
	// 2 one-cell new rows.
	memo := map[key]bool{}
	choice := map[key]State{}
	var solve func(k key) bool
	solve = func(k key) bool {
		// An unknown version needs no count of its paragraphs: keeping
		// it at 0 keeps the memo to rows × known paragraphs × phases.
		if old == nil {
			k.o = 0
		}
		if new == nil {
			k.n = 0
		}
		if v, ok := memo[k]; ok {
			return v
		}
		memo[k] = false
		if k.row == len(r.rows) {
			ok := (old == nil || k.o == len(old)) && (new == nil || k.n == len(new))
			memo[k] = ok
			return ok
		}
		row := &r.rows[k.row]
		fitsOld := func(text string) bool { return old == nil || (k.o < len(old) && old[k.o] == text) }
		fitsNew := func(text string) bool { return new == nil || (k.n < len(new) && new[k.n] == text) }
		try := func(st State, do, dn, phase int) bool {
			next := key{k.row + 1, k.o + do, k.n + dn, phase}
			if solve(next) {
				choice[k] = st
				memo[k] = true
				return true
			}
			return false
		}
		if row.matched {
			p, _ := SameCells(row.text)
			return fitsOld(p) && fitsNew(p) && try(State{bound: -1}, 1, 1, 0)
		}
		// Two cells: the old paragraph, then the new one, with one space
		// or none between them.
		if k.phase == 0 {
			for _, b := range r.cutsFor(k.row, old, new, k.o, k.n) {
				if try(State{cut: row.cuts[b], bound: b}, 1, 1, 0) {
					return true
				}
			}
		}
		if k.phase != 2 && fitsOld(row.text) && try(State{cut: len(row.sentences), bound: -1}, 1, 0, 1) {
			return true
		}
		if k.phase != 1 && fitsNew(row.text) && try(State{cut: 0, bound: -1}, 0, 1, 2) {
			return true
		}
		return false
	}
	// A matched row resets the phase: solve threads it through key.phase,
	// and matched rows pass 0 on.
	start := key{0, 0, 0, 0}
	if !solve(start) {
		return nil, false
	}
	states := make([]State, len(r.rows))
	for k := start; k.row < len(r.rows); {
		if old == nil {
			k.o = 0
		}
		if new == nil {
			k.n = 0
		}
		st := choice[k]
		states[k.row] = st
		row := &r.rows[k.row]
		switch {
		case row.matched:
			k = key{k.row + 1, k.o + 1, k.n + 1, 0}
		case st.bound >= 0:
			k = key{k.row + 1, k.o + 1, k.n + 1, 0}
		case st.cut > 0:
			k = key{k.row + 1, k.o + 1, k.n, 1}
		default:
			k = key{k.row + 1, k.o, k.n + 1, 2}
		}
	}
	return states, true
}

// cutsFor lists the boundaries of row i that cut it into the known old
// paragraph old[o] and the known new one new[n] (either may be unknown),
// adding a boundary the reader had not considered when the known text
// asks for it.
func (r *Reader) cutsFor(i int, old, new []string, o, n int) []int {
	row := &r.rows[i]
	var left, right string
	switch {
	case old != nil && o < len(old):
		left = old[o]
		rest, ok := CutPrefix(row.text, left)
		if !ok {
			return nil
		}
		right = rest
		if new != nil && (n >= len(new) || new[n] != right) {
			return nil
		}
	case old != nil:
		return nil
	case new != nil && n < len(new):
		right = new[n]
		head, ok := CutSuffix(row.text, right)
		if !ok {
			return nil
		}
		left = head
	default:
		// Nothing known: any boundary will do.
		out := make([]int, len(row.bounds))
		for b := range out {
			out[b] = b
		}
		return out
	}
	leftEnd := len(left)
	rightStart := len(row.text) - len(right)
	for b, bd := range row.bounds {
		if bd.leftEnd == leftEnd && bd.rightStart == rightStart {
			return []int{b}
		}
	}
	// The known text cuts where the reader saw no boundary (a cell that
	// starts in lower case, say): add it, at the dearest price.
	row.bounds = append(row.bounds, boundary{leftEnd: leftEnd, rightStart: rightStart, cost: 9})
	row.cuts = append(row.cuts, r.cutAt(i, row.bounds[len(row.bounds)-1]))
	r.computePriors(i)
	return []int{len(row.bounds) - 1}
}
