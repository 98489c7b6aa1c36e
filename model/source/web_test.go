package source

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectWebKinds(t *testing.T) {
	page, err := os.ReadFile("web/testdata/ars-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want Kind
	}{
		{string(page), KindPage},
		{"<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi.</p></body></html>", KindPage},
		{"WARC/1.1\r\nWARC-Type: warcinfo\r\n", KindWARC},
		{"A paragraph that mentions <html> in passing.\n\nAnother.\n", KindPlain},
		{"Just prose.\n", KindPlain},
	}
	for _, c := range cases {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.40q) = %s, want %s", c.text, got, c.want)
		}
	}
}

func TestGzippedPlainVersionsReadAsText(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, text := range []string{"One.\n\nTwo.\n", "One.\n\nTwo, edited.\n"} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(text))
		zw.Close()
		p := filepath.Join(dir, "v"+string(rune('1'+i))+".txt.gz")
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	art := readPaths(t, paths...)
	if len(art.Versions) != 2 || strings.Join(art.Versions[1].Paragraphs, "|") != "One.|Two, edited." {
		t.Errorf("versions %+v", art.Versions)
	}
}

func TestSavedPageMixedWithTextFails(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile("web/testdata/ars-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "a.html"), page, 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Plain.\n"), 0o644)
	inputs, err := ReadInputs([]string{dir}, nil, SortName)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(inputs)
	if err == nil || !strings.Contains(err.Error(), "cannot be combined with saved article pages") {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkDetectPlainWithMarkup recognises 3 MB of plain text that
// quotes markup in every paragraph ("<b>", "Version 2"): its kind is
// decided from its first line and a few markers, never by parsing it.
func BenchmarkDetectPlainWithMarkup(b *testing.B) {
	para := "The <b>council</b> met again; Version 2 of the plan said <table> rows would be cut, officials said.\n\n"
	text := strings.Repeat(para, 3<<20/len(para))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if k := Detect(text); k != KindPlain {
			b.Fatalf("Detect = %s", k)
		}
	}
}
