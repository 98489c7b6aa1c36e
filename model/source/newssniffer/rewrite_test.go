package newssniffer_test

import (
	"math/rand/v2"
	"testing"

	"redline/model/internal/dumpgen"
	"redline/model/source/newssniffer"
)

// Kind 4 of issue 16: on a near-total rewrite the search must not settle
// on a reading that its own score rates below the truth. Each update
// below touches every paragraph of 110 — edits, moves, splits, merges —
// leaving runs of up to 30 rows linked to one another by moved
// sentences, which coordinate ascent cannot follow one run at a time:
// before the exact choice of small runs' shapes and the second start,
// the reader read two of these 3 and 193 nats below the truth.
func TestNearTotalRewriteReachesTheTruthsScore(t *testing.T) {
	for _, tc := range []struct {
		seed uint64
		mix  dumpgen.EditMix
	}{
		{2, dumpgen.EditMix{Words: 2, Move: 1, Split: 1, Merge: 1}},
		{5, dumpgen.EditMix{Sentences: 1, Move: 2}},
		{10, dumpgen.EditMix{Sentences: 1, Move: 2}},
	} {
		rng := rand.New(rand.NewPCG(tc.seed, 7))
		a, b := dumpgen.Pair(rng, dumpgen.PairOptions{Paragraphs: 110, ChangeRate: 1, KeepHeadline: true, Mix: tc.mix})
		text := dumpgen.Render(a, b, dumpgen.RenderOptions{Source: "test", JoinRow: dumpgen.JoinRandom(rng)})
		read, truth, ok := newssniffer.ScoresOfTruth("rewrite.txt", []byte(text), a.Paragraphs, b.Paragraphs)
		if !ok {
			t.Fatalf("seed %d: no reading gives the truth", tc.seed)
		}
		if read < truth-1e-6 {
			t.Errorf("seed %d: read at %.1f nats, the truth scores %.1f", tc.seed, read, truth)
		}
	}
}
