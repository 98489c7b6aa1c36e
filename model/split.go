package model

import (
	"math"
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
	nbrs      []int
	guessed   bool
}

type splitRun struct {
	rows []int // indexes into rowReader.rows
}

// rowReader holds a dump's body rows while their cells are recovered.
type rowReader struct {
	rows      []splitRow
	sentences []sentence
	runs      []splitRun
}

// Tuning of the reading, in nats.
const (
	// unlinkedOldBias favours reading a sentence that nothing links as
	// added rather than removed where a row holds two cells: an edited or
	// moved paragraph keeps its sentences, and new reporting arrives as
	// new sentences. It outweighs the sentence-count prior's taste for
	// cells of equal length.
	unlinkedOldBias = 0.7
	// guessMargin is how much evidence (in shared shingles) must separate
	// a reading from a plausible alternative for it to count as decided.
	guessMargin = 2.0
	// Links: two sentences share at least linkMinShared shingles and at
	// least linkMinShare of the smaller one's.
	linkMinShared = 3
	linkMinShare  = 0.2
	// A shingle found in more sentences than this is a stock phrase and
	// not evidence of anything.
	maxGramSentences = 64
	maxSweeps        = 12
)

// sentencePrior is the log-probability that a paragraph holds n sentences,
// after the shape of news prose: mostly one to three.
func sentencePrior(n int) float64 {
	p := []float64{0.02, 0.36, 0.33, 0.17, 0.07}
	if n < len(p) {
		return math.Log(p[n])
	}
	return math.Log(0.07) + float64(n-4)*math.Log(0.5)
}

// sidePrior is the log-prior of a one-cell paragraph being removed or added.
func sidePrior(s side) float64 {
	if s == sideNew {
		return math.Log(0.55)
	}
	return math.Log(0.45)
}

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
	for bi, b := range row.bounds {
		row.cuts[bi] = r.cutAt(i, b)
	}
}

func (r *rowReader) addSentence(row, start, end int) {
	r.rows[row].sentences = append(r.rows[row].sentences, len(r.sentences))
	r.sentences = append(r.sentences, sentence{row: row, start: start, end: end})
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
				r.sentences[id].links = append(r.sentences[id].links, sentenceLink{o, ov.w})
				r.sentences[o].links = append(r.sentences[o].links, sentenceLink{id, ov.w})
			}
		}
	}
}

// shingles returns the distinct word trigrams of s (lower-cased words of
// letters and digits); text of one or two words is one shingle of its own.
func shingles(s string) []uint64 {
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
	seen := make(map[uint64]struct{}, len(words))
	out := make([]uint64, 0, len(words)-2)
	for i := 0; i+2 < len(words); i++ {
		g := ((words[i]*0x9E3779B97F4A7C15)^words[i+1])*0xBF58476D1CE4E5B9 ^ words[i+2]
		if _, dup := seen[g]; !dup {
			seen[g] = struct{}{}
			out = append(out, g)
		}
	}
	return out
}

// sentenceSide is the side a sentence takes in its row's current reading.
func (r *rowReader) sentenceSide(id int) side {
	s := r.sentences[id]
	row := &r.rows[s.row]
	if !row.known {
		return sideUnknown
	}
	for k, o := range row.sentences {
		if o == id {
			if k < row.state.cut {
				return sideOld
			}
			return sideNew
		}
	}
	return sideUnknown
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
			o := r.sentences[l.to]
			if o.row == i {
				if l.to > id { // each link inside the row once
					other := sideNew
					if r.indexInRow(l.to) < cut {
						other = sideOld
					}
					total += l.weight * agreement(mine, other)
				}
				continue
			}
			total += l.weight * agreement(mine, r.sentenceSide(l.to))
		}
	}
	return total
}

func (r *rowReader) indexInRow(id int) int {
	row := &r.rows[r.sentences[id].row]
	for k, o := range row.sentences {
		if o == id {
			return k
		}
	}
	return -1
}

// prior is the log-prior of reading row i in state st.
func (r *rowReader) prior(i int, st rowState) float64 {
	row := &r.rows[i]
	m := len(row.sentences)
	if st.bound < 0 {
		if st.cut == 0 {
			return sentencePrior(m) + sidePrior(sideNew)
		}
		return sentencePrior(m) + sidePrior(sideOld)
	}
	b := row.bounds[st.bound]
	left, right := st.cut, m-st.cut
	// A boundary inside a sentence leaves part of it in each cell.
	if b.cost > atomCost {
		left, right = r.partCounts(i, b)
	}
	p := sentencePrior(left) + sentencePrior(right) - b.cost
	for _, id := range row.sentences[:st.cut] {
		if len(r.sentences[id].links) == 0 {
			p -= unlinkedOldBias
		}
	}
	return p
}

// partCounts counts the sentences, whole or in part, on each side of a
// boundary that falls inside one.
func (r *rowReader) partCounts(i int, b boundary) (left, right int) {
	for _, id := range r.rows[i].sentences {
		s := r.sentences[id]
		if s.start < b.leftEnd {
			left++
		}
		if s.end > b.rightStart {
			right++
		}
	}
	return left, right
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
	best, bestScore := -1, math.Inf(-1)
	for bi, b := range row.bounds {
		if b.cost > maxCost {
			continue
		}
		st := rowState{cut: row.cuts[bi], bound: bi}
		s := r.evidence(i, st.cut)
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
// changed.
func (r *rowReader) set(i int, st rowState) float64 {
	row := &r.rows[i]
	before := 0.0
	if row.known {
		before = r.score(i, row.state)
	}
	row.state, row.known = st, true
	return r.score(i, st) - before
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

	saved := make([]rowState, len(run))
	savedKnown := make([]bool, len(run))
	for j, i := range run {
		saved[j], savedKnown[j] = r.rows[i].state, r.rows[i].known
	}
	restore := func() {
		for j, i := range run {
			r.rows[i].state, r.rows[i].known = saved[j], savedKnown[j]
		}
	}
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
			if total > bestScore || (!found && !savedKnown[0]) {
				best, bestScore, found = runOption{k, s}, total, true
			}
			if k == 0 {
				break
			}
			total += r.set(run[k-1], r.oneCell(run[k-1], s))
		}
		restore()
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
// the best answer of the two-cell rows linked to it — a moved paragraph's
// two rows must change together — and keeps the best move that raises
// the page's score.
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
	type undo struct {
		row int
		st  rowState
	}
	bestGain, bestBound := eps, -1
	var log []undo
	try := func(bi int, keep bool) float64 {
		log = log[:0]
		log = append(log, undo{i, row.state})
		gain := r.set(i, rowState{cut: row.cuts[bi], bound: bi})
		for _, j := range r.neighbours(i) {
			nb := &r.rows[j]
			if !nb.known || nb.state.bound < 0 {
				continue
			}
			if b := r.bestBoundary(j, math.Inf(1), false); b >= 0 && b != nb.state.bound {
				log = append(log, undo{j, nb.state})
				gain += r.set(j, rowState{cut: nb.cuts[b], bound: b})
			}
		}
		if !keep {
			for k := len(log) - 1; k >= 0; k-- {
				r.set(log[k].row, log[k].st)
			}
		}
		return gain
	}
	for _, bi := range byCut {
		if bi == row.state.bound {
			continue
		}
		if g := try(bi, false); g > bestGain {
			bestGain, bestBound = g, bi
		}
	}
	// The same cut through a cheaper boundary.
	if b := r.bestBoundary(i, math.Inf(1), false); b >= 0 && b != row.state.bound && row.cuts[b] == row.state.cut {
		if g := r.score(i, rowState{cut: row.cuts[b], bound: b}) - r.score(i, row.state); g > bestGain {
			bestGain, bestBound = g, b
		}
	}
	if bestBound < 0 {
		return false
	}
	try(bestBound, true)
	return true
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
	for sweep := 0; sweep < maxSweeps; sweep++ {
		changed := false
		for ri := range r.runs {
			if r.chooseRun(ri) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	r.markGuesses()
}

// markGuesses flags the rows whose reading a plausible alternative
// explains as well: another cheap boundary, or another (k, side) for the
// run, with evidence within guessMargin of the chosen reading's.
func (r *rowReader) markGuesses() {
	for ri := range r.runs {
		run := r.runs[ri].rows
		chosen := make([]rowState, len(run))
		chosenEvidence := 0.0
		for j, i := range run {
			chosen[j] = r.rows[i].state
			chosenEvidence += r.evidence(i, chosen[j].cut)
		}
		// Other cuts of each two-cell row.
		for _, i := range run {
			row := &r.rows[i]
			if row.state.bound < 0 {
				continue
			}
			mine := r.evidence(i, row.state.cut)
			for bi, b := range row.bounds {
				if bi == row.state.bound || b.cost > plausibleCost {
					continue
				}
				if r.evidence(i, row.cuts[bi]) >= mine-guessMargin {
					row.guessed = true
				}
			}
		}
		// Other shapes of the run. Evidence is summed over the run's rows
		// with links inside the run counted from both ends, alike for
		// every option, so the comparison is fair.
		plausible := make([]int, len(run))
		kmax := 0
		for j, i := range run {
			plausible[j] = r.bestBoundary(i, plausibleCost, true)
			if plausible[j] >= 0 && kmax == j {
				kmax = j + 1
			}
		}
		for _, s := range []side{sideNew, sideOld} {
			for k := 0; k <= kmax; k++ {
				opt := make([]rowState, len(run))
				for j, i := range run {
					if j < k {
						opt[j] = rowState{cut: r.rows[i].cuts[plausible[j]], bound: plausible[j]}
					} else {
						opt[j] = r.oneCell(i, s)
					}
				}
				same := true
				for j := range run {
					if opt[j].cut != chosen[j].cut || (opt[j].bound < 0) != (chosen[j].bound < 0) {
						same = false
					}
				}
				if same {
					continue
				}
				for j, i := range run {
					r.rows[i].state = opt[j]
				}
				ev := 0.0
				for j, i := range run {
					ev += r.evidence(i, opt[j].cut)
				}
				for j, i := range run {
					r.rows[i].state = chosen[j]
				}
				if ev >= chosenEvidence-2*guessMargin {
					for j, i := range run {
						if opt[j].cut != chosen[j].cut || (opt[j].bound < 0) != (chosen[j].bound < 0) {
							r.rows[i].guessed = true
						}
					}
				}
			}
		}
	}
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
