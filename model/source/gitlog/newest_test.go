package gitlog

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// newestTestRepo commits ten versions of article.txt, the sixth only
// re-wrapping the fifth's text and the eighth committing the seventh's
// blob again after a change to another file, and returns the repository.
func newestTestRepo(t *testing.T) *gitTestRepo {
	r := newGitTestRepo(t)
	for i := 1; i <= 10; i++ {
		text := fmt.Sprintf("Council meets\n\nThe council met on day %d.\n\nThe harbour waited.\n", i)
		switch i {
		case 6:
			text = "Council meets\n\nThe council met on\nday 5.\n\nThe harbour waited.\n"
		case 8:
			text = fmt.Sprintf("Council meets\n\nThe council met on day %d.\n\nThe harbour waited.\n", 7)
			r.write("other.txt", "another file")
		}
		r.write("article.txt", text)
		r.git(nil, "add", ".")
		r.commit("Reporter", fmt.Sprintf("2020-01-0%dT10:00:00Z", 1+i%9), fmt.Sprintf("version %d", i))
	}
	return r
}

// TestReadGitNewestIsReadGitsNewest: the newest two versions are those
// ReadGit gives, with the same numbers and the commit each version began
// at. A version is numbered by the change of the file's blob it began
// at, so a commit ReadGit skips (the re-wrap, commit 6) leaves a gap in
// the numbers, not a shift: the number a step was printed with is the
// one --from and --to take, whichever way the history was read.
func TestReadGitNewestIsReadGitsNewest(t *testing.T) {
	r := newestTestRepo(t)
	path := filepath.Join(r.dir, "article.txt")
	whole, err := ReadGit(path)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []int
	for _, v := range whole.Versions {
		numbers = append(numbers, v.Number)
	}
	// Commit 6 re-wraps commit 5's text: change 6 of the blob, skipped.
	// Commit 8 leaves the file as commit 7 left it: no change of it.
	if want := []int{1, 2, 3, 4, 5, 7, 8, 9}; !reflect.DeepEqual(numbers, want) {
		t.Errorf("ReadGit numbers %v, want %v", numbers, want)
	}
	for n := 2; n <= 4; n++ {
		art, total, ok, err := ReadGitNewest(path, n)
		if err != nil || !ok {
			t.Fatalf("ReadGitNewest(%d): ok %v, %v", n, ok, err)
		}
		// Among the older commits (n < 4) the list cannot tell the
		// re-wrap, so the count is one higher than ReadGit's.
		if want := len(whole.Versions) + map[bool]int{true: 1}[n < 4]; total != want {
			t.Errorf("newest %d: total %d, want %d", n, total, want)
		}
		want := whole.Versions[len(whole.Versions)-n:]
		if !reflect.DeepEqual(art.Versions, want) || art.Title != whole.Title || art.Source != whole.Source {
			t.Errorf("newest %d\n%+v\nwant\n%+v", n, art.Versions, want)
		}
	}
}

// TestReadGitNewestReadsOnlyNewBlobs deletes every blob of the file but
// the newest three from the repository: ReadGit cannot read the history
// any more, ReadGitNewest still reads its newest step.
func TestReadGitNewestReadsOnlyNewBlobs(t *testing.T) {
	r := newGitTestRepo(t)
	for i := 1; i <= 8; i++ {
		r.write("article.txt", fmt.Sprintf("Council meets\n\nThe council met on day %d.\n", i))
		r.git(nil, "add", ".")
		r.commit("Reporter", "2020-01-01T10:00:00Z", fmt.Sprintf("version %d", i))
	}
	for i := 3; i < 8; i++ {
		id := strings.TrimSpace(r.git(nil, "rev-parse", fmt.Sprintf("HEAD~%d:article.txt", i)))
		if err := os.Remove(filepath.Join(r.dir, ".git", "objects", id[:2], id[2:])); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(r.dir, "article.txt")
	if _, err := ReadGit(path); err == nil {
		t.Fatal("ReadGit read a history whose blobs are gone")
	}
	art, total, ok, err := ReadGitNewest(path, 2)
	if err != nil || !ok || total != 8 || len(art.Versions) != 2 {
		t.Fatalf("ReadGitNewest: %d versions of %d, ok %v, %v", len(art.Versions), total, ok, err)
	}
	if got := art.Versions[1]; got.Number != 8 || got.Headline != "Council meets" || got.Paragraphs[0] != "The council met on day 8." {
		t.Errorf("newest version %+v", got)
	}
}

// A headline that gains a full stop is the headline edited in a git
// history too, whichever read: ReadGitNewest reads what ReadGit does
// (here the newest version's headline settles the others; when only an
// older blob could, it leaves the history to ReadGit).
func TestFullStopHeadlineInGit(t *testing.T) {
	r := newGitTestRepo(t)
	for i, h := range []string{"Mayor resigns", "Mayor resigns.", "Mayor resigns.", "Mayor resigns"} {
		r.write("article.txt", fmt.Sprintf("%s\n\nThe mayor resigned on day %d.\n\nThe council met.\n", h, i+1))
		r.git(nil, "add", ".")
		r.commit("Reporter", "2020-01-01T10:00:00Z", fmt.Sprintf("version %d", i+1))
	}
	path := filepath.Join(r.dir, "article.txt")
	whole, err := ReadGit(path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range whole.Versions {
		got = append(got, v.Headline+" | "+v.Paragraphs[0])
	}
	want := []string{
		"Mayor resigns | The mayor resigned on day 1.",
		"Mayor resigns. | The mayor resigned on day 2.",
		"Mayor resigns. | The mayor resigned on day 3.",
		"Mayor resigns | The mayor resigned on day 4.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadGit\n%q\nwant\n%q", got, want)
	}
	for n := 1; n <= 3; n++ {
		art, _, ok, err := ReadGitNewest(path, n)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Errorf("newest %d: not read (the newest version settles the others)", n)
			continue
		}
		if !reflect.DeepEqual(art.Versions, whole.Versions[len(whole.Versions)-n:]) {
			t.Errorf("newest %d\n%+v\nwant\n%+v", n, art.Versions, whole.Versions[len(whole.Versions)-n:])
		}
	}
}
