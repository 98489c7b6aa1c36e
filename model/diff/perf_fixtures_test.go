package diff_test

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
	history := longHistory(rng, 2000, 255)
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
	// Two ~3 MB versions: 15,000 paragraphs, a few hundred edited, some
	// rewritten, a few added and cut.
	rng = rand.New(rand.NewPCG(3, 6000))
	pool := history[len(history)-1].Paragraphs
	a, b := bigPair(rng, pool, 15000)
	write("big-a.txt", a)
	write("big-b.txt", b)
	a3 := a
	// The same at ten times the size: 150,000 paragraphs, about 30 MB.
	rng = rand.New(rand.NewPCG(30, 6000))
	a, b = bigPair(rng, pool, 150000)
	write("big30-a.txt", a)
	write("big30-b.txt", b)
	// The 3 MB version with every paragraph edited: each lower-case "a"
	// made a 4 and "the" misspelt "teh", as a careless global replace
	// would.
	rewritten := model.Version{Paragraphs: make([]string, len(a3.Paragraphs))}
	for k, p := range a3.Paragraphs {
		p = strings.ReplaceAll(p, "a", "4")
		rewritten.Paragraphs[k] = strings.Join(replaceWord(strings.Split(p, " "), "the", "teh"), " ")
	}
	write("rewritten-a.txt", a3)
	write("rewritten-b.txt", rewritten)
	writePathological(t, dir, pool)
}

// replaceWord is words with each one equal to from made to.
func replaceWord(words []string, from, to string) []string {
	for k, w := range words {
		if w == from {
			words[k] = to
		}
	}
	return words
}

// writePathological writes issue 15's pathological pairs, each
// NAME-a.txt and NAME-b.txt:
//   - huge: one 5 MB paragraph (a phrase repeated) and the same with
//     "sit amet" inserted in the middle;
//   - repeat: 200,000 times "the", the 100,000th replaced by "cat";
//   - reversed: one paragraph of 100,000 distinct words, then the same
//     words in reverse order;
//   - shuffled: 50,000 distinct one-line paragraphs, then the same in a
//     random order.
func writePathological(t *testing.T, dir string, pool []string) {
	write := func(name string, a, b string) {
		for side, text := range map[string]string{"a": a, "b": b} {
			if err := os.WriteFile(filepath.Join(dir, name+"-"+side+".txt"), []byte(text+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	phrase := "lorem ipsum dolor "
	half := strings.Repeat(phrase, (5<<20)/len(phrase)/2)
	write("huge", strings.TrimSpace(half+half), strings.TrimSpace(half+"sit amet "+half))

	the := make([]string, 200000)
	for k := range the {
		the[k] = "the"
	}
	a := strings.Join(the, " ")
	the[100000] = "cat"
	write("repeat", a, strings.Join(the, " "))

	rng := rand.New(rand.NewPCG(100, 1))
	words := make([]string, 100000)
	for k, n := range rng.Perm(26 * 26 * 26 * 26)[:len(words)] {
		w := []byte("aaaa")
		for i := 3; i >= 0; i-- {
			w[i] = byte('a' + n%26)
			n /= 26
		}
		words[k] = string(w)
	}
	a = strings.Join(words, " ")
	for i, j := 0, len(words)-1; i < j; i, j = i+1, j-1 {
		words[i], words[j] = words[j], words[i]
	}
	write("reversed", a, strings.Join(words, " "))

	lines := make([]string, 50000)
	for k := range lines {
		// One sentence of a pool paragraph, numbered so none repeats.
		s, _, _ := strings.Cut(pool[k%len(pool)], ". ")
		if len(s) > 100 {
			s = s[:100]
		}
		lines[k] = fmt.Sprintf("%s (%d)", s, k)
	}
	a = strings.Join(lines, "\n\n")
	rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	write("shuffled", a, strings.Join(lines, "\n\n"))
}

// longHistory makes n versions of a generated article of paras
// paragraphs, each from the one before by a few cheap edits: words
// swapped in one to three paragraphs, now and then a paragraph added or
// cut. (The realistic generator is too slow for thousands of versions.)
func longHistory(rng *rand.Rand, n, paras int) []model.Version {
	first, second := dumpgen.Pair(rng, dumpgen.PairOptions{Paragraphs: paras, KeepHeadline: true})
	pool := append(append([]string(nil), first.Paragraphs...), second.Paragraphs...)
	words := strings.Fields(strings.Join(pool, " "))
	out := []model.Version{first}
	for i := 1; i < n; i++ {
		ps := append([]string(nil), out[i-1].Paragraphs...)
		for k := 0; k < 1+rng.IntN(3); k++ {
			j := rng.IntN(len(ps))
			f := strings.Fields(ps[j])
			f[rng.IntN(len(f))] = words[rng.IntN(len(words))]
			ps[j] = strings.Join(f, " ")
		}
		switch rng.IntN(10) {
		case 0:
			j := rng.IntN(len(ps) + 1)
			ps = append(ps[:j], append([]string{pool[rng.IntN(len(pool))] + " (update)"}, ps[j:]...)...)
		case 1:
			if len(ps) > paras/2 {
				j := rng.IntN(len(ps))
				ps = append(ps[:j], ps[j+1:]...)
			}
		}
		out = append(out, model.Version{Number: i + 1, Headline: first.Headline, Paragraphs: ps})
	}
	return out
}

// bigPair makes two long versions from a pool of paragraphs: each
// paragraph numbered so none repeats, then a few hundred edited.
func bigPair(rng *rand.Rand, pool []string, n int) (a, b model.Version) {
	words := strings.Fields(strings.Join(pool, " "))
	for i := 0; i < n; i++ {
		a.Paragraphs = append(a.Paragraphs, fmt.Sprintf("%s (%d)", pool[i%len(pool)], i))
	}
	b.Paragraphs = append([]string(nil), a.Paragraphs...)
	for k := 0; k < 400; k++ {
		j := rng.IntN(len(b.Paragraphs))
		f := strings.Fields(b.Paragraphs[j])
		for e := 0; e < 1+rng.IntN(3); e++ {
			f[rng.IntN(len(f))] = words[rng.IntN(len(words))]
		}
		b.Paragraphs[j] = strings.Join(f, " ")
	}
	for k := 0; k < 40; k++ { // rewritten
		j := rng.IntN(len(b.Paragraphs))
		b.Paragraphs[j] = pool[rng.IntN(len(pool))] + " (rewritten)"
	}
	for k := 0; k < 20; k++ { // added and cut
		j := rng.IntN(len(b.Paragraphs))
		b.Paragraphs = append(b.Paragraphs[:j], append([]string{"New: " + pool[rng.IntN(len(pool))]}, b.Paragraphs[j:]...)...)
		j = rng.IntN(len(b.Paragraphs))
		b.Paragraphs = append(b.Paragraphs[:j], b.Paragraphs[j+1:]...)
	}
	return a, b
}
