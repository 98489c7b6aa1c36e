package diff

// Thresholds on the similarity score (see pairScorer), taken from the
// anchors DESIGN.md names: the defaults of wikidiff2, MediaWiki's diff
// engine. wikidiff2 measures similarity its own way, so the numbers are a
// starting point that the seed comparison confirms, not a contract:
//
//   - pairThreshold: inside a gap, an old and a new paragraph are shown as
//     one edited paragraph only above 0.2 (wikidiff2's change threshold).
//     Below that the word diff is mostly red and green and the reader is
//     better served by "removed this, added that".
//   - moveThreshold: a paragraph that left its place is a move only above
//     0.4 (wikidiff2's moved-paragraph threshold). A move claims a link
//     across the article, so it must be clearly the same paragraph.
const (
	pairThreshold = 0.2
	moveThreshold = 0.4
)

// Work bounds, so that no input can stall the reader. Both are far above
// what revisions of real articles need, and both are counts, not clocks,
// so a comparison reads the same on a busy machine.
//
//   - pairWindow: inside a gap, an old paragraph looks for its partner
//     among at most this many new paragraphs after the last pair. That
//     keeps gap pairing O(n·window) even when every paragraph of a
//     6,000-paragraph article changed; a partner further away is still
//     found by move detection, and kept as an edit if it breaks no order.
//   - similarityBudget: total bit-parallel steps (one step = one word of
//     the new paragraph against 64 words of the old) spent on
//     similarity; about 1.4 ns each, so at most ~140 ms on the 2-core
//     development machine. A revision of a real article spends well under
//     1% of it. Once spent, the remaining candidates count as dissimilar
//     and show as added and removed — what wikidiff2 does past its
//     moved-paragraph cutoff. Exact moves (identical text) never need it.
const (
	pairWindow       = 50
	similarityBudget = 100_000_000
)

// pairScorer scores paragraph pairs. The score is the share of words kept
// in order: 2·LCS / (words(a) + words(b)), counting word tokens only (as
// the word diff splits them, so spaces and punctuation do not dilute it).
// It is the Dice coefficient of a minimal word-level diff: 1 for the same
// words in the same order, 0 for nothing in common. Unlike a bag-of-words
// measure it does not reward two unrelated paragraphs for sharing "the",
// "of" and "and" in scrambled order: on the seed, a bag-of-words Dice
// scores the Erdogan quote (old ¶2) against the "It is not clear…"
// paragraph (new ¶4) 0.27 — enough to pair them inside the gap and spoil
// the alignment — while the order-aware score gives them 0.11.
//
// The LCS is computed bit-parallel (Allison–Dix/Hyyrö): one old paragraph's
// words become match masks once, and each new paragraph is then scored in
// ⌈m/64⌉·n word operations — 100–250 ns for a news paragraph.
type pairScorer struct {
	al                 *alignment
	vocab              map[string]int32
	oldWords, newWords [][]int32 // word ids of the paragraphs still unpaired

	loaded int // old paragraph whose masks are built, -1 for none
	masks
	budget int

	// byNew holds the masks of one new paragraph, newLoaded (-1 for
	// none), for scoring several old paragraphs against it (outdone).
	byNew     masks
	newLoaded int
	// memo is the last answer of bestAfter: outdone asks it of the
	// next old paragraph, which pairGaps then asks again.
	memo bestMemo

	twinned [2][]bool // see alignment.twins

	// Paragraphs of bigText bytes or more are tokenized only when a score
	// needs all their words (see scoreByEnds); until then their word
	// counts, for mayExceed, come from countWords. -1: not counted yet.
	oldCount, newCount []int
}

// bigText is the size from which a paragraph is tokenized lazily and a
// pair is first scored by its shared ends: past 64 KB a paragraph is a
// document pasted as one, not a news paragraph.
const bigText = 64 << 10

// newPairScorer tokenizes the paragraphs that exact matching left
// unpaired and that may be scored: not those whose exact twin waits on
// the other side, and big ones only when a score needs them.
func newPairScorer(al *alignment) *pairScorer {
	s := &pairScorer{
		al:        al,
		vocab:     make(map[string]int32),
		oldWords:  make([][]int32, len(al.old)),
		newWords:  make([][]int32, len(al.new)),
		loaded:    -1,
		newLoaded: -1,
		memo:      bestMemo{i: -1},
		budget:    similarityBudget,
	}
	// A paragraph whose exact twin waits on the other side is paired by
	// exact move detection and never scored: on 50,000 shuffled
	// paragraphs, tokenizing them all anyway was 12% of the run.
	s.twinned = al.twins()
	s.oldCount, s.newCount = make([]int, len(al.old)), make([]int, len(al.new))
	for i, to := range al.oldTo {
		s.oldCount[i] = -1
		if to < 0 && !s.twinned[0][i] && len(al.old[i]) < bigText {
			s.oldWords[i] = s.words(al.old[i])
			s.oldCount[i] = len(s.oldWords[i])
		}
	}
	for j, from := range al.newTo {
		s.newCount[j] = -1
		if from < 0 && !s.twinned[1][j] && len(al.new[j]) < bigText {
			s.newWords[j] = s.words(al.new[j])
			s.newCount[j] = len(s.newWords[j])
		}
	}
	return s
}

// oldIDs and newIDs are the word ids of a paragraph, tokenized now if it
// was left for later.
func (s *pairScorer) oldIDs(i int) []int32 {
	if s.oldWords[i] == nil && s.oldCount[i] != 0 {
		s.oldWords[i] = s.words(s.al.old[i])
		s.oldCount[i] = len(s.oldWords[i])
	}
	return s.oldWords[i]
}

func (s *pairScorer) newIDs(j int) []int32 {
	if s.newWords[j] == nil && s.newCount[j] != 0 {
		s.newWords[j] = s.words(s.al.new[j])
		s.newCount[j] = len(s.newWords[j])
	}
	return s.newWords[j]
}

// counts is how many words old i and new j have.
func (s *pairScorer) counts(i, j int) (int, int) {
	if s.oldCount[i] < 0 {
		s.oldCount[i] = countWords(s.al.old[i])
	}
	if s.newCount[j] < 0 {
		s.newCount[j] = countWords(s.al.new[j])
	}
	return s.oldCount[i], s.newCount[j]
}

// twins marks, old side [0] and new side [1], the unpaired paragraphs
// whose exact text waits unpaired on the other side too, as many times
// or more: move detection pairs each with its twin, so pairing it by
// likeness with another text would be a false edit. (50,000 shuffled
// paragraphs gave 1,902 such edits before.)
func (al *alignment) twins() (out [2][]bool) {
	var count [2]map[int32]int
	for side, to := range [2][]int{al.oldTo, al.newTo} {
		keys := [2][]int32{al.oldKey, al.newKey}[side]
		count[side] = make(map[int32]int)
		for i, p := range to {
			if p < 0 {
				count[side][keys[i]]++
			}
		}
	}
	for side, to := range [2][]int{al.oldTo, al.newTo} {
		keys := [2][]int32{al.oldKey, al.newKey}[side]
		out[side] = make([]bool, len(to))
		for i, p := range to {
			k := keys[i]
			out[side][i] = p < 0 && count[1-side][k] >= count[side][k]
		}
	}
	return out
}

// words interns the word tokens of p.
func (s *pairScorer) words(p string) []int32 {
	var ids []int32
	scanTokens(p, func(tok string, class tokenClass) {
		if class != tokenWord {
			return
		}
		id, ok := s.vocab[tok]
		if !ok {
			id = int32(len(s.vocab))
			s.vocab[tok] = id
			s.slot = append(s.slot, 0)
		}
		ids = append(ids, id)
	})
	return ids
}

// mayExceed reports whether old i and new j could score above floor:
// the LCS is at most the shorter paragraph, which bounds the score
// without any work.
func (s *pairScorer) mayExceed(i, j int, floor float64) bool {
	m, n := s.counts(i, j)
	return m+n > 0 && 2*float64(min(m, n))/float64(m+n) > floor
}

// score is the similarity of old paragraph i and new paragraph j; 0 once
// the budget is spent.
func (s *pairScorer) score(i, j int) float64 {
	if s.budget <= 0 {
		return 0
	}
	if v, ok := s.scoreByEnds(i, j); ok {
		return v
	}
	a, b := s.oldIDs(i), s.newIDs(j)
	if len(a)+len(b) == 0 {
		return 0
	}
	// Words both paragraphs start or end with are in every LCS. Trimming
	// them first is what lets a small edit in a huge paragraph (megabytes
	// of one phrase repeated) be scored within the budget at all.
	if p, q := commonEnds(a, b); p+q >= 64 {
		lcs, ok := s.middleLCS(a[p:len(a)-q], b[p:len(b)-q])
		if !ok {
			return 0
		}
		return 2 * float64(p+q+lcs) / float64(len(a)+len(b))
	}
	// The cost is known before any mask is built: the masks of one
	// paragraph take distinct words × ⌈words/64⌉ uint64s, which for
	// 100,000 distinct words is 1.25 GB. Check first, then allocate.
	if !s.spend((len(a) + 63) / 64 * len(b)) {
		return 0
	}
	if s.loaded != i {
		s.build(a)
		s.loaded = i
	}
	return 2 * float64(s.lcs(b)) / float64(len(a)+len(b))
}

// scoreByEnds scores two big paragraphs that share most of their bytes
// at their ends without tokenizing those ends: their words are counted
// (no interning), and only the middles are cut into word ids. The score
// and the budget charged are the ones the whole word lists give, since
// the shared ends are cut between tokens (sharedTextEnds): the words of
// the ends are the words the lists share at their ends. ok is false
// when the pair is small or shares little; score then works on the
// whole lists.
func (s *pairScorer) scoreByEnds(i, j int) (float64, bool) {
	a, b := s.al.old[i], s.al.new[j]
	if len(a) < bigText || len(b) < bigText || s.oldWords[i] != nil || s.newWords[j] != nil {
		return 0, false
	}
	p, m := sharedTextEnds(a, b)
	if 2*(p+m) < len(a) {
		return 0, false
	}
	ends := countWords(a[:p]) + countWords(a[len(a)-m:])
	ma, mb := s.words(a[p:len(a)-m]), s.words(b[p:len(b)-m])
	pm, qm := commonEnds(ma, mb)
	if ends+pm+qm < 64 {
		return 0, false // the whole lists go the way of a short pair
	}
	wa, wb := ends+len(ma), ends+len(mb)
	s.oldCount[i], s.newCount[j] = wa, wb
	lcs, ok := s.middleLCS(ma[pm:len(ma)-qm], mb[pm:len(mb)-qm])
	if !ok {
		return 0, true
	}
	return 2 * float64(ends+pm+qm+lcs) / float64(wa+wb), true
}

// commonEnds is how many words (or tokens: a rune is an int32) a and b
// share at their start (p) and, of the rest, at their end (q).
func commonEnds(a, b []int32) (p, q int) {
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for q < len(a)-p && q < len(b)-p && a[len(a)-1-q] == b[len(b)-1-q] {
		q++
	}
	return p, q
}

// pairGaps pairs old and new paragraphs inside each gap, keeping order,
// and returns the pairs as anchors. Each old paragraph in turn takes the
// most similar new paragraph after the last pair (above pairThreshold;
// the earliest on a tie), unless a later old paragraph of the gap is more
// like that one and would take it too (outdone): then it is left to move
// detection, or removed. Without that, a paragraph cut just above its
// near twin ("two people were hurt" above "three people were killed")
// took the twin's edited version as its own, and the comparison showed
// "hurt → killed", an edit nobody made, and the twin removed.
//
// Why this greedy in-order rule rather than the order-keeping pairing of
// maximal total similarity: the greedy reads the old version top down
// and lets a paragraph claim its partner even when that partner sits
// below paragraphs that moved up past it. On the seed (versions 1 and 2),
// the old statement paragraph (¶4) was merged into a new one (¶9) further
// down, and the five paragraphs that followed it (¶6–¶10) now sit above
// it: the greedy pairs ¶4→9 and reports those five as moved, which is how
// the product owner reads the page ("4 ¶ edited · 5 moved · 8 added"). A
// maximal-weight alignment would instead keep the five in place and drop
// the merged statement, hiding the restructuring.
func (s *pairScorer) pairGaps(gaps []alignGap) []anchor {
	var pairs []anchor
	for _, g := range gaps {
		last := g.n0 - 1
		for i := g.o0; i < g.o1 && last+1 < g.n1; i++ {
			if s.twinned[0][i] {
				continue
			}
			best, bestScore := s.bestAfter(i, last, g)
			if best >= 0 && s.outdone(i, best, bestScore, last, g) {
				continue
			}
			if best >= 0 {
				s.al.pair(i, best, bestScore)
				pairs = append(pairs, anchor{i, best})
				last = best
			}
		}
	}
	return pairs
}

// outdone reports whether new paragraph j, old paragraph i's best partner
// in gap g at score v, is the edit of the next old paragraph rather than
// of i: the old paragraph the gap pairs next (the next one not waiting
// for its exact twin), when it scores higher with j, its own best
// partner after last is j (it will take j, from the same last), and
// beside it i explains no more of j than pairThreshold (the words of j
// that i and it read together keep in order, less those it keeps alone,
// scored as a pair's words are). The last test keeps a merge: when j
// joins i and the next one, each explains its own part of j, and i
// keeps j as the greedy gave it (the seed's statement paragraph, ¶4 →
// ¶9). Only the next one is asked: one further on might never see j,
// were a paragraph between to pair first.
func (s *pairScorer) outdone(i, j int, v float64, last int, g alignGap) bool {
	if len(s.al.old[i]) >= bigText || len(s.al.new[j]) >= bigText {
		return false
	}
	r := i + 1
	for r < g.o1 && s.twinned[0][r] {
		r++
	}
	if r >= g.o1 || len(s.al.old[r]) >= bigText || !s.mayExceed(r, j, v) {
		return false
	}
	rj, ok := s.lcsByNew(s.oldIDs(r), j)
	if !ok || s.similarity(rj, r, j) <= v {
		return false
	}
	if best, _ := s.bestAfter(r, last, g); best != j {
		return false
	}
	a := s.oldIDs(i)
	both, ok := s.lcsByNew(append(append(make([]int32, 0, len(a)+len(s.oldIDs(r))), a...), s.oldIDs(r)...), j)
	return ok && s.similarity(both-rj, i, j) <= pairThreshold
}

// bestAfter is the new paragraph of gap g after last that old paragraph
// i pairs with, and its score, as pairGaps chooses it (-1 for none);
// the answer is kept for pairGaps, which asks the same of i next.
func (s *pairScorer) bestAfter(i, last int, g alignGap) (int, float64) {
	if s.memo.i == i && s.memo.last == last {
		return s.memo.best, s.memo.score
	}
	best, bestScore := -1, pairThreshold
	for j := last + 1; j < g.n1 && j <= last+pairWindow; j++ {
		// Identical texts pair only by exact matching: one left unpaired
		// there has no certain place (see matchExact), and move detection
		// decides about it.
		if s.twinned[1][j] || !s.mayExceed(i, j, bestScore) {
			continue
		}
		if v := s.score(i, j); v > bestScore {
			best, bestScore = j, v
			if v == 1 {
				break // nothing later can beat it; ties go to the earliest
			}
		}
	}
	s.memo = bestMemo{i: i, last: last, best: best, score: bestScore}
	return best, bestScore
}

// bestMemo is one answer of bestAfter.
type bestMemo struct {
	i, last, best int // i -1: none yet (gaps share no old paragraph)
	score         float64
}

// similarity is the score of old i and new j whose LCS is lcs words.
func (s *pairScorer) similarity(lcs, i, j int) float64 {
	m, n := s.counts(i, j)
	if m+n == 0 {
		return 0
	}
	return 2 * float64(lcs) / float64(m+n)
}

// spend takes cost bit-parallel steps from the budget, or, when it
// cannot pay them, spends it all (from there on nothing is scored) and
// reports false.
func (s *pairScorer) spend(cost int) bool {
	if s.budget <= 0 || cost > s.budget {
		s.budget = 0
		return false
	}
	s.budget -= cost
	return true
}

// lcsByNew is the LCS of the word ids a and new paragraph j's words, with
// the masks built on j's (kept while a caller scores several old
// paragraphs against j), charged to the budget as score charges; ok is
// false once the budget is spent.
func (s *pairScorer) lcsByNew(a []int32, j int) (int, bool) {
	b := s.newIDs(j)
	if !s.spend((len(b) + 63) / 64 * len(a)) {
		return 0, false
	}
	// The vocabulary grows as paragraphs are tokenized: a word new since
	// the slots were last grown has none yet.
	if n := len(s.vocab) - len(s.byNew.slot); n > 0 {
		s.byNew.slot = append(s.byNew.slot, make([]int32, n)...)
	}
	if s.newLoaded != j {
		s.byNew.build(b)
		s.newLoaded = j
	}
	return s.byNew.lcs(a), true
}
