package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"redline/model"
)

func plainLines(lines [][]span) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for _, s := range l {
			b.WriteString(s.text)
		}
		out = append(out, b.String())
	}
	return out
}

func TestWrapSpans(t *testing.T) {
	spans := []span{
		{text: "Russia and Turkey "},
		{text: "have", role: roleInserted},
		{text: " called "},
		{text: "in a joint statement on Wednesday", role: roleDeleted},
		{text: " for a cease-fire."},
	}
	cases := []struct {
		width int
		marks bool
		want  []string
	}{
		{80, true, []string{"Russia and Turkey {+have+} called [-in a joint statement on Wednesday-] for a", "cease-fire."}},
		{30, true, []string{"Russia and Turkey {+have+}", "called [-in a joint statement", "on Wednesday-] for a", "cease-fire."}},
		{30, false, []string{"Russia and Turkey have called", "in a joint statement on", "Wednesday for a cease-fire."}},
	}
	for _, c := range cases {
		in := spans
		if c.marks {
			in = decorate(&Styles{Marks: true}, spans)
		}
		got := plainLines(wrapSpans(in, c.width))
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("width %d marks %v:\n got  %q\n want %q", c.width, c.marks, got, c.want)
		}
		for _, l := range got {
			if w := ansi.StringWidth(l); w > c.width {
				t.Errorf("line %q is %d wide, more than %d", l, w, c.width)
			}
		}
	}
}

func TestWrapNeverSplitsACharacter(t *testing.T) {
	text := "日本語の文章はスペースなしで続きます👩‍👩‍👧e\u0301e\u0301e\u0301"
	for width := 1; width < 12; width++ {
		lines := plainLines(wrapSpans([]span{{text: text, role: roleInserted}}, width))
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("width %d: lost text: %q", width, got)
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w > max(width, 2) {
				t.Errorf("width %d: line %q is %d wide", width, l, w)
			}
		}
	}
}

func TestWrapPlainMatchesWrapSpans(t *testing.T) {
	texts := []string{
		"Russia and Turkey called for a cease-fire in Libya to begin Saturday night.",
		"short",
		"",
		"a supercalifragilisticexpialidocious word that is longer than the line",
		"two  spaces   and a trailing space ",
		"“Curly quotes,” she said — and an ellipsis… in Ελληνικά and кириллица, 25 €.",
	}
	for _, text := range texts {
		for width := 1; width < 40; width++ {
			fast, ok := wrapPlain(text, width)
			if !ok {
				t.Fatalf("%q takes the fast path", text)
			}
			slow := plainLines(wrapSpans(plain(text), width))
			if strings.Join(fast, "|") != strings.Join(slow, "|") {
				t.Errorf("width %d %q:\n fast %q\n slow %q", width, text, fast, slow)
			}
		}
	}
	for _, text := range []string{"日本語", "e\u0301", "zero\u200bwidth", "tab\there", "emoji 👍"} {
		if _, ok := wrapPlain(text, 10); ok {
			t.Errorf("%q took the fast path", text)
		}
	}
}

// TestOneCellAgreesWithTheTerminalWidth holds wrapping's fast path to the
// width the rest of the drawing uses: every rune oneCell calls one cell
// wide is one cell wide to ansi.StringWidth.
func TestOneCellAgreesWithTheTerminalWidth(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if oneCell(r) {
			if w := ansi.StringWidth(string(r)); w != 1 {
				t.Errorf("oneCell(%U) but it is %d cells wide", r, w)
			}
		}
	}
}

// TestStyleWrapIsRender: where a style's wrap says it is pure, drawing by
// concatenation gives what lipgloss's Render gives, for every style
// redline has, with and without colour, on text with spaces, marks and
// wide characters.
func TestStyleWrapIsRender(t *testing.T) {
	texts := []string{"", "moved from ¶7", "  two  spaces ", "中文 and ‘quotes’ — dash…", "é e\u0301 👩‍👩‍👧"}
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI256, termenv.TrueColor} {
		lipgloss.SetColorProfile(profile)
		checkStyleWraps(t, texts)
	}
}

func checkStyleWraps(t *testing.T, texts []string) {
	t.Helper()
	pure := 0
	for _, color := range []bool{false, true} {
		st := DefaultStyles(color)
		for _, style := range []lipgloss.Style{st.Note, st.Meta, st.Deleted, st.Inserted, st.Match, st.Headline, st.Stats} {
			w := wrapOf(style)
			for _, s := range texts {
				got, ok := w.render(s)
				if ok && got != style.Render(s) {
					t.Errorf("colour %v: wrap gives %q, Render %q", color, got, style.Render(s))
				}
				if ok {
					pure++
				}
			}
		}
	}
	if pure == 0 {
		t.Errorf("no style drawn by its wrap")
	}
}

// TestExcerptCutsNothingShown: a move note cut from a paragraph's start
// reads as the note cut from the whole paragraph, for long paragraphs of
// wide, zero-width and control characters.
func TestExcerptCutsNothingShown(t *testing.T) {
	pieces := []string{"word ", "中文", "e\u0301", "\u200d", "\u0301\u0301\u0301", "\x1b", "👩‍👩‍👧", "\u202e"}
	for k, p := range pieces {
		long := strings.Repeat(p, 400) + strings.Repeat(pieces[(k+1)%len(pieces)], 400)
		for _, width := range []int{1, 20, 80} {
			whole := ansi.Truncate("moved to ¶3 · "+model.Visible(long), width, "…")
			cut := ansi.Truncate("moved to ¶3 · "+model.Visible(excerptOf(long, width)), width, "…")
			if whole != cut {
				t.Errorf("%q at %d: %q, want %q", p, width, cut, whole)
			}
		}
	}
}

// TestTruncateLineIsAnsiTruncate on ASCII lines of every length around
// the width, and on non-ASCII ones.
func TestTruncateLineIsAnsiTruncate(t *testing.T) {
	for _, s := range []string{"", "a", "moved to ¶12 · x", "moved from 12 the cat sat on the mat", "中文 wide"} {
		for width := 0; width < 40; width++ {
			if got, want := truncateLine(s, width), ansi.Truncate(s, width, "…"); got != want {
				t.Errorf("truncateLine(%q, %d) = %q, want %q", s, width, got, want)
			}
		}
	}
}
