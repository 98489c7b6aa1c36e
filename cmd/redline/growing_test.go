package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"redline/model/source/web"
	"redline/tui"
)

// heldArchive is storyArchive with a third capture whose page the server
// holds back until release is closed: the captures before it are in, the
// last is not.
func heldArchive(t *testing.T, release <-chan struct{}) *httptest.Server {
	t.Helper()
	third := []byte(strings.Replace(string(storyPage(t, true)), "Ammar Askar said", "Ammar Askar told reporters", 1))
	caps := map[string][]byte{"20150416100000": storyPage(t, false), "20150416120000": storyPage(t, true), "20150416140000": third}
	order := []string{"20150416100000", "20150416120000", "20150416140000"}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cdx/search/cdx" {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, `[["urlkey","timestamp","original","mimetype","statuscode","digest","length"]`)
			for i, ts := range order {
				fmt.Fprintf(w, `,["key","%s","%s","text/html","200","DIGEST%d","%d"]`, ts, storyURL, i, len(caps[ts]))
			}
			fmt.Fprint(w, "]")
			return
		}
		for _, ts := range order {
			if r.URL.RequestURI() == "/web/"+ts+"id_/"+storyURL {
				if ts == order[2] {
					select {
					case <-release:
					case <-r.Context().Done():
						return
					}
				}
				w.Header().Set("Content-Type", "text/html")
				w.Write(caps[ts])
				return
			}
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestURLOpensBeforeAllCapturesAreIn opens a URL as the reader does: the
// reader shows the first step while the last capture is still held back,
// says how far the load has come, and, not moved meanwhile, goes on to
// the last version when it arrives: it opens on the newest and stays
// there (it had stayed on Version 2 of 3).
func TestURLOpensBeforeAllCapturesAreIn(t *testing.T) {
	release := make(chan struct{})
	srv := heldArchive(t, release)
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	t.Setenv("REDLINE_CACHE_DIR", t.TempDir())
	o := options{args: []string{storyURL}, archives: []string{srv.URL}, from: -1, to: -1, view: "inline"}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ld := startLoad(ctx, o, nil, tui.NewFailure())
	loader := tui.NewLoader(readerOptions(o), ld.progress, ld.result).Growing(ld.partial)
	tm := teatest.NewTestModel(t, loader, teatest.WithInitialTermSize(100, 30))
	wait := screenWaiter(t, tm)
	wait("Version 2 of 2", "reading 2 of 3 captures")
	close(release)
	wait("Version 3 of 3")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestWARCOfSeveralArticlesOpensTheList drives the list a terminal gets
// for a WARC of several articles: both are listed, most captures first,
// and enter opens the chosen one in the reader.
func TestWARCOfSeveralArticlesOpensTheList(t *testing.T) {
	other := "https://example.com/other"
	caps := append(storyCaptures(t), warcCapture{other, time.Date(2015, 4, 17, 0, 0, 0, 0, time.UTC), storyPage(t, false)})
	path := writeWARC(t, caps)
	list, err := web.ListWARC(path)
	if err != nil {
		t.Fatal(err)
	}
	o := options{from: -1, to: -1, view: "inline"}
	root := tui.NewRoot(warcShelf{path: path, list: list}, "story.warc · WARC", readerOptions(o))
	tm := teatest.NewTestModel(t, root, teatest.WithInitialTermSize(100, 30))
	wait := screenWaiter(t, tm)
	wait("story.warc · WARC", "2 articles · 3 versions")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	wait("Version 2 of 2")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// screenWaiter reads tm's output until all of what has been drawn, for
// up to 10 s (a hang guard, not a timing).
func screenWaiter(t *testing.T, tm *teatest.TestModel) func(what ...string) {
	return func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
}
