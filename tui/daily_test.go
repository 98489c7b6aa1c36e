package tui

import (
	"strings"
	"testing"
)

// Paragraphs are set apart by a blank line in every view and at every
// width, and moving the cursor still lands on paragraphs, never on the
// blank lines between them.
func TestParagraphsAreSeparated(t *testing.T) {
	for _, view := range []string{"inline", "side", "clean"} {
		for _, w := range []int{20, 40, 80, 120, 200} {
			m := newTestModel(t, seedArticle(t), w, 30)
			for m.view.String() != map[string]string{"inline": "inline", "side": "side by side", "clean": "clean"}[view] {
				m = press(m, "v")
			}
			d := m.doc
			for bi := 1; bi < len(d.blocks); bi++ {
				end := d.starts[bi-1] + len(d.blocks[bi-1].lines)
				if d.starts[bi] != end+1 {
					t.Fatalf("%s at %d: block %d starts at %d, want a blank line after %d", view, w, bi, d.starts[bi], end)
				}
				if _, _, ok := d.line(end); ok {
					t.Fatalf("%s at %d: line %d between blocks is not blank", view, w, end)
				}
			}
			for i := 0; i < 8; i++ {
				m = press(m, "j")
				top := m.doc.starts[m.cursor] - m.offset
				body := strings.Split(m.View(), "\n")[len(m.headerLines())+top]
				if !strings.HasPrefix(body, "▌") {
					t.Fatalf("%s at %d: the cursor's first line %q has no cursor bar", view, w, body)
				}
			}
		}
	}
}
