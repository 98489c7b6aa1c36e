package tui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// Slow work — the comparisons a move needs, the search index, a
// paragraph's history, a version's annotations — never runs inside
// Update: it runs in a command beside the event loop, so a key never
// waits for it and ctrl+c always quits at once. While it runs the screen
// keeps showing what it showed and the footer says what is being done
// (bubbletea draws at most once a frame, so work that ends within a frame
// is never seen to wait). Of each kind of work only the newest request
// counts: the answer to an older one is dropped.

// workKind is what a piece of work is for; each kind waits on its own.
type workKind int8

const (
	workMove workKind = iota // the comparisons a move to another step needs
	workSearch
	workHistory
	workAnnotate
	workExport // writing the shown step as a page (tui/export.go)
	workJump   // the steps looked through for the next substantive edit
	workKinds
)

// work is one request waiting for its command.
type work struct {
	token int
	what  string // said in the footer while it runs: "comparing…"
	run   func() tea.Msg
	// For a move: where it goes, so that keys pressed meanwhile count
	// from there.
	shown, pinned int
}

// workDone carries finished work back into Update: apply makes its
// result part of the state and may ask for more.
type workDone struct {
	kind  workKind
	token int
	apply func(m *Model) tea.Cmd
}

// later starts work of a kind, replacing any of that kind still running:
// run does the work beside the event loop and returns what applies it.
func (m *Model) later(kind workKind, what string, run func() func(*Model) tea.Cmd) tea.Cmd {
	m.workToken++
	token := m.workToken
	w := &work{token: token, what: what, shown: -1, pinned: -1}
	w.run = func() tea.Msg { return workDone{kind: kind, token: token, apply: run()} }
	m.busy[kind] = w
	return w.run
}

// finish applies work that has come back, unless a newer request of its
// kind replaced it.
func (m *Model) finish(msg workDone) tea.Cmd {
	w := m.busy[msg.kind]
	if w == nil || w.token != msg.token {
		return nil
	}
	m.busy[msg.kind] = nil
	return msg.apply(m)
}

// waiting is what the footer says while work runs; empty when none does.
func (m *Model) waiting() string {
	for _, w := range m.busy {
		if w != nil {
			return w.what
		}
	}
	return ""
}

// target is the step the reader is at or on the way to: the shown
// version and the pin, or those of the move still being compared.
func (m *Model) target() (shown, pinned int) {
	if w := m.busy[workMove]; w != nil {
		return w.shown, w.pinned
	}
	return m.shown, m.pinned
}

// Where a move puts the cursor, besides a paragraph of the new version.
const (
	hitKeep        = -1 // the paragraph it is on now, followed there
	hitFirstChange = -2 // the step's first change
	hitLastChange  = -3 // the step's last change
)

// moveTo shows version index shown compared with the pinned base (-1 for
// the version before), the cursor on paragraph hit of it, or (hitKeep)
// on the paragraph it is on now, followed through the comparison, or on
// the step's first or last change. When the
// comparisons this needs are ready it happens at once; else they are made
// in a command and the move happens when they are.
func (m *Model) moveTo(shown, pinned, hit int) tea.Cmd {
	v, p := m.cursorParagraph()
	pairs := m.pairsFor(shown, pinned, v, p, hit)
	ready := true
	for _, pr := range pairs {
		ready = ready && m.cmps.has(pr[0], pr[1])
	}
	if ready {
		m.busy[workMove] = nil // this move replaces one still waiting
		m.place(shown, pinned, hit)
		return nil
	}
	cmps := m.cmps
	return m.laterMove(shown, pinned, func() func(*Model) tea.Cmd {
		for _, pr := range pairs {
			cmps.get(pr[0], pr[1])
		}
		// The cursor may have moved meanwhile: moveTo looks again.
		return func(m *Model) tea.Cmd { return m.moveTo(shown, pinned, hit) }
	})
}

// laterMove is later for the comparisons a move to the step shown
// against pinned waits for. It records that step, so that widening the
// article meanwhile moves there, not to the first version.
func (m *Model) laterMove(shown, pinned int, run func() func(*Model) tea.Cmd) tea.Cmd {
	cmd := m.later(workMove, "comparing…", run)
	m.busy[workMove].shown, m.busy[workMove].pinned = shown, pinned
	return cmd
}

// pairsFor lists the comparisons a move needs: the new step's, and the
// one that follows the cursor paragraph (version v, paragraph p) there.
func (m *Model) pairsFor(shown, pinned, v, p, hit int) [][2]int {
	var out [][2]int
	if base := baseOf(shown, pinned); base >= 0 {
		out = append(out, [2]int{base, shown})
	}
	if hit == hitKeep && p >= 0 && v != shown && len(m.art.Versions[v].Paragraphs) > 0 {
		out = append(out, [2]int{min(v, shown), max(v, shown)})
	}
	return out
}

// place shows the step at once: every comparison it needs is ready.
func (m *Model) place(shown, pinned, hit int) {
	m.pinned = pinned
	if hit == hitKeep {
		m.keepPlace(shown)
		return
	}
	m.shown = shown
	m.refresh()
	if hit < hitKeep {
		m.cursor = m.doc.change(hit == hitLastChange)
		if m.cursor < 0 {
			m.cursor = m.firstParagraph()
			m.notice = fmt.Sprintf("Version %d: no changes in this step", m.art.Versions[shown].Number)
		}
		// The change near the top of the screen, with a line above it.
		m.offset = clamp(m.doc.starts[m.cursor]-2, 0, max(m.doc.total-m.bodyHeight(), 0))
		m.scrollToCursor()
		m.showFocus(m.doc.blocks[m.cursor].edit)
		return
	}
	if b := m.doc.findNew(hit); b >= 0 {
		m.cursor = b
	}
	m.scrollToCursor()
	if m.search != nil {
		m.showFocus(m.doc.blocks[m.cursor].match) // a search's jump: its match
	}
}
