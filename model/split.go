package model

import (
	"math"
	"sort"
	"unicode"
	"unicode/utf8"
)

// This file recovers the two cells of every body row of a flattened
// NewsSniffer table (DESIGN.md, "The seed format").
//
// NewsSniffer matched the paragraphs of the two versions by LCS on exact
// text; a matched paragraph fills both cells of its row, so the row reads
// "X X" or "XX". Between two matched rows lies a run of other rows: the
// first k hold a removed and an inserted paragraph (left old, right new),
// the rest one paragraph each, all removed or all inserted. For every run
// the reader chooses k, the side of the one-cell rows, and where each
// two-cell row is cut.
//
// The choice weighs two things. Priors: a cut after a full stop is cheap,
// after "Mr." dear (boundary.go); paragraphs hold one to three sentences.
// Evidence from the whole page: a version rarely repeats itself, but most
// of an article survives from one version to the next, so two sentences
// that share several word trigrams sit on opposite sides — one old, one
// new. A paragraph that moved sits on the left in one row and on the right
// in another; an edited one sits in both cells of one row. The reader
// finds the reading with the most evidence and the best priors by
// coordinate ascent, then marks as guessed every paragraph whose reading a
// plausible alternative explains as well.

// dumpRow is one line of the table.
type dumpRow struct {
	text string
	line int
}

// side is which version a piece of text belongs to.
type side int8

const (
	sideUnknown side = iota
	sideOld
	sideNew
)

// sentence is a stretch of a row between two sentence-like boundaries: the
// unit that evidence links.
type sentence struct {
	row        int
	idx        int // its place in the row
	start, end int // byte offsets in the row's text
	grams      int // number of distinct shingles
	links      []sentenceLink
}

// sentenceLink says that two sentences share enough text to be one
// sentence in two versions; weight is the number of shared shingles.
type sentenceLink struct {
	to     int
	weight float64
}

// rowState is a reading of one row: the sentences before cut are old, the
// rest new. bound is the boundary used when the row holds two cells, -1
// when it holds one.
type rowState struct {
	cut   int
	bound int
}

type splitRow struct {
	dumpRow
	matched   bool
	run       int
	sentences []int      // ids into rowReader.sentences, in order
	bounds    []boundary // the two-cell readings
	cuts      []int      // the cut each boundary implies
	state     rowState
	known     bool // state has been decided at least once
	best      int  // the best boundary given the others, -1 if none
	// The priors of every reading (see prior).
	boundPrior         []float64
	newPrior, oldPrior float64
	nbrs               []int
	guessed            bool
}

type splitRun struct {
	rows  []int // indexes into rowReader.rows
	dirty bool  // something it depends on changed since it was last read
}

// rowReader holds a dump's body rows while their cells are recovered.
type rowReader struct {
	rows      []splitRow
	sentences []sentence
	runs      []splitRun
	journal   []journalEntry
	scratch   []float64 // evidenceCuts' buffer
	sides     []side    // each sentence's side in the current reading
}

// Tuning of the reading, in nats.
const (
	// unlinkedOldBias favours reading a sentence that nothing links as
	// added rather than removed where a row holds two cells: an edited or
	// moved paragraph keeps its sentences, and new reporting arrives as
	// new sentences. It outweighs the sentence-count prior's taste for
	// cells of equal length.
	unlinkedOldBias = 0.7
	// strayPunctCost prices a paragraph that holds, besides its
	// sentences, a sentence of punctuation alone: ". ." is two cells.
	strayPunctCost = 3
	// guessMargin is how much better (in nats, evidence and priors) a
	// reading must be than every plausible alternative to count as
	// decided.
	guessMargin = 2.0
	// Links: two sentences share at least linkMinShared shingles and at
	// least linkMinShare of the smaller one's.
	linkMinShared = 3
	linkMinShare  = 0.2
	// A shingle found in more sentences than this is a stock phrase and
	// not evidence of anything.
	maxGramSentences = 32
	// maxLinks bounds the links of one sentence (see keepStrongest).
	maxLinks  = 8
	maxSweeps = 12
	// maxFlip bounds the one-cell rows a run may move to the other side
	// in answer to one change; longer runs keep their side unless chosen
	// again whole (chooseRun), which keeps answering cheap on long pages.
	maxFlip = 24
)

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

func newRowReader(rows []dumpRow) *rowReader {
	r := &rowReader{rows: make([]splitRow, len(rows))}
	cur := -1
	for i, dr := range rows {
		sr := splitRow{dumpRow: dr, run: -1, best: -1}
		if _, ok := sameCells(dr.text); ok {
			sr.matched = true
			cur = -1
		} else {
			if cur < 0 {
				cur = len(r.runs)
				r.runs = append(r.runs, splitRun{})
			}
			sr.run = cur
			r.runs[cur].rows = append(r.runs[cur].rows, i)
		}
		r.rows[i] = sr
	}
	for i := range r.rows {
		if !r.rows[i].matched {
			r.segment(i)
		}
	}
	r.link()
	r.sides = make([]side, len(r.sentences))
	for i := range r.rows {
		if !r.rows[i].matched {
			r.computePriors(i)
		}
	}
	return r
}

// sameCells reports whether a row is one paragraph in both cells: "X X" or
// "XX". NewsSniffer's LCS leaves no equal paragraphs unmatched inside a
// gap, so such a row is always a matched paragraph.
func sameCells(text string) (string, bool) {
	n := len(text)
	if n%2 == 1 && text[n/2] == ' ' && text[:n/2] == text[n/2+1:] {
		return text[:n/2], true
	}
	if n > 0 && n%2 == 0 && text[:n/2] == text[n/2:] {
		return text[:n/2], true
	}
	return "", false
}

// segment finds a row's boundaries and cuts it into sentences at the
// cheap ones.
func (r *rowReader) segment(i int) {
	row := &r.rows[i]
	row.bounds = rowBoundaries(row.text)
	start := 0
	for _, b := range row.bounds {
		if b.cost <= atomCost {
			r.addSentence(i, start, b.leftEnd)
			start = b.rightStart
		}
	}
	r.addSentence(i, start, len(row.text))
	row.cuts = make([]int, len(row.bounds))
	repeats := map[int]bool{} // sentences that repeat a trigram within
	for _, id := range row.sentences {
		s := r.sentences[id]
		if s.end-s.start <= maxSelfEvidence && repeatsItself(row.text[s.start:s.end]) {
			repeats[id] = true
		}
	}
	for bi, b := range row.bounds {
		row.cuts[bi] = r.cutAt(i, b)
		if b.cost > atomCost && len(repeats) > 0 {
			row.bounds[bi].self = r.selfEvidence(i, b, repeats)
		}
	}
}

// repeatsItself reports whether a word trigram occurs twice in s: only
// then can a cut inside s part two alike halves.
func repeatsItself(s string) bool {
	seen := map[uint64]bool{}
	n := 0
	for _, g := range shingleRun(s) {
		if seen[g] {
			return true
		}
		seen[g] = true
		n++
	}
	return false
}

// maxSelfEvidence bounds the sentence length for which a boundary inside
// a sentence is weighed by how alike its two parts read: the work grows
// with the square of the length.
const maxSelfEvidence = 4000

// selfEvidence is what a boundary inside a sentence has for it: when the
// two parts read alike, the sentence is really two cells, an edited
// paragraph that lost its full stop ("…on June 6 The statement…on June
// 6"). It is the weight the parts would have as linked sentences.
func (r *rowReader) selfEvidence(i int, b boundary, repeats map[int]bool) float64 {
	text := r.rows[i].text
	for _, id := range r.rows[i].sentences {
		s := r.sentences[id]
		if b.leftEnd <= s.start || b.leftEnd >= s.end {
			continue
		}
		if !repeats[id] {
			return 0
		}
		left, right := shingles(text[s.start:b.leftEnd]), shingles(text[b.rightStart:s.end])
		set := make(map[uint64]bool, len(left))
		for _, g := range left {
			set[g] = true
		}
		n := 0
		for _, g := range right {
			if set[g] {
				n++
			}
		}
		small := min(len(left), len(right))
		if small > 0 && n >= linkMinShared && float64(n)/float64(small) >= linkMinShare {
			return float64(n)
		}
		return 0
	}
	return 0
}

func (r *rowReader) addSentence(row, start, end int) {
	idx := len(r.rows[row].sentences)
	r.rows[row].sentences = append(r.rows[row].sentences, len(r.sentences))
	r.sentences = append(r.sentences, sentence{row: row, idx: idx, start: start, end: end})
}

// cutAt is the number of the row's sentences that a boundary leaves in
// the left cell; a boundary inside a sentence gives that sentence to the
// cell that holds most of it.
func (r *rowReader) cutAt(row int, b boundary) int {
	ids := r.rows[row].sentences
	for k, id := range ids {
		s := r.sentences[id]
		if b.leftEnd <= s.start {
			return k
		}
		if b.leftEnd < s.end {
			if b.leftEnd-s.start > s.end-b.rightStart {
				return k + 1
			}
			return k
		}
	}
	return len(ids)
}

// link finds the pairs of sentences that share enough shingles to be the
// same sentence in two versions.
func (r *rowReader) link() {
	grams := make([][]uint64, len(r.sentences))
	index := map[uint64][]int{}
	for id := range r.sentences {
		s := &r.sentences[id]
		grams[id] = shingles(r.rows[s.row].text[s.start:s.end])
		s.grams = len(grams[id])
		for _, g := range grams[id] {
			index[g] = append(index[g], id)
		}
	}
	// A shingle that many sentences share is weaker evidence than one
	// that two alone share: each shared shingle weighs 1/(df-1), df being
	// the number of sentences that hold it.
	type overlap struct {
		n int
		w float64
	}
	shared := map[int]overlap{}
	var cands []candidate
	for id := range r.sentences {
		clear(shared)
		for _, g := range grams[id] {
			ids := index[g]
			if len(ids) > maxGramSentences {
				continue
			}
			w := 1 / float64(len(ids)-1)
			for _, o := range ids {
				if o > id {
					ov := shared[o]
					ov.n++
					ov.w += w
					shared[o] = ov
				}
			}
		}
		for o, ov := range shared {
			small := min(r.sentences[id].grams, r.sentences[o].grams)
			if small == 0 {
				continue
			}
			share := float64(ov.n) / float64(small)
			if (ov.n >= linkMinShared && share >= linkMinShare) || (small < linkMinShared && ov.n == small) {
				cands = append(cands, candidate{id, o, ov.w})
			}
		}
	}
	r.keepStrongest(cands)
}

// candidate is a possible link between sentences a and b.
type candidate struct {
	a, b int
	w    float64
}

// keepStrongest links the sentences of each candidate that is among the
// maxLinks strongest of both its sentences. A sentence that resembles
// many others is a stock phrase; its weaker likenesses are noise, and
// bounding them keeps the reading linear in the page.
func (r *rowReader) keepStrongest(cands []candidate) {
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].w != cands[j].w {
			return cands[i].w > cands[j].w
		}
		if cands[i].a != cands[j].a {
			return cands[i].a < cands[j].a
		}
		return cands[i].b < cands[j].b
	})
	rank := make([]int, len(r.sentences))
	var keep []candidate
	for _, c := range cands {
		rank[c.a]++
		rank[c.b]++
		if rank[c.a] <= maxLinks && rank[c.b] <= maxLinks {
			keep = append(keep, c)
		}
	}
	for _, c := range keep {
		r.sentences[c.a].links = append(r.sentences[c.a].links, sentenceLink{c.b, c.w})
		r.sentences[c.b].links = append(r.sentences[c.b].links, sentenceLink{c.a, c.w})
	}
}

// shingles returns the distinct word trigrams of s (lower-cased words of
// letters and digits); text of one or two words is one shingle of its own.
func shingles(s string) []uint64 {
	run := shingleRun(s)
	if len(run) <= 1 {
		return run
	}
	seen := make(map[uint64]struct{}, len(run))
	out := run[:0]
	for _, g := range run {
		if _, dup := seen[g]; !dup {
			seen[g] = struct{}{}
			out = append(out, g)
		}
	}
	return out
}

// shingleRun returns every word trigram of s in order, repeats included.
func shingleRun(s string) []uint64 {
	var words []uint64
	h, in := uint64(14695981039346656037), false
	for i := 0; i <= len(s); {
		var r rune
		n := 1
		if i < len(s) {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			r = unicode.ToLower(r)
			h = (h ^ uint64(r)) * 1099511628211
			in = true
		} else if in {
			words = append(words, h)
			h, in = 14695981039346656037, false
		}
		i += n
	}
	if len(words) == 0 {
		return nil
	}
	if len(words) < 3 {
		g := uint64(0x51ed27)
		for _, w := range words {
			g = (g ^ w) * 0x9E3779B97F4A7C15
		}
		return []uint64{g}
	}
	out := make([]uint64, 0, len(words)-2)
	for i := 0; i+2 < len(words); i++ {
		out = append(out, ((words[i]*0x9E3779B97F4A7C15)^words[i+1])*0xBF58476D1CE4E5B9^words[i+2])
	}
	return out
}

// sentenceSide is the side a sentence takes in its row's current reading.
func (r *rowReader) sentenceSide(id int) side { return r.sides[id] }

// setState changes row i's reading and keeps the sides of its sentences.
func (r *rowReader) setState(i int, st rowState, known bool) {
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
func (r *rowReader) evidence(i, cut int) float64 {
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
func (r *rowReader) evidenceCuts(i int) []float64 {
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
func (r *rowReader) prior(i int, st rowState) float64 {
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
func (r *rowReader) computePriors(i int) {
	row := &r.rows[i]
	row.newPrior = r.priorOf(i, rowState{cut: 0, bound: -1})
	row.oldPrior = r.priorOf(i, rowState{cut: len(row.sentences), bound: -1})
	row.boundPrior = make([]float64, len(row.bounds))
	for bi := range row.bounds {
		row.boundPrior[bi] = r.priorOf(i, rowState{cut: row.cuts[bi], bound: bi})
	}
}

// priorOf is the log-prior of reading row i in state st.
func (r *rowReader) priorOf(i int, st rowState) float64 {
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
	p := r.cellPrior(left) + r.cellPrior(right) - b.cost + b.self
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

// cellPrior is the log-prior of a paragraph made of the given sentences.
// A sentence of punctuation alone is a paragraph of its own (the seed's
// "."); inside a longer paragraph it is out of place.
func (r *rowReader) cellPrior(ids []int) float64 {
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
func (r *rowReader) score(i int, st rowState) float64 {
	return r.evidence(i, st.cut) + r.prior(i, st)
}

// oneCell is the state of row i holding one paragraph of side s.
func (r *rowReader) oneCell(i int, s side) rowState {
	if s == sideOld {
		return rowState{cut: len(r.rows[i].sentences), bound: -1}
	}
	return rowState{cut: 0, bound: -1}
}

// bestBoundary picks row i's best two-cell reading given the others; only
// boundaries no dearer than maxCost count. It returns -1 when there is none.
func (r *rowReader) bestBoundary(i int, maxCost float64, evidenceOnly bool) int {
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
		st := rowState{cut: row.cuts[bi], bound: bi}
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

// set changes row i's reading and returns how much the whole page's score
// changed. Every change is journalled, so that trials can be rolled back.
func (r *rowReader) set(i int, st rowState) float64 {
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
	state rowState
	known bool
}

// mark is a point in the journal to roll back to.
func (r *rowReader) mark() int { return len(r.journal) }

// rollback undoes every change made since mark m.
func (r *rowReader) rollback(m int) {
	for len(r.journal) > m {
		e := r.journal[len(r.journal)-1]
		r.journal = r.journal[:len(r.journal)-1]
		r.setState(e.row, e.state, e.known)
	}
}

// changedSince lists the rows that read differently now than at mark m.
func (r *rowReader) changedSince(m int) []int {
	type was struct {
		st    rowState
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
func (r *rowReader) chooseRun(ri int) bool {
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
				total += r.set(i, rowState{cut: r.rows[i].cuts[b], bound: b})
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
			st = rowState{cut: r.rows[i].cuts[b], bound: b}
		}
		r.set(i, st)
	}
	return true
}

// improveRow tries every other cut of two-cell row i, each followed by
// the answer of the runs linked to it — a moved paragraph's two rows must
// change together — and keeps the best move that raises the page's score.
func (r *rowReader) improveRow(i int) bool {
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
		gain := r.set(i, rowState{cut: row.cuts[bi], bound: bi})
		g, _ := r.respond([]int{i}, map[int]bool{i: true})
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
		if g := r.score(i, rowState{cut: row.cuts[b], bound: b}) - r.score(i, row.state); g > bestGain {
			r.set(i, rowState{cut: row.cuts[b], bound: b})
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
func (r *rowReader) respond(changed []int, fixed map[int]bool) (float64, []int) {
	const eps = 1e-9
	gain := 0.0
	var moved []int
	seenRow := map[int]bool{}
	seenRun := map[int]bool{}
	for _, i := range changed {
		for _, j := range r.neighbours(i) {
			nb := &r.rows[j]
			if fixed[j] || seenRow[j] || !nb.known {
				continue
			}
			seenRow[j] = true
			if nb.state.bound >= 0 {
				if b := r.bestBoundary(j, math.Inf(1), false); b >= 0 && b != nb.state.bound {
					old := nb.state
					if g := r.set(j, rowState{cut: nb.cuts[b], bound: b}); g > eps {
						gain += g
						moved = append(moved, j)
					} else {
						r.set(j, old)
					}
				}
				continue
			}
			if seenRun[nb.run] {
				continue
			}
			seenRun[nb.run] = true
			g, rows := r.flipSide(nb.run, fixed)
			gain += g
			moved = append(moved, rows...)
		}
	}
	return gain, moved
}

// flipSide moves the one-cell rows of run ri to the other side if that
// raises the page's score, and returns the gain and the rows moved.
func (r *rowReader) flipSide(ri int, fixed map[int]bool) (float64, []int) {
	const eps = 1e-9
	run := r.runs[ri].rows
	k, s := r.runShape(ri)
	if len(run)-k > maxFlip {
		return 0, nil
	}
	for _, j := range run[k:] {
		if fixed[j] {
			return 0, nil
		}
	}
	other := sideOld
	if s == sideOld {
		other = sideNew
	}
	m := r.mark()
	g := 0.0
	for _, j := range run[k:] {
		g += r.set(j, r.oneCell(j, other))
	}
	if g > eps {
		return g, run[k:]
	}
	r.rollback(m)
	return 0, nil
}

// neighbours lists the other rows that hold sentences linked to row i's.
func (r *rowReader) neighbours(i int) []int {
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

// solve reads every run: first in page order with what is known so far,
// then again and again with the whole page until nothing changes.
func (r *rowReader) solve() {
	for ri := range r.runs {
		r.runs[ri].dirty = true
	}
	for sweep := 0; sweep < maxSweeps; sweep++ {
		changed := false
		for ri := range r.runs {
			if !r.runs[ri].dirty {
				continue
			}
			r.runs[ri].dirty = false
			r.chooseRun(ri)
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
	r.markGuesses()
}

// markGuesses flags the rows whose reading a plausible alternative
// explains about as well. An alternative is another cheap boundary for a
// two-cell row, or another (k, side) for a run; the rows linked to the
// changed ones then answer it as best they can — a paragraph that moved
// from one one-cell row to another reads as well either way round, and
// only changing both rows shows it. Where the alternative's evidence
// comes within guessMargin of the chosen reading's, every row that reads
// differently under it is flagged.
func (r *rowReader) markGuesses() {
	for i := range r.rows {
		row := &r.rows[i]
		if row.matched || row.state.bound < 0 {
			continue
		}
		for bi, b := range row.bounds {
			if bi == row.state.bound || b.cost > plausibleCost {
				continue
			}
			st := rowState{cut: row.cuts[bi], bound: bi}
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
							d += r.set(i, rowState{cut: r.rows[i].cuts[plausible[j]], bound: plausible[j]})
						} else {
							d += r.set(i, r.oneCell(i, s))
						}
					}
					return d
				}
				r.tryAlternative(run, apply)
			}
		}
	}
}

// runShape reads back a run's (k, side) from its rows' states.
func (r *rowReader) runShape(ri int) (int, side) {
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
// if the page scores about as well (within guessMargin). It restores the
// saved reading.
func (r *rowReader) tryAlternative(rows []int, apply func() float64) {
	fixed := map[int]bool{}
	for _, i := range rows {
		fixed[i] = true
	}
	m := r.mark()
	delta := apply()
	// The answers can win back at most twice the weight of the links
	// that leave the changed rows; past that the alternative is out of
	// reach, and trying it is wasted work.
	if delta+2*r.linkWeight(rows) < -guessMargin {
		r.rollback(m)
		return
	}
	changed := rows
	for round := 0; round < 2 && len(changed) > 0; round++ {
		var g float64
		g, changed = r.respond(changed, fixed)
		delta += g
	}
	if delta >= -guessMargin {
		for _, i := range r.changedSince(m) {
			r.rows[i].guessed = true
		}
	}
	r.rollback(m)
}

// linkWeight sums the weights of the links from rows to other rows.
func (r *rowReader) linkWeight(rows []int) float64 {
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

// versions lays the rows out as the two versions' paragraphs, with the
// indexes of the guessed ones.
func (r *rowReader) versions() (old []string, oldGuessed []int, new []string, newGuessed []int) {
	old, new = []string{}, []string{}
	for i := range r.rows {
		row := &r.rows[i]
		if row.matched {
			p, _ := sameCells(row.text)
			old, new = append(old, p), append(new, p)
			continue
		}
		st := row.state
		var left, right string
		switch {
		case st.bound >= 0:
			b := row.bounds[st.bound]
			left, right = row.text[:b.leftEnd], row.text[b.rightStart:]
		case st.cut == 0:
			right = row.text
		default:
			left = row.text
		}
		if left != "" {
			if row.guessed {
				oldGuessed = append(oldGuessed, len(old))
			}
			old = append(old, left)
		}
		if right != "" {
			if row.guessed {
				newGuessed = append(newGuessed, len(new))
			}
			new = append(new, right)
		}
	}
	return old, oldGuessed, new, newGuessed
}
