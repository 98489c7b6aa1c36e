//go:build unix

package main

import (
	"os/signal"
	"syscall"
)

// dieOf ends the process by signal s, its handler taken away first, as a
// process that never caught it would end: a shell loop around redline
// then stops too, where an exit status of 128 plus s would let it go on
// (the shell takes that as the child having handled the signal). SIGQUIT
// is the exception: raised again it would dump Go's stacks, so it gives
// the status; dieOf returns only then.
func dieOf(s syscall.Signal) int {
	if s == syscall.SIGQUIT {
		return 128 + int(s)
	}
	signal.Reset(s)
	syscall.Kill(syscall.Getpid(), s)
	select {} // the signal ends the process
}

// dieOfInterrupt is dieOf(SIGINT).
func dieOfInterrupt() { dieOf(syscall.SIGINT) }
