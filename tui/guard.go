package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// Failure records a panic caught inside the program, so that the command
// can end with one readable line instead of a stack trace over a broken
// screen.
type Failure struct {
	mu      sync.Mutex
	Message string // the panic, one line; empty when there was none
	Details string // a file holding the stack trace, when one was written
	quit    func()
}

func (f *Failure) record(r any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Message != "" {
		return
	}
	f.Message = fmt.Sprint(r)
	// Written whole or not at all: a temporary file, then a rename.
	name := filepath.Join(os.TempDir(), fmt.Sprintf("redline-crash-%d.txt", os.Getpid()))
	if tmp, err := os.CreateTemp(os.TempDir(), "redline-crash-*.tmp"); err == nil {
		_, werr := tmp.WriteString(f.Message + "\n\n" + string(debug.Stack()))
		cerr := tmp.Close()
		if werr == nil && cerr == nil && os.Rename(tmp.Name(), name) == nil {
			f.Details = name
		} else {
			os.Remove(tmp.Name())
		}
	}
	if f.quit != nil {
		go f.quit()
	}
}

// Failed reports whether a panic was caught.
func (f *Failure) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.Message != ""
}

// SetQuit gives the guard the way to stop the program when View panics
// (View cannot return a command).
func (f *Failure) SetQuit(quit func()) { f.quit = quit }

// guarded is a model whose Update and View cannot crash the program: a
// panic is recorded and the program quits, restoring the terminal.
type guarded struct {
	inner tea.Model
	fail  *Failure
}

// Guard wraps m so that a panic inside it ends the program cleanly; the
// returned Failure says what happened.
func Guard(m tea.Model) (tea.Model, *Failure) {
	f := &Failure{}
	return guarded{inner: m, fail: f}, f
}

func (g guarded) Init() tea.Cmd { return g.guardCmd(g.inner.Init()) }

func (g guarded) Update(msg tea.Msg) (next tea.Model, cmd tea.Cmd) {
	if g.fail.Failed() {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail.record(r)
			next, cmd = g, tea.Quit
		}
	}()
	inner, c := g.inner.Update(msg)
	g.inner = inner
	return g, g.guardCmd(c)
}

func (g guarded) View() (v string) {
	if g.fail.Failed() {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail.record(r)
			v = ""
		}
	}()
	return g.inner.View()
}

// guardCmd makes a command's panic a recorded failure too.
func (g guarded) guardCmd(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.fail.record(r)
				msg = tea.Quit()
			}
		}()
		return c()
	}
}
