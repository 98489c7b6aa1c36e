package model

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// InputError is a problem with an input, located in its file and, where it
// applies, its line. Its message reads "FILE[:LINE]: what is wrong".
type InputError struct {
	File string // the file as the user named it
	Line int    // 1-based; 0 when the problem is not on one line
	Msg  string
	// Err is the kind of problem, when it is one a caller tells apart
	// (ErrNoText), reached with errors.Is; nil otherwise.
	Err error
}

// ErrNoText is the kind of an InputError for input that holds no text at
// all: empty, white space only, or binary (a NUL byte). A folder's file
// of that kind is skipped, where a file too large or unreadable is not.
var ErrNoText = errors.New("no text")

func (e *InputError) Unwrap() error { return e.Err }

// NoTextErrorf builds an *InputError of kind ErrNoText.
func NoTextErrorf(file string, line int, format string, args ...any) error {
	return &InputError{File: file, Line: line, Msg: fmt.Sprintf(format, args...), Err: ErrNoText}
}

func (e *InputError) Error() string { return e.Where() + ": " + e.Msg }

// Where is the error's place: "FILE" or "FILE:LINE".
func (e *InputError) Where() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return e.File
}

// InputErrorf builds an *InputError with a formatted message.
func InputErrorf(file string, line int, format string, args ...any) error {
	return &InputError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// decodeText turns raw input into clean text: a UTF-8 byte-order mark is
// dropped, CRLF and lone CR become LF, text in an 8-bit code page
// (legacy8Bit) is read as Windows-1252, and in UTF-8 text each invalid
// byte becomes U+FFFD so that one bad byte never hides the rest of the
// file. Input that holds NUL bytes is binary and refused, as is input
// with no text at all. UTF-16 text with its byte-order mark (what Windows
// editors save as "Unicode") is read as text, little- or big-endian.
func DecodeText(file string, data []byte) (string, error) {
	t, _, err := DecodeTextAs(file, data, false)
	return t, err
}

// DecodeOwnedText is DecodeText of data no one writes to again: text that
// needs no mending is data itself, not a copy of it (a 30 MB input is 30
// MB less at its peak). The caller must not change data afterwards.
func DecodeOwnedText(file string, data []byte) (string, error) {
	t, _, err := DecodeTextAs(file, data, true)
	return t, err
}

// DecodeTextAs is DecodeText (owned false) or DecodeOwnedText (owned
// true), saying whether the text was read as Windows-1252 (legacy8Bit):
// what a reader notes, since the file did not say so itself.
func DecodeTextAs(file string, data []byte, owned bool) (text string, windows1252 bool, err error) {
	if u, ok := fromUTF16(data); ok {
		data = u
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return "", false, NoTextErrorf(file, 0, "the file is empty")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", false, NoTextErrorf(file, LineOf(data, i), "binary data (a NUL byte), not text")
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	valid := utf8.Valid(data)
	if !valid && legacy8Bit(data) {
		if dec, err := charmap.Windows1252.NewDecoder().Bytes(data); err == nil {
			data, valid, windows1252 = dec, true, true // a copy: owned whatever data was
		}
	}
	if valid && bytes.IndexByte(data, '\r') < 0 {
		// The common case: nothing to mend.
		if owned && len(data) > 0 {
			return unsafe.String(&data[0], len(data)), windows1252, nil
		}
		return string(data), windows1252, nil
	}
	return mend(data), windows1252, nil
}

// mend is text with CR line ends made LF and each invalid UTF-8 byte
// U+FFFD.
func mend(data []byte) string {
	var b strings.Builder
	b.Grow(len(data))
	for len(data) > 0 {
		c := data[0]
		if c < utf8.RuneSelf {
			if c == '\r' {
				b.WriteByte('\n')
				if len(data) > 1 && data[1] == '\n' {
					data = data[1:]
				}
			} else {
				b.WriteByte(c)
			}
			data = data[1:]
			continue
		}
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(data[:size])
		}
		data = data[size:]
	}
	return b.String()
}

// ReadAsWindows1252 is what the notes say of text DecodeTextAs read as
// Windows-1252, after the input it names.
const ReadAsWindows1252 = "not UTF-8: read as Windows-1252 (Latin-1)"

// ReadWithReplacement is the note on text that is UTF-8 but for a few
// bytes, each read as U+FFFD (WHATWG's decoding): two different such
// bytes read alike, so an edit between them is not seen.
const ReadWithReplacement = "UTF-8 but for bytes that are not, each read as � (U+FFFD), so that two different ones read alike"

// Replaced reports whether text, which DecodeTextAs read from data as
// UTF-8, holds U+FFFD for bytes that were not UTF-8: what a reader's
// note says (ReadWithReplacement). Data that spells a U+FFFD of its own
// gets none.
func Replaced(data []byte, text string) bool {
	return !utf8.Valid(data) && strings.ContainsRune(text, utf8.RuneError) &&
		!bytes.Contains(data, []byte(string(utf8.RuneError)))
}

// legacy8Bit reports whether data is text in an 8-bit code page rather
// than UTF-8: it is not valid UTF-8, and not one of its high bytes starts
// a UTF-8 sequence (UTF-8 with a bad byte here and there has many that
// do). DecodeText reads such text as Windows-1252, the superset of
// Latin-1 that HTML also takes as the default (WHATWG Encoding); a file
// in another code page (KOI8-R, Shift JIS) comes out wrong, as it would
// as UTF-8.
func legacy8Bit(data []byte) bool {
	high := false // a high byte seen: ASCII alone is UTF-8
	for i := 0; i < len(data); i++ {
		if data[i] < utf8.RuneSelf {
			continue
		}
		if _, size := utf8.DecodeRune(data[i:]); size > 1 {
			return false
		}
		high = true
	}
	return high
}

// lineOf is the 1-based line number of byte offset i in data.
func LineOf(data []byte, i int) int {
	return bytes.Count(data[:i], []byte("\n")) + 1
}

// CollapseSpace trims s and folds every run of ASCII whitespace into one
// space, the way NewsSniffer's pages and most archives present paragraphs.
// Other spaces (no-break, ideographic) are text and kept.
func CollapseSpace(s string) string {
	if s == "" {
		return s
	}
	if SpaceClean(s) {
		return s // already clean: the common case, found without a copy
	}
	// One pass into one buffer: splitting into fields first would hold a
	// string header for every word (800 MB for 20 MB of one-letter
	// words).
	var b strings.Builder
	b.Grow(len(s))
	space := false // a run of spaces waits to be written as one
	for i := 0; i < len(s); i++ {
		c := s[i]
		if spaceClass[c] != 0 {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}

// SpaceClean reports whether s needs no collapsing of ASCII spaces: no
// space at either end, no two in a row, and no other ASCII space (tab,
// line break, form feed, vertical tab). One pass without a branch a
// byte: a search for each of the six cases cost more, called once a
// paragraph, than the paragraph's length. "" is clean.
func SpaceClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	// Eight bytes at a time while they hold no control byte: a space
	// beside a space, in the word or across from the last, is the one
	// thing to find (Hacker's Delight's exact zero-byte test, 6-1).
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	k, prev := 0, uint64(0) // prev: the byte before k is a space
	for ; k+8 <= len(s); k += 8 {
		w := uint64(s[k]) | uint64(s[k+1])<<8 | uint64(s[k+2])<<16 | uint64(s[k+3])<<24 |
			uint64(s[k+4])<<32 | uint64(s[k+5])<<40 | uint64(s[k+6])<<48 | uint64(s[k+7])<<56
		if ^((w&lows)+0x60*ones|w)&highs != 0 {
			break // a byte under 0x20 (a tab, a line end): byte by byte
		}
		x := w ^ 0x20*ones
		sp := ^((x & lows) + lows | x) & highs // the high bit of each space
		if sp&(sp<<8) != 0 || prev&sp != 0 {
			return false
		}
		prev = sp >> 56 & 0x80 // the last byte's, as the first's next word
	}
	bad, p := uint8(0), uint8(prev>>7)
	for ; k < len(s); k++ {
		c := spaceClass[s[k]]
		bad |= c&p | c>>1
		p = c & 1
	}
	return bad == 0
}

// spaceClass is 1 for ' ', 2 for the other ASCII spaces, else 0.
var spaceClass = [256]uint8{' ': 1, '\t': 2, '\n': 2, '\r': 2, '\f': 2, '\v': 2}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

// fromUTF16 is data re-encoded as UTF-8 when it starts with a UTF-16
// byte-order mark; a lone surrogate becomes U+FFFD, and an odd last byte
// is dropped with it.
func fromUTF16(data []byte) ([]byte, bool) {
	var big bool
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		big = true
	default:
		return nil, false
	}
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i+1 < len(data); i += 2 {
		if big {
			units = append(units, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			units = append(units, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	out := make([]byte, 0, len(units)+len(units)/2)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out, true
}
