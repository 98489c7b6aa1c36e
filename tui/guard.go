package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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
func (f *Failure) SetQuit(quit func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.quit = quit
}

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

// NewFailure is a Failure not yet tied to a program: goroutines started
// before it (a load) Protect themselves with it, and GuardWith then guards
// the program with the same one.
func NewFailure() *Failure { return &Failure{} }

// GuardWith is Guard recording into f, for a failure that goroutines
// started before the program (a load) already Protect themselves with.
func GuardWith(m tea.Model, f *Failure) tea.Model {
	return guarded{inner: m, fail: f}
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
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyCtrlZ {
		// Every screen suspends as a shell's job, as less and vim do: the
		// terminal is given back until fg. The key raises the signal the
		// shell's ctrl+z would, so that one mechanism (WatchSignals)
		// suspends: bubbletea's own Suspend, stacked on it, releases and
		// restores the terminal twice, and leaves the reader's screen
		// behind in the shell after the last quit.
		return g, suspendCmd()
	}
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

// guardCmd makes a command's panic a recorded failure too, and the
// panics of the commands its message carries.
func (g guarded) guardCmd(c tea.Cmd) tea.Cmd {
	return g.fail.guardCmd(c)
}

// guardCmd makes a command's panic a recorded failure that quits.
func (f *Failure) guardCmd(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				f.record(r)
				msg = tea.Quit()
			}
		}()
		return f.guardMsg(c())
	}
}

// cmdType is the type of a command, to recognise the messages that carry
// commands.
var cmdType = reflect.TypeOf(tea.Cmd(nil))

// guardMsg guards the commands that a command's message carries: tea.Batch
// and tea.Sequence return a message holding more commands, which
// bubbletea then runs itself, each batched one on its own goroutine, where
// a panic would end the process with the terminal still raw. A batch is a
// tea.BatchMsg; a sequence is bubbletea's unexported []tea.Cmd type, found
// by its shape and rebuilt as the same type, so that bubbletea still runs
// it in order.
func (f *Failure) guardMsg(msg tea.Msg) tea.Msg {
	if batch, ok := msg.(tea.BatchMsg); ok {
		out := make(tea.BatchMsg, len(batch))
		for i, c := range batch {
			out[i] = f.guardCmd(c)
		}
		return out
	}
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := 0; i < v.Len(); i++ {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(f.guardCmd(c)))
	}
	return out.Interface()
}

// Protect runs fn on the calling goroutine and reports whether it
// panicked; a panic is recorded as the program's failure (its message and
// a crash file) and stops the program. Every goroutine redline starts
// runs its work under Protect, or hands its panic to the event loop.
func (f *Failure) Protect(fn func()) (panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			f.record(r)
			panicked = true
		}
	}()
	fn()
	return false
}
