package diff

import (
	"cmp"
	"slices"
)

// findMoves pairs the paragraphs still unpaired anywhere in the article:
// identical texts first (a paragraph moved verbatim), then, best score
// first, pairs above moveThreshold. It returns the pairs it made.
func (s *pairScorer) findMoves() []anchor {
	al := s.al
	var moves []anchor

	waiting := make(map[int32][]int) // text key -> unpaired new paragraphs
	for j, from := range al.newTo {
		if from < 0 {
			waiting[al.newKey[j]] = append(waiting[al.newKey[j]], j)
		}
	}
	for i, to := range al.oldTo {
		if to >= 0 {
			continue
		}
		if js := waiting[al.oldKey[i]]; len(js) > 0 {
			al.pair(i, js[0], 1)
			moves = append(moves, anchor{i, js[0]})
			waiting[al.oldKey[i]] = js[1:]
		}
	}

	var olds, news []int
	for i, to := range al.oldTo {
		if to < 0 {
			olds = append(olds, i)
		}
	}
	for j, from := range al.newTo {
		if from < 0 {
			news = append(news, j)
		}
	}
	type candidate struct {
		anchor
		score float64
	}
	var cands []candidate
	partners := s.movePartners(olds, news)
	for k, i := range olds {
		for _, j := range partners[k] {
			if !s.mayExceed(i, j, moveThreshold) {
				continue
			}
			if v := s.score(i, j); v > moveThreshold {
				cands = append(cands, candidate{anchor{i, j}, v})
			}
		}
	}
	slices.SortStableFunc(cands, func(x, y candidate) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		}
		return 0 // stable: old order, then new order
	})
	for _, c := range cands {
		if al.oldTo[c.old] < 0 && al.newTo[c.new] < 0 {
			al.pair(c.old, c.new, c.score)
			moves = append(moves, c.anchor)
		}
	}
	return moves
}

// smallMoveSearch is the number of pairs up to which move detection
// tries every pair without filtering: building the filter costs more
// than scoring a few thousand pairs (on the seed it was a tenth of the
// comparison).
const smallMoveSearch = 1 << 14

// movePartners lists, for each of olds, the paragraphs of news that could
// score above moveThreshold with it, in ascending order: every such pair
// and, usually, few others. Scoring every old paragraph against every
// new one was quadratic: 2,000 × 2,000 pairs, half the comparison of two
// 30 MB versions.
//
// The filter is prefix filtering (Chaudhuri et al., 2006). A pair above
// the threshold keeps more than 0.2·(m+n) words in order (m and n its
// lengths), and mayExceed lets through only n > m/4, so they share more
// than m/4 words: at least t = ⌊m/4⌋+1 of the old paragraph's words,
// counted with repeats, and likewise of the new one's. Order every
// (word, k-th occurrence) token of every paragraph, rarest first, the
// same order for all: two paragraphs that share t tokens share one among
// the first len−t+1 of each. Only those prefixes are indexed and looked
// up, so the common words that would make every pair a candidate are
// never followed.
//
// The work is bounded before it is done (a budget, never a clock):
// movePairBudget pairs. Within it the filter is followed whole, or every
// pair tried when that is fewer; past it, each old paragraph takes an
// equal share of partners, those met first following its tokens rarest
// first. A move the share misses shows as a paragraph removed and one
// added — true, but not linked. The budget binds only where hundreds of
// paragraphs share the rare words of each (a whole version rewritten in
// generated prose of a small vocabulary): there, following the prefixes
// held 14 GB of partner lists and scored for a minute, to find no move.
func (s *pairScorer) movePartners(olds, news []int) [][]int {
	out := make([][]int, len(olds))
	if len(olds)*len(news) <= smallMoveSearch {
		for k := range olds {
			out[k] = news
		}
		return out
	}
	type token = uint64 // word id << 32 | occurrence
	type ranked struct {
		t  token
		df int32 // paragraphs holding the token: the rarity order
	}
	tokensOf := func(ids []int32) []ranked {
		seen := make(map[int32]uint32, len(ids))
		out := make([]ranked, len(ids))
		for k, id := range ids {
			out[k].t = token(uint32(id))<<32 | token(seen[id])
			seen[id]++
		}
		return out
	}
	oldToks, newToks := make([][]ranked, len(olds)), make([][]ranked, len(news))
	df := make(map[token]int32)
	for k, i := range olds {
		oldToks[k] = tokensOf(s.oldIDs(i))
		for _, r := range oldToks[k] {
			df[r.t]++
		}
	}
	for k, j := range news {
		newToks[k] = tokensOf(s.newIDs(j))
		for _, r := range newToks[k] {
			df[r.t]++
		}
	}
	prefix := func(toks []ranked) []ranked {
		for k := range toks {
			toks[k].df = df[toks[k].t]
		}
		slices.SortFunc(toks, func(x, y ranked) int {
			if c := cmp.Compare(x.df, y.df); c != 0 {
				return c
			}
			return cmp.Compare(x.t, y.t)
		})
		t := len(toks)/4 + 1
		return toks[:max(len(toks)-t+1, 0)]
	}
	index := make(map[token][]int32) // token -> positions in news, ascending
	for k := range news {
		for _, r := range prefix(newToks[k]) {
			index[r.t] = append(index[r.t], int32(k))
		}
	}
	// Where the words are few and common (a small vocabulary, or
	// generated text), the prefixes share them all and following the
	// index would cost more than trying every pair: then every pair it
	// is. Counting the postings first costs a pass over the prefixes,
	// and stops as soon as the count says what to do.
	budget := movePairBudget(len(olds), len(news))
	probes := 0
	for k := range olds {
		oldToks[k] = prefix(oldToks[k])
	}
	for k := range olds {
		for _, r := range oldToks[k] {
			probes += len(index[r.t])
		}
		if probes > max(budget, len(olds)*len(news)) {
			break
		}
	}
	if probes > len(olds)*len(news) && len(olds)*len(news) <= budget {
		for k := range olds {
			out[k] = news
		}
		return out
	}
	quota := len(news) // every partner the prefixes give
	if probes > budget {
		quota = max(budget/len(olds), minMovePartners)
	}
	stamp := make([]int32, len(news)) // k+1 once news[k] is a partner of the current old
	for k := range olds {
		var ps []int
	tokens:
		for _, r := range oldToks[k] {
			for _, n := range index[r.t] {
				if stamp[n] != int32(k)+1 {
					if len(ps) == quota {
						break tokens
					}
					stamp[n] = int32(k) + 1
					ps = append(ps, news[n])
				}
			}
		}
		slices.Sort(ps)
		out[k] = ps
	}
	return out
}

// movePairBudget is how many pairs move detection may look at among
// olds and news paragraphs left unpaired: linear in them, plus room for
// a million.
// A test makes it bind.
var movePairBudget = func(olds, news int) int { return 64*(olds+news) + 1<<20 }

// minMovePartners is the fewest partners an old paragraph takes when the
// budget binds.
const minMovePartners = 16
