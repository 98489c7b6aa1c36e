package tui

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"redline/model"
)

// unsafeOutput returns what in out could act on a terminal, or "" when
// nothing does: the only escape allowed is SGR styling (ESC [ digits and
// semicolons m), the only control a line feed, and no C1 control (as a
// raw byte or as U+0080–U+009F) nor a bidirectional override or isolate.
// The program's own mode switches (alternate screen, mouse) come from
// bubbletea's renderer, never from View or Print.
func unsafeOutput(out string) string {
	for i := 0; i < len(out); {
		c := out[i]
		switch {
		case c == 0x1b:
			j := i + 1
			if j >= len(out) || out[j] != '[' {
				return out[i:min(i+8, len(out))]
			}
			j++
			for j < len(out) && (out[j] >= '0' && out[j] <= '9' || out[j] == ';' || out[j] == ':') {
				j++
			}
			if j >= len(out) || out[j] != 'm' {
				return out[i:min(j+1, len(out))]
			}
			i = j + 1
			continue
		case c == '\n':
		case c < 0x20 || c == 0x7f:
			return out[i : i+1]
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(out[i:])
			if r == utf8.RuneError && size == 1 {
				return out[i : i+1] // a raw byte that is not UTF-8: a C1 control on some terminals
			}
			if (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				return string(r)
			}
			i += size
			continue
		}
		i++
	}
	return ""
}

// FuzzOutputIsSafe puts raw bytes, not only valid UTF-8, in every field
// an article has — headline, paragraphs, labels, source, URL, times,
// notes, author, commit, archive URL — and holds the reader's screen, in
// each view, and --print's text, with colour and without, to printing
// nothing but text and SGR styling.
func FuzzOutputIsSafe(f *testing.F) {
	f.Add([]byte("Head\x9b31m\nA paragraph \x1b]8;;http://x\x07link\x1b]8;;\x07.\nThird\u202egnp."), []byte("Head\x9d\nA \x9c paragraph.\n\x00\x7f\u2066"), []byte("lab\x1b[2Jel"))
	f.Add([]byte("\xff\xfe\x00"), []byte("\x1bP1;2|x\x1b\\"), []byte("\r\n\t\x0b"))
	f.Fuzz(func(t *testing.T, a, b, meta []byte) {
		split := func(p []byte) []string {
			var out []string
			for _, s := range bytes.Split(p, []byte("\n")) {
				out = append(out, string(s))
			}
			return out
		}
		m := string(meta)
		art := &model.Article{Title: m, Source: m, URL: m, FirstSeen: m, Notes: []string{m},
			Versions: []model.Version{
				{Number: 1, Headline: string(a[:len(a)/3]), Paragraphs: split(a), Label: m, Time: m, Elapsed: m, Author: m},
				{Number: 2, Headline: string(b[:len(b)/3]), Paragraphs: split(b), Label: m, Time: "2020-01-08T10:02:00Z", Elapsed: m,
					Author: m, Commit: m, ArchiveURL: m, Guessed: []int{0}},
			}}
		for _, color := range []bool{false, true} {
			var out bytes.Buffer
			for _, view := range []string{"inline", "side", "clean"} {
				out.Reset()
				if err := Print(&out, art, PrintOptions{Base: 0, Shown: 1, Width: 60, View: view, Styles: DefaultStyles(color)}); err != nil {
					t.Fatal(err)
				}
				if bad := unsafeOutput(out.String()); bad != "" {
					t.Fatalf("--print --view %s (colour %v) writes %q", view, color, bad)
				}
			}
			reader := newModel(art, Options{Styles: DefaultStyles(color), Keys: DefaultKeyMap(), Clock: testOptions().Clock}, 80, 24)
			for _, keys := range []string{"", "v", "v", "?", "i", "enter"} {
				for _, k := range strings.Split(keys, "") {
					reader = update(reader, keyMsg(k))
				}
				if bad := unsafeOutput(reader.View()); bad != "" {
					t.Fatalf("the reader after %q (colour %v) draws %q", keys, color, bad)
				}
			}
		}
	})
}

func TestUnsafeOutputSeesWhatActs(t *testing.T) {
	for s, bad := range map[string]bool{
		"plain\n\x1b[1;31mred\x1b[0m": false, "é ü 日本": false,
		"\x1b]0;t\x07": true, "\x1b[2J": true, "\x9b31m": true, "\u009b": true, "\u202e": true, "\r": true, "\x1b[?1049h": true,
	} {
		if got := unsafeOutput(s) != ""; got != bad {
			t.Errorf("unsafeOutput(%q) flags %v, want %v", s, got, bad)
		}
	}
}
