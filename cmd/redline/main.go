// Command redline shows how a news article changed from version to
// version, every edit highlighted inline.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"

	"redline/model"
	"redline/model/source"
	"redline/model/source/archive"
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
edits, d dim minor edits, / search, v inline/side/clean, m pin, enter
history, a annotate, ? every key, q quit.

Flags:
`

// options are the command line's settings.
type options struct {
	json    bool
	print   bool
	color   bool
	from    int
	to      int
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
		fmt.Fprintf(stderr, "redline: %v\n", err)
		return 2
	}
	if opts.version {
		fmt.Fprintln(stdout, "redline", buildVersion())
		return 0
	}
	if path, ok, err := sqliteGzPath(opts); ok {
		if err != nil {
			fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
			return 2
		}
		return runArchive(path, opts.article, opts.json, stdout, stderr, opts)
	}
	if path, ok := archivePath(opts); ok {
		return runArchive(path, opts.article, opts.json, stdout, stderr, opts)
	}
	if path, ok := warcPath(opts); ok {
		return runWARC(path, opts.article, opts, stdout, stderr)
	}
	if opts.article != "" {
		fmt.Fprintln(stderr, "redline: --article picks an article from a SQLite archive or a WARC file; give it as the one SOURCE")
		return 2
	}
	tty := isTerminal(stdout)
	if !opts.json && !opts.print && tty {
		return interactive(opts, stdin, stderr)
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

// archivePath is the one SOURCE when it is a SQLite archive, recognised by
// its first bytes: an archive can be gigabytes, so it is never read whole
// like the other sources.
func archivePath(o options) (string, bool) {
	if len(o.args) != 1 || o.git != "" {
		return "", false
	}
	f, err := os.Open(o.args[0])
	if err != nil {
		return "", false
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := io.ReadFull(f, head)
	return o.args[0], archive.LooksLikeSQLite(head[:n])
}

// printStep prints one comparison, for --print or a pipe.
func printStep(art *model.Article, o options, tty bool, stdout, stderr io.Writer) int {
	index := func(flagName string, n int) (int, bool) {
		for i, v := range art.Versions {
			if v.Number == n {
				return i, true
			}
		}
		fmt.Fprintf(stderr, "redline: --%s %d: no such version (versions run from %d to %d)\n",
			flagName, n, art.Versions[0].Number, art.Versions[len(art.Versions)-1].Number)
		return 0, false
	}
	shown, base := len(art.Versions)-1, -1
	var ok bool
	if o.to >= 0 {
		if shown, ok = index("to", o.to); !ok {
			return 2
		}
	}
	if o.from >= 0 {
		if base, ok = index("from", o.from); !ok {
			return 2
		}
	}
	width := o.width
	if width == 0 {
		width = 80
		if f, isFile := stdout.(*os.File); isFile && tty {
			if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
				width = w
			}
		}
	}
	color := tty && o.color && os.Getenv("NO_COLOR") == ""
	err := tui.Print(stdout, art, tui.PrintOptions{Base: base, Shown: shown, Width: width, View: o.view,
		Styles: tui.DefaultStyles(color), Only: o.only})
	if err != nil {
		fmt.Fprintf(stderr, "redline: %s\n", oneLine(err.Error()))
		return 1
	}
	return 0
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// interactive runs the reader in the alternate screen until the user
// quits. A panic inside still gives the terminal back (bubbletea restores
// it) and ends in one readable line.
func interactive(o options, stdin io.Reader, stderr io.Writer) int {
	opts := readerOptions(o)

	// Load beside the screen: a source that reads quickly opens straight
	// away (and its errors print like any other), a slow one shows its
	// progress instead of a frozen terminal.
	progress := make(chan tui.Progress, 1)
	result := make(chan tui.Loaded, 1)
	fail := tui.NewFailure()
	// Quitting the loader (q, ctrl+c) ends interactive, and with it the
	// load: a fetch from the web archives stops at once.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	unit := ""
	if _, isURL := webURL(o); isURL {
		unit = "captures"
	}
	go func() {
		var art *model.Article
		var err error
		if fail.Protect(func() {
			art, err = load(ctx, o, stdin, func(done, total int) {
				select {
				case progress <- tui.Progress{Done: done, Total: total, Unit: unit}:
				default: // the screen shows the latest it has taken
				}
			})
		}) {
			err = errCrashed
		}
		close(progress)
		result <- tui.Loaded{Article: art, Err: err}
	}()
	var m tea.Model
	var loader tui.Loader
	select {
	case r := <-result:
		if r.Err == errCrashed {
			return reportFailure(fail, stderr)
		}
		if r.Err != nil {
			fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(r.Err.Error())))
			return 2
		}
		m = tui.New(r.Article, opts)
	case <-time.After(150 * time.Millisecond):
		loader = tui.NewLoader(opts, progress, result)
		m = loader
	}
	code := runProgram(m, fail, stdin, stderr)
	cancel()
	if loader.Err != nil && *loader.Err != nil && *loader.Err != errCrashed {
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine((*loader.Err).Error())))
		return 2
	}
	return code
}

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

// readerOptions are the reader's options from the command line's.
func readerOptions(o options) tui.Options {
	color := o.color && os.Getenv("NO_COLOR") == "" && lipgloss.ColorProfile() != termenv.Ascii
	view, _ := tui.ParseView(o.view)
	return tui.Options{Styles: tui.DefaultStyles(color), Keys: tui.DefaultKeyMap(), View: view}
}

// runProgram runs a model in the alternate screen. A panic inside it
// still gives the terminal back and ends in one readable line.
func runProgram(m tea.Model, fail *tui.Failure, stdin io.Reader, stderr io.Writer) int {
	guarded := tui.GuardWith(m, fail)
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion()}
	if f, ok := stdin.(*os.File); !ok || !term.IsTerminal(f.Fd()) {
		// The article came on standard input: keys come from the terminal.
		popts = append(popts, tea.WithInputTTY())
	}
	p := tea.NewProgram(guarded, popts...)
	fail.SetQuit(p.Quit)
	_, err := p.Run()
	if fail.Failed() {
		return reportFailure(fail, stderr)
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
	fs.IntVar(&o.from, "from", -1, "with --print: the base version's `number` (default: the one before --to)")
	fs.IntVar(&o.to, "to", -1, "with --print: the shown version's `number` (default: the newest)")
	fs.IntVar(&o.width, "width", 0, "with --print: wrap at this many `columns` (default: the terminal's, else 80)")
	fs.StringVar(&o.view, "view", "inline", "the view: inline, side or clean")
	noColor := fs.Bool("no-color", false, "mark edits as [-deleted-]{+inserted+} instead of colour (also NO_COLOR)")
	fs.StringVar(&o.sort, "sort", "name", "order of a folder's files: name (natural) or mtime")
	fs.StringVar(&o.git, "git", "", "read the versions of `FILE` from its git history")
	fs.StringVar(&o.article, "article", "", "with a SQLite archive or a WARC file: open the article with this entry id or URL (`KEY`)")
	fs.Var(archiveRoots{&o.archives}, "web-archive", "with a URL: ask the web archive at `ROOT` for captures (repeatable; default "+
		strings.Join(web.DefaultArchives, ", ")+"); a Memento TimeMap prefix works too")
	fs.BoolVar(&o.refresh, "refresh", false, "with a URL: ask the archives for their captures again, not the cache")
	fs.BoolVar(&o.offline, "offline", false, "with a URL: read only what the cache holds; touch no network")
	fs.StringVar(&o.only, "only", "", "with --print: `substantive` prints only the paragraphs with edits that can change what the article says")
	fs.Usage = func() {} // the flag package calls it on errors too
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(help, usage)
				fs.SetOutput(help)
				fs.PrintDefaults()
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
	o.color = !*noColor
	if _, ok := tui.ParseView(o.view); !ok {
		return o, fmt.Errorf("--view %q: want inline, side or clean", o.view)
	}
	if o.width < 0 {
		return o, fmt.Errorf("--width %d: want a positive number of columns", o.width)
	}
	if o.sort != "name" && o.sort != "mtime" {
		return o, fmt.Errorf("--sort %q: want name or mtime", o.sort)
	}
	if o.refresh && o.offline {
		return o, errors.New("--refresh and --offline: choose one")
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
	if u, ok := webURL(o); ok {
		art, err := web.Open(ctx, u, web.Options{Archives: o.archives, Refresh: o.refresh, Offline: o.offline,
			Version: version, Progress: progress})
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
	inputs, err := source.ReadInputs(o.args, stdin, order)
	if err != nil {
		return nil, err
	}
	return source.ReadWithProgress(inputs, progress)
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
