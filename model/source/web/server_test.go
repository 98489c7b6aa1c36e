package web

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeCapture is one capture the test archive holds.
type fakeCapture struct {
	ts, url, ctype string
	body           []byte
}

// fakeArchive speaks the CDX API (JSON form), Memento TimeMaps and raw
// captures at /web/TIMESTAMPid_/URL, as Wayback and pywb do.
type fakeArchive struct {
	mu       sync.Mutex
	captures []fakeCapture
	hits     map[string]int // "cdx", "timemap", "raw" → requests seen
	agents   map[string]bool
	// answer, when set, may take over a request: it returns a status
	// code (0: serve normally) and a Retry-After value.
	answer func(kind string, n int) (int, string)
	// drop, when set, closes the connection without an answer to a
	// request for a raw capture whose address it matches.
	drop func(uri string) bool
	// redirect, when set, sends a request for a raw capture to the
	// address it returns ("" for none), as Wayback sends a request to
	// the nearest capture it has.
	redirect func(uri string) string
	// dashDigests lists every capture's digest as "-", CDX's empty field.
	dashDigests bool
	srv         *httptest.Server
}

func newFakeArchive(t testing.TB, caps []fakeCapture) *fakeArchive {
	a := &fakeArchive{captures: caps, hits: map[string]int{}, agents: map[string]bool{}}
	a.srv = httptest.NewServer(http.HandlerFunc(a.serve))
	t.Cleanup(a.srv.Close)
	return a
}

func (a *fakeArchive) count(kind string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.hits[kind]
}

func (a *fakeArchive) serve(w http.ResponseWriter, r *http.Request) {
	kind := "raw"
	switch {
	case r.URL.Path == "/cdx/search/cdx":
		kind = "cdx"
	case strings.HasPrefix(r.URL.Path, "/timemap/link/"):
		kind = "timemap"
	}
	a.mu.Lock()
	a.hits[kind]++
	n := a.hits[kind]
	a.agents[r.UserAgent()] = true
	answer, drop, redirect := a.answer, a.drop, a.redirect
	a.mu.Unlock()
	if kind == "raw" && redirect != nil {
		if to := redirect(r.URL.RequestURI()); to != "" {
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
	}
	if kind == "raw" && drop != nil && drop(r.URL.RequestURI()) {
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return
	}
	if answer != nil {
		if code, after := answer(kind, n); code != 0 {
			if after != "" {
				w.Header().Set("Retry-After", after)
			}
			http.Error(w, "no", code)
			return
		}
	}
	switch kind {
	case "cdx":
		a.serveCDX(w, r.URL.Query().Get("url"))
	case "timemap":
		a.serveTimeMap(w, strings.TrimPrefix(r.URL.RequestURI(), "/timemap/link/"))
	default:
		a.serveRaw(w, r.URL.RequestURI())
	}
}

func digestOf(b []byte) string {
	h := sha1.Sum(b)
	return strings.ToUpper(hex.EncodeToString(h[:]))
}

func (a *fakeArchive) serveCDX(w http.ResponseWriter, target string) {
	rows := [][]string{{"urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"}}
	for _, c := range a.captures {
		if c.url == target {
			digest := digestOf(c.body)
			if a.dashDigests {
				digest = "-"
			}
			rows = append(rows, []string{"key", c.ts, c.url, c.ctype, "200", digest, fmt.Sprint(len(c.body))})
		}
	}
	if len(rows) == 1 {
		rows = nil // Wayback answers [] when it holds nothing
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(rows)
}

func (a *fakeArchive) serveTimeMap(w http.ResponseWriter, target string) {
	var b strings.Builder
	fmt.Fprintf(&b, "<%s>; rel=\"original\",\n<%s/timemap/link/%s>; rel=\"self\"; type=\"application/link-format\"", target, a.srv.URL, target)
	found := false
	for i, c := range a.captures {
		if c.url != target {
			continue
		}
		found = true
		t, _ := parseTimestamp(c.ts)
		rel := "memento"
		if i == 0 {
			rel = "first memento"
		}
		fmt.Fprintf(&b, ",\n<%s/web/%s/%s>; rel=\"%s\"; datetime=\"%s\"", a.srv.URL, c.ts, c.url, rel, t.Format(http.TimeFormat))
	}
	if !found {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "application/link-format")
	w.Write([]byte(b.String()))
}

func (a *fakeArchive) serveRaw(w http.ResponseWriter, uri string) {
	for _, c := range a.captures {
		if uri == "/web/"+c.ts+"id_/"+c.url {
			w.Header().Set("Content-Type", c.ctype)
			w.Write(c.body)
			return
		}
	}
	http.NotFound(w, nil)
}

const arsURL = "https://arstechnica.com/security/2015/04/16/just-released-minecraft-exploit/"

// arsCaptures are five captures of the Ars Technica page with edits of
// our own: 2 repeats 1 with other markup; 3 rewords a sentence; 4 is an
// image; 5 changes the headline and cuts a paragraph.
func arsCaptures(t testing.TB) []fakeCapture {
	base, err := os.ReadFile("testdata/ars-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	edit := func(b []byte, pairs ...string) []byte {
		for i := 0; i < len(pairs); i += 2 {
			if !bytes.Contains(b, []byte(pairs[i])) {
				t.Fatalf("edit: %q not in page", pairs[i])
			}
			b = bytes.ReplaceAll(b, []byte(pairs[i]), []byte(pairs[i+1]))
		}
		return b
	}
	v2 := edit(base, "</head>", "<!-- cached copy --></head>")
	v3 := edit(base, "Pakistan-based developer Ammar Askar wrote", "Pakistan-based developer Ammar Askar said")
	// The headline edited in its metadata and on the page (the <h1>,
	// which writes Minecraft in italics), as a site's editor does.
	v5 := edit(v3, "Just-released Minecraft exploit", "Minecraft exploit", "Just-released <i>Minecraft</i> exploit", "<i>Minecraft</i> exploit")
	v5 = cutParagraph(t, v5, "The vulnerability stems")
	return []fakeCapture{
		{"20150416100000", arsURL, "text/html", base},
		{"20150416110000", arsURL, "text/html; charset=utf-8", v2},
		{"20150416120000", arsURL, "text/html", v3},
		{"20150416130000", arsURL, "image/png", []byte("\x89PNG\r\n\x1a\n")},
		{"20150416140000", arsURL, "text/html", v5},
	}
}

// testOptions asks only the fake archive, caches in a fresh directory and
// waits milliseconds, not seconds, between retries.
func testOptions(t testing.TB, roots ...string) Options {
	return Options{
		Archives:          roots,
		CacheDir:          t.TempDir(),
		Version:           "test",
		RequestsPerSecond: 1000,
		RetryWaitMin:      time.Millisecond,
		RetryWaitMax:      5 * time.Millisecond,
		RequestTimeout:    10 * time.Second,
	}
}

// cutParagraph removes the <p> element that holds marker.
func cutParagraph(t testing.TB, b []byte, marker string) []byte {
	i := bytes.Index(b, []byte(marker))
	if i < 0 {
		t.Fatalf("cut: %q not in page", marker)
	}
	start := bytes.LastIndex(b[:i], []byte("<p"))
	end := bytes.Index(b[i:], []byte("</p>"))
	return append(append([]byte(nil), b[:start]...), b[i+end+4:]...)
}
