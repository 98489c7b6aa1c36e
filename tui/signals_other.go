//go:build !unix

package tui

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"
)

// WatchSignals has nothing to watch where there are no job-control
// signals; see signals_unix.go.
func WatchSignals(p *tea.Program) (stop func(), ended func() os.Signal) {
	return func() {}, func() os.Signal { return nil }
}

// SignalOptions leaves bubbletea its own signal handling where
// WatchSignals watches nothing.
func SignalOptions() []tea.ProgramOption { return nil }

// suspendCmd is nothing where there is no job control.
func suspendCmd() tea.Cmd { return nil }
