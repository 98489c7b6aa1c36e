package model

import (
	"runtime"
	"sync"
)

// Spread calls f over [0, n) in chunks, one a core, when n is at least
// least and there is more than one core; otherwise once, whole, on the
// calling goroutine. f must not depend on the order the chunks run in.
// A panic in a chunk is raised again on the caller once every chunk has
// ended, where a program's guard can catch it: on a goroutine of its own
// it would end the process with the terminal still raw.
func Spread(n, least int, f func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < least || workers < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	var once sync.Once
	var panicked any
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { panicked = r })
				}
			}()
			f(lo, hi)
		}(lo, min(lo+chunk, n))
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
