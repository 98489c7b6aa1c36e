package tui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestLoaderCountsItsUnit(t *testing.T) {
	for _, c := range []struct {
		p    Progress
		want string
	}{
		{Progress{Done: 2, Total: 5}, "reading 2 of 5 inputs"},
		{Progress{Done: 3, Total: 9, Unit: "captures"}, "reading 3 of 9 captures"},
	} {
		var m tea.Model = NewLoader(Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()}, nil, nil)
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 5})
		m, _ = m.Update(progressMsg(c.p))
		if v := m.View(); !strings.Contains(v, c.want) {
			t.Errorf("view %q, want %q", v, c.want)
		}
	}
}

// A step named (--to) that the whole article lacks ends the load with
// that error, as it does when the article is read before the screen
// opens; one it has opens the reader on it.
func TestLoaderResolvesTheStepOnTheWholeArticle(t *testing.T) {
	art := seedArticle(t)
	for _, c := range []struct {
		to   int
		fail bool
	}{{9, true}, {1, false}} {
		o := Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap(), Step: &StepNumbers{To: c.to, ToSet: true}}
		var m tea.Model = NewLoader(o, nil, nil)
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m, _ = m.Update(loadedMsg(Loaded{Article: art}))
		l, stayed := m.(Loader)
		switch {
		case c.fail && (!stayed || l.Err == nil || *l.Err == nil || !strings.Contains((*l.Err).Error(), "--to 9: no such version")):
			t.Errorf("--to 9: %T, not the loader ending with the error", m)
		case !c.fail:
			if r, ok := m.(Model); !ok || r.shown != 0 {
				t.Errorf("--to 1: %T, not the reader on version 1", m)
			}
		}
	}
}

// A reader that grows (a URL's captures coming in) stays on the newest
// version until a key moves it; once moved, it stays where it was put.
// A note that comes with the growth (a capture skipped) is said.
func TestGrowingReaderFollowsTheNewestUntilMoved(t *testing.T) {
	art := chainArticle(t)
	first := *art
	first.Versions = art.Versions[:2]
	m := newTestModel(t, &first, 80, 24)
	third := *art
	third.Versions = art.Versions[:3]
	third.Notes = []string{"capture 20150416130000 skipped: not HTML (image/png)"}
	m.grow(&third)
	if m.shown != 2 {
		t.Errorf("untouched: on version index %d, want the newest, 2", m.shown)
	}
	// A note that came with the growth is said, as those it opened with.
	if !strings.Contains(m.notice, "capture 20150416130000 skipped") {
		t.Errorf("notice %q", m.notice)
	}
	// The help, opened and closed, moves nothing: still followed.
	m = press(m, "?", "?")
	fourth := *art
	fourth.Versions = art.Versions[:4]
	m.grow(&fourth)
	if m.shown != 3 {
		t.Errorf("after the help: on version index %d, want the newest, 3", m.shown)
	}
	m = press(m, "h")
	fifth := *art
	fifth.Versions = append(slices.Clone(art.Versions), art.Versions[3])
	fifth.Versions[4].Number = 5
	m.grow(&fifth)
	if m.shown != 2 {
		t.Errorf("moved: on version index %d, want 2 still", m.shown)
	}
}
