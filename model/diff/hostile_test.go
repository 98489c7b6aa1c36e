package diff

import (
	"strings"
	"testing"

	"redline/model"
)

// TestBrokenVersionsCompare covers versions that are empty, identical or
// only a headline: each compares, without a panic, to what a reader
// expects.
func TestBrokenVersionsCompare(t *testing.T) {
	empty := model.Version{Paragraphs: []string{}}
	one := model.Version{Headline: "H", Paragraphs: []string{"A paragraph."}}
	headlineOnly := model.Version{Headline: "Only a headline", Paragraphs: []string{}}
	cases := []struct {
		name string
		a, b model.Version
		want Stats
	}{
		{"both empty", empty, empty, Stats{}},
		{"identical", one, one, Stats{}},
		{"from empty", empty, one, Stats{WordsAdded: 2, Added: 1, HeadlineChanged: true}},
		{"to empty", one, empty, Stats{WordsRemoved: 2, Removed: 1, HeadlineChanged: true}},
		{"headline only", headlineOnly, model.Version{Headline: "Only a new headline", Paragraphs: []string{}}, Stats{HeadlineChanged: true}},
	}
	for _, c := range cases {
		cmp := Compare(c.a, c.b)
		if bare(cmp.Stats) != c.want {
			t.Errorf("%s: stats %+v, want %+v", c.name, cmp.Stats, c.want)
		}
	}
	if !Compare(headlineOnly, model.Version{Headline: "Only a new headline"}).HeadlineChanged {
		t.Errorf("a changed headline alone is not seen")
	}
}

// TestPathologicalWordDiffsEnd diffs long runs of one word, the case that
// makes naive diffs quadratic: each ends (a hang is go test's timeout) and
// spells both texts. Speed is the benchmarks' to hold, not a clock's here.
func TestPathologicalWordDiffsEnd(t *testing.T) {
	run := strings.Repeat("the ", 200_000)
	pairs := [][2]string{
		{run, run + "end"},
		{run, "start " + run},
		{run, strings.Repeat("the ", 150_000)},
		{run, strings.Replace(run, "the the", "the a the", 500)},
	}
	for i, p := range pairs {
		edits := WordDiff(p[0], p[1])
		a, b := spellEdits(edits)
		if a != p[0] || b != p[1] {
			t.Errorf("pair %d: the edits do not spell the texts", i)
		}
	}
}
