package tui

import (
	"context"
	"reflect"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// Root is the program for an archive: the list of its articles, and the
// reader of the one opened from it. Going back from the reader shows the
// list as it was left, filter and place kept.
type Root struct {
	archive Archive
	picker  Picker
	reader  Model
	reading bool // the reader is on screen
	opts    Options

	size    *tea.WindowSizeMsg // the last size, for a reader made later
	opening int                // counts opens, so a late article is not shown
	readers int                // counts readers, so a closed one's messages are dropped
}

// readerMsg is a message of this package from a command of reader number
// reader. Root drops those of a reader it has closed: a closed reader's
// measurements must not land in the next one, nor its BackMsg close it.
type readerMsg struct {
	reader int
	msg    tea.Msg
}

// tagReader makes cmd's messages readerMsgs of reader n. Only messages
// of this package are tagged: bubbletea's own (quit, batches) must reach
// the program as they are, and bubbles' components tag theirs already.
func tagReader(n int, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		msg := cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			tagged := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				tagged[i] = tagReader(n, c)
			}
			return tagged
		}
		if msg != nil && reflect.TypeOf(msg).PkgPath() == ownPackage {
			return readerMsg{reader: n, msg: msg}
		}
		return msg
	}
}

// ownPackage is this package's import path.
var ownPackage = reflect.TypeOf(readerMsg{}).PkgPath()

// articleMsg is an article read for the open numbered opening.
type articleMsg struct {
	opening int
	art     *model.Article
	err     error
}

// NewRoot returns the program for archive: its list first, titled title,
// and readers configured by o (BackToList is set for them).
func NewRoot(archive Archive, title string, o Options) Root {
	o.BackToList = true
	return Root{
		archive: archive,
		picker:  NewPicker(archive, PickerOptions{Title: title, Styles: o.Styles, Keys: DefaultPickerKeyMap()}),
		opts:    o,
	}
}

// Init starts reading the list.
func (r Root) Init() tea.Cmd { return r.picker.Init() }

// Update routes each message: ctrl+c and the size are everyone's, the
// list's scan reports are always the list's, opening and going back are
// Root's own, and everything else goes to what is on screen.
func (r Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		if key.Matches(msg, r.opts.Keys.Quit) {
			r.picker.stop()
			return r, tea.Quit
		}
	case tea.WindowSizeMsg:
		r.size = &msg
		var cmds []tea.Cmd
		r.picker, cmds = r.updatePicker(msg, cmds)
		if r.reading {
			r.reader, cmds = r.updateReader(msg, cmds)
		}
		return r, tea.Batch(cmds...)
	case catalogMsg, measuredMsg:
		// The list's own work goes on while an article is read.
		var cmds []tea.Cmd
		r.picker, cmds = r.updatePicker(msg, cmds)
		return r, tea.Batch(cmds...)
	case OpenArticleMsg:
		return r.open(msg.Key)
	case articleMsg:
		return r.show(msg)
	case readerMsg:
		if msg.reader != r.readers || !r.reading {
			return r, nil // from a reader that is closed
		}
		return r.Update(msg.msg)
	case BackMsg:
		r.reading, r.reader = false, Model{}
		return r, nil
	}
	var cmds []tea.Cmd
	if r.reading {
		r.reader, cmds = r.updateReader(msg, cmds)
	} else {
		r.picker, cmds = r.updatePicker(msg, cmds)
	}
	return r, tea.Batch(cmds...)
}

// open reads the article in a command, beside the event loop.
func (r Root) open(key string) (tea.Model, tea.Cmd) {
	r.opening++
	r.picker.opening = key
	n, a := r.opening, r.archive
	return r, func() tea.Msg {
		art, err := a.ArticleContext(context.Background(), key)
		return articleMsg{opening: n, art: art, err: err}
	}
}

// show puts an article that has been read in the reader, or says on the
// list why it could not be read.
func (r Root) show(msg articleMsg) (tea.Model, tea.Cmd) {
	if msg.opening != r.opening || r.reading {
		return r, nil
	}
	r.picker.opening = ""
	if msg.err != nil {
		r.picker.notice = noticeOf(msg.err)
		return r, nil
	}
	r.reader = New(msg.art, r.opts)
	r.reading = true
	r.readers++
	cmds := []tea.Cmd{tagReader(r.readers, r.reader.Init())}
	if r.size != nil {
		r.reader, cmds = r.updateReader(*r.size, cmds)
	}
	return r, tea.Batch(cmds...)
}

func (r Root) updatePicker(msg tea.Msg, cmds []tea.Cmd) (Picker, []tea.Cmd) {
	next, cmd := r.picker.Update(msg)
	return next.(Picker), append(cmds, cmd)
}

func (r Root) updateReader(msg tea.Msg, cmds []tea.Cmd) (Model, []tea.Cmd) {
	next, cmd := r.reader.Update(msg)
	return next.(Model), append(cmds, tagReader(r.readers, cmd))
}

// View draws what is on screen.
func (r Root) View() string {
	if r.reading {
		return r.reader.View()
	}
	return r.picker.View()
}
