package tui

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"redline/model"
	"redline/model/export"
)

// writePage writes the step on screen (or, with all, every step of the
// article, oldest first) as an HTML page (export.HTML) to a new file in
// the current directory, named from the headline and the version, and
// says where in the footer. It runs in a command: the page of a long
// history compares every step for its timeline.
func (m *Model) writePage(all bool) tea.Cmd {
	art := m.art
	steps := []export.Step{{Base: m.base(), Shown: m.shown}}
	name := export.FileName(art, m.shown, ".html")
	if all {
		steps, _ = export.History(art, 0, len(art.Versions)-1)
		name = export.FileName(art, len(art.Versions)-1, "-history.html")
	}
	return m.later(workExport, "writing the page…", func() func(*Model) tea.Cmd {
		path, err := writePageFile(".", name, art, steps)
		return func(m *Model) tea.Cmd {
			if err != nil {
				m.notice = "could not write the page: " + noticeOf(err)
			} else {
				m.notice = "wrote " + model.Visible(path)
			}
			return nil
		}
	})
}

// writePageFile writes the steps' page into dir under name, or a name
// like it that no file has yet, and returns its path, absolute when it
// can be known.
func writePageFile(dir, name string, art *model.Article, steps []export.Step) (string, error) {
	f, err := export.CreateUnique(dir, name)
	if err != nil {
		return "", err
	}
	err = export.HTML(f, art, steps)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	path := f.Name()
	if abs, aerr := filepath.Abs(path); aerr == nil {
		path = abs
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return path, nil
}

// Snapshot writes one step as Print does, with the reader's timeline of
// every step's size right-aligned under the header: what the terminal
// shows, for a picture of it (--format svg). Unlike the reader it
// measures every step before it returns.
func Snapshot(w io.Writer, art *model.Article, o PrintOptions) error {
	if o.Shown < 0 || o.Shown >= len(art.Versions) || o.Base >= len(art.Versions) {
		return fmt.Errorf("no step from version %d to %d", o.Base, o.Shown)
	}
	var printed bytes.Buffer
	if err := Print(&printed, art, o); err != nil {
		return err
	}
	width := max(o.Width, minWidth)
	m := unlaidModel(art, Options{Styles: o.Styles, Keys: DefaultKeyMap()}, width+1, 1<<20) // the timeline is all it draws
	m.shown = o.Shown
	if o.Base >= 0 && o.Base != o.Shown-1 {
		m.pinned = o.Base
	}
	m.steps[0] = 0
	for i := 1; i < len(art.Versions); i++ {
		m.steps[i] = m.cmps.get(i-1, i).Size()
	}
	tl := m.timeline(width)
	text := printed.String()
	// The header is the lines before the first blank one.
	head, body, _ := strings.Cut(text, "\n\n")
	if tl != "" {
		head += "\n" + strings.Repeat(" ", max(width-lipgloss.Width(tl), 0)) + tl
	}
	_, err := io.WriteString(w, head+"\n\n"+body)
	return err
}
