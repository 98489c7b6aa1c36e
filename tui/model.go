// Package tui is redline's terminal interface: an Elm-style model that
// holds every version of an article and shows one step at a time, edits
// highlighted inline.
package tui

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
	"redline/model/diff"
)

// mode is what the keyboard is talking to.
type mode int8

const (
	modeReading mode = iota
	modeHelp
	modeGoto    // typing a version number after ':'
	modeSearch  // typing a search after '/'
	modeHistory // one paragraph through every version
)

// Options configure a Model.
type Options struct {
	Styles Styles
	Keys   KeyMap
	View   viewMode
	// BackToList makes q (and esc when nothing else is open) go back to
	// the list the article was opened from, with a BackMsg, instead of
	// quitting.
	BackToList bool
	// Output is the terminal the program draws on, where y sends the
	// clipboard's escape sequence (OSC 52); nil when there is none, and
	// y says it could not copy.
	Output io.Writer
	// NoMouse starts with the mouse left to the terminal (--no-mouse):
	// the program was started without capturing it.
	NoMouse bool
	// Clock tells the time now, for "3 hours ago"; nil is the real clock.
	// Tests fix it.
	Clock func() time.Time
	// Location is the time zone times are shown in; nil is the local one.
	Location *time.Location
	// Sample says the article is redline's built-in sample, which the
	// header then says.
	Sample bool
	// Step is the step to open on (--from, --to), nil for the newest.
	Step *StepNumbers

	printing bool // for --print: every comparison is made where it is needed
}

// BackMsg asks the list an article was opened from to show itself again.
type BackMsg struct{}

// Model is the state of the reader.
type Model struct {
	art    *model.Article
	cmps   *comparisons
	keys   KeyMap
	styles Styles
	help   help.Model
	input  textinput.Model

	mode   mode
	view   viewMode
	shown  int // index of the version shown
	pinned int // index of the pinned base, -1 when the base is the version before
	cursor int // index of the cursor block in the doc
	offset int // first body line on screen

	width, height int

	doc    *doc
	docKey docKey

	notice string // a one-line message in the footer until the next key

	annotate    bool                      // the annotation column is shown
	dimMinor    bool                      // typographic, punctuation and spelling edits dimmed
	annotations map[int][]diff.Annotation // per shown version, made on first use
	index       *paragraphIndex           // every distinct paragraph, made on first search
	search      *search                   // the current search, nil when none
	history     *historyView              // the open history, in modeHistory
	steps       []int                     // words changed by each step, -1 until known
	substantive []int                     // substantive changes in each step, nil until known
	lines       *lineCache                // unchanged paragraphs laid out, shared by every step
	marks       gutterMarks               // the gutter's marks, drawn once
	note        styleWrap                 // styles.Note drawn cheaply, worked out once

	printing   bool // laid out for --print, not for a screen
	backToList bool

	helpOffset int              // the first line of the help's body on screen
	mouse      bool             // the mouse is captured: the wheel scrolls
	output     io.Writer        // the terminal, for the clipboard; may be nil
	clock      func() time.Time // now, for relative times
	loc        *time.Location   // the zone times are shown in
	sample     bool             // the article is the built-in sample

	busy      [workKinds]*work // work running beside the event loop, by kind
	workToken int              // counts requests for work, to drop stale answers

	loading string  // the load's progress while the article still grows; empty once whole
	first   tea.Cmd // the first step's comparison, when it is large
}

// docKey says what the current doc was built for.
type docKey struct {
	base, shown int
	view        viewMode
	width       int
	query       string
	annotate    bool
	dimMinor    bool
}

// New returns a reader of art that opens on its newest version, compared
// with the one before it.
func New(art *model.Article, o Options) Model { return newModel(art, o, 80, 24) }

// newModel is New for a window of width×height.
func newModel(art *model.Article, o Options, width, height int) Model {
	m := unlaidModel(art, o, width, height)
	m.first = m.compareFirstLater()
	m.refresh()
	m.cursor = m.firstParagraph()
	if o.Step != nil {
		m.openOn(*o.Step)
	}
	if n := len(art.Notes); n > 0 && m.notice == "" {
		// What the reader found worth saying: dumps that disagree,
		// commits skipped. --json lists them all.
		m.notice = model.Visible(art.Notes[0])
		if n > 1 {
			m.notice += fmt.Sprintf(" (and %d more notes: ? lists them)", n-1)
		}
	}
	return m
}

// unlaidModel is newModel before the first layout, for Print, which
// lays its one step out as it writes it.
func unlaidModel(art *model.Article, o Options, width, height int) Model {
	h := help.New()
	h.Styles.ShortKey = o.Styles.Prompt
	h.Styles.FullKey = o.Styles.Prompt
	h.Styles.ShortDesc = o.Styles.Meta
	h.Styles.FullDesc = o.Styles.Meta
	h.Styles.ShortSeparator = o.Styles.Rule
	h.Styles.FullSeparator = o.Styles.Rule
	h.Styles.Ellipsis = o.Styles.Rule
	h.ShortSeparator = "  "
	in := textinput.New()
	in.Prompt = ""
	m := Model{
		art:        art,
		cmps:       newComparisons(art),
		lines:      newLineCache(),
		keys:       o.Keys,
		styles:     o.Styles,
		help:       h,
		input:      in,
		view:       o.View,
		backToList: o.BackToList,
		printing:   o.printing,
		shown:      len(art.Versions) - 1,
		pinned:     -1,
		width:      width,
		height:     height,
		mouse:      !o.NoMouse,
		output:     o.Output,
		clock:      o.Clock,
		loc:        o.Location,
		sample:     o.Sample,
	}
	if m.clock == nil {
		m.clock = time.Now
	}
	if m.loc == nil {
		m.loc = time.Local
	}
	if o.BackToList {
		m.keys.Back.SetHelp("q", "back to the list")
	}
	m.marks = newGutterMarks(&m.styles)
	m.note = wrapOf(m.styles.Note)
	m.setUnpin(false)
	m.steps = slices.Repeat([]int{-1}, len(art.Versions)) // not measured yet
	return m
}

// Init starts measuring every step for the timeline, beside the event
// loop: on a long history that is many comparisons.
func (m Model) Init() tea.Cmd { return tea.Batch(m.first, m.measureSteps(), m.prepareNeighbours()) }

// Update is the one place state changes: it hands each message to the
// handler of the current mode.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.setSize(msg.Width, msg.Height)
		return m, nil
	case tea.MouseMsg:
		return m.handleMouse(msg), nil
	case stepsMsg:
		if len(m.art.Versions) == 0 || msg.first != m.art.Versions[0].Number {
			return m, nil // measured before older versions came in
		}
		copy(m.steps, msg.sizes)
		m.substantive = msg.substantive
		return m, nil
	case preparedMsg:
		return m, nil
	case copiedMsg:
		m.notice = msg.String()
		return m, nil
	case workDone:
		shown := m.shown
		cmd := m.finish(msg)
		return m.stepped(shown, cmd)
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.Quit) {
			return m, tea.Quit
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste && m.mode != modeGoto && m.mode != modeSearch {
			// Keys typed faster than the terminal is read arrive
			// together ("/lavrov"): each is a key of its own.
			return m.eachRune(msg.Runes)
		}
		m.notice = ""
		shown := m.shown
		next, cmd := m.handleKey(msg)
		if nm, ok := next.(Model); ok {
			return nm.stepped(shown, cmd)
		}
		return next, cmd
	}
	return m, nil
}

// stepped adds to cmd what a step to another version asks for, when the
// shown version is no longer shown: the next steps made ready, and the
// annotations of this one.
func (m Model) stepped(shown int, cmd tea.Cmd) (tea.Model, tea.Cmd) {
	if m.shown == shown {
		return m, cmd
	}
	return m, tea.Batch(cmd, m.prepareNeighbours(), m.annotateLater())
}

// eachRune handles runes that arrived together one key at a time; once
// one of them opens a prompt, the rest are typed into it.
func (m Model) eachRune(runes []rune) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	var next tea.Model = m
	for i, r := range runes {
		cur := next.(Model)
		if cur.mode == modeGoto || cur.mode == modeSearch {
			rest := tea.KeyMsg{Type: tea.KeyRunes, Runes: runes[i:]}
			n, cmd := cur.Update(rest)
			return n, tea.Batch(append(cmds, cmd)...)
		}
		n, cmd := cur.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		next, cmds = n, append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

// handleKey hands a key to the handler of the current mode.
func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch m.mode {
	case modeHelp:
		return m.handleHelp(msg)
	case modeGoto, modeSearch:
		return m.handlePrompt(msg)
	case modeHistory:
		return m.handleHistory(msg)
	default:
		return m.handleReading(msg)
	}
}

// base is the index of the version the shown one is compared with, -1 on
// the first version.
func (m *Model) base() int { return baseOf(m.shown, m.pinned) }

// baseOf is the version version shown is compared with when pinned is
// pinned (-1 for none): the pinned one, else the one before.
func baseOf(shown, pinned int) int {
	if pinned >= 0 && pinned != shown {
		return pinned
	}
	return shown - 1
}

// comparison is the current step's comparison, nil on a first version.
func (m *Model) comparison() *diff.Comparison {
	if b := m.base(); b >= 0 && !m.deferred(b, m.shown) {
		return m.cmps.get(b, m.shown)
	}
	return nil
}

// refresh rebuilds the doc when what it shows or its width changed.
func (m *Model) refresh() {
	key := m.stepKey()
	if m.doc != nil && key == m.docKey {
		return
	}
	if m.tooSmall() && m.doc != nil {
		return // nothing is laid out below the minimum size: see setSize
	}
	if m.deferred(key.base, m.shown) {
		if m.doc == nil || m.docKey.base != -2 {
			m.placeholderDoc(key)
		}
		return // the comparison is on its way in a command
	}
	in, key := m.docInput(key)
	m.doc, m.docKey = buildDoc(in), key
	m.doc.headline = m.headlineLines(m.width - 1)
	m.cursor = clamp(m.cursor, 0, len(m.doc.blocks)-1)
	m.offset = clamp(m.offset, 0, max(m.doc.total-m.bodyHeight(), 0))
}

// stepKey names the layout the model's state asks for.
func (m *Model) stepKey() docKey {
	key := docKey{base: m.base(), shown: m.shown, view: m.view, width: m.width, annotate: m.annotate, dimMinor: m.dimMinor}
	if m.search != nil {
		key.query = m.search.query
	}
	return key
}

// docInput is what laying out the step key names takes, comparison
// included; the key comes back changed where the layout will have to be
// done again (an annotation still on its way).
func (m *Model) docInput(key docKey) (docInput, docKey) {
	in := docInput{shown: &m.art.Versions[m.shown], view: m.view, width: m.width, styles: &m.styles, cache: m.lines,
		note: m.note, dimMinor: m.dimMinor}
	if m.search != nil {
		in.re = m.search.re
	}
	if m.annotate {
		in.annotation, in.numbers = m.annotation(m.shown), m.numbers()
		if in.annotation == nil {
			key.annotate = false // drawn again when the annotation arrives
		}
	}
	if key.base >= 0 {
		in.base = &m.art.Versions[key.base]
		in.cmp = m.cmps.get(key.base, m.shown)
	}
	return in, key
}

// setSize follows the terminal's size, keeping the cursor paragraph on
// screen.
func (m *Model) setSize(w, h int) {
	m.width, m.height = max(w, 1), max(h, 1)
	m.help.Width = m.width
	if m.tooSmall() {
		// A 1 MB word wrapped at 3 columns is 300,000 lines: below the
		// minimum size View says so in one line and nothing is laid out.
		return
	}
	m.refresh()
	m.scrollToCursor()
	if m.history != nil {
		m.layoutHistory()
	}
}

func clamp(v, lo, hi int) int {
	if v > hi {
		v = hi
	}
	if v < lo {
		v = lo
	}
	return v
}

// grow takes a longer form of the article being read, as it arrives:
// versions are only ever appended, so every index, cached comparison and
// annotation stays good, and the reader stays where it is. It returns the
// command measuring the new steps for the timeline.
func (m *Model) grow(art *model.Article) tea.Cmd {
	if len(art.Versions) < len(m.art.Versions) {
		return nil
	}
	// Still where it opened (the newest version, its top, nothing
	// pinned): the reader has not been moved, only perhaps shown its help.
	newest := m.shown == len(m.art.Versions)-1 && m.pinned < 0 && m.doc != nil &&
		m.cursor == m.firstParagraph() && m.offset == 0
	if n := len(m.art.Notes); len(art.Notes) > n && m.notice == "" {
		// A capture skipped while the reader was open: said once, as
		// the notes the article opened with are; the help keeps all.
		m.notice = model.Visible(art.Notes[n]) + " (? lists the notes)"
	}
	follow := newest && len(art.Versions)-1 > m.shown
	m.art = art
	m.cmps.grow(art)
	m.steps = append(m.steps, slices.Repeat([]int{-1}, max(len(art.Versions)-len(m.steps), 0))...)
	m.index = nil // the search index must hold the new versions
	m.doc = nil   // the header counts the versions
	if follow {
		// Opened on the newest version and not moved since: the reader
		// stays on the newest, as it opens on it, while captures come.
		m.shown = len(art.Versions) - 1
	}
	m.refresh()
	if follow {
		m.cursor, m.offset = m.firstParagraph(), 0
	}
	return tea.Batch(m.measureSteps(), m.prepareNeighbours())
}

// annotation is the annotation of version index v, or nil until
// annotateLater's command has worked it out.
func (m *Model) annotation(v int) []diff.Annotation {
	return m.annotations[v]
}

// annotateLater works out the shown version's annotation in a command,
// when the annotations are on and it is not known yet.
func (m *Model) annotateLater() tea.Cmd {
	if !m.annotate || m.annotation(m.shown) != nil {
		return nil
	}
	art, cmps, v := m.art, m.cmps, m.shown
	what := fmt.Sprintf("following every paragraph through %d versions…", v+1)
	return m.later(workAnnotate, what, func() func(*Model) tea.Cmd {
		a := diff.Annotate(art, cmps.get, v)
		return func(m *Model) tea.Cmd {
			if m.annotations == nil {
				m.annotations = map[int][]diff.Annotation{}
			} else {
				// Copied, not shared with the model this one came from.
				m.annotations = maps.Clone(m.annotations)
			}
			m.annotations[v] = a
			if m.annotate && v == m.shown {
				m.keepPlace(m.shown)
			}
			return nil
		}
	})
}

// numbers are the versions' numbers as the source printed them.
func (m *Model) numbers() []int {
	out := make([]int, len(m.art.Versions))
	for i, v := range m.art.Versions {
		out[i] = v.Number
	}
	return out
}
