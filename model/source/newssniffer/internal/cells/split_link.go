package cells

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// This file cuts rows into sentences and links the sentences that
// share enough text to be one sentence in two versions.

// segment finds a row's boundaries and cuts it into sentences at the
// cheap ones.
func (r *Reader) segment(i int) {
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
		if s.end-s.start <= maxSelfEvidence && r.repeatsItself(row.text[s.start:s.end]) {
			repeats[id] = true
		}
	}
	for bi, b := range row.bounds {
		row.cuts[bi] = r.cutAt(i, b)
		row.bounds[bi].alike = alikeEvidence(row.text[:b.leftEnd], row.text[b.rightStart:])
		if b.cost > atomCost && len(repeats) > 0 {
			row.bounds[bi].self = r.selfEvidence(i, b, repeats)
		}
	}
}

// repeatsItself reports whether a word trigram occurs twice in s: only
// then can a cut inside s part two alike halves. One set serves every
// sentence of the page, cleared between them.
func (r *Reader) repeatsItself(s string) bool {
	if r.gramSet == nil {
		r.gramSet = map[uint64]bool{}
	}
	clear(r.gramSet)
	for _, g := range shingleRun(s) {
		if r.gramSet[g] {
			return true
		}
		r.gramSet[g] = true
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
func (r *Reader) selfEvidence(i int, b boundary, repeats map[int]bool) float64 {
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

func (r *Reader) addSentence(row, start, end int) {
	idx := len(r.rows[row].sentences)
	r.rows[row].sentences = append(r.rows[row].sentences, len(r.sentences))
	r.sentences = append(r.sentences, sentence{row: row, idx: idx, start: start, end: end})
}

// cutAt is the number of the row's sentences that a boundary leaves in
// the left cell; a boundary inside a sentence gives that sentence to the
// cell that holds most of it.
func (r *Reader) cutAt(row int, b boundary) int {
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
func (r *Reader) link() {
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
func (r *Reader) keepStrongest(cands []candidate) {
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
