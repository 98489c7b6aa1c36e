package tui

import (
	"fmt"
	"regexp"
	"strings"

	"redline/model"
	"redline/model/diff"
	"redline/model/export"
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
	kind    diff.Kind
	note    bool
	old     int // index in the base version, -1 if none
	new     int // index in the shown version, -1 if none
	guessed bool
	// headline marks the block showing the headline's change.
	headline bool
	// kinds is what the block's edits are about (diff.EditKinds): the
	// gutter marks it, and } and { stop where it is substantive.
	kinds diff.EditKinds
	lines []string // styled content lines, without the gutter
	// edit and match are the first of lines that holds an edit, and a
	// search match; 0, the block's top, for none or where they are not
	// worked out (notes, side by side). A jump to a paragraph taller
	// than the window shows them, not only its top (showFocus).
	edit, match int
}

// changed reports whether the block is something the reader stops at
// with ] and [.
func (b block) changed() bool { return !b.note && b.kind != diff.Same }

// substantive reports whether the block is a paragraph with an edit of a
// kind that can change what the article says.
func (b block) substantive() bool { return !b.note && b.kinds.Substantive() }

// doc is a step laid out for one width: every block's lines, ready to be
// cut to the window.
type doc struct {
	blocks []block
	starts []int // the first line of each block
	total  int   // lines in all, the blank lines between blocks included
	// gapLine is drawn between blocks: empty, or the column rules of the
	// side-by-side and annotated views carried through.
	gapLine string
	annW    int // the annotation column's width, 0 when none
	colW    int // a side-by-side column's width, 0 in other views

	headline []string // the header's headline, laid out for the same width
}

// blockGap is the blank lines between two blocks: without them unchanged
// paragraphs run together and the eye cannot find where one ends, as
// --print's blank lines already show.
const blockGap = 1

func (d *doc) finish() {
	d.starts = make([]int, len(d.blocks))
	n := 0
	for i, b := range d.blocks {
		if i > 0 {
			n += blockGap
		}
		d.starts[i] = n
		n += len(b.lines)
	}
	d.total = n
}

// line is line y of the doc: block bi's line, and whether it is one (the
// blank lines between blocks are not).
func (d *doc) line(y int) (bi int, l string, ok bool) {
	bi = d.blockAt(y)
	i := y - d.starts[bi]
	if i < 0 || i >= len(d.blocks[bi].lines) {
		return bi, d.gapLine, false
	}
	return bi, d.blocks[bi].lines[i], true
}

// blockAt is the block that holds line y, or the block before the blank
// line y.
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
		if !b.note && b.kind != diff.MovedAway && b.new == i {
			return bi
		}
	}
	return -1
}

// change is the first (or, last true, the last) changed block, or -1.
func (d *doc) change(last bool) int {
	if last {
		return d.seek(len(d.blocks)-1, -1, block.changed)
	}
	return d.seek(0, +1, block.changed)
}

// seek is the first block from index from on, stepping dir (+1 or -1),
// for which ok holds, or -1.
func (d *doc) seek(from, dir int, ok func(block) bool) int {
	for bi := from; bi >= 0 && bi < len(d.blocks); bi += dir {
		if ok(d.blocks[bi]) {
			return bi
		}
	}
	return -1
}

// maxTextWidth is the widest a column of prose is laid out.
const maxTextWidth = 100

// gutterWidth is the columns before the text: the cursor bar, the change
// mark, the kind mark, the guess mark and a space.
const gutterWidth = 5

// docInput is everything a doc is built from.
type docInput struct {
	base, shown *model.Version // base is nil on a first version
	cmp         *diff.Comparison
	view        viewMode
	width       int
	styles      *Styles
	re          *regexp.Regexp    // the search to highlight, or nil
	annotation  []diff.Annotation // per shown paragraph when annotating, else nil
	numbers     []int             // every version's number, for annotations
	cache       *lineCache        // unchanged paragraphs already laid out
	dimMinor    bool              // draw typographic, punctuation and spelling edits dimmed
	note        styleWrap         // styles.Note's wrap, worked out once a Model (see noteLine)
	waiting     string            // while a comparison is made: what the body says instead
}

// lineCache keeps the lines of unchanged paragraphs laid out at a width:
// most paragraphs read the same in every version, so stepping through a
// long history lays out only what changed.
type lineCache struct {
	m map[lineKey][]string
}

type lineKey struct {
	text  string
	width int
}

// maxCachedLines bounds the cache; past it, it starts again empty.
const maxCachedLines = 100_000

func newLineCache() *lineCache { return &lineCache{m: map[lineKey][]string{}} }

// plainLines lays out a paragraph that has no edits.
func (in docInput) plainLines(text string, width int) []string {
	if in.re == nil {
		if l, ok := wrapPlain(text, width); ok {
			return l // no styles to add, nothing to cache
		}
	}
	if in.re != nil || in.cache == nil {
		return in.lines(plain(model.Visible(text)), width)
	}
	k := lineKey{text, width}
	if l, ok := in.cache.m[k]; ok {
		return l
	}
	l := in.lines(plain(model.Visible(text)), width)
	if len(in.cache.m) >= maxCachedLines {
		clear(in.cache.m)
	}
	in.cache.m[k] = l
	return l
}

// buildDoc lays a step out for the body's width.
func buildDoc(in docInput) *doc {
	d := &doc{}
	layoutBlocks(in, func(b block) { d.blocks = append(d.blocks, b) })
	annW := in.annotationWidth()
	if in.view == viewSide && in.base != nil && in.cmp != nil {
		// The blank line between paragraphs keeps the columns' rule.
		d.colW = max((in.textWidth(annW)-3)/2, 1)
		d.gapLine = strings.Repeat(" ", d.colW) + in.styles.Rule.Render(" │")
	}
	d.annW = annW
	if annW > 0 {
		d.gapLine = strings.Repeat(" ", annW-3) + in.styles.Rule.Render(" │ ") + d.gapLine
	}
	d.finish()
	return d
}

// textWidth is the width paragraphs are laid out at, beside the gutter
// and an annotation column annW wide.
func (in docInput) textWidth(annW int) int {
	text := max(in.width-gutterWidth-annW, 1)
	if in.view != viewSide {
		// Lines past about a hundred characters are hard to follow back;
		// wide terminals get a margin, not longer lines.
		text = min(text, maxTextWidth)
	}
	return text
}

// layoutChunk is how many changes layoutBlocks lays out before handing
// them on: --print writes each chunk and lets it go, so a 30 MB step
// never holds all its lines at once (they were 60 MB of the peak), and a
// chunk is still long enough to spread over every core.
const layoutChunk = 8192

// layoutBlocks lays a step out for the body's width and hands each block
// to emit, in reading order.
func layoutBlocks(in docInput, emit func(block)) {
	annW := in.annotationWidth()
	text := in.textWidth(annW)
	emitted := 0
	out := func(b block) {
		if annW > 0 {
			in.annotate(&b, annW)
		}
		emit(b)
		emitted++
	}
	plainBlock := func(i int, old int) block {
		b := block{kind: diff.Same, old: old, new: i, guessed: in.shown.IsGuessed(i)}
		if in.re == nil {
			b.lines = in.plainLines(in.shown.Paragraphs[i], text)
			return b
		}
		var match int
		b.lines, _, match = in.linesMarked(plain(model.Visible(in.shown.Paragraphs[i])), text)
		b.match = max(match, 0)
		return b
	}
	if in.base != nil && in.cmp != nil {
		// An editor's note says the article was wrong: the step says so
		// first, wherever the note sits.
		for _, b := range correctionBlocks(in, text) {
			out(b)
		}
	}
	if in.base != nil && in.cmp != nil && in.cmp.HeadlineChanged && in.view != viewClean {
		out(headlineBlock(in, text))
	}
	switch {
	case in.waiting != "":
		out(noteBlock(in.styles, text, in.waiting))
	case in.base == nil || in.cmp == nil:
		out(noteBlock(in.styles, text,
			fmt.Sprintf("Version %d is the first: there is nothing before it to compare.", in.shown.Number)))
		for i := range in.shown.Paragraphs {
			out(plainBlock(i, -1))
		}
	case in.view == viewClean:
		// The text as it reads, the gutter saying what happened to
		// each paragraph, as in the inline view: ] and [ stop there.
		what := byNew(in.cmp)
		for i := range in.shown.Paragraphs {
			b := plainBlock(i, in.cmp.OldIndex(i))
			b.kind, b.kinds = what[i].kind, what[i].kinds
			out(b)
		}
	case in.view == viewSide:
		for _, b := range sideBlocks(in, text) {
			out(b)
		}
	default:
		changes := in.cmp.Changes
		for lo := 0; lo < len(changes); lo += layoutChunk {
			blocks := make([]block, min(layoutChunk, len(changes)-lo))
			each(len(blocks), in.cache == nil, func(i int) {
				blocks[i] = inlineBlock(in, changes[lo+i], text)
			})
			for _, b := range blocks {
				out(b)
			}
		}
	}
	if emitted == 0 {
		out(noteBlock(in.styles, text, "This version has no paragraphs."))
	}
}

// each calls f for 0..n-1; on a long document laid out once (for
// --print, with no cache to share) it spreads the work over every core.
func each(n int, parallel bool, f func(i int)) {
	least := 2000
	if !parallel {
		least = n + 1
	}
	model.Spread(n, least, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			f(i)
		}
	})
}

// lines highlights, marks, wraps and draws spans.
func (in docInput) lines(spans []span, width int) []string {
	lines, _, _ := in.linesMarked(spans, width)
	return lines
}

// linesMarked is lines, and the first of them that holds an edit and a
// search match (-1 for none).
func (in docInput) linesMarked(spans []span, width int) (lines []string, edit, match int) {
	wrapped := wrapSpans(decorate(in.styles, highlight(spans, in.re)), width)
	edit, match = -1, -1
	for i, l := range wrapped {
		for _, s := range l {
			if edit < 0 && s.role != rolePlain {
				edit = i
			}
			if match < 0 && s.match {
				match = i
			}
		}
	}
	return renderSpans(wrapped, in.styles), edit, match
}

// annotationWidth is the width of the annotation column: two version numbers.
func (in docInput) annotationWidth() int {
	if in.annotation == nil {
		return 0
	}
	digits := 1
	for _, n := range in.numbers {
		digits = max(digits, len(fmt.Sprint(n)))
	}
	return 2*(digits+1) + 1 + 3 // "v1 v12" and " │ "
}

// annotate puts the annotation column before a block's lines: the version that
// introduced the paragraph and the one that last changed it.
func (in docInput) annotate(b *block, w int) {
	label := ""
	if !b.note && b.new >= 0 && b.kind != diff.MovedAway && b.new < len(in.annotation) {
		bl := in.annotation[b.new]
		label = fmt.Sprintf("v%d", in.numbers[bl.Introduced])
		if bl.LastChanged != bl.Introduced {
			label += fmt.Sprintf(" v%d", in.numbers[bl.LastChanged])
		}
	}
	blank := strings.Repeat(" ", w-3) + in.styles.Rule.Render(" │ ")
	b.lines = append([]string(nil), b.lines...) // the cache's lines stay as they are
	for i := range b.lines {
		col := blank
		if i == 0 && label != "" {
			col = in.styles.Annotation.Render(padRight(label, w-3)) + in.styles.Rule.Render(" │ ")
		}
		b.lines[i] = col + b.lines[i]
	}
}

// headlineBlock is the headline's change as a stop in the body, so that
// ] and [ reach a step that changed only the headline; the header shows
// the headline itself.
func headlineBlock(in docInput, width int) block {
	spans := append(plain("headline · "), editSpans(in.cmp.Headline)...)
	b := block{kind: diff.Edited, headline: true, old: -1, new: -1, kinds: in.cmp.HeadlineKinds}
	b.lines = renderSpans(wrapSpans(decorate(in.styles, spans), width), in.styles, in.styles.Note)
	return b
}

func noteBlock(st *Styles, width int, msg string) block {
	return block{note: true, old: -1, new: -1,
		lines: renderSpans(wrapSpans(plain(msg), width), st, st.Note)}
}

// guessedIn reports whether a change shows a paragraph the reader guessed.
func (in docInput) guessedIn(c diff.Change) bool {
	return (c.New >= 0 && c.Kind != diff.MovedAway && in.shown.IsGuessed(c.New)) ||
		(c.Old >= 0 && in.base.IsGuessed(c.Old))
}

// inlineBlock shows one change in one column.
func inlineBlock(in docInput, c diff.Change, width int) block {
	b := block{kind: c.Kind, old: c.Old, new: c.New, guessed: in.guessedIn(c), kinds: c.Kinds}
	switch c.Kind {
	case diff.MovedAway:
		excerpt := model.Visible(excerptOf(in.base.Paragraphs[c.Old], width))
		line := export.ParagraphLabel(c) + " · " + excerpt
		b.lines = []string{in.noteLine(truncateLine(line, width))}
		return b
	case diff.Moved:
		b.lines = append(b.lines, in.noteLine(truncateLine(export.ParagraphLabel(c), width)))
		if len(c.Edits) == 1 && c.Edits[0].Op == diff.OpEqual && c.Edits[0].Old == "" {
			// Moved verbatim: laid out as an unchanged paragraph, which
			// has a path of its own (wrapPlain) that reads the same.
			b.lines = append(b.lines, in.plainLines(c.Edits[0].Text, width)...)
			return b
		}
	case diff.Split, diff.Merged:
		b.lines = append(b.lines, in.noteLine(truncateLine(export.ParagraphLabel(c), width)))
	case diff.Same:
		b.lines = in.plainLines(in.shown.Paragraphs[c.New], width)
		return b
	}
	lines, edit, match := in.linesMarked(spansOfKinds(c.Edits, true, true, in.dimMinor), width)
	b.edit, b.match = len(b.lines)+max(edit, 0), len(b.lines)+max(match, 0)
	b.lines = append(b.lines, lines...)
	return b
}
