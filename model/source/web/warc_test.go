package web

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// warcCapture is one response record a test WARC holds.
type warcCapture struct {
	url, ctype string
	date       time.Time
	body       []byte
	// wire, when set, is the whole HTTP response as a crawler kept it
	// (its own header, codings and all), written instead of body.
	wire []byte
	// truncated, when set, is the record's WARC-Truncated reason.
	truncated string
}

// writeWARC writes caps with gowarc's own file writer into dir and
// returns the file's path; compress chooses .warc.gz.
func writeWARC(t testing.TB, dir string, compress bool, caps []warcCapture) string {
	t.Helper()
	w := gowarc.NewWarcFileWriter(
		gowarc.WithFileNameGenerator(&gowarc.PatternNameGenerator{Directory: dir, Prefix: "test-"}),
		gowarc.WithCompression(compress),
		gowarc.WithMaxFileSize(0),
		gowarc.WithMaxConcurrentWriters(1))
	for _, c := range caps {
		if err := writeResponse(w, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "test-*"))
	if len(files) != 1 {
		t.Fatalf("writer made %v", files)
	}
	return files[0]
}

func writeResponse(w *gowarc.WarcFileWriter, c warcCapture) error {
	b := gowarc.NewRecordBuilder(gowarc.Response,
		gowarc.WithAddMissingRecordId(true), gowarc.WithAddMissingContentLength(true),
		gowarc.WithAddMissingDigest(true), gowarc.WithFixContentLength(true))
	if c.wire != nil {
		b.Write(c.wire)
	} else {
		fmt.Fprintf(b, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", c.ctype, len(c.body))
		b.Write(c.body)
	}
	b.AddWarcHeader(gowarc.WarcTargetURI, c.url)
	if c.truncated != "" {
		b.AddWarcHeader(gowarc.WarcTruncated, c.truncated)
	}
	b.AddWarcHeaderTime(gowarc.WarcDate, c.date)
	b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
	rec, _, err := b.Build()
	if err != nil {
		return err
	}
	for _, r := range w.Write(rec) {
		if r.Err != nil {
			return r.Err
		}
	}
	return nil
}

// warcFixture is the Ars captures (written out of date order, to show
// WARC-Date decides) plus two captures of the Herald Sun page.
func warcFixture(t testing.TB) []warcCapture {
	caps := arsCaptures(t)
	at := func(ts string) time.Time { tm, _ := parseTimestamp(ts); return tm }
	var out []warcCapture
	for _, i := range []int{2, 0, 1, 3, 4} {
		c := caps[i]
		out = append(out, warcCapture{url: c.url, ctype: c.ctype, date: at(c.ts), body: c.body})
	}
	herald, err := os.ReadFile("testdata/herald-sun-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	const hu = "https://www.heraldsun.com.au/news/opinion/angry-media"
	out = append(out,
		warcCapture{url: hu, ctype: "text/html; charset=utf-8", date: at("20150313080000"), body: herald},
		warcCapture{url: hu, ctype: "text/html; charset=utf-8", date: at("20150313090000"),
			body: bytes.ReplaceAll(herald, []byte("A HIGH-powered"), []byte("A powerful"))})
	return out
}

func TestWARCListAndOpen(t *testing.T) {
	for _, compress := range []bool{false, true} {
		path := writeWARC(t, t.TempDir(), compress, warcFixture(t))
		if compress != strings.HasSuffix(path, ".gz") {
			t.Fatalf("compress=%v wrote %s", compress, path)
		}
		list, err := ListWARC(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].URL != arsURL || list[0].Captures != 4 || list[1].Captures != 2 {
			t.Fatalf("list %+v", list)
		}
		ars := list[0]
		if ars.Headline != "Minecraft exploit makes it easy to crash game servers | Ars Technica" &&
			!strings.HasPrefix(ars.Headline, "Minecraft exploit") {
			t.Errorf("latest headline %q", ars.Headline)
		}
		if ars.First.Format("150405") != "100000" || ars.Last.Format("150405") != "140000" {
			t.Errorf("span %v – %v", ars.First, ars.Last)
		}
		a, err := OpenWARC(path, arsURL)
		if err != nil {
			t.Fatal(err, a.Notes)
		}
		if len(a.Versions) != 3 || a.Versions[0].Time != "2015-04-16T10:00:00Z" ||
			a.Versions[2].Headline != "Minecraft exploit makes it easy to crash game servers" {
			t.Errorf("compress=%v: %d versions %+v", compress, len(a.Versions), a.Versions[0].Time)
		}
		h, err := OpenWARC(path, list[1].URL)
		if err != nil || len(h.Versions) != 2 || h.Versions[0].Author != "Laurie Oakes" {
			t.Errorf("herald: %v %d", err, len(h.Versions))
		}
		_, err = OpenWARC(path, "https://example.com/none")
		wantProblem(t, err, NoCaptures)
	}
}

func TestWARCBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.warc")
	os.WriteFile(bad, []byte("<html>not a warc</html>\n"), 0o644)
	_, err := ListWARC(bad)
	if !errors.Is(err, &Error{Problem: Unreadable}) && !errors.Is(err, &Error{Problem: NoCaptures}) {
		t.Fatalf("err = %v", err)
	}
	_, err = ListWARC(filepath.Join(dir, "missing.warc"))
	wantProblem(t, err, Unreadable)
}

// A crawler keeps a response as it came over the wire: chunked, gzipped.
// Each capture reads as the page it was sent as; before, the chunk sizes
// and the gzip bytes were read as the article's text. A record cut short
// (a crawl stopped, a file truncated) is skipped with a note: before, its
// page read as the end of the article deleted.
func TestWARCReadsPagesAsSent(t *testing.T) {
	page, err := os.ReadFile("testdata/herald-sun-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	const hu = "https://www.heraldsun.com.au/news/opinion/angry-media"
	at := func(h int) time.Time { return time.Date(2015, 3, 13, h, 0, 0, 0, time.UTC) }
	var chunked bytes.Buffer
	chunked.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n")
	for rest := page; len(rest) > 0; {
		n := min(len(rest), 1000)
		fmt.Fprintf(&chunked, "%x\r\n%s\r\n", n, rest[:n])
		rest = rest[n:]
	}
	chunked.WriteString("0\r\n\r\n")
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(page)
	zw.Close()
	gz := append([]byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n", zipped.Len())), zipped.Bytes()...)
	// Stored otherwise than the headers say, as some crawlers store
	// them: decoded under the original headers, a stale Content-Length,
	// a CRLF after the gzip stream. Each is the same page.
	stored := func(header string) []byte { return append([]byte(header), page...) }
	caps := []warcCapture{
		{url: hu, ctype: "text/html; charset=utf-8", date: at(8), body: page},
		{url: hu, ctype: "text/html; charset=utf-8", date: at(9), wire: chunked.Bytes()},
		{url: hu, ctype: "text/html", date: at(10), wire: gz},
		{url: hu, ctype: "text/html", date: at(10).Add(10 * time.Minute), wire: append(slices.Clone(gz), "\r\n"...)},
		{url: hu, ctype: "text/html", date: at(10).Add(20 * time.Minute), wire: stored("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n")},
		{url: hu, ctype: "text/html", date: at(10).Add(30 * time.Minute), wire: stored("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")},
		{url: hu, ctype: "text/html", date: at(10).Add(40 * time.Minute), wire: stored(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", len(page)/2))},
		{url: hu, ctype: "text/html; charset=utf-8", date: at(10).Add(50 * time.Minute), body: page[:len(page)/2], truncated: "length"},
		{url: hu, ctype: "text/html; charset=utf-8", date: at(11), body: bytes.ReplaceAll(page, []byte("A HIGH-powered"), []byte("A powerful"))},
	}
	path := writeWARC(t, t.TempDir(), false, caps)
	a, err := OpenWARC(path, hu)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Versions) != 2 || len(a.Notes) != 1 || !strings.Contains(a.Notes[0], "skipped: the crawler kept only part of it (WARC-Truncated: length)") {
		t.Fatalf("%d versions (want 2: the chunked, gzipped and stored captures are the first page again, the truncated one skipped), notes %q", len(a.Versions), a.Notes)
	}
	// Cut the file inside the last record: that capture is skipped.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.LastIndex(data, []byte("A powerful"))
	if err := os.WriteFile(path, data[:cut], 0o644); err != nil {
		t.Fatal(err)
	}
	a, err = OpenWARC(path, hu)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Versions) != 1 || len(a.Notes) != 2 || !strings.Contains(a.Notes[1], "capture 2015-03-13T11:00:00Z skipped: the WARC record is cut short") {
		t.Errorf("cut file: %d versions, notes %q", len(a.Versions), a.Notes)
	}
}

// A .warc.gz cut inside its last record reads the records before the cut,
// with a note: the whole file had been refused ("record 6 at byte …:
// unexpected EOF"), the whole captures with it.
func TestWARCGzCutShortReadsTheRecordsBefore(t *testing.T) {
	caps := warcFixture(t)
	path := writeWARC(t, t.TempDir(), true, caps)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data[:len(data)-200], 0o644); err != nil {
		t.Fatal(err)
	}
	const hu = "https://www.heraldsun.com.au/news/opinion/angry-media"
	a, err := OpenWARC(path, hu)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Versions) != 1 || len(a.Notes) == 0 || !strings.Contains(a.Notes[0], "cut short; the records before it are read") {
		t.Errorf("%d versions, notes %q", len(a.Versions), a.Notes)
	}
	list, err := ListWARC(path)
	if err != nil || len(list) != 2 {
		t.Errorf("list %v, %v", list, err)
	}
}

// A page past maxBody is refused, not cut at the bound (its end would
// read as deleted); one at the bound is read whole.
func TestReadPageRefusesMoreThanAnArticle(t *testing.T) {
	zeros := func(n int64) io.Reader { return io.LimitReader(zeroReader{}, n) }
	if b, err := readPage(zeros(maxBody)); err != nil || len(b) != maxBody {
		t.Errorf("at the bound: %d bytes, %v", len(b), err)
	}
	if _, err := readPage(zeros(maxBody + 1)); err == nil || !strings.Contains(err.Error(), "larger than 32 MiB") {
		t.Errorf("past the bound: %v", err)
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
