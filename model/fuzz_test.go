package model

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkArticle holds every reader to what the rest of redline relies on.
func checkArticle(t *testing.T, a *Article) {
	t.Helper()
	if a == nil || len(a.Versions) == 0 {
		t.Fatal("an article with no versions and no error")
	}
	for _, v := range a.Versions {
		if v.Paragraphs == nil {
			t.Fatal("nil paragraphs")
		}
		for _, p := range v.Paragraphs {
			if !utf8.ValidString(p) {
				t.Fatalf("invalid UTF-8 in %q", p)
			}
		}
		for _, g := range v.Guessed {
			if g < 0 || g >= len(v.Paragraphs) {
				t.Fatalf("guessed index %d out of %d paragraphs", g, len(v.Paragraphs))
			}
		}
	}
}

// FuzzReadDump feeds the dump reader anything that has a version line.
func FuzzReadDump(f *testing.F) {
	seed, err := os.ReadFile("../testdata/000_2309137f7230653b.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("Version 1 Version 2\nA A\n(about 1 hour later)\nX. Y. Z.\nP P\n. .")
	f.Add("Version 1 Version 2\nHeadline\nMr. A. B. went home. He left.\nHeading Text follows here.")
	f.Add("Version 0 Version 1\n\n\n“Quote.” “Quote.”\nItaly.Turkey\nofficeHuman rights groups said.")
	f.Fuzz(func(t *testing.T, text string) {
		if !strings.Contains(text, "Version ") {
			text = "Version 1 Version 2\n" + text
		}
		a, err := ReadDump("fuzz", []byte(text))
		if err != nil {
			return
		}
		checkArticle(t, a)
		if len(a.Versions) != 2 {
			t.Fatalf("%d versions from one dump", len(a.Versions))
		}
	})
}

// FuzzRead feeds the content detection and every text reader: one input,
// or the same input split into two.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile("../testdata/000_2309137f7230653b.txt")
	if err != nil {
		f.Fatal(err)
	}
	sample, err := os.ReadFile("../testdata/libya-4-versions.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, 0)
	f.Add(sample, 0)
	f.Add([]byte("One paragraph.\n\nTwo.\n\x00"), 14)
	f.Add([]byte(`{"versions":[{"number":1,"paragraphs":null}]}`), 0)
	f.Add([]byte("<html><table class=\"version_diff\"><tr><td>a</td></tr></table></html>"), 10)
	f.Fuzz(func(t *testing.T, data []byte, cut int) {
		inputs := []Input{{Name: "a", Data: data}}
		if cut > 0 && cut < len(data) {
			inputs = []Input{{Name: "a", Data: data[:cut]}, {Name: "b", Data: data[cut:]}}
		}
		a, err := Read(inputs)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a two-line error: %q", err)
			}
			return
		}
		checkArticle(t, a)
	})
}
