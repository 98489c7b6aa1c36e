package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"

	"redline/model"
	"redline/model/source/archive"
	"redline/model/source/web"
	"redline/tui"
)

// runWARC is redline on a WARC file: the article it holds, or with
// article (a URL) the one of several it names. A WARC of several articles
// without --article opens the article list on a terminal, as an archive
// does; into a pipe, or with --print or --json, it prints their list
// (captures, URL, headline, one a line, tab-separated) and exits 2 asking
// for a choice.
func runWARC(path, article string, o options, stdout, stderr io.Writer) int {
	fail := func(err error) int {
		report(stderr, err)
		return 2
	}
	if article == "" {
		list, err := web.ListWARC(path)
		if err != nil {
			return fail(err)
		}
		if len(list) > 1 && !o.json && !o.print && isTerminal(stdout) {
			title := filepath.Base(path) + " · WARC"
			return openReader(tui.NewRoot(warcShelf{path: path, list: list}, title, readerOptions(o)), o, stderr)
		}
		if len(list) > 1 {
			w := bufio.NewWriter(stdout)
			for _, a := range list {
				fmt.Fprintf(w, "%d\t%s\t%s\n", a.Captures, model.OneLine(a.URL), model.OneLine(a.Headline))
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

// show shows an article read already: as JSON, printed (--print, --all,
// a format other than text, or into a pipe), else in the reader, whose
// keys come from standard input, a terminal here: the source was a file.
func show(art *model.Article, o options, stdout, stderr io.Writer) int {
	tty := isTerminal(stdout)
	switch {
	case o.json:
		if err := model.WriteJSON(stdout, art); err != nil {
			fmt.Fprintf(stderr, "redline: writing JSON: %v\n", err)
			return 1
		}
		return 0
	case o.print || o.all || o.only != "" || !o.textFormat() || !tty:
		return printStep(art, o, tty, stdout, stderr)
	}
	// A --from or --to no version has is refused before the reader
	// opens, as for every other source, not said in its footer.
	if _, _, err := tui.ResolveStep(art, o.step()); err != nil {
		report(stderr, err)
		return 2
	}
	return openReader(tui.New(art, readerOptions(o)), o, stderr)
}

// warcShelf is a WARC file of several articles as the article list sees
// an archive: its list (each URL with its captures) and one article at a
// time, read from the file when it is opened.
type warcShelf struct {
	path string
	list []web.WARCArticle
}

// Scan lists the WARC's articles, most captures first; the list is read
// already, so the one report is the last.
func (s warcShelf) Scan(ctx context.Context, report func(archive.ScanProgress)) (*archive.Catalog, error) {
	sums := make([]archive.ArticleSummary, len(s.list))
	total := 0
	for i, a := range s.list {
		sums[i] = archive.ArticleSummary{Key: a.URL, Headline: a.Headline, URL: a.URL, Versions: a.Captures,
			FirstSeen: a.First, LastSeen: a.Last}
		total += a.Captures
	}
	c := archive.NewCatalog(sums)
	if report != nil {
		report(archive.ScanProgress{Versions: total, Fraction: 1, Articles: c, Done: true})
	}
	return c, ctx.Err()
}

// ArticleContext reads the article at URL key from the WARC.
func (s warcShelf) ArticleContext(ctx context.Context, key string) (*model.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	a, err := web.OpenWARC(s.path, key)
	if err != nil {
		return nil, err
	}
	return &a, nil
}
