//go:build !unix

package main

import "os"

// dieOfInterrupt ends the process with the status a shell gives ctrl+c,
// where a process cannot send itself the signal.
func dieOfInterrupt() { os.Exit(130) }
