// Command redline shows how a news article changed from version to
// version, every edit highlighted inline.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	earlyterm "earlyterm.invalid/redline"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"redline/model"
	"redline/model/source"
	"redline/model/source/gitlog"
	"redline/model/source/newssniffer"
	"redline/model/source/web"
	"redline/testdata"
	"redline/tui"
)

// version is redline's release; builds from a checkout add their commit.
const version = "0.1.0"

const usage = `redline — read how a news article changed, version by version

Usage:
  redline [flags] [SOURCE ...]

With no SOURCE, redline opens its built-in sample: a NewsSniffer
comparison of a New York Times article.

  redline https://www.example.com/news/article

opens the captures the web archives hold of an article's URL (the Internet
Archive unless --web-archive names others), kept in a cache
($REDLINE_CACHE_DIR, else redline in the user cache directory) so that a
second open is instant and works --offline.

A SOURCE may also be a NewsSniffer comparison page (flattened to text, or
saved as HTML), several such pages of one article, two or more plain-text
versions (files or a folder, paragraphs separated by blank lines), article
pages saved as HTML (files or a folder), a WARC file (.warc, .warc.gz; of
several articles, --article URL opens one), a diffengine or NewsEdits
SQLite archive, also as .db.gz (a list of its articles; --article KEY
opens one), a JSON file written by --json, or - for standard input. The
kind is recognised from the content; gzipped inputs are read as what they
hold. --git FILE reads the versions of FILE from its git history.

In the reader: ←/→ versions, ↓/↑ paragraphs, ]/[ changes, }/{ substantive
edits, D dim minor edits, / search, v inline/side/clean, m pin, enter
history, a annotate, w write the step as an HTML page, ? every key, q quit.

--print --all prints every step; --format html, markdown, json or svg
writes a page, a paste, the comparison or a picture instead of text;
--only substantive keeps the paragraphs with edits that matter.

Flags:
`

// options are the command line's settings.
type options struct {
	json  bool
	print bool
	all   bool
	// color is auto, always or never (--color; --no-color is never).
	color string
	// format is what --print writes: text, html, markdown, json or svg.
	format  string
	from    int
	to      int
	fromSet bool // --from was given: any number, −1 included, is a version
	toSet   bool
	width   int
	view    string
	version bool
	sort    string
	git     string
	article string
	args    []string
	// archives, refresh and offline tune reading a URL from the web
	// archives (see web.Options).
	archives []string
	refresh  bool
	offline  bool
	// noMouse leaves the mouse to the terminal, for selecting text.
	noMouse bool
	// maxInput is the most bytes one input may hold (--max-input).
	maxInput int64
	// inputs are the SOURCE files and folders, each opened once.
	inputs []source.Input
	// only, with --print, keeps only the paragraphs with substantive
	// edits ("substantive"; "" keeps all).
	only string
}

// archiveRoots is the repeatable --web-archive flag.
type archiveRoots struct{ roots *[]string }

func (a archiveRoots) String() string {
	if a.roots == nil {
		return ""
	}
	return strings.Join(*a.roots, ",")
}

func (a archiveRoots) Set(s string) error {
	if s == "" {
		return errors.New("want an archive's root URL")
	}
	*a.roots = append(*a.roots, s)
	return nil
}

func main() {
	earlyterm.Restore()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is redline without the process around it: it returns the exit
// status, 0 on success and 2 on bad usage or unreadable input.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, err := parseFlags(args, stdout)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
		return 2
	}
	if opts.version {
		fmt.Fprintln(stdout, "redline", buildVersion())
		return 0
	}
	if len(opts.args) == 0 && opts.git == "" {
		// cat story.json | redline: what comes down a pipe is the source.
		if r, ok := pipedStdin(stdin); ok {
			stdin, opts.args = r, []string{"-"}
		}
	}
	tty := isTerminal(stdout)
	reader := !opts.json && !opts.print && !opts.all && opts.format == "text" && tty
	// Only the reader in colour needs the terminal's background.
	settleBackground(reader && opts.color != "never" && (opts.color == "always" || os.Getenv("NO_COLOR") == ""))
	if err := openInputs(&opts, stdin); err != nil {
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
		return 2
	}
	defer source.Close(opts.inputs)
	switch kind, path, err := sniffOne(opts); {
	case err != nil:
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
		return 2
	case kind == kindArchive:
		return runArchive(path, opts.article, opts.json, stdout, stderr, opts)
	case kind == kindWARC:
		return runWARC(path, opts.article, opts, stdout, stderr)
	}
	if opts.article != "" {
		fmt.Fprintln(stderr, "redline: --article picks an article from a SQLite archive or a WARC file; give it as the one SOURCE")
		return 2
	}
	if reader {
		return interactive(opts, stdin, stdout, stderr)
	}
	if printsNewestOnly(opts) {
		newest, total, err := readNewest(opts)
		if err != nil {
			fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
			return 2
		}
		if newest != nil {
			return printStep(padded(newest, total), opts, tty, stdout, stderr)
		}
	}
	var progress func(done, total int)
	if _, isURL := webURL(opts); isURL && isTerminal(stderr) {
		progress = stderrProgress(stderr)
	}
	art, err := load(context.Background(), opts, stdin, progress)
	if progress != nil {
		progress(-1, -1)
	}
	if err != nil {
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
		return 2
	}
	if opts.json {
		if err := model.WriteJSON(stdout, art); err != nil {
			fmt.Fprintf(stderr, "redline: writing JSON: %v\n", err)
			return 1
		}
		return 0
	}
	return printStep(art, opts, tty, stdout, stderr)
}

// pipedStdin is standard input as the source when it is not a terminal
// and holds something: one byte is peeked to know, and the rest is read
// as any input is, once and capped (--max-input). Empty input
// (</dev/null, a test's empty pipe) leaves the built-in sample.
func pipedStdin(stdin io.Reader) (io.Reader, bool) {
	if stdin == nil {
		return nil, false
	}
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return nil, false
	}
	r := bufio.NewReader(stdin)
	if _, err := r.Peek(1); err != nil {
		return nil, false
	}
	return r, true
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

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
			fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(r.Err.Error())))
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
		loader = tui.NewLoader(opts, progress, result).Growing(partial).Opened(a)
		m = loader
	}
	code := runProgram(m, fail, stdin, stdout, stderr, !o.noMouse)
	cancel()
	if loader.Err != nil && *loader.Err != nil && *loader.Err != errCrashed {
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine((*loader.Err).Error())))
		return 2
	}
	return code
}

// loadHook, when set (by a test), runs in the loader goroutine before the
// load: how a panic there is injected.
var loadHook func()

// newestHook, when set (by a test), runs in the loader goroutine after a
// long history's newest versions are delivered and before the rest is
// read: how a test holds the rest back.
var newestHook func()

// errCrashed is the load's error when it panicked; the failure says why.
var errCrashed = errors.New("internal error")

// reportFailure prints a caught panic as one line and gives the exit
// status of an internal error.
func reportFailure(fail *tui.Failure, stderr io.Writer) int {
	msg := "redline: internal error: " + oneLine(fail.Message)
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

// runProgram runs a model in the alternate screen. A panic inside it
// still gives the terminal back and ends in one readable line.
func runProgram(m tea.Model, fail *tui.Failure, stdin io.Reader, stdout, stderr io.Writer, mouse bool) int {
	guarded := tui.GuardWith(m, fail)
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithOutput(stdout)}
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
		return 128 + int(s) // as a shell reports a process the signal ended
	}
	if err != nil {
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
		return 1
	}
	return 0
}

// parseFlags reads flags and sources in any order, as people type them.
// --help prints the usage to help.
func parseFlags(args []string, help io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("redline", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported in one line by run
	fs.BoolVar(&o.json, "json", false, "print the article as JSON and exit")
	fs.BoolVar(&o.version, "version", false, "print redline's version and exit")
	fs.BoolVar(&o.print, "print", false, "print a comparison and exit (the default when stdout is not a terminal)")
	fs.IntVar(&o.from, "from", 0, "the base version's `number` (default: the one before --to)")
	fs.IntVar(&o.to, "to", 0, "the shown version's `number` (default: the newest)")
	fs.IntVar(&o.width, "width", 0, "with --print: wrap at this many `columns` (default: $COLUMNS, else the terminal's, else 80)")
	fs.BoolVar(&o.all, "all", false, "with --print: every step of the history, oldest first (--from and --to limit it)")
	fs.StringVar(&o.format, "format", "text", "with --print: `text|html|markdown|json|svg` (json: the comparison; svg: a picture of the step)")
	fs.StringVar(&o.color, "color", "auto", "colour: `auto|always|never` (auto: when printing to a terminal and NO_COLOR is unset)")
	fs.StringVar(&o.view, "view", "inline", "the view: `inline|side|clean`")
	noColor := fs.Bool("no-color", false, "the same as --color=never: mark edits as [-deleted-]{+inserted+} (also NO_COLOR)")
	fs.StringVar(&o.sort, "sort", "name", "order of a folder's files: `name|mtime` (name is natural order: draft-2 before draft-10)")
	fs.StringVar(&o.git, "git", "", "read the versions of `FILE` from its git history")
	fs.StringVar(&o.article, "article", "", "with a SQLite archive or a WARC file: open the article with this entry id or URL (`KEY`)")
	fs.Var(archiveRoots{&o.archives}, "web-archive", "with a URL: ask the web archive at `ROOT` for captures (repeatable; default "+
		strings.Join(web.DefaultArchives, ", ")+"); a Memento TimeMap prefix works too")
	fs.BoolVar(&o.refresh, "refresh", false, "with a URL: ask the archives for their captures again, not the cache")
	fs.BoolVar(&o.offline, "offline", false, "with a URL: read only what the cache holds; touch no network")
	fs.BoolVar(&o.noMouse, "no-mouse", false, "leave the mouse to the terminal, to select text (M in the reader toggles it)")
	o.maxInput = source.DefaultMaxInput
	fs.Var(byteSize{&o.maxInput}, "max-input", "refuse an input past this `SIZE` (bytes, or with K, M, G: 512M, 2G; default "+
		source.Size(source.DefaultMaxInput)+")")
	fs.StringVar(&o.only, "only", "", "with --print: `substantive` prints only the paragraphs with edits that can change what the article says")
	fs.Usage = func() {} // the flag package calls it on errors too
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(help, usage)
				printFlags(help, fs)
				return o, err
			}
			return o, fmt.Errorf("%v (see redline --help)", oneLine(err.Error()))
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" || (len(args[0]) > 1 && args[0][0] == '-' && args[0] != "-") {
			o.args = append(o.args, args[1:]...)
			break
		}
		o.args = append(o.args, args[0])
		args = args[1:]
	}
	fs.Visit(func(f *flag.Flag) {
		o.fromSet = o.fromSet || f.Name == "from"
		o.toSet = o.toSet || f.Name == "to"
	})
	if err := checkColor(&o, *noColor); err != nil {
		return o, err
	}
	if !validFormats[o.format] {
		return o, fmt.Errorf("--format %q: want text, html, markdown, json or svg", o.format)
	}
	if o.format == "svg" && o.all {
		return o, errors.New("--format svg draws one step; drop --all or choose another format")
	}
	if _, ok := tui.ParseView(o.view); !ok {
		return o, fmt.Errorf("--view %q: want inline, side or clean", o.view)
	}
	if o.width < 0 || o.width > maxWidth {
		return o, fmt.Errorf("--width %d: want a number of columns from 1 to %d", o.width, maxWidth)
	}
	if o.sort != "name" && o.sort != "mtime" {
		return o, fmt.Errorf("--sort %q: want name or mtime", o.sort)
	}
	if o.refresh && o.offline {
		return o, errors.New("--refresh and --offline: choose one")
	}
	if o.fromSet && o.toSet && o.from == o.to {
		return o, fmt.Errorf("--from %d --to %d: the same version; give two different versions to compare", o.from, o.to)
	}
	if o.only != "" && o.only != "substantive" {
		return o, fmt.Errorf("--only %q: want substantive", o.only)
	}
	return o, nil
}

// load reads the article the sources name, or the built-in sample,
// telling progress (which may be nil) how far it has come. Cancelling ctx
// stops a fetch from the web archives.
func load(ctx context.Context, o options, stdin io.Reader, progress func(done, total int)) (*model.Article, error) {
	return loadGrowing(ctx, o, stdin, progress, nil)
}

// loadGrowing is load telling grown, where the source delivers an
// article as it grows (the captures of a URL), the article so far each
// time it has one more version.
func loadGrowing(ctx context.Context, o options, stdin io.Reader, progress func(done, total int), grown func(*model.Article)) (*model.Article, error) {
	if u, ok := webURL(o); ok {
		var onArticle func(model.Article)
		if grown != nil {
			onArticle = func(a model.Article) { grown(&a) }
		}
		art, err := web.Open(ctx, u, web.Options{Archives: o.archives, Refresh: o.refresh, Offline: o.offline,
			Version: version, Progress: progress, OnArticle: onArticle})
		if err != nil {
			return nil, err
		}
		return &art, nil
	}
	if o.git != "" {
		if len(o.args) > 0 {
			return nil, fmt.Errorf("--git reads one file's history; give no other source (got %s)", o.args[0])
		}
		return gitlog.ReadGit(o.git)
	}
	if len(o.args) == 0 {
		return newssniffer.ReadDump(testdata.SeedName, testdata.Seed)
	}
	order := source.SortName
	if o.sort == "mtime" {
		order = source.SortMtime
	}
	inputs := o.inputs
	if inputs == nil {
		var err error
		if inputs, err = source.Open(o.args, stdin, order, o.maxInput); err != nil {
			return nil, err
		}
	}
	return source.ReadWithProgress(inputs, progress)
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

// webURL is the one SOURCE when it is a URL (anything with a scheme, so
// that ftp://… fails as "not an http(s) URL" rather than as a missing
// file); a file of that name is still read as a file.
func webURL(o options) (string, bool) {
	if len(o.args) != 1 || o.git != "" {
		return "", false
	}
	a := o.args[0]
	i := strings.Index(a, "://")
	if i <= 0 || strings.ContainsAny(a[:i], "/\\.") {
		return "", false
	}
	if _, err := os.Stat(a); err == nil {
		return "", false
	}
	return a, true
}

// stderrProgress shows "n of m captures" on one line of stderr, a
// terminal, while --print or --json waits for the archives; done < 0
// clears the line at the end.
func stderrProgress(stderr io.Writer) func(done, total int) {
	shown := false
	return func(done, total int) {
		switch {
		case done < 0:
			if shown {
				fmt.Fprint(stderr, "\r\x1b[K")
			}
		case total > 0:
			shown = true
			fmt.Fprintf(stderr, "\rredline: %d of %d captures", done, total)
		}
	}
}

// buildVersion is the release with the commit it was built from, when the
// build recorded one.
func buildVersion() string {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	return v
}

// oneLine keeps an error message to the one line redline promises.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
