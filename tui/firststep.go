package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// largeStepBytes bounds the text, in bytes of both versions' paragraphs,
// of a comparison that may be made inside Update or before the program
// starts. Past it (two 20 MB versions take tens of seconds to compare)
// the comparison runs in a command, so the first frame shows the header
// and "comparing…", and ctrl+c and q act at once. It is a bound on the
// work, by size, never on time; the seed's step is 9 KB, 1 MiB compares
// in a fraction of a second.
const largeStepBytes = 1 << 20

// stepBytes is the text a comparison of versions a and b reads.
func (m *Model) stepBytes(a, b int) int {
	n := 0
	for _, i := range [...]int{a, b} {
		v := &m.art.Versions[i]
		n += len(v.Headline)
		for _, p := range v.Paragraphs {
			n += len(p)
			if n > largeStepBytes {
				return n
			}
		}
	}
	return n
}

// deferred reports whether the comparison of base and shown must not be
// made where it is asked for: it is not made yet, it is large, and this
// is a screen (--print has no keys to keep answering).
func (m *Model) deferred(base, shown int) bool {
	return !m.printing && base >= 0 && !m.cmps.has(base, shown) && m.stepBytes(base, shown) > largeStepBytes
}

// placeholderDoc is what is laid out while the first step's comparison is
// made: the header as usual, and of the body a note of what it waits
// for.
func (m *Model) placeholderDoc(key docKey) {
	empty := model.Version{Number: m.art.Versions[m.shown].Number}
	waiting := "Comparing…"
	if b := m.base(); b >= 0 {
		waiting = fmt.Sprintf("Comparing with Version %d…", m.art.Versions[b].Number)
	}
	m.doc = buildDoc(docInput{shown: &empty, view: m.view, width: m.width, styles: &m.styles, cache: m.lines, waiting: waiting})
	m.doc.headline = m.headlineLines(m.width - 1)
	m.docKey = key
	m.docKey.base = -2 // no step: the real doc is built when the comparison is ready
	m.cursor, m.offset = 0, 0
}

// compareFirstLater makes the first step's comparison in a command when it
// is large; nil when it is made already.
func (m *Model) compareFirstLater() tea.Cmd {
	base, shown := m.base(), m.shown
	if !m.deferred(base, shown) {
		return nil
	}
	cmps := m.cmps
	return m.laterMove(shown, m.pinned, func() func(*Model) tea.Cmd {
		cmps.get(base, shown)
		return func(m *Model) tea.Cmd {
			if m.shown == shown && m.base() == base {
				m.refresh()
				m.cursor = m.firstParagraph()
				m.scrollToCursor()
			}
			return nil
		}
	})
}
