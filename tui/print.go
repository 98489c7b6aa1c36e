package tui

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"redline/model"
)

// PrintOptions choose what Print shows.
type PrintOptions struct {
	Base, Shown int // version indexes; Base -1 is the version before Shown
	Width       int
	View        string // inline, side or clean; "" is inline
	Styles      Styles
	// Only, when "substantive", prints only the paragraphs (and the
	// headline) whose edits can change what the article says: not those
	// of typography, punctuation or spelling alone, nor unchanged ones.
	Only string
}

// Print writes one step as text, for --print: the headline with its
// edits, what is compared with what, the figures, then every paragraph
// with the same gutter marks as the reader, blank lines between them.
func Print(w io.Writer, art *model.Article, o PrintOptions) error {
	view := viewInline
	if o.View != "" {
		v, ok := ParseView(o.View)
		if !ok {
			return fmt.Errorf("unknown view %q: want inline, side or clean", o.View)
		}
		view = v
	}
	if o.Only != "" && o.Only != "substantive" {
		return fmt.Errorf("unknown --only %q: want substantive", o.Only)
	}
	width := max(o.Width, minWidth)
	m := newModel(art, Options{Styles: o.Styles, Keys: DefaultKeyMap(), View: view, printing: true}, width+1, 1<<20)
	m.printing = true
	m.lines = nil // one step, laid out once: nothing to share
	if o.Shown != m.shown || (o.Base >= 0 && o.Base != o.Shown-1) {
		m.shown = o.Shown
		if o.Base >= 0 && o.Base != o.Shown-1 {
			m.pinned = o.Base
		}
		m.refresh()
	}
	m.cursor = -1 // no cursor on paper

	bw := bufio.NewWriterSize(w, 64<<10)
	st := &m.styles
	lines := m.headlineLines(width)
	for _, l := range wrapSpans(plain(m.metaText()), width) {
		lines = append(lines, renderLine(l, st, st.Meta))
	}
	for _, l := range wrapSpans(plain(m.whenText()), width) {
		lines = append(lines, renderLine(l, st, st.Meta))
	}
	for _, l := range wrapSpans(plain(m.statsText()), width) {
		lines = append(lines, renderLine(l, st, st.Stats))
	}
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	for bi, b := range m.doc.blocks {
		if o.Only != "" && (b.note || !b.kinds.Substantive()) {
			continue
		}
		bw.WriteByte('\n')
		for i, l := range b.lines {
			g := m.gutter(bi, i == 0)
			line := g[len(" "):] + l
			bw.WriteString(strings.TrimRight(line, " "))
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}
