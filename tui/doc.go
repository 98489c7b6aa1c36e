package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"redline/model"
)

// viewMode is how the body shows a step.
type viewMode int8

const (
	viewInline viewMode = iota // one column, edits inline
	viewSide                   // old | new columns
	viewClean                  // the shown version's text alone
	viewCount
)

func (v viewMode) String() string {
	return [...]string{"inline", "side by side", "clean"}[v]
}

// ParseView reads a view's name as the command line gives it.
func ParseView(s string) (viewMode, bool) {
	switch s {
	case "inline":
		return viewInline, true
	case "side", "side-by-side":
		return viewSide, true
	case "clean":
		return viewClean, true
	}
	return 0, false
}

// block is one paragraph's place on screen (or a note that is not a
// paragraph, such as "nothing before this version").
type block struct {
	kind    model.Kind
	note    bool
	old     int // index in the base version, -1 if none
	new     int // index in the shown version, -1 if none
	guessed bool
	lines   []string // styled content lines, without the gutter
}

// changed reports whether the block is something the reader stops at
// with ] and [.
func (b block) changed() bool { return !b.note && b.kind != model.Same }

// doc is a step laid out for one width: every block's lines, ready to be
// cut to the window.
type doc struct {
	blocks []block
	starts []int // the first line of each block
	total  int   // lines in all
}

func (d *doc) finish() {
	d.starts = make([]int, len(d.blocks))
	n := 0
	for i, b := range d.blocks {
		d.starts[i] = n
		n += len(b.lines)
	}
	d.total = n
}

// blockAt is the block that holds line y.
func (d *doc) blockAt(y int) int {
	lo, hi := 0, len(d.blocks)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.starts[mid] <= y {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// findNew is the block showing paragraph i of the shown version, or -1.
func (d *doc) findNew(i int) int {
	for bi, b := range d.blocks {
		if !b.note && b.kind != model.MovedAway && b.new == i {
			return bi
		}
	}
	return -1
}

// gutterWidth is the columns before the text: the cursor bar, the change
// mark, the guess mark and a space.
const gutterWidth = 4

// docInput is everything a doc is built from.
type docInput struct {
	base, shown *model.Version // base is nil on a first version
	cmp         *model.Comparison
	view        viewMode
	width       int
	styles      *Styles
}

// buildDoc lays a step out for the body's width.
func buildDoc(in docInput) *doc {
	d := &doc{}
	text := max(in.width-gutterWidth, 1)
	switch {
	case in.base == nil || in.cmp == nil:
		d.blocks = append(d.blocks, noteBlock(in.styles, text,
			fmt.Sprintf("Version %d is the first: there is nothing before it to compare.", in.shown.Number)))
		for i, p := range in.shown.Paragraphs {
			d.blocks = append(d.blocks, block{kind: model.Same, old: -1, new: i, guessed: in.shown.IsGuessed(i),
				lines: renderSpans(wrapSpans([]span{{model.Visible(p), rolePlain}}, text), in.styles)})
		}
	case in.view == viewClean:
		for i, p := range in.shown.Paragraphs {
			d.blocks = append(d.blocks, block{kind: model.Same, old: in.cmp.OldIndex(i), new: i, guessed: in.shown.IsGuessed(i),
				lines: renderSpans(wrapSpans([]span{{model.Visible(p), rolePlain}}, text), in.styles)})
		}
	case in.view == viewSide:
		d.blocks = sideBlocks(in)
	default:
		for _, c := range in.cmp.Changes {
			d.blocks = append(d.blocks, inlineBlock(in, c, text))
		}
	}
	if len(d.blocks) == 0 {
		d.blocks = append(d.blocks, noteBlock(in.styles, text, "This version has no paragraphs."))
	}
	d.finish()
	return d
}

func noteBlock(st *Styles, width int, msg string) block {
	return block{note: true, old: -1, new: -1,
		lines: renderSpans(wrapSpans([]span{{msg, rolePlain}}, width), st, st.Note)}
}

// inlineBlock shows one change in one column.
func inlineBlock(in docInput, c model.Change, width int) block {
	st := in.styles
	b := block{kind: c.Kind, old: c.Old, new: c.New}
	b.guessed = (c.New >= 0 && c.Kind != model.MovedAway && in.shown.IsGuessed(c.New)) ||
		(c.Old >= 0 && in.base.IsGuessed(c.Old))
	switch c.Kind {
	case model.MovedAway:
		excerpt := model.Visible(in.base.Paragraphs[c.Old])
		line := fmt.Sprintf("moved to ¶%d · %s", c.New+1, excerpt)
		b.lines = []string{st.Note.Render(ansi.Truncate(line, width, "…"))}
		return b
	case model.Moved:
		b.lines = append(b.lines, st.Note.Render(ansi.Truncate(fmt.Sprintf("moved from ¶%d", c.Old+1), width, "…")))
	}
	b.lines = append(b.lines, renderSpans(wrapSpans(markIf(st, editSpans(c.Edits)), width), st)...)
	return b
}

// editSpans turns word edits into spans to draw. Spaces at the edges of
// an edit are drawn plain, so that struck-through or underlined runs
// start and end on words, as in git's word diff.
func editSpans(edits []model.Edit) []span {
	out := make([]span, 0, len(edits)+4)
	for _, e := range edits {
		r := rolePlain
		switch e.Op {
		case model.OpDelete:
			r = roleDeleted
		case model.OpInsert:
			r = roleInserted
		}
		text := model.Visible(e.Text)
		if r == rolePlain {
			out = append(out, span{text, r})
			continue
		}
		core := strings.Trim(text, " ")
		if core == "" {
			// A change of spacing alone: show it as it reads now.
			if r == roleInserted {
				out = append(out, span{text, rolePlain})
			}
			continue
		}
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		if lead != "" {
			out = append(out, span{lead, rolePlain})
		}
		out = append(out, span{core, r})
		if trail != "" {
			out = append(out, span{trail, rolePlain})
		}
	}
	return out
}

// markIf writes the edit markers into spans when the styles draw edits
// without colour.
func markIf(st *Styles, spans []span) []span {
	if st.Marks {
		return markSpans(spans)
	}
	return spans
}

// renderSpans draws wrapped lines; plain text takes the optional base
// style.
func renderSpans(lines [][]span, st *Styles, base ...lipgloss.Style) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = renderLine(l, st, base...)
	}
	return out
}

func renderLine(l []span, st *Styles, base ...lipgloss.Style) string {
	var b strings.Builder
	for _, s := range l {
		switch s.role {
		case roleDeleted:
			if st.Marks {
				b.WriteString(s.text) // markSpans wrote the markers
			} else {
				b.WriteString(st.Deleted.Render(s.text))
			}
		case roleInserted:
			if st.Marks {
				b.WriteString(s.text)
			} else {
				b.WriteString(st.Inserted.Render(s.text))
			}
		default:
			if len(base) > 0 {
				b.WriteString(base[0].Render(s.text))
			} else {
				b.WriteString(s.text)
			}
		}
	}
	return b.String()
}

// sideBlocks shows a step in two columns, old on the left and new on the
// right, each change on one row of both.
func sideBlocks(in docInput) []block {
	st := in.styles
	colW := max((in.width-gutterWidth-3)/2, 1)
	var out []block
	for _, c := range in.cmp.Changes {
		var left, right [][]span
		switch c.Kind {
		case model.Same:
			p := []span{{model.Visible(in.shown.Paragraphs[c.New]), rolePlain}}
			left, right = wrapSpans(p, colW), wrapSpans(p, colW)
		case model.Added:
			right = wrapSpans(markIf(st, editSpans(c.Edits)), colW)
		case model.Removed:
			left = wrapSpans(markIf(st, editSpans(c.Edits)), colW)
		case model.MovedAway:
			left = wrapSpans([]span{{fmt.Sprintf("moved to ¶%d", c.New+1), rolePlain}}, colW)
			left = append(left, wrapSpans([]span{{model.Visible(in.base.Paragraphs[c.Old]), rolePlain}}, colW)...)
		default: // Edited, Moved
			var oldSide, newSide []span
			for _, s := range editSpans(c.Edits) {
				if s.role != roleInserted {
					oldSide = append(oldSide, s)
				}
				if s.role != roleDeleted {
					newSide = append(newSide, s)
				}
			}
			left, right = wrapSpans(markIf(st, oldSide), colW), wrapSpans(markIf(st, newSide), colW)
			if c.Kind == model.Moved {
				right = append(wrapSpans([]span{{fmt.Sprintf("moved from ¶%d", c.Old+1), rolePlain}}, colW), right...)
			}
		}
		b := block{kind: c.Kind, old: c.Old, new: c.New}
		b.guessed = (c.New >= 0 && c.Kind != model.MovedAway && in.shown.IsGuessed(c.New)) ||
			(c.Old >= 0 && in.base.IsGuessed(c.Old))
		n := max(len(left), len(right), 1)
		sep := st.Rule.Render(" │ ")
		for i := 0; i < n; i++ {
			var l, r string
			if i < len(left) {
				l = renderLine(left[i], st)
			}
			if i < len(right) {
				r = renderLine(right[i], st)
			}
			b.lines = append(b.lines, padRight(l, colW)+sep+r)
		}
		out = append(out, b)
	}
	return out
}

// padRight pads a styled string with spaces to width cells.
func padRight(s string, width int) string {
	if w := ansi.StringWidth(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
