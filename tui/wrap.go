package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// role is what a run of text is to the reader, and so how it is drawn.
type role int8

const (
	rolePlain role = iota
	roleDeleted
	roleInserted
)

// span is a run of text in one role.
type span struct {
	text  string
	role  role
	match bool // part of a search match
}

// with is the span's role and mark on other text.
func (s span) with(text string) span { return span{text, s.role, s.match} }

// plain is text in no role.
func plain(text string) []span { return []span{{text: text}} }

// Markers for edits where colour is not available, as in
// git diff --word-diff=plain.
const (
	delOpen, delClose = "[-", "-]"
	insOpen, insClose = "{+", "+}"
)

// wrapSpans lays spans out in lines no wider than width cells. Lines break
// at spaces; a word wider than a line breaks between grapheme clusters, so
// no character is ever split.
func wrapSpans(spans []span, width int) [][]span {
	w := lineWrapper{width: max(width, 1)}
	var pending []span // spaces waiting for the next word
	flushWord := func(word []span) {
		if len(word) == 0 {
			return
		}
		if w.fits(pending, word) {
			w.add(pending...)
			w.add(word...)
		} else {
			w.newLine()
			if w.fits(nil, word) {
				w.add(word...)
			} else {
				w.addBroken(word)
			}
		}
		pending = pending[:0]
	}
	var word []span
	for _, s := range spans {
		text := s.text
		for text != "" {
			i := strings.IndexByte(text, ' ')
			if i < 0 {
				word = append(word, s.with(text))
				break
			}
			if i > 0 {
				word = append(word, s.with(text[:i]))
			}
			flushWord(word)
			word = word[:0]
			j := i
			for j < len(text) && text[j] == ' ' {
				j++
			}
			pending = append(pending, s.with(text[i:j]))
			text = text[j:]
		}
	}
	flushWord(word)
	return w.done()
}

// lineWrapper builds lines of spans, keeping the current line's width.
type lineWrapper struct {
	width int
	lines [][]span
	cur   []span
	curW  int
}

// cost is how much appending spans to a line widens it.
func cost(ss []span) int {
	n := 0
	for _, s := range ss {
		n += ansi.StringWidth(s.text)
	}
	return n
}

func (w *lineWrapper) fits(spaces, word []span) bool {
	if len(w.cur) == 0 {
		spaces = nil // a line never starts with a space
	}
	return w.curW+cost(spaces)+cost(word) <= w.width
}

func (w *lineWrapper) add(ss ...span) {
	for _, s := range ss {
		if len(w.cur) == 0 && strings.TrimLeft(s.text, " ") == "" {
			continue
		}
		w.curW += cost([]span{s})
		if n := len(w.cur); n > 0 && w.cur[n-1].role == s.role && w.cur[n-1].match == s.match {
			w.cur[n-1].text += s.text
		} else {
			w.cur = append(w.cur, s)
		}
	}
}

// addBroken lays out a word wider than a line, a grapheme cluster at a
// time.
func (w *lineWrapper) addBroken(word []span) {
	for _, s := range word {
		g := uniseg.NewGraphemes(s.text)
		for g.Next() {
			piece := s.with(g.Str())
			if len(w.cur) > 0 && w.curW+cost([]span{piece}) > w.width {
				w.newLine()
			}
			w.add(piece)
		}
	}
}

func (w *lineWrapper) newLine() {
	if len(w.cur) > 0 {
		w.lines = append(w.lines, w.cur)
	}
	w.cur, w.curW = nil, 0
}

func (w *lineWrapper) done() [][]span {
	w.newLine()
	if len(w.lines) == 0 {
		return [][]span{nil}
	}
	return w.lines
}
