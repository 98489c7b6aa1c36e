package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestWriteKeyWritesTheShownStepAsAPage(t *testing.T) {
	art := seedArticle(t) // before leaving the package's directory
	dir := t.TempDir()
	t.Chdir(dir)
	// A file of the name already there is kept, not overwritten.
	taken := "russia-and-turkey-make-joint-call-for-cease-fire-in-libya-v2.html"
	if err := os.WriteFile(taken, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, art, 100, 30)
	m = press(m, "w")
	want := filepath.Join(dir, strings.TrimSuffix(taken, ".html")+"-2.html")
	if m.notice != "wrote "+want {
		t.Fatalf("notice %q, want %q", m.notice, "wrote "+want)
	}
	if data, _ := os.ReadFile(taken); string(data) != "mine" {
		t.Errorf("the existing file was overwritten")
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := html.Parse(strings.NewReader(string(data))); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Version 2 of 2 · compared with Version 1", "<del>", "<ins>"} {
		if !strings.Contains(string(data), s) {
			t.Errorf("the page lacks %s", s)
		}
	}
	// The footer says where; the help lists the key.
	if !strings.Contains(m.View(), "wrote ") {
		t.Errorf("the footer does not say where the page went:\n%s", m.View())
	}
	m = press(m, "?", "G") // the help scrolls; the key is in it
	if !strings.Contains(m.View(), "write step as HTML") {
		t.Errorf("help does not list the key:\n%s", m.View())
	}
}

func TestWriteKeyReportsAFailure(t *testing.T) {
	art := seedArticle(t)
	dir := filepath.Join(t.TempDir(), "gone")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	if err := os.Remove(dir); err != nil {
		t.Skip("cannot remove the working directory here")
	}
	m := press(newTestModel(t, art, 100, 30), "w")
	if !strings.HasPrefix(m.notice, "could not write the page: ") {
		t.Errorf("notice %q", m.notice)
	}
}

func TestWriteAllKeyWritesTheWholeHistory(t *testing.T) {
	art := chainArticle(t) // before leaving the package's directory
	dir := t.TempDir()
	t.Chdir(dir)
	m := press(newTestModel(t, art, 100, 30), "W")
	path, ok := strings.CutPrefix(m.notice, "wrote ")
	if !ok || !strings.HasSuffix(path, "-history.html") {
		t.Fatalf("notice %q", m.notice)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Version 2 of 4 · compared with Version 1", "Version 3 of 4 · compared with Version 2", "Version 4 of 4 · compared with Version 3"} {
		if !strings.Contains(string(data), s) {
			t.Errorf("the history page lacks %q", s)
		}
	}
}
