package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
	"redline/model/diff"
)

// historyView is one paragraph, or the headline, followed through every
// version.
type historyView struct {
	v, p   int // the version and paragraph it was opened on; p -1: the headline
	steps  []diff.HistoryStep
	doc    *doc
	width  int
	offset int
}

// headline reports whether this is the headline's history, not a
// paragraph's.
func (h *historyView) headline() bool { return h.p < 0 }

// openHistory shows the cursor paragraph's history (or the headline's)
// when a command has followed it through every version.
func (m *Model) openHistory() tea.Cmd {
	v, p := m.shown, -1
	what := fmt.Sprintf("following the headline through %d versions…", len(m.art.Versions))
	if m.cursor >= len(m.doc.blocks) || !m.doc.blocks[m.cursor].headline {
		if v, p = m.cursorParagraph(); p < 0 {
			m.notice = "no paragraph here to follow"
			return nil
		}
		what = fmt.Sprintf("following ¶%d through %d versions…", p+1, len(m.art.Versions))
	}
	art, cmps := m.art, m.cmps
	return m.later(workHistory, what, func() func(*Model) tea.Cmd {
		steps := follow(art, cmps, v, p)
		return func(m *Model) tea.Cmd {
			m.showHistory(v, p, steps)
			return nil
		}
	})
}

// follow is the history of paragraph p of version v through every
// version of art, or the headline's when p is -1.
func follow(art *model.Article, cmps *comparisons, v, p int) []diff.HistoryStep {
	if p < 0 {
		return diff.HeadlineHistory(art, cmps.get)
	}
	return diff.History(art, cmps.get, v, p)
}

// showHistory opens a followed history, if the reader still waits for
// it.
func (m *Model) showHistory(v, p int, steps []diff.HistoryStep) {
	if m.mode != modeReading {
		return
	}
	m.notice = ""
	m.history = &historyView{v: v, p: p, steps: steps}
	m.mode = modeHistory
	m.layoutHistory()
}

// layoutHistory lays the history out for the window's width: a titled
// block for each version where the paragraph changed, compact lines for
// stretches where it did not exist or did not change.
func (m *Model) layoutHistory() {
	h := m.history
	if h.doc != nil && h.width == m.width {
		return
	}
	st := &m.styles
	// Each line follows "  " and a two-column mark, in a column of prose
	// as wide as the reading view's.
	width := min(max(m.width-4, 1), maxTextWidth)
	in := docInput{styles: st, width: m.width}
	if m.search != nil {
		in.re = m.search.re
	}
	d := &doc{}
	title := func(i int, what string) string {
		v := &m.art.Versions[i]
		t := fmt.Sprintf("Version %d", v.Number)
		if when := VersionDate(v, m.loc); when != "" {
			t += " · " + when
		}
		return t + " · " + what
	}
	for i := 0; i < len(h.steps); {
		s := h.steps[i]
		quiet := s.Para < 0 || !newForm(s)
		if quiet {
			// A run of versions where nothing happened to it.
			j := i
			for j+1 < len(h.steps) && h.steps[j+1].Para < 0 == (s.Para < 0) && (h.steps[j+1].Para < 0 || !newForm(h.steps[j+1])) {
				j++
			}
			what := "unchanged"
			switch {
			case s.Para < 0 && i > 0 && h.steps[i-1].Para >= 0:
				what = "removed"
			case s.Para < 0:
				what = "not yet written"
			case s.Kind == diff.Moved:
				what = fmt.Sprintf("moved to ¶%d, unchanged", s.Para+1)
			}
			label := fmt.Sprintf("Version %d", m.art.Versions[i].Number)
			if j > i {
				label = fmt.Sprintf("Versions %d–%d", m.art.Versions[i].Number, m.art.Versions[j].Number)
			}
			d.blocks = append(d.blocks, block{kind: diff.Same, old: -1, new: -1,
				lines: []string{st.Note.Render(truncate(label+" · "+what, width))}})
			i = j + 1
			continue
		}
		var what string
		switch s.Kind {
		case diff.Added:
			what = "first appears"
			if !h.headline() {
				what = fmt.Sprintf("first appears, ¶%d", s.Para+1)
			}
		case diff.Edited:
			what = "edited"
		case diff.Moved:
			what = fmt.Sprintf("moved to ¶%d", s.Para+1)
		case diff.Split:
			what = fmt.Sprintf("split, now ¶%d", s.Para+1)
		case diff.Merged:
			what = fmt.Sprintf("merged into ¶%d", s.Para+1)
		}
		lines := []string{st.Headline.Render(truncate(title(i, what), width))}
		spans := editSpans(s.Edits)
		if s.Kind == diff.Added {
			text := m.art.Versions[i].Headline
			if !h.headline() {
				text = m.art.Versions[i].Paragraphs[s.Para]
			}
			spans = plain(model.Visible(text))
		}
		lines = append(lines, in.lines(spans, width)...)
		d.blocks = append(d.blocks, block{kind: s.Kind, old: -1, new: s.Para, lines: lines})
		i++
	}
	d.finish()
	h.doc, h.width = d, m.width
	h.offset = clamp(h.offset, 0, max(d.total-m.bodyHeight(), 0))
}

// newForm reports whether a history step gives the paragraph a text it did
// not have before: a move with no word edits is the same form in a new
// place.
func newForm(s diff.HistoryStep) bool {
	switch s.Kind {
	case diff.Same:
		return false
	case diff.Split, diff.Merged:
		// Cut in pieces or joined: a new form whatever its words, even
		// when no word changed.
		return true
	}
	for _, e := range s.Edits {
		if e.Op != diff.OpEqual {
			return true
		}
	}
	return s.Kind == diff.Added
}

// handleHistory scrolls the history; esc, q or enter go back to reading.
func (m Model) handleHistory(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	h := m.history
	body := m.bodyHeight()
	switch {
	case key.Matches(msg, k.Back, k.History, k.Close):
		m.mode, m.history = modeReading, nil
		return m, nil
	case key.Matches(msg, k.Down):
		h.offset++
	case key.Matches(msg, k.Up):
		h.offset--
	case key.Matches(msg, k.PageDown):
		h.offset += max(body-1, 1)
	case key.Matches(msg, k.PageUp):
		h.offset -= max(body-1, 1)
	case key.Matches(msg, k.Top):
		h.offset = 0
	case key.Matches(msg, k.Bottom):
		h.offset = h.doc.total
	case key.Matches(msg, k.Help):
		m.mode, m.history = modeHelp, nil
		return m, nil
	}
	h.offset = clamp(h.offset, 0, max(h.doc.total-body, 0))
	return m, nil
}

// historyLines cuts the history to the window.
func (m *Model) historyLines(height int) []string {
	h := m.history
	out := make([]string, 0, height)
	for y := h.offset; y < h.offset+height && y < h.doc.total; y++ {
		bi, l, ok := h.doc.line(y)
		if !ok {
			out = append(out, "")
			continue
		}
		b := h.doc.blocks[bi]
		mark := "  "
		if y == h.doc.starts[bi] {
			switch b.kind {
			case diff.Edited:
				mark = m.marks.edited + " "
			case diff.Added:
				mark = m.marks.added + " "
			case diff.Moved:
				mark = m.marks.moved + " "
			}
		}
		out = append(out, "  "+mark+l)
	}
	for len(out) < height {
		out = append(out, "")
	}
	return out
}
