package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"redline/model"
	"redline/model/source/web"
	"redline/tui"
)

// runWARC is redline on a WARC file: the article it holds, or with
// article (a URL) the one of several it names. A WARC of several articles
// without --article prints their list (captures, URL, headline, one a
// line, tab-separated) and exits 2 asking for a choice; the reader has no
// picker for WARC files yet.
func runWARC(path, article string, o options, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		fmt.Fprintf(stderr, "redline: %s\n", model.Visible(oneLine(err.Error())))
		return 2
	}
	if article == "" {
		list, err := web.ListWARC(path)
		if err != nil {
			return fail(err)
		}
		if len(list) > 1 {
			w := bufio.NewWriter(stdout)
			for _, a := range list {
				fmt.Fprintf(w, "%d\t%s\t%s\n", a.Captures, model.Visible(oneLine(a.URL)), model.Visible(oneLine(a.Headline)))
			}
			w.Flush()
			fmt.Fprintf(stderr, "redline: %s holds %d articles: choose one with --article URL\n",
				model.Visible(path), len(list))
			return 2
		}
		article = list[0].URL
	}
	art, err := web.OpenWARC(path, article)
	if err != nil {
		return fail(err)
	}
	return show(&art, o, stdout, stderr)
}

// show shows an article read already: as JSON, printed with --print or
// into a pipe, else in the reader.
func show(art *model.Article, o options, stdout, stderr io.Writer) int {
	tty := isTerminal(stdout)
	switch {
	case o.json:
		if err := model.WriteJSON(stdout, art); err != nil {
			fmt.Fprintf(stderr, "redline: writing JSON: %v\n", err)
			return 1
		}
		return 0
	case o.print || !tty:
		return printStep(art, o, tty, stdout, stderr)
	}
	// Keys come from standard input, a terminal here: the source is a file.
	return runProgram(tui.New(art, readerOptions(o)), tui.NewFailure(), os.Stdin, os.Stdout, stderr)
}
