package web

import (
	"strings"
	"time"
	"unicode"

	"redline/model"
)

// timeline gathers extracted pages into an article, oldest first, keeping
// a page only when its text differs from the version before it: archives
// capture the same text many times over, and a reader wants changes.
type timeline struct {
	a    model.Article
	last string // headline and paragraphs of the newest version, joined
	// files: the versions are saved pages, named by their files (a
	// note names one as it is), not captures named by their time.
	files bool
}

func newTimeline(source, url string) *timeline {
	return &timeline{a: model.Article{Source: source, URL: url, Versions: []model.Version{}}}
}

// add appends p as a version seen at t (zero: unknown) named label, and
// reports whether it was new text.
func (t *timeline) add(p Page, at time.Time, label string) bool {
	if p.Decoding != "" {
		if t.files {
			t.note("%s: %s", label, p.Decoding)
		} else {
			t.note("capture %s: %s", label, p.Decoding)
		}
	}
	// The byline is part of what a version says: a capture that changed
	// it alone is a version (the header names it), not dropped. Its
	// figures are not ("By X · 3 hours ago" against "· 4 hours ago").
	byline := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, p.Byline)
	key := byline + "\x00" + p.Headline + "\x00" + strings.Join(p.Paragraphs, "\x00")
	if len(t.a.Versions) > 0 && key == t.last {
		return false
	}
	t.last = key
	v := model.Version{
		Number:     len(t.a.Versions) + 1,
		Headline:   p.Headline,
		Label:      label,
		Author:     p.Byline,
		Paragraphs: p.Paragraphs,
	}
	if !at.IsZero() {
		v.Time = at.UTC().Format(time.RFC3339)
	}
	if len(t.a.Versions) == 0 && !p.Published.IsZero() {
		t.a.FirstSeen = p.Published.UTC().Format(time.RFC3339)
	}
	t.a.Versions = append(t.a.Versions, v)
	t.a.Title = p.Headline
	return true
}

// note records something the reader should know, e.g. a skipped capture.
func (t *timeline) note(format string, args ...any) {
	t.a.Notes = append(t.a.Notes, oneLine(sprintf(format, args...)))
}

// article is a copy of the article so far that later adds do not change.
func (t *timeline) article() model.Article {
	a := t.a
	a.Versions = append([]model.Version(nil), t.a.Versions...)
	a.Notes = append([]string(nil), t.a.Notes...)
	return a
}
