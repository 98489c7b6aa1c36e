// Package earlyterm keeps bubbletea v1 from asking the terminal for its
// background colour while the program starts.
//
// bubbletea v1.3.10 asks in its package init (tea_init.go calls
// lipgloss.HasDarkBackground, which sends OSC 11 through termenv), before
// main runs and whatever the command line asks for, and termenv v0.16.0
// then waits a fixed 5 s (a constant) for a terminal that never answers,
// on every start: --version and --print included, with the keys typed
// meanwhile eaten. bubbletea v2 removes the query; until redline moves to
// it, this package runs first and makes that query return at once:
// termenv asks nothing of a terminal whose TERM is "dumb".
//
// It runs first because Go initialises packages in the order of their
// import paths among those whose imports are ready (the Go spec, "Package
// initialization", since Go 1.21), and this module's path,
// earlyterm.invalid/redline, sorts before github.com/charmbracelet/…. It
// is a module of its own for that reason alone (.invalid is a name that
// can never be fetched); main imports it and calls Restore first thing,
// so TERM is the user's again before anything else reads it. Redline then
// asks the terminal itself, with a short bound, only when the reader will
// draw in colour.
package earlyterm

import "os"

// term is TERM as the user set it; set is false when it was unset.
var (
	term string
	set  bool
)

func init() {
	term, set = os.LookupEnv("TERM")
	os.Setenv("TERM", "dumb")
}

// Restore gives TERM back its value from before the program started.
func Restore() {
	if set {
		os.Setenv("TERM", term)
	} else {
		os.Unsetenv("TERM")
	}
}
