package gitlog

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"redline/model"
	"redline/model/internal/modeltest"
)

// gitTestRepo is a throwaway git repository built by a test with the git
// command, isolated from the user's configuration and from any GIT_DIR a
// surrounding hook may have set.
type gitTestRepo struct {
	tb  testing.TB
	dir string
}

func newGitTestRepo(tb testing.TB) *gitTestRepo {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git is not installed")
	}
	r := &gitTestRepo{tb: tb, dir: tb.TempDir()}
	r.git(nil, "init", "-q", "-b", "main")
	return r
}

// git runs git in the repository with env added and returns its output.
func (r *gitTestRepo) git(env []string, args ...string) string {
	r.tb.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.dir}, args...)...)
	cmd.Env = append(gitTestEnv(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		r.tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// gitTestEnv is the environment without anything that would point git at
// another repository, with a configuration of its own (no signing, no
// hooks, no templates from the user's ~/.gitconfig).
func gitTestEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	return append(env, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1", "LC_ALL=C")
}

func (r *gitTestRepo) write(name, content string) {
	r.tb.Helper()
	if err := os.WriteFile(filepath.Join(r.dir, name), []byte(content), 0o644); err != nil {
		r.tb.Fatal(err)
	}
}

// commit commits everything staged as author at date (RFC 3339, which git
// accepts as is).
func (r *gitTestRepo) commit(author, date, msg string) {
	r.tb.Helper()
	r.git([]string{
		"GIT_AUTHOR_NAME=" + author, "GIT_AUTHOR_EMAIL=a@example.com", "GIT_AUTHOR_DATE=" + date,
		"GIT_COMMITTER_NAME=Committer", "GIT_COMMITTER_EMAIL=c@example.com", "GIT_COMMITTER_DATE=" + date,
	}, "commit", "-q", "--no-verify", "-m", msg)
}

// snapshot records every file of the repository, .git included, with its
// mode, size, modification time and content, to prove a reader left it
// as it found it.
func (r *gitTestRepo) snapshot() map[string]string {
	r.tb.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(r.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(r.dir, p)
		entry := fmt.Sprintf("%v %d %d", fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			entry += " " + string(data)
		}
		snap[rel] = entry
		return nil
	})
	if err != nil {
		r.tb.Fatal(err)
	}
	// Asked last, and without the optional index refresh, so that taking
	// the snapshot does not itself touch the index.
	snap["status"] = r.git([]string{"GIT_OPTIONAL_LOCKS=0"}, "status", "--porcelain", "--ignored")
	return snap
}

func TestReadGitFollowsTheFileThroughItsHistory(t *testing.T) {
	r := newGitTestRepo(t)
	const (
		p1 = "The minister said on Monday that the plan would go ahead."
		p2 = "Critics called it rushed."
		p3 = "The minister said on Tuesday that the plan would be delayed."
		p4 = "A spokesman declined to comment."
	)
	escSubject := "Fix quote \x1b[31mred\x1b[0m — “curly” & <tags>"

	// 1. The first version.
	r.write("article.txt", p1+"\n\n"+p2+"\n")
	r.git(nil, "add", "article.txt")
	r.commit("Alice Adams", "2024-01-02T10:00:00+01:00", "First draft")

	// 2. A commit that only touches another file: not in the history.
	r.write("other.txt", "unrelated\n")
	r.git(nil, "add", "other.txt")
	r.commit("Bob", "2024-01-02T11:00:00+01:00", "Add other file")

	// 3. Re-wrapped lines and doubled spaces: splitBlocks joins a
	// paragraph's lines with one space and collapses whitespace, so the
	// paragraphs are the same and the commit is skipped. (A commit that
	// moved a blank line, splitting or joining paragraphs, would count.)
	r.write("article.txt", "The minister said on Monday\nthat the plan  would go ahead.\n\n\n  Critics called it rushed.  \n")
	r.git(nil, "add", "article.txt")
	r.commit("Bob", "2024-01-02T12:00:00+01:00", "Rewrap")

	// 4. A real edit.
	r.write("article.txt", p3+"\n\n"+p2+"\n")
	r.git(nil, "add", "article.txt")
	r.commit("Carol Çelik", "2024-01-03T09:30:00-05:00", "Tuesday: delayed")

	// 5. A rename alone: same text, skipped, but followed.
	r.git(nil, "mv", "article.txt", "story.txt")
	r.commit("Bob", "2024-01-04T08:00:00Z", "Rename")

	// 6. An edit at the new name, written with a BOM and CRLF line ends,
	// under a subject full of things a terminal would act on.
	r.write("story.txt", "\ufeff"+p3+"\r\n\r\n"+p2+"\r\n\r\n"+p4+"\r\n")
	r.git(nil, "add", "story.txt")
	r.commit("Zoë O'Brien", "2024-01-05T18:45:10+05:30", escSubject)

	r.git(nil, "status") // let git settle the index, as any status would
	before := r.snapshot()
	art, err := ReadGit(filepath.Join(r.dir, "story.txt"))
	if err != nil {
		t.Fatal(err)
	}
	after := r.snapshot()
	if !reflect.DeepEqual(before, after) {
		for k := range after {
			if before[k] != after[k] {
				t.Errorf("ReadGit changed the repository: %s", k)
			}
		}
		for k := range before {
			if _, ok := after[k]; !ok {
				t.Errorf("ReadGit removed %s", k)
			}
		}
	}

	// Numbered by the change of the file's blob each began at: the
	// re-wrap is change 2, skipped; the rename changes no blob.
	want := []model.Version{
		{Number: 1, Time: "2024-01-02T10:00:00+01:00", Label: "First draft", Author: "Alice Adams", Paragraphs: []string{p1, p2}},
		{Number: 3, Time: "2024-01-03T09:30:00-05:00", Label: "Tuesday: delayed", Author: "Carol Çelik", Paragraphs: []string{p3, p2}},
		{Number: 4, Time: "2024-01-05T18:45:10+05:30", Label: escSubject, Author: "Zoë O'Brien", Paragraphs: []string{p3, p2, p4}},
	}
	// Each version names its commit by its full hash.
	seen := map[string]bool{}
	for i, v := range art.Versions {
		if len(v.Commit) != 40 || !isHexHash(v.Commit) || seen[v.Commit] {
			t.Errorf("version %d: commit %q, want a distinct full hash", i+1, v.Commit)
		}
		seen[v.Commit] = true
		if i < len(want) {
			want[i].Commit = v.Commit
		}
	}
	if !reflect.DeepEqual(art.Versions, want) {
		t.Errorf("versions:\n got %#v\nwant %#v", art.Versions, want)
	}
	if art.Source != "git" || art.Title != "story.txt" || art.URL != "" {
		t.Errorf("article: source %q title %q url %q", art.Source, art.Title, art.URL)
	}
	// The note counts the re-wrap alone, the gap in the numbers: the
	// rename changed no blob (it had said "2 commits", beside a gap of one).
	if !reflect.DeepEqual(art.Notes, []string{"1 commit left the text unchanged and was skipped"}) {
		t.Errorf("notes: %q", art.Notes)
	}

	// The same file reached through a relative path from a subfolder's
	// point of view, and through a symbolic link, reads the same.
	sub := filepath.Join(r.dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(sub, "link.txt")
	if err := os.Symlink(filepath.Join(r.dir, "story.txt"), link); err == nil {
		got, err := ReadGit(link)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Versions, want) {
			t.Errorf("through a link: %#v", got.Versions)
		}
	}
}

func TestReadGitDeletedFileAndMerges(t *testing.T) {
	r := newGitTestRepo(t)
	r.write("a.txt", "One.\n\nTwo.\n")
	r.git(nil, "add", ".")
	r.commit("A", "2024-01-01T00:00:00Z", "one two")

	r.git(nil, "checkout", "-q", "-b", "side")
	r.write("a.txt", "One.\n\nTwo, on the side.\n")
	r.commit2(t, "2024-01-02T00:00:00Z", "side")

	r.git(nil, "checkout", "-q", "main")
	r.write("a.txt", "Zero.\n\nOne.\n\nTwo.\n")
	r.commit2(t, "2024-01-03T00:00:00Z", "zero")

	r.git([]string{"GIT_COMMITTER_DATE=2024-01-04T00:00:00Z", "GIT_AUTHOR_DATE=2024-01-04T00:00:00Z",
		"GIT_AUTHOR_NAME=M", "GIT_AUTHOR_EMAIL=m@x", "GIT_COMMITTER_NAME=M", "GIT_COMMITTER_EMAIL=m@x"},
		"merge", "-q", "--no-edit", "-m", "merge side", "side")

	r.git(nil, "rm", "-q", "a.txt")
	r.commit("A", "2024-01-05T00:00:00Z", "delete")

	art, err := ReadGit(filepath.Join(r.dir, "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, v := range art.Versions {
		labels = append(labels, v.Label)
	}
	// Date order across the two branches, the merge's own text last.
	if want := []string{"one two", "side", "zero", "merge side"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels %q, want %q", labels, want)
	}
	if last := art.Versions[len(art.Versions)-1].Paragraphs; !reflect.DeepEqual(last, []string{"Zero.", "One.", "Two, on the side."}) {
		t.Errorf("merge text %q", last)
	}
	if len(art.Notes) != 1 || !strings.Contains(art.Notes[0], "deleted a.txt") {
		t.Errorf("notes %q", art.Notes)
	}
}

// commit2 commits all tracked changes as author "A".
func (r *gitTestRepo) commit2(t *testing.T, date, msg string) {
	t.Helper()
	r.git(nil, "add", "-A")
	r.commit("A", date, msg)
}

func TestReadGitErrors(t *testing.T) {
	r := newGitTestRepo(t)
	r.write("untracked.txt", "Never committed.\n")
	r.write("tracked.txt", "Committed.\n")
	r.git(nil, "add", "tracked.txt")
	r.commit("A", "2024-01-01T00:00:00Z", "add")
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "loose.txt"), []byte("text\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder outside any repository: tell git not to look above it, in
	// case the temporary folder lives inside one.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))

	cases := []struct {
		name, path, want string
	}{
		{"untracked", filepath.Join(r.dir, "untracked.txt"), "untracked.txt: has no history in git"},
		{"not a repository", filepath.Join(outside, "loose.txt"), "loose.txt: not in a git repository"},
		{"folder", r.dir, "is a folder"},
		{"no such folder", filepath.Join(r.dir, "nope", "x.txt"), "no such folder"},
		{"no such file", filepath.Join(r.dir, "nope.txt"), "nope.txt: no such file, and git has no history of it"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadGit(c.path)
			modeltest.AssertInputErrorLine(t, err, c.want)
		})
	}
	t.Run("git missing", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := ReadGit(filepath.Join(r.dir, "tracked.txt"))
		modeltest.AssertInputErrorLine(t, err, "tracked.txt: git is not installed (needed for --git)")
	})
}

func TestParseGitLogNeverPanics(t *testing.T) {
	h := strings.Repeat("a", 40)
	for _, out := range []string{
		"", "\x00", "zz", h, h + "\x00d\x00n", h + "\x00d\x00n\x00s\x00\n:1 2 3", h + "\x00d\x00n\x00s\x00\n:1 2 3 4 R100\x00old",
		h + "\x00d\x00n\x00s\x00\n:1 2 3 4 M\x00", h + "\x00d\x00n\x00s\x00\n:1 2 3 4 M",
	} {
		parseGitLog([]byte(out))
	}
	commits, ok := parseGitLog([]byte(h + "\x00d\x00n\x00s\x00\n:100644 100644 " + h + " " + h + " R090\x00old\x00new\x00"))
	if !ok || len(commits) != 1 || commits[0].changes[0].src != "old" || commits[0].changes[0].dst != "new" {
		t.Errorf("rename: %v %#v", ok, commits)
	}
}

// TestParagraphReaderReadsAsReadPlain checks the fast path that cuts
// blocks from a blob's bytes against the plain reading of the same text,
// and its headline against model.PlainHeadline, on texts made of the
// pieces that matter: blank lines of every kind of white space, CR, BOM,
// invalid UTF-8, NUL.
func TestParagraphReaderReadsAsReadPlain(t *testing.T) {
	pieces := []string{"word", "Other words.", " ", "  ", "\t", "\n", "\n\n", "\n \n", "\n\u00a0\n",
		"\u00a0", "\u3000", "\r", "\r\n", "\ufeff", "\xff", "é", "\v", "\f", "\x85"}
	rng := rand.New(rand.NewPCG(3, 4))
	pr := newParagraphReader()
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		if rng.IntN(50) == 0 {
			sb.WriteByte(0)
		}
		data := []byte(sb.String())
		headline, got, problem := pr.read(data)
		if headline != "" {
			got = append([]string{headline}, got...)
		}
		want, wantHeadline := []string{}, ""
		text, err := model.DecodeText("", data)
		switch {
		case len(bytes.TrimSpace(data)) == 0:
			// No text: the commit is skipped, as a folder's empty file is.
			if problem != "the file is empty" {
				t.Fatalf("%q: problem %q, want the file is empty", data, problem)
			}
			continue
		case err != nil:
			if problem == "" {
				t.Fatalf("%q: no problem reported, want %v", data, err)
			}
			continue
		default:
			if ps := model.SplitParagraphs(text); ps != nil {
				want = ps
			}
			wantHeadline, _, _ = model.PlainHeadline(text)
		}
		if headline != wantHeadline {
			t.Fatalf("%q: headline %q, want %q", data, headline, wantHeadline)
		}
		if problem != "" || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %q (%s), want %q", data, got, problem, want)
		}
	}
}

// gitBenchHistory builds, with one `git fast-import`, a repository holding a
// history of commits to file.txt: paragraphs of prose, three of them
// rewritten in each commit, and now and then one cut and one added.
func gitBenchHistory(b *testing.B, commits, paragraphs, paraLen int) (dir string) {
	b.Helper()
	r := newGitTestRepo(b)
	rng := rand.New(rand.NewPCG(uint64(commits), 1))
	words := strings.Fields("the minister said on monday that plan would go ahead critics called it rushed " +
		"government spokesman declined comment officials week report council vote budget city police " +
		"statement early morning later evening according to sources familiar with matter")
	para := func() string {
		var sb strings.Builder
		for sb.Len() < paraLen {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(words[rng.IntN(len(words))])
		}
		return sb.String() + "."
	}
	doc := make([]string, paragraphs)
	for i := range doc {
		doc[i] = para()
	}
	var stream bytes.Buffer
	when := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	for c := 1; c <= commits; c++ {
		if c > 1 {
			for k := 0; k < 3; k++ {
				doc[rng.IntN(len(doc))] = para()
			}
			if rng.IntN(10) == 0 {
				// One paragraph cut, another added elsewhere: the
				// file keeps its size.
				i := rng.IntN(len(doc))
				doc = append(doc[:i], doc[i+1:]...)
				i = rng.IntN(len(doc) + 1)
				doc = append(doc[:i], append([]string{para()}, doc[i:]...)...)
			}
		}
		content := strings.Join(doc, "\n\n") + "\n"
		msg := fmt.Sprintf("Update %d", c)
		fmt.Fprintf(&stream, "commit refs/heads/main\nmark :%d\n", c)
		fmt.Fprintf(&stream, "author Writer %d <w@example.com> %d +0000\n", c%7, when+int64(c)*3600)
		fmt.Fprintf(&stream, "committer Desk <d@example.com> %d +0000\n", when+int64(c)*3600)
		fmt.Fprintf(&stream, "data %d\n%s\n", len(msg), msg)
		if c > 1 {
			fmt.Fprintf(&stream, "from :%d\n", c-1)
		}
		fmt.Fprintf(&stream, "M 100644 inline file.txt\ndata %d\n%s\n", len(content), content)
	}
	cmd := exec.Command("git", "-C", r.dir, "fast-import", "--quiet")
	cmd.Env = gitTestEnv()
	cmd.Stdin = &stream
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("fast-import: %v\n%s", err, out)
	}
	r.git(nil, "checkout", "-q", "main")
	return r.dir
}

func benchmarkReadGit(b *testing.B, commits, paragraphs, paraLen int) {
	dir := gitBenchHistory(b, commits, paragraphs, paraLen)
	file := filepath.Join(dir, "file.txt")
	var versions int
	for b.Loop() {
		art, err := ReadGit(file)
		if err != nil {
			b.Fatal(err)
		}
		versions = len(art.Versions)
	}
	b.ReportMetric(float64(versions), "versions")
	if fi, err := os.Stat(file); err == nil {
		b.ReportMetric(float64(fi.Size()), "file-bytes")
	}
}

func benchmarkGitLogP(b *testing.B, commits, paragraphs, paraLen int) {
	dir := gitBenchHistory(b, commits, paragraphs, paraLen)
	var n int64
	for b.Loop() {
		cmd := exec.Command("git", "-C", dir, "log", "-p", "--follow", "--", "file.txt")
		cmd.Env = gitTestEnv()
		out, err := cmd.StdoutPipe()
		if err != nil {
			b.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		n, _ = io.Copy(io.Discard, out)
		if err := cmd.Wait(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "output-bytes")
}

// BenchmarkReadGit2000 reads a 2,000-commit history of a ~60 KB file
// (255 paragraphs, a few reworded per commit).
func BenchmarkReadGit2000(b *testing.B) { benchmarkReadGit(b, 2000, 255, 235) }

// BenchmarkGitLogP2000 times `git log -p --follow` on the same history,
// the floor a reader that asked git for patches would start from.
func BenchmarkGitLogP2000(b *testing.B) { benchmarkGitLogP(b, 2000, 255, 235) }

// BenchmarkReadGit500 is the budgeted case: 500 commits of a ~50 KB file
// in at most 2 s.
func BenchmarkReadGit500(b *testing.B) { benchmarkReadGit(b, 500, 213, 235) }

// BenchmarkGitLogP500 is `git log -p --follow` on the 500-commit history.
func BenchmarkGitLogP500(b *testing.B) { benchmarkGitLogP(b, 500, 213, 235) }

// TestReadGitTakesTheHeadlineAsAPlainFileDoes: a first line of its own
// that reads like a headline is the version's headline, as ReadPlain
// reads a file; a version whose headline alone changed is a version.
func TestReadGitTakesTheHeadlineAsAPlainFileDoes(t *testing.T) {
	r := newGitTestRepo(t)
	for _, c := range []struct{ text, date, msg string }{
		{"Storm hits coast\n\nThe storm hit the coast.\n", "2024-03-06T08:10:00Z", "first"},
		{"Storm hits coast, three hurt\n\nThe storm hit the coast.\n", "2024-03-06T09:10:00Z", "headline"},
		{"The storm hit the coast on Tuesday.\nIt was the first this year.\n\nThree were hurt.\n", "2024-03-06T10:10:00Z", "no headline"},
	} {
		r.write("story.txt", c.text)
		r.git(nil, "add", "story.txt")
		r.commit("Alice Adams", c.date, c.msg)
	}
	art, err := ReadGit(filepath.Join(r.dir, "story.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range art.Versions {
		got = append(got, v.Headline+" | "+strings.Join(v.Paragraphs, " / "))
	}
	want := []string{
		"Storm hits coast | The storm hit the coast.",
		"Storm hits coast, three hurt | The storm hit the coast.",
		" | The storm hit the coast on Tuesday. It was the first this year. / Three were hurt.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("versions\n%q\nwant\n%q", got, want)
	}
}

// TestGitHeadlinesAgreeWithPlainFiles: a version in a git history has the
// headline the same file read on its own has (modeltest's cases, which
// source's tests hold ReadPlain to), by the fast path of clean UTF-8 and
// by the path of text that needs decoding.
func TestGitHeadlinesAgreeWithPlainFiles(t *testing.T) {
	for _, c := range modeltest.PlainHeadlineCases {
		h, _, problem := newParagraphReader().read([]byte(c.Text))
		if problem != "" || h != c.Headline {
			t.Errorf("%q: headline %q (%s), want %q", c.Text, h, problem, c.Headline)
		}
	}
}

// A history of a file saved as Latin-1 reads as Windows-1252, as the
// file read alone does, and the notes say so.
func TestReadGitNotesWindows1252(t *testing.T) {
	// The second commit re-wraps the first's text: skipped, not counted.
	r := storyHistory(t, "Caf\xe9 cr\xe8me.\n", "Caf\xe9\ncr\xe8me.\n", "Caf\xe9 cr\xe8me br\xfbl\xe9e.\n")
	art, err := ReadGit(filepath.Join(r.dir, "story.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := art.Versions[1].Paragraphs; !reflect.DeepEqual(got, []string{"Café crème brûlée."}) {
		t.Errorf("version 2 reads %q", got)
	}
	if want := []string{"1 commit left the text unchanged and was skipped", "the file is not UTF-8 in 2 versions: read as Windows-1252 (Latin-1)"}; !reflect.DeepEqual(art.Notes, want) {
		t.Errorf("notes %q, want %q", art.Notes, want)
	}
}

// A commit that empties the file (a scrape that wrote nothing) is
// skipped with a note, as a folder's empty file is: before, it was a
// version, every paragraph removed, and the next one added them again.
func TestReadGitSkipsAnEmptiedFile(t *testing.T) {
	r := storyHistory(t, "Storm hits\n\nThe storm hit the coast.\n", " \n", "Storm hits\n\nThe storm hit the coast today.\n")
	art, err := ReadGit(filepath.Join(r.dir, "story.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var numbers []int
	for _, v := range art.Versions {
		numbers = append(numbers, v.Number)
	}
	if !reflect.DeepEqual(numbers, []int{1, 3}) || len(art.Notes) != 1 || !strings.HasSuffix(art.Notes[0], "skipped: the file is empty") {
		t.Errorf("numbers %v, notes %q", numbers, art.Notes)
	}
}

// A history whose file has a stray byte that is not UTF-8 reads it as
// U+FFFD, as the file read alone does, and the notes say so (a € and a
// £ would read alike).
func TestReadGitNotesStrayBytes(t *testing.T) {
	r := storyHistory(t, "The caf\xc3\xa9 costs \x805.\n", "The caf\xc3\xa9 costs \xa35.\n", "The caf\xc3\xa9 costs \xa35 now.\n")
	path := filepath.Join(r.dir, "story.txt")
	art, err := ReadGit(path)
	if err != nil {
		t.Fatal(err)
	}
	// The second commit's € → £ reads as no change: skipped, and the
	// note says why such an edit cannot be seen.
	want := []string{"1 commit left the text unchanged and was skipped", "the file is " + model.ReadWithReplacement + ", in 2 versions"}
	if !reflect.DeepEqual(art.Notes, want) {
		t.Errorf("notes %q, want %q", art.Notes, want)
	}
	newest, _, ok, err := ReadGitNewest(path, 2)
	if err != nil || !ok || !reflect.DeepEqual(newest.Notes, []string{"the file is " + model.ReadWithReplacement + ", in 2 versions"}) {
		t.Errorf("newest: ok %v, %v, notes %q", ok, err, newest.Notes)
	}
}

// storyHistory is a new repository whose story.txt was committed with
// each of texts in turn, a day apart.
func storyHistory(t *testing.T, texts ...string) *gitTestRepo {
	t.Helper()
	r := newGitTestRepo(t)
	for i, text := range texts {
		r.write("story.txt", text)
		r.git(nil, "add", "story.txt")
		r.commit("A", fmt.Sprintf("2024-01-0%dT00:00:00Z", i+1), "edit")
	}
	return r
}
