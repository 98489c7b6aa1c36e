package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLooksLikeArticlePage(t *testing.T) {
	yes := []string{"<!DOCTYPE html><html>", "\xef\xbb\xbf  <html lang=en>", "<!-- saved from url=(0042)https://x -->\n<html>",
		"<HEAD><title>x</title>", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"}
	no := []string{"", "plain text about <html> tags later" + strings.Repeat(" ", 2000) + "<html>", "This article is from the source 'bbc'",
		"WARC/1.1\r\n", "\x1f\x8b\x08", "{\"title\":\"x\"}", "SQLite format 3\x00"}
	for _, s := range yes {
		if !LooksLikeArticlePage([]byte(s)) {
			t.Errorf("%q: want true", s)
		}
	}
	for _, s := range no {
		if LooksLikeArticlePage([]byte(s)) {
			t.Errorf("%q: want false", s)
		}
	}
	page, _ := os.ReadFile("testdata/lemonde-1/source.html")
	if !LooksLikeArticlePage(page[:512]) {
		t.Error("a real page is not recognised")
	}
}

func TestReadSavedPagesOrder(t *testing.T) {
	dir := t.TempDir()
	base, err := os.ReadFile("testdata/la-nacion/source.html")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(base, []byte("article:modified_time")) {
		t.Fatal("fixture already has a modified time")
	}
	withTime := func(b []byte, ts string) []byte {
		return bytes.Replace(b, []byte("</head>"), []byte(`<meta property="article:modified_time" content="`+ts+`"></head>`), 1)
	}
	edited := bytes.ReplaceAll(base, []byte("Abdullah Ocalan"), []byte("Abdullah Öcalan"))
	files := map[string][]byte{
		// Named against their times, to show the page's own time wins.
		"a-latest.html": withTime(edited, "2016-01-02T10:00:00Z"),
		"b-first.html":  withTime(base, "2016-01-01T10:00:00Z"),
		"c-untimed.html": append([]byte("<!-- saved date: nonsense -->\n"),
			bytes.ReplaceAll(edited, []byte(" mapuche"), []byte(" mapuche (actualizado)"))...), // the text, not the address
		"d-notes.txt": []byte("just some notes"),
	}
	var paths []string
	for _, name := range []string{"a-latest.html", "b-first.html", "c-untimed.html", "d-notes.txt"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, files[name], 0o644)
		paths = append(paths, p)
	}
	a, err := ReadSavedPages(paths)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, v := range a.Versions {
		labels = append(labels, v.Label)
	}
	if strings.Join(labels, " ") != "b-first.html a-latest.html c-untimed.html" {
		t.Fatalf("order %v", labels)
	}
	if a.Versions[0].Time != "2016-01-01T10:00:00Z" || a.Versions[2].Time != "" {
		t.Errorf("times %q %q", a.Versions[0].Time, a.Versions[2].Time)
	}
	if len(a.Notes) != 1 || !strings.Contains(a.Notes[0], "d-notes.txt") {
		t.Errorf("notes %q", a.Notes)
	}
	_, err = ReadSavedPages([]string{filepath.Join(dir, "missing.html")})
	wantProblem(t, err, Unreadable)
	_, err = ReadSavedPages(paths[3:])
	wantProblem(t, err, NoCaptures)
}

func TestSavedTime(t *testing.T) {
	for in, want := range map[string]string{
		"<!--\n Page saved with SingleFile \n url: https://x \n saved date: Thu Mar 12 2015 09:30:00 GMT+0000 (Coordinated Universal Time)\n-->": "2015-03-12T09:30:00Z",
		"<!-- Mirrored from example.com/a by HTTrack Website Copier/3.x, Fri, 13 Mar 2015 10:00:00 GMT -->":                                      "",
		"<html>": "",
	} {
		got := savedTime([]byte(in))
		s := ""
		if !got.IsZero() {
			s = got.UTC().Format("2006-01-02T15:04:05Z07:00")
		}
		if s != want {
			t.Errorf("%.40q: %q, want %q", in, s, want)
		}
	}
}

func TestGzipHelpers(t *testing.T) {
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte("SQLite format 3\x00 rest"))
	zw.Close()
	for _, in := range [][]byte{z.Bytes(), []byte("SQLite format 3\x00 rest")} {
		r, err := MaybeGunzip(bytes.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		if string(b) != "SQLite format 3\x00 rest" {
			t.Errorf("got %q", b)
		}
	}
	if _, err := MaybeGunzip(bytes.NewReader([]byte{0x1f, 0x8b, 0})); err == nil {
		t.Error("broken gzip header accepted")
	}

	inDir, cacheDir := t.TempDir(), t.TempDir()
	src := filepath.Join(inDir, "news.db.gz")
	os.WriteFile(src, z.Bytes(), 0o644)
	out, err := decompressTo(src, cacheDir, 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, cacheDir) || !strings.HasSuffix(out, "news.db") {
		t.Errorf("out %s", out)
	}
	if b, _ := os.ReadFile(out); string(b) != "SQLite format 3\x00 rest" {
		t.Errorf("content %q", b)
	}
	again, err := decompressTo(src, cacheDir, 1<<30)
	if err != nil || again != out {
		t.Errorf("second call: %s %v", again, err)
	}
	if entries, _ := os.ReadDir(inDir); len(entries) != 1 {
		t.Errorf("wrote beside the input: %v", entries)
	}
	bad := filepath.Join(inDir, "bad.gz")
	os.WriteFile(bad, []byte("plain"), 0o644)
	_, err = decompressTo(bad, cacheDir, 1<<30)
	wantProblem(t, err, Unreadable)
	// A gzip bomb: 8 MiB of zeros from a few kilobytes, past both its
	// bounds (1 MiB here, and 50 times the file), is refused, and leaves
	// nothing in the cache. Under a bound that allows it, it is written.
	var zb bytes.Buffer
	zw = gzip.NewWriter(&zb)
	zw.Write([]byte("SQLite format 3\x00"))
	zw.Write(make([]byte, 8<<20))
	zw.Close()
	bomb := filepath.Join(inDir, "bomb.db.gz")
	os.WriteFile(bomb, zb.Bytes(), 0o644)
	_, err = decompressTo(bomb, cacheDir, 1<<20)
	wantProblem(t, err, Unreadable)
	if err == nil || !strings.Contains(err.Error(), "bomb.db.gz") || !strings.Contains(err.Error(), "--max-input") {
		t.Errorf("bomb: %v", err)
	}
	if _, err := decompressTo(bomb, cacheDir, 16<<20); err != nil {
		t.Errorf("under --max-input 16M: %v", err)
	}
	if tmps, _ := filepath.Glob(filepath.Join(cacheDir, "decompressed", tmpPrefix+"*")); len(tmps) != 0 {
		t.Errorf("temp files left: %v", tmps)
	}
}

func TestNewsSnifferArticle(t *testing.T) {
	for u, want := range map[string]int{
		"https://www.newssniffer.co.uk/articles/1234":        1234,
		"http://newssniffer.co.uk/articles/7/":               7,
		"https://www.newssniffer.co.uk/articles/99/diff/3/4": 99,
		"https://www.newssniffer.co.uk/versions/99":          -1,
		"https://example.com/articles/5":                     -1,
		"ftp://www.newssniffer.co.uk/articles/5":             -1,
		"https://www.newssniffer.co.uk/articles/abc":         -1,
	} {
		n, ok := NewsSnifferArticle(u)
		if (want >= 0) != ok || (ok && n != want) {
			t.Errorf("%s: %d %v", u, n, ok)
		}
	}
}

// Saved pages carry the article's address and site as the pages name
// them (<link rel=canonical>, og:url, og:site_name); pages of two
// different articles are refused, naming both, as dumps of two are.
// They had been compared as one article, the headline changing to the
// other's, with no URL for i to show.
func TestSavedPagesAreOneArticle(t *testing.T) {
	dir := t.TempDir()
	ars, err := os.ReadFile("testdata/ars-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	lemonde, err := os.ReadFile("testdata/lemonde-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.html", ars)
	b := write("b.html", bytes.Replace(ars, []byte("Minecraft"), []byte("Minecraft game"), 1))
	art, err := ReadSavedPages([]string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if art.URL != "https://arstechnica.com/information-technology/2015/04/just-released-minecraft-exploit-makes-it-easy-to-crash-game-servers/" || art.Source != "Ars Technica" {
		t.Errorf("url %q source %q", art.URL, art.Source)
	}
	c := write("c.html", lemonde)
	_, err = ReadSavedPages([]string{a, c})
	if err == nil || !strings.Contains(err.Error(), "a page of another article than a.html") || !strings.Contains(err.Error(), "lemonde.fr") {
		t.Errorf("two articles: %v", err)
	}
}

// Addresses of one article, saved at different times or from different
// links, are one article; another path or an id in the query is another.
func TestSameAddress(t *testing.T) {
	same := [][2]string{
		{"http://arstechnica.com/a/", "https://arstechnica.com/a"},
		{"https://www.example.com/a", "https://example.com:443/a#comments"},
		{"https://example.com/a?utm_source=rss&utm_medium=feed", "https://Example.com/a"},
		{"https://example.com/a?fbclid=x", "https://example.com/a"},
	}
	for _, c := range same {
		if !sameAddress(c[0], c[1]) {
			t.Errorf("%q and %q: not the same article", c[0], c[1])
		}
	}
	other := [][2]string{
		{"https://example.com/a", "https://example.com/b"},
		{"https://example.com/story?id=1", "https://example.com/story?id=2"},
		{"https://example.com/a", "https://example.org/a"},
	}
	for _, c := range other {
		if sameAddress(c[0], c[1]) {
			t.Errorf("%q and %q: the same article", c[0], c[1])
		}
	}
}

// The headline is the one a reader of the page sees, its <h1> marked
// itemprop="headline": edited on the page alone, it is a headline change
// (it had shown none, the headline being taken from og:title). An
// unmarked <h1> is not trusted: chosen by its likeness to the title, the
// choice would change with its words.
func TestHeadlineIsTheVisibleOne(t *testing.T) {
	ars, err := os.ReadFile("testdata/ars-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(ars, []byte("Just-released <i>Minecraft</i> exploit"), []byte("<i>Minecraft</i> bug"), 1)
	for _, c := range []struct {
		page []byte
		want string
	}{
		{ars, "Just-released Minecraft exploit makes it easy to crash game servers"},
		{edited, "Minecraft bug makes it easy to crash game servers"},
	} {
		p, err := Extract(bytes.NewReader(c.page), "text/html", "")
		if err != nil || p.Headline != c.want {
			t.Errorf("headline %q, %v; want %q", p.Headline, err, c.want)
		}
	}
	for page, want := range map[string]string{
		// The marked <h1>, wherever it stands; a line break is a space.
		`<h1>Ars Technica</h1><article><h1 itemprop="headline">Storm hits<br>the coast</h1></article>`: "Storm hits the coast",
		// No mark: the title, whatever <h1> there is (a site's name, a
		// section's, or the headline itself, rewritten or not).
		`<h1>Politics</h1>`:                          "Storm hits the coast",
		`<h1>Three dead as storm batters Devon</h1>`: "Storm hits the coast",
	} {
		if got := visibleHeadline([]byte(page), "Storm hits the coast"); got != want {
			t.Errorf("%s: %q, want %q", page, got, want)
		}
	}
}
