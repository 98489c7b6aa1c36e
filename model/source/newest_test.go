package source

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"redline/model"
	"redline/model/export"
	"redline/testdata"
)

// writeHistory writes n plain-text versions v001.txt… into a new folder;
// headline gives version i's first line ("" for none).
func writeHistory(t *testing.T, n int, headline func(i int) string) string {
	t.Helper()
	dir := t.TempDir()
	for i := 1; i <= n; i++ {
		text := fmt.Sprintf("The council met on day %d.\n\nThe harbour waited, and %d families had no power.\n", i, i*3)
		if h := headline(i); h != "" {
			text = h + "\n\n" + text
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("v%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestReadNewestReadsOnlyTheNewestFiles lists a folder of 50 versions,
// then deletes all but its two newest files: ReadNewest still reads the
// newest two exactly as Read reads them in the whole folder.
func TestReadNewestReadsOnlyTheNewestFiles(t *testing.T) {
	dir := writeHistory(t, 50, func(i int) string { return fmt.Sprintf("Council meets, take %d", i) })
	whole := readPaths(t, dir)
	inputs, err := ReadInputs([]string{dir}, nil, SortName)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs[:48] {
		if err := os.Remove(in.Path); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := ReadNewest(inputs, 2)
	if err != nil || !ok {
		t.Fatalf("ReadNewest: ok %v, %v", ok, err)
	}
	if got.Total != 50 || got.Article.Title != whole.Title || got.Article.Source != whole.Source {
		t.Errorf("total %d title %q source %q; want 50, %q, %q", got.Total, got.Article.Title, got.Article.Source, whole.Title, whole.Source)
	}
	if !reflect.DeepEqual(got.Article.Versions, whole.Versions[48:]) {
		t.Errorf("versions\n%+v\nwant\n%+v", got.Article.Versions, whole.Versions[48:])
	}
}

// TestReadNewestTitleFromOlderVersions: when the newest versions have no
// headline, the title is an older version's, as Read gives it, found from
// the first bytes of the older files.
func TestReadNewestTitleFromOlderVersions(t *testing.T) {
	long := strings.Repeat("word ", 2000) // a first line longer than the head read
	for _, c := range []struct {
		name     string
		headline func(i int) string
	}{
		{"one older headline", func(i int) string {
			if i == 3 {
				return "Council meets"
			}
			return ""
		}},
		{"none", func(int) string { return "" }},
		{"long first lines", func(i int) string {
			if i < 5 {
				return long
			}
			return ""
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeHistory(t, 8, c.headline)
			whole := readPaths(t, dir)
			inputs, err := ReadInputs([]string{dir}, nil, SortName)
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := ReadNewest(inputs, 2)
			if err != nil || !ok {
				t.Fatalf("ReadNewest: ok %v, %v", ok, err)
			}
			if got.Article.Title != whole.Title {
				t.Errorf("title %q, want %q", got.Article.Title, whole.Title)
			}
		})
	}
}

// TestReadNewestLeavesOtherKindsToRead: a folder whose newest files are
// comparison dumps is not plain text; ReadNewest says so and leaves the
// inputs unread, so that Read reads them as the chain they are.
func TestReadNewestLeavesOtherKindsToRead(t *testing.T) {
	dir := t.TempDir()
	for i := 1; i <= 3; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("d%d.txt", i)), testdata.Seed, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, err := ReadInputs([]string{dir}, nil, SortName)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := ReadNewest(inputs, 2); ok || err != nil {
		t.Fatalf("ReadNewest on dumps: ok %v, %v", ok, err)
	}
	if _, err := Read(inputs); err != nil {
		t.Errorf("Read after ReadNewest: %v", err)
	}
	two, err := ReadInputs([]string{filepath.Join(dir, "d1.txt"), filepath.Join(dir, "d2.txt")}, nil, SortName)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(two)
	if _, ok, _ := ReadNewest(two, 2); ok {
		t.Error("ReadNewest took two files named on the command line")
	}
}

// TestPlainHeadlineOfHead: a head decides a headline only when the rest
// of the text cannot change it.
func TestPlainHeadlineOfHead(t *testing.T) {
	for _, c := range []struct {
		head     string
		headline string
		decided  bool
	}{
		{"Council meets\n\nThe council", "Council meets", true},
		{"Council meets\n\n", "", false},
		{"Council meets\n", "", false},
		{"Council meets", "", false},
		{"The council met.\n\nMore", "", true},
		{"Council meets\nno blank line", "", true},
		{"\n\n\n", "", false},
	} {
		h, decided := plainHeadlineOfHead(c.head, false)
		if h != c.headline || decided != c.decided {
			t.Errorf("%q: %q %v, want %q %v", c.head, h, decided, c.headline, c.decided)
		}
	}
}

// readPaths reads the named sources as Read does, failing t on an error.
func readPaths(t *testing.T, paths ...string) *model.Article {
	t.Helper()
	inputs, err := ReadInputs(paths, nil, SortName)
	if err != nil {
		t.Fatal(err)
	}
	art, err := Read(inputs)
	if err != nil {
		t.Fatal(err)
	}
	return art
}

// TestFolderSkipsFilesThatAreNotText: a folder's file that holds no text
// (empty, binary) is skipped with a note and keeps its place in the
// numbering, as a git commit that cannot be read is: the newest step
// reads the same, with the same numbers, whether the whole folder is
// read or only its newest files. Before, the whole read refused the
// folder while the newest step printed. A file named on its own is
// still refused.
func TestFolderSkipsFilesThatAreNotText(t *testing.T) {
	dir := writeHistory(t, 5, func(int) string { return "" })
	if err := os.WriteFile(filepath.Join(dir, "v001.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "v003.txt"), []byte("PK\x03\x04\x00\x00binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	whole := readPaths(t, dir)
	var numbers []int
	for _, v := range whole.Versions {
		numbers = append(numbers, v.Number)
	}
	if !reflect.DeepEqual(numbers, []int{2, 4, 5}) {
		t.Errorf("numbers %v, want [2 4 5]", numbers)
	}
	wantNotes := []string{
		filepath.Join(dir, "v001.txt") + " skipped: the file is empty",
		filepath.Join(dir, "v003.txt") + ":1 skipped: binary data (a NUL byte), not text",
	}
	if !reflect.DeepEqual(whole.Notes, wantNotes) {
		t.Errorf("notes %q, want %q", whole.Notes, wantNotes)
	}
	inputs, err := ReadInputs([]string{dir}, nil, SortName)
	if err != nil {
		t.Fatal(err)
	}
	got, ok, err := ReadNewest(inputs, 2)
	if err != nil || !ok || !reflect.DeepEqual(got.Article.Versions, whole.Versions[1:]) {
		t.Errorf("ReadNewest: ok %v, %v\n%+v\nwant\n%+v", ok, err, got.Article.Versions, whole.Versions[1:])
	}
	// The empty file is known from the folder's list, and noted; the
	// binary one only by reading it: it is counted until the rest is.
	if got.Total != 4 || !reflect.DeepEqual(got.Article.Notes, wantNotes[:1]) {
		t.Errorf("ReadNewest: total %d, notes %q", got.Total, got.Article.Notes)
	}
	// A file past the input cap is no file without text: the folder is
	// refused, as the file named alone is.
	capped, err := Open([]string{dir}, nil, SortName, 30)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Read(capped); err == nil || !strings.Contains(err.Error(), "input cap") {
		t.Errorf("a file past the cap: %v", err)
	}
	// With one file left that reads, there is nothing to compare: the
	// first file's problem is the error.
	for _, name := range []string{"v002.txt", "v004.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, _ = ReadInputs([]string{dir}, nil, SortName)
	if _, err := Read(inputs); err == nil || !strings.Contains(err.Error(), "v001.txt: the file is empty") {
		t.Errorf("one readable file: %v", err)
	}
	// Named one by one, an empty file is refused.
	named, _ := ReadInputs([]string{filepath.Join(dir, "v001.txt"), filepath.Join(dir, "v005.txt")}, nil, SortName)
	if _, err := Read(named); err == nil || !strings.Contains(err.Error(), "the file is empty") {
		t.Errorf("named files: %v", err)
	}
}

// A headline that gains a full stop ("Mayor resigns over scandal.") is
// the headline edited, read so by Read and by ReadNewest alike: the
// newest two settle it between them, or an older file's first bytes do.
// A folder whose versions have no headline keeps its short first
// paragraphs, and is still read from its newest files.
func TestFullStopHeadlineReadsTheSameEveryWay(t *testing.T) {
	for _, c := range []struct {
		name      string
		headlines []string // by version; each version's first line
		want      []string // the headlines read
	}{
		{"gained in the newest", []string{"Mayor resigns", "Mayor resigns", "Mayor resigns", "Mayor resigns."},
			[]string{"Mayor resigns", "Mayor resigns", "Mayor resigns", "Mayor resigns."}},
		{"settled by the oldest", []string{"Mayor resigns", "Mayor resigns.", "Mayor resigns.", "Mayor resigns."},
			[]string{"Mayor resigns", "Mayor resigns.", "Mayor resigns.", "Mayor resigns."}},
		{"dropped", []string{"Mayor resigns.", "Mayor resigns.", "Mayor resigns.", "Mayor resigns"},
			[]string{"Mayor resigns.", "Mayor resigns.", "Mayor resigns.", "Mayor resigns"}},
		{"never a headline", []string{"Mayor resigns.", "Mayor resigns.", "Mayor resigns.", "Mayor resigns."},
			[]string{"", "", "", ""}},
	} {
		dir := writeHistory(t, len(c.headlines), func(i int) string { return c.headlines[i-1] })
		whole := readPaths(t, dir)
		var got []string
		for _, v := range whole.Versions {
			got = append(got, v.Headline)
			if v.Headline != "" && len(v.Paragraphs) != 2 {
				t.Errorf("%s: version %d paragraphs %q", c.name, v.Number, v.Paragraphs)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Read headlines %q, want %q", c.name, got, c.want)
		}
		inputs, err := ReadInputs([]string{dir}, nil, SortName)
		if err != nil {
			t.Fatal(err)
		}
		newest, ok, err := ReadNewest(inputs, 2)
		if err != nil || !ok {
			t.Fatalf("%s: ReadNewest ok %v, %v", c.name, ok, err)
		}
		if !reflect.DeepEqual(newest.Article.Versions, whole.Versions[2:]) || newest.Article.Title != whole.Title {
			t.Errorf("%s: ReadNewest\n%+v title %q\nwant\n%+v title %q", c.name, newest.Article.Versions, newest.Article.Title, whole.Versions[2:], whole.Title)
		}
	}
}

// A folder's hidden files and an editor's backups (v2.txt~, #v2.txt#)
// are no versions: before, v2.txt~ read as Version 3, "no changes".
func TestFolderLeavesOutEditorFiles(t *testing.T) {
	dir := writeHistory(t, 2, func(int) string { return "" })
	for _, name := range []string{"v002.txt~", "#v002.txt#", ".v002.txt.swp"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("An editor's copy.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	art := readPaths(t, dir)
	var labels []string
	for _, v := range art.Versions {
		labels = append(labels, v.Label)
	}
	if !reflect.DeepEqual(labels, []string{"v001.txt", "v002.txt"}) {
		t.Errorf("versions %q", labels)
	}
}

// A page redline wrote into the versions' folder (the reader's w writes
// into the working folder) is no version: before, the folder then read as
// "a plain text cannot be combined with saved article pages", or the page
// as a version. The page is the one model/export writes.
func TestFolderLeavesOutPagesRedlineWrote(t *testing.T) {
	dir := writeHistory(t, 3, func(int) string { return "" })
	whole := readPaths(t, dir)
	var page bytes.Buffer
	if err := export.HTML(&page, whole, []export.Step{{Base: 1, Shown: 2}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "council-v3.html"), page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	again := readPaths(t, dir)
	if !reflect.DeepEqual(again.Versions, whole.Versions) || len(again.Notes) != 0 {
		t.Errorf("versions %d, notes %q", len(again.Versions), again.Notes)
	}
}
