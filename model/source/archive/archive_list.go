package archive

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"redline/model"
)

// This file lists an archive's articles: one pass over the versions
// table that never reads a summary, and the catalog it fills, filtered in
// memory.

// ArticleSummary is one article in an archive's list: enough to choose
// it without reading any of its text.
type ArticleSummary struct {
	// Key is the article's entry id as text; Article takes it.
	Key string
	// Headline is the newest version's headline.
	Headline string
	// URL is the newest version's address.
	URL string
	// Versions is how many versions the archive holds.
	Versions int
	// FirstSeen and LastSeen are when the first and the newest version
	// were seen; zero when the archive does not say.
	FirstSeen, LastSeen time.Time
}

// Host is the URL's host without a leading "www.", for a narrow column.
func (s ArticleSummary) Host() string {
	h := s.URL
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	return strings.TrimPrefix(h, "www.")
}

// ScanProgress is how far Scan has read, with what it has found so far.
type ScanProgress struct {
	// Versions is the number of versions read so far.
	Versions int
	// Fraction is how far through the archive the scan is, 0 to 1.
	Fraction float64
	// Articles are the articles seen so far, most versions first. Until
	// Done, later versions may still add to them and reorder them.
	Articles *Catalog
	// Done is true on the last report: Articles is the whole list.
	Done bool
}

// scanInterval is how often Scan reports while it reads: the first
// report comes quickly so a list can show its first screen, later ones
// less often since each costs a sort of everything seen.
var scanInterval = [2]time.Duration{100 * time.Millisecond, 300 * time.Millisecond}

// scanEntry is one article as the scan gathers it.
type scanEntry struct {
	sum   ArticleSummary
	order versionOrder // of the version whose headline sum holds
	// rowids are where its versions are stored; expect is how many it
	// has, when the archive says (NewsEdits' num_versions), so that an
	// article can be opened from its rowids before the scan ends.
	rowids []int64
	expect int64
}

// versionOrder places a version in its article's timeline: by version
// number when the archive has one, else by when it was seen; rowid breaks
// ties, as the order rows were written.
type versionOrder struct {
	hasNumber bool
	number    int64
	seen      time.Time
	rowid     int64
}

func (o versionOrder) less(p versionOrder) bool {
	if o.hasNumber && p.hasNumber && o.number != p.number {
		return o.number < p.number
	}
	if !o.seen.Equal(p.seen) {
		return o.seen.Before(p.seen)
	}
	return o.rowid < p.rowid
}

// Scan reads the archive's list of articles in one pass over its
// versions, in the order they are stored, reading no article text: the
// archive has no index redline can rely on (and cannot add one to a file
// it must not write), and one sequential pass is the fastest way through
// a table without one. report, when not nil, is called from Scan's
// goroutine with what has been read so far, quickly once and then every
// few hundred milliseconds, and a last time with Done set. The finished
// list is kept: later calls return it at once, and Article finds an
// article's versions by the rowids the pass remembered.
func (a *Archive) Scan(ctx context.Context, report func(ScanProgress)) (*Catalog, error) {
	a.scanMu.Lock()
	defer a.scanMu.Unlock()
	if c := a.scanned(); c != nil {
		if report != nil {
			report(ScanProgress{Versions: c.versions, Fraction: 1, Articles: c, Done: true})
		}
		return c, nil
	}
	var maxRowid sql.NullInt64
	if a.hasRowid {
		if err := a.db.QueryRowContext(ctx, "SELECT max(rowid) FROM entryversion").Scan(&maxRowid); err != nil {
			return nil, a.fail(err)
		}
	}
	q := fmt.Sprintf("SELECT %s, entry_id, %s, %s, %s, %s, %s FROM entryversion",
		a.rowidCol(), a.col("version"), a.col("created"), a.col("title"), a.col("url"), a.col("num_versions"))
	if a.hasRowid {
		q += " ORDER BY rowid" // the table's own order: no sort, and progress by rowid
	}
	rows, err := a.db.QueryContext(ctx, q)
	if err != nil {
		return nil, a.fail(err)
	}
	defer rows.Close()

	entries := map[string]*scanEntry{}
	a.mu.Lock()
	a.entries = entries
	a.mu.Unlock()
	defer func() {
		if a.scanned() == nil { // failed or stopped: forget what it saw
			a.mu.Lock()
			a.entries = nil
			a.mu.Unlock()
		}
	}()
	var list []*scanEntry
	n, reports, last := 0, 0, time.Now()
	var (
		rowid                sql.NullInt64
		id, number, seen, of any
		title, url           sql.NullString
	)
	for rows.Next() {
		if err := rows.Scan(&rowid, &id, &number, &seen, &title, &url, &of); err != nil {
			return nil, a.fail(err)
		}
		n++
		key := keyOf(id)
		if key == "" {
			continue
		}
		o := versionOrder{rowid: rowid.Int64}
		o.number, o.hasNumber = versionNumber(number)
		o.seen, _ = parseSeen(seen)
		a.mu.Lock() // Article may be looking up what the scan has seen
		e := entries[key]
		if e == nil {
			e = &scanEntry{sum: ArticleSummary{Key: key, Headline: model.CollapseSpace(title.String), URL: url.String,
				FirstSeen: o.seen, LastSeen: o.seen}, order: o}
			e.expect, _ = versionNumber(of)
			entries[key] = e
			list = append(list, e)
		}
		if a.hasRowid {
			e.rowids = append(e.rowids, rowid.Int64)
		}
		a.mu.Unlock()
		if e.order.less(o) {
			e.sum.Headline, e.sum.URL, e.order = model.CollapseSpace(title.String), url.String, o
		}
		e.sum.Versions++
		if !o.seen.IsZero() {
			if e.sum.FirstSeen.IsZero() || o.seen.Before(e.sum.FirstSeen) {
				e.sum.FirstSeen = o.seen
			}
			if o.seen.After(e.sum.LastSeen) {
				e.sum.LastSeen = o.seen
			}
		}
		if n%2048 != 0 {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if report != nil && time.Since(last) >= scanInterval[min(reports, 1)] {
			p := ScanProgress{Versions: n, Articles: newCatalogFrom(list, n)}
			if maxRowid.Int64 > 0 {
				p.Fraction = min(float64(rowid.Int64)/float64(maxRowid.Int64), 1)
			}
			report(p)
			reports, last = reports+1, time.Now()
		}
	}
	if err := rows.Err(); err != nil {
		return nil, a.fail(err)
	}
	c := newCatalogFrom(list, n)
	a.mu.Lock()
	a.catalog = c
	a.mu.Unlock()
	if report != nil {
		report(ScanProgress{Versions: n, Fraction: 1, Articles: c, Done: true})
	}
	return c, nil
}

// scanned is the list a finished scan made, nil before.
func (a *Archive) scanned() *Catalog {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.catalog
}

// Articles is a page of the archive's list, most versions first, of the
// articles that match filter (see Catalog.Filter): limit of them from
// offset on. The first call reads the list (see Scan).
func (a *Archive) Articles(ctx context.Context, offset, limit int, filter string) ([]ArticleSummary, error) {
	c, err := a.Scan(ctx, nil)
	if err != nil {
		return nil, err
	}
	match := c.Filter(filter)
	offset = max(offset, 0)
	if offset >= len(match) || limit <= 0 {
		return []ArticleSummary{}, nil
	}
	match = match[offset:min(offset+limit, len(match))]
	out := make([]ArticleSummary, len(match))
	for i, j := range match {
		out[i] = c.At(j)
	}
	return out, nil
}

// Count is the number of the archive's articles that match filter.
func (a *Archive) Count(ctx context.Context, filter string) (int, error) {
	c, err := a.Scan(ctx, nil)
	if err != nil {
		return 0, err
	}
	if strings.TrimSpace(filter) == "" {
		return c.Len(), nil
	}
	return len(c.Filter(filter)), nil
}

// Catalog is a list of articles, most versions first, that can be
// filtered fast enough to answer every keystroke. It does not change
// once made.
type Catalog struct {
	articles []ArticleSummary
	versions int // rows read to make it

	foldOnce sync.Once
	folded   []string // lower-case "headline url", made on the first Filter
}

// NewCatalog makes a catalog of list, in the catalog's order: most
// versions first, then the most recently seen, then by key.
func NewCatalog(list []ArticleSummary) *Catalog {
	c := &Catalog{articles: append([]ArticleSummary(nil), list...)}
	for _, s := range list {
		c.versions += s.Versions
	}
	c.sort()
	return c
}

// newCatalogFrom snapshots the entries a scan has gathered.
func newCatalogFrom(list []*scanEntry, versions int) *Catalog {
	c := &Catalog{articles: make([]ArticleSummary, len(list)), versions: versions}
	for i, e := range list {
		c.articles[i] = e.sum
	}
	c.sort()
	return c
}

func (c *Catalog) sort() {
	sort.Slice(c.articles, func(i, j int) bool {
		a, b := &c.articles[i], &c.articles[j]
		if a.Versions != b.Versions {
			return a.Versions > b.Versions
		}
		if !a.LastSeen.Equal(b.LastSeen) {
			return a.LastSeen.After(b.LastSeen)
		}
		return model.NaturalLess(a.Key, b.Key)
	})
}

// Len is the number of articles.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return len(c.articles)
}

// At is the i-th article.
func (c *Catalog) At(i int) ArticleSummary { return c.articles[i] }

// Filter is the indexes, in order, of the articles whose headline or URL
// holds every word of query, ignoring case; every article for a blank
// query. Words, not a fuzzy match: a reader filtering 100,000 headlines
// wants the ones that say what they typed.
func (c *Catalog) Filter(query string) []int {
	if c == nil {
		return nil
	}
	return c.FilterWithin(nil, query)
}

// FilterWithin is Filter restricted to the indexes in within (nil for
// all): a filter one keystroke longer only needs to look at what the
// shorter one matched.
func (c *Catalog) FilterWithin(within []int, query string) []int {
	words := strings.Fields(strings.ToLower(query))
	if within == nil {
		within = make([]int, len(c.articles))
		for i := range within {
			within[i] = i
		}
		if len(words) == 0 {
			return within
		}
	}
	c.foldOnce.Do(func() {
		c.folded = make([]string, len(c.articles))
		for i := range c.articles {
			c.folded[i] = strings.ToLower(c.articles[i].Headline + " " + c.articles[i].URL)
		}
	})
	out := make([]int, 0, len(within)/4)
next:
	for _, i := range within {
		for _, w := range words {
			if !strings.Contains(c.folded[i], w) {
				continue next
			}
		}
		out = append(out, i)
	}
	return out
}
