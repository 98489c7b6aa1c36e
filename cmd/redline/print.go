package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"redline/cmd/redline/internal/ansisvg"
	"redline/model"
	"redline/model/diff"
	"redline/model/export"
	"redline/tui"
)

// validFormats are what --format accepts.
var validFormats = map[string]bool{"text": true, "html": true, "markdown": true, "json": true, "svg": true}

// textFormat reports whether --print writes text, the default (an empty
// format is the default too).
func (o options) textFormat() bool { return o.format == "" || o.format == "text" }

// checkColor settles --color and its alias --no-color, which must not
// disagree.
func checkColor(o *options, noColor bool) error {
	switch o.color {
	case "auto", "always", "never":
	default:
		return fmt.Errorf("--color %q: want auto, always or never", o.color)
	}
	if noColor {
		if o.color == "always" {
			return errors.New("--no-color and --color=always: choose one")
		}
		o.color = "never"
	}
	return nil
}

// printStep prints what --print (or a pipe) asks for: one step, or with
// --all every step from --from to --to, in the --format chosen.
func printStep(art *model.Article, o options, tty bool, stdout, stderr io.Writer) int {
	// --color=always and svg change lipgloss's profile for this print
	// only: run is also called many times in one test process.
	defer lipgloss.SetColorProfile(lipgloss.ColorProfile())
	steps, err := chooseSteps(art, o)
	if err != nil {
		report(stderr, err)
		return 2
	}
	switch o.format {
	case "html":
		err = export.HTML(stdout, art, steps)
	case "markdown":
		err = export.Markdown(stdout, art, steps)
	case "json":
		err = export.JSON(stdout, art, steps)
	case "svg":
		err = printSVG(stdout, art, steps[0], o)
	default:
		err = printText(stdout, art, steps, o, tty)
	}
	if err != nil {
		report(stderr, err)
		return 1
	}
	return 0
}

// chooseSteps turns --from, --to and --all into steps. Without --all it
// is one step: --to (default the newest) against --from (default the
// version before it). With --all it is every step from --from (default
// the first version) to --to, oldest first.
func chooseSteps(art *model.Article, o options) ([]export.Step, error) {
	base, shown, err := tui.ResolveStep(art, o.step())
	if err != nil {
		return nil, err
	}
	if !o.all {
		if !o.fromSet {
			base = shown - 1
		}
		return []export.Step{{Base: base, Shown: shown}}, nil
	}
	if !o.fromSet {
		base = 0
	}
	if base > shown {
		return nil, fmt.Errorf("--from %d comes after --to %d", art.Versions[base].Number, art.Versions[shown].Number)
	}
	return export.History(art, base, shown)
}

// printWidth is the width text is wrapped at: --width, else $COLUMNS
// (what shells export, and what a user sets to print for another
// window), else the terminal's, else 80.
func printWidth(o options, stdout io.Writer, tty bool) int {
	if o.width > 0 {
		return o.width
	}
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if f, isFile := stdout.(*os.File); isFile && tty {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// useColor is --color's rule: auto colours a terminal unless NO_COLOR is
// set; always colours even a pipe (for less -R), whatever NO_COLOR says.
func useColor(o options, tty bool) bool {
	switch o.color {
	case "always":
		forceColor()
		return true
	case "never":
		return false
	}
	return tty && os.Getenv("NO_COLOR") == ""
}

// forceColor makes lipgloss draw colour even where it detected none (a
// pipe, TERM=dumb): 256 colours, which every terminal and less -R that
// shows colour at all understands.
func forceColor() {
	if lipgloss.ColorProfile() == termenv.Ascii {
		lipgloss.SetColorProfile(termenv.ANSI256)
	}
}

// printText prints steps as the reader shows them. With several steps
// each opens with a header line — a rule, the step, the version, its time
// and its figures — like git log -p, so the history reads well in a pager.
func printText(w io.Writer, art *model.Article, steps []export.Step, o options, tty bool) error {
	width := printWidth(o, w, tty)
	styles := tui.DefaultStyles(useColor(o, tty))
	for i, s := range steps {
		var cmp *diff.Comparison // made once, for the header and the step
		if len(steps) > 1 {
			if i > 0 {
				fmt.Fprintln(w)
			}
			var base model.Version
			if s.Base >= 0 {
				base = art.Versions[s.Base]
			}
			cmp = diff.Compare(base, art.Versions[s.Shown])
			fmt.Fprintln(w, styles.Rule.Render(strings.Repeat("━", width)))
			for _, l := range wrapParts(stepHeader(art, s, cmp, i, len(steps)), width) {
				fmt.Fprintln(w, styles.Notice.Render(l))
			}
		}
		if err := tui.Print(w, art, tui.PrintOptions{Base: s.Base, Shown: s.Shown, Width: width, View: o.view, Styles: styles, Only: o.only, Comparison: cmp, Notes: i == 0, Sample: o.sample()}); err != nil {
			return err
		}
	}
	return nil
}

// stepHeader is the line that opens a step of --all: "step 2 of 3 ·
// Version 3 · Wed 8 Jan 2020 13:25 · +30 −12 words · 1 ¶ edited".
func stepHeader(art *model.Article, s export.Step, cmp *diff.Comparison, i, n int) []string {
	v := art.Versions[s.Shown]
	parts := []string{fmt.Sprintf("step %d of %d", i+1, n), fmt.Sprintf("Version %d", v.Number)}
	if s.Base >= 0 && s.Base != s.Shown-1 {
		parts[1] += fmt.Sprintf(" vs Version %d", art.Versions[s.Base].Number)
	}
	if when := tui.VersionDate(&v, nil); when != "" {
		parts = append(parts, when) // in the zone and form of the step's own header
	}
	parts = append(parts, export.StatsParts(cmp)...)
	return parts
}

// wrapParts joins parts with " · " into lines of at most width columns
// (a part longer than that gets a line of its own).
func wrapParts(parts []string, width int) []string {
	var lines []string
	line := ""
	for _, p := range parts {
		switch {
		case line == "":
			line = p
		case lipgloss.Width(line+" · "+p) <= width:
			line += " · " + p
		default:
			lines = append(lines, line)
			line = p
		}
	}
	return append(lines, line)
}

// printSVG draws the step as the reader shows it in colour — headline,
// figures, timeline, gutter and edits — as an SVG picture. It draws in
// true colour on a dark background, the reader's look in a dark terminal,
// unless --color=never asks for the marks instead.
func printSVG(w io.Writer, art *model.Article, s export.Step, o options) error {
	color := o.color != "never"
	if color {
		profile, dark := lipgloss.ColorProfile(), lipgloss.HasDarkBackground()
		lipgloss.SetColorProfile(termenv.TrueColor)
		lipgloss.SetHasDarkBackground(true)
		defer func() {
			lipgloss.SetColorProfile(profile)
			lipgloss.SetHasDarkBackground(dark)
		}()
	}
	width := o.width
	if width <= 0 {
		width = 80 // a picture is not as wide as the terminal it was made in
	}
	var text bytes.Buffer
	err := tui.Snapshot(&text, art, tui.PrintOptions{Base: s.Base, Shown: s.Shown, Width: width, View: o.view,
		Styles: tui.DefaultStyles(color)})
	if err != nil {
		return err
	}
	title := art.Versions[s.Shown].Headline
	if title == "" {
		title = art.Title
	}
	return ansisvg.Render(w, text.String(), ansisvg.Options{Title: model.Visible(title)})
}
