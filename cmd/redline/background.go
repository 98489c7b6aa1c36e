package main

import (
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// settleBackground decides, once and before anything is drawn, whether
// the terminal's background is dark, without asking the terminal.
//
// Left to itself, lipgloss asks the terminal (termenv's OSC 11 query) the
// first time an adaptive colour is rendered, and termenv v0.16.0 waits a
// fixed 5 s (a constant, not settable) for a terminal that never answers,
// on every start, eating the keys typed meanwhile. Only a newer stack
// fixes that properly (bubbletea/lipgloss v2 ask asynchronously and
// deliver the answer as a message). Here the answer only picks light or
// dark shades of the same colours, so redline reads COLORFGBG where the
// terminal sets it (rxvt, Konsole, iTerm2: "15;0" is light text on a dark
// background) and otherwise assumes dark. readerColor says whether the
// reader will draw in colour; without colour nothing is decided at all.
func settleBackground(readerColor bool) {
	dark := true
	if readerColor {
		if f := strings.Split(os.Getenv("COLORFGBG"), ";"); len(f) >= 2 {
			if bg, err := strconv.Atoi(f[len(f)-1]); err == nil {
				dark = bg < 7 || bg == 8
			}
		}
	}
	lipgloss.SetHasDarkBackground(dark)
}
