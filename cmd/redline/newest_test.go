package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"redline/tui"
)

// writeVersions writes n plain-text versions v01.txt… into a new folder,
// each with a headline; the files before the newest two hold what
// older(i) gives instead when it is not nil.
func writeVersions(t *testing.T, n int, older func(i int) []byte) string {
	t.Helper()
	dir := t.TempDir()
	for i := 1; i <= n; i++ {
		text := []byte(fmt.Sprintf("Council meets, take %d\n\nThe council met on day %d.\n\nThe harbour waited, and %d families had no power.\n", i, i, 3*i))
		if older != nil && i <= n-2 {
			text = older(i)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("v%02d.txt", i)), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestPrintFolderReadsOnlyTheNewestStep: --print of a folder reads the
// two files it prints. The older files are redline JSON, which cannot
// stand among plain-text versions (--json, which reads them all, fails),
// and --print still prints the newest step.
func TestPrintFolderReadsOnlyTheNewestStep(t *testing.T) {
	dir := writeVersions(t, 30, func(int) []byte { return []byte(`{"versions": [{"paragraphs": ["One."]}]}`) })
	var out, errb bytes.Buffer
	if code := run([]string{"--print", "--no-color", dir}, nil, &out, &errb); code != 0 {
		t.Fatalf("--print: exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"Version 30 of 30 · vs Version 29", "day [-29-]{+30+}."} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("--print lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	errb.Reset()
	if code := run([]string{"--json", dir}, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), "cannot be combined") {
		t.Errorf("--json: exit %d: %s", code, errb.String())
	}
}

// TestPrintNewestStepIsTheWholeReadsStep: the newest step printed from
// the newest two versions is the step printed from the whole folder or
// git history (--from and --to read it whole).
func TestPrintNewestStepIsTheWholeReadsStep(t *testing.T) {
	dir := writeVersions(t, 12, nil)
	repo := newGitRepoOf(t, dir)
	for _, src := range [][]string{{dir}, {"--git", repo}} {
		var lazy, whole, errb bytes.Buffer
		if code := run(append([]string{"--print", "--no-color", "--width", "70"}, src...), nil, &lazy, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", src, code, errb.String())
		}
		args := append([]string{"--print", "--no-color", "--width", "70", "--from", "11", "--to", "12"}, src...)
		if code := run(args, nil, &whole, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		if lazy.String() != whole.String() {
			t.Errorf("%v: newest step\n%s\nwhole history's\n%s", src, lazy.String(), whole.String())
		}
	}
}

// TestFolderOpensOnTheNewestStepFirst opens a folder as the reader does,
// with the rest of the folder held back after the newest two versions:
// the reader shows the newest step and the progress, then, once the rest
// is read, the whole history on the same step, where < goes to the first
// version.
func TestFolderOpensOnTheNewestStepFirst(t *testing.T) {
	dir := writeVersions(t, 30, nil)
	release := make(chan struct{})
	newestHook = func() { <-release }
	t.Cleanup(func() { newestHook = nil })
	o := options{args: []string{dir}, from: -1, to: -1, view: "inline"}
	if err := openInputs(&o, nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ld := startLoad(ctx, o, nil, tui.NewFailure())
	var newest *tui.Loader
	select {
	case a := <-ld.newest:
		l := tui.NewLoader(readerOptions(o), ld.progress, ld.result).Newest(a)
		newest = &l
	case r := <-ld.result:
		t.Fatalf("the whole folder came first: %v", r.Err)
	}
	tm := teatest.NewTestModel(t, *newest, teatest.WithInitialTermSize(100, 30))
	wait := screenWaiter(t, tm)
	wait("Version 30 (2 of 2)", "vs Version 29", "reading")
	close(release)
	wait("Version 30 of 30")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("<")})
	wait("Version 1 of 30")
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q")})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// newGitRepoOf commits the folder's files, in order, as the versions of
// article.txt in a new repository, and returns that file's path.
func newGitRepoOf(t *testing.T, dir string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=R", "GIT_AUTHOR_EMAIL=r@example.com", "GIT_COMMITTER_NAME=R", "GIT_COMMITTER_EMAIL=r@example.com",
			"GIT_AUTHOR_DATE=2020-01-01T10:00:00Z", "GIT_COMMITTER_DATE=2020-01-01T10:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(repo, "article.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		git("add", "article.txt")
		git("commit", "-q", "--no-verify", "-m", filepath.Base(f))
	}
	return filepath.Join(repo, "article.txt")
}

// TestPrintSaysWhatWasSkipped: a folder's empty file is skipped, and
// --print says so under the figures, once with --all. The newest step
// printed from the newest two files (the empty one known from the
// folder's list) is the step printed from the whole folder, count and
// note alike.
func TestPrintSaysWhatWasSkipped(t *testing.T) {
	dir := writeVersions(t, 5, nil)
	if err := os.WriteFile(filepath.Join(dir, "v01.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var newest, whole, all, errb bytes.Buffer
	if code := run([]string{"--print", "--no-color", "--width", "300", dir}, nil, &newest, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if code := run([]string{"--print", "--no-color", "--width", "300", "--from", "4", "--to", "5", dir}, nil, &whole, &errb); code != 0 {
		t.Fatalf("--from 4 --to 5: exit %d: %s", code, errb.String())
	}
	note := "note: " + filepath.Join(dir, "v01.txt") + " skipped: the file is empty"
	if newest.String() != whole.String() || !strings.Contains(whole.String(), "Version 5 (4 of 4) · vs Version 4") ||
		!strings.Contains(whole.String(), note) {
		t.Errorf("newest step:\n%s\nwhole read:\n%s", newest.String(), whole.String())
	}
	if code := run([]string{"--print", "--all", "--no-color", "--width", "300", dir}, nil, &all, &errb); code != 0 || strings.Count(all.String(), note) != 1 {
		t.Errorf("--all: exit %d, the note %d times", code, strings.Count(all.String(), note))
	}
}
