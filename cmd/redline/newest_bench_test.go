package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"redline/tui"
)

// benchHistory writes a 2,000-version history of a 255-paragraph
// document (about 60 KB), one paragraph edited a version, as a folder and
// as a git repository; it returns the folder and the git file.
func benchHistory(b *testing.B) (dir, gitFile string) {
	b.Helper()
	root := b.TempDir()
	dir = filepath.Join(root, "history")
	if err := os.Mkdir(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	paras := make([]string, 255)
	for i := range paras {
		paras[i] = fmt.Sprintf("Paragraph %d: the council met again on day %d and officials said the measure %d would be debated, "+
			"while residents near the harbour waited for news of the families still without power.", i, i%31, i*7)
	}
	var fi strings.Builder
	for v := 1; v <= 2000; v++ {
		j := (v * 37) % len(paras)
		paras[j] = strings.Replace(paras[j], "officials said", fmt.Sprintf("officials said on day %d", v), 1)
		text := strings.Join(paras, "\n\n") + "\n"
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("v%04d.txt", v)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(&fi, "commit refs/heads/main\ncommitter R <r@example.com> %d +0000\ndata 3\nv%d\n", 1578470400+v*600, v%10)
		fmt.Fprintf(&fi, "M 644 inline article.txt\ndata %d\n%s\n", len(text), text)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return dir, ""
	}
	repo := filepath.Join(root, "repo")
	for _, args := range [][]string{{"init", "-q", "-b", "main", repo}, {"-C", repo, "fast-import", "--quiet"}, {"-C", repo, "checkout", "-q", "main"}} {
		cmd := exec.Command("git", args...)
		cmd.Stdin = strings.NewReader(fi.String())
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir, filepath.Join(repo, "article.txt")
}

// BenchmarkLongHistoryReaderFirstFrame is the reader's first frame on a
// 2,000-version folder and git history: opening the sources, reading the
// newest two versions, and the reader's first View, as interactive does
// before the rest is read.
func BenchmarkLongHistoryReaderFirstFrame(b *testing.B) {
	dir, gitFile := benchHistory(b)
	for _, c := range []struct {
		name string
		o    options
	}{
		{"folder", options{args: []string{dir}, view: "inline"}},
		{"git", options{git: gitFile, view: "inline"}},
	} {
		if c.o.git == "" && c.name == "git" && gitFile == "" {
			continue
		}
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				o := c.o
				if err := openInputs(&o, nil); err != nil {
					b.Fatal(err)
				}
				art, _, err := readNewest(o)
				if err != nil || art == nil {
					b.Fatalf("readNewest: %v", err)
				}
				l := tui.NewLoader(readerOptions(o), nil, nil).Newest(art)
				m, _ := l.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				if v := m.View(); !strings.Contains(v, "Version 2000") {
					b.Fatalf("first frame:\n%s", v)
				}
			}
		})
	}
}
