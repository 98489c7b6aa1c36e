package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// visibleKey is a key typed or pasted into the `/` or `:` prompt with its
// runes made safe to draw: the prompt shows what is typed as it is
// typed, so a pasted U+202E or C1 control would be drawn raw. Such a rune
// enters the prompt as its placeholder (⟨U+202E⟩), as in article text.
// The text input itself drops C0 controls and keeps the rest.
func visibleKey(msg tea.KeyMsg) tea.KeyMsg {
	if msg.Type != tea.KeyRunes {
		return msg
	}
	s := string(msg.Runes)
	if v := model.Visible(s); v != s {
		msg.Runes = []rune(v)
	}
	return msg
}
