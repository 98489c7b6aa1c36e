package model

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ArchiveKind is the schema an archive database was written with.
type ArchiveKind int

const (
	// ArchiveDiffengine is diffengine's database: tables feed, entry,
	// feedentry, entryversion and diff, versions ordered by when they
	// were seen.
	ArchiveDiffengine ArchiveKind = iota + 1
	// ArchiveNewsEdits is a NewsEdits corpus database: one entryversion
	// table whose rows carry their version number.
	ArchiveNewsEdits
)

// String names the schema as its tool does.
func (k ArchiveKind) String() string {
	switch k {
	case ArchiveDiffengine:
		return "diffengine"
	case ArchiveNewsEdits:
		return "NewsEdits"
	}
	return "unknown"
}

// Archive is a diffengine or NewsEdits database opened read-only: a list
// of articles, each with its versions. Its methods are safe to call from
// several goroutines, so a list can load while an article opens.
type Archive struct {
	path string
	kind ArchiveKind
	db   *sql.DB
	cols map[string]bool // entryversion's columns, lower case
	// hasRowid is false for a WITHOUT ROWID table, where versions are
	// found by entry_id instead of by the rowids a scan remembered.
	hasRowid bool
	// feeds is true when diffengine's feed and feedentry tables are
	// there to name an article's source.
	feeds bool

	scanMu  sync.Mutex            // one scan at a time; the second finds the first's list
	mu      sync.Mutex            // guards catalog, entries and the entries' rowids
	catalog *Catalog              // set once a scan has read every row
	entries map[string]*scanEntry // the articles the scan has seen, by key
}

// LooksLikeSQLite reports whether data starts with the header every
// SQLite 3 database file starts with.
func LooksLikeSQLite(data []byte) bool {
	return len(data) >= 16 && string(data[:16]) == "SQLite format 3\x00"
}

// needColumns are the columns an entryversion table cannot do without;
// version or created is needed too, to order versions, and title, url
// and source are read when they are there.
var needColumns = []string{"entry_id", "summary"}

// OpenArchive opens a diffengine or NewsEdits database for reading,
// recognising which by its tables and columns. The file is never written:
// no journal, no WAL, no lock file. A file that is not SQLite, a database
// of neither schema, one that is damaged or being written by another
// program are *InputError naming the file.
func OpenArchive(path string) (*Archive, error) {
	head, err := readHead(path)
	if err != nil {
		return nil, err
	}
	if !LooksLikeSQLite(head) {
		return nil, inputErr(path, 0, "not a SQLite database")
	}
	if err := checkQuiet(path, head); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path, true))
	if err != nil {
		return nil, inputErr(path, 0, "cannot open: %v", err)
	}
	a := &Archive{path: path, db: db}
	if err := a.detect(); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// readHead reads the 100-byte database header.
func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, inputErr(path, 0, "%v", unwrapPathError(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, inputErr(path, 0, "is a folder, not a database")
	}
	head := make([]byte, 100)
	n, _ := f.Read(head)
	return head[:n], nil
}

// readOnlyDSN is the URI that opens path without ever writing to it.
//
// immutable=1 (with mode=ro) is chosen over mode=ro alone because it is
// the only setting under which SQLite opens no file but the database
// itself: mode=ro still takes POSIX locks and, on a WAL database in a
// writable folder, creates the -wal and -shm files, which is writing
// beside the user's archive. It also reads archives on read-only media.
// What immutable gives up is SQLite's own protection against a concurrent
// writer: it promises SQLite the file cannot change, so SQLite takes no
// lock and ignores any journal or WAL. If another program (diffengine
// running on a schedule) writes while we read, a query can see half a
// transaction, and SQLite then reports the database malformed or returns
// rows of the old and new states mixed; committed changes still in a WAL
// are not seen at all. checkQuiet therefore refuses, before the first
// read, an archive with a live journal, a WAL holding changes, or a lock
// held by a writer, and a later "malformed" is reported as a database
// that may have changed while it was read.
//
// The probe connection (immutable false) is only ever made for a
// rollback-journal database, where mode=ro creates no file: it exists to
// ask SQLite whether a writer holds the lock.
//
// query_only is belt and braces against a write by this program;
// temp_store keeps any sort SQLite needs in memory, not in a temporary
// file.
func readOnlyDSN(path string, immutable bool) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows volume: file:/C:/...
	}
	// In a URI path '?' and '#' end the path and '%' escapes: a file
	// name holding them must have them escaped.
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	dsn := "file:" + p + "?mode=ro"
	if immutable {
		dsn += "&immutable=1"
	} else {
		dsn += "&_pragma=busy_timeout(500)"
	}
	return dsn + "&_pragma=query_only(1)&_pragma=temp_store(memory)"
}

// checkQuiet refuses an archive that another program is writing, since
// an immutable read of it could be wrong (see readOnlyDSN).
func checkQuiet(path string, head []byte) error {
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		return inputErr(path, 0, "has changes not yet written into it (in %s): "+
			"another program may be writing it; try again when it has finished", filepath.Base(path)+"-wal")
	}
	if j, err := os.ReadFile(path + "-journal"); err == nil && len(j) >= 8 &&
		!bytes.Equal(j[:8], make([]byte, 8)) {
		return inputErr(path, 0, "is being written by another program, or a write was interrupted "+
			"(%s is live); try again when it has finished", filepath.Base(path)+"-journal")
	}
	// Byte 18 is the write version: 2 marks a WAL database, which a
	// probe with mode=ro could add files beside; with no -wal (checked
	// above) there is no uncommitted state to fear.
	if len(head) > 18 && head[18] == 2 {
		return nil
	}
	probe, err := sql.Open("sqlite", readOnlyDSN(path, false))
	if err != nil {
		return nil // the real open will say what is wrong
	}
	defer probe.Close()
	var n int
	err = probe.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n)
	if c := sqliteCode(err); c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED {
		return inputErr(path, 0, "is locked: another program is writing it; try again when it has finished")
	}
	return nil
}

// sqliteCode is the primary SQLite result code of err, 0 when err is not
// from SQLite.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// fail turns a database error into a message about the archive.
func (a *Archive) fail(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var ie *InputError
	if errors.As(err, &ie) {
		return err
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT:
		return inputErr(a.path, 0, "the database is damaged, or was changed while being read: %s", sqliteMsg(err))
	case sqlite3.SQLITE_NOTADB:
		return inputErr(a.path, 0, "the database is damaged: %s", sqliteMsg(err))
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return inputErr(a.path, 0, "is locked by another program; try again when it has finished")
	}
	return inputErr(a.path, 0, "reading the archive: %s", sqliteMsg(err))
}

// sqliteMsg is err's message without the driver's repetition of the code.
func sqliteMsg(err error) string {
	msg := err.Error()
	if c := sqliteCode(err); c != 0 {
		// The driver ends its messages with the code: "… (11)".
		msg = strings.TrimSuffix(msg, fmt.Sprintf(" (%d)", c))
	}
	return strings.TrimSpace(msg)
}

// detect recognises the schema by the tables and columns it finds.
func (a *Archive) detect() error {
	rows, err := a.db.Query("SELECT lower(name) FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
	if err != nil {
		return a.fail(err)
	}
	var tables []string
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return a.fail(err)
		}
		tables, have[name] = append(tables, name), true
	}
	if err := rows.Close(); err != nil {
		return a.fail(err)
	}
	if err := rows.Err(); err != nil {
		return a.fail(err)
	}
	if !have["entryversion"] {
		listed := strings.Join(tables, ", ")
		if listed == "" {
			listed = "none"
		}
		return inputErr(a.path, 0, "a SQLite database, but neither a diffengine nor a NewsEdits archive "+
			"(no entryversion table; its tables: %s)", listed)
	}
	a.cols = map[string]bool{}
	crows, err := a.db.Query("SELECT lower(name) FROM pragma_table_info('entryversion')")
	if err != nil {
		return a.fail(err)
	}
	for crows.Next() {
		var name string
		if err := crows.Scan(&name); err != nil {
			crows.Close()
			return a.fail(err)
		}
		a.cols[name] = true
	}
	crows.Close()
	var missing []string
	for _, c := range needColumns {
		if !a.cols[c] {
			missing = append(missing, c)
		}
	}
	if !a.cols["version"] && !a.cols["created"] {
		missing = append(missing, "version or created")
	}
	if len(missing) > 0 {
		return inputErr(a.path, 0, "a SQLite database, but neither a diffengine nor a NewsEdits archive "+
			"(its entryversion table has no %s)", strings.Join(missing, ", "))
	}
	// NewsEdits numbers its versions; diffengine's rows are in the order
	// they were seen, by created.
	a.kind = ArchiveDiffengine
	if a.cols["version"] {
		a.kind = ArchiveNewsEdits
	}
	a.feeds = have["feed"] && have["feedentry"]
	var probe any
	err = a.db.QueryRow("SELECT rowid FROM entryversion LIMIT 1").Scan(&probe)
	a.hasRowid = err == nil || errors.Is(err, sql.ErrNoRows)
	if err != nil && !a.hasRowid && !strings.Contains(err.Error(), "rowid") {
		return a.fail(err)
	}
	return nil
}

// Kind is the schema the archive was recognised by.
func (a *Archive) Kind() ArchiveKind { return a.kind }

// Path is the archive's file as it was named when opened.
func (a *Archive) Path() string { return a.path }

// Close closes the database.
func (a *Archive) Close() error { return a.db.Close() }

// col is the SQL for reading column c of entryversion: the column, or
// NULL when the table lacks it.
func (a *Archive) col(c string) string {
	if a.cols[c] {
		return `"` + c + `"`
	}
	return "NULL"
}

// rowidCol reads the rowid, or NULL in a WITHOUT ROWID table.
func (a *Archive) rowidCol() string {
	if a.hasRowid {
		return "rowid"
	}
	return "NULL"
}

// keyOf is an entry id as text, the form Article takes. It is "" for a
// NULL id, whose row belongs to no article.
func keyOf(v any) string {
	switch v := v.(type) {
	case int64:
		return strconv.FormatInt(v, 10)
	case string:
		return v
	case []byte:
		return string(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// keyArg is the value to compare entry_id with: a number when the key is
// one, since ids are usually INTEGER columns.
func keyArg(key string) any {
	if n, err := strconv.ParseInt(key, 10, 64); err == nil {
		return n
	}
	return key
}

// versionNumber reads a version column: an integer, or the same written
// as a whole REAL or as text, as a dataframe export may leave it.
func versionNumber(v any) (int64, bool) {
	switch v := v.(type) {
	case int64:
		return v, true
	case float64:
		if v == float64(int64(v)) {
			return int64(v), true
		}
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
			return n, true
		}
	case []byte:
		return versionNumber(string(v))
	}
	return 0, false
}

// seenLayouts are the ways archives write when a version was seen:
// peewee's (diffengine) and pandas' (NewsEdits) text forms, with or
// without a zone. A time without a zone is UTC, as both tools write it.
var seenLayouts = []string{
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
}

// parseSeen reads a created value: text in one of seenLayouts, or Unix
// seconds (milliseconds when too large for seconds).
func parseSeen(v any) (time.Time, bool) {
	var s string
	switch v := v.(type) {
	case time.Time:
		return v.UTC(), true
	case int64:
		if v > 1e11 || v < -1e11 {
			return time.UnixMilli(v).UTC(), true
		}
		return time.Unix(v, 0).UTC(), true
	case float64:
		return time.Unix(int64(v), 0).UTC(), true
	case string:
		s = v
	case []byte:
		s = string(v)
	default:
		return time.Time{}, false
	}
	s = strings.TrimSpace(s)
	if t, ok := parseSeenFast(s); ok {
		return t, true
	}
	for _, l := range seenLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return parseSeen(n)
	}
	return time.Time{}, false
}

// parseSeenFast reads the one form nearly every row has, "2006-01-02
// 15:04:05" with no fraction or zone, without time.Parse: a scan meets
// it hundreds of thousands of times.
func parseSeenFast(s string) (time.Time, bool) {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 February: let time.Parse refuse it
	}
	return t, true
}

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
			e = &scanEntry{sum: ArticleSummary{Key: key, Headline: collapseSpace(title.String), URL: url.String,
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
			e.sum.Headline, e.sum.URL, e.order = collapseSpace(title.String), url.String, o
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
		return naturalLess(a.Key, b.Key)
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

// versionRow is one row of entryversion as Article reads it.
type versionRow struct {
	order                       versionOrder
	created                     any
	title, url, summary, source sql.NullString
}

// Article reads one article, every version in order, oldest first. key
// is its entry id or the URL of any of its versions. An article that is
// not there, that has a single version (nothing to compare) or whose
// versions are all without text is an *InputError.
func (a *Archive) Article(key string) (*Article, error) {
	return a.ArticleContext(context.Background(), key)
}

// ArticleContext is Article, stopped when ctx is.
func (a *Archive) ArticleContext(ctx context.Context, key string) (*Article, error) {
	key = strings.TrimSpace(key)
	if key == "" {
		return nil, inputErr(a.path, 0, "no article named: give an entry id or a URL")
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
		return nil, inputErr(a.path, 0, "no article %q (give an entry id or a URL)", Visible(key))
	}
	return a.buildArticle(ctx, key, rows)
}

// versionRows reads the versions of the article with entry id key: by
// the rowids a finished scan remembered, which is a few lookups, or else
// with a search of the table, which without an index reads through it.
func (a *Archive) versionRows(ctx context.Context, key string) ([]versionRow, error) {
	sel := fmt.Sprintf("SELECT %s, %s, %s, %s, %s, summary, %s FROM entryversion",
		a.rowidCol(), a.col("version"), a.col("created"), a.col("title"), a.col("url"), a.col("source"))
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
			if err := rows.Scan(&rowid, &number, &r.created, &r.title, &r.url, &r.summary, &r.source); err != nil {
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
	if a.kind == ArchiveDiffengine {
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
func (a *Archive) buildArticle(ctx context.Context, key string, rows []versionRow) (*Article, error) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].order.less(rows[j].order) })
	numbered := true
	for _, r := range rows {
		numbered = numbered && r.order.hasNumber
	}
	art := &Article{Changes: len(rows), Versions: make([]Version, len(rows))}
	empty := 0
	for i, r := range rows {
		v := Version{Number: i + 1, Headline: collapseSpace(r.title.String), Paragraphs: SummaryParagraphs(r.summary.String)}
		if numbered {
			// NewsEdits numbers as NewsSniffer did; keep its numbers so
			// they match the corpus.
			v.Number = int(r.order.number)
		}
		if !r.order.seen.IsZero() {
			v.Time = r.order.seen.Format(time.RFC3339)
		}
		if len(v.Paragraphs) == 0 {
			empty++
			art.Notes = append(art.Notes, fmt.Sprintf("version %d has no text (its summary is empty)", v.Number))
		}
		art.Versions[i] = v
	}
	newest := rows[len(rows)-1]
	art.Title = art.Versions[len(rows)-1].Headline
	art.URL = newest.url.String
	art.FirstSeen = art.Versions[0].Time
	art.Source = a.sourceOf(ctx, key, newest)
	switch {
	case len(rows) == 1:
		return nil, inputErr(a.path, 0, "article %s has only one version: nothing to compare", Visible(key))
	case empty == len(rows):
		return nil, inputErr(a.path, 0, "article %s: every version's text is empty", Visible(key))
	}
	return art, nil
}

// sourceOf names where an article came from: NewsEdits' source column,
// diffengine's feed, else the site's host, else the archive's name.
func (a *Archive) sourceOf(ctx context.Context, key string, newest versionRow) string {
	if s := collapseSpace(newest.source.String); s != "" {
		return s
	}
	if a.feeds {
		var name sql.NullString
		err := a.db.QueryRowContext(ctx, `SELECT feed.name FROM feedentry JOIN feed ON feed.url = feedentry.feed_id
			WHERE feedentry.entry_id = ? LIMIT 1`, keyArg(key)).Scan(&name)
		if err == nil && collapseSpace(name.String) != "" {
			return collapseSpace(name.String)
		}
	}
	if h := (ArticleSummary{URL: newest.url.String}).Host(); h != "" {
		return h
	}
	return strings.TrimSuffix(filepath.Base(a.path), filepath.Ext(a.path))
}
