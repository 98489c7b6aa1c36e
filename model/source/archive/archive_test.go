package archive_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"redline/model"
	"redline/model/internal/modeltest"
	"redline/model/source/archive"
)

// diffengineDDL is the schema diffengine's peewee models create
// (diffengine/__init__.py: Feed, Entry, FeedEntry, EntryVersion, Diff),
// with the indexes peewee adds for foreign keys and setup_db adds on url.
const diffengineDDL = `
CREATE TABLE "feed" ("url" VARCHAR(255) NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "created" DATETIME NOT NULL);
CREATE TABLE "entry" ("id" INTEGER NOT NULL PRIMARY KEY, "url" VARCHAR(255) NOT NULL, "created" DATETIME NOT NULL, "checked" DATETIME NOT NULL);
CREATE TABLE "feedentry" ("id" INTEGER NOT NULL PRIMARY KEY, "feed_id" VARCHAR(255) NOT NULL, "entry_id" INTEGER NOT NULL, "created" DATETIME NOT NULL,
  FOREIGN KEY ("feed_id") REFERENCES "feed" ("url"), FOREIGN KEY ("entry_id") REFERENCES "entry" ("id"));
CREATE INDEX "feedentry_feed_id" ON "feedentry" ("feed_id");
CREATE INDEX "feedentry_entry_id" ON "feedentry" ("entry_id");
CREATE TABLE "entryversion" ("id" INTEGER NOT NULL PRIMARY KEY, "title" VARCHAR(255) NOT NULL, "url" VARCHAR(255) NOT NULL,
  "summary" VARCHAR(255) NOT NULL, "created" DATETIME NOT NULL, "archive_url" VARCHAR(255), "entry_id" INTEGER NOT NULL,
  FOREIGN KEY ("entry_id") REFERENCES "entry" ("id"));
CREATE INDEX "entryversion_entry_id" ON "entryversion" ("entry_id");
CREATE INDEX "entryversion_url" ON "entryversion" ("url");
CREATE TABLE "diff" ("id" INTEGER NOT NULL PRIMARY KEY, "old_id" INTEGER NOT NULL, "new_id" INTEGER NOT NULL, "created" DATETIME NOT NULL,
  "tweeted" DATETIME, "blogged" DATETIME,
  FOREIGN KEY ("old_id") REFERENCES "entryversion" ("id"), FOREIGN KEY ("new_id") REFERENCES "entryversion" ("id"));
`

// newsEditsDDL is the entryversion table of a NewsEdits database, with
// the columns the corpus documents and no index beyond the rowid.
const newsEditsDDL = `CREATE TABLE entryversion (entry_id INTEGER, version INTEGER, created TEXT, title TEXT, url TEXT,
  num_versions INTEGER, summary TEXT, archive_url TEXT)`

// makeDB creates a database at path by running stmts, each with its
// arguments, then closes it so no journal is left.
func makeDB(t testing.TB, path string, stmts ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < len(stmts); {
		q := stmts[i].(string)
		i++
		var args []any
		if i < len(stmts) {
			if a, ok := stmts[i].([]any); ok {
				args = a
				i++
			}
		}
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// oddHTML is a summary with everything a cleaner may leave: entities,
// inline tags, attributes with '>' in quotes, comments, <br>, a stray
// '<', blank paragraphs, a script, whitespace runs and no-break spaces.
const oddHTML = "<div><p>Caf&eacute; &amp; bar &lt;b&gt; &#8220;quoted&#8221;</p>\n" +
	"<p>  first line<br>second\tline<br/>third </p><!-- a comment <p>not this</p> -->" +
	`<p><a href="x>y" title='a>b'>linked</a> text&nbsp;here, 3 < 4</p><p> </p><p></p>` +
	"<script>var p = '<p>no</p>';</script><h2>A heading</h2>trailing <em>words</em>"

var oddParagraphs = []string{
	"Café & bar <b> “quoted”",
	"first line", "second line", "third",
	"linked text\u00a0here, 3 < 4",
	"A heading",
	"trailing words",
}

// diffengineArchive writes a diffengine database: entry 1 with three
// versions stored out of time order, entry 2 with one version, entry 3
// whose versions are empty, entry 4 whose middle version is empty.
func diffengineArchive(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "diffengine.db")
	ins := `INSERT INTO entryversion (id, title, url, summary, created, archive_url, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?)`
	makeDB(t, path, diffengineDDL,
		`INSERT INTO feed VALUES ('https://example.com/rss', 'Example Times', '2020-01-01 00:00:00')`,
		`INSERT INTO entry VALUES (1, 'https://example.com/feed-link/1', '2020-01-21 10:00:00.000001', '2020-01-22 10:00:00')`,
		`INSERT INTO entry VALUES (2, 'https://example.com/b', '2020-01-21 10:00:00', '2020-01-22 10:00:00')`,
		`INSERT INTO entry VALUES (3, 'https://example.com/c', '2020-01-21 10:00:00', '2020-01-22 10:00:00')`,
		`INSERT INTO entry VALUES (4, 'https://example.com/d', '2020-01-21 10:00:00', '2020-01-22 10:00:00')`,
		`INSERT INTO feedentry VALUES (1, 'https://example.com/rss', 1, '2020-01-21 10:00:00')`,
		ins, []any{10, "Storm hits coast", "https://example.com/a", "<p>The storm hit.</p><p>Winds rose.</p>",
			"2020-01-21 10:00:05.123456", nil, 1},
		ins, []any{11, "Storm hits coast, three hurt", "https://example.com/a?x=1", oddHTML,
			"2020-01-21 14:30:00.5", "https://web.archive.org/web/1/x", 1},
		// Stored before the version it follows: order is by created.
		ins, []any{9, "Storm hits coast", "https://example.com/a", "<p>The storm hit the coast.</p><p>Winds rose.</p>",
			"2020-01-21 12:00:00", nil, 1},
		ins, []any{12, "Only once", "https://example.com/b", "<p>Just this.</p>", "2020-01-21 10:00:00", nil, 2},
		ins, []any{13, "Empty", "https://example.com/c", "", "2020-01-21 10:00:00", nil, 3},
		ins, []any{14, "Empty", "https://example.com/c", "<p> </p>", "2020-01-21 11:00:00", nil, 3},
		ins, []any{15, "Gap", "https://example.com/d", "<p>One.</p>", "2020-01-21 10:00:00", nil, 4},
		ins, []any{16, "Gap", "https://example.com/d", "", "2020-01-21 11:00:00", nil, 4},
		ins, []any{17, "Gap", "https://example.com/d", "<p>One.</p><p>Two.</p>", "2020-01-21 12:00:00", nil, 4},
	)
	return path
}

// newsEditsArchive writes a NewsEdits database: entry 7 with versions
// 0–2 stored out of order, entry 8 with two versions, entry 9 with one.
func newsEditsArchive(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nyt.db")
	ins := `INSERT INTO entryversion (entry_id, version, created, title, url, num_versions, summary, archive_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	makeDB(t, path, newsEditsDDL,
		ins, []any{7, 2, "2019-03-01 18:00:00", "Talks collapse", "https://www.nytimes.com/2019/03/01/talks.html", 3,
			"<p>Talks collapsed on Friday.</p><p>Both sides left.</p><p>A new paragraph.</p>", nil},
		ins, []any{8, 0, "2019-03-02 09:00:00", "Vote counted", "https://www.bbc.co.uk/news/vote", 2,
			"<p>The vote was counted.</p>", nil},
		ins, []any{7, 0, "2019-03-01 09:00:00", "Talks begin", "https://www.nytimes.com/2019/03/01/talks.html", 3,
			"<p>Talks began on Friday.</p><p>Both sides met.</p>", nil},
		ins, []any{7, 1, "2019-03-01 12:00:00", "Talks stall", "https://www.nytimes.com/2019/03/01/talks.html", 3,
			"<p>Talks stalled on Friday.</p><p>Both sides met.</p>", nil},
		ins, []any{8, 1, "2019-03-02 10:00:00", "Vote counted: result", "https://www.bbc.co.uk/news/vote", 2,
			"<p>The vote was counted.</p><p>The result is in.</p>", nil},
		ins, []any{9, 0, "2019-03-03 09:00:00", "Single", "https://example.org/single", 1, "<p>Once.</p>", nil},
	)
	return path
}

func open(t testing.TB, path string) *archive.Archive {
	t.Helper()
	a, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func paragraphsOf(art *model.Article) [][]string {
	var out [][]string
	for _, v := range art.Versions {
		out = append(out, v.Paragraphs)
	}
	return out
}

func TestOpenArchiveRecognisesSchema(t *testing.T) {
	if k := open(t, diffengineArchive(t)).Kind(); k != archive.Diffengine {
		t.Errorf("diffengine database read as %v", k)
	}
	if k := open(t, newsEditsArchive(t)).Kind(); k != archive.NewsEdits {
		t.Errorf("NewsEdits database read as %v", k)
	}
}

func TestDiffengineArticleRoundTrip(t *testing.T) {
	a := open(t, diffengineArchive(t))
	art, err := a.Article("1")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"The storm hit.", "Winds rose."},
		{"The storm hit the coast.", "Winds rose."},
		oddParagraphs,
	}
	if got := paragraphsOf(art); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
	var times, heads []string
	var numbers []int
	for _, v := range art.Versions {
		times, heads, numbers = append(times, v.Time), append(heads, v.Headline), append(numbers, v.Number)
	}
	if want := []string{"2020-01-21T10:00:05Z", "2020-01-21T12:00:00Z", "2020-01-21T14:30:00Z"}; !reflect.DeepEqual(times, want) {
		t.Errorf("times %q, want %q", times, want)
	}
	if want := []string{"Storm hits coast", "Storm hits coast", "Storm hits coast, three hurt"}; !reflect.DeepEqual(heads, want) {
		t.Errorf("headlines %q, want %q", heads, want)
	}
	if want := []int{1, 2, 3}; !reflect.DeepEqual(numbers, want) {
		t.Errorf("numbers %v, want %v", numbers, want)
	}
	if art.Title != "Storm hits coast, three hurt" || art.URL != "https://example.com/a?x=1" ||
		art.Source != "Example Times" || art.FirstSeen != "2020-01-21T10:00:05Z" || art.Changes != 3 {
		t.Errorf("article %q %q %q %q %d", art.Title, art.URL, art.Source, art.FirstSeen, art.Changes)
	}
}

func TestNewsEditsArticleRoundTrip(t *testing.T) {
	a := open(t, newsEditsArchive(t))
	art, err := a.Article("7")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Talks began on Friday.", "Both sides met."},
		{"Talks stalled on Friday.", "Both sides met."},
		{"Talks collapsed on Friday.", "Both sides left.", "A new paragraph."},
	}
	if got := paragraphsOf(art); !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs:\n got %q\nwant %q", got, want)
	}
	for i, v := range art.Versions {
		if v.Number != i {
			t.Errorf("version %d numbered %d, want NewsEdits' own %d", i, v.Number, i)
		}
	}
	if art.Title != "Talks collapse" || art.Source != "nytimes.com" || art.Versions[0].Time != "2019-03-01T09:00:00Z" {
		t.Errorf("article %q from %q first at %q", art.Title, art.Source, art.Versions[0].Time)
	}
}

func TestArticleByURL(t *testing.T) {
	d := open(t, diffengineArchive(t))
	for _, u := range []string{
		"https://example.com/a?x=1",       // the newest version's
		"https://example.com/a",           // an older version's
		"https://example.com/feed-link/1", // diffengine's entry link
		"  https://example.com/a?x=1  ",   // pasted with spaces
	} {
		art, err := d.Article(u)
		if err != nil {
			t.Errorf("%q: %v", u, err)
			continue
		}
		if len(art.Versions) != 3 {
			t.Errorf("%q: %d versions, want 3", u, len(art.Versions))
		}
	}
	n := open(t, newsEditsArchive(t))
	art, err := n.Article("https://www.bbc.co.uk/news/vote")
	if err != nil {
		t.Fatal(err)
	}
	if art.Title != "Vote counted: result" {
		t.Errorf("by URL: %q", art.Title)
	}
}

func TestArticleSameBeforeAndAfterScan(t *testing.T) {
	for _, path := range []string{diffengineArchive(t), newsEditsArchive(t)} {
		a := open(t, path)
		key := "1"
		if a.Kind() == archive.NewsEdits {
			key = "7"
		}
		cold, err := a.Article(key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Scan(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
		warm, err := a.Article(key)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(cold, warm) {
			t.Errorf("%s: article differs after the scan:\n%+v\n%+v", a.Kind(), cold, warm)
		}
		if _, err := a.Article("424242"); err == nil {
			t.Errorf("%s: an unknown id after the scan was found", a.Kind())
		}
	}
}

func TestScanListsArticles(t *testing.T) {
	a := open(t, newsEditsArchive(t))
	var reports []archive.ScanProgress
	c, err := a.Scan(context.Background(), func(p archive.ScanProgress) { reports = append(reports, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) == 0 || !reports[len(reports)-1].Done || reports[len(reports)-1].Versions != 6 {
		t.Fatalf("reports %+v", reports)
	}
	var keys []string
	for i := 0; i < c.Len(); i++ {
		keys = append(keys, c.At(i).Key)
	}
	if want := []string{"7", "8", "9"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("order %q, want most versions first %q", keys, want)
	}
	s := c.At(0)
	if s.Headline != "Talks collapse" || s.Versions != 3 || s.Host() != "nytimes.com" ||
		s.FirstSeen.Format("15:04") != "09:00" || s.LastSeen.Format("15:04") != "18:00" {
		t.Errorf("summary %+v", s)
	}
	got, err := a.Articles(context.Background(), 0, 10, "VOTE bbc")
	if err != nil || len(got) != 1 || got[0].Key != "8" {
		t.Errorf("filter: %+v %v", got, err)
	}
	if n, _ := a.Count(context.Background(), "talks"); n != 1 {
		t.Errorf("count talks = %d", n)
	}
	if n, _ := a.Count(context.Background(), ""); n != 3 {
		t.Errorf("count all = %d", n)
	}
	page, _ := a.Articles(context.Background(), 1, 1, "")
	if len(page) != 1 || page[0].Key != "8" {
		t.Errorf("page 2 of 1: %+v", page)
	}
	if page, _ := a.Articles(context.Background(), 5, 1, ""); len(page) != 0 {
		t.Errorf("past the end: %+v", page)
	}
}

func TestArchiveRefusesBadArticles(t *testing.T) {
	d := open(t, diffengineArchive(t))
	for key, want := range map[string]string{
		"2":                      "only one version",
		"3":                      "every version's text is empty",
		"99":                     `no article "99"`,
		"https://nowhere.test/x": "no article",
		"":                       "no article named",
	} {
		_, err := d.Article(key)
		var ie *model.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), want) {
			t.Errorf("Article(%q) = %v, want an input error saying %q", key, err, want)
		}
	}
	art, err := d.Article("4")
	if err != nil {
		t.Fatal(err)
	}
	// An empty middle version is skipped and noted, as a folder's empty
	// file is (no gap: the archive holds it): compared, it had read as
	// the article deleted and written again.
	var numbers []int
	for _, v := range art.Versions {
		numbers = append(numbers, v.Number)
	}
	if fmt.Sprint(numbers) != "[1 3]" || len(art.Gaps) != 0 || len(art.Notes) != 1 || !strings.Contains(art.Notes[0], "no text") {
		t.Errorf("an empty middle version: versions %v, gaps %v, notes %q", numbers, art.Gaps, art.Notes)
	}
}

func TestOpenArchiveRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := filepath.Join(dir, "other.db")
	makeDB(t, other, `CREATE TABLE notes (id INTEGER, body TEXT)`)
	partial := filepath.Join(dir, "partial.db")
	makeDB(t, partial, `CREATE TABLE entryversion (id INTEGER, title TEXT)`)
	empty := filepath.Join(dir, "empty.db")
	makeDB(t, empty, `PRAGMA user_version = 1`)

	good := diffengineArchive(t)
	data, _ := os.ReadFile(good)
	truncated := write("truncated.db", data[:100])
	garbage := append([]byte(nil), data...)
	for i := 4096; i < len(garbage); i++ {
		garbage[i] = byte(i * 7)
	}
	corrupt := write("corrupt.db", garbage)

	for path, want := range map[string]string{
		write("text.db", []byte("hello")): "not a SQLite database",
		filepath.Join(dir, "missing.db"):  "no such file",
		dir:                               "is a folder",
		other:                             "neither a diffengine nor a NewsEdits archive (no entryversion table; its tables: notes)",
		partial:                           "its entryversion table has no entry_id, summary, version or created",
		empty:                             "its tables: none",
		truncated:                         "damaged",
		corrupt:                           "damaged",
	} {
		a, err := archive.Open(path)
		if err == nil {
			// Damage past the first page shows only when it is read.
			_, err = a.Scan(context.Background(), nil)
			if err == nil {
				_, err = a.Article("1")
			}
			a.Close()
		}
		var ie *model.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), path) {
			t.Errorf("%s: %v, want an input error naming the file and saying %q", filepath.Base(path), err, want)
		}
	}
}

// TestOpenArchiveRefusesArchiveBeingWritten: a lock held by a writer, a
// live rollback journal, a WAL holding changes. An immutable read could
// be wrong in each (see readOnlyDSN), so each is a clear message.
func TestOpenArchiveRefusesArchiveBeingWritten(t *testing.T) {
	t.Run("locked", func(t *testing.T) {
		path := newsEditsArchive(t)
		w, err := sql.Open("sqlite", path+"?_pragma=locking_mode(exclusive)")
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		w.SetMaxOpenConns(1)
		// In exclusive locking mode the writer keeps its lock after this
		// commit, as a long-running writer would.
		if _, err := w.Exec(`UPDATE entryversion SET title = title`); err != nil {
			t.Fatal(err)
		}
		_, err = archive.Open(path)
		if err == nil || !strings.Contains(err.Error(), "is locked") {
			t.Errorf("a locked archive: %v", err)
		}
	})
	t.Run("journal", func(t *testing.T) {
		path := newsEditsArchive(t)
		journal := append([]byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}, make([]byte, 504)...)
		if err := os.WriteFile(path+"-journal", journal, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := archive.Open(path)
		if err == nil || !strings.Contains(err.Error(), "being written") {
			t.Errorf("a live journal: %v", err)
		}
	})
	t.Run("wal", func(t *testing.T) {
		path := newsEditsArchive(t)
		if err := os.WriteFile(path+"-wal", []byte("changes"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := archive.Open(path)
		if err == nil || !strings.Contains(err.Error(), "not yet written") {
			t.Errorf("a WAL with changes: %v", err)
		}
	})
}

// TestArchiveIsReadOnly: everything redline does with an archive leaves
// the file as it was, byte for byte, and no file beside it, for a
// rollback-journal database and for a WAL one.
func TestArchiveIsReadOnly(t *testing.T) {
	wal := filepath.Join(t.TempDir(), "wal.db")
	makeDB(t, wal, `PRAGMA journal_mode = WAL`, newsEditsDDL,
		`INSERT INTO entryversion VALUES (1, 0, '2019-01-01', 'a', 'u', 2, '<p>x</p>', NULL)`,
		`INSERT INTO entryversion VALUES (1, 1, '2019-01-02', 'b', 'u', 2, '<p>y</p>', NULL)`)
	for _, path := range []string{diffengineArchive(t), newsEditsArchive(t), wal} {
		before, _ := os.ReadFile(path)
		dirBefore := listDir(t, filepath.Dir(path))
		a, err := archive.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		a.Article("1")
		a.Article("7")
		a.Scan(context.Background(), nil)
		a.Article("1")
		a.Article("https://example.com/a")
		a.Count(context.Background(), "x")
		if err := a.Close(); err != nil {
			t.Fatal(err)
		}
		after, _ := os.ReadFile(path)
		if sha256.Sum256(before) != sha256.Sum256(after) || !bytes.Equal(before, after) {
			t.Errorf("%s changed", filepath.Base(path))
		}
		if got := listDir(t, filepath.Dir(path)); !reflect.DeepEqual(got, dirBefore) {
			t.Errorf("%s: folder was %q, is %q", filepath.Base(path), dirBefore, got)
		}
	}
}

func listDir(t testing.TB, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestLooksLikeSQLite(t *testing.T) {
	data, _ := os.ReadFile(newsEditsArchive(t))
	if !archive.LooksLikeSQLite(data) || !archive.LooksLikeSQLite(data[:16]) {
		t.Error("a database not recognised")
	}
	for _, d := range []string{"", "SQLite format 3", "SQLite format 3 ", "sqlite format 3\x00"} {
		if archive.LooksLikeSQLite([]byte(d)) {
			t.Errorf("%q taken for a database", d)
		}
	}
}

func TestSummaryParagraphs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{oddHTML, oddParagraphs},
		{"First</p><p>Second", []string{"First", "Second"}},
		{"<p>One</p><p>Two</p>", []string{"One", "Two"}},
		{"plain text, no tags", []string{"plain text, no tags"}},
		{"", []string{}},
		{"<p></p><br><p> \n </p><p>&nbsp;</p>", []string{}},
		{"<p>unfinished <a href=", []string{"unfinished"}},
		{"a <3 b", []string{"a <3 b"}},
		{"x<", []string{"x<"}},
		{"&lt;p&gt;stays text&lt;/p&gt;", []string{"<p>stays text</p>"}},
		{"<P CLASS=x>Upper</P><BR>case", []string{"Upper", "case"}},
		{"<style>p{}</style><SCRIPT>x</SCRIPT>left", []string{"left"}},
		{"<script>never closed", []string{}},
		{"<!-- never closed", []string{}},
		{"bad &bogus; &amp entity", []string{"bad &bogus; & entity"}},
	} {
		if got := archive.SummaryParagraphs(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SummaryParagraphs(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func FuzzSummaryParagraphs(f *testing.F) {
	f.Add(oddHTML)
	f.Add("<p a='>'")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range archive.SummaryParagraphs(s) {
			if strings.TrimSpace(p) == "" || strings.ContainsAny(p, "\t\n\r\f\v") || strings.Contains(p, "  ") ||
				p[0] == ' ' || p[len(p)-1] == ' ' {
				t.Fatalf("paragraph %q: blank or not collapsed", p)
			}
		}
	})
}

// TestArchiveLooseTypes: a table written without declared types (as a
// dataframe export may), ids as text, versions as REAL and text, times
// as Unix seconds and as RFC 3339 with a zone.
func TestArchiveLooseTypes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "loose.db")
	makeDB(t, path, `CREATE TABLE entryversion (entry_id, version, created, title, url, summary)`,
		`INSERT INTO entryversion VALUES ('a1', 1.0, 1551430800, ' Later ', 'https://x.test/a', '<p>Two.</p>')`,
		`INSERT INTO entryversion VALUES ('a1', '0', '2019-03-01T08:00:00+01:00', 'Earlier', 'https://x.test/a', '<p>One.</p>')`)
	a := open(t, path)
	for _, scan := range []bool{false, true} {
		if scan {
			if _, err := a.Scan(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
		}
		art, err := a.Article("a1")
		if err != nil {
			t.Fatal(err)
		}
		if got := paragraphsOf(art); !reflect.DeepEqual(got, [][]string{{"One."}, {"Two."}}) ||
			art.Versions[0].Time != "2019-03-01T07:00:00Z" || art.Versions[1].Time != "2019-03-01T09:00:00Z" ||
			art.Versions[1].Number != 1 || art.Title != "Later" {
			t.Errorf("scanned %v: %q %+v", scan, art.Title, art.Versions)
		}
	}
	c, _ := a.Scan(context.Background(), nil)
	if s := c.At(0); s.Key != "a1" || s.Headline != "Later" || s.Versions != 2 {
		t.Errorf("summary %+v", s)
	}
}

func TestScanStopsWhenCancelled(t *testing.T) {
	a := open(t, newsEditsArchive(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Scan(ctx, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled scan: %v", err)
	}
	if c, err := a.Scan(context.Background(), nil); err != nil || c.Len() != 3 {
		t.Errorf("the scan after it: %v", err)
	}
}

// TestArticleWhileScanning opens articles while the list is still being
// read, as the picker lets a reader do: each must read the same as once
// the scan has ended, whether it came from the rows the scan had seen or
// from a search of the table.
func TestArticleWhileScanning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "medium.db")
	keys, err := writeNewsEditsArchive(path, 1500, 6000, 2)
	if err != nil {
		t.Fatal(err)
	}
	a := open(t, path)
	done := make(chan error)
	go func() {
		_, err := a.Scan(context.Background(), nil)
		done <- err
	}()
	during := map[string]*model.Article{}
	for i := 0; i < len(keys); i += 97 {
		art, err := a.Article(keys[i])
		if err != nil && !strings.Contains(err.Error(), "only one version") {
			t.Fatal(err)
		}
		during[keys[i]] = art
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for k, art := range during {
		after, _ := a.Article(k)
		if !reflect.DeepEqual(art, after) {
			t.Errorf("article %s read during the scan differs from after it", k)
		}
	}
}

// TestDiffengineVersionsKeepTheirArchiveURL: diffengine records where the
// Wayback Machine keeps each version; the version carries it.
func TestDiffengineVersionsKeepTheirArchiveURL(t *testing.T) {
	a, err := archive.Open(diffengineArchive(t))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	art, err := a.Article("1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range art.Versions {
		got = append(got, v.ArchiveURL)
	}
	if len(got) != 3 || got[0] != "" || got[1] != "" || got[2] != "https://web.archive.org/web/1/x" {
		t.Errorf("archive URLs %q, want only the newest version's", got)
	}
}

// NewsEdits numbers that skip (0, 1, 3: version 2 never stored) are a
// gap in the timeline, which the header names ("Version 2 missing").
func TestNewsEditsNumbersThatSkipAreAGap(t *testing.T) {
	art := newsEditsStory(t,
		storyVersion{0, "2019-03-01 09:00:00", "<p>One.</p>"},
		storyVersion{1, "2019-03-01 10:00:00", "<p>One, two.</p>"},
		storyVersion{3, "2019-03-01 12:00:00", "<p>One, two, four.</p>"})
	if fmt.Sprint(art.Gaps) != "[1]" {
		t.Errorf("gaps %v, want [1]: version 2 is missing after the second version", art.Gaps)
	}
}

// A NewsEdits article that holds one version number twice keeps the
// first and says so: a number names one version (--from, --to, --json),
// and the step "1 vs 1" had been shown, its --json unreadable.
func TestNewsEditsNumberHeldTwice(t *testing.T) {
	art := newsEditsStory(t,
		storyVersion{0, "2019-03-01 09:00:00", "<p>One.</p>"},
		storyVersion{1, "2019-03-01 10:00:00", "<p>One, two.</p>"},
		storyVersion{1, "2019-03-01 11:00:00", "<p>One, two, three.</p>"},
		storyVersion{2, "2019-03-01 12:00:00", "<p>One, two, four.</p>"})
	var numbers []int
	for _, v := range art.Versions {
		numbers = append(numbers, v.Number)
	}
	if fmt.Sprint(numbers) != "[0 1 2]" || len(art.Notes) != 1 || !strings.Contains(art.Notes[0], "version 1 is held twice") {
		t.Errorf("numbers %v, notes %q", numbers, art.Notes)
	}
	// The first of the two empty, the second left out: no version is
	// left, which is said in one line (it had panicked).
	_, err := newsEditsArticle(t,
		storyVersion{0, "2019-03-01 09:00:00", ""},
		storyVersion{0, "2019-03-01 10:00:00", "<p>One.</p>"})
	modeltest.AssertInputErrorLine(t, err, "every version's text is empty")
	var buf bytes.Buffer
	if err := model.WriteJSON(&buf, art); err != nil {
		t.Fatal(err)
	}
	if _, err := model.ReadJSON("round.json", buf.Bytes()); err != nil {
		t.Errorf("its --json does not read back: %v", err)
	}
}

// storyVersion is one row of a NewsEdits article: its version number,
// when it was seen, its summary.
type storyVersion struct {
	number        int
	seen, summary string
}

// newsEditsStory writes a NewsEdits archive of one article, entry 1,
// with the versions given, and reads that article back.
func newsEditsStory(t *testing.T, versions ...storyVersion) *model.Article {
	t.Helper()
	art, err := newsEditsArticle(t, versions...)
	if err != nil {
		t.Fatal(err)
	}
	return art
}

// newsEditsArticle is newsEditsStory's article, or why it cannot be read.
func newsEditsArticle(t *testing.T, versions ...storyVersion) (*model.Article, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "story.db")
	ins := `INSERT INTO entryversion (entry_id, version, created, title, url, num_versions, summary, archive_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	stmts := []any{newsEditsDDL}
	for _, v := range versions {
		stmts = append(stmts, ins, []any{1, v.number, v.seen, "Story", "https://example.org/story", len(versions), v.summary, nil})
	}
	makeDB(t, path, stmts...)
	return open(t, path).Article("1")
}
