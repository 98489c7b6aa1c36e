package newssniffer_test

import (
	"math/rand/v2"
	"os"
	"testing"

	"redline/model/internal/dumpgen"
	"redline/model/internal/modeltest"
	"redline/model/source/newssniffer"
)

func BenchmarkReadDumpSeed(b *testing.B) {
	data, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := newssniffer.ReadDump("seed", data); err != nil {
			b.Fatal(err)
		}
	}
}

// generatedDump renders a pair of generated versions of about n
// paragraphs each.
func generatedDump(n int, rate float64, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 7))
	a, b := dumpgen.Pair(rng, dumpgen.PairOptions{Paragraphs: n, ChangeRate: rate})
	return []byte(dumpgen.Render(a, b, dumpgen.RenderOptions{Source: "bench", URL: "https://example.com/a", Changes: 2,
		Elapsed: b.Elapsed, JoinRow: dumpgen.JoinRandom(rng)}))
}

func BenchmarkReadDump250Paragraphs(b *testing.B) {
	data := generatedDump(250, 0.3, 1)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := newssniffer.ReadDump("250", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadDump1MB reads a dump of about 1 MB: a generated article of
// 2,400 paragraphs, a third of them changed. Its template prose repeats
// itself far more than a real article, which makes it a hard case.
func BenchmarkReadDump1MB(b *testing.B) {
	data := generatedDump(2400, 0.3, 2)
	b.SetBytes(int64(len(data)))
	b.ReportMetric(float64(len(data))/(1<<20), "MB")
	for b.Loop() {
		if _, err := newssniffer.ReadDump("1mb", data); err != nil {
			b.Fatal(err)
		}
	}
}
