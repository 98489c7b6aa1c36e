package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
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
