//go:build unix

package main

import (
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// askBackground asks the controlling terminal for its background colour
// (OSC 11) and waits at most wait for the answer. A cursor position
// request follows the question: every terminal answers that one, so a
// terminal that does not know OSC 11 ends the wait at once. ok is false
// when there is no terminal or no usable answer came in time.
func askBackground(wait time.Duration) (dark, ok bool) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return false, false
	}
	defer tty.Close()
	fd := tty.Fd()
	old, err := term.MakeRaw(fd)
	if err != nil {
		return false, false
	}
	defer term.Restore(fd, old)
	if _, err := tty.WriteString("\x1b]11;?\x1b\\\x1b[6n"); err != nil {
		return false, false
	}
	var reply strings.Builder
	deadline := time.Now().Add(wait)
	buf := make([]byte, 256)
	for reply.Len() < 4096 {
		left := time.Until(deadline)
		if left <= 0 {
			return false, false
		}
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(fds, int(left/time.Millisecond)+1)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n == 0 {
			return false, false
		}
		k, err := tty.Read(buf)
		if err != nil || k == 0 {
			return false, false
		}
		reply.Write(buf[:k])
		if d, ok := oscBackground(reply.String()); ok {
			return d, true
		}
		if cursorReport(reply.String()) {
			return false, false // the terminal answered the position only
		}
	}
	return false, false
}

// cursorReport reports whether s holds a cursor position report, ESC [
// row ; column R: the terminal's last answer.
func cursorReport(s string) bool {
	for i := strings.Index(s, "\x1b["); i >= 0; {
		j := i + 2
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';') {
			j++
		}
		if j < len(s) && s[j] == 'R' && j > i+2 {
			return true
		}
		k := strings.Index(s[i+1:], "\x1b[")
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}
