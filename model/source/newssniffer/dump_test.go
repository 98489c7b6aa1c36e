package newssniffer

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"redline/model"
	"redline/model/internal/modeltest"
)

var seedPath = modeltest.Testdata("000_2309137f7230653b.txt")

func readTruth(t testing.TB) model.Article {
	t.Helper()
	data, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var a model.Article
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

func readSeed(t testing.TB) *model.Article {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ReadDump(seedPath, data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSeedReadsAsTruth(t *testing.T) {
	got, want := readSeed(t), readTruth(t)
	if got.Title != want.Title || got.Source != want.Source || got.URL != want.URL || got.Changes != want.Changes {
		t.Errorf("header: got %q %q %q %d, want %q %q %q %d", got.Title, got.Source, got.URL, got.Changes,
			want.Title, want.Source, want.URL, want.Changes)
	}
	if len(got.Versions) != len(want.Versions) {
		t.Fatalf("got %d versions, want %d", len(got.Versions), len(want.Versions))
	}
	for vi, w := range want.Versions {
		g := got.Versions[vi]
		if g.Number != w.Number || g.Headline != w.Headline || g.Elapsed != w.Elapsed {
			t.Errorf("version %d: got number %d headline %q elapsed %q, want %d %q %q",
				vi, g.Number, g.Headline, g.Elapsed, w.Number, w.Headline, w.Elapsed)
		}
		if !reflect.DeepEqual(g.Paragraphs, w.Paragraphs) {
			n := max(len(g.Paragraphs), len(w.Paragraphs))
			for i := 0; i < n; i++ {
				var gp, wp string
				if i < len(g.Paragraphs) {
					gp = g.Paragraphs[i]
				}
				if i < len(w.Paragraphs) {
					wp = w.Paragraphs[i]
				}
				if gp != wp {
					t.Errorf("version %d paragraph %d:\n got  %q\n want %q", w.Number, i, gp, wp)
				}
			}
		}
	}
	for _, v := range got.Versions {
		t.Logf("version %d guessed %v", v.Number, v.Guessed)
	}
}

// A dump that compares versions 3 and 5 says version 4 is missing: a gap
// after its first version; consecutive versions have none.
func TestADumpThatSkipsAVersionHasAGap(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	skip := bytes.Replace(data, []byte("Version 1 Version 2"), []byte("Version 3 Version 5"), 1)
	art, err := ReadDump("skip", skip)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(art.Gaps, []int{0}) {
		t.Errorf("Version 3 Version 5: gaps %v, want [0]", art.Gaps)
	}
	if art, _ := ReadDump("seed", data); len(art.Gaps) != 0 {
		t.Errorf("Version 1 Version 2: gaps %v", art.Gaps)
	}
}

// A dump whose version line stands twice (pasted twice, edited by hand)
// is refused in one line naming the second: read as the headline row, it
// had shown "Version [-1-]{+2+}" as the headline's edit.
func TestADumpWithTwoVersionLinesIsRefused(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	twice := strings.Replace(string(data), "\nVersion 1 Version 2\n", "\nVersion 1 Version 2\nVersion 1 Version 2\n", 1)
	if twice == string(data) {
		t.Fatal("the seed has no version line to double")
	}
	_, err = ReadDump("twice.txt", []byte(twice))
	modeltest.AssertInputErrorLine(t, err, "twice.txt:8: a second version line")
}
