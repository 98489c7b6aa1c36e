package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// handleHelp answers keys while the help is open: its own key, esc or q
// close it; the moving keys scroll it, so that every key and the legend
// can be read in any window from 20×5 up.
func (m Model) handleHelp(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	h := m.bodyHeight()
	switch {
	case key.Matches(msg, k.Help, k.Back, k.Close):
		m.mode, m.helpOffset = modeReading, 0
	case key.Matches(msg, k.Down):
		m.scrollHelp(+1)
	case key.Matches(msg, k.Up):
		m.scrollHelp(-1)
	case key.Matches(msg, k.PageDown):
		m.scrollHelp(max(h-2, 1))
	case key.Matches(msg, k.PageUp):
		m.scrollHelp(-max(h-2, 1))
	case key.Matches(msg, k.HalfPageDown):
		m.scrollHelp(max(h/2, 1))
	case key.Matches(msg, k.HalfPageUp):
		m.scrollHelp(-max(h/2, 1))
	case key.Matches(msg, k.Top):
		m.helpOffset = 0
	case key.Matches(msg, k.Bottom):
		m.scrollHelp(len(m.helpBody()))
	}
	return m, nil
}

// scrollHelp moves the help n lines, within its length.
func (m *Model) scrollHelp(n int) {
	m.helpOffset = clamp(m.helpOffset+n, 0, max(len(m.helpBody())-m.helpRows(m.bodyHeight()), 0))
}

// helpRows is how many lines of the help's body fit under its title in
// a body h lines high.
func (m *Model) helpRows(h int) int { return max(h-1, 1) }

// helpLines is the help cut to the window: its title, which says how to
// scroll when it does not fit, and the lines from where it is scrolled to.
func (m *Model) helpLines(h int) []string {
	st := &m.styles
	body := m.helpBody()
	rows := m.helpRows(h)
	top := clamp(m.helpOffset, 0, max(len(body)-rows, 0))
	title := st.Headline.Render(" Keys") + st.Meta.Render(" — ? or esc to close")
	switch {
	case len(body) > rows && m.width < 50:
		// Too narrow for the whole title: how to scroll matters most.
		title = st.Headline.Render(" Keys") + st.Meta.Render(fmt.Sprintf(" j/k %d/%d · esc", top+1, len(body)))
	case len(body) > rows:
		title += st.Meta.Render(fmt.Sprintf(" · j/k scroll · %d–%d of %d", top+1, min(top+rows, len(body)), len(body)))
	}
	out := []string{title}
	out = append(out, body[top:min(top+rows, len(body))]...)
	if len(out) > h {
		out = out[:h]
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// articleURL is the footer's account of where the article lives.
func (m *Model) articleURL() string {
	out := "the source gives no URL for this article"
	if m.art.URL != "" {
		out = "URL: " + model.Visible(m.art.URL)
	}
	if a := m.art.Versions[m.shown].ArchiveURL; a != "" {
		out += fmt.Sprintf(" · Version %d archived at %s", m.art.Versions[m.shown].Number, model.Visible(a))
	}
	return out
}

// legends explain what the keys' columns do not: the gutter's marks, the
// edit marks without colour, annotate's columns, where the article lives.
func (m *Model) legends() []string {
	out := []string{"gutter: ▌ cursor  ~ edited  + added  - removed  ↕ moved  ÷ split  ⋈ merged  ? guessed by the reader", kindLegend()}
	if m.styles.Marks {
		out = append(out, "edits: [-deleted-] {+inserted+}; search matches ⟪so⟫")
	}
	out = append(out,
		"annotate (a): the version that introduced each paragraph, then the one that last changed it",
		"mouse: the wheel scrolls; M releases it to select text (or start with --no-mouse); y copies the cursor paragraph",
		"ctrl+z suspends redline, as it does less or vim; fg resumes it",
		m.articleURL())
	// The notes are said once, in the footer, as the reader opens: here
	// they stay, every one of them.
	for _, n := range m.art.Notes {
		out = append(out, "note: "+model.OneLine(n))
	}
	return out
}

// spansText is a wrapped line's text.
func spansText(l []span) string {
	var b strings.Builder
	for _, s := range l {
		b.WriteString(s.text)
	}
	return b.String()
}

// narrowHelp is the keys for a window too narrow for a column of them:
// each key on a line, what it does wrapped below it.
func (m *Model) narrowHelp() []string {
	st := &m.styles
	var out []string
	for gi, group := range m.keys.FullHelp() {
		if gi > 0 {
			out = append(out, "")
		}
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			out = append(out, st.Prompt.Render(b.Help().Key))
			for _, l := range wrapSpans(plain(b.Help().Desc), max(m.width-4, 1)) {
				out = append(out, "  "+st.Meta.Render(spansText(l)))
			}
		}
	}
	return out
}
