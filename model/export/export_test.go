package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"redline/model"
	"redline/model/source/newssniffer"
	"redline/testdata"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// seed is the built-in sample: two versions read from a NewsSniffer dump,
// seven paragraphs guessed.
func seed(t *testing.T) *model.Article {
	t.Helper()
	art, err := newssniffer.ReadDump(testdata.SeedName, testdata.Seed)
	if err != nil {
		t.Fatal(err)
	}
	return art
}

// libya is the four-version sample, read from its --json file.
func libya(t *testing.T) *model.Article {
	t.Helper()
	const name = "../../testdata/libya-4-versions.json"
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	art, err := model.ReadJSON(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return art
}

// newest is the default step: the newest version against the one before.
func newest(art *model.Article) []Step {
	n := len(art.Versions)
	return []Step{{Base: n - 2, Shown: n - 1}}
}

func all(t *testing.T, art *model.Article) []Step {
	t.Helper()
	steps, err := History(art, 0, len(art.Versions)-1)
	if err != nil {
		t.Fatal(err)
	}
	return steps
}

// golden compares got with testdata/name, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./model/export -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from its golden (go test ./model/export -update, then read the diff); got:\n%s", name, firstLines(string(got), 40))
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

type writer func(w *bytes.Buffer, art *model.Article, steps []Step) error

var formats = map[string]writer{
	"html": func(w *bytes.Buffer, a *model.Article, s []Step) error { return HTML(w, a, s) },
	"md":   func(w *bytes.Buffer, a *model.Article, s []Step) error { return Markdown(w, a, s) },
	"json": func(w *bytes.Buffer, a *model.Article, s []Step) error { return JSON(w, a, s) },
}

func TestGoldens(t *testing.T) {
	for ext, write := range formats {
		for _, c := range []struct {
			name  string
			art   *model.Article
			steps func(*model.Article) []Step
		}{
			{"seed", seed(t), newest},
			{"libya-all", libya(t), func(a *model.Article) []Step { return all(t, a) }},
		} {
			var b bytes.Buffer
			if err := write(&b, c.art, c.steps(c.art)); err != nil {
				t.Fatalf("%s.%s: %v", c.name, ext, err)
			}
			golden(t, c.name+"."+ext, b.Bytes())
		}
	}
}

func TestHistory(t *testing.T) {
	art := libya(t)
	steps, err := History(art, 1, 3)
	if err != nil || len(steps) != 2 || steps[0] != (Step{1, 2}) || steps[1] != (Step{2, 3}) {
		t.Errorf("History(1, 3) = %v, %v", steps, err)
	}
	if steps, err := History(art, 0, 0); err != nil || len(steps) != 1 || steps[0] != (Step{-1, 0}) {
		t.Errorf("History(0, 0) = %v, %v: want the first version against nothing", steps, err)
	}
	for _, r := range [][2]int{{2, 1}, {-1, 2}, {0, 4}} {
		if _, err := History(art, r[0], r[1]); err == nil {
			t.Errorf("History(%d, %d): no error", r[0], r[1])
		}
	}
}

func TestBadStepsAreErrorsNotPanics(t *testing.T) {
	art := libya(t)
	for _, steps := range [][]Step{nil, {{Base: 0, Shown: 9}}, {{Base: -2, Shown: 1}}, {{Base: 7, Shown: 1}}} {
		for ext, write := range formats {
			if err := write(&bytes.Buffer{}, art, steps); err == nil {
				t.Errorf("%s %v: no error", ext, steps)
			}
		}
	}
	for ext, write := range formats {
		if err := write(&bytes.Buffer{}, &model.Article{}, []Step{{-1, 0}}); err == nil {
			t.Errorf("%s of an article with no versions: no error", ext)
		}
	}
}

func TestFirstVersionAgainstNothing(t *testing.T) {
	art := libya(t)
	var b bytes.Buffer
	if err := Markdown(&b, art, []Step{{Base: -1, Shown: 0}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Version 1 of 4 · first version") || !strings.Contains(b.String(), "_added_ · <ins>ISTANBUL") {
		t.Errorf("first version reads:\n%s", firstLines(b.String(), 12))
	}
}

func TestFileName(t *testing.T) {
	art := &model.Article{Title: "T", Versions: []model.Version{{Number: 0, Headline: "../../etc/passwd: Café — “Über” 2025"}, {Number: 7}}}
	cases := map[int]string{0: "etc-passwd-cafe-uber-2025-v0.html", 1: "t-v7.html", 5: "t-v5.html"}
	for shown, want := range cases {
		if got := FileName(art, shown, ".html"); got != want {
			t.Errorf("FileName(%d) = %q, want %q", shown, got, want)
		}
	}
	long := &model.Article{Versions: []model.Version{{Number: 2, Headline: strings.Repeat("word ", 40)}}}
	if got := FileName(long, 0, ".html"); len(got) > maxSlug+len("-v2.html") || strings.Contains(got, "--") {
		t.Errorf("long headline: %q", got)
	}
	empty := &model.Article{Versions: []model.Version{{Number: 1, Headline: "Путин и Эрдоган"}}}
	if got := FileName(empty, 0, ".html"); got != "article-v1.html" {
		t.Errorf("headline without ASCII letters: %q", got)
	}
}

func TestCreateUniqueNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	var names []string
	for i := 0; i < 3; i++ {
		f, err := CreateUnique(dir, "page-v2.html")
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(strings.Repeat("x", i+1))
		f.Close()
		names = append(names, filepath.Base(f.Name()))
	}
	want := []string{"page-v2.html", "page-v2-2.html", "page-v2-3.html"}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("created %v, want %v", names, want)
			break
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "page-v2.html")); string(data) != "x" {
		t.Errorf("the first file was overwritten: %q", data)
	}
}

// The article's notes (a commit skipped, dumps that disagree) are on the
// page, in the Markdown, escaped as article text is, and in the JSON.
func TestExportsCarryTheNotes(t *testing.T) {
	art := seed(t)
	art.Notes = []string{"1 commit left the text unchanged and was skipped", "dump <b>2</b> disagrees"}
	var md, page bytes.Buffer
	if err := Markdown(&md, art, newest(art)); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&page, art, newest(art)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"note: 1 commit left the text unchanged and was skipped", "note: dump &lt;b&gt;2&lt;/b&gt; disagrees"} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	if !strings.Contains(md.String(), "note: 1 commit left the text unchanged and was skipped") || strings.Contains(md.String(), "<b>") {
		t.Errorf("markdown:\n%s", firstLines(md.String(), 8))
	}
	// The comparison JSON carries them, and the gaps, as --json does.
	art.Gaps = []int{0}
	doc, err := NewDocument(art, newest(art))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.Notes, art.Notes) || !reflect.DeepEqual(doc.Gaps, []int{0}) {
		t.Errorf("JSON notes %q gaps %v", doc.Notes, doc.Gaps)
	}
}
