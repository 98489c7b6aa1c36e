//go:build !unix

package main

import (
	"os"
	"syscall"
)

// dieOf gives the status a shell gives a process signal s ended, where a
// process cannot send itself the signal.
func dieOf(s syscall.Signal) int { return 128 + int(s) }

// dieOfInterrupt ends the process with the status a shell gives ctrl+c.
func dieOfInterrupt() { os.Exit(130) }
