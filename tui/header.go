package tui

import (
	"fmt"
	"strings"

	"redline/model"
)

// viewRule is the rule under the header, naming the view it shows:
// "─ side by side · annotate ───".
func (m *Model) viewRule() string {
	name := m.view.String()
	switch m.mode {
	case modeHelp:
		name = "help"
	case modeHistory:
		name = "history"
	default:
		if m.annotate {
			name += " · annotate"
		}
	}
	label := "─ " + name + " "
	if m.width < len([]rune(label))+2 {
		return m.styles.Rule.Render(strings.Repeat("─", m.width))
	}
	return m.styles.Rule.Render(label + strings.Repeat("─", m.width-len([]rune(label))))
}

// columnHeadings are the lines that stay above the body while it
// scrolls: which version each side-by-side column shows, and what
// annotate's two numbers mean. None in a small window.
func (m *Model) columnHeadings() []string {
	annotated, sides := m.headingsShown()
	st := &m.styles
	lead := strings.Repeat(" ", gutterWidth)
	var out []string
	if annotated {
		legend := "vA vB: introduced in version A, last changed in B"
		out = append(out, lead+st.Meta.Render(truncate(legend, m.width-gutterWidth)))
	}
	if sides {
		left := fmt.Sprintf("Version %d", m.art.Versions[m.base()].Number)
		if m.pinned >= 0 && m.pinned != m.shown {
			left += " (pinned)"
		}
		right := fmt.Sprintf("Version %d", m.art.Versions[m.shown].Number)
		ann := strings.Repeat(" ", m.doc.annW)
		line := lead + ann + st.Headline.Render(padRight(truncate(left, m.doc.colW), m.doc.colW)) +
			st.Rule.Render(" │ ") + st.Headline.Render(truncate(right, m.doc.colW))
		out = append(out, line)
	}
	return out
}

// headingsShown says which of the column headings are drawn: the
// annotate legend, and the two versions' names over the side-by-side
// columns.
func (m *Model) headingsShown() (annotated, sides bool) {
	if !m.roomy() || m.doc == nil || m.mode != modeReading {
		return false, false
	}
	return m.annotate && m.doc.annW > 0, m.view == viewSide && m.doc.colW > 0 && m.base() >= 0
}

// commitText names a version's commit: short hash, author and subject.
func commitText(v *model.Version) string {
	if v.Commit == "" {
		return ""
	}
	parts := []string{model.Visible(v.Commit[:min(len(v.Commit), 7)])}
	if v.Author != "" {
		parts = append(parts, model.Visible(v.Author))
	}
	if v.Label != "" {
		parts = append(parts, model.Visible(v.Label))
	}
	return strings.Join(parts, " · ")
}

// missingText names the versions missing between the base and the shown
// version, when the sources skipped some: "Version 4 missing".
func (m *Model) missingText() string {
	if m.missingBefore() == 0 {
		return ""
	}
	lo, hi := min(m.base(), m.shown), max(m.base(), m.shown)
	var names []string
	for _, g := range m.art.Gaps {
		if g < lo || g >= hi || g+1 >= len(m.art.Versions) {
			continue
		}
		a, b := m.art.Versions[g].Number+1, m.art.Versions[g+1].Number-1
		switch {
		case a == b:
			names = append(names, fmt.Sprintf("Version %d", a))
		case a < b:
			names = append(names, fmt.Sprintf("Versions %d–%d", a, b))
		}
	}
	if len(names) == 0 {
		return "versions missing before this one"
	}
	return strings.Join(names, ", ") + " missing"
}
