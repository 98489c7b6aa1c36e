package archive

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"redline/model"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Kind is the schema an archive database was written with.
type Kind int

const (
	// Diffengine is diffengine's database: tables feed, entry,
	// feedentry, entryversion and diff, versions ordered by when they
	// were seen.
	Diffengine Kind = iota + 1
	// NewsEdits is a NewsEdits corpus database: one entryversion
	// table whose rows carry their version number.
	NewsEdits
)

// String names the schema as its tool does.
func (k Kind) String() string {
	switch k {
	case Diffengine:
		return "diffengine"
	case NewsEdits:
		return "NewsEdits"
	}
	return "unknown"
}

// Archive is a diffengine or NewsEdits database opened read-only: a list
// of articles, each with its versions. Its methods are safe to call from
// several goroutines, so a list can load while an article opens.
type Archive struct {
	path string
	kind Kind
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

// Open opens a diffengine or NewsEdits database for reading,
// recognising which by its tables and columns. The file is never written:
// no journal, no WAL, no lock file. A file that is not SQLite, a database
// of neither schema, one that is damaged or being written by another
// program are *InputError naming the file.
func Open(path string) (*Archive, error) {
	head, err := readHead(path)
	if err != nil {
		return nil, err
	}
	if !LooksLikeSQLite(head) {
		return nil, model.InputErrorf(path, 0, "not a SQLite database")
	}
	if err := checkQuiet(path, head); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path, true))
	if err != nil {
		return nil, model.InputErrorf(path, 0, "cannot open: %v", err)
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
		return nil, model.InputErrorf(path, 0, "%v", model.UnwrapPathError(err))
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return nil, model.InputErrorf(path, 0, "is a folder, not a database")
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
// rollback-journal database with no -journal beside it, where mode=ro
// opens no file but the database: it exists to ask SQLite whether a
// writer holds the lock. With a -journal beside it, the kernel's lock
// table is asked instead (writerHoldsLock), since SQLite would open the
// journal and, as root, change its owner.
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
		return model.InputErrorf(path, 0, "has changes not yet written into it (in %s): "+
			"another program may be writing it; try again when it has finished", filepath.Base(path)+"-wal")
	}
	if j, err := os.ReadFile(path + "-journal"); err == nil && len(j) >= 8 &&
		!bytes.Equal(j[:8], make([]byte, 8)) {
		return model.InputErrorf(path, 0, "is being written by another program, or a write was interrupted "+
			"(%s is live); try again when it has finished", filepath.Base(path)+"-journal")
	}
	// Byte 18 is the write version: 2 marks a WAL database, which a
	// probe with mode=ro could add files beside; with no -wal (checked
	// above) there is no uncommitted state to fear.
	if len(head) > 18 && head[18] == 2 {
		return nil
	}
	// A journal left beside the archive (PERSIST mode, or a crash): a
	// SQLite connection would open it, and as root fchown it, so the
	// lock table is asked instead.
	if _, err := os.Lstat(path + "-journal"); err == nil {
		if writerHoldsLock(path) {
			return model.InputErrorf(path, 0, "is locked: another program is writing it; try again when it has finished")
		}
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
		return model.InputErrorf(path, 0, "is locked: another program is writing it; try again when it has finished")
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
	var ie *model.InputError
	if errors.As(err, &ie) {
		return err
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CORRUPT:
		return model.InputErrorf(a.path, 0, "the database is damaged, or was changed while being read: %s", sqliteMsg(err))
	case sqlite3.SQLITE_NOTADB:
		return model.InputErrorf(a.path, 0, "the database is damaged: %s", sqliteMsg(err))
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return model.InputErrorf(a.path, 0, "is locked by another program; try again when it has finished")
	}
	return model.InputErrorf(a.path, 0, "reading the archive: %s", sqliteMsg(err))
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
		return model.InputErrorf(a.path, 0, "a SQLite database, but neither a diffengine nor a NewsEdits archive "+
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
		return model.InputErrorf(a.path, 0, "a SQLite database, but neither a diffengine nor a NewsEdits archive "+
			"(its entryversion table has no %s)", strings.Join(missing, ", "))
	}
	// NewsEdits numbers its versions; diffengine's rows are in the order
	// they were seen, by created.
	a.kind = Diffengine
	if a.cols["version"] {
		a.kind = NewsEdits
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
func (a *Archive) Kind() Kind { return a.kind }

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
