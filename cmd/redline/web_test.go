package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

const storyURL = "https://example.com/story"

// storyPage is the Ars Technica test page of the web package, with one
// sentence reworded when edited.
func storyPage(t *testing.T, edited bool) []byte {
	t.Helper()
	b, err := os.ReadFile("../../model/source/web/testdata/ars-1/source.html")
	if err != nil {
		t.Fatal(err)
	}
	if edited {
		s := strings.Replace(string(b), "Pakistan-based developer Ammar Askar wrote",
			"Pakistan-based developer Ammar Askar said", 1)
		if s == string(b) {
			t.Fatal("the edit is not in the page")
		}
		b = []byte(s)
	}
	return b
}

// storyArchive is a Wayback-compatible server (its CDX API and raw
// captures) holding two captures of storyURL.
func storyArchive(t *testing.T) *httptest.Server {
	t.Helper()
	caps := map[string][]byte{"20150416100000": storyPage(t, false), "20150416120000": storyPage(t, true)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cdx/search/cdx" {
			w.Header().Set("Content-Type", "application/json")
			if r.URL.Query().Get("url") != storyURL {
				fmt.Fprint(w, "[]")
				return
			}
			fmt.Fprint(w, `[["urlkey","timestamp","original","mimetype","statuscode","digest","length"]`)
			for i, ts := range []string{"20150416100000", "20150416120000"} {
				fmt.Fprintf(w, `,["key","%s","%s","text/html","200","DIGEST%d","%d"]`, ts, storyURL, i, len(caps[ts]))
			}
			fmt.Fprint(w, "]")
			return
		}
		for ts, body := range caps {
			if r.URL.RequestURI() == "/web/"+ts+"id_/"+storyURL {
				w.Header().Set("Content-Type", "text/html")
				w.Write(body)
				return
			}
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// redlineEnv is redline run with extra environment variables (NAME=value),
// set for the rest of the test.
func redlineEnv(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	for _, e := range env {
		k, v, _ := strings.Cut(e, "=")
		t.Setenv(k, v)
	}
	return redline(t, "", args...)
}

func TestURLPrintsNewestStep(t *testing.T) {
	srv := storyArchive(t)
	cache := t.TempDir()
	out, errOut, code := redlineEnv(t, []string{"REDLINE_CACHE_DIR=" + cache},
		"--print", "--no-color", "--web-archive", srv.URL, storyURL)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "[-wrote-]{+said+}") {
		t.Errorf("the edit is not shown:\n%s", out)
	}
	if errOut != "" {
		t.Errorf("stderr is not a terminal, yet: %q", errOut)
	}
	// The second open reads the cache alone.
	srv.Close()
	out2, errOut, code := redlineEnv(t, []string{"REDLINE_CACHE_DIR=" + cache},
		"--print", "--no-color", "--offline", "--web-archive", srv.URL, storyURL)
	if code != 0 || out2 != out {
		t.Errorf("offline reopen: exit %d, %s; same output %v", code, errOut, out2 == out)
	}
}

func TestURLBadOutcomesAreOneLine(t *testing.T) {
	srv := storyArchive(t)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"offline with nothing cached", []string{"--offline", storyURL}, "offline and nothing cached"},
		{"not http", []string{"ftp://example.com/story"}, "not an http(s) URL"},
		{"no captures", []string{"--web-archive", srv.URL, "https://example.com/other"}, "no captures"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := redlineEnv(t, []string{"REDLINE_CACHE_DIR=" + t.TempDir()},
				append([]string{"--print"}, c.args...)...)
			if code != 2 || out != "" || !strings.HasPrefix(errOut, "redline: ") ||
				strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want one line with %q", code, out, errOut, c.want)
			}
		})
	}
}

func TestURLLoadStopsWhenCancelled(t *testing.T) {
	srv := storyArchive(t)
	t.Setenv("REDLINE_CACHE_DIR", t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as the loader does when the reader quits
	o := options{args: []string{storyURL}, archives: []string{srv.URL}, view: "inline"}
	art, err := load(ctx, o, nil, nil)
	if !errors.Is(err, context.Canceled) || art != nil {
		t.Errorf("load after cancel: %v, %v", art, err)
	}
}

func TestArticleNeedsAnArchiveOrWARC(t *testing.T) {
	_, errOut, code := redline(t, "", "--article", "7", seedFile)
	if code != 2 || !strings.Contains(errOut, "--article picks an article from a SQLite archive or a WARC file") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// While the lists of captures are asked for, the progress line says so
// (a slow archive had left minutes of silence), then counts the captures,
// then goes.
func TestProgressLineAsksFirst(t *testing.T) {
	var b bytes.Buffer
	p := stderrProgress(&b)
	p(0, 0)
	p(1, 5)
	p(-1, 0)
	if got, want := b.String(), "\rredline: asking the archives for the captures…\r\x1b[Kredline: 1 of 5 captures\r\x1b[K"; got != want {
		t.Errorf("progress %q, want %q", got, want)
	}
}
