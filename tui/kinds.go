package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"redline/model"
	"redline/model/diff"
	"redline/model/export"
)

// What each kind of edit looks like on screen is export.KindLabels: the
// gutter shows its mark, the footer its name.
var kindMarks = export.KindLabels

// kindMark is the gutter's mark for a block's kinds, unstyled: the mark
// of its first kind in the order a reader is told about them, "" for
// wording alone or none.
func kindMark(k diff.EditKinds) string {
	for _, kind := range k.List() {
		if km, ok := kindMarks[kind]; ok {
			return km.Mark
		}
		if kind == diff.KindWording {
			return ""
		}
	}
	return ""
}

// minor reports whether an edit's kinds are all minor: typography,
// punctuation or spelling, which the d key dims.
func minor(k diff.EditKinds) bool { return k != 0 && !k.Substantive() }

// byNew is what happened to each paragraph of the new version, for the
// clean view's gutter: its change's kind (edited, added, moved …; a
// paragraph left out is unchanged) and the kinds of its edits.
func byNew(c *diff.Comparison) map[int]block {
	out := map[int]block{}
	for _, ch := range c.Changes {
		if ch.New >= 0 && ch.Kind != diff.MovedAway {
			b := out[ch.New]
			b.kind, b.kinds = ch.Kind, b.kinds|ch.Kinds
			out[ch.New] = b
		}
	}
	return out
}

// toggleDim dims (or shows again) the edits that are only typography,
// punctuation or spelling.
func (m *Model) toggleDim() {
	m.dimMinor = !m.dimMinor
	if m.dimMinor {
		m.notice = "typographic, punctuation and spelling edits dimmed (" + m.keys.DimMinor.Help().Key + " shows them)"
	} else {
		m.notice = "every edit shown alike"
	}
	m.keepPlace(m.shown)
}

// jumpSubstantive moves the cursor to the next (+1) or previous (-1)
// paragraph with a substantive edit: in the step shown, else in the
// nearest step after (before) it that has one, whose comparisons are
// looked through in a command, since on a long history that is many.
func (m *Model) jumpSubstantive(dir int) tea.Cmd {
	shown, pinned := m.target()
	if shown == m.shown && pinned == m.pinned {
		if bi := m.doc.seek(m.cursor+dir, dir, block.substantive); bi >= 0 {
			m.cursor = bi
			m.scrollToCursor()
			m.showFocus(m.doc.blocks[bi].edit)
			return nil
		}
	}
	cmps, n := m.cmps, len(m.art.Versions)
	return m.later(workJump, "looking for a substantive edit…", func() func(*Model) tea.Cmd {
		for v := shown + dir; v >= 0 && v < n; v += dir {
			base := baseOf(v, pinned)
			if base < 0 {
				continue
			}
			c := cmps.peek(base, v)
			if c.Substantive() == 0 {
				continue
			}
			cmps.put(base, v, c) // kept: the reader is about to see it
			return func(m *Model) tea.Cmd {
				m.busy[workMove] = nil // this move replaces one still waiting
				m.landOn(v, pinned, dir)
				return nil
			}
		}
		return func(m *Model) tea.Cmd {
			m.notice = "no more substantive edits " + map[int]string{+1: "after this", -1: "before this"}[dir]
			return nil
		}
	})
}

// landOn shows version index v against the pinned base (-1: the one
// before), the cursor on its first substantive paragraph (dir +1) or its
// last (dir -1). Its comparison is ready.
func (m *Model) landOn(v, pinned, dir int) {
	m.pinned, m.shown = pinned, v
	m.refresh()
	m.cursor = m.firstParagraph()
	from := 0
	if dir < 0 {
		from = len(m.doc.blocks) - 1
	}
	if bi := m.doc.seek(from, dir, block.substantive); bi >= 0 {
		m.cursor = bi
	}
	m.offset = 0
	m.scrollToCursor()
	m.showFocus(m.doc.blocks[m.cursor].edit)
}

// kindLegend is the help's line on the kind marks.
func kindLegend() string {
	var parts []string
	for _, kind := range diff.AllEditKinds() {
		if km, ok := kindMarks[kind]; ok && kind.Substantive() {
			parts = append(parts, km.Mark+" "+km.One)
		}
	}
	return "kinds: " + strings.Join(parts, "  ") + "  · only typography, punctuation or spelling, which } and { skip"
}

// newKindMarks draws every kind mark once, in its style.
func newKindMarks(st *Styles) map[string]string {
	out := map[string]string{}
	for kind, km := range kindMarks {
		if kind.Substantive() {
			out[km.Mark] = st.GutterKind.Render(km.Mark)
		} else {
			out[km.Mark] = st.GutterMinor.Render(km.Mark)
		}
	}
	return out
}

// correctionBlocks are notes, for the top of a step, naming each editor's
// note the step added: "correction added at ¶12: An earlier version…".
func correctionBlocks(in docInput, width int) []block {
	var out []block
	for _, c := range in.cmp.Changes {
		if c.Kinds.Has(diff.KindCorrection) && c.New >= 0 && c.New < len(in.shown.Paragraphs) {
			msg := fmt.Sprintf("! correction added at ¶%d: %s", c.New+1, in.shown.Paragraphs[c.New])
			b := noteBlock(in.styles, width, ansi.Truncate(model.Visible(msg), 2*width, "…"))
			out = append(out, b)
		}
	}
	return out
}
