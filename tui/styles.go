package tui

import (
	"strings"
	"sync"

	"github.com/charmbracelet/lipgloss"
)

// Styles holds every style redline draws with; view code never builds a
// colour of its own.
type Styles struct {
	// Marks draws edits as [-deleted-] and {+inserted+} instead of colour,
	// for terminals without colour and NO_COLOR.
	Marks bool

	Deleted  lipgloss.Style
	Inserted lipgloss.Style
	// The halves of a typographic-only edit (quote style, dash kind,
	// spacing): dimmer than a change of wording.
	DeletedTypographic, InsertedTypographic lipgloss.Style
	Match                                   lipgloss.Style // a search match
	// A search match inside an edit.
	DeletedMatch, InsertedMatch lipgloss.Style

	Headline lipgloss.Style
	Meta     lipgloss.Style // the line under the headline
	Rule     lipgloss.Style
	Note     lipgloss.Style // "moved from ¶7", "nothing before this version"
	Stats    lipgloss.Style
	Notice   lipgloss.Style // errors and "not found"
	Prompt   lipgloss.Style

	GutterCursor  lipgloss.Style
	GutterEdited  lipgloss.Style
	GutterAdded   lipgloss.Style
	GutterRemoved lipgloss.Style
	GutterMoved   lipgloss.Style
	GutterJoined  lipgloss.Style // a split piece or a merged paragraph
	GutterGuessed lipgloss.Style

	TimelineStep   lipgloss.Style
	TimelineShown  lipgloss.Style
	TimelinePinned lipgloss.Style
	TimelineGap    lipgloss.Style
	Annotation     lipgloss.Style

	// Edit kinds. The halves of an edit that is only typography,
	// punctuation or spelling while the reader dims those (the d key);
	// Minor is their emphasis where edits are marked in text.
	DeletedMinor, InsertedMinor, Minor lipgloss.Style
	// The gutter's kind mark of a paragraph with a substantive edit (#
	// number, “ quote, @ name…), and the · of one whose edits are all
	// minor.
	GutterKind, GutterMinor lipgloss.Style
	// A timeline step that holds substantive edits.
	TimelineSubstantive lipgloss.Style

	// paints keeps, by paintStyle, the text paint puts around a span in
	// that style: worked out once a Styles (copies share it) rather than
	// once a span. nil (a Styles built by hand): worked out every time.
	paints *sync.Map
}

// DefaultStyles are redline's styles. With colour they adapt to light and
// dark terminals; without, edits are marked in text and emphasis uses
// only bold and faint.
func DefaultStyles(color bool) Styles {
	red := lipgloss.AdaptiveColor{Light: "#B3261E", Dark: "#FF7B72"}
	green := lipgloss.AdaptiveColor{Light: "#116329", Dark: "#7EE787"}
	blue := lipgloss.AdaptiveColor{Light: "#0550AE", Dark: "#79C0FF"}
	amber := lipgloss.AdaptiveColor{Light: "#9A6700", Dark: "#E3B341"}
	dim := lipgloss.AdaptiveColor{Light: "#6E7781", Dark: "#8B949E"}
	matchBG := lipgloss.AdaptiveColor{Light: "#FFF8C5", Dark: "#5A4A00"}
	s := Styles{Marks: !color, paints: &sync.Map{}}
	p := lipgloss.NewStyle()
	s.Headline = p.Bold(true)
	s.Meta = p.Foreground(dim)
	s.Rule = p.Foreground(dim)
	s.Note = p.Foreground(dim).Italic(true)
	s.Stats = p
	s.Notice = p.Foreground(amber).Bold(true)
	s.Prompt = p.Bold(true)
	s.Annotation = p.Foreground(dim)
	s.Minor = p.Faint(true)
	s.GutterMinor = p.Faint(true)
	if !color {
		s.GutterKind = p.Bold(true)
		s.Match = p.Reverse(true)
		s.GutterCursor = p.Bold(true)
		s.TimelineShown = p.Bold(true)
		s.TimelinePinned = p.Bold(true)
		return s
	}
	s.Deleted = p.Foreground(red).Strikethrough(true)
	s.Inserted = p.Foreground(green).Underline(true)
	s.DeletedTypographic = p.Foreground(dim).Strikethrough(true)
	s.InsertedTypographic = p.Foreground(dim).Underline(true)
	s.Match = p.Background(matchBG).Bold(true)
	s.DeletedMatch = s.Deleted.Background(matchBG).Bold(true)
	s.InsertedMatch = s.Inserted.Background(matchBG).Bold(true)
	s.GutterCursor = p.Foreground(blue).Bold(true)
	s.GutterEdited = p.Foreground(amber)
	s.GutterAdded = p.Foreground(green)
	s.GutterRemoved = p.Foreground(red)
	s.GutterMoved = p.Foreground(blue)
	s.GutterJoined = p.Foreground(blue)
	s.GutterGuessed = p.Foreground(amber).Bold(true)
	s.TimelineStep = p.Foreground(dim)
	s.TimelineShown = p.Foreground(blue).Bold(true)
	s.TimelinePinned = p.Foreground(amber).Bold(true)
	s.TimelineGap = p.Foreground(red)
	s.DeletedMinor = p.Foreground(dim).Faint(true).Strikethrough(true)
	s.InsertedMinor = p.Foreground(dim).Faint(true).Underline(true)
	s.GutterKind = p.Foreground(amber).Bold(true)
	s.GutterMinor = p.Foreground(dim)
	s.TimelineSubstantive = p.Foreground(amber)
	return s
}

// styleWrap draws one style the cheap way where that is provably the
// same: a style that only puts fixed text before and after a line (a
// colour, italics, or nothing at all without colour) is drawn by
// concatenation. lipgloss's Render builds the style afresh on every call:
// the move notes of 50,000 moved paragraphs spent a third of --print
// there.
type styleWrap struct {
	pre, post string
	pure      bool // Render(s) == pre + s + post for one-line s
}

// wrapOf works out a style's wrap from probes: a style that pads, sets a
// width, draws a border or styles spaces apart from words renders one of
// them otherwise and is left to Render.
func wrapOf(style lipgloss.Style) styleWrap {
	const probe = "\uE000"
	var w styleWrap
	out := style.Render(probe)
	k := strings.Index(out, probe)
	if k < 0 {
		return w
	}
	w.pre, w.post = out[:k], out[k+len(probe):]
	for _, p := range []string{"x", "x y", " x  y ", "moved to ¶12 · “Quoted” text…"} {
		if style.Render(p) != w.pre+p+w.post {
			return w
		}
	}
	w.pure = true
	return w
}

// render is the style's Render(s), or ok false where it may not be.
func (w styleWrap) render(s string) (out string, ok bool) {
	if w.pure && !strings.ContainsAny(s, "\n\r\t\x1b") {
		return w.pre + s + w.post, true
	}
	return "", false
}
