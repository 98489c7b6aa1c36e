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
		{"\x90DCS\x9c", "\uFFFDDCS\uFFFD"}, // raw C1 bytes are invalid UTF-8, replaced on input
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
