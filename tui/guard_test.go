package tui

import (
	"bytes"
	"os"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// panicky panics on its first key.
type panicky struct{ inView bool }

func (p panicky) Init() tea.Cmd { return nil }
func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(tea.KeyMsg); ok && !p.inView {
		panic("boom in update")
	}
	return p, nil
}
func (p panicky) View() string {
	if p.inView {
		panic("boom in view")
	}
	return "fine"
}

func TestGuardTurnsPanicsIntoAFailure(t *testing.T) {
	m, fail := Guard(panicky{})
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
	if !fail.Failed() || fail.Message != "boom in update" {
		t.Fatalf("failure %q", fail.Message)
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Errorf("a panic in Update does not quit")
	}
	if next.View() != "" {
		t.Errorf("a failed program still draws")
	}
	if fail.Details != "" {
		data, _ := os.ReadFile(fail.Details)
		os.Remove(fail.Details)
		if !strings.Contains(string(data), "boom in update") {
			t.Errorf("the details file lacks the panic")
		}
	}

	quit := make(chan struct{}, 1)
	m, fail = Guard(panicky{inView: true})
	fail.SetQuit(func() { quit <- struct{}{} })
	if v := m.View(); v != "" || fail.Message != "boom in view" {
		t.Errorf("view %q failure %q", v, fail.Message)
	}
	<-quit
	os.Remove(fail.Details)
}

// batchPanics starts with a command that panics from inside a batch or a
// sequence, the way Init and each step hand out their work.
type batchPanics struct{ sequence bool }

func (b batchPanics) Init() tea.Cmd {
	boom := func() tea.Msg { panic("boom in a batched command") }
	fine := func() tea.Msg { return nil }
	if b.sequence {
		return tea.Sequence(fine, tea.Batch(fine, boom))
	}
	return tea.Batch(fine, boom)
}
func (b batchPanics) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return b, nil }
func (b batchPanics) View() string                            { return "fine" }

// TestGuardCoversBatchedCommands runs a real program in the alternate
// screen whose batched command panics: the panic is recorded, the program
// ends, and the last bytes it writes give the terminal back.
func TestGuardCoversBatchedCommands(t *testing.T) {
	for _, sequence := range []bool{false, true} {
		m, fail := Guard(batchPanics{sequence: sequence})
		var out bytes.Buffer
		p := tea.NewProgram(m, tea.WithInput(nil), tea.WithOutput(&out), tea.WithAltScreen(), tea.WithMouseCellMotion())
		fail.SetQuit(p.Quit)
		if _, err := p.Run(); err != nil {
			t.Fatalf("sequence %v: %v", sequence, err)
		}
		os.Remove(fail.Details)
		if !fail.Failed() || fail.Message != "boom in a batched command" {
			t.Fatalf("sequence %v: failure %q", sequence, fail.Message)
		}
		tail := out.String()
		if i := strings.LastIndex(tail, "\x1b[?1049h"); i >= 0 {
			tail = tail[i:]
		}
		for _, restore := range []string{"\x1b[?1049l", "\x1b[?25h", "\x1b[?1002l"} {
			if !strings.Contains(tail, restore) {
				t.Errorf("sequence %v: the terminal is not restored: no %q after entering the alternate screen in %q", sequence, restore, tail)
			}
		}
	}
}

// TestProtectRecordsAGoroutinesPanic holds the guard of goroutines that
// run beside the program.
func TestProtectRecordsAGoroutinesPanic(t *testing.T) {
	_, fail := Guard(panicky{})
	done := make(chan bool)
	go func() { done <- fail.Protect(func() { panic("boom in a goroutine") }) }()
	if !<-done || fail.Message != "boom in a goroutine" {
		t.Errorf("failure %q", fail.Message)
	}
	os.Remove(fail.Details)
}

// TestLayoutWorkersHandTheirPanicToTheCaller holds the parallel layout
// to raising a worker's panic on the calling goroutine, where the guard of
// Update and View catches it.
func TestLayoutWorkersHandTheirPanicToTheCaller(t *testing.T) {
	defer func() {
		if r := recover(); r != "boom in a worker" {
			t.Errorf("recovered %v, want the worker's panic", r)
		}
	}()
	each(10_000, true, func(i int) {
		if i == 7_777 {
			panic("boom in a worker")
		}
	})
	t.Error("no panic reached the caller")
}
