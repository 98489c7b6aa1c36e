package diff

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"redline/model"
)

// The tests in this file hold the right answers of issue 15's
// pathological inputs at sizes a test can afford; their full-size
// versions are measured by testdata/perf/run.sh.

// TestShuffledParagraphsAreMovesNotEdits: the same distinct paragraphs
// in another order. Every paragraph keeps its exact text, so none may be
// shown as an edit of another one, however alike their words (these share
// a Zipf vocabulary, so random pairs score above the 0.2 pairing bar).
func TestShuffledParagraphsAreMovesNotEdits(t *testing.T) {
	v1, _ := largeVersions(1, 2000, 0)
	v2 := model.Version{Paragraphs: append([]string(nil), v1.Paragraphs...)}
	rnd := rand.New(rand.NewPCG(3, 3))
	rnd.Shuffle(len(v2.Paragraphs), func(i, j int) { v2.Paragraphs[i], v2.Paragraphs[j] = v2.Paragraphs[j], v2.Paragraphs[i] })
	c := Compare(v1, v2)
	checkComparison(t, v1, v2, c)
	s := c.Stats
	if s.Edited != 0 || s.Added != 0 || s.Removed != 0 || s.WordsAdded != 0 || s.WordsRemoved != 0 {
		t.Errorf("stats %+v: a shuffle has no edits", s)
	}
	same := 0
	for _, ch := range c.Changes {
		if ch.Kind == Same {
			same++
		}
		if (ch.Kind == Same || ch.Kind == Moved) && v1.Paragraphs[ch.Old] != v2.Paragraphs[ch.New] {
			t.Fatalf("old ¶%d paired with new ¶%d, another text", ch.Old, ch.New)
		}
	}
	if same+s.Moved != len(v1.Paragraphs) {
		t.Errorf("%d same + %d moved, want %d", same, s.Moved, len(v1.Paragraphs))
	}
	// What stays is one longest order-keeping chain: a random order of
	// 2,000 keeps about 2·√2000 ≈ 90 in place.
	if same > 200 {
		t.Errorf("%d paragraphs read as in place", same)
	}
}

// allocated is the number of bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestReversedParagraphMemoryIsLinear: one paragraph of 20,000 distinct
// words against the same words reversed. Scoring the pair bit-parallel
// would need a mask of 20,000/64 words for each of 20,000 distinct words
// (25 MB, and 100 times that at 100,000 words): the budget must be
// checked before the masks are built. Memory is bounded by counting
// bytes allocated, never by a clock.
func TestReversedParagraphMemoryIsLinear(t *testing.T) {
	words := make([]string, 20000)
	for k := range words {
		words[k] = fourLetters(k)
	}
	a := strings.Join(words, " ")
	for i, j := 0, len(words)-1; i < j; i, j = i+1, j-1 {
		words[i], words[j] = words[j], words[i]
	}
	b := strings.Join(words, " ")
	var c *Comparison
	n := allocated(func() {
		c = Compare(model.Version{Paragraphs: []string{a}}, model.Version{Paragraphs: []string{b}})
	})
	checkComparison(t, model.Version{Paragraphs: []string{a}}, model.Version{Paragraphs: []string{b}}, c)
	// About 103 bytes an input byte, the same from 10,000 to 80,000 words
	// (the edit kinds read the pair's tokens too); quadratic memory was
	// gigabytes here.
	if limit := uint64(150 * len(a)); n > limit {
		t.Errorf("allocated %d bytes for two %d-byte paragraphs, want at most %d", n, len(a), limit)
	}
}

// fourLetters is the k-th of the 456,976 four-letter lower-case words.
func fourLetters(k int) string {
	var b [4]byte
	for i := 3; i >= 0; i-- {
		b[i] = byte('a' + k%26)
		k /= 26
	}
	return string(b[:])
}

// TestWordDiffSharedEndsChangeNothing: cutting the shared start and end
// off before tokenizing gives the edits that diffing the whole texts
// gives, on texts that repeat their words (where a diff has choices to
// make) with spacing, punctuation and non-ASCII letters around the cuts.
func TestWordDiffSharedEndsChangeNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	vocab := []string{"the", "the", "cat", "sat", ",", ".", " ", "  ", "é", "e\u0301", "“", "Libya", "x"}
	text := func(n int) []string {
		w := make([]string, n)
		for k := range w {
			w[k] = vocab[rng.IntN(len(vocab))]
		}
		return w
	}
	for trial := 0; trial < 3000; trial++ {
		a := text(1 + rng.IntN(40))
		b := append([]string(nil), a...)
		for e := rng.IntN(3); e >= 0; e-- {
			k := rng.IntN(len(b) + 1)
			switch rng.IntN(3) {
			case 0:
				b = append(b[:k], append(text(1+rng.IntN(3)), b[k:]...)...)
			case 1:
				if k < len(b) {
					b = append(b[:k], b[k+1:]...)
				}
			default:
				if k < len(b) {
					b[k] = vocab[rng.IntN(len(vocab))]
				}
			}
		}
		sa, sb := strings.Join(a, " "), strings.Join(b, " ")
		if sa == sb || sa == "" || sb == "" {
			continue
		}
		got, gotCounts := wordDiff(sa, sb)
		want, wantCounts := diffTokens(sa, sb)
		if gotCounts != wantCounts || !slices.Equal(got, want) {
			t.Fatalf("%q → %q:\n got %v %+v\nwant %v %+v", sa, sb, got, gotCounts, want, wantCounts)
		}
	}
}

// TestCountWordsIsTheTokenizers: the fast count agrees with counting the
// tokenizer's words, on text that mixes ASCII with accents, combining
// marks, CJK, emoji and prepended marks around spaces.
func TestCountWordsIsTheTokenizers(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	pieces := []string{"the", " ", "  ", "cat", ",", ".", "é", "e\u0301", "\u0301", "中文", "👩‍👩‍👧", "\u0600", "\r\n", "\t", "x1", "«", "\u00a0"}
	for trial := 0; trial < 20000; trial++ {
		var sb strings.Builder
		for k := rng.IntN(30); k > 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		want := 0
		scanTokens(s, func(_ string, class tokenClass) {
			if class == tokenWord {
				want++
			}
		})
		if got := countWords(s); got != want {
			t.Fatalf("countWords(%q) = %d, the tokenizer counts %d", s, got, want)
		}
	}
}

// TestScoreByEndsIsTheWholeScore: two big paragraphs that share their
// ends score the same whether their ends are counted (scoreByEnds) or
// every word is tokenized and compared.
func TestScoreByEndsIsTheWholeScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 6))
	vocab := []string{"the", "cat", "sat", "on", "a", "mat", "é", "Libya", "said", "talks"}
	for trial := 0; trial < 20; trial++ {
		w := make([]string, 20000+rng.IntN(5000))
		for k := range w {
			w[k] = vocab[rng.IntN(len(vocab))]
		}
		a := strings.Join(w, " ")
		for e := 1 + rng.IntN(20); e > 0; e-- {
			k := len(w)/3 + rng.IntN(len(w)/3)
			w[k] = vocab[rng.IntN(len(vocab))] + " " + vocab[rng.IntN(len(vocab))]
		}
		b := strings.Join(w, " ")
		al := &alignment{old: []string{a}, new: []string{b}, oldTo: []int{-1}, newTo: []int{-1}, oldKey: []int32{0}, newKey: []int32{1}}
		byEnds, ok := newPairScorer(al).scoreByEnds(0, 0)
		if !ok {
			t.Fatalf("trial %d: not scored by its ends", trial)
		}
		whole := newPairScorer(al)
		whole.oldIDs(0)
		whole.newIDs(0)
		if want := whole.score(0, 0); byEnds != want {
			t.Fatalf("trial %d: by ends %v, whole %v", trial, byEnds, want)
		}
	}
}

// TestMovePartnersMissNoMove: the prefix filter of move detection lets
// through every pair that scores above the move threshold. The new
// paragraphs are old ones in another order with a share of their words
// (0 to 80%) replaced, so scores spread on both sides of the threshold;
// words mix a few common ones with a large vocabulary, as prose does, so
// the filter is selective (it is checked to be in use).
func TestMovePartnersMissNoMove(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	common := strings.Fields("the a of and to in is it that on")
	word := func() string {
		if rng.IntN(3) == 0 {
			return common[rng.IntN(len(common))]
		}
		return fourLetters(rng.IntN(5000))
	}
	for trial := 0; trial < 5; trial++ {
		al := &alignment{}
		n := 150
		for k := 0; k < n; k++ {
			w := make([]string, 3+rng.IntN(40))
			for i := range w {
				w[i] = word()
			}
			al.old = append(al.old, strings.Join(w, " "))
		}
		for _, k := range rng.Perm(n) {
			w := strings.Fields(al.old[k])
			rate := rng.Float64() * 0.8
			for i := range w {
				if rng.Float64() < rate {
					w[i] = word()
				}
			}
			al.new = append(al.new, strings.Join(w, " "))
		}
		for k := 0; k < n; k++ {
			al.oldTo, al.newTo = append(al.oldTo, -1), append(al.newTo, -1)
			al.oldKey, al.newKey = append(al.oldKey, int32(2*k)), append(al.newKey, int32(2*k+1))
		}
		s := newPairScorer(al)
		idx := make([]int, n)
		for k := range idx {
			idx[k] = k
		}
		partners := s.movePartners(idx, idx)
		tried, above := 0, 0
		for i := range idx {
			tried += len(partners[i])
			for j := range idx {
				if s.mayExceed(i, j, moveThreshold) && s.score(i, j) > moveThreshold {
					above++
					if !slices.Contains(partners[i], j) {
						t.Fatalf("trial %d: old %d and new %d score %v but are no partners", trial, i, j, s.score(i, j))
					}
				}
			}
		}
		if tried >= n*n/2 || above < n/4 {
			t.Fatalf("trial %d: %d of %d pairs tried, %d above the threshold: not a test of the filter", trial, tried, n*n, above)
		}
	}
}

// TestPlainASCII checks the eight-bytes-at-a-time test against a plain
// loop, on strings of every length with spaces, controls and non-ASCII
// bytes at every place, across the eight-byte boundaries.
func TestPlainASCII(t *testing.T) {
	slow := func(s string) bool {
		if s == "" {
			return true
		}
		if s[0] == ' ' || s[len(s)-1] == ' ' {
			return false
		}
		for k := 0; k < len(s); k++ {
			if s[k] < ' ' || s[k] > '~' || (k > 0 && s[k] == ' ' && s[k-1] == ' ') {
				return false
			}
		}
		return true
	}
	rng := rand.New(rand.NewPCG(9, 9))
	alphabet := []byte("ab  ~\x1f\x7f\x80\xff\t!")
	for trial := 0; trial < 200000; trial++ {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			b[k] = 'x'
			if rng.IntN(4) == 0 {
				b[k] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		if got, want := plainASCII(string(b)), slow(string(b)); got != want {
			t.Fatalf("plainASCII(%q) = %v, want %v", b, got, want)
		}
	}
}

// TestMovePartnersKeepToTheBudget: where the filter would let through
// more pairs than movePairBudget (every paragraph written in the same
// few words), each old paragraph takes an equal share of partners, those
// sharing its rarest words first: a paragraph moved with a word of its
// own is still found, and the work stays within the budget.
func TestMovePartnersKeepToTheBudget(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	small := strings.Fields("the a of and to in is it that on was for with as by")
	al := &alignment{}
	n := 600
	for k := 0; k < n; k++ {
		w := make([]string, 30)
		for i := range w {
			w[i] = small[rng.IntN(len(small))]
		}
		w[rng.IntN(len(w))] = fourLetters(k) // its own word
		al.old = append(al.old, strings.Join(w, " "))
	}
	perm := rng.Perm(n)
	for _, k := range perm {
		al.new = append(al.new, al.old[k]+" and so")
	}
	for k := 0; k < n; k++ {
		al.oldTo, al.newTo = append(al.oldTo, -1), append(al.newTo, -1)
		al.oldKey, al.newKey = append(al.oldKey, int32(2*k)), append(al.newKey, int32(2*k+1))
	}
	defer func(b func(int, int) int) { movePairBudget = b }(movePairBudget)
	movePairBudget = func(olds, news int) int { return 20 * (olds + news) }
	s := newPairScorer(al)
	idx := make([]int, n)
	for k := range idx {
		idx[k] = k
	}
	partners := s.movePartners(idx, idx)
	quota := max(movePairBudget(n, n)/n, minMovePartners)
	tried := 0
	for i, ps := range partners {
		tried += len(ps)
		if len(ps) > quota {
			t.Fatalf("old %d takes %d partners, over its share of %d", i, len(ps), quota)
		}
		if j := slices.Index(perm, i); !slices.Contains(ps, j) {
			t.Errorf("old %d: its new place %d is no partner", i, j)
		}
	}
	if tried > movePairBudget(n, n) {
		t.Errorf("%d pairs tried, over the budget of %d", tried, movePairBudget(n, n))
	}
}

// BenchmarkWordDiffRepeatedWordAdded diffs 2 MB of one word repeated
// against the same with a word added at the end: the shared start is cut
// off before any token is made (it had been tokenized whole, both sides,
// as the start and end cuts could not both be taken).
func BenchmarkWordDiffRepeatedWordAdded(b *testing.B) {
	a := strings.TrimSpace(strings.Repeat("a ", 1<<20))
	c := a + " b"
	b.SetBytes(int64(len(a) + len(c)))
	b.ReportAllocs()
	for b.Loop() {
		if edits, _ := wordDiff(a, c); len(edits) != 2 || edits[1].Text != " b" {
			b.Fatalf("edits %d, last %q", len(edits), edits[len(edits)-1].Text)
		}
	}
}
