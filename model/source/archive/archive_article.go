package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"redline/model"
)

// This file reads one article of an archive: its versions in order, as
// an Article.

// versionRow is one row of entryversion as Article reads it.
type versionRow struct {
	order                       versionOrder
	created                     any
	title, url, summary, source sql.NullString
	archived                    sql.NullString // diffengine's archive_url
}

// Article reads one article, every version in order, oldest first. key
// is its entry id or the URL of any of its versions. An article that is
// not there, that has a single version (nothing to compare) or whose
// versions are all without text is an *InputError.
func (a *Archive) Article(key string) (*model.Article, error) {
	return a.ArticleContext(context.Background(), key)
}

// ArticleContext is Article, stopped when ctx is.
func (a *Archive) ArticleContext(ctx context.Context, key string) (*model.Article, error) {
	key = strings.TrimSpace(key)
	if key == "" {
		return nil, model.InputErrorf(a.path, 0, "no article named: give an entry id or a URL")
	}
	rows, err := a.versionRows(ctx, key)
	if err != nil {
		return nil, a.fail(err)
	}
	if len(rows) == 0 && strings.Contains(key, "/") {
		id, err := a.idForURL(ctx, key)
		if err != nil {
			return nil, a.fail(err)
		}
		if id != "" {
			key = id
			if rows, err = a.versionRows(ctx, id); err != nil {
				return nil, a.fail(err)
			}
		}
	}
	if len(rows) == 0 {
		return nil, model.InputErrorf(a.path, 0, "no article %q (give an entry id or a URL)", model.Visible(key))
	}
	return a.buildArticle(ctx, key, rows)
}

// versionRows reads the versions of the article with entry id key: by
// the rowids a finished scan remembered, which is a few lookups, or else
// with a search of the table, which without an index reads through it.
func (a *Archive) versionRows(ctx context.Context, key string) ([]versionRow, error) {
	sel := fmt.Sprintf("SELECT %s, %s, %s, %s, %s, summary, %s, %s FROM entryversion",
		a.rowidCol(), a.col("version"), a.col("created"), a.col("title"), a.col("url"), a.col("source"), a.col("archive_url"))
	ids, scanned, done := a.seenRowids(key)
	if done && !scanned {
		return nil, nil // the whole table was read: there is no such id
	}
	var out []versionRow
	read := func(q string, args ...any) error {
		rows, err := a.db.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r versionRow
			var rowid sql.NullInt64
			var number any
			if err := rows.Scan(&rowid, &number, &r.created, &r.title, &r.url, &r.summary, &r.source, &r.archived); err != nil {
				return err
			}
			r.order.rowid = rowid.Int64
			r.order.number, r.order.hasNumber = versionNumber(number)
			r.order.seen, _ = parseSeen(r.created)
			out = append(out, r)
		}
		return rows.Err()
	}
	if !scanned {
		return out, read(sel+" WHERE entry_id = ?", keyArg(key))
	}
	// SQLite allows a bounded number of parameters; an article with more
	// versions than one batch takes several.
	const batch = 500
	for len(ids) > 0 {
		n := min(len(ids), batch)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		q := sel + " WHERE rowid IN (?" + strings.Repeat(", ?", n-1) + ")"
		if err := read(q, args...); err != nil {
			return nil, err
		}
		ids = ids[n:]
	}
	return out, nil
}

// seenRowids are where the versions of article key are stored, when the
// scan knows them all: it has read the whole table, or as many versions
// as the archive says the article has. done is true when it has read
// the whole table.
func (a *Archive) seenRowids(key string) (ids []int64, known, done bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	done = a.catalog != nil && a.hasRowid
	e := a.entries[key]
	if e == nil || !a.hasRowid || !done && (e.expect <= 0 || int64(len(e.rowids)) != e.expect) {
		return nil, false, done
	}
	return append([]int64(nil), e.rowids...), true, done
}

// idForURL finds the entry id of the article one of whose versions has
// address u: in the list when it has been read, else in the table.
func (a *Archive) idForURL(ctx context.Context, u string) (string, error) {
	if c := a.scanned(); c != nil {
		for i := range c.articles {
			if c.articles[i].URL == u {
				return c.articles[i].Key, nil
			}
		}
	}
	var id any
	if a.cols["url"] {
		err := a.db.QueryRowContext(ctx, "SELECT entry_id FROM entryversion WHERE url = ? LIMIT 1", u).Scan(&id)
		if err == nil {
			return keyOf(id), nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", err
		}
	}
	if a.kind == Diffengine {
		// diffengine keeps the feed's link for the entry and the
		// canonical address for each version; either names it.
		err := a.db.QueryRowContext(ctx, "SELECT id FROM entry WHERE url = ? LIMIT 1", u).Scan(&id)
		if err == nil {
			return keyOf(id), nil
		}
		if !errors.Is(err, sql.ErrNoRows) && !strings.Contains(err.Error(), "no such") {
			return "", err
		}
	}
	return "", nil
}

// buildArticle turns an article's rows into an Article.
func (a *Archive) buildArticle(ctx context.Context, key string, rows []versionRow) (*model.Article, error) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].order.less(rows[j].order) })
	numbered := true
	for _, r := range rows {
		numbered = numbered && r.order.hasNumber
	}
	art := &model.Article{Changes: len(rows), Versions: make([]model.Version, 0, len(rows))}
	stored := map[int]bool{} // every version's number, with text or not
	for i, r := range rows {
		v := model.Version{Number: i + 1, Headline: model.CollapseSpace(r.title.String), Paragraphs: SummaryParagraphs(r.summary.String),
			ArchiveURL: strings.TrimSpace(r.archived.String)}
		if numbered {
			// NewsEdits numbers as NewsSniffer did; keep its numbers so
			// they match the corpus.
			v.Number = int(r.order.number)
		}
		if !r.order.seen.IsZero() {
			v.Time = r.order.seen.Format(time.RFC3339)
		}
		if numbered && stored[v.Number] {
			// One number held twice: a number names one version, for
			// --from and --to and in --json, so the later row is left
			// out and said so (else the step "1 vs 1" is shown).
			art.Notes = append(art.Notes, fmt.Sprintf("version %d is held twice; the second (seen %s) was left out", v.Number, model.Visible(v.Time)))
			continue
		}
		stored[v.Number] = true
		if len(v.Paragraphs) == 0 {
			// A version stored with no text (a capture that failed) is
			// skipped, as a folder's empty file is: compared, it would
			// read as the whole article deleted and written again.
			art.Notes = append(art.Notes, fmt.Sprintf("version %d has no text (its summary is empty) and was skipped", v.Number))
			continue
		}
		art.Versions = append(art.Versions, v)
	}
	switch {
	case len(rows) == 1:
		return nil, model.InputErrorf(a.path, 0, "article %s has only one version: nothing to compare", model.Visible(key))
	case len(art.Versions) == 0:
		return nil, model.InputErrorf(a.path, 0, "article %s: every version's text is empty", model.Visible(key))
	case len(art.Versions) == 1:
		return nil, model.InputErrorf(a.path, 0, "article %s has one version with text: nothing to compare", model.Visible(key))
	}
	// Numbers the archive skips are a gap ("Version 3 missing"); a
	// version it holds with no text is a note, not a gap, as a folder's
	// empty file is.
	for i := 1; i < len(art.Versions); i++ {
		for n := art.Versions[i-1].Number + 1; n < art.Versions[i].Number; n++ {
			if !stored[n] {
				art.Gaps = append(art.Gaps, i-1)
				break
			}
		}
	}
	newest := rows[len(rows)-1]
	art.Title = art.Versions[len(art.Versions)-1].Headline
	art.URL = newest.url.String
	if !rows[0].order.seen.IsZero() {
		art.FirstSeen = rows[0].order.seen.Format(time.RFC3339) // the first capture, with text or not
	}
	art.Source = a.sourceOf(ctx, key, newest)
	return art, nil
}

// sourceOf names where an article came from: NewsEdits' source column,
// diffengine's feed, else the site's host, else the archive's name.
func (a *Archive) sourceOf(ctx context.Context, key string, newest versionRow) string {
	if s := model.CollapseSpace(newest.source.String); s != "" {
		return s
	}
	if a.feeds {
		var name sql.NullString
		err := a.db.QueryRowContext(ctx, `SELECT feed.name FROM feedentry JOIN feed ON feed.url = feedentry.feed_id
			WHERE feedentry.entry_id = ? LIMIT 1`, keyArg(key)).Scan(&name)
		if err == nil && model.CollapseSpace(name.String) != "" {
			return model.CollapseSpace(name.String)
		}
	}
	if h := (ArticleSummary{URL: newest.url.String}).Host(); h != "" {
		return h
	}
	return strings.TrimSuffix(filepath.Base(a.path), filepath.Ext(a.path))
}
