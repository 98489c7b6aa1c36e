package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"redline/model"
)

func wantProblem(t *testing.T, err error, p Problem) {
	t.Helper()
	if !errors.Is(err, &Error{Problem: p}) {
		t.Fatalf("err = %v, want problem %q", err, p)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error spans lines: %q", err)
	}
}

// checkArs asserts the article the five Ars captures make: three versions
// (the repeat and the image dropped), capture times, the edits.
func checkArs(t *testing.T, a model.Article) {
	t.Helper()
	if len(a.Versions) != 3 {
		for _, v := range a.Versions {
			t.Logf("version %d %s %q", v.Number, v.Label, v.Headline)
		}
		t.Fatalf("got %d versions, want 3; notes %q", len(a.Versions), a.Notes)
	}
	labels := []string{"20150416100000", "20150416120000", "20150416140000"}
	times := []string{"2015-04-16T10:00:00Z", "2015-04-16T12:00:00Z", "2015-04-16T14:00:00Z"}
	for i, v := range a.Versions {
		if v.Number != i+1 || v.Label != labels[i] || v.Time != times[i] || v.Author != "Dan Goodin" {
			t.Errorf("version %d: number %d label %q time %q author %q", i, v.Number, v.Label, v.Time, v.Author)
		}
	}
	v1, v2, v3 := a.Versions[0], a.Versions[1], a.Versions[2]
	if !strings.Contains(strings.Join(v1.Paragraphs, "\n"), "Ammar Askar wrote") ||
		!strings.Contains(strings.Join(v2.Paragraphs, "\n"), "Ammar Askar said") {
		t.Errorf("the rewording is not between versions 1 and 2")
	}
	if v2.Headline != "Just-released Minecraft exploit makes it easy to crash game servers" ||
		v3.Headline != "Minecraft exploit makes it easy to crash game servers" || a.Title != v3.Headline {
		t.Errorf("headlines %q → %q, title %q", v2.Headline, v3.Headline, a.Title)
	}
	if len(v3.Paragraphs) != len(v2.Paragraphs)-1 {
		t.Errorf("version 3 has %d paragraphs, version 2 %d: want one cut", len(v3.Paragraphs), len(v2.Paragraphs))
	}
	for _, p := range v1.Paragraphs {
		if strings.Contains(p, "Subscribe") || strings.Contains(p, "Log in") {
			t.Errorf("boilerplate in body: %q", p)
		}
	}
	if len(a.Notes) != 1 || !strings.Contains(a.Notes[0], "20150416130000") || !strings.Contains(a.Notes[0], "not HTML") {
		t.Errorf("notes %q, want the image capture named", a.Notes)
	}
	if a.URL != arsURL || a.Source != "arstechnica.com" {
		t.Errorf("url %q source %q", a.URL, a.Source)
	}
}

func TestOpenFromCDX(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	a, err := Open(context.Background(), arsURL, testOptions(t, arch.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	checkArs(t, a)
	if !arch.agents["redline/test (reads the versions of an article)"] || len(arch.agents) != 1 {
		t.Errorf("user agents %v", arch.agents)
	}
}

func TestOpenFromTimeMap(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	a, err := Open(context.Background(), arsURL, testOptions(t, arch.srv.URL+"/timemap/link/"))
	if err != nil {
		t.Fatal(err)
	}
	checkArs(t, a)
	if arch.count("cdx") != 0 || arch.count("timemap") != 1 {
		t.Errorf("hits %v", arch.hits)
	}
}

func TestReopenOfflineFromCache(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	o := testOptions(t, arch.srv.URL)
	if _, err := Open(context.Background(), arsURL, o); err != nil {
		t.Fatal(err)
	}
	arch.srv.Close()
	o.Retries = -1
	for _, offline := range []bool{true, false} {
		o.Offline = offline
		a, err := Open(context.Background(), arsURL, o)
		if err != nil {
			t.Fatalf("offline=%v: %v", offline, err)
		}
		checkArs(t, a)
	}
	// Refresh with the archive gone still serves the cached list, and says so.
	o.Offline, o.Refresh = false, true
	a, err := Open(context.Background(), arsURL, o)
	if err != nil || len(a.Versions) != 3 || !strings.Contains(strings.Join(a.Notes, " "), "cached before") {
		t.Fatalf("refresh without network: %v, %d versions, notes %q", err, len(a.Versions), a.Notes)
	}
}

func TestOfflineWithEmptyCache(t *testing.T) {
	o := testOptions(t, "http://127.0.0.1:1")
	o.Offline = true
	_, err := Open(context.Background(), arsURL, o)
	wantProblem(t, err, OfflineEmpty)
}

func TestNoNetworkNothingCached(t *testing.T) {
	arch := newFakeArchive(t, nil)
	arch.srv.Close()
	o := testOptions(t, arch.srv.URL)
	o.Retries = -1
	_, err := Open(context.Background(), arsURL, o)
	wantProblem(t, err, NoNetwork)
}

func TestNoCaptures(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	for _, root := range []string{arch.srv.URL, arch.srv.URL + "/timemap/link/"} {
		_, err := Open(context.Background(), "https://example.com/nothing", testOptions(t, root))
		wantProblem(t, err, NoCaptures)
	}
	// Captures exist, but none is an article.
	img := newFakeArchive(t, []fakeCapture{{"20200101000000", arsURL, "image/png", []byte("\x89PNG")}})
	a, err := Open(context.Background(), arsURL, testOptions(t, img.srv.URL))
	wantProblem(t, err, NoCaptures)
	if len(a.Notes) != 1 {
		t.Errorf("notes %q", a.Notes)
	}
}

func TestNotHTTP(t *testing.T) {
	for _, u := range []string{"", "ftp://example.com/a", "example.com/a", "/tmp/a.html", "http://", "mailto:a@b"} {
		_, err := Open(context.Background(), u, testOptions(t, "http://127.0.0.1:1"))
		wantProblem(t, err, NotHTTP)
	}
}

func TestArchiveRefuses(t *testing.T) {
	for _, tc := range []struct {
		name      string
		code      int
		after     string
		wantTries int
	}{
		{"forbidden", 403, "", 1},
		{"too many requests after every retry", 429, "0", 3},
		{"asks for a longer wait than allowed", 429, "600", 1},
		{"server error after every retry", 503, "", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arch := newFakeArchive(t, arsCaptures(t))
			arch.answer = func(string, int) (int, string) { return tc.code, tc.after }
			o := testOptions(t, arch.srv.URL)
			o.Retries = 2
			_, err := Open(context.Background(), arsURL, o)
			wantProblem(t, err, Refused)
			if n := arch.count("cdx"); n != tc.wantTries {
				t.Errorf("%d requests, want %d", n, tc.wantTries)
			}
		})
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	arch.answer = func(kind string, n int) (int, string) {
		if kind == "raw" && n == 1 {
			return 429, "1"
		}
		return 0, ""
	}
	var waits []string
	o := testOptions(t, arch.srv.URL)
	o.Progress = func(done, total int) {}
	a, err := Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	checkArs(t, a)
	if n := arch.count("raw"); n != 6 { // 5 captures, the first asked twice
		t.Errorf("%d raw requests, want 6", n)
	}
	_ = waits
}

// noDNS is a transport on a machine with no network: every host name
// fails to resolve, as Go's resolver reports it.
type noDNS struct{ tries *int }

func (n noDNS) RoundTrip(r *http.Request) (*http.Response, error) {
	*n.tries++
	return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: r.URL.Hostname(), IsNotFound: true}}
}

// A host that cannot be looked up is not asked again (offline, the
// retries' waits had taken 15 s), and the message says it in words.
func TestNoSuchHostIsOneTryInWords(t *testing.T) {
	tries := 0
	o := testOptions(t, "https://archive.example/wayback")
	o.Retries = 4
	o.Transport = noDNS{&tries}
	_, err := Open(context.Background(), arsURL, o)
	wantProblem(t, err, NoNetwork)
	if tries != 1 {
		t.Errorf("%d tries, want 1", tries)
	}
	if msg := err.Error(); !strings.Contains(msg, "archive.example could not be looked up (is the network up?)") || strings.Contains(msg, "dial tcp") {
		t.Errorf("message %q", msg)
	}
}

// A capture the archive fails to send (the connection closed) is skipped
// with a note, in words; the others read, and are cached. Offline, a
// capture never cached (as a 404 never is) is skipped the same way.
// Either had thrown the whole article away as "no network".
func TestACaptureLostIsSkipped(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	arch.drop = func(uri string) bool { return strings.Contains(uri, "20150416120000") }
	o := testOptions(t, arch.srv.URL)
	o.Retries = 1
	a, err := Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(a.Notes, "\n")
	if len(a.Versions) != 2 || !strings.Contains(notes, "capture 20150416120000 skipped: 127.0.0.1") ||
		!strings.Contains(notes, "closed the connection") {
		t.Errorf("%d versions, notes %q", len(a.Versions), a.Notes)
	}
	o.Offline = true
	a, err = Open(context.Background(), arsURL, o)
	if err != nil || len(a.Versions) != 2 || !strings.Contains(strings.Join(a.Notes, "\n"), "capture 20150416120000 skipped: not in the cache (offline)") {
		t.Errorf("offline: %v, %d versions, notes %q", err, len(a.Versions), a.Notes)
	}
}

// An archive that answers with something else than a list of captures
// (an HTML page where CDX rows were asked for) was reached: it is no
// network failure. A refusal names the server, not the 200 characters
// of its CDX query.
func TestAnAnswerThatIsNotAListIsSaidSo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/no") {
			http.Error(w, "no", http.StatusForbidden)
			return
		}
		w.Write([]byte("<html><body>Welcome</body></html>"))
	}))
	t.Cleanup(srv.Close)
	o := testOptions(t, srv.URL)
	o.Retries = -1
	_, err := Open(context.Background(), arsURL, o)
	wantProblem(t, err, BadAnswer)
	_, err = Open(context.Background(), arsURL, testOptions(t, srv.URL+"/no"))
	wantProblem(t, err, Refused)
	if msg := err.Error(); strings.Contains(msg, "cdx?") || !strings.Contains(msg, "HTTP 403 from 127.0.0.1") {
		t.Errorf("refusal says %q", msg)
	}
}

// An archive named with a trailing slash is the archive named without
// one: what the one run cached, the other reads offline. A refused
// connection is not asked again through the retries' waits.
func TestArchiveRootsAreOneWithOrWithoutTheirSlash(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	o := testOptions(t, arch.srv.URL+"/")
	if _, err := Open(context.Background(), arsURL, o); err != nil {
		t.Fatal(err)
	}
	o.Archives, o.Offline = []string{arch.srv.URL}, true
	if a, err := Open(context.Background(), arsURL, o); err != nil || len(a.Versions) != 3 {
		t.Errorf("offline without the slash: %v", err)
	}
	tries := 0
	o = testOptions(t, "http://127.0.0.1:1")
	o.Retries = 3
	o.Transport = refused{&tries}
	_, err := Open(context.Background(), arsURL, o)
	wantProblem(t, err, NoNetwork)
	if tries != 1 || !strings.Contains(err.Error(), "refused the connection") {
		t.Errorf("%d tries, %v", tries, err)
	}
}

// refused is a transport to a host where nothing listens.
type refused struct{ tries *int }

func (r refused) RoundTrip(req *http.Request) (*http.Response, error) {
	*r.tries++
	return nil, &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
}

// A capture whose request times out is asked once, not once a retry,
// and skipped with a note; the others read. The list of captures, which
// everything waits on, is asked again after a timeout.
func TestATimedOutCaptureIsAskedOnce(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	tr := &stalls{base: http.DefaultTransport, match: []string{"20150416120000", "/cdx/"}, times: map[string]int{}}
	o := testOptions(t, arch.srv.URL)
	o.Retries = 3
	o.Transport = tr
	a, err := Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	if tr.times["20150416120000"] != 1 || tr.times["/cdx/"] != 2 || len(a.Versions) != 2 ||
		!strings.Contains(strings.Join(a.Notes, "\n"), "did not answer in time") {
		t.Errorf("asked %v, %d versions, notes %q", tr.times, len(a.Versions), a.Notes)
	}
}

// stalls is a transport whose first request for an address holding one
// of match times out (every one, for a capture), as a stalled server's
// would; other requests go to base.
type stalls struct {
	base  http.RoundTripper
	match []string
	mu    sync.Mutex
	times map[string]int
}

func (s *stalls) RoundTrip(r *http.Request) (*http.Response, error) {
	for _, m := range s.match {
		if strings.Contains(r.URL.String(), m) {
			s.mu.Lock()
			s.times[m]++
			n := s.times[m]
			s.mu.Unlock()
			if m != "/cdx/" || n == 1 {
				return nil, &net.OpError{Op: "read", Net: "tcp", Err: timedOut{}}
			}
		}
	}
	return s.base.RoundTrip(r)
}

// timedOut is a network error that says it timed out.
type timedOut struct{}

func (timedOut) Error() string   { return "i/o timeout" }
func (timedOut) Timeout() bool   { return true }
func (timedOut) Temporary() bool { return true }

// Offline, with the list cached but none of the captures, the reason is
// that: not "none of its captures holds an article", which no one read.
func TestOfflineWithTheListOnly(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	arch.drop = func(string) bool { return true } // no capture comes, the list does
	o := testOptions(t, arch.srv.URL)
	o.Retries = -1
	Open(context.Background(), arsURL, o)
	o.Offline = true
	_, err := Open(context.Background(), arsURL, o)
	wantProblem(t, err, OfflineEmpty)
}

// An archive that answers a capture with another one (a redirect to the
// nearest time it holds) does not date that one's text at the time
// asked: the capture is skipped with a note, and its cache entry is not
// the other's. Before, version 12:00 showed the edit first made at 14:00.
func TestRedirectToAnotherCaptureIsNoVersion(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	arch.redirect = func(uri string) string {
		if strings.HasPrefix(uri, "/web/20150416120000id_/") {
			return arch.srv.URL + "/web/20150416140000id_/" + arsURL
		}
		return ""
	}
	o := testOptions(t, arch.srv.URL)
	a, err := Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, v := range a.Versions {
		labels = append(labels, v.Label)
	}
	if !reflect.DeepEqual(labels, []string{"20150416100000", "20150416140000"}) ||
		!slices.ContainsFunc(a.Notes, func(n string) bool {
			return strings.Contains(n, "capture 20150416120000 skipped: the archive sent the capture of 20150416140000 instead")
		}) {
		t.Errorf("versions %q, notes %q", labels, a.Notes)
	}
	// Once the archive answers right, the capture reads as itself.
	arch.redirect = nil
	a, err = Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	checkArs(t, a)
}

// A CDX list whose digests are "-" (its empty field) keeps each capture
// apart: as a cache key, "-" had made one capture's text stand in for
// every other's, of any article.
func TestDashDigestsAreNoKey(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	arch.dashDigests = true
	a, err := Open(context.Background(), arsURL, testOptions(t, arch.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	checkArs(t, a)
}

// One capture the archive refuses (403, 429, 5xx after its retries) is
// skipped with a note and the others read: it had thrown away every
// capture read, and --print printed nothing. An archive that refuses
// three in a row is asked no more; refusing them all is Refused.
func TestOneCaptureRefusedKeepsTheRest(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	arch.answer = func(kind string, n int) (int, string) {
		if kind == "raw" && n == 2 {
			return http.StatusServiceUnavailable, ""
		}
		return 0, ""
	}
	o := testOptions(t, arch.srv.URL)
	o.Retries = -1
	a, err := Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Versions) != 3 || !slices.ContainsFunc(a.Notes, func(n string) bool {
		return strings.Contains(n, "capture 20150416110000 skipped: the archive refused it (HTTP 503")
	}) {
		t.Errorf("%d versions, notes %q", len(a.Versions), a.Notes)
	}
	arch.answer = func(kind string, n int) (int, string) {
		if kind == "raw" {
			return http.StatusTooManyRequests, ""
		}
		return 0, ""
	}
	o.CacheDir = t.TempDir()
	before := arch.count("raw")
	_, err = Open(context.Background(), arsURL, o)
	wantProblem(t, err, Refused)
	if n := arch.count("raw") - before; n != refusedInARow {
		t.Errorf("%d captures asked for, want %d", n, refusedInARow)
	}
}

// Gzip bytes an archive serves as they were stored, without the
// Content-Encoding that says so, read as the page they hold: they had
// read as a version of binary garbage.
func TestGzippedCaptureWithoutItsHeader(t *testing.T) {
	caps := arsCaptures(t)
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(caps[2].body)
	zw.Close()
	caps[2].body = z.Bytes()
	arch := newFakeArchive(t, caps)
	a, err := Open(context.Background(), arsURL, testOptions(t, arch.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	checkArs(t, a)
}

// A page that says UTF-8 and holds Latin-1 (an old site's text under a
// new header) reads as Windows-1252, with a note: it had read as
// hundreds of false edits ("[-députés-]{+d�put�s+}") and said nothing.
func TestLatin1PageThatSaysUTF8(t *testing.T) {
	page, err := os.ReadFile("testdata/lemonde-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	// The page as Windows-1252 holds it (its few characters beyond, as
	// "?"), and the same in UTF-8.
	latin1, err := encoding.ReplaceUnsupported(charmap.Windows1252.NewEncoder()).Bytes(page)
	if err != nil {
		t.Fatal(err)
	}
	if page, err = charmap.Windows1252.NewDecoder().Bytes(latin1); err != nil {
		t.Fatal(err)
	}
	const u = "https://www.lemonde.fr/test/article"
	arch := newFakeArchive(t, []fakeCapture{
		{"20200101100000", u, "text/html; charset=utf-8", page},
		{"20200101110000", u, "text/html; charset=utf-8", latin1},
	})
	a, err := Open(context.Background(), u, testOptions(t, arch.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Versions) != 1 || !slices.ContainsFunc(a.Notes, func(n string) bool {
		return strings.Contains(n, "capture 20200101110000: its page says UTF-8 and holds none: read as Windows-1252")
	}) {
		t.Errorf("%d versions (want 1: the Latin-1 copy reads as the first), notes %q", len(a.Versions), a.Notes)
	}
}

// A capture whose byline alone changed is a version: it had been dropped
// as the same text, and the new byline first appeared with a later edit.
func TestBylineChangeIsAVersion(t *testing.T) {
	caps := arsCaptures(t)
	caps = append(caps, fakeCapture{"20150416150000", arsURL, "text/html", bytes.ReplaceAll(caps[4].body, []byte("Dan Goodin"), []byte("Sean Gallagher"))})
	arch := newFakeArchive(t, caps)
	a, err := Open(context.Background(), arsURL, testOptions(t, arch.srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	n := len(a.Versions)
	if n != 4 || a.Versions[n-1].Author != "Sean Gallagher" || a.Versions[n-2].Author != "Dan Goodin" {
		t.Errorf("%d versions, the last two by %q, %q", n, a.Versions[n-2].Author, a.Versions[n-1].Author)
	}
}

// A cached list of captures serves for ListMaxAge; after that the
// archive is asked again, and a capture made since is read. It had been
// reused until --refresh, with no word: reading an article again the next
// day missed its new versions.
func TestCachedListGoesStale(t *testing.T) {
	caps := arsCaptures(t)
	arch, o, now := openOnClock(t, caps[:3])
	arch.setCaptures(caps) // the archive has captured the page since
	*now = now.Add(30 * time.Minute)
	a, err := Open(context.Background(), arsURL, o)
	if err != nil || arch.count("cdx") != 1 || len(a.Versions) != 2 {
		t.Fatalf("within the hour: %v, %d lists asked for, %d versions", err, arch.count("cdx"), len(a.Versions))
	}
	*now = now.Add(time.Hour)
	a, err = Open(context.Background(), arsURL, o)
	if err != nil || arch.count("cdx") != 2 || len(a.Versions) != 3 {
		t.Fatalf("after: %v, %d lists asked for, %d versions", err, arch.count("cdx"), len(a.Versions))
	}
	// Offline, the stale list still serves.
	o.Offline = true
	*now = now.Add(24 * time.Hour)
	if a, err = Open(context.Background(), arsURL, o); err != nil || len(a.Versions) != 3 {
		t.Fatalf("offline: %v, %d versions", err, len(a.Versions))
	}
}

// An archive that refuses capture after capture is asked no more, and
// the other archives still are: the count had run over every archive's
// captures, and stopped them all.
func TestRefusingArchiveLeavesTheOthers(t *testing.T) {
	var early []fakeCapture
	for i, c := range arsCaptures(t)[:4] {
		c.ts = fmt.Sprintf("201504160%d0000", i+5) // 05:00 … 08:00, before the other archive's
		early = append(early, c)
	}
	refusing := newFakeArchive(t, early)
	refusing.answer = func(kind string, n int) (int, string) {
		if kind == "raw" {
			return http.StatusTooManyRequests, ""
		}
		return 0, ""
	}
	good := newFakeArchive(t, arsCaptures(t))
	o := testOptions(t, refusing.srv.URL, good.srv.URL)
	o.Retries = -1
	a, err := Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Versions) != 3 || a.Versions[2].Label != "20150416140000" {
		t.Errorf("%d versions, notes %q", len(a.Versions), a.Notes)
	}
	if n := refusing.count("raw"); n != refusedInARow {
		t.Errorf("the refusing archive was asked for %d captures, want %d", n, refusedInARow)
	}
}

// A stale list asked again of an archive that now lists nothing (a
// passing 404) keeps the captures listed before, with a note: the empty
// answer had replaced the list in the cache.
func TestEmptyListDoesNotWipeTheCachedOne(t *testing.T) {
	arch, o, now := openOnClock(t, arsCaptures(t))
	arch.setCaptures(nil)
	*now = now.Add(2 * time.Hour)
	a, err := Open(context.Background(), arsURL, o)
	if err != nil || len(a.Versions) != 3 || !slices.ContainsFunc(a.Notes, func(n string) bool {
		return strings.Contains(n, "lists no captures now; using the list cached before")
	}) {
		t.Fatalf("%v, %d versions, notes %q", err, len(a.Versions), a.Notes)
	}
}

// openOnClock opens arsURL once from a fake archive of caps, on a clock
// of its own: the archive, the options and the clock to move.
func openOnClock(t *testing.T, caps []fakeCapture) (*fakeArchive, Options, *time.Time) {
	t.Helper()
	arch := newFakeArchive(t, caps)
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	o := testOptions(t, arch.srv.URL)
	o.Now = func() time.Time { return now }
	if _, err := Open(context.Background(), arsURL, o); err != nil {
		t.Fatal(err)
	}
	return arch, o, &now
}

// setCaptures changes what the archive holds.
func (a *fakeArchive) setCaptures(caps []fakeCapture) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.captures = caps
}
