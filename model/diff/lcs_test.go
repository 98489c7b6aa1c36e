package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// plainLCS is the textbook dynamic programme over word lists, the
// reference the bit-parallel kernels are held to.
func plainLCS(a, b []int32) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestBitParallelLCSIsThePlainOne scores random paragraphs of every mask
// width (one, two and more 64-bit words) both ways.
func TestBitParallelLCSIsThePlainOne(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	vocab := []string{"the", "a", "cease-fire", "Libya", "Russia", "Turkey", "said", "on", "Wednesday", "in", "of", "talks"}
	para := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	for trial := 0; trial < 300; trial++ {
		lengths := []int{1 + rng.IntN(64), 65 + rng.IntN(64), 129 + rng.IntN(300)}
		old := para(lengths[trial%3])
		new := para(1 + rng.IntN(200))
		al := &alignment{old: []string{old}, new: []string{new}, oldTo: []int{-1}, newTo: []int{-1}, oldKey: []int32{0}, newKey: []int32{1}}
		s := newPairScorer(al)
		a, b := s.oldWords[0], s.newWords[0]
		want := 2 * float64(plainLCS(a, b)) / float64(len(a)+len(b))
		if got := s.score(0, 0); fmt.Sprintf("%.9f", got) != fmt.Sprintf("%.9f", want) {
			t.Fatalf("trial %d (%d and %d words): score %v, the plain LCS gives %v", trial, len(a), len(b), got, want)
		}
	}
}
