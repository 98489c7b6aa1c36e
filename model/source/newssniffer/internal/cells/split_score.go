package cells

import "math"

// This file weighs a reading of a row: the evidence of its links and
// its priors.

// sentencePrior is the log-probability that a paragraph holds n sentences,
// after the shape of news prose: mostly one to three.
func sentencePrior(n int) float64 {
	if n < len(sentencePriors) {
		return sentencePriors[n]
	}
	return sentencePriors[len(sentencePriors)-1] + float64(n-len(sentencePriors)+1)*math.Log(0.5)
}

var sentencePriors = func() []float64 {
	p := []float64{0.02, 0.30, 0.32, 0.22, 0.11}
	out := make([]float64, 32)
	for n := range out {
		if n < len(p) {
			out[n] = math.Log(p[n])
		} else {
			out[n] = math.Log(p[len(p)-1]) + float64(n-len(p)+1)*math.Log(0.5)
		}
	}
	return out
}()

// sidePrior is the log-prior of a one-cell paragraph being removed or added.
func sidePrior(s side) float64 {
	if s == sideNew {
		return logNewSide
	}
	return logOldSide
}

var logNewSide, logOldSide = math.Log(0.55), math.Log(0.45)

// orderWeight is the evidence, in nats, of a new cell that starts where
// its old cell started (orderEvidence): more than the sentence-count
// prior's taste for one length over another, less than one link.
const orderWeight = 1.5

// sentenceSide is the side a sentence takes in its row's current reading.
func (r *Reader) sentenceSide(id int) side { return r.sides[id] }

// setState changes row i's reading and keeps the sides of its sentences.
func (r *Reader) setState(i int, st State, known bool) {
	row := &r.rows[i]
	row.state, row.known = st, known
	for k, id := range row.sentences {
		switch {
		case !known:
			r.sides[id] = sideUnknown
		case k < st.cut:
			r.sides[id] = sideOld
		default:
			r.sides[id] = sideNew
		}
	}
}

// agreement scores two linked sentences' sides: +1 on opposite sides (the
// same text in two versions), -1 on the same side (a version repeating
// itself), 0 while either is undecided.
func agreement(a, b side) float64 {
	switch {
	case a == sideUnknown || b == sideUnknown:
		return 0
	case a != b:
		return 1
	default:
		return -1
	}
}

// evidence is what the links of row i say of reading it with cut, given
// every other row's current reading.
func (r *Reader) evidence(i, cut int) float64 {
	row := &r.rows[i]
	total := 0.0
	for k, id := range row.sentences {
		mine := sideNew
		if k < cut {
			mine = sideOld
		}
		for _, l := range r.sentences[id].links {
			o := &r.sentences[l.to]
			if o.row != i {
				total += l.weight * agreement(mine, r.sentenceSide(l.to))
			} else if l.to > id { // each link inside the row once
				other := sideNew
				if o.idx < cut {
					other = sideOld
				}
				total += l.weight * agreement(mine, other)
			}
		}
	}
	return total
}

// evidenceCuts is evidence for every cut of row i at once, 0 to the
// number of its sentences: each sentence's links are weighed once for
// either side, then summed by prefix. The slice is reused by the next
// call.
func (r *Reader) evidenceCuts(i int) []float64 {
	row := &r.rows[i]
	m := len(row.sentences)
	r.scratch = append(r.scratch[:0], make([]float64, 3*m+1)...)
	asOld, asNew, out := r.scratch[:m], r.scratch[m:2*m], r.scratch[2*m:]
	type inner struct {
		a, b int
		w    float64
	}
	var inside []inner
	for k, id := range row.sentences {
		for _, l := range r.sentences[id].links {
			o := &r.sentences[l.to]
			if o.row == i {
				if l.to > id { // each link inside the row once
					inside = append(inside, inner{k, o.idx, l.weight})
				}
				continue
			}
			other := r.sentenceSide(l.to)
			asOld[k] += l.weight * agreement(sideOld, other)
			asNew[k] += l.weight * agreement(sideNew, other)
		}
	}
	// cut c: sentences before c are old.
	newSum := 0.0
	for _, v := range asNew {
		newSum += v
	}
	oldSum := 0.0
	for c := 0; c <= m; c++ {
		out[c] = oldSum + newSum
		for _, in := range inside {
			lo, hi := min(in.a, in.b), max(in.a, in.b)
			if lo < c && hi >= c {
				out[c] += in.w // on opposite sides
			} else {
				out[c] -= in.w
			}
		}
		if c < m {
			oldSum += asOld[c]
			newSum -= asNew[c]
		}
	}
	return out
}

// prior is the log-prior of reading row i in state st. It depends on
// nothing that changes while the page is read, so it is worked out once.
func (r *Reader) prior(i int, st State) float64 {
	row := &r.rows[i]
	if st.bound >= 0 {
		return row.boundPrior[st.bound]
	}
	if st.cut == 0 {
		return row.newPrior
	}
	return row.oldPrior
}

// computePriors works out every reading's prior for row i.
func (r *Reader) computePriors(i int) {
	row := &r.rows[i]
	row.newPrior = r.priorOf(i, State{cut: 0, bound: -1})
	row.oldPrior = r.priorOf(i, State{cut: len(row.sentences), bound: -1})
	row.boundPrior = make([]float64, len(row.bounds))
	for bi := range row.bounds {
		row.boundPrior[bi] = r.priorOf(i, State{cut: row.cuts[bi], bound: bi})
	}
}

// priorOf is the log-prior of reading row i in state st.
func (r *Reader) priorOf(i int, st State) float64 {
	row := &r.rows[i]
	if st.bound < 0 {
		p := r.cellPrior(row.sentences)
		if st.cut == 0 {
			return p + sidePrior(sideNew)
		}
		return p + sidePrior(sideOld)
	}
	b := row.bounds[st.bound]
	// A boundary inside a sentence leaves part of it in each cell.
	var left, right []int
	for _, id := range row.sentences {
		s := r.sentences[id]
		if s.start < b.leftEnd {
			left = append(left, id)
		}
		if s.end > b.rightStart {
			right = append(right, id)
		}
	}
	// Two kinds of likeness of the cells speak for one cut; either is the
	// same fact, that the cells are one paragraph in two versions, so the
	// stronger counts, not both.
	p := r.cellPrior(left) + r.cellPrior(right) - b.cost + max(b.self, b.alike)
	p += r.orderEvidence(i, st.cut)
	// Once an old cell holds a sentence that is linked elsewhere, the
	// unlinked sentences after it are more likely new material.
	linkedSeen := false
	for _, id := range row.sentences[:st.cut] {
		if len(r.sentences[id].links) > 0 {
			linkedSeen = true
		} else if linkedSeen {
			p -= unlinkedOldBias
		}
	}
	return p
}

// orderEvidence speaks for a cut after which the new cell starts with
// the counterpart of the old cell's first sentence: an edited paragraph
// keeps its order, so "S1 S2 S1′" is S1 S2 that lost S2 (old "S1 S2",
// new "S1′"), not S1 edited with S2 moved in before it.
func (r *Reader) orderEvidence(i, cut int) float64 {
	ids := r.rows[i].sentences
	if cut <= 0 || cut >= len(ids) {
		return 0
	}
	for _, l := range r.sentences[ids[0]].links {
		if l.to == ids[cut] {
			return orderWeight
		}
	}
	return 0
}

// cellPrior is the log-prior of a paragraph made of the given sentences.
// A sentence of punctuation alone is a paragraph of its own (the seed's
// "."); inside a longer paragraph it is out of place.
func (r *Reader) cellPrior(ids []int) float64 {
	words, punct := 0, 0
	for _, id := range ids {
		if r.sentences[id].grams == 0 {
			punct++
		} else {
			words++
		}
	}
	switch {
	case words == 0:
		return sentencePrior(1)
	case punct > 0:
		return sentencePrior(words) - strayPunctCost
	}
	return sentencePrior(words)
}

// score is the whole value of reading row i in state st: its evidence
// and its prior.
func (r *Reader) score(i int, st State) float64 {
	return r.evidence(i, st.cut) + r.prior(i, st)
}

// oneCell is the state of row i holding one paragraph of side s.
func (r *Reader) oneCell(i int, s side) State {
	if s == sideOld {
		return State{cut: len(r.rows[i].sentences), bound: -1}
	}
	return State{cut: 0, bound: -1}
}

// bestBoundary picks row i's best two-cell reading given the others; only
// boundaries no dearer than maxCost count. It returns -1 when there is none.
func (r *Reader) bestBoundary(i int, maxCost float64, evidenceOnly bool) int {
	row := &r.rows[i]
	if len(row.bounds) == 0 {
		return -1
	}
	ev := r.evidenceCuts(i)
	best, bestScore := -1, math.Inf(-1)
	for bi, b := range row.bounds {
		if b.cost > maxCost {
			continue
		}
		st := State{cut: row.cuts[bi], bound: bi}
		s := ev[st.cut]
		if !evidenceOnly {
			s += r.prior(i, st)
		}
		if s > bestScore+1e-9 {
			best, bestScore = bi, s
		}
	}
	return best
}
