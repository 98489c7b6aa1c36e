package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"redline/model"
)

// fiftyCaptures makes 50 captures of the Ars page, each with one word of
// its own, so every one is a new version.
func fiftyCaptures(b testing.TB) []fakeCapture {
	base := arsCaptures(b)[0].body
	var caps []fakeCapture
	for i := 0; i < 50; i++ {
		body := bytes.Replace(base, []byte("Ammar Askar wrote"), []byte(fmt.Sprintf("Ammar Askar wrote (%d)", i)), 1)
		caps = append(caps, fakeCapture{fmt.Sprintf("201504161%05d", i), arsURL, "text/html", body})
	}
	return caps
}

// BenchmarkOpen50 fetches and extracts 50 captures from a local archive
// into an empty cache (budget: 3 s on 2 cores).
func BenchmarkOpen50(b *testing.B) {
	arch := newFakeArchive(b, fiftyCaptures(b))
	for i := 0; i < b.N; i++ {
		o := testOptions(b, arch.srv.URL)
		a, err := Open(context.Background(), arsURL, o)
		if err != nil || len(a.Versions) != 50 {
			b.Fatalf("%v, %d versions", err, len(a.Versions))
		}
	}
}

// BenchmarkReopen50 opens the same 50 captures from the cache, offline.
func BenchmarkReopen50(b *testing.B) {
	arch := newFakeArchive(b, fiftyCaptures(b))
	o := testOptions(b, arch.srv.URL)
	if _, err := Open(context.Background(), arsURL, o); err != nil {
		b.Fatal(err)
	}
	o.Offline = true
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a, err := Open(context.Background(), arsURL, o)
		if err != nil || len(a.Versions) != 50 {
			b.Fatalf("%v, %d versions", err, len(a.Versions))
		}
	}
}

// BenchmarkReopenFirstTwo is what the reader waits for when it reopens
// the 50 captures from the cache: the first two versions, after which it
// opens and the rest join as they arrive.
func BenchmarkReopenFirstTwo(b *testing.B) {
	arch := newFakeArchive(b, fiftyCaptures(b))
	o := testOptions(b, arch.srv.URL)
	if _, err := Open(context.Background(), arsURL, o); err != nil {
		b.Fatal(err)
	}
	o.Offline = true
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		o.OnArticle = func(a model.Article) {
			if len(a.Versions) == 2 {
				cancel()
			}
		}
		if _, err := Open(ctx, arsURL, o); !errors.Is(err, context.Canceled) {
			b.Fatalf("%v", err)
		}
	}
}

// TestLargeWARCMemory writes a large WARC with gowarc and lists it in a
// child process that reports its peak RSS (VmHWM). It runs only when
// REDLINE_WARC_MB names the size in MiB, e.g. REDLINE_WARC_MB=1024; it
// prints the figure and fails above 200 MiB.
func TestLargeWARCMemory(t *testing.T) {
	if path := os.Getenv("REDLINE_WARC_CHILD"); path != "" {
		start := time.Now()
		list, err := ListWARC(path)
		if err != nil {
			t.Fatal(err)
		}
		st, _ := os.ReadFile("/proc/self/status")
		for _, line := range strings.Split(string(st), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				fmt.Printf("PEAK %s urls=%d in %v\n", strings.Join(strings.Fields(line)[1:], " "), len(list), time.Since(start).Round(time.Millisecond))
			}
		}
		return
	}
	mb, _ := strconv.Atoi(os.Getenv("REDLINE_WARC_MB"))
	if mb <= 0 {
		t.Skip("set REDLINE_WARC_MB to measure")
	}
	base := arsCaptures(t)[0].body
	var caps []warcCapture
	day, _ := parseTimestamp("20150416")
	for n := 0; n*len(base) < mb<<20; n++ {
		caps = append(caps, warcCapture{url: fmt.Sprintf("%s?p=%d", arsURL, n%500), ctype: "text/html", date: day.Add(time.Duration(n) * time.Second), body: base})
	}
	path := writeWARC(t, t.TempDir(), false, caps)
	caps = nil
	info, _ := os.Stat(path)
	cmd := exec.Command(os.Args[0], "-test.run=^TestLargeWARCMemory$")
	cmd.Env = append(os.Environ(), "REDLINE_WARC_CHILD="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	t.Logf("WARC of %d MiB: %s", info.Size()>>20, out)
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "PEAK" {
			if kb, _ := strconv.Atoi(f[1]); kb > 200<<10 {
				t.Errorf("peak RSS %d KiB > 200 MiB", kb)
			}
		}
	}
}
