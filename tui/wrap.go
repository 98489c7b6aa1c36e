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
	// The halves of a typographic-only edit (quote style, dash kind,
	// spacing): marked like any edit, drawn dimmer than wording.
	roleDeletedTypo
	roleInsertedTypo
	// The halves of an edit that is only typography, punctuation or
	// spelling while the reader dims those (the d key).
	roleDeletedMinor
	roleInsertedMinor
)

// edit is the role as an edit marker sees it: a typographic deletion is
// a deletion.
func (r role) edit() role {
	switch r {
	case roleDeletedTypo, roleDeletedMinor:
		return roleDeleted
	case roleInsertedTypo, roleInsertedMinor:
		return roleInserted
	}
	return r
}

// span is a run of text in one role.
type span struct {
	text  string
	role  role
	match bool // part of a search match
}

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
	w := lineWrapper{spans: spans, width: max(width, 1)}
	var pending, word []piece // spaces waiting for the next word; the word
	flushWord := func() {
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
		pending, word = pending[:0], word[:0]
	}
	for si, s := range spans {
		text := s.text
		for at := 0; at < len(text); {
			i := strings.IndexByte(text[at:], ' ')
			if i < 0 {
				word = append(word, w.piece(si, at, len(text)))
				break
			}
			if i > 0 {
				word = append(word, w.piece(si, at, at+i))
			}
			flushWord()
			j := at + i
			for j < len(text) && text[j] == ' ' {
				j++
			}
			pending = append(pending, w.piece(si, at+i, j))
			at = j
		}
	}
	flushWord()
	return w.done()
}

// piece is a stretch of one span's text, kept as offsets so that a line's
// text is a slice of the spans', not a copy.
type piece struct {
	span, start, end int
	width            int
	space            bool
}

// lineWrapper builds lines of pieces, keeping the current line's width.
type lineWrapper struct {
	spans []span
	width int
	lines [][]span
	cur   []piece
	curW  int
}

func (w *lineWrapper) piece(si, start, end int) piece {
	text := w.spans[si].text[start:end]
	return piece{span: si, start: start, end: end, width: textWidth(text), space: text[0] == ' '}
}

// textWidth is the cells text takes: its length when it is plain ASCII.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

func widthOf(ps []piece) int {
	n := 0
	for _, p := range ps {
		n += p.width
	}
	return n
}

func (w *lineWrapper) fits(spaces, word []piece) bool {
	if len(w.cur) == 0 {
		spaces = nil // a line never starts with a space
	}
	return w.curW+widthOf(spaces)+widthOf(word) <= w.width
}

func (w *lineWrapper) add(ps ...piece) {
	for _, p := range ps {
		if len(w.cur) == 0 && p.space {
			continue
		}
		w.curW += p.width
		w.cur = append(w.cur, p)
	}
}

// addBroken lays out a word wider than a line, a grapheme cluster at a
// time. An edit marker ([- -] {+ +}) is never cut: an opening marker
// travels with the cluster after it and a closing one with the cluster
// before it, so no line ends in "[" and none starts with "-]" — in
// scripts without spaces, such as Chinese, this is where words break.
func (w *lineWrapper) addBroken(word []piece) {
	for _, p := range word {
		text := w.spans[p.span].text[p.start:p.end]
		for at := 0; at < len(text); {
			var end int
			switch m := markerLen(text[at:]); {
			case m > 0 && isCloser(text[at:]):
				end = at + m
			case m > 0:
				end = at + m
				if end < len(text) {
					end += clusterLen(text[end:])
				}
			default:
				end = at + clusterLen(text[at:])
				if isCloser(text[end:]) {
					end += markerLen(text[end:])
				}
			}
			q := w.piece(p.span, p.start+at, p.start+end)
			if len(w.cur) > 0 && w.curW+q.width > w.width {
				w.newLine()
			}
			w.add(q)
			at = end
		}
	}
}

// markerLen is the length of the edit marker s starts with, or 0.
func markerLen(s string) int {
	for _, m := range [...]string{delOpen, delClose, insOpen, insClose} {
		if strings.HasPrefix(s, m) {
			return len(m)
		}
	}
	return 0
}

// isCloser reports whether s starts with a closing edit marker.
func isCloser(s string) bool {
	return strings.HasPrefix(s, delClose) || strings.HasPrefix(s, insClose)
}

// clusterLen is the length of the grapheme cluster s starts with.
func clusterLen(s string) int {
	c, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	return len(c)
}

// newLine ends the current line, joining its pieces into spans: pieces
// that lie side by side in one span become one slice of it, not a copy.
func (w *lineWrapper) newLine() {
	if len(w.cur) > 0 {
		line := make([]span, 0, 4)
		from, to := -1, -1 // the slice the last span still is, if it is one
		for i, p := range w.cur {
			src := w.spans[p.span]
			n := len(line)
			switch {
			case i > 0 && from >= 0 && w.cur[i-1].span == p.span && to == p.start:
				to = p.end
				line[n-1].text = src.text[from:to]
			case n > 0 && line[n-1].role == src.role && line[n-1].match == src.match:
				line[n-1].text += src.text[p.start:p.end]
				from = -1
			default:
				line = append(line, span{text: src.text[p.start:p.end], role: src.role, match: src.match})
				from, to = p.start, p.end
			}
		}
		w.lines = append(w.lines, line)
	}
	w.cur, w.curW = w.cur[:0], 0
}

func (w *lineWrapper) done() [][]span {
	w.newLine()
	if len(w.lines) == 0 {
		return [][]span{nil}
	}
	return w.lines
}

// wrapPlain is wrapSpans' fast path for plain text whose every character
// takes one cell — Latin text with its quotes and dashes, the common case
// of an unchanged paragraph: the lines are slices of text. ok is false
// for text with wide, combining, invisible or control characters.
func wrapPlain(text string, width int) (lines []string, ok bool) {
	ascii := true
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 0x20 || c == 0x7f {
			return nil, false
		} else if c >= 0x80 {
			ascii = false
		}
	}
	if !ascii {
		for _, r := range text {
			if !oneCell(r) {
				return nil, false
			}
		}
	}
	width = max(width, 1)
	// cut is the byte offset after the first n characters of s.
	cut := func(s string, n int) int {
		if ascii {
			return min(n, len(s))
		}
		for i := range s {
			if n == 0 {
				return i
			}
			n--
		}
		return len(s)
	}
	// Whether the rest is wider than a line is told from a line's worth
	// of it: counting all of it at every line makes a long paragraph (600
	// KB beyond ASCII) take seconds.
	for cut(text, width) < len(text) {
		end := cut(text, width+1)
		sp := strings.LastIndexByte(text[:end], ' ')
		if sp <= 0 {
			// A word longer than the line: break it.
			w := cut(text, width)
			lines = append(lines, text[:w])
			text = strings.TrimLeft(text[w:], " ")
			continue
		}
		lines = append(lines, strings.TrimRight(text[:sp], " "))
		text = strings.TrimLeft(text[sp:], " ")
	}
	if text = strings.TrimRight(text, " "); text != "" || len(lines) == 0 {
		lines = append(lines, text)
	}
	return lines, true
}

// oneCell reports whether r surely takes one terminal cell: Latin,
// Greek and Cyrillic letters, and the general punctuation of news text
// (curly quotes, dashes, ellipsis), but no combining or invisible marks.
func oneCell(r rune) bool {
	switch {
	case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xad:
		return false
	case r < 0x300:
		return true
	case r >= 0x370 && r < 0x483:
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e, r >= 0x20a0 && r <= 0x20c0:
		return true
	}
	return false
}
