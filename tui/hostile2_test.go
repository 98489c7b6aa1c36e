package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// Row 3: a bidi override pasted or typed into a prompt is drawn as its
// placeholder while the prompt is open.
func TestPromptShowsPastedBidiAsPlaceholder(t *testing.T) {
	for _, open := range []string{"/", ":"} {
		for _, paste := range []bool{true, false} {
			m := newTestModel(t, seedArticle(t), 100, 30)
			m = press(m, open)
			m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("ab\u202edc\u009b"), Paste: paste})
			v := m.View()
			if r, bad := unsafeRune(v); bad {
				t.Errorf("%s (paste %v): the open prompt draws %U", open, paste, r)
			}
			if !strings.Contains(v, "⟨U+202E⟩") {
				t.Errorf("%s (paste %v): no placeholder in\n%s", open, paste, v)
			}
		}
	}
}

// Row 10: below the minimum size nothing is laid out, however long the
// text; the layout comes back with the size.
func TestTooSmallLaysNothingOut(t *testing.T) {
	word := strings.Repeat("x", 200_000)
	art := &model.Article{Versions: []model.Version{
		{Number: 1, Paragraphs: []string{"a " + word}},
		{Number: 2, Paragraphs: []string{"b " + word}},
	}}
	m := newTestModel(t, art, 100, 30)
	m = update(m, tea.WindowSizeMsg{Width: 3, Height: 3})
	if m.docKey.width != 100 {
		t.Errorf("at 3×3 the doc was laid out at width %d", m.docKey.width)
	}
	m = press(m, "j", "k", "v", "v", "v")
	if m.docKey.width != 100 {
		t.Errorf("keys at 3×3 laid the doc out at width %d", m.docKey.width)
	}
	if v := m.View(); strings.Count(v, "\n") > 0 {
		t.Errorf("at 3×3 the view is %q", v)
	}
	m = update(m, tea.WindowSizeMsg{Width: 60, Height: 20})
	if m.docKey.width != 60 {
		t.Errorf("back at 60×20 the doc is laid out at width %d", m.docKey.width)
	}
}

// Row 9: the first step of two large versions is not compared before the
// program starts: the first frame shows the header and "comparing…", and
// ctrl+c quits while it runs.
func TestLargeFirstStepIsComparedInACommand(t *testing.T) {
	para := strings.Repeat("The talks went on into the night. ", 400) // 13.6 KB
	var a, b []string
	for i := range 100 {
		a = append(a, para+string(rune('A'+i%26)))
		b = append(b, para+string(rune('a'+i%26)))
	}
	art := &model.Article{Title: "Large", Versions: []model.Version{
		{Number: 1, Headline: "Large one", Paragraphs: a},
		{Number: 2, Headline: "Large two", Paragraphs: b},
	}}
	m := New(art, Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()})
	if m.cmps.has(0, 1) {
		t.Fatal("New compared the large first step itself")
	}
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30}) // not settled: the program has just started
	m = next.(Model)
	if m.cmps.has(0, 1) {
		t.Fatal("the first frame compared the large first step")
	}
	v := m.View()
	if !strings.Contains(v, "Large two") || !strings.Contains(v, "comparing…") {
		t.Errorf("the first frame:\n%s", v)
	}
	// While it waits, the body says what it waits for: Version 2 has a
	// version before it.
	if strings.Contains(v, "is the first") || !strings.Contains(v, "Comparing with Version 1") {
		t.Errorf("the first frame says what is not so:\n%s", v)
	}
	if _, cmd := m.Update(tea.KeyMsg{Type: tea.KeyCtrlC}); cmd == nil || cmd() != tea.Quit() {
		t.Errorf("ctrl+c while comparing does not quit")
	}
	m = runCmd(m, m.Init())
	if !m.cmps.has(0, 1) || strings.Contains(m.View(), "comparing…") || !strings.Contains(m.View(), "night") {
		t.Errorf("after the command:\n%s", m.View())
	}
	// --print compares where it must.
	var out strings.Builder
	if err := Print(&out, art, PrintOptions{Base: -1, Shown: 1, Width: 80, Styles: DefaultStyles(false)}); err != nil || !strings.Contains(out.String(), "night") {
		t.Errorf("--print: %v", err)
	}
}
