package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// widenHistory is an article of n versions of twelve paragraphs, each
// version editing one of them; window is its newest two versions, as a
// long history's first read delivers them.
func widenHistory(n int) (whole, window *model.Article) {
	paras := make([]string, 12)
	for i := range paras {
		paras[i] = fmt.Sprintf("Paragraph %d says the council met and the harbour waited.", i+1)
	}
	whole = &model.Article{Source: "plain text"}
	for v := 0; v < n; v++ {
		ps := append([]string(nil), paras...)
		j := v % len(ps)
		ps[j] = strings.Replace(ps[j], "met", fmt.Sprintf("met on day %d", v+1), 1)
		paras = ps
		whole.Versions = append(whole.Versions, model.Version{Number: v + 1, Paragraphs: ps})
	}
	window = &model.Article{Source: whole.Source, Versions: append([]model.Version(nil), whole.Versions[n-2:]...)}
	return whole, window
}

// TestWidenKeepsStepAndPlace opens the reader on the newest two versions,
// moves the cursor, pins, searches, then takes the whole history: the
// same step, the same paragraph on the same screen line, the pin and the
// search on the same versions, and the search and timeline cover every
// version.
func TestWidenKeepsStepAndPlace(t *testing.T) {
	whole, window := widenHistory(10)
	m := newTestModel(t, window, 80, 16)
	if !strings.Contains(m.View(), "Version 10 (2 of 2)") {
		t.Fatalf("window header:\n%s", m.View())
	}
	for range 5 {
		m = update(m, keyMsg("j"))
	}
	_, p := m.cursorParagraph()
	row := m.cursorRow()
	m = update(m, keyMsg("/"))
	for _, r := range "council" {
		m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	m = update(m, keyMsg("enter"))
	if m.search == nil || len(m.search.hits) != 24 {
		t.Fatalf("search over the window: %+v", m.search)
	}
	_, p = m.cursorParagraph()
	row = m.cursorRow()

	m = runCmd(m, m.widen(whole, 8))
	m = settle(m)
	if m.shown != 9 || m.base() != 8 {
		t.Errorf("shown %d base %d, want 9 and 8", m.shown, m.base())
	}
	if v, q := m.cursorParagraph(); v != 9 || q != p {
		t.Errorf("cursor on version %d ¶%d, want 9 ¶%d", v, q, p)
	}
	if r := m.cursorRow(); r != row {
		t.Errorf("cursor on screen line %d, want %d", r, row)
	}
	if !strings.Contains(m.View(), "Version 10 of 10") {
		t.Errorf("header after widening:\n%s", m.View())
	}
	if m.search == nil || len(m.search.hits) != 120 || m.search.cur < 0 || m.search.hits[m.search.cur].v != 9 {
		t.Errorf("search after widening: %+v", m.search)
	}
	if len(m.steps) != 10 || m.steps[1] < 0 {
		t.Errorf("timeline sizes %v", m.steps)
	}
	m = update(m, keyMsg("<"))
	if m.shown != 0 {
		t.Errorf("< went to index %d, want the first version", m.shown)
	}
}

// TestWidenMovesPinAndHistory widens while a base is pinned and a
// paragraph's history is open: both follow their versions.
func TestWidenMovesPinAndHistory(t *testing.T) {
	whole, window := widenHistory(6)
	m := newTestModel(t, window, 80, 20)
	m = update(m, keyMsg("h"))
	m = update(m, keyMsg("m")) // pin the older of the two
	m = update(m, keyMsg("l"))
	if m.pinned != 0 {
		t.Fatalf("pinned %d", m.pinned)
	}
	m = update(m, keyMsg("j"))
	m = update(m, keyMsg("enter"))
	if m.history == nil {
		t.Fatal("no history open")
	}
	m = runCmd(m, m.widen(whole, 4))
	m = settle(m)
	if m.pinned != 4 || m.shown != 5 {
		t.Errorf("pinned %d shown %d, want 4 and 5", m.pinned, m.shown)
	}
	if m.history == nil || m.history.v != 5 || len(m.history.steps) != 6 {
		t.Errorf("history after widening: %+v", m.history)
	}
}

// cursorRow is the screen line of the body the cursor block starts on.
func (m *Model) cursorRow() int { return m.doc.starts[m.cursor] - m.offset }

// A long history whose newest step is large opens while that step is
// still being compared; the whole history arriving then widens the
// reader to the same step. Before, the waiting comparison had no step
// recorded, and the reader widened to Version 1.
func TestWidenWhileTheFirstStepIsCompared(t *testing.T) {
	whole := &model.Article{Source: "plain text"}
	for v := range 3 {
		var ps []string
		for i := range 700 {
			ps = append(ps, fmt.Sprintf("Paragraph %d of version %d: %s", i, v+1, strings.Repeat("the harbour waited and the council met ", 25)))
		}
		whole.Versions = append(whole.Versions, model.Version{Number: v + 1, Paragraphs: ps})
	}
	window := &model.Article{Source: whole.Source, Versions: whole.Versions[1:]}
	next, _ := New(window, testOptions()).Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m := next.(Model) // the first step's comparison not made yet
	if m.busy[workMove] == nil {
		t.Fatal("the first step was compared at once: too small to test the wait")
	}
	m = runCmd(m, m.widen(whole, 1))
	m = settle(m)
	if m.shown != 2 || m.base() != 1 {
		t.Errorf("shown %d base %d, want 2 and 1", m.shown, m.base())
	}
}
