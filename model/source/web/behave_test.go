package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"redline/model"
)

func TestCancelKeepsWhatWasFetched(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o := testOptions(t, arch.srv.URL)
	var seen []int
	o.OnArticle = func(a model.Article) {
		seen = append(seen, len(a.Versions))
		cancel() // the reader closes after the first version arrives
	}
	a, err := Open(ctx, arsURL, o)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if len(a.Versions) != 1 || len(seen) != 1 || seen[0] != 1 {
		t.Fatalf("partial article has %d versions; callbacks %v", len(a.Versions), seen)
	}
	if n := arch.count("raw"); n != 1 {
		t.Errorf("%d captures fetched after cancelling, want 1", n)
	}
}

func TestProgressCountsEveryCapture(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	o := testOptions(t, arch.srv.URL)
	var got [][2]int
	o.Progress = func(done, total int) { got = append(got, [2]int{done, total}) }
	if _, err := Open(context.Background(), arsURL, o); err != nil {
		t.Fatal(err)
	}
	// 0 of 0 first: the lists are asked for.
	if len(got) != 6 || got[0] != [2]int{0, 0} {
		t.Fatalf("progress %v", got)
	}
	for i, g := range got[1:] {
		if g != [2]int{i + 1, 5} {
			t.Fatalf("progress %v", got)
		}
	}
}

func TestCacheSurvivesInterruptedWrite(t *testing.T) {
	arch := newFakeArchive(t, arsCaptures(t))
	o := testOptions(t, arch.srv.URL)
	c, _ := openCache(o.CacheDir, 0)
	// A write cut off midway: half a capture under a temporary name, old
	// enough to be a leftover, where the first capture's entry would be.
	cp := capture{Archive: arch.srv.URL, Digest: digestOf(arch.captures[0].body)}
	entry := c.path("captures", cp.Archive+"\x00"+cp.Digest)
	os.MkdirAll(filepath.Dir(entry), 0o755)
	tmp := filepath.Join(filepath.Dir(entry), tmpPrefix+"123")
	os.WriteFile(tmp, encodeCapture("text/html", arch.captures[0].body[:1000]), 0o644)
	old := time.Now().Add(-2 * staleTmp)
	os.Chtimes(tmp, old, old)

	a, err := Open(context.Background(), arsURL, o)
	if err != nil {
		t.Fatal(err)
	}
	checkArs(t, a)
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("leftover temporary file not swept: %v", err)
	}
	if _, err := os.Stat(entry); err != nil {
		t.Errorf("entry not written whole: %v", err)
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	c, _ := openCache(t.TempDir(), 1000)
	for _, k := range []string{"a", "b", "c"} {
		c.put("captures", k, make([]byte, 400))
		past := time.Now().Add(-time.Duration(len(k)) * time.Minute)
		os.Chtimes(c.path("captures", k), past, past)
	}
	c.get("captures", "a") // a use: a is now the most recent
	c.sweep()
	_, a := c.get("captures", "a")
	_, b := c.get("captures", "b")
	_, cc := c.get("captures", "c")
	if !a || b || !cc {
		// a was used last; b and c were last touched at the same minute,
		// so the file system's order decides: at least one must go.
		if !a || (b && cc) {
			t.Errorf("after sweep: a %v b %v c %v", a, b, cc)
		}
	}
}

func TestPacerGatesEveryAttempt(t *testing.T) {
	hits := map[string]int{}
	srv := func() *httptest.Server {
		s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hits[r.Host]++
			if r.URL.Path == "/busy" && hits[r.Host] == 1 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(429)
				return
			}
			w.Write([]byte("ok"))
		}))
		t.Cleanup(s.Close)
		return s
	}
	s1, s2 := srv(), srv()
	o := testOptions(t).withDefaults()
	o.RequestsPerSecond = 0.001 // one request per host, then a long wait
	o.RetryWaitMin, o.RetryWaitMax = time.Millisecond, time.Millisecond
	f := newFetcher(&o)
	if _, _, err := f.get(context.Background(), s1.URL+"/a"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.get(context.Background(), s2.URL+"/a"); err != nil {
		t.Fatal(err) // another host has its own bucket
	}
	// The first host's bucket is empty: a second request waits, so a
	// context that ends first stops it before it reaches the server.
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, _, err := f.get(ctx, s1.URL+"/b"); err == nil {
		t.Fatal("a second request went through an empty bucket")
	}
	if len(hits) != 2 || hits[s1.Listener.Addr().String()] != 1 || hits[s2.Listener.Addr().String()] != 1 {
		t.Errorf("server hits %v", hits)
	}
	if f.pace.waits[s1.Listener.Addr().String()] != 2 {
		t.Errorf("pacer waits %v", f.pace.waits)
	}
}
