package cells

import (
	"math"
	"slices"
)

// This file searches for the best reading of the rows: changes are
// journalled so trials can be undone, and a change to one row is
// answered by the rows linked to it.

// set changes row i's reading and returns how much the whole page's score
// changed. Every change is journalled, so that trials can be rolled back.
func (r *Reader) set(i int, st State) float64 {
	row := &r.rows[i]
	before := 0.0
	if row.known {
		before = r.score(i, row.state)
	}
	r.journal = append(r.journal, journalEntry{i, row.state, row.known})
	r.setState(i, st, true)
	return r.score(i, st) - before
}

// journalEntry is a row's reading before a change.
type journalEntry struct {
	row   int
	state State
	known bool
}

// mark is a point in the journal to roll back to.
func (r *Reader) mark() int { return len(r.journal) }

// rollback undoes every change made since mark m.
func (r *Reader) rollback(m int) {
	for len(r.journal) > m {
		e := r.journal[len(r.journal)-1]
		r.journal = r.journal[:len(r.journal)-1]
		r.setState(e.row, e.state, e.known)
	}
}

// changedSince lists the rows that read differently now than at mark m.
func (r *Reader) changedSince(m int) []int {
	type was struct {
		st    State
		known bool
	}
	first := map[int]was{}
	var order []int
	for _, e := range r.journal[m:] {
		if _, ok := first[e.row]; !ok {
			first[e.row] = was{e.state, e.known}
			order = append(order, e.row)
		}
	}
	var out []int
	for _, i := range order {
		w, now := first[i], r.rows[i]
		if !w.known || w.st.cut != now.state.cut || (w.st.bound < 0) != (now.state.bound < 0) {
			out = append(out, i)
		}
	}
	return out
}

// runOption is one reading of a run: its first k rows hold two cells, the
// rest one cell of side s.
type runOption struct {
	k int
	s side
}

// chooseRun improves the reading of run ri and reports whether it
// changed. First each two-cell row moves to its best boundary given the
// others, one row at a time; then the best (k, side) for the run is
// chosen, each two-cell row cut at its best boundary. Every change must
// raise the page's score, so sweeps cannot cycle. The options are walked
// so that each step changes one row, which keeps the cost linear in the
// run's links.
func (r *Reader) chooseRun(ri int) bool {
	const eps = 1e-9
	run := r.runs[ri].rows
	changed := false
	for _, i := range run {
		row := &r.rows[i]
		if row.known && row.state.bound >= 0 && r.improveRow(i) {
			changed = true
		}
		row.best = r.bestBoundary(i, math.Inf(1), false)
	}

	firstKnown := r.rows[run[0]].known
	m := r.mark()
	kmax := 0
	for kmax < len(run) && r.rows[run[kmax]].best >= 0 {
		kmax++
	}
	var best runOption
	bestScore := eps // an option must beat the current reading
	found := false
	for _, s := range []side{sideNew, sideOld} {
		// From the current reading to (kmax, s), then down to (0, s).
		total := 0.0
		for j, i := range run {
			if j < kmax {
				b := r.rows[i].best
				total += r.set(i, State{cut: r.rows[i].cuts[b], bound: b})
			} else {
				total += r.set(i, r.oneCell(i, s))
			}
		}
		for k := kmax; ; k-- {
			if total > bestScore || (!found && !firstKnown) {
				best, bestScore, found = runOption{k, s}, total, true
			}
			if k == 0 {
				break
			}
			total += r.set(run[k-1], r.oneCell(run[k-1], s))
		}
		r.rollback(m)
	}
	if !found {
		return changed
	}
	for j, i := range run {
		st := r.oneCell(i, best.s)
		if j < best.k {
			b := r.rows[i].best
			st = State{cut: r.rows[i].cuts[b], bound: b}
		}
		r.set(i, st)
	}
	return true
}

// improveRow tries every other cut of two-cell row i, each followed by
// the answer of the runs linked to it — a moved paragraph's two rows must
// change together — and keeps the best move that raises the page's score.
func (r *Reader) improveRow(i int) bool {
	const eps = 1e-9
	row := &r.rows[i]
	// The cheapest boundary for each cut.
	byCut := map[int]int{}
	for bi, c := range row.cuts {
		if o, ok := byCut[c]; !ok || row.bounds[bi].cost < row.bounds[o].cost {
			byCut[c] = bi
		}
	}
	bestGain, bestBound := eps, -1
	try := func(bi int) float64 {
		gain := r.set(i, State{cut: row.cuts[bi], bound: bi})
		g, _ := r.respond([]int{i}, []int{i})
		return gain + g
	}
	for _, bi := range byCut {
		if bi == row.state.bound {
			continue
		}
		m := r.mark()
		if gain := try(bi); gain > bestGain {
			bestGain, bestBound = gain, bi
		}
		r.rollback(m)
	}
	// The same cut through a cheaper boundary.
	if b := r.bestBoundary(i, math.Inf(1), false); b >= 0 && b != row.state.bound && row.cuts[b] == row.state.cut {
		if g := r.score(i, State{cut: row.cuts[b], bound: b}) - r.score(i, row.state); g > bestGain {
			r.set(i, State{cut: row.cuts[b], bound: b})
			return true
		}
	}
	if bestBound < 0 {
		return false
	}
	try(bestBound) // the trials are deterministic: this redoes the best
	return true
}

// respond lets the rows linked to the changed ones answer: a two-cell
// row moves to its best boundary; the one-cell rows of a run change side
// together if that is better. Rows in fixed stay as they are. It returns
// the page's gain and the rows that changed.
func (r *Reader) respond(changed []int, fixed []int) (float64, []int) {
	const eps = 1e-9
	gain := 0.0
	var moved []int
	r.epoch++ // marks the rows and runs seen in this answer
	for _, i := range changed {
		for _, j := range r.neighbours(i) {
			nb := &r.rows[j]
			if nb.seen == r.epoch || !nb.known || slices.Contains(fixed, j) {
				continue
			}
			nb.seen = r.epoch
			if nb.state.bound >= 0 {
				if b := r.bestBoundary(j, math.Inf(1), false); b >= 0 && b != nb.state.bound {
					old := nb.state
					if g := r.set(j, State{cut: nb.cuts[b], bound: b}); g > eps {
						gain += g
						moved = append(moved, j)
					} else {
						r.set(j, old)
					}
				}
				continue
			}
			if r.runs[nb.run].seen == r.epoch {
				continue
			}
			r.runs[nb.run].seen = r.epoch
			g, rows := r.flipSide(nb.run, fixed)
			gain += g
			moved = append(moved, rows...)
		}
	}
	return gain, moved
}

// flipSide moves the one-cell rows of run ri to the other side if that
// raises the page's score, and returns the gain and the rows moved.
func (r *Reader) flipSide(ri int, fixed []int) (float64, []int) {
	const eps = 1e-9
	run := r.runs[ri].rows
	k, s := r.runShape(ri)
	tail := run[k:]
	work := 0
	for _, j := range tail {
		if slices.Contains(fixed, j) || !r.rows[j].known {
			return 0, nil
		}
		work += 1 + len(r.neighbours(j))
	}
	if work > maxFlipWork {
		return 0, nil
	}
	other := sideOld
	if s == sideOld {
		other = sideNew
	}
	// Worked out before changing anything: the rows flip together, so a
	// link between two of them keeps its agreement, and a link to a row
	// outside turns round; the priors change side.
	g := 0.0
	for _, j := range tail {
		g += r.prior(j, r.oneCell(j, other)) - r.prior(j, r.rows[j].state)
		for _, id := range r.rows[j].sentences {
			for _, l := range r.sentences[id].links {
				o := r.sentences[l.to].row
				if slices.Contains(tail, o) {
					continue
				}
				g -= 2 * l.weight * agreement(r.sides[id], r.sides[l.to])
			}
		}
	}
	if g <= eps {
		return 0, nil
	}
	for _, j := range tail {
		r.set(j, r.oneCell(j, other))
	}
	return g, tail
}

// neighbours lists the other rows that hold sentences linked to row i's.
func (r *Reader) neighbours(i int) []int {
	row := &r.rows[i]
	if row.nbrs != nil {
		return row.nbrs
	}
	seen := map[int]bool{i: true}
	row.nbrs = []int{}
	for _, id := range row.sentences {
		for _, l := range r.sentences[id].links {
			if j := r.sentences[l.to].row; !seen[j] {
				seen[j] = true
				row.nbrs = append(row.nbrs, j)
			}
		}
	}
	return row.nbrs
}

// Solve reads every run: first in page order with what is known so far,
// then again and again with the whole page until nothing changes. Where
// runs are linked to one another, the ascent can settle where no one
// run can change alone; so it starts again from a second reading — the
// runs first read in reverse page order — and keeps the better.
func (r *Reader) Solve() {
	r.ascend(false)
	if r.needsRestart() {
		first, score := r.Reading(), r.JointScore(r.Reading())
		r.reset()
		r.ascend(true)
		if r.JointScore(r.Reading()) <= score {
			r.Apply(first)
			r.journal = r.journal[:0]
		}
	}
	r.keepToTheLayout()
	r.markGuesses()
}

// keepToTheLayout replaces a reading that NewsSniffer would lay out
// otherwise than the page — a swap read the wrong way round — with the
// best-scoring alternative the reader weighs that lays out as the page,
// if there is one.
func (r *Reader) keepToTheLayout() {
	old, _, new, _ := r.Versions()
	if r.laysOut(old, new) {
		return
	}
	saved, recording := r.alts, r.recording
	r.alts, r.recording = nil, true
	r.markGuesses()
	alts := r.alts
	r.alts, r.recording = saved, recording
	for i := range r.rows {
		r.rows[i].guessed = false
	}
	best, bestScore := -1, 0.0
	for k, st := range alts {
		o, n := r.VersionsOf(st)
		if !r.laysOut(o, n) {
			continue
		}
		if s := r.JointScore(st); best < 0 || s > bestScore {
			best, bestScore = k, s
		}
	}
	if best >= 0 {
		r.Apply(alts[best])
		r.journal = r.journal[:0]
	}
}

// needsRestart reports whether some run is linked to another: only then
// can the ascent stall where a second start would not.
func (r *Reader) needsRestart() bool {
	for ri := range r.runs {
		if r.linkedOut(r.runs[ri].rows) {
			return true
		}
	}
	return false
}

// reset forgets every row's reading.
func (r *Reader) reset() {
	for i := range r.rows {
		if !r.rows[i].matched {
			r.setState(i, State{}, false)
		}
	}
	r.journal = r.journal[:0]
}

// ascend reads the runs, in page order or reversed for the first sweep,
// until nothing changes or maxSweeps.
func (r *Reader) ascend(reversed bool) {
	for ri := range r.runs {
		r.runs[ri].dirty = true
	}
	for sweep := 0; sweep < maxSweeps; sweep++ {
		changed := false
		for n := range r.runs {
			ri := n
			if reversed && sweep == 0 {
				ri = len(r.runs) - 1 - n
			}
			if !r.runs[ri].dirty {
				continue
			}
			r.runs[ri].dirty = false
			r.chooseRun(ri)
			r.chooseRunExact(ri)
			// What changed makes its own run and the linked runs worth
			// another look.
			for _, i := range r.changedSince(0) {
				changed = true
				r.runs[r.rows[i].run].dirty = true
				for _, j := range r.neighbours(i) {
					if rj := r.rows[j].run; rj >= 0 {
						r.runs[rj].dirty = true
					}
				}
			}
			r.journal = r.journal[:0] // nothing before this is undone
		}
		if !changed {
			break
		}
	}
}
