package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// KeyMap is every key redline answers to. Help is generated from it, so
// what the help says is what the keys do.
type KeyMap struct {
	NextVersion  key.Binding
	PrevVersion  key.Binding
	LastVersion  key.Binding
	FirstVersion key.Binding
	GotoVersion  key.Binding
	Down         key.Binding
	Up           key.Binding
	NextChange   key.Binding
	PrevChange   key.Binding
	PageDown     key.Binding
	PageUp       key.Binding
	// HalfPageDown and HalfPageUp scroll half a screen, as less and vim
	// do with ctrl+d and ctrl+u.
	HalfPageDown key.Binding
	HalfPageUp   key.Binding
	Top          key.Binding
	Bottom       key.Binding
	Search       key.Binding
	NextMatch    key.Binding
	PrevMatch    key.Binding
	View         key.Binding
	Pin          key.Binding
	Unpin        key.Binding
	History      key.Binding
	Annotate     key.Binding
	// WritePage writes the shown step as an HTML page in the current
	// directory; WriteAll every step as one page.
	WritePage key.Binding
	WriteAll  key.Binding
	// Copy sends the cursor paragraph to the terminal's clipboard.
	Copy key.Binding
	// Mouse releases the mouse to the terminal, so that text can be
	// selected with it, and captures it again.
	Mouse key.Binding
	// Info shows where the article lives: its URL.
	Info key.Binding
	Help key.Binding
	Back key.Binding
	Quit key.Binding
	// ToList goes back to the list an article was opened from, when
	// nothing is pinned or searched; on only then.
	ToList key.Binding
	// Close closes what is open over the reading: the help, a history, a
	// prompt.
	Close key.Binding
	// Accept acts on the prompt being typed (a version number, a search).
	Accept key.Binding

	// NextSubstantive and PrevSubstantive go to the next (previous)
	// paragraph with a substantive edit, into other versions: they skip
	// edits of typography, punctuation and spelling alone.
	NextSubstantive, PrevSubstantive key.Binding
	// DimMinor dims (or shows again) the edits of typography,
	// punctuation and spelling alone.
	DimMinor key.Binding
}

// DefaultKeyMap is the conventional set: arrows and vi keys, less's paging.
func DefaultKeyMap() KeyMap {
	k := KeyMap{
		NextVersion:  key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next version")),
		PrevVersion:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous version")),
		LastVersion:  key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "last version")),
		FirstVersion: key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "first version")),
		GotoVersion:  key.NewBinding(key.WithKeys(":"), key.WithHelp(":N", "go to version N")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "next paragraph")),
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "previous paragraph")),
		NextChange:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next change")),
		PrevChange:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous change")),
		PageDown:     key.NewBinding(key.WithKeys(" ", "pgdown", "f", "ctrl+f"), key.WithHelp("space/f/ctrl+f", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("b", "pgup", "ctrl+b"), key.WithHelp("b/ctrl+b", "page up")),
		HalfPageDown: key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("ctrl+d/d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("ctrl+u/u", "half page up")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search all versions")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		View:         key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "inline/side/clean")),
		Pin:          key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "pin as base")),
		Unpin:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "unpin")),
		History:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "paragraph history")),
		Annotate:     key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "annotate")),
		WritePage:    key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "write step as HTML")),
		WriteAll:     key.NewBinding(key.WithKeys("W"), key.WithHelp("W", "write history as HTML")),
		Copy:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy paragraph")),
		Mouse:        key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "release/capture mouse")),
		Info:         key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "article URL")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Back:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Quit:         key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		ToList:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to the list"), key.WithDisabled()),
		Close:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
		Accept:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go")),
	}
	// Braces, as vi's paragraph motions: they sit beside ] and [.
	k.NextSubstantive = key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "next substantive edit"))
	k.PrevSubstantive = key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "previous substantive edit"))
	k.DimMinor = key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "dim minor edits"))
	return k
}

// ShortHelp is the footer's one line of keys: pairs of opposite moves
// share an entry ("←/→ version"), so the line fits 80 columns.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{
		pair(k.PrevVersion, k.NextVersion, "version"),
		pair(k.Down, k.Up, "paragraph"),
		pair(k.NextChange, k.PrevChange, "change"),
		short(k.View, "view"),
		short(k.Search, "search"),
		short(k.Help, "help"),
		short(k.Back, strings.Fields(k.Back.Help().Desc + " quit")[0]), // "quit", or "back" from a list
	}
}

// pair joins two bindings into one help entry named by their first keys.
func pair(a, b key.Binding, desc string) key.Binding {
	keys := append(append([]string(nil), a.Keys()...), b.Keys()...)
	bind := key.NewBinding(key.WithKeys(keys...), key.WithHelp(firstKey(a)+"/"+firstKey(b), desc))
	bind.SetEnabled(a.Enabled() || b.Enabled())
	return bind
}

// short is a binding with a shorter description for the footer.
func short(a key.Binding, desc string) key.Binding {
	bind := key.NewBinding(key.WithKeys(a.Keys()...), key.WithHelp(firstKey(a), desc))
	bind.SetEnabled(a.Enabled())
	return bind
}

// listed is a binding for the help page, shown whether or not it acts
// now: esc unpins only once something is pinned, and is worth knowing
// before.
func listed(a key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(a.Keys()...), key.WithHelp(firstKey(a), desc))
}

// firstKey is how a binding's first key is written in help.
func firstKey(b key.Binding) string {
	h := b.Help().Key
	for i, r := range h {
		if r == '/' && i > 0 {
			return h[:i]
		}
	}
	return h
}

// FullHelp is the help screen, a column per kind of move.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.NextVersion, k.PrevVersion, k.LastVersion, k.FirstVersion, k.GotoVersion, k.Pin, listed(k.Unpin, "unpin, or end the search"),
			pair(k.NextSubstantive, k.PrevSubstantive, "next/previous substantive edit")},
		{k.Down, k.Up, k.NextChange, k.PrevChange, k.PageDown, k.PageUp, k.HalfPageDown, k.HalfPageUp, k.Top, k.Bottom, k.DimMinor},
		{k.Search, k.NextMatch, k.PrevMatch, k.View, k.History, k.Annotate, k.Copy, k.Mouse, k.Info, k.WritePage, k.WriteAll},
		{k.Help, k.ToList, k.Back, k.Quit},
	}
}

// historyHelp is the footer's keys while a paragraph's history is shown.
func (k KeyMap) historyHelp() []key.Binding {
	return []key.Binding{
		pair(k.Down, k.Up, "scroll"),
		pair(k.PageDown, k.PageUp, "page"),
		short(k.Back, "back"),
	}
}

// helpHelp is the footer's keys while the help is shown: it scrolls.
func (k KeyMap) helpHelp() []key.Binding {
	return []key.Binding{
		pair(k.Down, k.Up, "scroll"),
		pair(k.PageDown, k.PageUp, "page"),
		short(k.Help, "close"),
	}
}
