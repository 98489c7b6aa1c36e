package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible makes untrusted text safe to put on a terminal: no byte of it can
// act as a control sequence. C0 controls (ESC among them) become their
// Unicode control pictures (␛), DEL becomes ␡, and C1 controls and the
// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
// which can reorder or hide what a reader sees, become a visible code such
// as ⟨U+202E⟩. Everything else is returned unchanged. It is the one place
// where article text is made fit for the screen; renderers call it where
// text enters them.
func Visible(s string) string {
	if isVisible(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch {
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case isHidingRune(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isVisible is Visible's fast path: true when s needs no change.
func isVisible(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if r < 0x20 || r == 0x7f || isHidingRune(r) {
					return false
				}
			}
			return true
		}
	}
	return true
}

func isHidingRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
