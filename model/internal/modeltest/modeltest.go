// Package modeltest holds what the tests of model's packages share: checks
// of errors and articles that every reader is held to. It is imported by
// tests only and imports nothing but model.
package modeltest

import (
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"redline/model"
)

// AssertInputErrorLine fails t unless err is an *model.InputError whose
// message is one line containing want.
func AssertInputErrorLine(t testing.TB, err error, want string) {
	t.Helper()
	var ie *model.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("error %v (%T) is not an *InputError", err, err)
	}
	if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, want) {
		t.Errorf("error %q: want one line containing %q", msg, want)
	}
}

// CheckArticle holds every reader to what the rest of redline relies on:
// at least one version, non-nil paragraphs of valid UTF-8, and guessed
// indexes inside the paragraphs.
func CheckArticle(t testing.TB, a *model.Article) {
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

// Testdata is the path of a file in the repository's top-level testdata
// folder (the seed, the 4-version sample), wherever the test runs from.
func Testdata(name string) string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "..", "testdata", name)
}

// PlainHeadlineCases are files of one plain-text version, as saved, with
// the headline each reader of plain text (a file, a folder's newest
// version read from its first bytes, a git history) must find in them:
// the first line that is not blank, when it reads like a headline, stands
// alone and text follows; "" for none.
var PlainHeadlineCases = []struct{ Text, Headline string }{
	{"Storm hits the coast\n\nThe storm came ashore.\n", "Storm hits the coast"},
	{"Storm hits the coast?\r\n\r\nThe storm came ashore.\r\n", "Storm hits the coast?"},
	{"\xef\xbb\xbfStorm hits the coast\n\nThe storm came ashore.\n", "Storm hits the coast"},
	{"\n\n   Storm   hits the  coast \n \t \nThe storm came ashore.\n", "Storm hits the coast"},
	// A first line of spaces is blank, as a line between paragraphs is.
	{"  \nStorm hits the coast\n\nThe storm came ashore.\n", "Storm hits the coast"},
	{"\t\nStorm hits the coast\n\nThe storm came ashore \xff.\n", "Storm hits the coast"},
	{"\u00a0\nStorm hits the coast\r\n\r\nThe storm came ashore.\r\n", "Storm hits the coast"},
	{"The storm came ashore.\n\nIt was late.\n", ""},
	{"Storm hits\nthe coast\n\nThe storm came ashore.\n", ""},
	{"  \nStorm hits\nthe coast\n\nThe storm came ashore.\n", ""},
	{"Storm hits the coast\n", ""},
	{"Storm hits the coast\n\n \n\t\n", ""},
	{"Storm hits the coast", ""},
	{strings.Repeat("word ", 30) + "\n\nThe storm came ashore.\n", ""},
}
