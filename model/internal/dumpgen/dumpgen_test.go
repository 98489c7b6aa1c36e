package dumpgen

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"redline/model"
)

// loadSeed reads the seed page and its exact reconstruction.
func loadSeed(t *testing.T) (string, model.Article) {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "testdata")
	text, err := os.ReadFile(filepath.Join(dir, "000_2309137f7230653b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "000_2309137f7230653b.truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var art model.Article
	if err := json.Unmarshal(raw, &art); err != nil {
		t.Fatal(err)
	}
	return string(text), art
}

func TestRenderReproducesSeed(t *testing.T) {
	want, art := loadSeed(t)
	a, b := art.Versions[0], art.Versions[1]
	base := RenderOptions{Source: art.Source, URL: art.URL, Changes: art.Changes, Elapsed: b.Elapsed}

	// The seed's rows 13 and 20 are its two matched paragraphs; they are
	// the only rows whose cells were joined without a space.
	byIndex := base
	byIndex.Join = func(row int) string {
		if row == 13 || row == 20 {
			return ""
		}
		return " "
	}
	if got := Render(a, b, byIndex); got != want {
		t.Errorf("Render with the seed's per-row joins differs from the seed:\n%s", firstDiff(got, want))
	}

	byKind := base
	byKind.JoinRow = SeedJoinPolicy.Func(rand.New(rand.NewPCG(1, 1)))
	if got := Render(a, b, byKind); got != want {
		t.Errorf("Render with SeedJoinPolicy differs from the seed:\n%s", firstDiff(got, want))
	}

	rows := Rows(a.Paragraphs, b.Paragraphs)
	var matched []int
	for i, r := range rows {
		if r.Matched() {
			matched = append(matched, i)
		}
	}
	if len(rows) != 21 || !reflect.DeepEqual(matched, []int{13, 20}) {
		t.Errorf("seed rows: %d rows, matched %v; want 21 rows, matched [13 20]", len(rows), matched)
	}
}

// firstDiff shows the first line where got and want part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return "(same lines; trailing bytes differ)"
}

func TestRowsHandMade(t *testing.T) {
	L := func(s string) Row { return Row{Left: s} }
	R := func(s string) Row { return Row{Right: s} }
	M := func(s string) Row { return Row{s, s} }
	C := func(l, r string) Row { return Row{l, r} }
	sp := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, " ")
	}
	tests := []struct {
		name     string
		old, new string
		want     []Row
	}{
		{"same", "A B C", "A B C", []Row{M("A"), M("B"), M("C")}},
		{"insert", "A C", "A B C", []Row{M("A"), R("B"), M("C")}},
		{"insert at top", "B C", "A B C", []Row{R("A"), M("B"), M("C")}},
		{"append", "A B", "A B C D", []Row{M("A"), M("B"), R("C"), R("D")}},
		{"delete", "A B C", "A C", []Row{M("A"), L("B"), M("C")}},
		{"delete last", "A B C", "A B", []Row{M("A"), M("B"), L("C")}},
		{"replace", "A B C", "A X C", []Row{M("A"), C("B", "X"), M("C")}},
		// Pairing is by position, not similarity: the leftovers follow.
		{"more removed than inserted", "A B C D E", "A X E", []Row{M("A"), C("B", "X"), L("C"), L("D"), M("E")}},
		{"more inserted than removed", "A B E", "A X Y Z E", []Row{M("A"), C("B", "X"), R("Y"), R("Z"), M("E")}},
		{"two gaps", "A B C D E", "X B Y Z E", []Row{C("A", "X"), M("B"), C("C", "Y"), C("D", "Z"), M("E")}},
		{"all new", "A B", "X Y Z", []Row{C("A", "X"), C("B", "Y"), R("Z")}},
		{"from nothing", "", "A B", []Row{R("A"), R("B")}},
		{"to nothing", "A B", "", []Row{L("A"), L("B")}},
		{"move down far", "A B C D", "B C D A", []Row{L("A"), M("B"), M("C"), M("D"), R("A")}},
		{"move up far", "A B C D", "D A B C", []Row{R("D"), M("A"), M("B"), M("C"), L("D")}},
		// A moved paragraph sits on the left a few rows above its new
		// place on the right, each paired with whatever shares its row.
		{"move with gap", "A B C D E", "A C X B E", []Row{M("A"), L("B"), M("C"), C("D", "X"), R("B"), M("E")}},
		// Ties among longest common subsequences, resolved as diff-lcs 1.5
		// resolves them (checked against Ruby's Diff::LCS.traverse_balanced).
		{"swap", "A B", "B A", []Row{L("A"), M("B"), R("A")}},
		{"rotate", "A B C", "C A B", []Row{R("C"), M("A"), M("B"), L("C")}},
		{"two swaps", "A B C D", "B A D C", []Row{L("A"), M("B"), C("C", "A"), M("D"), R("C")}},
		{"swap ends", "A B C D E", "E B C D A", []Row{C("A", "E"), M("B"), M("C"), M("D"), C("E", "A")}},
		{"duplicate dropped", "A B A", "A", []Row{M("A"), L("B"), L("A")}},
		{"duplicates added", "A", "B A B A", []Row{R("B"), R("A"), R("B"), M("A")}},
		{"stray dots", ". X .", ".", []Row{M("."), L("X"), L(".")}},
	}
	for _, tt := range tests {
		got := Rows(sp(tt.old), sp(tt.new))
		if len(got) == 0 && len(tt.want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Rows(%q, %q)\n got %q\nwant %q", tt.name, tt.old, tt.new, got, tt.want)
		}
	}
}

func TestRenderLayout(t *testing.T) {
	a := model.Version{Number: 3, Headline: "Old  Headline", Paragraphs: []string{"Same.", "Gone.", "Kept."}}
	b := model.Version{Number: 4, Headline: "New Headline", Paragraphs: []string{"Same.", "Kept.", "Added.", "More."}}
	got := Render(a, b, RenderOptions{Source: "bbc", URL: "http://x/y", FirstSeen: "January 8, 2020 16:04 (UTC)", Changes: 5})
	want := strings.Join([]string{
		"This article is from the source 'bbc' and was first published or seen on January 8, 2020 16:04 (UTC). It last changed over 40 days ago and won't be checked again for changes.",
		"",
		"You can find the current article at its original source at http://x/y",
		"",
		"The article has changed 5 times. There is an RSS feed of changes available.",
		"",
		"Version 3 Version 4",
		"Old Headline New Headline", // no elapsed row: Elapsed is ""
		"Same. Same.",               // nil Join → a space
		"Gone.",                     // empty cells vanish
		"Kept. Kept.",
		"Added.",
		"More.",
	}, "\n")
	if got != want {
		t.Errorf("Render:\n%s", firstDiff(got, want))
	}

	// JoinRow wins over Join, and neither is asked about one-sided rows.
	var asked []int
	o := RenderOptions{
		Elapsed: "about 1 hour later",
		Check:   "It will not be checked again for changes.",
		Join:    func(int) string { t.Error("Join called though JoinRow is set"); return " " },
		JoinRow: func(row int, r Row) string { asked = append(asked, row); return "" },
	}
	got = Render(a, b, o)
	if !strings.Contains(got, "\n(about 1 hour later)\nSame.Same.\nGone.\nKept.Kept.\n") ||
		!strings.Contains(got, "seen on . It will not be checked again for changes.") {
		t.Errorf("Render with JoinRow:\n%s", got)
	}
	if !reflect.DeepEqual(asked, []int{0, 2}) {
		t.Errorf("JoinRow asked about rows %v, want [0 2]", asked)
	}
	if strings.HasSuffix(got, "\n") {
		t.Error("Render ends in a newline; the seed does not")
	}
}

func TestJoinPolicies(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	j := JoinRandom(rng)
	none := 0
	for i := 0; i < 1000; i++ {
		if j(i, Row{"A", "A"}) == "" {
			none++
		}
		if s := j(i, Row{"A", "B"}); s != " " {
			t.Fatalf("JoinRandom joined a changed row with %q", s)
		}
	}
	if none < 400 || none > 600 {
		t.Errorf("JoinRandom joined %d of 1000 matched rows without a space, want about half", none)
	}
	all := JoinPolicy{Matched: 0, Changed: 1}.Func(rng)
	if all(0, Row{"A", "A"}) != " " || all(0, Row{"A", "B"}) != "" {
		t.Error("JoinPolicy{Matched: 0, Changed: 1} not followed")
	}
}

func TestPairIsDeterministic(t *testing.T) {
	for seed := uint64(0); seed < 20; seed++ {
		a1, b1 := Pair(rand.New(rand.NewPCG(seed, 9)), PairOptions{})
		a2, b2 := Pair(rand.New(rand.NewPCG(seed, 9)), PairOptions{})
		if !reflect.DeepEqual(a1, a2) || !reflect.DeepEqual(b1, b2) {
			t.Fatalf("seed %d: two runs differ", seed)
		}
		c1 := Chain(rand.New(rand.NewPCG(seed, 9)), 4, PairOptions{})
		c2 := Chain(rand.New(rand.NewPCG(seed, 9)), 4, PairOptions{})
		if !reflect.DeepEqual(c1, c2) {
			t.Fatalf("seed %d: two chains differ", seed)
		}
	}
	a1, _ := Pair(rand.New(rand.NewPCG(1, 9)), PairOptions{})
	a2, _ := Pair(rand.New(rand.NewPCG(2, 9)), PairOptions{})
	if reflect.DeepEqual(a1, a2) {
		t.Error("different seeds gave the same article")
	}
}

// checkVersion checks what the reader may assume of any version.
func checkVersion(t *testing.T, where string, v model.Version) {
	t.Helper()
	if v.Headline == "" || collapse(v.Headline) != v.Headline {
		t.Errorf("%s: headline %q empty or not whitespace-collapsed", where, v.Headline)
	}
	if len(v.Paragraphs) == 0 {
		t.Errorf("%s: no paragraphs", where)
	}
	seen := map[string]bool{}
	for i, p := range v.Paragraphs {
		if p == "" || collapse(p) != p || strings.ContainsAny(p, "\n\r\t") {
			t.Errorf("%s: paragraph %d %q empty, not collapsed, or has a line break", where, i, p)
		}
		if seen[p] {
			t.Errorf("%s: paragraph %d repeats an earlier one: %q", where, i, p)
		}
		seen[p] = true
	}
}

func TestPairShape(t *testing.T) {
	for seed := uint64(0); seed < 200; seed++ {
		a, b := Pair(rand.New(rand.NewPCG(seed, 1)), PairOptions{})
		checkVersion(t, "a", a)
		checkVersion(t, "b", b)
		if n := len(a.Paragraphs); n < 10 || n > 40 {
			t.Errorf("seed %d: first version has %d paragraphs, want 10–40", seed, n)
		}
		if a.Number != 1 || b.Number != 2 || a.Elapsed != "" || !strings.HasSuffix(b.Elapsed, " later") {
			t.Errorf("seed %d: numbers %d, %d, elapsed %q, %q", seed, a.Number, b.Number, a.Elapsed, b.Elapsed)
		}
	}
	for seed := uint64(0); seed < 50; seed++ {
		a, _ := Pair(rand.New(rand.NewPCG(seed, 1)), PairOptions{Paragraphs: 17})
		if len(a.Paragraphs) != 17 {
			t.Errorf("Paragraphs: 17 gave %d", len(a.Paragraphs))
		}
	}
}

func TestSentencesAndParagraphs(t *testing.T) {
	var sents, outside int
	count := map[int]int{}
	for seed := uint64(0); seed < 100; seed++ {
		w := newWriter(rand.New(rand.NewPCG(seed, 2)))
		art := w.newArticle(0)
		for i, p := range art.paras {
			if p.kind != body {
				continue
			}
			if i > 0 {
				count[min(len(p.sents), 5)]++
			}
			for _, s := range p.sents {
				text := strings.TrimPrefix(s.text, art.dateline)
				sents++
				if n := words(text); n < 8 || n > 40 {
					outside++
				}
			}
		}
	}
	if outside*100 > sents {
		t.Errorf("%d of %d sentences outside 8–40 words", outside, sents)
	}
	if count[1] == 0 || count[2] == 0 || count[3] == 0 || count[4] == 0 {
		t.Errorf("sentences per paragraph %v: want 1 to 4 all present", count)
	}
	if count[1]+count[2] < count[3]+count[4]+count[5] {
		t.Errorf("sentences per paragraph %v: news paragraphs are mostly short", count)
	}
}

// sixWordRepeats counts the six-word phrases of v that occur in two of its
// paragraphs.
func sixWordRepeats(v model.Version) int {
	first := map[string]int{}
	n := 0
	for i, p := range v.Paragraphs {
		for _, ph := range phrases(p, 6) { // six words, whatever shortPhrase is
			if j, ok := first[ph]; ok && j != i {
				n++
			} else if !ok {
				first[ph] = i
			}
		}
	}
	return n
}

func TestArticlesRarelyRepeatThemselves(t *testing.T) {
	versions, withRepeat := 0, 0
	for seed := uint64(0); seed < 300; seed++ {
		for _, v := range Chain(rand.New(rand.NewPCG(seed, 3)), 3, PairOptions{}) {
			versions++
			if sixWordRepeats(v) > 0 {
				withRepeat++
			}
		}
	}
	if withRepeat*10 > versions {
		t.Errorf("%d of %d versions repeat a six-word phrase across paragraphs; want under 10%%", withRepeat, versions)
	}
	t.Logf("%d of %d versions repeat a six-word phrase", withRepeat, versions)
}

func TestChain(t *testing.T) {
	vs := Chain(rand.New(rand.NewPCG(5, 5)), 6, PairOptions{ChangeRate: 0.2})
	if len(vs) != 6 {
		t.Fatalf("Chain gave %d versions, want 6", len(vs))
	}
	for i, v := range vs {
		checkVersion(t, "chain", v)
		if v.Number != i+1 {
			t.Errorf("version %d numbered %d", i, v.Number)
		}
		if i == 0 {
			continue
		}
		kept := 0
		for _, r := range Rows(vs[i-1].Paragraphs, v.Paragraphs) {
			if r.Matched() {
				kept++
			}
		}
		if kept == 0 || kept == len(vs[i-1].Paragraphs) && reflect.DeepEqual(vs[i-1].Paragraphs, v.Paragraphs) {
			t.Errorf("version %d keeps %d of %d paragraphs of the one before", v.Number, kept, len(vs[i-1].Paragraphs))
		}
	}
	if Chain(rand.New(rand.NewPCG(1, 1)), 0, PairOptions{}) != nil {
		t.Error("Chain of 0 versions is not empty")
	}
}

// unmatched counts the rows a dump of a → b shows as changed.
func unmatched(a, b model.Version) int {
	n := 0
	for _, r := range Rows(a.Paragraphs, b.Paragraphs) {
		if !r.Matched() {
			n++
		}
	}
	return n
}

func TestChangeRateAndHeadline(t *testing.T) {
	for seed := uint64(0); seed < 30; seed++ {
		a, b := Pair(rand.New(rand.NewPCG(seed, 6)), PairOptions{ChangeRate: -1, KeepHeadline: true})
		if !reflect.DeepEqual(a.Paragraphs, b.Paragraphs) || a.Headline != b.Headline {
			t.Fatalf("seed %d: ChangeRate -1 with KeepHeadline changed the article", seed)
		}
	}
	vs := Chain(rand.New(rand.NewPCG(7, 7)), 30, PairOptions{KeepHeadline: true})
	for _, v := range vs {
		if v.Headline != vs[0].Headline {
			t.Fatalf("KeepHeadline: version %d headline %q, first %q", v.Number, v.Headline, vs[0].Headline)
		}
	}
	small, large := 0, 0
	for seed := uint64(0); seed < 40; seed++ {
		a, b := Pair(rand.New(rand.NewPCG(seed, 8)), PairOptions{ChangeRate: 0.05, Paragraphs: 30})
		small += unmatched(a, b)
		a, b = Pair(rand.New(rand.NewPCG(seed, 8)), PairOptions{ChangeRate: 0.5, Paragraphs: 30})
		large += unmatched(a, b)
	}
	if small*3 > large {
		t.Errorf("ChangeRate 0.05 gave %d changed rows, 0.5 gave %d; want far fewer", small, large)
	}

	// The default draws no body change sometimes, small and large updates,
	// and a headline change now and then.
	var none, big, headline int
	for seed := uint64(0); seed < 300; seed++ {
		a, b := Pair(rand.New(rand.NewPCG(seed, 9)), PairOptions{})
		switch u := unmatched(a, b); {
		case u == 0:
			none++
		case float64(u) > 0.4*float64(len(a.Paragraphs)):
			big++
		}
		if a.Headline != b.Headline {
			headline++
		}
	}
	if none < 6 || big < 6 || headline < 20 || headline > 120 {
		t.Errorf("of 300 default pairs: %d without body change, %d with over 40%% changed rows, %d new headlines", none, big, headline)
	}
}

// containsInOrder reports whether every paragraph of sub occurs in sup, in order.
func containsInOrder(sup, sub []string) bool {
	i := 0
	for _, p := range sup {
		if i < len(sub) && p == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

func withoutDots(ps []string) []string {
	var out []string
	for _, p := range ps {
		if p != "." {
			out = append(out, p)
		}
	}
	return out
}

func TestEditMixes(t *testing.T) {
	for seed := uint64(0); seed < 40; seed++ {
		rng := func() *rand.Rand { return rand.New(rand.NewPCG(seed, 10)) }
		a, b := Pair(rng(), PairOptions{ChangeRate: 0.3, Mix: EditMix{Insert: 1}})
		// A stray "." may come or go with any edit (see strayDot).
		if !containsInOrder(withoutDots(b.Paragraphs), withoutDots(a.Paragraphs)) || len(b.Paragraphs) <= len(a.Paragraphs) {
			t.Errorf("seed %d: Insert-only edit did not just add paragraphs", seed)
		}
		a, b = Pair(rng(), PairOptions{ChangeRate: 0.3, Mix: EditMix{Remove: 1}})
		if !containsInOrder(a.Paragraphs, withoutDots(b.Paragraphs)) || len(b.Paragraphs) >= len(a.Paragraphs) {
			t.Errorf("seed %d: Remove-only edit did not just cut paragraphs", seed)
		}
		a, b = Pair(rng(), PairOptions{ChangeRate: 0.3, Mix: EditMix{Merge: 1}})
		if strings.Join(withoutDots(a.Paragraphs), " ") != strings.Join(withoutDots(b.Paragraphs), " ") || len(b.Paragraphs) >= len(a.Paragraphs) {
			t.Errorf("seed %d: Merge-only edit changed the text or kept the paragraph count", seed)
		}
		a, b = Pair(rng(), PairOptions{ChangeRate: 0.3, Mix: EditMix{Words: 1}})
		if len(withoutDots(a.Paragraphs)) != len(withoutDots(b.Paragraphs)) || unmatched(a, b) == 0 {
			t.Errorf("seed %d: Words-only edit changed the paragraph count or nothing", seed)
		}
	}
}

// feature is something a realistic article shows now and then.
type feature struct {
	name string
	re   *regexp.Regexp
}

func TestProseHasNewsFeatures(t *testing.T) {
	features := []feature{
		{"dateline", regexp.MustCompile(`^[A-Z][A-Z. ]+(, [A-Z][a-z]+)? — `)},
		{"quote then attribution", regexp.MustCompile(`“[^”]+,” [^.]*said`)},
		{"sentence ending in a closing quote", regexp.MustCompile(`\.” [A-Z“]`)},
		{"Mr.", regexp.MustCompile(`\bMr\. [A-Z]`)},
		{"Mrs.", regexp.MustCompile(`\bMrs\. [A-Z]`)},
		{"Dr.", regexp.MustCompile(`\bDr\. [A-Z]`)},
		{"Gen.", regexp.MustCompile(`\bGen\. [A-Z]`)},
		{"Col.", regexp.MustCompile(`\bCol\. [A-Z]`)},
		{"Sen.", regexp.MustCompile(`\bSen\. [A-Z]`)},
		{"U.S. mid-sentence", regexp.MustCompile(`\bU\.S\. [a-z]`)},
		{"U.N.", regexp.MustCompile(`\bU\.N\. `)},
		{"Jan. or Feb.", regexp.MustCompile(`\b(Jan|Feb)\. \d`)},
		{"a.m.", regexp.MustCompile(`\ba\.m\. `)},
		{"sentence ending in U.S.", regexp.MustCompile(`U\.S\.( [A-Z“]|$)`)},
		{"middle initial", regexp.MustCompile(`[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]`)},
		{"decimal", regexp.MustCompile(`\d\.\d percent`)},
		{"em dash aside", regexp.MustCompile(`[a-z] — [a-z]`)},
		{"credit", regexp.MustCompile(`contributed reporting|reported from|^Reporting by`)},
		{"heading", regexp.MustCompile(`^[A-Z][a-z]+( [A-Za-z’.]+){1,4}$`)},
		{"paragraph without full stop", regexp.MustCompile(`[a-z]$`)},
		{"stray dot", regexp.MustCompile(`^\.$`)},
	}
	found := make([]int, len(features))
	for seed := uint64(0); seed < 300; seed++ {
		a, b := Pair(rand.New(rand.NewPCG(seed, 11)), PairOptions{})
		for _, v := range []model.Version{a, b} {
			for _, p := range v.Paragraphs {
				for i, f := range features {
					if f.re.MatchString(p) {
						found[i]++
					}
				}
			}
		}
	}
	for i, f := range features {
		if found[i] == 0 {
			t.Errorf("no %s in 600 versions", f.name)
		}
	}
}

func TestRenderedPairsHaveOneLinePerRow(t *testing.T) {
	for seed := uint64(0); seed < 50; seed++ {
		rng := rand.New(rand.NewPCG(seed, 12))
		a, b := Pair(rng, PairOptions{})
		dump := Render(a, b, RenderOptions{Source: "nytimes", URL: "u", Changes: 2, Elapsed: b.Elapsed, JoinRow: JoinRandom(rng)})
		lines := strings.Split(dump, "\n")
		if want := 9 + len(Rows(a.Paragraphs, b.Paragraphs)); len(lines) != want {
			t.Fatalf("seed %d: %d lines, want %d", seed, len(lines), want)
		}
		for i, l := range lines[6:] {
			if l == "" || collapse(l) != l {
				t.Fatalf("seed %d: line %d %q empty or not collapsed", seed, i+7, l)
			}
		}
	}
}
