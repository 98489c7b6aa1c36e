package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"redline/model"
	"redline/model/source"
	"redline/model/source/web"
	"redline/tui"
)

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

// parseFlags reads flags and sources in any order, as people type them.
// --help prints the usage to help.
func parseFlags(args []string, help io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("redline", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported in one line by run
	fs.BoolVar(&o.json, "json", false, "print the article as JSON and exit")
	fs.BoolVar(&o.version, "version", false, "print redline's version and exit")
	fs.BoolVar(&o.print, "print", false, "print a comparison and exit (the default when stdout is not a terminal)")
	fs.IntVar(&o.from, "from", 0, "the base version's `number` (default: the one before --to; a later one compares backwards)")
	fs.IntVar(&o.to, "to", 0, "the shown version's `number` (default: the newest)")
	fs.IntVar(&o.width, "width", 0, "with --print: the page's width in `columns`, 20 to 10000 (default: $COLUMNS, else the terminal's, else 80); prose wraps at 100 of them at most, as in the reader")
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
	fs.StringVar(&o.only, "only", "", "`substantive`: print (as --print does) only the paragraphs with edits that can change what the article says")
	fs.Usage = func() {} // the flag package calls it on errors too
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(help, usage)
				printFlags(help, fs)
				return o, err
			}
			return o, fmt.Errorf("%v (see redline --help)", model.OneLine(twoDashes(err.Error())))
		}
		rest := fs.Args()
		if endedFlags(fs, args[:len(args)-len(rest)]) {
			// Parse stops at a non-flag argument, or after "--", which it
			// drops: everything after "--" is a source, "-x.txt" and
			// "--json" too.
			o.args = append(o.args, rest...)
			break
		}
		if args = rest; len(args) == 0 {
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
	if o.width < 0 || o.width > maxWidth || o.width > 0 && o.width < minWidth {
		return o, fmt.Errorf("--width %d: want a number of columns from %d to %d (0, or no --width, for the terminal's)", o.width, minWidth, maxWidth)
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
	// The other outputs carry every paragraph: a user who asked for the
	// substantive edits alone must not be handed all of them unawares.
	if o.only != "" && (o.json || !o.textFormat()) {
		what := "--format " + o.format
		if o.json {
			what = "--json"
		}
		return o, fmt.Errorf("--only substantive prints text; %s writes every paragraph: leave one of them out", what)
	}
	return o, nil
}

// endedFlags reports whether the arguments one fs.Parse took (flags and
// their values, no sources) end with the "--" that ends the flags, not
// with "--" as a flag's value (--article --): they are walked as Parse
// walked them.
func endedFlags(fs *flag.FlagSet, took []string) bool {
	for i := 0; i < len(took); i++ {
		if took[i] == "--" {
			return true // in a flag's place: the end of the flags
		}
		name := strings.TrimLeft(took[i], "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
				i++ // its value is the next argument, "--" too
			}
		}
	}
	return false
}

// flagName is a flag as the flag package's errors name it: one dash.
var flagName = regexp.MustCompile(`(: |flag |for )-([A-Za-z][A-Za-z0-9-]*)`)

// twoDashes is a flag package error naming the flag as redline writes
// it, with two dashes ("flag needs an argument: --from"). The name is
// the last match: a value the message quotes comes before it.
func twoDashes(msg string) string {
	all := flagName.FindAllStringSubmatchIndex(msg, -1)
	if len(all) == 0 {
		return msg
	}
	dash := all[len(all)-1][4] - 1 // the dash before the name
	return msg[:dash] + "-" + msg[dash:]
}
