package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"redline/model"
	"redline/model/source/web"
	"redline/tui"
)

// interactive runs the reader in the alternate screen until the user
// quits. A panic inside still gives the terminal back (bubbletea restores
// it) and ends in one readable line.
func interactive(o options, stdin io.Reader, stdout, stderr io.Writer) int {
	opts := readerOptions(o)

	// Load beside the screen: a source that reads quickly opens straight
	// away (and its errors print like any other), a slow one shows its
	// progress instead of a frozen terminal.
	fail := tui.NewFailure()
	// Quitting the loader (q, ctrl+c) ends interactive, and with it the
	// load: a fetch from the web archives stops at once.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ld := startLoad(ctx, o, stdin, fail)
	progress, result, partial := ld.progress, ld.result, ld.partial
	var m tea.Model
	var loader tui.Loader
	select {
	case r := <-result:
		if r.Err == errCrashed {
			return reportFailure(fail, stderr)
		}
		if r.Err == nil {
			_, _, r.Err = tui.ResolveStep(r.Article, o.step())
		}
		if r.Err != nil {
			report(stderr, r.Err)
			return 2
		}
		m = tui.New(r.Article, opts)
	case a := <-ld.newest:
		// A long folder or git history opens on its newest step while
		// the rest is read.
		loader = tui.NewLoader(opts, progress, result).Newest(a)
		m = loader
	case a := <-firstTwo(partial, 150*time.Millisecond):
		// A growing article (a URL's captures) opens the reader as soon
		// as it has two versions; else the loader shows its progress.
		// A step named (--from, --to) is looked for in the whole
		// article, as a folder's is (readNewest): looked for in the first
		// two captures, --to 4 would read as "no such version".
		loader = tui.NewLoader(opts, progress, result)
		if !o.fromSet && !o.toSet {
			loader = loader.Growing(partial).Opened(a)
		}
		m = loader
	}
	code := runProgram(m, fail, stdin, stdout, stderr, !o.noMouse)
	cancel()
	if loader.Err != nil && *loader.Err != nil && *loader.Err != errCrashed {
		report(stderr, *loader.Err)
		return 2
	}
	return code
}

// loadHook, when set (by a test), runs in the loader goroutine before the
// load: how a panic there is injected.
var loadHook func()

// errCrashed is the load's error when it panicked; the failure says why.
var errCrashed = errors.New("internal error")

// reportFailure prints a caught panic as one line and gives the exit
// status of an internal error.
func reportFailure(fail *tui.Failure, stderr io.Writer) int {
	msg := "redline: internal error: " + model.OneLine(fail.Message)
	if fail.Details != "" {
		msg += " (details in " + fail.Details + ")"
	}
	fmt.Fprintln(stderr, model.Visible(msg))
	return 1
}

// background is a load running beside the screen and the channels it
// reports on: its progress, the article so far (for a source that
// delivers it as it grows), and how it ended.
type background struct {
	progress chan tui.Progress
	partial  chan *model.Article
	result   chan tui.Loaded
	// newest is a long history's newest versions, read before the rest
	// (see readNewest); nothing comes on it for other sources.
	newest chan *model.Article
}

// startLoad starts the load in a goroutine guarded by fail: a panic there
// is recorded and ends the load with errCrashed.
func startLoad(ctx context.Context, o options, stdin io.Reader, fail *tui.Failure) background {
	b := background{progress: make(chan tui.Progress, 1), partial: make(chan *model.Article, 1),
		result: make(chan tui.Loaded, 1), newest: make(chan *model.Article, 1)}
	unit := ""
	if u, isURL := webURL(o); isURL {
		unit = "captures"
		if _, ok := web.NewsSnifferArticle(u); ok {
			unit = "versions"
		}
	}
	go func() {
		var art *model.Article
		var err error
		if fail.Protect(func() {
			if loadHook != nil {
				loadHook()
			}
			// An error here is the whole load's to report.
			if a, _, _ := readNewest(o); a != nil {
				b.newest <- a
				if newestHook != nil {
					newestHook()
				}
			}
			art, err = loadGrowing(ctx, o, stdin, func(done, total int) {
				select {
				case b.progress <- tui.Progress{Done: done, Total: total, Unit: unit}:
				default: // the screen shows the latest it has taken
				}
			}, func(a *model.Article) { sendNewest(b.partial, a) })
		}) {
			err = errCrashed
		}
		close(b.progress)
		b.result <- tui.Loaded{Article: art, Err: err}
	}()
	return b
}

// readerOptions are the reader's options from the command line's.
func readerOptions(o options) tui.Options {
	color := o.color == "always" || (o.color == "auto" && os.Getenv("NO_COLOR") == "" && lipgloss.ColorProfile() != termenv.Ascii)
	if o.color == "always" {
		forceColor()
	}
	view, _ := tui.ParseView(o.view)
	step := o.step()
	return tui.Options{Styles: tui.DefaultStyles(color), Keys: tui.DefaultKeyMap(), View: view,
		Output: os.Stdout, NoMouse: o.noMouse, Sample: o.sample(), Step: &step}
}

// step is the step --from and --to choose.
func (o options) step() tui.StepNumbers {
	return tui.StepNumbers{From: o.from, To: o.to, FromSet: o.fromSet, ToSet: o.toSet}
}

// sample reports whether the article is the built-in sample: no SOURCE,
// nothing piped.
func (o options) sample() bool { return len(o.args) == 0 && o.git == "" }

// openReader runs the reader on m, or on an article list, at the
// terminal: keys from standard input, the screen on standard output.
func openReader(m tea.Model, o options, stderr io.Writer) int {
	return runProgram(m, tui.NewFailure(), os.Stdin, os.Stdout, stderr, !o.noMouse)
}

// runProgram runs a model in the alternate screen. A panic inside it
// still gives the terminal back and ends in one readable line.
func runProgram(m tea.Model, fail *tui.Failure, stdin io.Reader, stdout, stderr io.Writer, mouse bool) int {
	guarded := tui.GuardWith(m, fail)
	popts := append([]tea.ProgramOption{tea.WithAltScreen(), tea.WithOutput(stdout)}, tui.SignalOptions()...)
	if mouse {
		popts = append(popts, tea.WithMouseCellMotion())
	}
	if f, ok := stdin.(*os.File); !ok || !term.IsTerminal(f.Fd()) {
		// The article came on standard input: keys come from the terminal.
		popts = append(popts, tea.WithInputTTY())
	} else {
		popts = append(popts, tea.WithInput(stdin))
	}
	p := tea.NewProgram(guarded, popts...)
	fail.SetQuit(p.Quit)
	stop, ended := tui.WatchSignals(p)
	_, err := p.Run()
	stop()
	if fail.Failed() {
		return reportFailure(fail, stderr)
	}
	if s, ok := ended().(syscall.Signal); ok {
		return dieOf(s) // the terminal given back, ended as the signal would end it
	}
	if err != nil {
		report(stderr, err)
		return 1
	}
	return 0
}

// firstTwo delivers the first article from partial that has two versions
// or more, or nil once wait has passed without one: what the reader can
// open on. Articles of one version are dropped; a later one holds them.
func firstTwo(partial <-chan *model.Article, wait time.Duration) <-chan *model.Article {
	out := make(chan *model.Article, 1)
	go func() {
		timeout := time.After(wait)
		for {
			select {
			case a, ok := <-partial:
				if !ok {
					out <- nil
					return
				}
				if len(a.Versions) >= 2 {
					out <- a
					return
				}
			case <-timeout:
				out <- nil
				return
			}
		}
	}()
	return out
}

// sendNewest hands the reader the article so far, replacing one it has
// not taken yet: the newest always arrives and the load never waits for
// the screen. The load is the only sender.
func sendNewest(ch chan *model.Article, a *model.Article) {
	for {
		select {
		case ch <- a:
			return
		default:
		}
		select {
		case <-ch:
		default:
		}
	}
}
