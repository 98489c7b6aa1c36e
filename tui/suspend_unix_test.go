//go:build unix

package tui

import (
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// ctrl+z suspends redline on every screen, as a shell's job (it had done
// nothing in the raw terminal): the guard answers it, before the screen
// sees the key, with the SIGTSTP a shell's ctrl+z raises, which
// WatchSignals alone handles. (bubbletea's Suspend, stacked on that
// handler, had left the reader's screen in the shell after the quit.)
func TestCtrlZSuspends(t *testing.T) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTSTP) // caught here: the test goes on
	defer signal.Stop(ch)
	g := GuardWith(New(seedArticle(t), testOptions()), NewFailure())
	_, cmd := g.Update(tea.KeyMsg{Type: tea.KeyCtrlZ})
	if cmd == nil {
		t.Fatal("ctrl+z: no command")
	}
	cmd()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Error("ctrl+z raised no SIGTSTP")
	}
}
