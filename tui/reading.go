package tui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
	"redline/model/diff"
)

// handleReading answers the keys of the reading view.
func (m Model) handleReading(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		return m, m.leave()
	case key.Matches(msg, k.NextVersion):
		return m, m.goVersion(+1, false)
	case key.Matches(msg, k.PrevVersion):
		return m, m.goVersion(-1, false)
	case key.Matches(msg, k.LastVersion):
		return m, m.goVersion(len(m.art.Versions)-1, true)
	case key.Matches(msg, k.FirstVersion):
		return m, m.goVersion(0, true)
	case key.Matches(msg, k.GotoVersion):
		return m.startPrompt(modeGoto, "version number")
	case key.Matches(msg, k.Down):
		m.moveCursor(+1)
	case key.Matches(msg, k.Up):
		m.moveCursor(-1)
	case key.Matches(msg, k.NextChange):
		return m, m.nextChange(+1)
	case key.Matches(msg, k.PrevChange):
		return m, m.nextChange(-1)
	case key.Matches(msg, k.NextSubstantive):
		return m, m.jumpSubstantive(+1)
	case key.Matches(msg, k.PrevSubstantive):
		return m, m.jumpSubstantive(-1)
	case key.Matches(msg, k.DimMinor):
		m.toggleDim()
	case key.Matches(msg, k.PageDown):
		m.page(+1)
	case key.Matches(msg, k.PageUp):
		m.page(-1)
	case key.Matches(msg, k.HalfPageDown):
		m.scrollBy(max(m.bodyHeight()/2, 1))
	case key.Matches(msg, k.HalfPageUp):
		m.scrollBy(-max(m.bodyHeight()/2, 1))
	case key.Matches(msg, k.Top):
		m.offset, m.cursor = 0, m.firstParagraph()
	case key.Matches(msg, k.Bottom):
		m.offset = max(m.doc.total-m.bodyHeight(), 0)
		m.cursor = m.lastParagraph()
		m.scrollToCursor()
	case key.Matches(msg, k.View):
		m.view = (m.view + 1) % viewCount
		m.keepPlace(m.shown)
	case key.Matches(msg, k.Help):
		m.mode = modeHelp
	case key.Matches(msg, k.Pin):
		return m, m.pin()
	case key.Matches(msg, k.Unpin):
		return m, m.unpin()
	case key.Matches(msg, k.ToList) && !m.keys.Unpin.Enabled():
		return m, m.leave() // nothing pinned or searched: back to the list
	case key.Matches(msg, k.Annotate):
		m.annotate = !m.annotate
		m.keepPlace(m.shown)
		return m, m.annotateLater()
	case key.Matches(msg, k.Search):
		return m.startPrompt(modeSearch, "search every version")
	case key.Matches(msg, k.NextMatch):
		return m, m.jumpToMatch(+1)
	case key.Matches(msg, k.PrevMatch):
		return m, m.jumpToMatch(-1)
	case key.Matches(msg, k.History):
		return m, m.openHistory()
	case key.Matches(msg, k.WritePage):
		return m, m.writePage(false)
	case key.Matches(msg, k.WriteAll):
		return m, m.writePage(true)
	case key.Matches(msg, k.Copy):
		return m, m.copyParagraph()
	case key.Matches(msg, k.Mouse):
		return m, m.toggleMouse()
	case key.Matches(msg, k.Info):
		m.notice = m.articleURL()
	}
	return m, nil
}

// pin makes the shown version the base every other version is compared
// with.
func (m *Model) pin() tea.Cmd {
	shown, _ := m.target()
	m.setUnpin(true)
	m.notice = fmt.Sprintf("Version %d pinned: every version is now compared with it (esc unpins)", m.art.Versions[shown].Number)
	return m.moveTo(shown, shown, -1)
}

// unpin goes back to comparing each version with the one before it; with
// nothing pinned, esc clears the search instead.
func (m *Model) unpin() tea.Cmd {
	shown, pinned := m.target()
	switch {
	case pinned >= 0:
		m.setUnpin(m.search != nil)
		m.notice = "unpinned: each version is compared with the one before it"
		return m.moveTo(shown, -1, -1)
	case m.search != nil:
		m.search = nil
		m.setUnpin(false)
	}
	m.keepPlace(m.shown)
	return nil
}

// runSearch looks for the query in every version and goes to the first
// match after the cursor. The index of every paragraph is built in a
// command the first time.
func (m *Model) runSearch(query string) tea.Cmd {
	if query == "" {
		return nil
	}
	if m.index == nil {
		art := m.art
		return m.later(workSearch, "searching every version…", func() func(*Model) tea.Cmd {
			index := newParagraphIndex(art)
			return func(m *Model) tea.Cmd {
				m.index = index
				return m.runSearch(query)
			}
		})
	}
	m.search = newSearch(m.index, query)
	m.setUnpin(true)
	m.refresh()
	if len(m.search.hits) == 0 {
		m.notice = m.search.status()
		return nil
	}
	v, p := m.cursorParagraph()
	if v != m.shown {
		p = -1 // on a removed paragraph: start from the top of the shown version
		v = m.shown
	}
	return m.goToHit(m.search.next(v, p-1, +1))
}

// jumpToMatch goes to the next (+1) or previous (-1) match, into other
// versions when this one has no more.
func (m *Model) jumpToMatch(dir int) tea.Cmd {
	if m.search == nil {
		m.notice = "no search yet: / searches every version"
		return nil
	}
	if len(m.search.hits) == 0 {
		m.notice = m.search.status()
		return nil
	}
	v, p := m.cursorParagraph()
	if v != m.shown {
		v, p = m.shown, -1
	}
	if m.search.cur >= 0 {
		h := m.search.hits[m.search.cur]
		v, p = h.v, h.p
	}
	return m.goToHit(m.search.next(v, p, dir))
}

// goToHit shows match i: its version, the cursor on its paragraph; the
// footer says when the search wrapped around the article.
func (m *Model) goToHit(i int, wrapped bool) tea.Cmd {
	if i < 0 {
		return nil
	}
	h := m.search.hits[i]
	m.search.cur = i
	m.notice = m.search.status()
	if wrapped {
		m.notice += " · search wrapped"
	}
	return m.moveTo(h.v, m.pinned, h.p)
}

// setUnpin turns esc's unpinning (or clearing the search) on or off;
// from a list, esc goes back to it when there is nothing to undo.
func (m *Model) setUnpin(on bool) {
	m.keys.Unpin.SetEnabled(on)
	m.keys.ToList.SetEnabled(m.backToList && !on)
}

// leave quits, or goes back to the list the article came from.
func (m Model) leave() tea.Cmd {
	if m.backToList {
		return func() tea.Msg { return BackMsg{} }
	}
	return tea.Quit
}

// startPrompt opens the footer's input line.
func (m Model) startPrompt(md mode, placeholder string) (tea.Model, tea.Cmd) {
	m.mode = md
	m.input.Reset()
	m.input.Placeholder = placeholder
	return m, m.input.Focus()
}

// handlePrompt edits the input line; enter acts on it, esc abandons it.
func (m Model) handlePrompt(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Close):
		m.mode = modeReading
		m.input.Blur()
		return m, nil
	case key.Matches(msg, m.keys.Accept):
		text := strings.TrimSpace(m.input.Value())
		md := m.mode
		m.mode = modeReading
		m.input.Blur()
		switch md {
		case modeGoto:
			return m, m.gotoNumber(text)
		case modeSearch:
			return m, m.runSearch(m.input.Value())
		}
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(visibleKey(msg))
	return m, cmd
}

// gotoNumber shows the version the source numbered n.
func (m *Model) gotoNumber(text string) tea.Cmd {
	if text == "" {
		return nil
	}
	n, err := strconv.Atoi(text)
	if err == nil {
		for i, v := range m.art.Versions {
			if v.Number == n {
				return m.goVersion(i, true)
			}
		}
	}
	first, last := m.art.Versions[0].Number, m.art.Versions[len(m.art.Versions)-1].Number
	m.notice = fmt.Sprintf("no version %s: versions run from %d to %d", model.Visible(text), first, last)
	return nil
}

// handleMouse scrolls with the wheel, keeping the cursor on screen; over
// the help it scrolls the help.
func (m Model) handleMouse(msg tea.MouseMsg) Model {
	if (m.mode != modeReading && m.mode != modeHelp) || msg.Action != tea.MouseActionPress {
		return m
	}
	n := 0
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		n = -3
	case tea.MouseButtonWheelDown:
		n = +3
	}
	if n != 0 && m.mode == modeHelp {
		m.scrollHelp(n)
	} else if n != 0 {
		m.scrollBy(n)
	}
	return m
}

// goVersion shows version index i (absolute), or the version i steps
// from the one shown or on its way, keeping the reader's place: the
// cursor stays on the same paragraph as followed through the comparison,
// at the same height on screen.
func (m *Model) goVersion(i int, absolute bool) tea.Cmd {
	shown, pinned := m.target()
	if !absolute {
		i += shown
	}
	if i < 0 || i >= len(m.art.Versions) || i == shown {
		if i < 0 {
			m.notice = "this is the first version"
		} else if i >= len(m.art.Versions) {
			m.notice = "this is the newest version"
		}
		return nil
	}
	return m.moveTo(i, pinned, -1)
}

// keepPlace shows version index i (perhaps the one shown, in another
// view) with the cursor on the paragraph it is on now.
func (m *Model) keepPlace(i int) {
	v, p := m.cursorParagraph()
	row := 0
	if m.cursor < len(m.doc.blocks) {
		row = m.doc.starts[m.cursor] - m.offset
	}
	m.shown = i
	m.refresh()
	m.cursor = m.firstParagraph()
	if p >= 0 {
		if q := m.follow(v, p, i); q >= 0 {
			if b := m.doc.findNew(q); b >= 0 {
				m.cursor = b
			}
		}
	}
	m.offset = clamp(m.doc.starts[m.cursor]-row, 0, max(m.doc.total-m.bodyHeight(), 0))
	if m.cursor == m.firstParagraph() {
		m.offset = 0
	}
	m.scrollToCursor()
}

// cursorParagraph names the paragraph under the cursor as (version index,
// paragraph index); a removed paragraph belongs to the base. p is -1 when
// there is none.
func (m *Model) cursorParagraph() (v, p int) {
	for bi := m.cursor; bi < len(m.doc.blocks); bi++ {
		b := m.doc.blocks[bi]
		switch {
		case b.note:
			continue
		case b.new >= 0 && b.kind != diff.MovedAway:
			return m.shown, b.new
		case b.old >= 0 && m.base() >= 0:
			return m.base(), b.old
		}
	}
	return m.shown, -1
}

// follow maps paragraph p of version index v to version index t through
// their comparison; a paragraph that is gone lands on its nearest
// neighbour that is not.
func (m *Model) follow(v, p, t int) int {
	if v == t {
		return p
	}
	n := len(m.art.Versions[v].Paragraphs)
	if n == 0 {
		return -1
	}
	var mapIdx func(int) int
	if v < t {
		c := m.cmps.get(v, t)
		mapIdx = c.NewIndex
	} else {
		c := m.cmps.get(t, v)
		mapIdx = c.OldIndex
	}
	for d := 0; d < n; d++ {
		for _, q := range []int{p - d, p + d} {
			if q >= 0 && q < n {
				if r := mapIdx(q); r >= 0 {
					return r
				}
			}
		}
	}
	return -1
}

// moveCursor moves to the next (+1) or previous (-1) paragraph.
func (m *Model) moveCursor(dir int) {
	for bi := m.cursor + dir; bi >= 0 && bi < len(m.doc.blocks); bi += dir {
		if !m.doc.blocks[bi].note {
			m.cursor = bi
			m.scrollToCursor()
			return
		}
	}
	// At an end: let a long paragraph still scroll into view.
	m.scrollBy(dir * max(m.bodyHeight()/2, 1))
}

// nextChange moves to the next (+1) or previous (-1) changed paragraph;
// past the step's last (or first) change it carries on into the next
// (or previous) version's first (or last) change, as tig and
// git-timemachine do, and the footer says it crossed.
func (m *Model) nextChange(dir int) tea.Cmd {
	shown, pinned := m.target()
	if shown == m.shown {
		if bi := m.doc.seek(m.cursor+dir, dir, block.changed); bi >= 0 {
			m.cursor = bi
			m.scrollToCursor()
			m.showFocus(m.doc.blocks[bi].edit)
			return nil
		}
	}
	next := shown + dir
	switch {
	case next >= len(m.art.Versions):
		m.notice = "no more changes: this is the newest version"
		return nil
	case next < 0:
		m.notice = "no more changes: this is the first version"
		return nil
	}
	n := m.art.Versions[next].Number
	if dir > 0 {
		m.notice = fmt.Sprintf("on to Version %d: its first change", n)
		return m.moveTo(next, pinned, hitFirstChange)
	}
	m.notice = fmt.Sprintf("back to Version %d: its last change", n)
	return m.moveTo(next, pinned, hitLastChange)
}

// page scrolls a screenful and puts the cursor on the first paragraph
// that starts on screen.
func (m *Model) page(dir int) {
	h := m.bodyHeight()
	m.scrollBy(dir * max(h-1, 1))
}

// scrollBy moves the window over the doc by n lines; the cursor follows
// when it would leave the screen.
func (m *Model) scrollBy(n int) {
	h := m.bodyHeight()
	m.offset = clamp(m.offset+n, 0, max(m.doc.total-h, 0))
	start := m.doc.starts[m.cursor]
	end := start + len(m.doc.blocks[m.cursor].lines)
	if end <= m.offset || start >= m.offset+h {
		bi := m.doc.blockAt(m.offset)
		if n < 0 {
			bi = m.doc.blockAt(min(m.offset+h-1, max(m.doc.total-1, 0)))
		}
		if m.doc.starts[bi] < m.offset && bi+1 < len(m.doc.blocks) && n > 0 {
			bi++
		}
		for bi < len(m.doc.blocks)-1 && m.doc.blocks[bi].note {
			bi++
		}
		m.cursor = bi
	}
}

// scrollToCursor scrolls as little as needed to show the cursor block,
// its top when it is taller than the screen.
func (m *Model) scrollToCursor() {
	h := m.bodyHeight()
	start := m.doc.starts[m.cursor]
	end := start + len(m.doc.blocks[m.cursor].lines)
	if m.cursor == m.firstParagraph() {
		start = 0 // and the notes above it
	}
	switch {
	case start < m.offset:
		m.offset = start
	case end > m.offset+h:
		m.offset = min(start, end-h)
	}
	m.offset = clamp(m.offset, 0, max(m.doc.total-h, 0))
}

// showFocus scrolls as little as needed to show line (of the cursor
// block's lines) too, with a line of the block above it where there is
// room: a jump to an edit or a match in a paragraph taller than the
// window shows the edit, not only the paragraph's top, which
// scrollToCursor shows.
func (m *Model) showFocus(line int) {
	h := m.bodyHeight()
	y := m.doc.starts[m.cursor] + line
	if y >= m.offset+h {
		m.offset = clamp(y-1, 0, max(m.doc.total-h, 0))
	}
}

func (m *Model) firstParagraph() int {
	for bi, b := range m.doc.blocks {
		if !b.note {
			return bi
		}
	}
	return 0
}

func (m *Model) lastParagraph() int {
	for bi := len(m.doc.blocks) - 1; bi >= 0; bi-- {
		if !m.doc.blocks[bi].note {
			return bi
		}
	}
	return 0
}
