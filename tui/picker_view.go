package tui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"redline/model"
	"redline/model/source/archive"

	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"
)

// This file draws the article list: header, rows in columns, footer.

// View draws the header, the rows on screen and the footer, no line
// wider than the window.
func (p Picker) View() string {
	if p.width < minWidth || p.height < minHeight {
		return ansi.Truncate(fmt.Sprintf("redline needs %d×%d or more", minWidth, minHeight), p.width, "…")
	}
	cols := p.columns()
	head, foot := p.headerLines(cols), p.footerLines()
	lines := append(head, p.bodyLines(cols, max(p.height-len(head)-len(foot), 0))...)
	lines = append(lines, foot...)
	if len(lines) > p.height {
		lines = lines[:p.height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > p.width {
			lines[i] = ansi.Truncate(l, p.width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// roomy is true when the window has room for the column names, rules
// and keys; below that the header and footer are a line each.
func (p *Picker) roomy() bool { return p.height >= roomyHeight }

// headerLines: the archive's name; then, with room, the column names
// and a rule.
func (p *Picker) headerLines(cols pickerColumns) []string {
	st := &p.styles
	order := " · " + orderNames[p.order]
	title := " " + st.Headline.Render(model.Visible(p.title)) + st.Meta.Render(order)
	if !p.roomy() {
		return []string{title}
	}
	return []string{title, "  " + st.Meta.Render(cols.header()), st.Rule.Render(strings.Repeat("─", p.width))}
}

// listHeight is the number of rows on screen.
func (p *Picker) listHeight() int {
	return max(p.height-len(p.headerLines(p.columns()))-len(p.footerLines()), 1)
}

// bodyLines are the rows on screen, or what stands in for them.
func (p *Picker) bodyLines(cols pickerColumns, h int) []string {
	st := &p.styles
	var out []string
	switch {
	case p.catalog == nil && p.loadErr == nil:
		out = append(out, "   "+st.Meta.Render("reading the list of articles…"))
	case len(p.match) == 0 && p.query != "":
		out = append(out, "   "+st.Note.Render(fmt.Sprintf("no headline or URL holds %q", model.Visible(p.query))))
	case len(p.match) == 0 && p.progress.Done && p.loadErr == nil:
		out = append(out, "   "+st.Note.Render("the archive holds no articles"))
	}
	for i := p.offset; i < len(p.match) && len(out) < h; i++ {
		s := p.catalog.At(p.match[i])
		gutter, text := "  ", cols.row(s, p.editsCell(s.Key))
		if i == p.cursor {
			gutter = st.GutterCursor.Render("▌") + " "
			text = st.Headline.Render(text)
		}
		out = append(out, gutter+text)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

// footerLines: a rule, the state of the list (or a notice), the keys
// (or the filter being typed); without room, only the state or the
// filter.
func (p *Picker) footerLines() []string {
	st := &p.styles
	status := " " + st.Stats.Render(p.statusText())
	switch {
	case p.loadErr != nil:
		status = " " + st.Notice.Render(noticeOf(p.loadErr))
	case p.notice != "":
		status = " " + st.Notice.Render(p.notice)
	}
	keys := []string{" " + p.help.ShortHelpView(p.keys.ShortHelp())}
	switch {
	case p.filtering:
		keys = []string{" " + st.Prompt.Render("/") + p.input.View() + "   " + keys[0]}
	case p.help.ShowAll:
		full := strings.Split(p.help.FullHelpView(p.keys.FullHelp()), "\n")
		if p.height-3-2-len(full) >= 3 { // else the short line, keeping 3 rows of the list
			keys = keys[:0]
			for _, l := range full {
				keys = append(keys, " "+l)
			}
		}
	}
	if !p.roomy() {
		if p.filtering {
			return keys
		}
		return []string{status}
	}
	return append([]string{st.Rule.Render(strings.Repeat("─", p.width)), status}, keys...)
}

// statusText says how much of the list is read and what the filter
// keeps.
func (p *Picker) statusText() string {
	var parts []string
	total := p.catalog.Len()
	if !p.progress.Done {
		parts = append(parts, fmt.Sprintf("reading %d%% · %s articles so far", int(p.progress.Fraction*100), humanize.Comma(int64(total))))
	} else {
		parts = append(parts, fmt.Sprintf("%s articles · %s versions", humanize.Comma(int64(total)), humanize.Comma(int64(p.progress.Versions))))
	}
	if p.query != "" {
		parts = append(parts, fmt.Sprintf("%s matching %q", humanize.Comma(int64(len(p.match))), model.Visible(p.query))) // "0 matching", "1 matching"
	}
	if p.opening != "" {
		parts = append(parts, "opening "+model.Visible(p.opening)+"…")
	}
	if m := p.measureText(); m != "" {
		parts = append(parts, m)
	}
	return strings.Join(parts, " · ")
}

// noticeOf is an error in one line, without the file name an
// *InputError starts with: the header names the archive already.
func noticeOf(err error) string {
	var ie *model.InputError
	msg := err.Error()
	if errors.As(err, &ie) {
		msg = ie.Msg
	}
	return model.OneLine(msg)
}

// pickerColumns is how a row is laid out at the window's width: the
// headline takes what the other columns leave, and they drop out, least
// useful first, as the window narrows.
type pickerColumns struct {
	width       int // of the row, after the gutter
	first, last bool
	site        int // 0 when the site is left out
}

const (
	colVersions = 5  // "  123"
	colEdits    = 5  // substantive edits, "   42"
	colDate     = 10 // "2006-01-02"
)

func (p *Picker) columns() pickerColumns {
	c := pickerColumns{width: p.width - 2}
	c.last = c.width >= 50
	if c.site = min((c.width-60)/3, 22); c.site < 10 {
		c.site = 0
	}
	c.first = c.width >= 90
	return c
}

func (c pickerColumns) header() string {
	return c.line("vers", "edits", "first seen", "last seen", "site", "headline")
}

// row lays out an article's row; edits is its edits cell.
func (c pickerColumns) row(s archive.ArticleSummary, edits string) string {
	return c.line(strconv.Itoa(s.Versions), edits, seenDay(s.FirstSeen.IsZero(), s.FirstSeen.Format("2006-01-02")),
		seenDay(s.LastSeen.IsZero(), s.LastSeen.Format("2006-01-02")), model.Visible(s.Host()), model.Visible(s.Headline))
}

func seenDay(zero bool, s string) string {
	if zero {
		return ""
	}
	return s
}

// line lays the columns out, each cell cut or padded to its width.
func (c pickerColumns) line(versions, edits, first, last, site, headline string) string {
	var b strings.Builder
	b.WriteString(padCell(versions, colVersions, true))
	b.WriteString(" " + padCell(edits, colEdits, true))
	used := colVersions + 1 + colEdits
	for _, cell := range []struct {
		on    bool
		text  string
		width int
	}{{c.first, first, colDate}, {c.last, last, colDate}, {c.site > 0, site, c.site}} {
		if cell.on {
			b.WriteString("  " + padCell(cell.text, cell.width, false))
			used += 2 + cell.width
		}
	}
	b.WriteString("  " + ansi.Truncate(headline, max(c.width-used-2, 0), "…"))
	return b.String()
}

// padCell cuts or pads s to width cells, on the left when right-aligned.
func padCell(s string, width int, right bool) string {
	s = ansi.Truncate(s, width, "…")
	fill := strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
	if right {
		return fill + s
	}
	return s + fill
}
