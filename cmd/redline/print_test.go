package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/net/html"

	"redline/model/export"
)

// updating reports whether -update asks for the golden files to be
// rewritten. The flag is x/exp/golden's, which teatest brings into this
// test binary; one flag serves both.
func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

const libyaFile = "../../testdata/libya-4-versions.json"

// runIn calls run as the command line would, in this process, and
// returns stdout, stderr and the exit status.
func runIn(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if updating() {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./cmd/redline -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from its golden (go test ./cmd/redline -run %s -update, then read the diff)", name, t.Name())
	}
}

func TestPrintAllIsTheHistoryOldestFirst(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	out, errOut, code := runIn(t, "--print", "--all", "--width", "80", "--color=never", libyaFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	goldenFile(t, "libya-all.txt", out)
	var headers []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "step ") {
			headers = append(headers, l)
		}
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a line of %d columns: %q", w, l)
		}
	}
	// A step's time reads as the reader and the step's own header give
	// it (the tests' local zone is UTC), not as RFC 3339.
	want := []string{"step 1 of 3 · Version 2 · Wed 8 Jan 2020 12:10", "step 2 of 3 · Version 3", "step 3 of 3 · Version 4"}
	if len(headers) != 3 {
		t.Fatalf("headers %q", headers)
	}
	for i, w := range want {
		if !strings.HasPrefix(headers[i], w) {
			t.Errorf("header %d = %q, want it to start %q", i+1, headers[i], w)
		}
	}
	if !strings.Contains(out, "+27 −47 words") || !strings.Contains(out, "headline changed") {
		t.Errorf("the last header lacks its figures")
	}

	// --from and --to limit it.
	out, _, code = runIn(t, "--print", "--all", "--from", "2", "--to", "3", "--color=never", libyaFile)
	if code != 0 || strings.Count(out, "\nstep ") != 0 || !strings.Contains(out, "Version 3 of 4") || strings.Contains(out, "Version 4 of 4") {
		t.Errorf("--from 2 --to 3: exit %d\n%s", code, out)
	}
	_, errOut, code = runIn(t, "--print", "--all", "--from", "3", "--to", "2", libyaFile)
	if code != 2 || !strings.Contains(errOut, "--from 3 comes after --to 2") {
		t.Errorf("--from 3 --to 2: exit %d, %q", code, errOut)
	}
}

func TestColorFlag(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	always, _, code := runIn(t, "--print", "--color=always", libyaFile)
	if code != 0 || !strings.Contains(always, "\x1b[") || strings.Contains(always, "{+") {
		t.Errorf("--color=always with NO_COLOR set, into a pipe: exit %d, no colour", code)
	}
	for _, args := range [][]string{{"--color=never"}, {"--no-color"}, {"--color=auto"}, {}} {
		out, _, code := runIn(t, append([]string{"--print", libyaFile}, args...)...)
		if code != 0 || strings.Contains(out, "\x1b[") || !strings.Contains(out, "{+") {
			t.Errorf("%v: exit %d, colour or no marks", args, code)
		}
	}
	for _, args := range [][]string{{"--color=sometimes"}, {"--no-color", "--color=always"}, {"--format", "pdf"}, {"--format", "svg", "--all"}} {
		out, errOut, code := runIn(t, append([]string{"--print", libyaFile}, args...)...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestWidthFollowsColumns(t *testing.T) {
	t.Setenv("COLUMNS", "50")
	out, _, _ := runIn(t, "--print", "--color=never", libyaFile)
	widest := 0
	for _, l := range strings.Split(out, "\n") {
		widest = max(widest, ansi.StringWidth(l))
	}
	if widest > 50 || widest < 45 {
		t.Errorf("COLUMNS=50: widest line %d", widest)
	}
	out, _, _ = runIn(t, "--print", "--color=never", "--width", "70", libyaFile)
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 70 {
			t.Errorf("--width 70 beats COLUMNS: %q", l)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"seed.html", []string{"--format", "html"}},
		{"seed.md", []string{"--format", "markdown"}},
		{"seed.json", []string{"--format", "json"}},
		{"seed.svg", []string{"--format", "svg"}},
		{"libya-all.html", []string{"--format", "html", "--all", libyaFile}},
		{"libya-all.md", []string{"--format", "markdown", "--all", libyaFile}},
		{"libya-all.json", []string{"--format", "json", "--all", libyaFile}},
		{"libya.svg", []string{"--format", "svg", "--from", "2", libyaFile}},
	} {
		// Without --print: a format asks for printing by itself.
		out, errOut, code := runIn(t, c.args...)
		if code != 0 || errOut != "" {
			t.Fatalf("%v: exit %d, %q", c.args, code, errOut)
		}
		switch filepath.Ext(c.name) {
		case ".html":
			if _, err := html.Parse(strings.NewReader(out)); err != nil || !strings.Contains(out, "<del>") {
				t.Errorf("%s: %v", c.name, err)
			}
		case ".json":
			var doc export.Document
			if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.SchemaVersion != export.SchemaVersion {
				t.Errorf("%s: %v", c.name, err)
			}
		case ".svg":
			d := xml.NewDecoder(strings.NewReader(out))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", c.name, err)
				}
			}
			for _, want := range []string{`text-decoration="line-through"`, `text-decoration="underline"`, "█"} {
				if !strings.Contains(out, want) {
					t.Errorf("%s: no %s (edits and the timeline)", c.name, want)
				}
			}
		}
		if filepath.Ext(c.name) == ".svg" {
			goldenFile(t, c.name, out)
			continue
		}
		// The other formats are model/export's, whose goldens they match.
		want, err := os.ReadFile(filepath.Join("../../model/export/testdata", c.name))
		if err != nil || out != string(want) {
			t.Errorf("%v differs from model/export/testdata/%s (%v)", c.args, c.name, err)
		}
	}
}
