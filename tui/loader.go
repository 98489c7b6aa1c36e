package tui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// Loaded is what a load ended with.
type Loaded struct {
	Article *model.Article
	Err     error
}

// Progress is how far a load has come: done of total inputs read (total
// 0 when unknown). Unit names what is counted ("captures" for a URL);
// empty means inputs.
type Progress struct {
	Done, Total int
	Unit        string
}

// Loader shows a load's progress instead of a frozen screen, then becomes
// the reader. The load runs elsewhere and reports on the channels. A load
// that delivers its article as it grows (the captures of a URL, one by
// one) opens the reader as soon as two versions are in, and keeps adding
// the rest to it, with the progress in the reader's footer.
type Loader struct {
	opts     Options
	progress <-chan Progress
	result   <-chan Loaded
	partial  <-chan *model.Article
	spin     spinner.Model
	at       Progress
	width    int
	height   int
	// reader is the reader once two versions are in, while the rest of
	// the article still arrives; nil before.
	reader *Model
	// newest says the reader holds the newest versions of the article
	// and the older ones come with the whole article (see Newest).
	newest bool
	// Err is set when the load failed; the program has quit.
	Err *error
}

// NewLoader waits for a load reporting on progress and result.
func NewLoader(o Options, progress <-chan Progress, result <-chan Loaded) Loader {
	s := spinner.New()
	s.Spinner = spinner.Dot
	s.Style = o.Styles.Note
	var err error
	return Loader{opts: o, progress: progress, result: result, spin: s, Err: &err, width: 80, height: 24}
}

// Growing makes the loader take the article so far from partial, each
// time it grows, and open the reader as soon as it has two versions.
func (l Loader) Growing(partial <-chan *model.Article) Loader {
	l.partial = partial
	return l
}

// Opened opens the reader at once on art, the article so far, when it has
// two versions or more; with nil the loader shows its progress first.
func (l Loader) Opened(art *model.Article) Loader {
	if art == nil || len(art.Versions) < 2 {
		return l
	}
	r := New(art, l.opts)
	r.setSize(l.width, l.height)
	r.loading = l.progressText()
	l.reader = &r
	return l
}

// Newest opens the reader at once on art, the newest versions of a long
// history (a folder, a git file) whose older versions are still being
// read: the whole article, when it arrives on result, ends with these
// versions, and the reader widens to it where it stands, on the same
// step (see Model.widen).
func (l Loader) Newest(art *model.Article) Loader {
	l = l.Opened(art)
	l.newest = l.reader != nil
	return l
}

// partialMsg carries the article so far.
type partialMsg struct{ art *model.Article }

func (l Loader) waitPartial() tea.Cmd {
	if l.partial == nil {
		return nil
	}
	ch := l.partial
	return func() tea.Msg {
		a, ok := <-ch
		if !ok {
			return nil
		}
		return partialMsg{a}
	}
}

// progressMsg and loadedMsg carry the channels' news into Update.
type progressMsg Progress
type loadedMsg Loaded

func (l Loader) waitProgress() tea.Cmd {
	return func() tea.Msg {
		p, ok := <-l.progress
		if !ok {
			return nil
		}
		return progressMsg(p)
	}
}

func (l Loader) waitResult() tea.Cmd {
	return func() tea.Msg { return loadedMsg(<-l.result) }
}

// Init starts the spinner and listens for news of the load.
func (l Loader) Init() tea.Cmd {
	var opened tea.Cmd
	if l.reader != nil {
		opened = l.reader.Init()
	}
	return tea.Batch(l.spin.Tick, l.waitProgress(), l.waitResult(), l.waitPartial(), opened)
}

// Update follows the load; when it is done, or has two versions of a
// growing article, the reader takes over.
func (l Loader) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case progressMsg:
		l.at = Progress(msg)
		if l.reader != nil {
			l.reader.loading = l.progressText()
		}
		return l, l.waitProgress()
	case partialMsg:
		return l.grow(msg.art)
	case loadedMsg:
		return l.loaded(Loaded(msg))
	case spinner.TickMsg:
		if l.reader != nil {
			return l, nil // the reader shows the progress in its footer
		}
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd
	}
	if l.reader != nil {
		return l.toReader(msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.width, l.height = msg.Width, msg.Height
	case tea.KeyMsg:
		if key.Matches(msg, l.opts.Keys.Quit, l.opts.Keys.Back, l.opts.Keys.Close) {
			return l, tea.Quit
		}
	}
	return l, nil
}

// toReader hands a message to the reader opened while the article still
// arrives.
func (l Loader) toReader(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := l.reader.Update(msg)
	r, ok := next.(Model)
	if !ok {
		return next, cmd
	}
	l.reader = &r
	return l, cmd
}

// grow takes the article so far: the reader opens on it once it has two
// versions, and follows it as it grows.
func (l Loader) grow(art *model.Article) (tea.Model, tea.Cmd) {
	next := l.waitPartial()
	if art == nil || len(art.Versions) < 2 {
		return l, next
	}
	if l.reader == nil {
		l = l.Opened(art)
		return l, tea.Batch(next, l.reader.Init())
	}
	r := *l.reader
	cmd := r.grow(art)
	l.reader = &r
	return l, tea.Batch(next, cmd)
}

// loaded ends the load: the reader opens on the whole article, or, when
// it is open already, takes the last of it. A load that failed after the
// reader opened (a lost network, a cancelled fetch) leaves what arrived
// readable and says why the rest is missing.
func (l Loader) loaded(res Loaded) (tea.Model, tea.Cmd) {
	if l.reader != nil {
		r := *l.reader
		var cmd tea.Cmd
		switch {
		case res.Article != nil && l.newest:
			cmd = r.widen(res.Article, len(res.Article.Versions)-len(r.art.Versions))
		case res.Article != nil && len(res.Article.Versions) >= len(r.art.Versions):
			cmd = r.grow(res.Article)
		}
		r.loading = ""
		if res.Err != nil {
			r.notice = "the rest could not be read: " + model.OneLine(res.Err.Error())
		}
		return r, cmd
	}
	if res.Err != nil {
		*l.Err = res.Err
		return l, tea.Quit
	}
	if l.opts.Step != nil {
		// A step no version has ends the run in one line, as it does
		// when the article is read before the screen opens.
		if _, _, err := ResolveStep(res.Article, *l.opts.Step); err != nil {
			*l.Err = err
			return l, tea.Quit
		}
	}
	r := New(res.Article, l.opts)
	next, cmd := r.Update(tea.WindowSizeMsg{Width: l.width, Height: l.height})
	return next, tea.Batch(cmd, next.Init())
}

// progressText is the load's progress in words.
func (l Loader) progressText() string {
	if l.at.Total == 0 {
		return "reading…"
	}
	unit := l.at.Unit
	if unit == "" {
		unit = "inputs"
	}
	return fmt.Sprintf("reading %d of %d %s…", l.at.Done, l.at.Total, unit)
}

// View says what is being read and how far it has come, or is the
// reader's once it has opened.
func (l Loader) View() string {
	if l.reader != nil {
		return l.reader.View()
	}
	what := "reading"
	if l.at.Total > 0 {
		unit := l.at.Unit
		if unit == "" {
			unit = "inputs"
		}
		what = fmt.Sprintf("reading %d of %d %s", l.at.Done, l.at.Total, unit)
	}
	return truncate(" "+l.spin.View()+" "+what+" … (q to stop)", l.width)
}
