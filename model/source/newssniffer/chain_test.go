package newssniffer_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"redline/model"
	"redline/model/internal/dumpgen"
	"redline/model/source"
	"redline/model/source/newssniffer"
)

// renderChain renders n generated versions as n-1 dumps, 1/2, 2/3, ….
func renderChain(seed uint64, n int, opts dumpgen.PairOptions) ([]model.Version, []source.Input) {
	rng := rand.New(rand.NewPCG(seed, 0xc4a1))
	vs := dumpgen.Chain(rng, n, opts)
	var inputs []source.Input
	for i := 0; i+1 < n; i++ {
		text := dumpgen.Render(vs[i], vs[i+1], dumpgen.RenderOptions{Source: "test", URL: "https://example.com/story",
			Changes: n - 1, Elapsed: vs[i+1].Elapsed, JoinRow: dumpgen.JoinRandom(rng)})
		inputs = append(inputs, source.Input{Name: fmt.Sprintf("dump-%d-%d.txt", i+1, i+2), Data: []byte(text)})
	}
	return vs, inputs
}

// TestChainReadsBackEveryVersion reads chains of 4 versions given as 3
// dumps (in shuffled order) and compares with reading each dump alone.
func TestChainReadsBackEveryVersion(t *testing.T) {
	chained, alone := recovery{guessedOpen: -1}, recovery{guessedOpen: -1}
	exactChains := 0
	endMissed := 0 // paragraphs missed in the first and last versions, each shown by one dump only
	n := *propertyPairs / 4
	opts := mixOptions(t)
	for seed := uint64(1); seed <= uint64(n); seed++ {
		want, inputs := renderChain(seed, 4, opts)
		shuffled := append([]source.Input(nil), inputs...)
		rand.New(rand.NewPCG(seed, 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		art, err := source.Read(shuffled)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		if len(art.Versions) != 4 {
			t.Fatalf("seed %d: %d versions, want 4", seed, len(art.Versions))
		}
		exact := true
		for i, v := range art.Versions {
			if v.Number != i+1 {
				t.Fatalf("seed %d: version %d numbered %d", seed, i, v.Number)
			}
			short := chained.paragraphs - chained.exactParas
			if !chained.add(v, want[i]) {
				exact = false
			}
			if i == 0 || i == len(art.Versions)-1 {
				endMissed += chained.paragraphs - chained.exactParas - short
			}
		}
		if exact {
			exactChains++
		}
		chained.dumps++
		alone.dumps += len(inputs)
		// Each dump alone, for comparison: versions 2 and 3 read twice.
		for i, in := range inputs {
			a, err := newssniffer.ReadDump(in.Name, in.Data)
			if err != nil {
				t.Fatal(err)
			}
			okA := alone.add(a.Versions[0], want[i])
			if okB := alone.add(a.Versions[1], want[i+1]); okA && okB {
				alone.exactDumps++
			}
		}
		if !exact && *propertyShow > 0 {
			t.Logf("seed %d:\n%s", seed, diffReport(art.Versions, want))
		}
	}
	chained.exactDumps = exactChains
	t.Logf("chains: %d/%d read back exactly; %s", exactChains, n, chained)
	t.Logf("of the paragraphs missed, %d are in the first or last version, which one dump alone shows", endMissed)
	t.Logf("the same dumps read alone: %s", alone)
	if float64(chained.exactParas)/float64(chained.paragraphs) < float64(alone.exactParas)/float64(alone.paragraphs) {
		t.Errorf("reading the chain recovers less than reading each dump alone")
	}
}

func TestChainOfTheFourVersionSample(t *testing.T) {
	want := readSample(t)
	var inputs []source.Input
	for i := 0; i+1 < len(want.Versions); i++ {
		text := dumpgen.Render(want.Versions[i], want.Versions[i+1], dumpgen.RenderOptions{Source: "nytimes",
			URL: want.URL, Changes: 7, Elapsed: want.Versions[i+1].Elapsed, JoinRow: dumpgen.SeedJoinPolicy.Func(rand.New(rand.NewPCG(1, 2)))})
		inputs = append(inputs, source.Input{Name: fmt.Sprintf("libya-%d-%d.txt", i+1, i+2), Data: []byte(text)})
	}
	art, err := source.Read(inputs)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range want.Versions {
		got := art.Versions[i]
		if strings.Join(got.Paragraphs, "\n") != strings.Join(v.Paragraphs, "\n") || got.Headline != v.Headline {
			t.Errorf("version %d reads differently:\n%s", v.Number, diffReport([]model.Version{got}, []model.Version{v}))
		}
	}
}

func TestChainWithAMissingLinkHasNoGap(t *testing.T) {
	_, inputs := renderChain(3, 5, dumpgen.PairOptions{}) // 1/2 2/3 3/4 4/5
	art, err := source.Read([]source.Input{inputs[0], inputs[1], inputs[3]})
	if err != nil {
		t.Fatal(err)
	}
	var numbers []int
	for _, v := range art.Versions {
		numbers = append(numbers, v.Number)
	}
	// No dump links versions 3 and 4, but no version is missing between
	// them: no gap ("versions missing before this one" was untrue).
	if fmt.Sprint(numbers) != "[1 2 3 4 5]" || len(art.Gaps) != 0 {
		t.Errorf("versions %v gaps %v, want [1 2 3 4 5] and no gap", numbers, art.Gaps)
	}
}

// renderPairs renders dumps of the given pairs of n generated versions
// (1-based numbers), each named dA-B.txt.
func renderPairs(seed uint64, n int, pairs [][2]int) ([]model.Version, []source.Input) {
	rng := rand.New(rand.NewPCG(seed, 0xc4a1))
	vs := dumpgen.Chain(rng, n, dumpgen.PairOptions{})
	var inputs []source.Input
	for _, p := range pairs {
		a, b := vs[p[0]-1], vs[p[1]-1]
		text := dumpgen.Render(a, b, dumpgen.RenderOptions{Source: "test", URL: "https://example.com/story",
			Changes: n - 1, Elapsed: b.Elapsed, JoinRow: dumpgen.JoinRandom(rng)})
		inputs = append(inputs, source.Input{Name: fmt.Sprintf("d%d-%d.txt", p[0], p[1]), Data: []byte(text)})
	}
	return vs, inputs
}

// Dumps that overlap (1/2, 2/3 and 1/3; 1/2 and 1/4) make one timeline,
// each version once, in the order of its number, a gap only where
// numbers are missing: they had been laid side by side, versions 1, 2,
// 1, 3, 2, 3, with steps that undid what never happened.
func TestOverlappingDumpsMakeOneTimeline(t *testing.T) {
	for _, c := range []struct {
		pairs   [][2]int
		numbers string
		gaps    string
		note    string
	}{
		{[][2]int{{1, 2}, {2, 3}, {1, 3}}, "[1 2 3]", "[]", "d1-3.txt compares versions 1 and 3, which the other dumps read: left out"},
		{[][2]int{{1, 2}, {1, 4}}, "[1 2 4]", "[1]", ""},
		{[][2]int{{1, 3}, {3, 4}}, "[1 3 4]", "[0]", ""},
		{[][2]int{{1, 2}, {2, 3}, {3, 4}, {2, 4}}, "[1 2 3 4]", "[]", "d2-4.txt compares versions 2 and 4, which the other dumps read: left out"},
		// The dump of the step itself wins over one that spans it.
		{[][2]int{{1, 3}, {2, 3}}, "[1 2 3]", "[]", ""},
		{[][2]int{{1, 4}, {2, 3}}, "[1 2 3 4]", "[]", ""},
	} {
		want, inputs := renderPairs(7, 4, c.pairs)
		art, err := source.Read(inputs)
		if err != nil {
			t.Fatalf("%v: %v", c.pairs, err)
		}
		var numbers []int
		for _, v := range art.Versions {
			numbers = append(numbers, v.Number)
			if w := want[v.Number-1]; strings.Join(v.Paragraphs, "\n") != strings.Join(w.Paragraphs, "\n") && len(v.Guessed) == 0 {
				t.Errorf("%v: version %d reads otherwise, with nothing guessed", c.pairs, v.Number)
			}
		}
		gaps := fmt.Sprint(art.Gaps)
		if art.Gaps == nil {
			gaps = "[]"
		}
		if fmt.Sprint(numbers) != c.numbers || gaps != c.gaps {
			t.Errorf("%v: versions %v gaps %s, want %s and %s", c.pairs, numbers, gaps, c.numbers, c.gaps)
		}
		if c.note != "" && !strings.Contains(strings.Join(art.Notes, "\n"), c.note) {
			t.Errorf("%v: notes %q lack %q", c.pairs, art.Notes, c.note)
		}
		if c.note == "" && strings.Contains(strings.Join(art.Notes, "\n"), "left out") {
			t.Errorf("%v: notes %q leave a dump out", c.pairs, art.Notes)
		}
		// "About 2 hours later" is said of a version only after the one
		// its dump compared it with.
		for i, v := range art.Versions {
			if v.Elapsed == "" {
				continue
			}
			if i == 0 || !slices.Contains(c.pairs, [2]int{art.Versions[i-1].Number, v.Number}) {
				t.Errorf("%v: version %d says %q after version %v", c.pairs, v.Number, v.Elapsed, numbers[max(i-1, 0)])
			}
		}
	}
}

// A dump that compares a version with an older one, or with itself, is
// refused: a timeline cannot hold it (its versions came out twice).
func TestBackwardDumpsAreRefused(t *testing.T) {
	_, inputs := renderPairs(3, 3, [][2]int{{1, 2}})
	for _, swap := range []string{"Version 2 Version 1", "Version 1 Version 1"} {
		data := strings.Replace(string(inputs[0].Data), "Version 1 Version 2", swap, 1)
		if data == string(inputs[0].Data) {
			t.Fatal("the dump has no version line to swap")
		}
		_, err := newssniffer.ReadDump("d.txt", []byte(data))
		if err == nil || !strings.Contains(err.Error(), "a comparison goes from an older version to a newer one") {
			t.Errorf("%s: %v", swap, err)
		}
	}
}

func TestDumpsOfDifferentArticlesAreAnError(t *testing.T) {
	_, a := renderChain(5, 2, dumpgen.PairOptions{})
	_, b := renderChain(6, 2, dumpgen.PairOptions{})
	other := strings.Replace(string(b[0].Data), "https://example.com/story", "https://example.com/another", 1)
	_, err := source.Read([]source.Input{a[0], {Name: "other.txt", Data: []byte(other)}})
	if err == nil || !strings.Contains(err.Error(), "other.txt") || !strings.Contains(err.Error(), a[0].Name) {
		t.Errorf("error %v: want one naming both dumps", err)
	}
}

func TestFolderOfDumpsIsAChain(t *testing.T) {
	want, inputs := renderChain(11, 4, dumpgen.PairOptions{})
	dir := t.TempDir()
	for _, in := range inputs {
		if err := os.WriteFile(filepath.Join(dir, in.Name), in.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read, err := source.ReadInputs([]string{dir}, nil, source.SortName)
	if err != nil {
		t.Fatal(err)
	}
	art, err := source.Read(read)
	if err != nil {
		t.Fatal(err)
	}
	if len(art.Versions) != len(want) {
		t.Fatalf("%d versions, want %d", len(art.Versions), len(want))
	}
}

func TestFolderOfPlainVersionsInOrder(t *testing.T) {
	dir := t.TempDir()
	names := []string{"draft-10.txt", "draft-2.txt", "draft-1.txt"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, n := range names {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("Paragraph from "+n+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		// Modified in the order listed: draft-10 first.
		if err := os.Chtimes(p, base.Add(time.Duration(i)*time.Hour), base.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	for order, want := range map[source.SortOrder]string{
		source.SortName:  "draft-1.txt draft-2.txt draft-10.txt",
		source.SortMtime: "draft-10.txt draft-2.txt draft-1.txt",
	} {
		inputs, err := source.ReadInputs([]string{dir}, nil, order)
		if err != nil {
			t.Fatal(err)
		}
		art, err := source.Read(inputs)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range art.Versions {
			got = append(got, v.Label)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("order %d: %v, want %s", order, got, want)
		}
	}
}

// Two dumps that read their shared version irreconcilably: the article
// shows the reading the note says was kept.
func TestDisagreementKeepsTheReadingItNames(t *testing.T) {
	head := "This article is from the source 'test' and was first published or seen on . \n"
	p := head + "Version 1 Version 2\nH H\nThe first version said one thing.The first version said one thing."
	q := head + "Version 2 Version 3\nH H\nThe second dump says another.The second dump says another."
	art, err := newssniffer.ReadChain([]string{"p.txt", "q.txt"}, []string{p, q})
	if err != nil {
		t.Fatal(err)
	}
	if len(art.Notes) != 1 {
		t.Fatalf("notes %q, want one disagreement", art.Notes)
	}
	want := "The first version said one thing."
	if strings.HasSuffix(art.Notes[0], "kept q.txt's reading") {
		want = "The second dump says another."
	}
	if got := art.Versions[1].Paragraphs; len(got) != 1 || got[0] != want {
		t.Errorf("note %q, but version 2 reads %q", art.Notes[0], got)
	}
}

// Two dumps that each leave a different paragraph's side open, each
// settled only by the other: R was cut from version 1 (dump 2/3 never
// shows it, so it cannot be in version 2), K was cut from version 2 (dump
// 1/2 shows it unchanged, so it is in version 2). Alone, each dump reads
// its uncued row as added; read jointly, both come right.
func TestChainReadsTheSharedVersionJointly(t *testing.T) {
	const (
		a = "The storm reached the coast early on Monday, officials said."
		r = "Schools in the region will stay closed until further notice."
		b = "Thousands of people were moved to shelters inland overnight."
		k = "The national weather service warned of more rain by Thursday."
		c = "Power was restored to most homes by Tuesday evening."
	)
	head := "This article is from the source 'test' and was first published or seen on . \n"
	d12 := head + "Version 1 Version 2\nStorm Hits Coast Storm Hits Coast\n" + strings.Join([]string{a + " " + a, r, b + b, k + " " + k, c + " " + c}, "\n")
	d23 := head + "Version 2 Version 3\nStorm Hits Coast Storm Hits Coast\n" + strings.Join([]string{a + " " + a, b + " " + b, k, c + c}, "\n")
	for _, d := range []string{d12, d23} {
		alone, err := newssniffer.ReadDump("alone.txt", []byte(d))
		if err != nil {
			t.Fatal(err)
		}
		if len(alone.Versions[1].Paragraphs) < 4 {
			t.Fatalf("the test wants each dump alone to read its open row as added; read %q", alone.Versions[1].Paragraphs)
		}
	}
	art, err := newssniffer.ReadChain([]string{"d23.txt", "d12.txt"}, []string{d23, d12})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{a, r, b, k, c}, {a, b, k, c}, {a, b, c}}
	for i, w := range want {
		if got := art.Versions[i].Paragraphs; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("version %d reads %q, want %q", i+1, got, w)
		}
		if len(art.Versions[i].Guessed) > 0 {
			t.Errorf("version %d guesses %v; the chain settles every row", i+1, art.Versions[i].Guessed)
		}
	}
	if len(art.Notes) > 0 {
		t.Errorf("notes %q, want none", art.Notes)
	}
}

// Any set of dumps of one article, overlapping or not, reads as one
// timeline: each version once, numbers rising, a gap exactly where
// numbers are missing, and the article written as JSON reads back.
func TestAnySetOfDumpsIsOneTimeline(t *testing.T) {
	var all [][2]int
	for a := 1; a <= 5; a++ {
		for b := a + 1; b <= 5; b++ {
			all = append(all, [2]int{a, b})
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for range 120 {
		var pairs [][2]int
		for _, p := range all {
			if rng.IntN(3) == 0 {
				pairs = append(pairs, p)
			}
		}
		if len(pairs) == 0 {
			continue
		}
		_, inputs := renderPairs(rng.Uint64(), 5, pairs)
		art, err := source.Read(inputs)
		if err != nil {
			t.Fatalf("%v: %v", pairs, err)
		}
		// Every version some dump shows, once, in order of number. (How
		// well each reads is TestChainReadsBackEveryVersion's: a dump
		// alone can leave a paragraph on the wrong side unmarked, as the
		// README's "How a dump is read" says.)
		shown := map[int]bool{}
		for _, p := range pairs {
			shown[p[0]], shown[p[1]] = true, true
		}
		var numbers, wantNumbers []int
		for n := 1; n <= 5; n++ {
			if shown[n] {
				wantNumbers = append(wantNumbers, n)
			}
		}
		for _, v := range art.Versions {
			numbers = append(numbers, v.Number)
		}
		if !slices.Equal(numbers, wantNumbers) {
			t.Fatalf("%v: versions %v, want %v", pairs, numbers, wantNumbers)
		}
		if got, want := fmt.Sprint(art.Gaps), fmt.Sprint(model.NumberGaps(art.Versions)); got != want {
			t.Errorf("%v: gaps %s, want %s", pairs, got, want)
		}
		var js strings.Builder
		if err := model.WriteJSON(&js, art); err != nil {
			t.Fatal(err)
		}
		if _, err := model.ReadJSON("a.json", []byte(js.String())); err != nil {
			t.Errorf("%v: the JSON does not read back: %v", pairs, err)
		}
	}
}
