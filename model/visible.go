package model

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible makes untrusted text safe to put on a terminal or in an error
// line: no byte of it can act as a control sequence. It works on bytes,
// not on decoded runes, because the bytes are what a terminal acts on: a
// raw 0x9b is CSI to a terminal in an 8-bit mode, though a rune decoder
// reads it as U+FFFD. So:
//
//   - C0 controls (ESC among them) become their Unicode control pictures
//     (␛), and DEL becomes ␡;
//   - C1 controls (U+0080–U+009F) and the bidirectional overrides and
//     isolates (U+202A–U+202E, U+2066–U+2069), which can reorder or hide
//     what a reader sees, become a visible code such as ⟨U+202E⟩;
//   - every byte that is not part of valid UTF-8 becomes ⟨0x9B⟩.
//
// Everything else is returned unchanged, so the result is valid UTF-8 and
// IsVisible. It is the one sanitiser of text bound for a screen or for
// stderr: article text, file and folder names, archive fields, git paths,
// names inside errors, flags echoed back.
func Visible(s string) string {
	if IsVisible(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c < 0x20:
				b.WriteRune(0x2400 + rune(c))
			case c == 0x7f:
				b.WriteRune('␡')
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, "⟨0x%02X⟩", c)
		case isHidingRune(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// IsVisible reports whether s is safe on a terminal as it is: valid UTF-8
// holding no control (C0, DEL, C1) and no bidirectional override or
// isolate. It is Visible's fast path, and what tests check output with.
func IsVisible(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isHidingRune(r) {
			return false
		}
		i += size
	}
	return true
}

func isHidingRune(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// OneLine is s on one line, made visible: its runs of white space (line
// breaks too) one space each, then Visible — how an error or a field of a
// list is written where a line is promised.
func OneLine(s string) string { return Visible(strings.Join(strings.Fields(s), " ")) }
