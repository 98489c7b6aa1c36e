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
	"os/signal"
	"runtime/debug"

	earlyterm "earlyterm.invalid/redline"

	"github.com/charmbracelet/x/term"

	"redline/model"
	"redline/model/source"
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
		report(stderr, err)
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
		} else if emptyPipe(stdin) {
			// cat missing.txt | redline --print: a script would take the
			// sample for its article.
			fmt.Fprintln(stderr, "redline: standard input is empty: showing the built-in sample")
		}
	}
	tty := isTerminal(stdout)
	reader := !opts.json && !opts.print && !opts.all && opts.only == "" && opts.textFormat() && tty
	// Only the reader in colour needs the terminal's background.
	settleBackground(reader && opts.color != "never" && (opts.color == "always" || os.Getenv("NO_COLOR") == ""))
	if err := openInputs(&opts, stdin); err != nil {
		report(stderr, err)
		return 2
	}
	defer source.Close(opts.inputs)
	switch kind, path, err := sniffOne(opts); {
	case err != nil:
		report(stderr, err)
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
			report(stderr, err)
			return 2
		}
		if newest != nil {
			return printStep(padded(newest, total), opts, tty, stdout, stderr)
		}
	}
	var progress func(done, total int)
	ctx := context.Background()
	stop := func() {}
	if _, isURL := webURL(opts); isURL && isTerminal(stderr) {
		progress = stderrProgress(stderr)
		// ctrl+c while the archives are asked stops the fetch and takes
		// the progress line away, as the reader's q does, then ends the
		// process by the signal, as if it had not been caught.
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt)
	}
	art, err := load(ctx, opts, stdin, progress)
	// Asked before stop, which cancels the context too: after it every
	// failure would read as ctrl+c.
	interrupted := err != nil && ctx.Err() != nil
	stop() // ctrl+c from here on ends the process as it always does
	if progress != nil {
		progress(-1, -1)
	}
	if interrupted {
		dieOfInterrupt()
	}
	if err != nil {
		report(stderr, err)
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

// emptyPipe reports whether stdin, which pipedStdin found empty, is a
// pipe or a file: what a script meant as the source. /dev/null and the
// like are not.
func emptyPipe(stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && (fi.Mode()&os.ModeNamedPipe != 0 || fi.Mode().IsRegular())
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// newestHook, when set (by a test), runs in the loader goroutine after a
// long history's newest versions are delivered and before the rest is
// read: how a test holds the rest back.
var newestHook func()

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

// report writes err as redline's one line on stderr: "redline: …".
func report(stderr io.Writer, err error) {
	fmt.Fprintf(stderr, "redline: %s\n", model.OneLine(err.Error()))
}
