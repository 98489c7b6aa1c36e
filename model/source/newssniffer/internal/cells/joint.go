package cells

// This file serves a chain of dumps read jointly (newssniffer's
// ReadChain): each dump offers readings, the chain keeps the ones under
// which neighbouring dumps read their shared version alike.

// Reading is the rows' current reading, one State per row.
func (r *Reader) Reading() []State {
	st := make([]State, len(r.rows))
	for i := range r.rows {
		st[i] = r.rows[i].state
	}
	return st
}

// Recorded lists the alternative readings kept while recording
// (RecordAlternatives): each scored within GuessMargin of the reading
// chosen alone.
func (r *Reader) Recorded() [][]State { return r.alts }

// VersionsOf lays the rows out as two versions' paragraphs under states.
func (r *Reader) VersionsOf(states []State) (old, new []string) {
	m := r.mark()
	r.Apply(states)
	old, _, new, _ = r.Versions()
	r.rollback(m)
	return old, new
}

// JointScore is the page's score under states as a chain weighs it:
// the search's own objective, each link counted once (Total counts
// links from both ends), and the one-cell rows of a run carrying one
// side prior between them (runSidePrior), as when alternatives are
// weighed, so that a long uncued run is as open in a chain as alone.
func (r *Reader) JointScore(states []State) float64 {
	m := r.mark()
	r.Apply(states)
	s := 0.0
	for i := range r.rows {
		row := &r.rows[i]
		if row.matched {
			continue
		}
		s += r.prior(i, row.state)
		for _, id := range row.sentences {
			for _, l := range r.sentences[id].links {
				if l.to > id {
					s += l.weight * agreement(r.sides[id], r.sides[l.to])
				}
			}
		}
	}
	for ri := range r.runs {
		s += r.runSidePrior(ri)
	}
	r.rollback(m)
	return s
}

// FlagDiffering marks as guessed exactly the rows that read differently
// (another cut, or one cell instead of two) under any of others than in
// the current reading: the chain's near readings say what is still open.
func (r *Reader) FlagDiffering(others [][]State) {
	for i := range r.rows {
		row := &r.rows[i]
		row.guessed = false
		if row.matched {
			continue
		}
		for _, o := range others {
			if o[i].bound != row.state.bound || (o[i].bound < 0 && o[i].cut != row.state.cut) {
				row.guessed = true
				break
			}
		}
	}
}

// Bound is the boundary a two-cell reading cuts at, -1 for one cell.
func (s State) Bound() int { return s.bound }

// Matched reports whether row i is a matched paragraph ("X X").
func (r *Reader) Matched(i int) bool { return r.rows[i].matched }
