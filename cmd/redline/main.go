// Command redline shows how a news article changed from version to
// version, every edit highlighted inline.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"redline/model"
	"redline/testdata"
)

// version is redline's release; builds from a checkout add their commit.
const version = "0.1.0"

const usage = `redline — read how a news article changed, version by version

Usage:
  redline [flags] [SOURCE ...]

With no SOURCE, redline opens its built-in sample: a NewsSniffer
comparison of a New York Times article. A SOURCE is a NewsSniffer
comparison page flattened to text, two or more plain-text versions (files
or a folder, paragraphs separated by blank lines), a JSON file written by
--json, or - for standard input. The kind is recognised from the content.

Flags:
`

// options are the command line's settings.
type options struct {
	json    bool
	version bool
	sort    string
	args    []string
}

// errUsage marks an error in how redline was called.
var errUsage = errors.New("usage")

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
	art, err := load(opts, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "redline: %s\n", oneLine(err.Error()))
		return 2
	}
	if opts.json {
		if err := model.WriteJSON(stdout, art); err != nil {
			fmt.Fprintf(stderr, "redline: writing JSON: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintln(stderr, "redline: the interactive view is not built yet; use --json to print the article")
	return 2
}

// parseFlags reads flags and sources in any order, as people type them.
// --help prints the usage to help.
func parseFlags(args []string, help io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("redline", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported in one line by run
	fs.BoolVar(&o.json, "json", false, "print the article as JSON and exit")
	fs.BoolVar(&o.version, "version", false, "print redline's version and exit")
	fs.StringVar(&o.sort, "sort", "name", "order of a folder's files: name (natural) or mtime")
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
	if o.sort != "name" && o.sort != "mtime" {
		return o, fmt.Errorf("--sort %q: want name or mtime", o.sort)
	}
	return o, nil
}

// load reads the article the sources name, or the built-in sample.
func load(o options, stdin io.Reader) (*model.Article, error) {
	if len(o.args) == 0 {
		return model.ReadDump(testdata.SeedName, testdata.Seed)
	}
	order := model.SortName
	if o.sort == "mtime" {
		order = model.SortMtime
	}
	inputs, err := model.ReadInputs(o.args, stdin, order)
	if err != nil {
		return nil, err
	}
	return model.Read(inputs)
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
