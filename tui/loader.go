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
// the reader. The load runs elsewhere and reports on the two channels.
type Loader struct {
	opts     Options
	progress <-chan Progress
	result   <-chan Loaded
	spin     spinner.Model
	at       Progress
	width    int
	height   int
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
	return tea.Batch(l.spin.Tick, l.waitProgress(), l.waitResult())
}

// Update follows the load; when it is done, the reader takes over.
func (l Loader) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.width, l.height = msg.Width, msg.Height
	case tea.KeyMsg:
		if key.Matches(msg, l.opts.Keys.Quit, l.opts.Keys.Back, l.opts.Keys.Close) {
			return l, tea.Quit
		}
	case progressMsg:
		l.at = Progress(msg)
		return l, l.waitProgress()
	case loadedMsg:
		if msg.Err != nil {
			*l.Err = msg.Err
			return l, tea.Quit
		}
		r := New(msg.Article, l.opts)
		next, cmd := r.Update(tea.WindowSizeMsg{Width: l.width, Height: l.height})
		return next, tea.Batch(cmd, next.Init())
	case spinner.TickMsg:
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd
	}
	return l, nil
}

// View says what is being read and how far it has come.
func (l Loader) View() string {
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
