package tui

import (
	"fmt"

	"github.com/aymanbagabas/go-osc52/v2"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// Copying and the mouse: bubbletea v1 has no clipboard, and a captured
// mouse blocks the terminal's own selection. y sends the cursor
// paragraph to the terminal's clipboard with OSC 52 (most terminals
// honour it; tmux does with set-clipboard on); M hands the mouse back to
// the terminal so that text can be selected as anywhere else.

// copiedMsg says how sending a paragraph to the clipboard went.
type copiedMsg struct {
	what string // "¶3 of Version 4"
	err  error
}

func (c copiedMsg) String() string {
	if c.err != nil {
		return "could not copy " + c.what + ": " + model.OneLine(c.err.Error())
	}
	return "copied " + c.what + " to the clipboard (OSC 52; M releases the mouse to select instead)"
}

// copyParagraph sends the cursor paragraph to the terminal's clipboard,
// in a command: the escape sequence is written to the terminal as one
// write, beside the renderer's.
func (m *Model) copyParagraph() tea.Cmd {
	v, p := m.cursorParagraph()
	if p < 0 {
		m.notice = "no paragraph here to copy"
		return nil
	}
	what := fmt.Sprintf("¶%d of Version %d", p+1, m.art.Versions[v].Number)
	if v != m.shown {
		what += " (removed)"
	}
	if m.output == nil {
		m.notice = "could not copy " + what + ": no terminal to send it to"
		return nil
	}
	// What is pasted is what was shown: no control characters ride along.
	text, out := model.Visible(m.art.Versions[v].Paragraphs[p]), m.output
	return func() tea.Msg {
		_, err := osc52.New(text).WriteTo(out)
		return copiedMsg{what: what, err: err}
	}
}

// toggleMouse releases the mouse to the terminal, or captures it again.
func (m *Model) toggleMouse() tea.Cmd {
	m.mouse = !m.mouse
	if m.mouse {
		m.notice = "mouse captured: the wheel scrolls (M releases it)"
		return tea.EnableMouseCellMotion
	}
	m.notice = "mouse released: select text with it (M captures it again)"
	return tea.DisableMouse
}
