package model

import "testing"

func TestVisible(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain “quoted” text — 日本語 👩‍👩‍👧", "plain “quoted” text — 日本語 👩‍👩‍👧"},
		{"title\x1b]0;pwned\x07", "title␛]0;pwned␇"},
		{"\x1b[2J\x1b[31mred", "␛[2J␛[31mred"},
		{"tab\there\r\nnew", "tab␉here␍␊new"},
		{"del\x7f", "del␡"},
		{"c1\u009b31m and \u0085", "c1⟨U+009B⟩31m and ⟨U+0085⟩"},
		{"abc\u202edcba", "abc⟨U+202E⟩dcba"},
		{"\u2066isolate\u2069", "⟨U+2066⟩isolate⟨U+2069⟩"},
		// Raw C1 bytes are not UTF-8: the text reads as Windows-1252, in
		// which 0x90 is unassigned (U+FFFD) and 0x9C is œ, never a control.
		{"\x90DCS\x9c", "\uFFFDDCSœ"},
	}
	for _, c := range cases {
		in := c.in
		if c.in == "\x90DCS\x9c" {
			in, _ = DecodeText("x", []byte(c.in))
		}
		if got := Visible(in); got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Raw C1 bytes (0x9b CSI, 0x9d OSC, 0x9c ST) are invalid UTF-8: a terminal
// in an 8-bit mode acts on them, so Visible must see bytes, not the U+FFFD
// a rune decoder turns them into. File names, SQLite fields and git paths
// reach Visible without passing DecodeText.
func TestVisibleRawBytes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"a\x9b31mb", "a⟨0x9B⟩31mb"},
		{"\x9d0;pwned\x9c", "⟨0x9D⟩0;pwned⟨0x9C⟩"},
		{"caf\xe9", "caf⟨0xE9⟩"},
		{"cut \xe2\x80", "cut ⟨0xE2⟩⟨0x80⟩"},
		{"ok é \x9b", "ok é ⟨0x9B⟩"},
	}
	for _, c := range cases {
		got := Visible(c.in)
		if got != c.want {
			t.Errorf("Visible(%q) = %q, want %q", c.in, got, c.want)
		}
		if !IsVisible(got) {
			t.Errorf("Visible(%q) = %q is not safe", c.in, got)
		}
	}
}

// FuzzVisible: whatever the bytes, Visible's output is valid UTF-8 with no
// control, C1 or bidirectional override, and safe text is left alone.
func FuzzVisible(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[2J", "\x9b1m", "\xc2\x9b", "\u202e", "caf\xe9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Visible(s)
		if !IsVisible(v) {
			t.Fatalf("Visible(%q) = %q", s, v)
		}
		if IsVisible(s) && v != s {
			t.Fatalf("Visible changed safe text %q to %q", s, v)
		}
	})
}
