package tui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"redline/model"
)

// Archive is what the picker and Root need of an archive of articles:
// its list, read in the background, and one article at a time.
// *model.Archive is one.
type Archive interface {
	Scan(ctx context.Context, report func(model.ScanProgress)) (*model.Catalog, error)
	ArticleContext(ctx context.Context, key string) (*model.Article, error)
}

// OpenArticleMsg asks for an article of the archive to be opened in the
// reader; the picker sends it on enter, Root answers it.
type OpenArticleMsg struct{ Key string }

// catalogMsg carries one report of the background scan to the picker.
type catalogMsg struct {
	progress model.ScanProgress
	err      error
}

// pickerScan is the background scan a picker and its copies share.
type pickerScan struct {
	updates chan catalogMsg
	cancel  context.CancelFunc
}

// PickerKeyMap is every key the article list answers to; its help is
// generated from it.
type PickerKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open                                    key.Binding
	Filter, AcceptFilter, CancelFilter      key.Binding
	ClearFilter                             key.Binding
	Help, Quit                              key.Binding
}

// DefaultPickerKeyMap is the list's conventional keys, those of
// bubbles/list and less.
func DefaultPickerKeyMap() PickerKeyMap {
	return PickerKeyMap{
		Up:           key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:         key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:       key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b/pgup", "page up")),
		PageDown:     key.NewBinding(key.WithKeys("pgdown", " ", "f"), key.WithHelp("space/pgdn", "page down")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		AcceptFilter: key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "apply filter")),
		CancelFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		ClearFilter:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
		Quit:         key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the footer's line of keys.
func (k PickerKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{pair(k.Down, k.Up, "move"), k.Open, k.Filter, k.AcceptFilter, k.CancelFilter,
		k.ClearFilter, k.Help, k.Quit}
}

// FullHelp is every key, a column per kind.
func (k PickerKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Filter, k.AcceptFilter, k.CancelFilter, k.ClearFilter, k.Help, k.Quit},
	}
}

// PickerOptions configure a Picker.
type PickerOptions struct {
	Title  string // names the archive in the header
	Styles Styles
	Keys   PickerKeyMap
}

// Picker is the list of an archive's articles, most versions first: it
// loads in the background, filters on headline and URL as you type, and
// asks for the chosen article with an OpenArticleMsg.
//
// It is a list of its own rather than bubbles/list: that list's filter
// ranks a fuzzy match of every item on each keystroke, measured at
// 264 ms a keystroke over 100,000 headlines with URLs (this machine,
// bubbles v1.0.0), five times the 50 ms budget; this one matches words
// over text folded once (model.Catalog), narrows the last result as a
// filter grows (about 11 ms a keystroke with the redraw), and draws only
// the rows on screen.
type Picker struct {
	archive Archive
	title   string
	keys    PickerKeyMap
	styles  Styles
	help    help.Model
	input   textinput.Model
	scan    *pickerScan

	catalog  *model.Catalog
	progress model.ScanProgress
	loadErr  error

	match     []int  // catalog indexes of the rows listed, in order
	query     string // the filter the rows match
	filtering bool   // typing the filter
	cursor    int    // index into match
	offset    int    // first listed row on screen

	width, height int
	notice        string // one line in the footer until the next key
	opening       string // the key being opened, "" when none
}

// NewPicker returns a list of a's articles. Its Init starts reading the
// list.
func NewPicker(a Archive, o PickerOptions) Picker {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "words of the headline or URL"
	p := Picker{archive: a, title: o.Title, keys: o.Keys, styles: o.Styles, help: pickerHelp(o.Styles),
		input: in, scan: &pickerScan{updates: make(chan catalogMsg, 1)}, width: 80, height: 24}
	p.setKeys()
	return p
}

// pickerHelp is a help view in redline's styles.
func pickerHelp(st Styles) help.Model {
	h := help.New()
	h.Styles.ShortKey, h.Styles.FullKey = st.Prompt, st.Prompt
	h.Styles.ShortDesc, h.Styles.FullDesc = st.Meta, st.Meta
	h.Styles.ShortSeparator, h.Styles.FullSeparator, h.Styles.Ellipsis = st.Rule, st.Rule, st.Rule
	h.ShortSeparator = "  "
	return h
}

// Init starts the scan beside the event loop and waits for its first
// report.
func (p Picker) Init() tea.Cmd {
	if p.scan.cancel != nil {
		return nil // started already
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.scan.cancel = cancel
	a, ch := p.archive, p.scan.updates
	go func() {
		report := func(sp model.ScanProgress) { sendLatest(ch, catalogMsg{progress: sp}) }
		if _, err := a.Scan(ctx, report); err != nil && ctx.Err() == nil {
			sendLatest(ch, catalogMsg{err: err})
		}
	}()
	return waitCatalog(ch)
}

// sendLatest hands the picker the newest report. A report the picker has
// not taken yet is replaced, so a slow screen never holds up the scan,
// and the last report always arrives. It never blocks: the scan is the
// only sender, so once the one slot is emptied the send goes through.
func sendLatest(ch chan catalogMsg, m catalogMsg) {
	select {
	case ch <- m:
		return
	default:
	}
	select {
	case <-ch:
	default:
	}
	ch <- m
}

// waitCatalog waits for the scan's next report.
func waitCatalog(ch <-chan catalogMsg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// Update hands each message to the handler of the current mode.
func (p Picker) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		p.width, p.height = max(msg.Width, 1), max(msg.Height, 1)
		p.help.Width = p.width
		p.scrollToCursor()
		return p, nil
	case catalogMsg:
		return p.takeCatalog(msg)
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonWheelUp {
			p.move(-3)
		} else if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonWheelDown {
			p.move(+3)
		}
		return p, nil
	case tea.KeyMsg:
		p.notice = ""
		if p.filtering {
			return p.handleFiltering(msg)
		}
		return p.handleBrowsing(msg)
	}
	if p.filtering {
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg) // the cursor's blink
		return p, cmd
	}
	return p, nil
}

// takeCatalog shows a report of the scan, keeping the reader's place:
// the article under the cursor stays under it, at the same height,
// unless the reader has not moved from the top, which then shows the new
// top.
func (p Picker) takeCatalog(msg catalogMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		p.loadErr = msg.err
		p.progress.Done = true
		return p, nil
	}
	sel, hasSel := p.Selected()
	row := p.cursor - p.offset
	atTop := p.cursor == 0 && p.offset == 0
	p.catalog, p.progress = msg.progress.Articles, msg.progress
	p.match = p.catalog.Filter(p.query)
	p.cursor, p.offset = 0, 0
	if hasSel && !atTop {
		for i, j := range p.match {
			if p.catalog.At(j).Key == sel.Key {
				p.cursor, p.offset = i, max(i-row, 0)
				break
			}
		}
	}
	p.scrollToCursor()
	p.setKeys()
	if msg.progress.Done {
		return p, nil
	}
	return p, waitCatalog(p.scan.updates)
}

// handleBrowsing answers keys while the list has the keyboard.
func (p Picker) handleBrowsing(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := p.keys
	switch {
	case key.Matches(msg, k.Quit):
		p.stop()
		return p, tea.Quit
	case key.Matches(msg, k.ClearFilter):
		p.setFilter("")
	case key.Matches(msg, k.Open):
		if s, ok := p.Selected(); ok {
			p.opening = s.Key
			return p, func() tea.Msg { return OpenArticleMsg{Key: s.Key} }
		}
	case key.Matches(msg, k.Filter):
		p.filtering = true
		p.input.SetValue(p.query)
		p.input.CursorEnd()
		p.setKeys()
		return p, p.input.Focus()
	case key.Matches(msg, k.Help):
		p.help.ShowAll = !p.help.ShowAll
		p.scrollToCursor()
	default:
		p.handleMove(msg)
	}
	return p, nil
}

// handleMove answers the keys that move the cursor.
func (p *Picker) handleMove(msg tea.KeyMsg) {
	k, page := p.keys, max(p.listHeight()-1, 1)
	switch {
	case key.Matches(msg, k.Up):
		p.move(-1)
	case key.Matches(msg, k.Down):
		p.move(+1)
	case key.Matches(msg, k.PageUp):
		p.page(-page)
	case key.Matches(msg, k.PageDown):
		p.page(+page)
	case key.Matches(msg, k.Top):
		p.move(-len(p.match))
	case key.Matches(msg, k.Bottom):
		p.move(+len(p.match))
	}
}

// handleFiltering answers keys while the filter is typed: every key
// that changes it filters again at once.
func (p Picker) handleFiltering(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, p.keys.CancelFilter):
		p.filtering = false
		p.input.Blur()
		p.setFilter("")
		return p, nil
	case key.Matches(msg, p.keys.AcceptFilter):
		p.filtering = false
		p.input.Blur()
		p.setKeys()
		return p, nil
	case msg.Type == tea.KeyUp:
		p.move(-1) // arrows still move while typing
		return p, nil
	case msg.Type == tea.KeyDown:
		p.move(+1)
		return p, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if q := p.input.Value(); q != p.query {
		p.setFilter(q)
	}
	return p, cmd
}

// setFilter lists the articles that match q, the cursor back at the top.
// A filter that only grows narrows the rows already matched.
func (p *Picker) setFilter(q string) {
	// Every match of a longer query (a longer word, or one more word)
	// is a match of the shorter one.
	if p.query != "" && strings.HasPrefix(q, p.query) && p.match != nil {
		p.match = p.catalog.FilterWithin(p.match, q)
	} else {
		p.match = p.catalog.Filter(q)
	}
	p.query = q
	p.cursor, p.offset = 0, 0
	p.setKeys()
}

// setKeys switches the keys on that work now, so help lists only them.
func (p *Picker) setKeys() {
	k := &p.keys
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom,
		&k.Open, &k.Filter, &k.Help, &k.Quit} {
		b.SetEnabled(!p.filtering)
	}
	k.AcceptFilter.SetEnabled(p.filtering)
	k.CancelFilter.SetEnabled(p.filtering)
	k.ClearFilter.SetEnabled(!p.filtering && p.query != "")
	k.Open.SetEnabled(!p.filtering && len(p.match) > 0)
}

// move moves the cursor by n rows, scrolling as little as needed.
func (p *Picker) move(n int) {
	p.cursor = clamp(p.cursor+n, 0, max(len(p.match)-1, 0))
	p.scrollToCursor()
}

// page scrolls the window by n rows, as less does, the cursor moving
// with it.
func (p *Picker) page(n int) {
	p.offset = clamp(p.offset+n, 0, max(len(p.match)-p.listHeight(), 0))
	p.move(n)
}

// scrollToCursor scrolls as little as needed to show the cursor.
func (p *Picker) scrollToCursor() {
	h := p.listHeight()
	switch {
	case p.cursor < p.offset:
		p.offset = p.cursor
	case p.cursor >= p.offset+h:
		p.offset = p.cursor - h + 1
	}
	p.offset = clamp(p.offset, 0, max(len(p.match)-h, 0))
}

// stop ends the background scan.
func (p *Picker) stop() {
	if p.scan.cancel != nil {
		p.scan.cancel()
	}
}

// Selected is the article under the cursor.
func (p Picker) Selected() (model.ArticleSummary, bool) {
	if p.cursor < 0 || p.cursor >= len(p.match) {
		return model.ArticleSummary{}, false
	}
	return p.catalog.At(p.match[p.cursor]), true
}

// View draws the header, the rows on screen and the footer, no line
// wider than the window.
func (p Picker) View() string {
	if p.width < minWidth || p.height < minHeight {
		return ansi.Truncate(fmt.Sprintf("redline needs %d×%d or more", minWidth, minHeight), p.width, "…")
	}
	cols := p.columns()
	head, foot := p.headerLines(cols), p.footerLines()
	lines := append(head, p.bodyLines(cols, max(p.height-len(head)-len(foot), 0))...)
	lines = append(lines, foot...)
	if len(lines) > p.height {
		lines = lines[:p.height]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > p.width {
			lines[i] = ansi.Truncate(l, p.width, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// roomy is true when the window has room for the column names, rules
// and keys; below that the header and footer are a line each.
func (p *Picker) roomy() bool { return p.height >= roomyHeight }

// headerLines: the archive's name; then, with room, the column names
// and a rule.
func (p *Picker) headerLines(cols pickerColumns) []string {
	st := &p.styles
	title := " " + st.Headline.Render(model.Visible(p.title)) + st.Meta.Render(" · most versions first")
	if !p.roomy() {
		return []string{title}
	}
	return []string{title, "  " + st.Meta.Render(cols.header()), st.Rule.Render(strings.Repeat("─", p.width))}
}

// listHeight is the number of rows on screen.
func (p *Picker) listHeight() int {
	return max(p.height-len(p.headerLines(p.columns()))-len(p.footerLines()), 1)
}

// bodyLines are the rows on screen, or what stands in for them.
func (p *Picker) bodyLines(cols pickerColumns, h int) []string {
	st := &p.styles
	var out []string
	switch {
	case p.catalog == nil && p.loadErr == nil:
		out = append(out, "   "+st.Meta.Render("reading the list of articles…"))
	case len(p.match) == 0 && p.query != "":
		out = append(out, "   "+st.Note.Render(fmt.Sprintf("no headline or URL holds %q", model.Visible(p.query))))
	case len(p.match) == 0 && p.progress.Done && p.loadErr == nil:
		out = append(out, "   "+st.Note.Render("the archive holds no articles"))
	}
	for i := p.offset; i < len(p.match) && len(out) < h; i++ {
		s := p.catalog.At(p.match[i])
		gutter, text := "  ", cols.row(s)
		if i == p.cursor {
			gutter = st.GutterCursor.Render("▌") + " "
			text = st.Headline.Render(text)
		}
		out = append(out, gutter+text)
	}
	for len(out) < h {
		out = append(out, "")
	}
	return out[:h]
}

// footerLines: a rule, the state of the list (or a notice), the keys
// (or the filter being typed); without room, only the state or the
// filter.
func (p *Picker) footerLines() []string {
	st := &p.styles
	status := " " + st.Stats.Render(p.statusText())
	switch {
	case p.loadErr != nil:
		status = " " + st.Notice.Render(noticeOf(p.loadErr))
	case p.notice != "":
		status = " " + st.Notice.Render(p.notice)
	}
	keys := []string{" " + p.help.ShortHelpView(p.keys.ShortHelp())}
	switch {
	case p.filtering:
		keys = []string{" " + st.Prompt.Render("/") + p.input.View() + "   " + keys[0]}
	case p.help.ShowAll:
		full := strings.Split(p.help.FullHelpView(p.keys.FullHelp()), "\n")
		if p.height-3-2-len(full) >= 3 { // else the short line, keeping 3 rows of the list
			keys = keys[:0]
			for _, l := range full {
				keys = append(keys, " "+l)
			}
		}
	}
	if !p.roomy() {
		if p.filtering {
			return keys
		}
		return []string{status}
	}
	return append([]string{st.Rule.Render(strings.Repeat("─", p.width)), status}, keys...)
}

// statusText says how much of the list is read and what the filter
// keeps.
func (p *Picker) statusText() string {
	var parts []string
	total := p.catalog.Len()
	if !p.progress.Done {
		parts = append(parts, fmt.Sprintf("reading %d%% · %s articles so far", int(p.progress.Fraction*100), groupThousands(total)))
	} else {
		parts = append(parts, fmt.Sprintf("%s articles · %s versions", groupThousands(total), groupThousands(p.progress.Versions)))
	}
	if p.query != "" {
		parts = append(parts, fmt.Sprintf("%s match %q", groupThousands(len(p.match)), model.Visible(p.query)))
	}
	if p.opening != "" {
		parts = append(parts, "opening "+model.Visible(p.opening)+"…")
	}
	return strings.Join(parts, " · ")
}

// noticeOf is an error in one line, without the file name an
// *InputError starts with: the header names the archive already.
func noticeOf(err error) string {
	var ie *model.InputError
	msg := err.Error()
	if errors.As(err, &ie) {
		msg = ie.Msg
	}
	return model.Visible(strings.Join(strings.Fields(msg), " "))
}

// pickerColumns is how a row is laid out at the window's width: the
// headline takes what the other columns leave, and they drop out, least
// useful first, as the window narrows.
type pickerColumns struct {
	width       int // of the row, after the gutter
	first, last bool
	site        int // 0 when the site is left out
}

const (
	colVersions = 5  // "  123"
	colDate     = 10 // "2006-01-02"
)

func (p *Picker) columns() pickerColumns {
	c := pickerColumns{width: p.width - 2}
	c.last = c.width >= 50
	if c.site = min((c.width-60)/3, 22); c.site < 10 {
		c.site = 0
	}
	c.first = c.width >= 90
	return c
}

func (c pickerColumns) header() string {
	return c.line("vers", "first seen", "last seen", "site", "headline")
}

func (c pickerColumns) row(s model.ArticleSummary) string {
	return c.line(strconv.Itoa(s.Versions), seenDay(s.FirstSeen.IsZero(), s.FirstSeen.Format("2006-01-02")),
		seenDay(s.LastSeen.IsZero(), s.LastSeen.Format("2006-01-02")), model.Visible(s.Host()), model.Visible(s.Headline))
}

func seenDay(zero bool, s string) string {
	if zero {
		return ""
	}
	return s
}

// line lays the columns out, each cell cut or padded to its width.
func (c pickerColumns) line(versions, first, last, site, headline string) string {
	var b strings.Builder
	b.WriteString(padCell(versions, colVersions, true))
	used := colVersions
	for _, cell := range []struct {
		on    bool
		text  string
		width int
	}{{c.first, first, colDate}, {c.last, last, colDate}, {c.site > 0, site, c.site}} {
		if cell.on {
			b.WriteString("  " + padCell(cell.text, cell.width, false))
			used += 2 + cell.width
		}
	}
	b.WriteString("  " + ansi.Truncate(headline, max(c.width-used-2, 0), "…"))
	return b.String()
}

// padCell cuts or pads s to width cells, on the left when right-aligned.
func padCell(s string, width int, right bool) string {
	s = ansi.Truncate(s, width, "…")
	fill := strings.Repeat(" ", max(width-ansi.StringWidth(s), 0))
	if right {
		return fill + s
	}
	return s + fill
}

// groupThousands writes n with thousands separated, as the status line reads.
func groupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
