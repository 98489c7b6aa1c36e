package main

import "time"

// The reader and --print show times in the local zone; the goldens are
// written in UTC, so they read the same on any machine.
func init() { time.Local = time.UTC }
