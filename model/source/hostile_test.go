package source

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"redline/model/diff"
)

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
	// Paragraphs shared between versions are stored once ("Headline" is
	// each version's headline, not a paragraph).
	if a.Versions[0].Headline != "Headline" || len(a.Versions[0].Paragraphs) != 2 {
		t.Fatalf("version 1: headline %q, paragraphs %q", a.Versions[0].Headline, a.Versions[0].Paragraphs)
	}
	if unsafe.StringData(a.Versions[0].Paragraphs[1]) != unsafe.StringData(a.Versions[1999].Paragraphs[1]) {
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
	if s := diff.Compare(a.Versions[0], a.Versions[1]).Stats; s.Added != 1 {
		t.Errorf("stats %+v, want one added", s)
	}
}
