package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// runPicker runs a command and what it asks for next to the end, feeding
// the messages back, as the program would.
func runPicker(p Picker, cmd tea.Cmd) Picker {
	for i := 0; cmd != nil && i < 1000; i++ {
		msg := cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				p = runPicker(p, c)
			}
			return p
		}
		p, cmd = feed(p, msg)
	}
	return p
}

// TestPickerCountsSubstantiveEdits checks the edits column: once the
// list is read, every article's steps are compared beside the event
// loop, each row shows its count of substantive edits, and s sorts the
// list by it, most first, keeping the cursor on its article.
func TestPickerCountsSubstantiveEdits(t *testing.T) {
	a := openFixture(t)
	p := NewPicker(a, PickerOptions{Title: "fixture", Styles: DefaultStyles(false), Keys: DefaultPickerKeyMap()})
	p, _ = feed(p, tea.WindowSizeMsg{Width: 100, Height: 40})
	p = runPicker(p, p.Init())
	if !p.progress.Done || len(p.edits) != p.catalog.Len() {
		t.Fatalf("scan done %v, %d of %d articles counted", p.progress.Done, len(p.edits), p.catalog.Len())
	}
	// The fixture's versions differ by a figure in a paragraph and the
	// headline's "take N": every step is substantive.
	if n := p.edits["100"]; n < 6 {
		t.Errorf("the 7-version article has %d substantive edits", n)
	}
	if n, ok := p.edits["200"]; !ok || n != 0 {
		t.Errorf("the 1-version article: %d, %v", n, ok)
	}
	v := p.View()
	if !strings.Contains(v, "edits") {
		t.Errorf("no edits column:\n%s", v)
	}
	p = pressPicker(p, "j", "j")
	sel, _ := p.Selected()
	p = pressPicker(p, "s")
	if p.order != byEdits || !strings.Contains(p.View(), "most substantive edits first") {
		t.Fatalf("s did not sort by edits:\n%s", p.View())
	}
	if now, _ := p.Selected(); now.Key != sel.Key {
		t.Errorf("sorting moved the cursor from %s to %s", sel.Key, now.Key)
	}
	for i := 1; i < len(p.match); i++ {
		a, b := p.catalog.At(p.match[i-1]), p.catalog.At(p.match[i])
		if p.edits[a.Key] < p.edits[b.Key] {
			t.Fatalf("row %d (%d edits) before row %d (%d edits)", i-1, p.edits[a.Key], i, p.edits[b.Key])
		}
	}
	p = pressPicker(p, "/", "c", "o", "u", "n", "c", "i", "l", "enter")
	for i := 1; i < len(p.match); i++ {
		if p.edits[p.catalog.At(p.match[i-1]).Key] < p.edits[p.catalog.At(p.match[i]).Key] {
			t.Fatalf("the filtered list is not sorted by edits")
		}
	}
	p = pressPicker(p, "esc", "s")
	if p.order != byLastSeen || !strings.Contains(p.View(), "most recently seen first") {
		t.Fatalf("s again did not sort by last seen:\n%s", p.View())
	}
	for i := 1; i < len(p.match); i++ {
		if p.catalog.At(p.match[i-1]).LastSeen.Before(p.catalog.At(p.match[i]).LastSeen) {
			t.Fatalf("row %d was seen before row %d", i-1, i)
		}
	}
	p = pressPicker(p, "s")
	if p.order != bySite || !strings.Contains(p.View(), "by site") {
		t.Fatalf("s a third time did not sort by site:\n%s", p.View())
	}
	for i := 1; i < len(p.match); i++ {
		if p.catalog.At(p.match[i-1]).Host() > p.catalog.At(p.match[i]).Host() {
			t.Fatalf("row %d's site sorts after row %d's", i-1, i)
		}
	}
	if p = pressPicker(p, "s"); p.order != byVersions || !strings.Contains(p.View(), "most versions first") {
		t.Errorf("s a fourth time did not sort by versions again")
	}
}

// TestPickerCountingIsBounded checks that counting stops after its
// budget of comparisons, and says so.
func TestPickerCountingIsBounded(t *testing.T) {
	a := openFixture(t)
	p := NewPicker(a, PickerOptions{Title: "fixture", Styles: DefaultStyles(false), Keys: DefaultPickerKeyMap()})
	p.measureBudget = 10
	p, _ = feed(p, tea.WindowSizeMsg{Width: 100, Height: 40})
	p = runPicker(p, p.Init())
	if len(p.edits) == 0 || len(p.edits) == p.catalog.Len() || p.measureSpent > 10+6 {
		t.Errorf("counted %d of %d articles, %d comparisons", len(p.edits), p.catalog.Len(), p.measureSpent)
	}
	if !strings.Contains(p.View(), "edits counted for") {
		t.Errorf("the footer does not say counting stopped:\n%s", p.View())
	}
}
