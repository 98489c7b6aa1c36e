package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"redline/model"
)

// oneSafeLine fails unless s is exactly one line that a terminal shows
// as text: valid UTF-8, no control, no C1, no bidi override.
func oneSafeLine(t *testing.T, what, s string) {
	t.Helper()
	if strings.Count(s, "\n") != 1 || !strings.HasSuffix(s, "\n") {
		t.Errorf("%s: want one line, got %q", what, s)
	}
	if !model.IsVisible(strings.TrimSuffix(s, "\n")) {
		t.Errorf("%s: unsafe bytes reach the terminal: %q", what, s)
	}
}

// safeLines fails unless every line of s is safe on a terminal.
func safeLines(t *testing.T, what, s string) {
	t.Helper()
	for _, l := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\t' }) {
		if !model.IsVisible(l) {
			t.Errorf("%s: unsafe bytes reach the terminal: %q", what, l)
		}
	}
}

// Row 1: raw C1 bytes (invalid UTF-8) in names and fields reach the screen
// and stderr only as placeholders.
func TestRawC1BytesInNamesAreShownSafely(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts\x9b31m")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"1 \x9d0;pwned\x9c": "Talks began.\n", "2 \x9b2J": "Talks collapsed.\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := redline(t, "", "--print", "--width", "100", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	safeLines(t, "--print of a folder", out)
	if !strings.Contains(out, "⟨0x9B⟩2J") {
		t.Errorf("the file name's placeholder is not shown:\n%s", out)
	}
	out, _, _ = redline(t, "", "--json", dir)
	if !strings.Contains(out, `\ufffd`) && strings.Contains(out, "\x9b") {
		t.Errorf("--json holds raw C1 bytes")
	}
	_, errOut, code = redline(t, "", "--print", filepath.Join(dir, "missing\x9d0;x\x9c"))
	if code != 2 {
		t.Errorf("missing file: exit %d", code)
	}
	oneSafeLine(t, "a missing file", errOut)

	// A SQLite text field.
	db := filepath.Join(t.TempDir(), "c1.db")
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE entryversion (entry_id INTEGER, version INTEGER, created TEXT, title TEXT, url TEXT,
			num_versions INTEGER, summary TEXT, archive_url TEXT)`,
		"INSERT INTO entryversion VALUES (7, 0, '2019-03-01 09:00:00', CAST(X'54616c6b739b324a' AS TEXT), 'https://x.org/\x9d', 2, '<p>Talks.</p>', NULL)",
		"INSERT INTO entryversion VALUES (7, 1, '2019-03-01 10:00:00', CAST(X'54616c6b739b324a' AS TEXT), 'https://x.org/\x9d', 2, '<p>Talks on.</p>', NULL)",
	} {
		if _, err := conn.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	out, errOut, code = redline(t, "", db)
	if code != 0 {
		t.Fatalf("archive list: exit %d, stderr %q", code, errOut)
	}
	safeLines(t, "archive list", out)
	out, _, _ = redline(t, "", "--print", "--article", "7", db)
	safeLines(t, "archive article", out)
}

// Row 2: an unknown flag is echoed as one visible line.
func TestUnknownFlagIsOneSafeLine(t *testing.T) {
	for _, arg := range []string{"--\x1b]0;pwned\x07news", "-\x9b2J", "--width=\x9d"} {
		out, errOut, code := redline(t, "", arg)
		if code != 2 || out != "" {
			t.Errorf("%q: exit %d, stdout %q", arg, code, out)
		}
		oneSafeLine(t, arg, errOut)
	}
}

// Row 4: a pipe, /dev/stdin, process substitution and a FIFO are each
// opened once and read whole.
func TestPipesAndFIFOsAreReadWhole(t *testing.T) {
	seed, err := filepath.Abs(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	want, _, code := redline(t, "", "--json", seed)
	if code != 0 {
		t.Fatal("the seed does not read")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second) // a hang guard
	defer cancel()
	shell := func(script string) string {
		t.Helper()
		cmd := exec.CommandContext(ctx, "bash", "-c", script)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "R="+binary, "S="+seed)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			t.Errorf("%s: %v, stderr %q", script, err, errb.String())
		}
		return out.String()
	}
	for _, script := range []string{`"$R" --json <(cat "$S")`, `cat "$S" | "$R" --json /dev/stdin`, `cat "$S" | "$R" --json -`} {
		if got := shell(script); got != want {
			t.Errorf("%s: the article differs from the file's (%d bytes against %d)", script, len(got), len(want))
		}
	}
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		data, _ := os.ReadFile(seed)
		f.Write(data)
		f.Close()
	}()
	if got := shell(`"$R" --json "` + fifo + `"`); got != want {
		t.Errorf("a FIFO: the article differs from the file's")
	}
}

// Row 5: binary and oversize inputs end in one line, early, never in a
// runtime stack.
func TestEndlessAndOversizeInputsAreRefused(t *testing.T) {
	for _, args := range [][]string{{"--print", "/dev/zero"}, {"--print", "/dev/urandom"}, {"--json", "/dev/zero"}} {
		out, errOut, code := redlineGuarded(t, args...)
		if code != 2 || out != "" {
			t.Errorf("%v: exit %d, stdout %d bytes", args, code, len(out))
		}
		oneSafeLine(t, strings.Join(args, " "), errOut)
	}
	zero, err := os.Open("/dev/zero")
	if err != nil {
		t.Fatal(err)
	}
	defer zero.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second) // a hang guard
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "--print", "-")
	cmd.Stdin = zero
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Run(); err == nil {
		t.Errorf("- < /dev/zero: exit 0")
	}
	oneSafeLine(t, "- < /dev/zero", errb.String())

	// One long line, past a small cap: the reader is an endless stream of
	// text, as a 1 GB one-line file would be past the default cap.
	big := strings.Repeat("word ", 400)
	_, errOut, code := redline(t, big, "--max-input", "1K", "--print", "-")
	if code != 2 || !strings.Contains(errOut, "--max-input") || !strings.Contains(errOut, "1.0 KiB") {
		t.Errorf("past --max-input: exit %d, stderr %q", code, errOut)
	}
	oneSafeLine(t, "past --max-input", errOut)
	if _, errOut, code := redline(t, big, "--max-input", "1M", "--json", "-"); code != 2 || !strings.Contains(errOut, "-:") {
		t.Errorf("within --max-input a lone plain version is still refused by kind, got exit %d, %q", code, errOut)
	}
}

// Row 11: every numeric flag is bounded: one line, exit 2.
func TestNumericFlagsAreBounded(t *testing.T) {
	for _, args := range [][]string{
		{"--width", "9223372036854775807", "--view", "side", "--print", seedFile},
		{"--width", "1e9", "--view", "side", "--print", seedFile},
		{"--width", "100001", "--print", seedFile},
		// Below the least width, which it had wrapped at without a word.
		{"--width", "5", "--print", seedFile},
		{"--max-input", "99999999T", seedFile},
		{"--max-input", "-1", seedFile},
		{"--from", "99999999999999999999", seedFile},
	} {
		out, errOut, code := redline(t, "", args...)
		if code != 2 || out != "" {
			t.Errorf("%v: exit %d, stdout %d bytes", args, code, len(out))
		}
		oneSafeLine(t, strings.Join(args, " "), errOut)
	}
}

// Row 12: --to -1 means version −1, not "not given".
func TestNegativeVersionNumbers(t *testing.T) {
	art := &model.Article{Title: "Negative", Versions: []model.Version{
		{Number: -1, Paragraphs: []string{"Minus one text."}},
		{Number: 0, Paragraphs: []string{"Zero text."}},
		{Number: 1, Paragraphs: []string{"One text."}},
	}}
	var js bytes.Buffer
	if err := model.WriteJSON(&js, art); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := redline(t, js.String(), "--print", "--to", "-1", "-")
	if code != 0 || !strings.Contains(out, "Minus one text.") || strings.Contains(out, "One text.") {
		t.Errorf("--to -1: exit %d, stderr %q, output:\n%s", code, errOut, out)
	}
	out, _, code = redline(t, js.String(), "--print", "--from", "-1", "--to", "1", "-")
	if code != 0 || !strings.Contains(out, "vs Version -1") || !strings.Contains(out, "{+One+}") {
		t.Errorf("--from -1 --to 1: exit %d, output:\n%s", code, out)
	}
}

// Row 13: sniffing needs the whole shape of a format.
func TestPlainTextThatLooksLikeAFormatIsPlain(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"1.txt": "Talks began on Friday.\n\nVersion 1 Version 2\n\nBoth sides met.\n",
		"2.txt": "{ \"versions\" was the word of the day.\n\nBoth sides met.\n",
		"3.txt": "Talks collapsed on Friday.\n\nBoth sides left.\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, errOut, code := redline(t, "", "--print", dir)
	if code != 0 || !strings.Contains(out, "collapsed") {
		t.Errorf("folder of plain versions: exit %d, stderr %q", code, errOut)
	}
	// A real dump among plain versions: the error names both.
	seed, _ := os.ReadFile(seedFile)
	if err := os.WriteFile(filepath.Join(dir, "4.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = redline(t, "", "--print", dir)
	if code != 2 || !strings.Contains(errOut, "4.txt") || !strings.Contains(errOut, "1.txt") {
		t.Errorf("a dump among plain versions: exit %d, stderr %q", code, errOut)
	}
	oneSafeLine(t, "dump among plain", errOut)
}

// Row 15: UTF-16 text with a byte-order mark reads as text.
func TestUTF16TextIsRead(t *testing.T) {
	dir := t.TempDir()
	utf16 := func(s string, big bool) []byte {
		out := []byte{0xff, 0xfe}
		if big {
			out = []byte{0xfe, 0xff}
		}
		for _, r := range s { // the test text is in the BMP
			if big {
				out = append(out, byte(r>>8), byte(r))
			} else {
				out = append(out, byte(r), byte(r>>8))
			}
		}
		return out
	}
	os.WriteFile(filepath.Join(dir, "1.txt"), utf16("Talks begän on Friday.\r\n\r\nBoth sides met.\r\n", false), 0o644)
	os.WriteFile(filepath.Join(dir, "2.txt"), utf16("Talks collapsed on Friday.\n\nBoth sides met.\n", true), 0o644)
	out, errOut, code := redline(t, "", "--print", dir)
	if code != 0 || !strings.Contains(out, "begän") || !strings.Contains(out, "collapsed") {
		t.Errorf("UTF-16: exit %d, stderr %q, output:\n%s", code, errOut, out)
	}
}

// Row 16: JSON with anything after the article is refused, naming where.
func TestJSONWithTrailingGarbage(t *testing.T) {
	data, err := os.ReadFile("../../testdata/libya-4-versions.json")
	if err != nil {
		t.Fatal(err)
	}
	in := string(data) + "\n{\"oops\": 1}\n"
	out, errOut, code := redline(t, in, "--json", "-")
	if code != 2 || out != "" || !strings.Contains(errOut, "offset") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	oneSafeLine(t, "trailing JSON", errOut)
}

// redlineGuarded is redline for inputs that never end: it kills the
// process after a generous hang guard rather than let it eat the machine.
func redlineGuarded(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
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
