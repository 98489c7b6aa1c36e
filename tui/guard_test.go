package tui

import (
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
