package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"redline/model/diff"
	"redline/model/export"
)

// sideBlocks shows a step in two columns, old on the left and new on the
// right, each change on one row of both. A moved paragraph stands at its
// place on each side: its old form, deletions marked, where it left, and
// its new form, insertions marked, where it arrived.
func sideBlocks(in docInput, width int) []block {
	st := in.styles
	colW := max((width-3)/2, 1)
	// What moved, by old paragraph, for the marker where it left: a
	// moved paragraph, or a merge whose paragraphs moved (it has a
	// marker too), whose old text then stands there, not at the merge.
	movedEdits := map[int][]diff.Edit{}
	marked := map[int]bool{}
	for _, c := range in.cmp.Changes {
		switch c.Kind {
		case diff.Moved, diff.Merged:
			movedEdits[c.Old] = c.Edits
		case diff.MovedAway:
			marked[c.Old] = true
		}
	}
	// The two sides of an edit: each column reads exactly as its
	// version, in its own spelling.
	split := func(edits []diff.Edit) (old, new []span) {
		return spansOfKinds(edits, true, false, in.dimMinor), spansOfKinds(edits, false, true, in.dimMinor)
	}
	note := func(msg string) []string {
		return renderSpans(wrapSpans(plain(msg), colW), st, st.Note)
	}
	var out []block
	for _, c := range in.cmp.Changes {
		var left, right []string
		switch c.Kind {
		case diff.Same:
			left = in.plainLines(in.shown.Paragraphs[c.New], colW)
			right = left
		case diff.Added:
			right = in.lines(editSpans(c.Edits), colW)
		case diff.Removed:
			left = in.lines(editSpans(c.Edits), colW)
		case diff.MovedAway:
			old, _ := split(movedEdits[c.Old])
			left = append(note(export.ParagraphLabel(c)), in.lines(old, colW)...)
		case diff.Moved:
			_, new := split(c.Edits)
			right = append(note(export.ParagraphLabel(c)), in.lines(new, colW)...)
		case diff.Split, diff.Merged:
			old, new := split(c.Edits)
			left, right = in.lines(old, colW), append(note(export.ParagraphLabel(c)), in.lines(new, colW)...)
			if c.Kind == diff.Merged && marked[c.Old] {
				left = nil // its old text stands where it left
			}
		default: // Edited
			old, new := split(c.Edits)
			left, right = in.lines(old, colW), in.lines(new, colW)
		}
		b := block{kind: c.Kind, old: c.Old, new: c.New, guessed: in.guessedIn(c), kinds: c.Kinds}
		n := max(len(left), len(right), 1)
		sep := st.Rule.Render(" │ ")
		for i := 0; i < n; i++ {
			var l, r string
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
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
