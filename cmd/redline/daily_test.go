package main

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"redline/model"
	"redline/tui"
)

// Piped input with no SOURCE is the source: cat story.json | redline.
func TestPipedStdinWithoutADash(t *testing.T) {
	data, err := os.ReadFile("../../testdata/libya-4-versions.json")
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := redline(t, string(data), "--json")
	var got model.Article
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got.Versions) != 4 {
		t.Fatalf("cat story.json | redline --json: exit %d, stderr %q, %d versions", code, errOut, len(got.Versions))
	}
	out, errOut, code = redline(t, string(data), "--print")
	if code != 0 || !strings.Contains(out, "Version 4 of 4") {
		t.Errorf("cat story.json | redline --print: exit %d, stderr %q:\n%s", code, errOut, out)
	}
	// Nothing piped (</dev/null) still opens the sample, and says so.
	if out, errOut, code := redline(t, "", "--print"); code != 0 || errOut != "" ||
		!strings.Contains(out, "built-in sample · nytimes · Version 2 of 2") {
		t.Errorf("</dev/null: exit %d, stderr %q:\n%s", code, errOut, out)
	}
	// An empty pipe, which a script meant as its article, opens it too,
	// with a warning on stderr: cat missing.txt | redline --print.
	if out, errOut, code := redlineEmptyPipe(t, "--print"); code != 0 ||
		errOut != "redline: standard input is empty: showing the built-in sample\n" || !strings.Contains(out, "built-in sample") {
		t.Errorf("empty pipe: exit %d, stderr %q:\n%s", code, errOut, out)
	}
}

// --from N --to N refuses in one line with exit 2, before and after the
// article is read; good numbers choose the step in the reader too.
func TestFromAndToTheSameVersionRefuses(t *testing.T) {
	for _, args := range [][]string{
		{"--print", "--from", "3", "--to", "3", "../../testdata/libya-4-versions.json"},
		{"--print", "--from", "4", "../../testdata/libya-4-versions.json"}, // --to is the newest, 4
		{"--from", "2", "--to", "2"},
	} {
		out, errOut, code := redline(t, "", args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "the same version") && !strings.Contains(errOut, "is the version shown") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	o, err := parseFlags([]string{"--from", "1", "--to", "3", "x"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ro := readerOptions(o)
	if ro.Step == nil || *ro.Step != (tui.StepNumbers{From: 1, To: 3, FromSet: true, ToSet: true}) {
		t.Errorf("the reader is not told --from and --to: %+v", ro.Step)
	}
}

// --help writes the flags double-dashed, as the README does, with real
// defaults only.
func TestHelpIsDoubleDashed(t *testing.T) {
	out, _, code := redline(t, "", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"  --article KEY\n", "  --from NUMBER\n", "  --view inline|side|clean\n", "  --no-mouse\n", "(default inline)"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q:\n%s", want, out)
		}
	}
	for _, bad := range []string{"\n  -article", "(default -1)", "(default 0)", "(default false)"} {
		if strings.Contains(out, bad) {
			t.Errorf("--help has %q:\n%s", bad, out)
		}
	}
}

// The same input twice is one input: a dump given twice reads as the
// dump, not as a chain of itself.
func TestTheSameSourceTwiceIsOne(t *testing.T) {
	once, _, code := redline(t, "", "--json", seedFile)
	if code != 0 {
		t.Fatal("the seed does not read")
	}
	abs, _ := filepath.Abs(seedFile)
	twice, errOut, code := redline(t, "", "--json", seedFile, abs)
	if code != 0 || twice != once {
		t.Errorf("the seed twice: exit %d, stderr %q, same output %v", code, errOut, twice == once)
	}
}

// TestSourcesAfterDoubleDash: after "--" every argument is a source, one
// whose name starts with "-" too, even after a source ("--json" was read
// as the flag when a source came first).
func TestSourcesAfterDoubleDash(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for name, text := range map[string]string{"-a.txt": "One paragraph.\n", "-b.txt": "One paragraph, edited.\n"} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile("--json", []byte("One paragraph, edited.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--print", "--no-color", "--", "-a.txt", "-b.txt"},
		{"--print", "--no-color", "./-a.txt", "--", "-b.txt"},
		// After "--" a source that reads like a flag is a source,
		// whatever comes before it.
		{"--print", "--no-color", "--", "./-a.txt", "--json"},
		{"--print", "--no-color", "--width", "80", "--", "./-a.txt", "--json"},
	} {
		out, errOut, code := redline(t, "", args...)
		if code != 0 || !strings.Contains(out, "{+, edited+}") {
			t.Errorf("%v: exit %d, %q, %q", args, code, out, errOut)
		}
	}
	// "--" as a flag's value ends nothing: the flags go on after it.
	o, err := parseFlags([]string{"--article", "--", "a.txt", "--print", "b.txt"}, io.Discard)
	if err != nil || o.article != "--" || !o.print || !slices.Equal(o.args, []string{"a.txt", "b.txt"}) {
		t.Errorf("--article --: %v, article %q, print %v, sources %q", err, o.article, o.print, o.args)
	}
}
