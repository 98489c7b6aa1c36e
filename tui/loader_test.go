package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestLoaderCountsItsUnit(t *testing.T) {
	for _, c := range []struct {
		p    Progress
		want string
	}{
		{Progress{Done: 2, Total: 5}, "reading 2 of 5 inputs"},
		{Progress{Done: 3, Total: 9, Unit: "captures"}, "reading 3 of 9 captures"},
	} {
		var m tea.Model = NewLoader(Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()}, nil, nil)
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 5})
		m, _ = m.Update(progressMsg(c.p))
		if v := m.View(); !strings.Contains(v, c.want) {
			t.Errorf("view %q, want %q", v, c.want)
		}
	}
}
