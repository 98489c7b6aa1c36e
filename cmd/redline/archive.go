package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"

	"redline/model"
	"redline/model/source/archive"
	"redline/tui"
)

// runArchive is redline on a SQLite archive (diffengine or NewsEdits) at
// path. With article (an entry id or URL) it opens that article: as JSON
// with jsonOut, printed with --print or into a pipe, else in the reader.
// Without, it lists the archive's articles to pick from, or prints the
// list into a pipe. The archive is only ever read. It returns the exit
// status: 0, or 2 for an archive or article that cannot be read.
func runArchive(path, article string, jsonOut bool, stdout, stderr io.Writer, o options) int {
	a, err := archive.Open(path)
	if err != nil {
		report(stderr, err)
		return 2
	}
	defer a.Close()
	tty := isTerminal(stdout)
	if article != "" {
		art, err := a.Article(article)
		if err != nil {
			report(stderr, err)
			return 2
		}
		// The article is read already (an archive answers in well under
		// a second), so the reader opens straight away.
		o.json = jsonOut
		return show(art, o, stdout, stderr)
	}
	if jsonOut || !o.textFormat() {
		// A page, a paste or a comparison is of one article: the list,
		// tab-separated, is none of them.
		fmt.Fprintf(stderr, "redline: %s: an archive holds many articles: choose one with --article KEY (an entry id or URL)\n",
			model.Visible(path))
		return 2
	}
	if o.print || !tty {
		if o.fromSet || o.toSet {
			// The list has no versions to choose: the flags would go unused.
			fmt.Fprintf(stderr, "redline: %s: --from and --to choose versions of one article: choose it with --article KEY\n",
				model.Visible(path))
			return 2
		}
		return printArchiveList(a, stdout, stderr)
	}
	title := filepath.Base(path) + " · " + a.Kind().String()
	return openReader(tui.NewRoot(a, title, readerOptions(o)), o, stderr)
}

// printArchiveList prints the archive's articles, most versions first,
// one a line, tab-separated: key, versions, first and last seen, URL,
// headline. It is how a script (or a reader without a terminal) finds the
// key to give --article.
func printArchiveList(a *archive.Archive, stdout, stderr io.Writer) int {
	c, err := a.Scan(context.Background(), nil)
	if err != nil {
		report(stderr, err)
		return 2
	}
	w := bufio.NewWriter(stdout)
	fmt.Fprintln(w, "key\tversions\tfirst_seen\tlast_seen\turl\theadline")
	seen := func(s archive.ArticleSummary, first bool) string {
		t := s.LastSeen
		if first {
			t = s.FirstSeen
		}
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02T15:04:05Z07:00")
	}
	field := model.OneLine
	for i := 0; i < c.Len(); i++ {
		s := c.At(i)
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\n", field(s.Key), s.Versions, seen(s, true), seen(s, false),
			field(s.URL), field(s.Headline))
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "redline: writing the list: %v\n", err)
		return 1
	}
	return 0
}
