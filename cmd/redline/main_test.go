package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"redline/model"
)

// binary is redline built once for the tests that run it as a user would.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "redline-test")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "redline")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		os.Stderr.Write(out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// redline runs the built binary and returns its stdout, stderr and exit
// status.
func redline(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin) // a pipe
	} // else /dev/null: nothing piped, as from a script or a service
	return runCmdOut(t, cmd)
}

// redlineEmptyPipe runs the built binary with an empty pipe on its
// standard input: cat missing.txt | redline.
func redlineEmptyPipe(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader("")
	return runCmdOut(t, cmd)
}

// runCmdOut runs cmd without colour and returns its output and status.
func runCmdOut(t *testing.T, cmd *exec.Cmd) (string, string, int) {
	t.Helper()
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

const seedFile = "../../testdata/000_2309137f7230653b.txt"

func truth(t *testing.T) model.Article {
	t.Helper()
	data, err := os.ReadFile("../../testdata/000_2309137f7230653b.truth.json")
	if err != nil {
		t.Fatal(err)
	}
	var a model.Article
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// sameVersions compares what the truth file records of each version.
func sameVersions(t *testing.T, got, want model.Article) {
	t.Helper()
	if got.Title != want.Title || got.Source != want.Source || got.URL != want.URL || got.Changes != want.Changes {
		t.Errorf("header differs: got %+v", got)
	}
	if len(got.Versions) != len(want.Versions) {
		t.Fatalf("%d versions, want %d", len(got.Versions), len(want.Versions))
	}
	for i, w := range want.Versions {
		g := got.Versions[i]
		if g.Number != w.Number || g.Headline != w.Headline || g.Elapsed != w.Elapsed || !reflect.DeepEqual(g.Paragraphs, w.Paragraphs) {
			t.Errorf("version %d differs from the truth", w.Number)
		}
	}
}

func TestJSONOfTheSeedEqualsTheTruth(t *testing.T) {
	for _, args := range [][]string{{"--json", seedFile}, {seedFile, "--json"}, {"--json"}} {
		out, errOut, code := redline(t, "", args...)
		if code != 0 || errOut != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
		}
		var got model.Article
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		sameVersions(t, got, truth(t))
		// Numbers are JSON numbers.
		if !strings.Contains(out, `"number": 1,`) || !strings.Contains(out, `"changes": 7,`) {
			t.Errorf("%v: number and changes are not JSON numbers", args)
		}
	}
}

func TestJSONFromStandardInput(t *testing.T) {
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := redline(t, string(data), "--json", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got model.Article
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	sameVersions(t, got, truth(t))
}

func TestBadInputExitsTwoWithOneLine(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	folder := filepath.Join(dir, "versions")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"empty file":      {"--json", write("empty.txt", "")},
		"binary file":     {"--json", write("data.bin", "PK\x03\x04\x00\x00binary")},
		"no version line": {"--json", write("prose.txt", "Some prose.\n")},
		"missing file":    {"--json", filepath.Join(dir, "missing.txt")},
		"empty folder":    {"--json", folder},
		"unknown flag":    {"--frobnicate"},
	}
	for name, args := range cases {
		out, errOut, code := redline(t, "", args...)
		if code != 2 {
			t.Errorf("%s: exit %d, want 2", name, code)
		}
		if out != "" {
			t.Errorf("%s: printed %q on stdout", name, out)
		}
		if !strings.HasPrefix(errOut, "redline: ") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: stderr %q, want one line starting with \"redline: \"", name, errOut)
		}
		if name != "unknown flag" && !strings.Contains(errOut, filepath.Base(args[len(args)-1])) {
			t.Errorf("%s: stderr %q does not name the file", name, errOut)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	out, _, code := redline(t, "", "--help")
	if code != 0 || !strings.Contains(out, "Usage:") || !strings.Contains(out, "-json") {
		t.Errorf("--help: exit %d, output %q", code, out)
	}
	out, _, code = redline(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "redline ") {
		t.Errorf("--version: exit %d, output %q", code, out)
	}
}

func TestPlainFilesAreVersions(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("First paragraph\nwraps here.\n\nSecond one.\n"), 0o644)
	os.WriteFile(b, []byte("First paragraph wraps here.\n\n\nSecond one, edited.\n\nThird.\n"), 0o644)
	out, errOut, code := redline(t, "", "--json", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got model.Article
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"First paragraph wraps here.", "Second one."},
		{"First paragraph wraps here.", "Second one, edited.", "Third."},
	}
	if len(got.Versions) != 2 || !reflect.DeepEqual(got.Versions[0].Paragraphs, want[0]) || !reflect.DeepEqual(got.Versions[1].Paragraphs, want[1]) {
		t.Errorf("got %+v", got.Versions)
	}
}

func TestPrintTwoPlainFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("The minister resigned on Monday.\n\nHe denied wrongdoing.\n\nAn old paragraph that goes away.\n"), 0o644)
	os.WriteFile(b, []byte("The minister resigned on Tuesday.\n\nHe denied any wrongdoing.\n\nA new paragraph arrives.\n"), 0o644)
	out, errOut, code := redline(t, "", "--print", "--no-color", "--width", "60", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"The minister resigned on [-Monday-]{+Tuesday+}.",
		"He denied {+any+} wrongdoing.",
		"[-An old paragraph that goes away.-]",
		"{+A new paragraph arrives.+}",
		"Version 2 of 2",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Piped output prints without --print, and without colour.
	piped, _, code := redline(t, "", a, b)
	if code != 0 || !strings.Contains(piped, "{+Tuesday+}") {
		t.Errorf("piped: exit %d, output %q", code, piped)
	}
	// --from and --to choose versions by number.
	_, errOut, code = redline(t, "", "--print", "--from", "7", a, b)
	if code != 2 || !strings.Contains(errOut, "--from 7: no such version") {
		t.Errorf("--from 7: exit %d, stderr %q", code, errOut)
	}
	back, _, code := redline(t, "", "--print", "--from", "2", "--to", "1", a, b)
	if code != 0 || !strings.Contains(back, "[-Tuesday-]{+Monday+}") {
		t.Errorf("--from 2 --to 1: exit %d, output %q", code, back)
	}
}

func TestHostileFileNameIsShownSafely(t *testing.T) {
	_, errOut, code := redline(t, "", "--json", "\x1b]0;pwned\x07\x1b[2Jnews.txt")
	if code != 2 || strings.ContainsAny(errOut, "\x1b\x07") || !strings.Contains(errOut, "␛]0;pwned␇␛[2Jnews.txt") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// The flag package names flags with one dash; redline's are written with
// two, in --help and the README, and its errors name them so.
func TestFlagErrorsNameFlagsWithTwoDashes(t *testing.T) {
	for arg, want := range map[string]string{
		"--nosuch":      "flag provided but not defined: --nosuch",
		"--width=abc":   `invalid value "abc" for flag --width`,
		"--print=x":     `invalid boolean value "x" for --print`,
		"--from":        "flag needs an argument: --from",
		"--width=a: -b": `invalid value "a: -b" for flag --width`,
	} {
		_, errOut, code := redline(t, "", arg)
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("%s: exit %d, %q; want %q", arg, code, errOut, want)
		}
	}
}
