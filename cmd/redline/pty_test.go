//go:build linux

package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// screen is a program's terminal output as it arrives.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits until the output from offset on holds want and returns
// where it ends; the timeout is a hang guard, not a measurement.
func (s *screen) waitFor(t *testing.T, from int, want string) int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		out := s.String()
		if i := strings.Index(out[min(from, len(out)):], want); i >= 0 {
			return from + i + len(want)
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("never saw %q; the output ends %q", want, tail(s.String()))
	return 0
}

func tail(s string) string { return s[max(0, len(s)-300):] }

// restored fails unless everything the program switched on after it last
// entered the alternate screen is switched off again.
func restored(t *testing.T, what, out string) {
	t.Helper()
	last := strings.LastIndex(out, "\x1b[?1049h")
	if last < 0 {
		t.Fatalf("%s: the alternate screen was never entered", what)
	}
	rest := out[last:]
	for _, seq := range []string{"\x1b[?1049l", "\x1b[?25h", "\x1b[?1002l", "\x1b[?1006l", "\x1b[?2004l"} {
		if !strings.Contains(rest, seq) {
			t.Errorf("%s: the terminal is left without %q; it ends %q", what, seq, tail(out))
		}
	}
}

// startPTY runs redline on the seed under a pseudo-terminal of 100×30.
func startPTY(t *testing.T, bin string, env []string, args ...string) (*exec.Cmd, *os.File, *screen) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), append([]string{"TERM=xterm-256color"}, env...)...)
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 100})
	if err != nil {
		t.Fatal(err)
	}
	s := &screen{}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := tty.Read(b)
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		tty.Close()
	})
	return cmd, tty, s
}

// exited waits for the process to end (a hang guard) and returns its
// status.
func exited(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("redline did not end")
	}
	return cmd.ProcessState.ExitCode()
}

// stopped reports whether the process is stopped (state T in /proc).
func stopped(pid int) bool {
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
	if err != nil {
		return false
	}
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	return i >= 0 && i+2 < len(s) && s[i+2] == 'T'
}

// Row 7: every signal that ends or stops redline gives the terminal
// back; continuing redraws.
func TestSignalsRestoreTheTerminal(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "redline")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	seed, _ := filepath.Abs(seedFile)
	// INT and TERM too: bubbletea's own handling had ended in 1 with
	// "program was killed: program was interrupted", and in 0.
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd, _, s := startPTY(t, bin, []string{"NO_COLOR=1"}, seed)
			s.waitFor(t, 0, "Libya")
			cmd.Process.Signal(sig)
			code := exited(t, cmd)
			time.Sleep(50 * time.Millisecond) // the last bytes in the pty
			restored(t, sig.String(), s.String())
			// Ended by the signal, as if uncaught, once the terminal is
			// back, so that a shell loop around it stops; QUIT, which
			// raised again would dump Go's stacks, by 128 plus it.
			ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
			switch {
			case sig == syscall.SIGQUIT && code != 128+int(sig):
				t.Errorf("exit %d, want %d", code, 128+int(sig))
			case sig != syscall.SIGQUIT && (!ws.Signaled() || ws.Signal() != sig):
				t.Errorf("ended %v, want by %v", cmd.ProcessState, sig)
			}
			if strings.Contains(s.String(), "goroutine ") {
				t.Errorf("a Go stack reached the terminal")
			}
		})
	}
	t.Run("TSTP then CONT", func(t *testing.T) {
		cmd, tty, s := startPTY(t, bin, []string{"NO_COLOR=1"}, seed)
		at := s.waitFor(t, 0, "Libya")
		cmd.Process.Signal(syscall.SIGTSTP)
		at = s.waitFor(t, at, "\x1b[?1049l")
		deadline := time.Now().Add(20 * time.Second)
		for !stopped(cmd.Process.Pid) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if !stopped(cmd.Process.Pid) {
			t.Errorf("redline is not stopped after SIGTSTP")
		}
		restored(t, "stopped", s.String())
		cmd.Process.Signal(syscall.SIGCONT)
		at = s.waitFor(t, at, "\x1b[?1049h")
		at = s.waitFor(t, at, "Libya") // redrawn
		s.waitFor(t, 0, "\x1b[?1002h")
		tty.Write([]byte("q"))
		if code := exited(t, cmd); code != 0 {
			t.Errorf("exit %d after q", code)
		}
		time.Sleep(50 * time.Millisecond)
		restored(t, "after continue and q", s.String())
		if last := strings.LastIndex(s.String(), "\x1b[?1049h"); !strings.Contains(s.String()[last:], "\x1b[?1002h") {
			t.Errorf("mouse reporting not switched back on after continue")
		}
	})
}

// Row 8: no background-colour query where nothing needs it, so a terminal
// that never answers stalls nothing.
func TestNoBackgroundQueryWhenNotNeeded(t *testing.T) {
	seed, _ := filepath.Abs(seedFile)
	for _, c := range []struct {
		env  []string
		args []string
	}{
		{nil, []string{"--version"}},
		{nil, []string{"--print", seed}},
		{nil, []string{"--json", seed}},
		{[]string{"NO_COLOR=1"}, []string{seed}},
		{nil, []string{"--no-color", seed}},
	} {
		cmd, tty, s := startPTY(t, binary, c.env, c.args...)
		if c.args[0] == seed || c.args[0] == "--no-color" {
			s.waitFor(t, 0, "Libya")
			tty.Write([]byte("q"))
		}
		exited(t, cmd)
		if strings.Contains(s.String(), "\x1b]11;?") {
			t.Errorf("%v %v: the terminal was asked for its background", c.env, c.args)
		}
	}
	// The reader in colour asks once, and a terminal that never answers
	// (this pty) still gets its screen: the question is bounded.
	cmd, tty, s := startPTY(t, binary, nil, seed)
	s.waitFor(t, 0, "Libya")
	tty.Write([]byte("q"))
	exited(t, cmd)
	if n := strings.Count(s.String(), "\x1b]11;?"); n != 1 {
		t.Errorf("the colour reader asked %d times for the background, want once", n)
	}
}

// Row 14: a panic in the loader goroutine, after the loader is on screen,
// gives the terminal back and ends in one line, as a panic in the event
// loop does. The reader runs in this process on a pseudo-terminal, the
// load held until the loader shows, then made to panic.
func TestALoaderPanicRestoresTheTerminal(t *testing.T) {
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 30, Cols: 100})
	s := &screen{}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := ptmx.Read(b)
			s.mu.Lock()
			s.buf.Write(b[:n])
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	onScreen := make(chan struct{})
	loadHook = func() {
		<-onScreen
		panic("boom in the load")
	}
	defer func() { loadHook = nil }()
	var stderr bytes.Buffer
	code := make(chan int, 1)
	seed, _ := filepath.Abs(seedFile)
	o, err := parseFlags([]string{"--no-color", seed}, nil)
	if err != nil {
		t.Fatal(err)
	}
	go func() { code <- interactive(o, tty, tty, &stderr) }()
	s.waitFor(t, 0, "reading")
	close(onScreen)
	select {
	case c := <-code:
		if c != 1 {
			t.Errorf("exit %d, want 1", c)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("redline did not end")
	}
	s.waitFor(t, 0, "\x1b[?1049l") // the program's last bytes, still on their way through the pty
	restored(t, "a loader panic", s.String())
	line := stderr.String()
	if strings.Count(line, "\n") != 1 || !strings.HasPrefix(line, "redline: internal error: boom in the load") {
		t.Errorf("stderr %q, want one line naming the panic", line)
	}
	if i := strings.Index(line, "details in "); i >= 0 {
		os.Remove(strings.TrimSuffix(strings.TrimSpace(line[i+len("details in "):]), ")"))
	}
}

// A --to no version has is refused before the reader opens, in one line
// and with status 2, for a WARC file as for every other source; the
// reader had opened on the newest step and said it only in its footer,
// and quitting gave 0.
func TestReaderRefusesABadStepForAWARC(t *testing.T) {
	path := writeWARC(t, storyCaptures(t))
	cmd, _, s := startPTY(t, binary, nil, "--to", "9", path)
	s.waitFor(t, 0, "--to 9: no such version")
	if code := exited(t, cmd); code != 2 {
		t.Errorf("exit %d, screen %q", code, tail(s.String()))
	}
}

// ctrl+c while --print waits for the archives stops the fetch, takes the
// progress line away and ends the process by SIGINT, as if uncaught, so a
// shell loop around it stops too; the line had stayed on the terminal
// ("redline: 2 of 3 captures^C").
func TestInterruptedPrintClearsItsProgress(t *testing.T) {
	release := make(chan struct{})
	srv := heldArchive(t, release)
	t.Cleanup(func() { close(release) })
	cmd, _, s := startPTY(t, binary, []string{"REDLINE_CACHE_DIR=" + t.TempDir()}, "--print", "--web-archive", srv.URL, storyURL)
	at := s.waitFor(t, 0, "2 of 3 captures")
	cmd.Process.Signal(os.Interrupt)
	exited(t, cmd)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("ended %v, want by SIGINT", cmd.ProcessState)
	}
	s.waitFor(t, at, "\r\x1b[K")
}

// A URL that cannot be read, with stderr a terminal, says why in one line
// and exits 2: the end of ctrl+c's watch had cancelled the load's context,
// and every failure had then ended the process silently, as by ctrl+c.
func TestFailedURLAtATerminalSaysWhy(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(srv.Close)
	cmd, _, s := startPTY(t, binary, []string{"REDLINE_CACHE_DIR=" + t.TempDir()}, "--print", "--web-archive", srv.URL, storyURL)
	if code := exited(t, cmd); code != 2 {
		t.Errorf("exit %d (%v), want 2", code, cmd.ProcessState)
	}
	s.waitFor(t, 0, "no captures")
}
