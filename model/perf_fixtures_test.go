package model_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"redline/model"
	"redline/model/internal/dumpgen"
)

// TestWritePerfFixtures writes the inputs of testdata/perf/run.sh into the
// folder named by REDLINE_PERF_DIR; without it, it does nothing. The
// inputs are generated from fixed seeds, so every run measures the same.
func TestWritePerfFixtures(t *testing.T) {
	dir := os.Getenv("REDLINE_PERF_DIR")
	if dir == "" {
		t.Skip("set REDLINE_PERF_DIR to write the performance fixtures")
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, v model.Version) {
		must(os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(v.Paragraphs, "\n\n")+"\n"), 0o644))
	}
	// A long history: 2,000 versions of a 255-paragraph document, a few
	// paragraphs changing per version.
	rng := rand.New(rand.NewPCG(2000, 255))
	start := time.Now()
	history := dumpgen.Chain(rng, 2000, dumpgen.PairOptions{Paragraphs: 255, ChangeRate: 0.012, KeepHeadline: true})
	t.Logf("generated 2,000 versions in %v", time.Since(start))
	must(os.MkdirAll(filepath.Join(dir, "history"), 0o755))
	for i, v := range history {
		write(filepath.Join("history", fmt.Sprintf("v%04d.txt", i+1)), v)
	}
	// The same history as a git repository's commits, as a fast-import
	// stream: one file, 2,000 commits.
	var fi strings.Builder
	for i, v := range history {
		text := strings.Join(v.Paragraphs, "\n\n") + "\n"
		fmt.Fprintf(&fi, "commit refs/heads/main\nmark :%d\ncommitter Reporter <r@example.com> %d +0000\ndata <<EOM\nversion %d\nEOM\n",
			i+1, 1578470400+i*600, i+1)
		if i > 0 {
			fmt.Fprintf(&fi, "from :%d\n", i)
		}
		fmt.Fprintf(&fi, "M 644 inline article.txt\ndata %d\n%s\n", len(text), text)
	}
	must(os.WriteFile(filepath.Join(dir, "history.fast-import"), []byte(fi.String()), 0o644))
	// Two ~3 MB versions: 6,000 paragraphs, a few hundred edited.
	rng = rand.New(rand.NewPCG(3, 6000))
	a, b := dumpgen.Pair(rng, dumpgen.PairOptions{Paragraphs: 6000, ChangeRate: 0.05, KeepHeadline: true})
	write("big-a.txt", a)
	write("big-b.txt", b)
}
