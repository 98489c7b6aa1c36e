package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"redline/model"
)

// newsEditsFixture writes a small NewsEdits archive: article 7 with three
// versions, article 9 with one.
func newsEditsFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "nyt.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`CREATE TABLE entryversion (entry_id INTEGER, version INTEGER, created TEXT, title TEXT, url TEXT,
			num_versions INTEGER, summary TEXT, archive_url TEXT)`,
		`INSERT INTO entryversion VALUES (7, 1, '2019-03-01 12:00:00', 'Talks stall', 'https://www.nytimes.com/talks', 3,
			'<p>Talks stalled on Friday.</p><p>Both sides met.</p>', NULL)`,
		`INSERT INTO entryversion VALUES (7, 0, '2019-03-01 09:00:00', 'Talks begin', 'https://www.nytimes.com/talks', 3,
			'<p>Talks began on Friday.</p><p>Both sides met.</p>', NULL)`,
		`INSERT INTO entryversion VALUES (7, 2, '2019-03-01 18:00:00', 'Talks collapse', 'https://www.nytimes.com/talks', 3,
			'<p>Talks collapsed on Friday.</p><p>Both sides left &amp; went home.</p>', NULL)`,
		`INSERT INTO entryversion VALUES (9, 0, '2019-03-03 09:00:00', 'Single', 'https://example.org/single', 1,
			'<p>Once.</p>', NULL)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func archiveOptions() options { return options{view: "inline"} }

func TestArchiveArticleJSON(t *testing.T) {
	path := newsEditsFixture(t)
	before, _ := os.ReadFile(path)
	for _, key := range []string{"7", "https://www.nytimes.com/talks"} {
		var stdout, stderr bytes.Buffer
		if code := runArchive(path, key, true, &stdout, &stderr, archiveOptions()); code != 0 {
			t.Fatalf("--article %s: exit %d: %s", key, code, stderr.String())
		}
		art, err := model.ReadJSON("out", stdout.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range art.Versions {
			got = append(got, strings.Join(v.Paragraphs, "|"))
		}
		want := []string{"Talks began on Friday.|Both sides met.", "Talks stalled on Friday.|Both sides met.",
			"Talks collapsed on Friday.|Both sides left & went home."}
		if strings.Join(got, "\n") != strings.Join(want, "\n") || art.Title != "Talks collapse" || art.Versions[0].Number != 0 {
			t.Errorf("--article %s: %q %q", key, art.Title, got)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the archive changed")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("files beside the archive: %v", entries)
	}
}

func TestArchivePrintAndList(t *testing.T) {
	path := newsEditsFixture(t)
	var stdout, stderr bytes.Buffer
	o := archiveOptions()
	o.width = 60
	if code := runArchive(path, "7", false, &stdout, &stderr, o); code != 0 {
		t.Fatalf("print: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Version 2 (3 of 3)") || !strings.Contains(stdout.String(), "Talks [-stalled-]{+collapsed+}") {
		t.Errorf("print:\n%s", stdout.String())
	}
	stdout.Reset()
	if code := runArchive(path, "", false, &stdout, &stderr, archiveOptions()); code != 0 {
		t.Fatalf("list: exit %d: %s", code, stderr.String())
	}
	want := "key\tversions\tfirst_seen\tlast_seen\turl\theadline\n" +
		"7\t3\t2019-03-01T09:00:00Z\t2019-03-01T18:00:00Z\thttps://www.nytimes.com/talks\tTalks collapse\n" +
		"9\t1\t2019-03-03T09:00:00Z\t2019-03-03T09:00:00Z\thttps://example.org/single\tSingle\n"
	if stdout.String() != want {
		t.Errorf("list:\n%s\nwant\n%s", stdout.String(), want)
	}
}

func TestArchiveBadInput(t *testing.T) {
	path := newsEditsFixture(t)
	notArchive := filepath.Join(t.TempDir(), "other.db")
	db, _ := sql.Open("sqlite", notArchive)
	db.Exec(`CREATE TABLE notes (body TEXT)`)
	db.Close()
	for _, c := range []struct {
		path, article string
		json          bool
		want          string
		o             options
	}{
		{path, "9", true, "article 9 has only one version: nothing to compare", archiveOptions()},
		{path, "42", true, `no article "42"`, archiveOptions()},
		{path, "", true, "choose one with --article KEY", archiveOptions()},
		{notArchive, "1", true, "neither a diffengine nor a NewsEdits archive", archiveOptions()},
		{filepath.Join(t.TempDir(), "missing.db"), "1", false, "no such file", archiveOptions()},
		// A page, a paste or a comparison is of one article: the list
		// had been printed, tab-separated, as the JSON asked for.
		{path, "", false, "choose one with --article KEY", options{view: "inline", print: true, format: "json"}},
		{path, "", false, "choose one with --article KEY", options{view: "inline", print: true, format: "svg"}},
		// The list has no versions: --to would go unused (it was).
		{path, "", false, "--from and --to choose versions of one article: choose it with --article KEY",
			options{view: "inline", print: true, to: 2, toSet: true}},
	} {
		var stdout, stderr bytes.Buffer
		code := runArchive(c.path, c.article, c.json, &stdout, &stderr, c.o)
		msg := stderr.String()
		if code != 2 || !strings.Contains(msg, c.want) || strings.Count(msg, "\n") != 1 || !strings.HasPrefix(msg, "redline: ") {
			t.Errorf("%s --article %q: exit %d, stderr %q; want 2 and one line saying %q", filepath.Base(c.path), c.article, code, msg, c.want)
		}
		if stdout.Len() != 0 {
			t.Errorf("%s --article %q wrote %q", filepath.Base(c.path), c.article, stdout.String())
		}
	}
}

// TestArchiveThroughTheCommandLine runs the built binary on an archive:
// it is recognised by its first bytes, whatever its name.
func TestArchiveThroughTheCommandLine(t *testing.T) {
	path := newsEditsFixture(t)
	renamed := filepath.Join(filepath.Dir(path), "archive.txt")
	if err := os.Rename(path, renamed); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := redline(t, "", "--json", "--article", "7", renamed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	art, err := model.ReadJSON("out", []byte(out))
	if err != nil || len(art.Versions) != 3 || art.Versions[2].Headline != "Talks collapse" {
		t.Errorf("article %+v, err %v", art, err)
	}
	list, _, code := redline(t, "", renamed)
	if code != 0 || !strings.Contains(list, "Talks collapse") {
		t.Errorf("the list into a pipe: exit %d, %q", code, list)
	}
	_, errOut, code = redline(t, "", "--article", "7", seedFile)
	if code != 2 || !strings.Contains(errOut, "--article") {
		t.Errorf("--article without an archive: exit %d, %q", code, errOut)
	}
}
