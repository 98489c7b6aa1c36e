package web

import (
	"errors"
	"fmt"
)

// Problem names what went wrong when opening an article from the web, so
// a caller can tell the cases apart with errors.Is and map them all to
// one exit status.
type Problem int

// The problems Open, OpenWARC and ReadSavedPages report as an *Error.
const (
	// NotHTTP: the URL is not an absolute http or https URL.
	NotHTTP Problem = iota + 1
	// NoNetwork: no archive could be reached and the cache holds nothing.
	NoNetwork
	// NoCaptures: the archives hold no usable capture of the URL.
	NoCaptures
	// Refused: an archive refused (403, or 429/5xx after every retry).
	Refused
	// OfflineEmpty: Offline was set and the cache holds nothing for the URL.
	OfflineEmpty
	// Unsupported: the input is recognised but cannot be read yet.
	Unsupported
	// Unreadable: a file (WARC, saved page, compressed input) cannot be read.
	Unreadable
	// Mixed: saved pages of more than one article.
	Mixed
	// BadAnswer: an archive answered, but not with a list of captures.
	BadAnswer
)

var problemNames = map[Problem]string{
	NotHTTP:      "not an http(s) URL",
	NoNetwork:    "no network and nothing cached",
	NoCaptures:   "no captures",
	Refused:      "the archive refused",
	OfflineEmpty: "offline and nothing cached",
	Unsupported:  "not supported yet",
	Unreadable:   "cannot be read",
	Mixed:        "pages of different articles",
	BadAnswer:    "the archive's answer could not be read",
}

// String is the problem's short name, e.g. "no captures".
func (p Problem) String() string {
	if s, ok := problemNames[p]; ok {
		return s
	}
	return "problem " + fmt.Sprint(int(p))
}

// Error is one bad outcome of reading an article from the web. Its message
// is one line: "INPUT: what went wrong". Input is the URL or file as the
// user gave it; Err, when set, is the cause (reachable with errors.Unwrap).
type Error struct {
	Input   string
	Problem Problem
	Detail  string // the specifics, e.g. "HTTP 403 from web.archive.org"
	Err     error
}

func (e *Error) Error() string {
	msg := e.Problem.String()
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	return oneLine(e.Input + ": " + msg)
}

func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, &Error{Problem: p}) match any *Error with that
// problem, whatever its input or detail.
func (e *Error) Is(target error) bool {
	var t *Error
	if errors.As(target, &t) {
		return t.Problem == e.Problem && t.Input == "" && t.Detail == ""
	}
	return false
}

func newErr(input string, p Problem, err error, format string, args ...any) *Error {
	return &Error{Input: input, Problem: p, Detail: fmt.Sprintf(format, args...), Err: err}
}

// oneLine folds line breaks and other control bytes into spaces so that an
// error from a server never spreads over several lines of stderr.
func oneLine(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c == 0x7f {
			b[i] = ' '
		}
	}
	return string(b)
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
