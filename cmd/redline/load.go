package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"redline/testdata"

	"redline/model"
	"redline/model/source"
	"redline/model/source/gitlog"
	"redline/model/source/newssniffer"
	"redline/model/source/web"
)

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
// terminal, while --print or --json waits for the archives, and before
// that, while it waits for their lists (0 of 0), that it asks (a slow
// archive can take minutes to answer); done < 0 clears the line at the
// end.
func stderrProgress(stderr io.Writer) func(done, total int) {
	shown := false
	return func(done, total int) {
		switch {
		case done < 0:
			if shown {
				fmt.Fprint(stderr, "\r\x1b[K")
			}
		case total == 0 && done == 0:
			shown = true
			fmt.Fprint(stderr, "\rredline: asking the archives for the captures…")
		case total > 0:
			shown = true
			fmt.Fprintf(stderr, "\r\x1b[Kredline: %d of %d captures", done, total)
		}
	}
}
