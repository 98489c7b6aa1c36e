package tui

import (
	"bytes"
	"strings"
	"testing"

	"redline/model"
)

// hostile holds every class of text that must never act on a terminal:
// escape sequences (CSI, OSC, DCS), other C0 and C1 controls, bidi
// overrides and isolates.
var hostile = []string{
	"\x1b[2J\x1b[Hcleared",          // CSI: clear the screen
	"\x1b]0;pwned\x07title",         // OSC: retitle the window
	"\x1bP1$r0m\x1b\\dcs",           // DCS
	"bell\x07 back\x08space\r cr",   // C0
	"c1 \u009b31m csi \u0085 nel",   // C1 (as runes)
	"abc\u202edcba \u2066iso\u2069", // bidi override and isolate
}

// unsafeRune reports whether a view holds a control or bidi character;
// the view is drawn with the Ascii profile, so redline itself adds none.
func unsafeRune(s string) (rune, bool) {
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			return r, true
		}
	}
	return 0, false
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	all := strings.Join(hostile, " ")
	art := &model.Article{Title: all, Source: all, URL: all, Versions: []model.Version{
		{Number: 1, Headline: all, Label: all, Time: all, Paragraphs: append([]string{"Plain start."}, hostile...)},
		{Number: 2, Headline: "new " + all, Label: all, Elapsed: all, Paragraphs: append([]string{"Plain start, edited."}, hostile[2:]...)},
	}}
	m := newTestModel(t, art, 100, 40)
	views := map[string]string{"inline": m.View()}
	views["side"] = press(m, "v").View()
	views["clean"] = press(m, "v", "v").View()
	views["history"] = press(m, "j", "enter").View()
	views["annotate"] = press(m, "a").View()
	views["help"] = press(m, "?").View()
	views["search"] = press(m, "/", "\x1b", "[", "2", "J", "enter").View()
	views["goto"] = press(m, ":", "\x07", "enter").View()
	views["first"] = press(m, "<").View()
	for name, v := range views {
		if r, bad := unsafeRune(v); bad {
			t.Errorf("%s view holds %U", name, r)
		}
	}
	if !strings.Contains(views["first"], "␛[2J␛[Hcleared") || !strings.Contains(views["first"], "⟨U+202E⟩") {
		t.Errorf("the placeholders are not shown:\n%s", views["first"])
	}
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := Print(&b, art, PrintOptions{Base: -1, Shown: 1, Width: 80, Styles: DefaultStyles(color)}); err != nil {
			t.Fatal(err)
		}
		if r, bad := unsafeRune(b.String()); bad {
			t.Errorf("--print (colour %v) holds %U", color, r)
		}
	}
}
