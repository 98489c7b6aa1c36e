package cells

// This file marks the rows whose reading the page left open.

// markGuesses flags the rows whose reading a plausible alternative
// explains about as well. An alternative is another cheap boundary for a
// two-cell row, or another (k, side) for a run; the rows linked to the
// changed ones then answer it as best they can — a paragraph that moved
// from one one-cell row to another reads as well either way round, and
// only changing both rows shows it. Where the alternative scores within
// GuessMargin of the chosen reading, every row that reads differently
// under it is flagged.
func (r *Reader) markGuesses() {
	for i := range r.rows {
		row := &r.rows[i]
		if row.matched || row.state.bound < 0 {
			continue
		}
		for bi, b := range row.bounds {
			if bi == row.state.bound || b.cost > plausibleCost {
				continue
			}
			st := State{cut: row.cuts[bi], bound: bi}
			r.tryAlternative([]int{i}, func() float64 { return r.set(i, st) })
		}
	}
	for ri := range r.runs {
		run := r.runs[ri].rows
		chosenK, chosenSide := r.runShape(ri)
		plausible := make([]int, len(run))
		kmax := 0
		for j, i := range run {
			plausible[j] = r.bestBoundary(i, plausibleCost, false)
			if plausible[j] >= 0 && kmax == j {
				kmax = j + 1
			}
		}
		for _, s := range []side{sideNew, sideOld} {
			for k := max(chosenK-2, 0); k <= min(chosenK+2, kmax); k++ {
				if k == chosenK && (s == chosenSide || k == len(run)) {
					continue
				}
				apply := func() float64 {
					d := 0.0
					for j, i := range run {
						if j < k {
							d += r.set(i, State{cut: r.rows[i].cuts[plausible[j]], bound: plausible[j]})
						} else {
							d += r.set(i, r.oneCell(i, s))
						}
					}
					return d
				}
				r.tryAlternative(run, func() float64 {
					was := r.runSidePrior(ri)
					d := apply()
					return d + r.runSidePrior(ri) - was
				})
			}
		}
	}
}

// runSidePrior corrects the priors of run ri's one-cell rows from one
// side prior each to one for the run: which side a run's one-cell rows
// are on is one choice, so when an alternative flips them all, ten rows
// must not weigh ten times against it. Without this an uncued section of
// ten paragraphs, removed or added, would read as decided by the side
// prior alone. It returns what to add to the per-row sum.
func (r *Reader) runSidePrior(ri int) float64 {
	run := r.runs[ri].rows
	k, s := r.runShape(ri)
	tail := len(run) - k
	if tail == 0 {
		return 0
	}
	return sidePrior(s) - float64(tail)*sidePrior(s)
}

// runShape reads back a run's (k, side) from its rows' states.
func (r *Reader) runShape(ri int) (int, side) {
	run := r.runs[ri].rows
	k := 0
	for k < len(run) && r.rows[run[k]].state.bound >= 0 {
		k++
	}
	s := sideNew
	if k < len(run) && r.rows[run[k]].state.cut > 0 {
		s = sideOld
	}
	return k, s
}

// tryAlternative applies an alternative reading of rows, lets the runs
// linked to them answer, and flags every row that then reads differently
// if the page scores about as well (within GuessMargin). It restores the
// saved reading.
func (r *Reader) tryAlternative(rows []int, apply func() float64) {
	fixed := rows
	m := r.mark()
	delta := apply()
	// The answers can win back at most twice the weight of the links
	// that leave the changed rows; past that the alternative is out of
	// reach, and trying it is wasted work.
	if delta+2*r.linkWeight(rows) < -GuessMargin {
		r.rollback(m)
		return
	}
	changed := rows
	for round := 0; round < 2 && len(changed) > 0; round++ {
		var g float64
		g, changed = r.respond(changed, fixed)
		delta += g
	}
	if delta >= -GuessMargin && r.altLaysOut() {
		for _, i := range r.changedSince(m) {
			r.rows[i].guessed = true
		}
		r.record()
	}
	r.rollback(m)
}

// altLaysOut reports whether the alternative being tried lays out as the
// page: one that NewsSniffer would lay out otherwise leaves nothing open.
// Each check lays out the whole page, so the checks share a budget of
// layoutWork rows; past it an alternative counts as possible, as it did
// before the check, which keeps a long page's reading within its time.
func (r *Reader) altLaysOut() bool {
	if r.layoutSpent+len(r.rows) > layoutWork {
		return true
	}
	r.layoutSpent += len(r.rows)
	old, _, new, _ := r.Versions()
	return r.laysOut(old, new)
}

// layoutWork bounds the rows laid out checking alternatives, per page:
// some thousand checks of a long article, a few dozen of a 1 MB page.
const layoutWork = 200_000

// linkWeight sums the weights of the links from rows to other rows.
func (r *Reader) linkWeight(rows []int) float64 {
	in := map[int]bool{}
	for _, i := range rows {
		in[i] = true
	}
	w := 0.0
	for _, i := range rows {
		for _, id := range r.rows[i].sentences {
			for _, l := range r.sentences[id].links {
				if !in[r.sentences[l.to].row] {
					w += l.weight
				}
			}
		}
	}
	return w
}
