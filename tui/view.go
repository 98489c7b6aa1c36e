package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"redline/model"
	"redline/model/diff"
	"redline/model/export"
)

// The smallest window redline draws in; below it, one line says so.
const (
	minWidth  = 20
	minHeight = 5
	// Below this height the header and footer shrink to a line each.
	roomyHeight = 12
)

func (m *Model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

func (m *Model) roomy() bool { return m.height >= roomyHeight }

// View draws the screen: header, body, footer, every line no wider than
// the window.
func (m Model) View() string {
	if m.tooSmall() {
		return ansi.Truncate(fmt.Sprintf("redline needs %d×%d or more", minWidth, minHeight), m.width, "…")
	}
	head, foot := m.headerLines(), m.footerLines()
	bodyH := max(m.height-len(head)-len(foot), 0)
	lines := make([]string, 0, m.height)
	lines = append(lines, head...)
	switch m.mode {
	case modeHelp:
		lines = append(lines, m.helpLines(bodyH)...)
	case modeHistory:
		lines = append(lines, m.historyLines(bodyH)...)
	default:
		heads := m.columnHeadings()
		lines = append(lines, heads...)
		lines = append(lines, m.bodyLines(max(bodyH-len(heads), 0))...)
	}
	lines = append(lines, foot...)
	for i, l := range lines {
		if ansi.StringWidth(l) > m.width {
			lines[i] = ansi.Truncate(l, m.width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// bodyHeight is the number of lines the body has, counted without
// drawing the header and footer: Update asks for it on every key.
func (m *Model) bodyHeight() int {
	if m.tooSmall() {
		return 1
	}
	head, foot := 1, 1
	if m.roomy() {
		head, foot = min(len(m.doc.headline), 2)+3, 3
	}
	// A heading's line each, counted without drawing it.
	annotated, sides := m.headingsShown()
	if annotated {
		head++
	}
	if sides {
		head++
	}
	return max(m.height-head-foot, 1)
}

// headerLines: the headline, with its own edits; then what is shown and
// against what; then a rule.
func (m *Model) headerLines() []string {
	st := &m.styles
	hl := append([]string(nil), m.doc.headline...)
	if !m.roomy() {
		// One line: which version, then the headline, so that a step
		// still shows on the screen, not in the footer alone.
		tag := fmt.Sprintf("v%d · ", m.art.Versions[m.shown].Number)
		return []string{" " + st.Meta.Render(tag) + ansi.Truncate(hl[0], max(m.width-1-ansi.StringWidth(tag), 1), "…")}
	}
	if len(hl) > 2 {
		hl = hl[:2]
		hl[1] = ansi.Truncate(hl[1]+" …", m.width-2, "…")
	}
	out := make([]string, 0, 4)
	for _, l := range hl {
		out = append(out, " "+l)
	}
	out = append(out, " "+m.metaLine(m.width-1))
	out = append(out, " "+st.Meta.Render(truncate(m.whenText(), m.width-1)))
	out = append(out, m.viewRule())
	return out
}

// headlineLines is the shown version's headline wrapped to width, its
// edits against the base marked when it changed.
func (m *Model) headlineLines(width int) []string {
	st := &m.styles
	v := m.art.Versions[m.shown]
	if c := m.comparison(); c != nil && c.HeadlineChanged && m.view != viewClean {
		// A headline this version dropped shows struck through.
		return renderSpans(wrapSpans(decorate(st, editSpans(c.Headline)), width), st, st.Headline)
	}
	if v.Headline == "" {
		// The article's title (another version's headline, a file's
		// name) says what is read, marked as no headline of this one.
		note := "(no headline)"
		if m.art.Title != "" {
			note += " · " + model.Visible(m.art.Title)
		}
		return []string{st.Note.Render(truncate(note, width))}
	}
	return renderSpans(wrapSpans(plain(model.Visible(v.Headline)), width), st, st.Headline)
}

// metaLine is the meta text with the timeline at its right end.
func (m *Model) metaLine(width int) string {
	tl := m.timeline(min(len(m.art.Versions)+len(m.art.Gaps), max(width/4, 1)))
	tlW := ansi.StringWidth(tl)
	if tl != "" && width-tlW-2 >= minWidth/2 {
		meta := truncate(m.metaText(width-tlW-2), width-tlW-2)
		return m.styles.Meta.Render(padRight(meta, width-tlW)) + tl
	}
	return m.styles.Meta.Render(truncate(m.metaText(width), width))
}

// metaText says where the reader is: source, version and position,
// when, what it is compared with, and how much of it was guessed. In
// fewer than width cells the source goes first, so that a narrow
// window does not cut the version ("built-in sample · nytimes · Versio…").
func (m *Model) metaText(width int) string {
	v := m.art.Versions[m.shown]
	var source []string
	if m.sample {
		source = append(source, "built-in sample")
	}
	if m.art.Source != "" {
		source = append(source, model.Visible(m.art.Source))
	}
	rest := m.placeText(v)
	if all := strings.Join(append(source, rest), " · "); ansi.StringWidth(all) <= width || len(source) == 0 {
		return all
	}
	return rest
}

// placeText is metaText less the source.
func (m *Model) placeText(v model.Version) string {
	var parts []string
	if v.Number == m.shown+1 {
		parts = append(parts, fmt.Sprintf("Version %d of %d", v.Number, len(m.art.Versions)))
	} else {
		parts = append(parts, fmt.Sprintf("Version %d (%d of %d)", v.Number, m.shown+1, len(m.art.Versions)))
	}
	if b := m.base(); b >= 0 {
		what := fmt.Sprintf("vs Version %d", m.art.Versions[b].Number)
		if m.pinned >= 0 && m.pinned != m.shown && !m.printing {
			what = fmt.Sprintf("compared with Version %d (pinned)", m.art.Versions[b].Number)
		}
		parts = append(parts, what)
	}
	if missing := m.missingText(); missing != "" {
		parts = append(parts, missing)
	}
	// What the reader guessed matters more than when or what: it comes
	// before them, so a narrow window cuts those first.
	if g := guessedCount(v); g > 0 {
		parts = append(parts, fmt.Sprintf("? %d guessed", g))
	}
	if c := commitText(&v); c != "" {
		parts = append(parts, c)
	} else {
		if by := m.bylineText(v); by != "" {
			parts = append(parts, by)
		}
		if v.Label != "" {
			parts = append(parts, model.Visible(v.Label))
		}
	}
	return strings.Join(parts, " · ")
}

// bylineText is a page's byline when it changed since the base ("by B,
// was A"): a byline changed alone is an edit too, which the paragraphs'
// comparison does not show. A git version's author is its commit's,
// named by commitText.
func (m *Model) bylineText(v model.Version) string {
	b := m.base()
	if b < 0 || v.Author == m.art.Versions[b].Author {
		return ""
	}
	was := m.art.Versions[b].Author
	switch {
	case v.Author == "":
		return "byline " + model.Visible(was) + " removed"
	case was == "":
		return "by " + model.Visible(v.Author) + ", a byline added"
	}
	return "by " + model.Visible(v.Author) + ", was " + model.Visible(was)
}

// guessedCount is how many paragraphs of v its reader guessed: the
// figure the JSON's "guessed" list gives, whatever the view shows.
func guessedCount(v model.Version) int {
	seen := map[int]bool{}
	for _, g := range v.Guessed {
		if g >= 0 && g < len(v.Paragraphs) {
			seen[g] = true
		}
	}
	return len(seen)
}

// missingBefore reports whether the history has a gap between the base
// and the shown version: the step shown spans versions no source gave.
func (m *Model) missingBefore() int {
	lo, hi := min(m.base(), m.shown), max(m.base(), m.shown)
	n := 0
	for _, g := range m.art.Gaps {
		if g >= lo && g < hi {
			n++
		}
	}
	return n
}

// footerLines: a rule, this step's figures (or a notice), and the keys
// (or the prompt being typed).
func (m *Model) footerLines() []string {
	st := &m.styles
	var status string
	switch {
	case m.waiting() != "":
		status = st.Notice.Render(m.waiting())
	case m.notice != "":
		status = st.Notice.Render(truncateMiddle(m.notice, m.width-1))
	case m.mode == modeHistory:
		status = st.Stats.Render(m.historyText())
	case m.search != nil:
		status = withNote(m.width-1, st.Stats, m.statsText(), st.Stats, m.search.status())
	case m.loading != "":
		status = withNote(m.width-1, st.Stats, m.statsText(), st.Notice, m.loading)
	default:
		status = st.Stats.Render(m.statsText()) // worked out only where shown
	}
	status = truncate(status, m.width-1)
	keys := m.help.ShortHelpView(m.keys.ShortHelp())
	switch m.mode {
	case modeHistory:
		keys = m.help.ShortHelpView(m.keys.historyHelp())
	case modeHelp:
		keys = m.help.ShortHelpView(m.keys.helpHelp())
	}
	switch m.mode {
	case modeGoto:
		keys = st.Prompt.Render(":") + m.input.View()
	case modeSearch:
		keys = st.Prompt.Render("/") + m.input.View()
	}
	if !m.roomy() {
		if m.mode == modeGoto || m.mode == modeSearch {
			return []string{keys}
		}
		return []string{" " + status}
	}
	return []string{st.Rule.Render(strings.Repeat("─", m.width)), " " + status, " " + keys}
}

// withNote is the step's figures and, after them, a note that must stay
// in view (the search's place, what is loading), in width cells: the
// figures give way first, cut short with "…".
func withNote(width int, figuresStyle lipgloss.Style, figures string, noteStyle lipgloss.Style, note string) string {
	note = " · " + note
	room := width - ansi.StringWidth(note)
	if room < 10 { // no room for figures worth the reading: the note alone
		return noteStyle.Render(truncate(strings.TrimPrefix(note, " · "), width))
	}
	return figuresStyle.Render(truncate(figures, room)) + noteStyle.Render(note)
}

// historyText says whose history is shown.
func (m *Model) historyText() string {
	h := m.history
	changed := 0
	for _, s := range h.steps {
		if s.Para >= 0 && newForm(s) {
			changed++
		}
	}
	forms := "forms"
	if changed == 1 {
		forms = "form"
	}
	if h.headline() {
		return fmt.Sprintf("history of the headline · %d %s", changed, forms)
	}
	return fmt.Sprintf("history of ¶%d of Version %d · %d %s", h.p+1, m.art.Versions[h.v].Number, changed, forms)
}

// statsText sums up the step: words added and removed, paragraphs by
// what happened to them, edits that touched no word, and the headline.
func (m *Model) statsText() string {
	c := m.comparison()
	if c == nil {
		return "first version · " + plural(len(m.art.Versions[m.shown].Paragraphs), "paragraph", "paragraphs")
	}
	return statsLine(c)
}

// statsLine is the footer's summary of a comparison: the same line
// --print and the exports give (export.Summary).
func statsLine(c *diff.Comparison) string { return export.Summary(c) }

// plural is "1 thing" or "n things".
var plural = export.Plural

// bodyLines cuts the doc to the window, each line behind its gutter.
func (m *Model) bodyLines(h int) []string {
	out := make([]string, 0, h)
	for y := m.offset; y < m.offset+h && y < m.doc.total; y++ {
		bi, l, ok := m.doc.line(y)
		if !ok {
			out = append(out, strings.TrimRight(strings.Repeat(" ", gutterWidth)+l, " "))
			continue
		}
		out = append(out, m.gutter(bi, y == m.doc.starts[bi])+l)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out
}

// gutter marks the cursor block on every line, and on a block's first
// line what happened to it and whether it was guessed.
func (m *Model) gutter(bi int, first bool) string {
	return m.gutterOf(m.doc.blocks[bi], bi == m.cursor, first)
}

// gutterOf is the gutter of a block's line, the cursor's block or not.
func (m *Model) gutterOf(b block, cursor, first bool) string {
	g := &m.marks
	cur := " "
	if cursor && !b.note {
		cur = g.cursor
	} else if !first || b.note {
		return blankGutter // most lines: no string made for each
	}
	mark, kind, guess := " ", " ", " "
	if first { // not a note's line: returned above
		kind = g.kind(b.kinds)
		switch b.kind {
		case diff.Edited:
			mark = g.edited
		case diff.Added:
			mark = g.added
		case diff.Removed:
			mark = g.removed
		case diff.Moved, diff.MovedAway:
			mark = g.moved
		case diff.Split:
			mark = g.split
		case diff.Merged:
			mark = g.merged
		}
		if b.guessed {
			guess = g.guessed
		}
	}
	return cur + mark + kind + guess + " "
}

// blankGutter is the gutter of a line that is not a block's first, or of
// a note, away from the cursor.
var blankGutter = strings.Repeat(" ", gutterWidth)

// gutterMarks are the gutter's marks, drawn once for a Model's styles:
// the gutter is drawn on every line.
type gutterMarks struct {
	cursor, edited, added, removed, moved, split, merged, guessed string
	kinds                                                         map[string]string // kind marks, drawn
}

// kind is the drawn kind mark of a block's kinds, or a space.
func (g *gutterMarks) kind(k diff.EditKinds) string {
	if s, ok := g.kinds[kindMark(k)]; ok {
		return s
	}
	return " "
}

func newGutterMarks(st *Styles) gutterMarks {
	return gutterMarks{
		cursor:  st.GutterCursor.Render("▌"),
		edited:  st.GutterEdited.Render(export.GutterMarks[diff.Edited]),
		added:   st.GutterAdded.Render(export.GutterMarks[diff.Added]),
		removed: st.GutterRemoved.Render(export.GutterMarks[diff.Removed]),
		moved:   st.GutterMoved.Render(export.GutterMarks[diff.Moved]),
		split:   st.GutterJoined.Render(export.GutterMarks[diff.Split]),
		merged:  st.GutterJoined.Render(export.GutterMarks[diff.Merged]),
		guessed: st.GutterGuessed.Render("?"),
		kinds:   newKindMarks(st),
	}
}

// helpBody is the full help, generated from the KeyMap: its groups side
// by side where they fit, else one under another; then the legends and
// where the article lives. helpLines cuts it to the window.
func (m *Model) helpBody() []string {
	st := &m.styles
	var cols []string
	for _, group := range m.keys.FullHelp() {
		keyW := 0
		for _, b := range group {
			if b.Enabled() {
				keyW = max(keyW, ansi.StringWidth(b.Help().Key))
			}
		}
		var rows []string
		for _, b := range group {
			if b.Enabled() {
				pad := strings.Repeat(" ", keyW-ansi.StringWidth(b.Help().Key))
				rows = append(rows, st.Prompt.Render(b.Help().Key)+pad+"  "+st.Meta.Render(b.Help().Desc))
			}
		}
		if len(rows) > 0 {
			cols = append(cols, strings.Join(rows, "\n"))
		}
	}
	body := strings.Split(packColumns(cols, m.width-1, "   "), "\n")
	for _, c := range cols {
		if lipgloss.Width(c) > m.width-1 {
			body = m.narrowHelp() // too narrow for a column: a key, its words below
			break
		}
	}
	out := []string{""}
	for _, l := range body {
		out = append(out, " "+l)
	}
	for _, legend := range m.legends() {
		out = append(out, "")
		for _, l := range wrapSpans(plain(legend), max(m.width-2, 1)) {
			out = append(out, " "+st.Meta.Render(spansText(l)))
		}
	}
	return out
}

// packColumns sets columns side by side, gap between them, starting a
// new row of columns (after a blank line) where the next would not fit.
func packColumns(cols []string, width int, gap string) string {
	var rows, row []string
	rowW := 0
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
		}
		row, rowW = nil, 0
	}
	for _, c := range cols {
		w := lipgloss.Width(c)
		if len(row) > 0 && rowW+len(gap)+w > width {
			flush()
		}
		if len(row) > 0 {
			row = append(row, gap)
			rowW += len(gap)
		}
		row = append(row, c)
		rowW += w
	}
	flush()
	return strings.Join(rows, "\n\n")
}

// truncate cuts s to width cells with an ellipsis.
func truncate(s string, width int) string { return ansi.Truncate(s, max(width, 0), "…") }

// truncateMiddle cuts plain text s to width cells by taking out its
// middle: a notice's end (the file written, the article's URL, its
// reason) says as much as its start.
func truncateMiddle(s string, width int) string {
	w := ansi.StringWidth(s)
	if w <= width || width < 8 {
		return truncate(s, width)
	}
	head := (width - 1) / 3
	tail := width - 1 - head
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, w-tail, "")
}
