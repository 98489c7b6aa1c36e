package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// TestBrokenVersionsCompare covers versions that are empty, identical or
// only a headline: each compares, without a panic, to what a reader
// expects.
func TestBrokenVersionsCompare(t *testing.T) {
	empty := Version{Paragraphs: []string{}}
	one := Version{Headline: "H", Paragraphs: []string{"A paragraph."}}
	headlineOnly := Version{Headline: "Only a headline", Paragraphs: []string{}}
	cases := []struct {
		name string
		a, b Version
		want Stats
	}{
		{"both empty", empty, empty, Stats{}},
		{"identical", one, one, Stats{}},
		{"from empty", empty, one, Stats{WordsAdded: 2, Added: 1}},
		{"to empty", one, empty, Stats{WordsRemoved: 2, Removed: 1}},
		{"headline only", headlineOnly, Version{Headline: "Only a new headline", Paragraphs: []string{}}, Stats{}},
	}
	for _, c := range cases {
		cmp := Compare(c.a, c.b)
		if cmp.Stats != c.want {
			t.Errorf("%s: stats %+v, want %+v", c.name, cmp.Stats, c.want)
		}
	}
	if !Compare(headlineOnly, Version{Headline: "Only a new headline"}).HeadlineChanged {
		t.Errorf("a changed headline alone is not seen")
	}
}

// TestPathologicalWordDiffsStayFast diffs long runs of one word, the case
// that makes naive diffs quadratic. The budget is generous: the test
// guards against a hang, the benchmarks measure.
func TestPathologicalWordDiffsStayFast(t *testing.T) {
	run := strings.Repeat("the ", 200_000)
	pairs := [][2]string{
		{run, run + "end"},
		{run, "start " + run},
		{run, strings.Repeat("the ", 150_000)},
		{run, strings.Replace(run, "the the", "the a the", 500)},
	}
	for i, p := range pairs {
		start := time.Now()
		edits := WordDiff(p[0], p[1])
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("pair %d took %v", i, d)
		}
		a, b := spellEdits(edits)
		if a != p[0] || b != p[1] {
			t.Errorf("pair %d: the edits do not spell the texts", i)
		}
	}
}

// TestManyVersionsAndParagraphs reads plain versions in bulk.
func TestManyVersionsAndParagraphs(t *testing.T) {
	var inputs []Input
	for i := 0; i < 2000; i++ {
		inputs = append(inputs, Input{Name: fmt.Sprintf("v%d.txt", i), Data: []byte(fmt.Sprintf("Headline\n\nBody %d.\n\nTail.\n", i%7))})
	}
	a, err := Read(inputs)
	if err != nil || len(a.Versions) != 2000 {
		t.Fatalf("2,000 versions: %v", err)
	}
	// Paragraphs shared between versions are stored once.
	if unsafe.StringData(a.Versions[0].Paragraphs[2]) != unsafe.StringData(a.Versions[1999].Paragraphs[2]) {
		t.Error("the paragraph every version shares is stored more than once")
	}
	var big strings.Builder
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&big, "Paragraph %d.\n\n", i)
	}
	a, err = Read([]Input{{Name: "a", Data: []byte(big.String())}, {Name: "b", Data: []byte(big.String() + "One more.\n")}})
	if err != nil || len(a.Versions[1].Paragraphs) != 100_001 {
		t.Fatalf("100,000 paragraphs: %v", err)
	}
	if s := Compare(a.Versions[0], a.Versions[1]).Stats; s.Added != 1 {
		t.Errorf("stats %+v, want one added", s)
	}
}
