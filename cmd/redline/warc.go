package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"redline/model"
	"redline/model/source/archive"
	"redline/model/source/web"
	"redline/tui"
)

// head is the first n bytes of the file at path, gunzipped when it is
// gzip: what a SOURCE is can be told from them whatever its name.
func head(path string, n int) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	r, err := web.MaybeGunzip(f)
	if err != nil {
		return nil
	}
	b := make([]byte, n)
	m, _ := io.ReadFull(r, b)
	return b[:m]
}

// isGzip reports whether the file at path starts with gzip's magic bytes.
func isGzip(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b := make([]byte, 2)
	n, _ := io.ReadFull(f, b)
	return n == 2 && b[0] == 0x1f && b[1] == 0x8b
}

// warcPath is the one SOURCE when it is a WARC file (.warc or .warc.gz),
// recognised by its first bytes: a WARC can be gigabytes, so it is read
// as a stream by path, never whole.
func warcPath(o options) (string, bool) {
	if len(o.args) != 1 || o.git != "" {
		return "", false
	}
	return o.args[0], bytes.HasPrefix(head(o.args[0], 8), []byte("WARC/1."))
}

// sqliteGzPath is the cached, decompressed copy of the one SOURCE when it
// is a gzipped SQLite archive (NewsEdits ships .db.gz): SQLite needs a
// file it can seek in, and nothing is written beside the input.
func sqliteGzPath(o options) (string, bool, error) {
	if len(o.args) != 1 || o.git != "" || !isGzip(o.args[0]) || !archive.LooksLikeSQLite(head(o.args[0], 16)) {
		return "", false, nil
	}
	p, err := web.DecompressToCache(o.args[0])
	return p, true, err
}

// runWARC is redline on a WARC file: the article it holds, or with
// article (a URL) the one of several it names. A WARC of several articles
// without --article opens the article list on a terminal, as an archive
// does; into a pipe, or with --print or --json, it prints their list
// (captures, URL, headline, one a line, tab-separated) and exits 2 asking
// for a choice.
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
		if len(list) > 1 && !o.json && !o.print && isTerminal(stdout) {
			title := filepath.Base(path) + " · WARC"
			return runProgram(tui.NewRoot(warcShelf{path: path, list: list}, title, readerOptions(o)), tui.NewFailure(), os.Stdin, stderr, !o.noMouse)
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
	return runProgram(tui.New(art, readerOptions(o)), tui.NewFailure(), os.Stdin, stderr, !o.noMouse)
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
