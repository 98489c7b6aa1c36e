package ansisvg

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// parses checks that out is well-formed XML.
func parses(t *testing.T, out string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(out))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
	}
}

func TestRenderDrawsStylesAtTheirColumns(t *testing.T) {
	in := "~  Turkey \x1b[38;2;255;123;114;9mcalled\x1b[0m \x1b[4;32mhave\x1b[m <tag> & “done”\n\n\x1b[1mbold\x1b[22m \x1b[7mrev\x1b[27m \x1b[2mfaint\x1b[0m\n"
	var b bytes.Buffer
	if err := Render(&b, in, Options{Title: "a <step>"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	parses(t, out)
	for _, want := range []string{
		`<title>a &lt;step&gt;</title>`,
		`fill="#ff7b72" text-decoration="line-through">called</tspan>`,
		`text-decoration="underline">have</tspan>`,
		`&lt;tag&gt; &amp; “done”`,
		`font-weight="bold">bold</tspan>`,
		`opacity="0.6">faint</tspan>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	// "called" starts at column 10: x = 14 (padding) + 10 × 8.4.
	if !strings.Contains(out, `<tspan x="98.0" fill="#ff7b72"`) {
		t.Errorf("the run is not placed at its column:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Error("an escape sequence reached the picture")
	}
	// Three lines of text, one empty: no <text> for it.
	if n := strings.Count(out, "<text "); n != 2 {
		t.Errorf("%d <text> elements, want 2", n)
	}
}

func TestRenderSurvivesHostileInput(t *testing.T) {
	for _, in := range []string{"", "\x1b[", "\x1b[38;5m", "\x1b[38;2;1m x", "a\x00b\x07c\x1b]0;title\x07d", "\xff\xfe bad utf-8", "\x1b[48;5;196m  \x1b[0m"} {
		var b bytes.Buffer
		if err := Render(&b, in, Options{}); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		parses(t, b.String())
	}
}

// A mark that joins the character before it (a combining accent, a
// variation selector) is drawn with it, taking no column: the ANSI
// decoder gives it apart from an ASCII letter, with no width, and it had
// been dropped as if it were an escape sequence ("Cafe" for "Café").
func TestRenderKeepsCombiningMarks(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, "Cafe\u0301 \x1b[4mnoire\u0301\x1b[0m x\n", Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	parses(t, out)
	for _, want := range []string{">Cafe\u0301 </tspan>", `text-decoration="underline">noire` + "\u0301</tspan>", `<tspan x="106.4">x</tspan>`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
