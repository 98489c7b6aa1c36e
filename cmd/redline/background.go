package main

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
)

// backgroundWait bounds how long redline waits for the terminal to say
// its background colour: a terminal answers in a few milliseconds or not
// at all, and only shades of the same colours depend on it.
const backgroundWait = 150 * time.Millisecond

// settleBackground decides, once and before anything is drawn, whether
// the terminal's background is dark, so that lipgloss never asks itself
// (termenv v0.16.0 would wait a fixed 5 s for a terminal that never
// answers; see cmd/redline/internal/earlyterm). readerColor says whether
// the reader will draw in colour; without colour nothing is asked.
// COLORFGBG, where the terminal sets it (rxvt, Konsole, iTerm2: "15;0" is
// light text on a dark background), is taken as it is; otherwise the
// terminal is asked (OSC 11) with a short bound, and without an answer
// the background is taken as dark.
func settleBackground(readerColor bool) {
	dark := true
	if readerColor {
		if d, ok := colorFGBG(os.Getenv("COLORFGBG")); ok {
			dark = d
		} else if d, ok := askBackground(backgroundWait); ok {
			dark = d
		}
	}
	lipgloss.SetHasDarkBackground(dark)
}

// colorFGBG reads COLORFGBG ("fg;bg" or "fg;default;bg"): dark when the
// background is one of the dark ANSI colours.
func colorFGBG(v string) (dark, ok bool) {
	f := strings.Split(v, ";")
	if len(f) < 2 {
		return false, false
	}
	bg, err := strconv.Atoi(f[len(f)-1])
	if err != nil {
		return false, false
	}
	return bg < 7 || bg == 8, true
}

// oscBackground parses a terminal's answer to OSC 11, "ESC ] 11 ; rgb:
// RRRR/GGGG/BBBB" (one to four hex digits a channel) ended by BEL or ST,
// found anywhere in reply: dark when its lightness is under a half.
func oscBackground(reply string) (dark, ok bool) {
	i := strings.Index(reply, "]11;rgb:")
	if i < 0 {
		return false, false
	}
	rest := reply[i+len("]11;rgb:"):]
	end := strings.IndexAny(rest, "\a\x1b")
	if end < 0 {
		return false, false
	}
	parts := strings.Split(rest[:end], "/")
	if len(parts) != 3 {
		return false, false
	}
	var c [3]float64
	for k, p := range parts {
		if len(p) < 1 || len(p) > 4 {
			return false, false
		}
		n, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return false, false
		}
		c[k] = float64(n) / float64(uint64(1)<<(4*len(p))-1)
	}
	lightness := (max(c[0], c[1], c[2]) + min(c[0], c[1], c[2])) / 2
	return lightness < 0.5, true
}
