//go:build unix

package tui

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
)

// SignalOptions are the options a program watched by WatchSignals is
// made with: the signals bubbletea would handle are WatchSignals'.
func SignalOptions() []tea.ProgramOption {
	return []tea.ProgramOption{tea.WithoutSignalHandler()}
}

// WatchSignals gives the terminal back on the signals bubbletea leaves to
// their default action, which would end or stop redline with the screen
// still in the alternate buffer, the cursor hidden, and mouse reporting
// and bracketed paste on:
//
//   - SIGHUP, SIGQUIT, SIGINT and SIGTERM quit the program the ordinary
//     way, which restores the terminal (Go would otherwise die on SIGQUIT
//     with a stack dump), and ended says which, for an exit status of
//     128 plus its number, as a shell gives;
//   - an external SIGTSTP (ctrl+z is a key in raw mode) releases the
//     terminal, then stops the process with SIGSTOP, which cannot be
//     ignored; on SIGCONT the terminal is taken back, mouse reporting
//     enabled again (RestoreTerminal does not) and the screen redrawn.
//
// bubbletea v1 would handle SIGINT and SIGTERM itself, ending in an
// error or in an ordinary quit that says nothing of the signal: the
// program is made WithoutSignalHandler (SIGWINCH is its own still). stop
// ends the watch; ended is the signal that quit the program, nil when
// none did.
func WatchSignals(p *tea.Program) (stop func(), ended func() os.Signal) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGHUP, syscall.SIGQUIT, syscall.SIGINT, syscall.SIGTERM, syscall.SIGTSTP)
	done := make(chan struct{})
	var mu sync.Mutex
	var got os.Signal
	go func() {
		for {
			select {
			case <-done:
				return
			case s := <-ch:
				if s == syscall.SIGTSTP {
					suspend(p)
					continue
				}
				mu.Lock()
				got = s
				mu.Unlock()
				p.Quit()
			}
		}
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			signal.Stop(ch)
			close(done)
		})
	}
	ended = func() os.Signal {
		mu.Lock()
		defer mu.Unlock()
		return got
	}
	return stop, ended
}

// suspend releases the terminal, stops the process, and takes the
// terminal back when it is continued.
//
// It waits for SIGCONT itself before taking the terminal back: a stop
// sent to the whole process may take effect a moment after kill returns,
// and the terminal must not be taken back in that moment.
func suspend(p *tea.Program) {
	if err := p.ReleaseTerminal(); err != nil {
		return
	}
	cont := make(chan os.Signal, 1)
	signal.Notify(cont, syscall.SIGCONT)
	defer signal.Stop(cont)
	_ = syscall.Kill(os.Getpid(), syscall.SIGSTOP)
	<-cont
	if err := p.RestoreTerminal(); err != nil {
		return
	}
	p.Send(tea.EnableMouseCellMotion())
}

// suspendCmd stops redline as a shell's job, as ctrl+z at a cooked
// terminal would: the SIGTSTP it raises is WatchSignals', which gives the
// terminal back first.
func suspendCmd() tea.Cmd {
	return func() tea.Msg {
		syscall.Kill(syscall.Getpid(), syscall.SIGTSTP)
		return nil
	}
}
