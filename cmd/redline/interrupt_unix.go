//go:build unix

package main

import (
	"os"
	"os/signal"
	"syscall"
)

// dieOfInterrupt ends the process by SIGINT, its handler taken away
// first, as a process that never caught it would end: a shell loop
// around redline then stops too, where an exit status of 130 would let
// it go on (the shell takes that as the child having handled ctrl+c).
func dieOfInterrupt() {
	signal.Reset(os.Interrupt)
	syscall.Kill(os.Getpid(), syscall.SIGINT)
	select {} // the signal ends the process
}
