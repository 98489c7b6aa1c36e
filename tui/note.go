package tui

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"redline/model"
)

// The note lines of a step (moved to, moved from, split from) are drawn
// once per moved paragraph: with 50,000 moves they were a third of
// --print, so they have cheap paths that read the same.

// noteLine draws a note line in the Note style.
func (in docInput) noteLine(s string) string {
	if out, ok := in.note.render(s); ok {
		return out
	}
	return in.styles.Note.Render(s)
}

// excerptOf is the start of a paragraph long enough to fill a line of
// width columns and be cut there: a line shows at most width columns,
// each at least one byte, but zero-width runes (combining marks,
// joiners) take bytes and no column, so the cut leaves room for four
// bytes a column and keeps whole runes. Measuring and sanitising a whole
// paragraph for one line of it is what this saves (5 MB paragraphs).
func excerptOf(p string, width int) string {
	limit := 4*width + 64
	if len(p) <= limit {
		return p
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(p[cut]) {
		cut--
	}
	if !printableASCII(p[:cut]) && ansi.StringWidth(model.Visible(p[:cut])) <= width+2 {
		return p // mostly zero-width: measure it whole
	}
	return p[:cut]
}

// printableASCII reports whether s is printable ASCII: one column a byte.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// truncateLine cuts a note to width cells, with "…". (Its notes all hold
// "¶", so a printable-ASCII shortcut here never ran.)
func truncateLine(s string, width int) string { return ansi.Truncate(s, width, "…") }
