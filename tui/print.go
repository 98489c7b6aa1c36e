package tui

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"redline/model"
	"redline/model/diff"
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
	// Comparison is the step's, when the caller has made it already
	// (--print --all's header line needs it too); nil: Print makes it.
	Comparison *diff.Comparison
	// Sample says the article is redline's built-in sample, which the
	// line under the headline then says, as the reader's does.
	Sample bool
	// Notes prints the article's notes (commits or files skipped, dumps
	// that disagree) under the figures, each on a line of its own
	// starting "note: ": --print --all sets it for its first step only.
	Notes bool
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
	m := unlaidModel(art, Options{Styles: o.Styles, Keys: DefaultKeyMap(), View: view, Sample: o.Sample, printing: true}, width+1, 1<<20)
	m.lines = nil // one step, laid out once: nothing to share
	m.shown = o.Shown
	if o.Base >= 0 && o.Base != o.Shown-1 {
		m.pinned = o.Base
	}
	if b := m.base(); o.Comparison != nil && b >= 0 {
		m.cmps.put(b, m.shown, o.Comparison)
	}
	m.cursor = -1 // no cursor on paper
	in, _ := m.docInput(m.stepKey())

	bw := bufio.NewWriterSize(w, 64<<10)
	st := &m.styles
	lines := m.headlineLines(width)
	lines = append(lines, renderSpans(wrapSpans(plain(m.metaText(math.MaxInt)), width), st, st.Meta)...)
	lines = append(lines, renderSpans(wrapSpans(plain(m.whenText()), width), st, st.Meta)...)
	lines = append(lines, renderSpans(wrapSpans(plain(m.statsText()), width), st, st.Stats)...)
	if o.Notes {
		for _, n := range art.Notes {
			lines = append(lines, renderSpans(wrapSpans(plain("note: "+model.OneLine(n)), width), st, st.Notice)...)
		}
	}
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	// Each block is written as it is laid out, and let go: the lines of
	// a whole 30 MB step are never held at once.
	layoutBlocks(in, func(b block) {
		if o.Only != "" && !b.substantive() {
			return
		}
		bw.WriteByte('\n')
		for i, l := range b.lines {
			// The line with its gutter, trailing spaces trimmed, written
			// in pieces: joining them first was a copy of every line.
			g := m.gutterOf(b, false, i == 0)[len(" "):]
			if l = strings.TrimRight(l, " "); l != "" {
				bw.WriteString(g)
				bw.WriteString(l)
			} else {
				bw.WriteString(strings.TrimRight(g, " "))
			}
			bw.WriteByte('\n')
		}
	})
	return bw.Flush()
}
