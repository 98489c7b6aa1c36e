package tui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
)

// TestReaderFlow drives the program as a reader would: open, step back,
// step forward, jump to a change, open the help, quit. Each step waits
// for what it should show, not for time.
func TestReaderFlow(t *testing.T) {
	m := New(seedArticle(t), testOptions())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(100, 30))
	wait := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	wait("Version 2 of 2")
	tm.Send(tea.KeyMsg{Type: tea.KeyLeft})
	wait("there is nothing before it to compare")
	tm.Send(tea.KeyMsg{Type: tea.KeyRight})
	wait("+460 −257 words")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("]")})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	wait("or esc to close")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(Model)
	if final.shown != 1 || final.mode != modeReading {
		t.Errorf("ended on version %d in mode %d", final.shown, final.mode)
	}
	if _, p := final.cursorParagraph(); p != 1 {
		t.Errorf("] left the cursor on paragraph %d, want 1 (the first change after the top)", p)
	}
}
