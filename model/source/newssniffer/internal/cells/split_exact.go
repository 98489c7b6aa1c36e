package cells

import "math"

// This file chooses a run's shape with the rest of the page answering:
// coordinate ascent that changes one row or one run at a time stalls
// where two runs hold the two halves of moved paragraphs, since neither
// can change alone without losing score. Here every (k, side) of a run
// is tried, the linked rows answer each, and the best is kept.

// Work bounds of the exact choice, in rows and answers, never in time.
const (
	// exactRunRows: runs up to this many rows have every shape tried with
	// the page answering; a longer run's shapes are weighed without the
	// answers (chooseRun) and the page restarts from a second reading
	// instead (Solve).
	exactRunRows = 16
	// exactRounds is how many times the linked rows answer a trial, and
	// the run's own cuts answer them back.
	exactRounds = 2
)

// chooseRunExact tries every (k, side) of run ri, each with its two-cell
// rows at their best cuts and the linked rows answering, and keeps the
// best if it raises the page's score. It reports whether it changed.
func (r *Reader) chooseRunExact(ri int) bool {
	const eps = 1e-9
	run := r.runs[ri].rows
	if len(run) > exactRunRows || !r.linkedOut(run) {
		return false // unlinked: chooseRun's choice was already exact
	}
	kmax := 0
	for kmax < len(run) && len(r.rows[run[kmax]].bounds) > 0 {
		kmax++
	}
	curK, curS := r.runShape(ri)
	best, bestGain := runOption{}, eps
	for _, s := range []side{sideNew, sideOld} {
		for k := 0; k <= kmax; k++ {
			if k == curK && (s == curS || k == len(run)) {
				continue
			}
			m := r.mark()
			if g := r.tryShape(ri, k, s); g > bestGain {
				best, bestGain = runOption{k, s}, g
			}
			r.rollback(m)
		}
	}
	if bestGain <= eps {
		return false
	}
	r.tryShape(ri, best.k, best.s) // deterministic: this redoes the best
	return true
}

// tryShape reads run ri with its first k rows in two cells and the rest
// one cell of side s, lets the linked rows answer and the run's cuts
// answer them back, and returns the page's gain.
func (r *Reader) tryShape(ri, k int, s side) float64 {
	run := r.runs[ri].rows
	gain := 0.0
	for j, i := range run {
		if j < k {
			b := r.bestBoundary(i, math.Inf(1), false)
			gain += r.set(i, State{cut: r.rows[i].cuts[b], bound: b})
		} else {
			gain += r.set(i, r.oneCell(i, s))
		}
	}
	changed := run
	for round := 0; round < exactRounds && len(changed) > 0; round++ {
		g, moved := r.respond(changed, run)
		gain += g
		// The run's own cuts answer what moved.
		for _, i := range run[:k] {
			if b := r.bestBoundary(i, math.Inf(1), false); b >= 0 && b != r.rows[i].state.bound {
				old := r.rows[i].state
				if d := r.set(i, State{cut: r.rows[i].cuts[b], bound: b}); d > 0 {
					gain += d
					moved = append(moved, i)
				} else {
					r.set(i, old)
				}
			}
		}
		changed = moved
	}
	return gain
}

// linkedOut reports whether any row of run is linked to a row outside it.
func (r *Reader) linkedOut(run []int) bool {
	for _, i := range run {
		for _, j := range r.neighbours(i) {
			if r.rows[j].run != r.rows[i].run {
				return true
			}
		}
	}
	return false
}
