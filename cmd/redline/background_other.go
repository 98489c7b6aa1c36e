//go:build !unix

package main

import "time"

// askBackground asks nothing where redline has no way to wait for the
// terminal with a bound: the background is taken as dark.
func askBackground(time.Duration) (dark, ok bool) { return false, false }
