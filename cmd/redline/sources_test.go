package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"redline/model"
)

// warcCapture is one response record a test WARC holds.
type warcCapture struct {
	url  string
	date time.Time
	body []byte
}

// writeWARC writes caps as a .warc.gz with gowarc's own file writer and
// returns its path.
func writeWARC(t *testing.T, caps []warcCapture) string {
	t.Helper()
	dir := t.TempDir()
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(&gowarc.PatternNameGenerator{Directory: dir, Prefix: "test-"}),
		gowarc.WithCompression(true), gowarc.WithMaxFileSize(0), gowarc.WithMaxConcurrentWriters(1))
	for _, c := range caps {
		b := gowarc.NewRecordBuilder(gowarc.Response,
			gowarc.WithAddMissingRecordId(true), gowarc.WithAddMissingContentLength(true),
			gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true))
		fmt.Fprintf(b, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", len(c.body))
		b.Write(c.body)
		b.AddWarcHeader(gowarc.WarcTargetURI, c.url)
		b.AddWarcHeaderTime(gowarc.WarcDate, c.date)
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range w.Write(rec) {
			if r.Err != nil {
				t.Fatal(r.Err)
			}
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "test-*.warc.gz"))
	if len(files) != 1 {
		t.Fatalf("writer made %v", files)
	}
	return files[0]
}

// storyCaptures are the two captures of storyURL, an hour apart.
func storyCaptures(t *testing.T) []warcCapture {
	at := time.Date(2015, 4, 16, 10, 0, 0, 0, time.UTC)
	return []warcCapture{{storyURL, at, storyPage(t, false)}, {storyURL, at.Add(time.Hour), storyPage(t, true)}}
}

func TestWARCOfOneArticleOpens(t *testing.T) {
	path := writeWARC(t, storyCaptures(t))
	out, errOut, code := redline(t, "", "--print", "--no-color", path)
	if code != 0 || !strings.Contains(out, "[-wrote-]{+said+}") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
}

func TestWARCOfSeveralArticlesAsksForOne(t *testing.T) {
	other := "https://example.com/other"
	caps := append(storyCaptures(t), warcCapture{other, time.Date(2015, 4, 17, 0, 0, 0, 0, time.UTC), storyPage(t, false)})
	path := writeWARC(t, caps)
	out, errOut, code := redline(t, "", path)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 2 || len(lines) != 2 || !strings.HasPrefix(lines[0], "2\t"+storyURL+"\t") ||
		!strings.HasPrefix(lines[1], "1\t"+other+"\t") {
		t.Errorf("exit %d, list %q", code, out)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "choose one with --article URL") {
		t.Errorf("stderr %q", errOut)
	}
	out, errOut, code = redline(t, "", "--json", "--article", storyURL, path)
	if code != 0 {
		t.Fatalf("--article: exit %d: %s", code, errOut)
	}
	art, err := model.ReadJSON("out", []byte(out))
	if err != nil || len(art.Versions) != 2 || art.URL != storyURL {
		t.Errorf("--article: %v, %+v", err, art)
	}
}

func TestFolderOfSavedPagesOpens(t *testing.T) {
	dir := t.TempDir()
	for name, edited := range map[string]bool{"1.html": false, "2.html": true} {
		if err := os.WriteFile(filepath.Join(dir, name), storyPage(t, edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := redline(t, "", "--print", "--no-color", dir)
	if code != 0 || !strings.Contains(out, "[-wrote-]{+said+}") || strings.Contains(out, "<p") {
		t.Errorf("exit %d, stderr %q, stdout:\n%s", code, errOut, out)
	}
}

// gzipFile writes data gzipped to path.
func gzipFile(t *testing.T, path string, data []byte) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestGzippedDumpOpens(t *testing.T) {
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "seed.txt.gz")
	gzipFile(t, path, data)
	out, errOut, code := redline(t, "", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	art, err := model.ReadJSON("out", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	want := truth(t)
	if len(art.Versions) != len(want.Versions) || art.Title != want.Title {
		t.Errorf("got %d versions %q, want %d %q", len(art.Versions), art.Title, len(want.Versions), want.Title)
	}
}

func TestGzippedArchiveOpensFromTheCache(t *testing.T) {
	data, err := os.ReadFile(newsEditsFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "nyt.db.gz")
	gzipFile(t, path, data)
	cache := t.TempDir()
	out, errOut, code := redlineEnv(t, []string{"REDLINE_CACHE_DIR=" + cache}, "--json", "--article", "7", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	art, err := model.ReadJSON("out", []byte(out))
	if err != nil || len(art.Versions) != 3 || art.Title != "Talks collapse" {
		t.Errorf("%v, %+v", err, art)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files beside the input: %v", entries)
	}
	if copies, _ := filepath.Glob(filepath.Join(cache, "decompressed", "*-nyt.db")); len(copies) != 1 {
		t.Errorf("decompressed copies in the cache: %v", copies)
	}
	out, errOut, code = redlineEnv(t, nil, path)
	if code != 0 || !strings.Contains(out, "https://www.nytimes.com/talks") {
		t.Errorf("list: exit %d, stderr %q, stdout %q", code, errOut, out)
	}
}
