package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
	"redline/model/source/archive"
)

// Archive is what the picker and Root need of an archive of articles:
// its list, read in the background, and one article at a time.
// *archive.Archive is one.
type Archive interface {
	Scan(ctx context.Context, report func(archive.ScanProgress)) (*archive.Catalog, error)
	ArticleContext(ctx context.Context, key string) (*model.Article, error)
}

// OpenArticleMsg asks for an article of the archive to be opened in the
// reader; the picker sends it on enter, Root answers it.
type OpenArticleMsg struct{ Key string }

// catalogMsg carries one report of the background scan to the picker.
type catalogMsg struct {
	progress archive.ScanProgress
	err      error
	// panicked is the scan goroutine's panic, handed to the event loop to
	// be raised again there, under the program's guard.
	panicked any
}

// pickerScan is the background scan a picker and its copies share.
type pickerScan struct {
	updates chan catalogMsg
	cancel  context.CancelFunc
	ctx     context.Context // ends with cancel: the counting of edits stops too
}

// PickerKeyMap is every key the article list answers to; its help is
// generated from it.
type PickerKeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open                                    key.Binding
	Filter, AcceptFilter, CancelFilter      key.Binding
	ClearFilter                             key.Binding
	Help, Quit                              key.Binding
	// ArrowUp and ArrowDown move while a filter is typed, where j and k
	// are letters of the filter.
	ArrowUp, ArrowDown key.Binding
	// Sort cycles the list's order: versions, substantive edits, last
	// seen, site.
	Sort key.Binding
}

// DefaultPickerKeyMap is the list's conventional keys, those of
// bubbles/list and less.
func DefaultPickerKeyMap() PickerKeyMap {
	k := PickerKeyMap{
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
		ArrowUp:      key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		ArrowDown:    key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
	}
	k.Sort = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort: versions, edits, last seen, site"))
	return k
}

// ShortHelp is the footer's line of keys.
func (k PickerKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{pair(k.Down, k.Up, "move"), k.Open, k.Filter, k.AcceptFilter, k.CancelFilter,
		k.ClearFilter, short(k.Sort, "sort"), k.Help, k.Quit}
}

// FullHelp is every key, a column per kind.
func (k PickerKeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Filter, k.AcceptFilter, k.CancelFilter, k.ClearFilter, k.Sort, k.Help, k.Quit},
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
// over text folded once (archive.Catalog), narrows the last result as a
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

	catalog  *archive.Catalog
	progress archive.ScanProgress
	loadErr  error

	match     []int  // catalog indexes of the rows listed, in order
	query     string // the filter the rows match
	filtering bool   // typing the filter
	cursor    int    // index into match
	offset    int    // first listed row on screen

	width, height int
	notice        string // one line in the footer until the next key
	opening       string // the key being opened, "" when none

	// The edits column (picker_kinds.go): substantive edits per article
	// key, -1 when unreadable; the list sorted by them; the comparisons
	// counting has cost and may cost; a batch being counted.
	edits         map[string]int
	order         pickerOrder // how the list is sorted (s)
	measureSpent  int
	measureBudget int
	measureNext   int // the catalog row counting goes on from
	measuring     bool
}

// NewPicker returns a list of a's articles. Its Init starts reading the
// list.
func NewPicker(a Archive, o PickerOptions) Picker {
	in := textinput.New()
	in.Prompt = ""
	in.Placeholder = "words of the headline or URL"
	p := Picker{archive: a, title: o.Title, keys: o.Keys, styles: o.Styles, help: pickerHelp(o.Styles),
		input: in, scan: &pickerScan{updates: make(chan catalogMsg, 1)}, width: 80, height: 24,
		measureBudget: defaultMeasureBudget}
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
	p.scan.cancel, p.scan.ctx = cancel, ctx
	a, ch := p.archive, p.scan.updates
	go func() {
		defer func() {
			if r := recover(); r != nil {
				sendLatest(ch, catalogMsg{panicked: r})
			}
		}()
		report := func(sp archive.ScanProgress) { sendLatest(ch, catalogMsg{progress: sp}) }
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
		if msg.panicked != nil {
			panic(msg.panicked)
		}
		return p.takeCatalog(msg)
	case measuredMsg:
		return p.takeMeasured(msg)
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
	p.sortMatch()
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
		return p, p.measure()
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
	case key.Matches(msg, k.Sort):
		p.toggleSort()
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
	case key.Matches(msg, p.keys.ArrowUp):
		p.move(-1) // arrows still move while typing
		return p, nil
	case key.Matches(msg, p.keys.ArrowDown):
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
	p.sortMatch()
	p.query = q
	p.cursor, p.offset = 0, 0
	p.setKeys()
}

// setKeys switches the keys on that work now, so help lists only them.
func (p *Picker) setKeys() {
	k := &p.keys
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Top, &k.Bottom,
		&k.Open, &k.Filter, &k.Sort, &k.Help, &k.Quit} {
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
func (p Picker) Selected() (archive.ArticleSummary, bool) {
	if p.cursor < 0 || p.cursor >= len(p.match) {
		return archive.ArticleSummary{}, false
	}
	return p.catalog.At(p.match[p.cursor]), true
}
