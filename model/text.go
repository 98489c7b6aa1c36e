package model

import (
	"os"
	"strings"
	"unicode/utf8"
)

// SplitParagraphs splits text at blank lines and collapses the whitespace
// of each block; nil when it holds none.
func SplitParagraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		switch len(cur) {
		case 0:
			return
		case 1:
			// One line: a slice of the text, not a copy.
			if p := CollapseSpace(cur[0]); p != "" {
				out = append(out, p)
			}
		default:
			if p := CollapseSpace(strings.Join(cur, " ")); p != "" {
				out = append(out, p)
			}
		}
		cur = cur[:0]
	}
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if isBlank(line) {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}

// isBlank reports whether line holds nothing but white space (Unicode's,
// as a no-break space is no paragraph).
func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// UnwrapPathError drops the path that *os.PathError repeats, since the
// message already starts with it.
func UnwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// NaturalLess orders names as people do: runs of digits compare as
// numbers, so draft-2 comes before draft-10.
func NaturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digitRun(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// MaxHeadlineRunes is the longest first line read as a plain version's
// headline: news headlines run to about a hundred characters.
const MaxHeadlineRunes = 120

// LooksLikeHeadline reports whether a plain version's first paragraph p
// is its headline: it stood on one line of its own (oneLine), more text
// follows (more), it is at most MaxHeadlineRunes long and it does not end
// in a full stop. Plain files and git histories read headlines by this
// one rule.
func LooksLikeHeadline(p string, oneLine, more bool) bool {
	return oneLine && more && p != "" && !strings.HasSuffix(p, ".") && utf8.RuneCountInString(p) <= MaxHeadlineRunes
}

// PlainHeadline is the one rule by which every reader of plain text
// (files, folders, git histories) takes a version's first line as its
// headline: the first line that is not blank (white space only), its
// spaces collapsed, when it reads like a headline (LooksLikeHeadline),
// the line after it is blank and a line that is not blank follows. rest
// is the text after that blank line. text is decoded (DecodeText: LF line
// ends). ok is false, with headline and rest "", when it has none.
func PlainHeadline(text string) (headline, rest string, ok bool) {
	first, after, ended := FirstLine(text)
	if !ended {
		return "", "", false
	}
	blank, body, _ := strings.Cut(after, "\n")
	headline = CollapseSpace(first)
	if !LooksLikeHeadline(headline, strings.TrimSpace(blank) == "", strings.TrimSpace(body) != "") {
		return "", "", false
	}
	return headline, body, true
}

// AgreePlainHeadlines is the half of the plain headline rule that needs
// the other versions: a version read with no headline whose first
// paragraph is another version's headline with a full stop added
// ("Mayor resigns over scandal.") takes that paragraph as its headline.
// Read alone, each would have shown "headline removed, paragraph added"
// for one full stop. Every reader of plain text applies it to the
// versions it read, after the title is taken: a title is a headline a
// version has read alone, which a reader of the newest versions can
// tell from the first bytes of older files.
//
// open reports that a version still has a first paragraph that a
// headline among other versions, not in vs, could settle: a reader of
// only the newest versions then reads them all.
func AgreePlainHeadlines(vs []Version) (open bool) {
	headlines := map[string]bool{}
	for _, v := range vs {
		if v.Headline != "" {
			headlines[v.Headline] = true
		}
	}
	for i := range vs {
		v := &vs[i]
		h, ok := fullStopHeadline(*v)
		if !ok {
			continue
		}
		if !headlines[h] {
			open = true
			continue
		}
		// Plain text guesses nothing: no Guessed index to shift.
		v.Headline, v.Paragraphs = v.Paragraphs[0], v.Paragraphs[1:]
	}
	return open
}

// fullStopHeadline is v's first paragraph less its full stop, when v has
// no headline and that paragraph would read as one but for the full stop
// (LooksLikeHeadline, with text after it).
func fullStopHeadline(v Version) (string, bool) {
	if v.Headline != "" || len(v.Paragraphs) < 2 {
		return "", false
	}
	h, ok := strings.CutSuffix(v.Paragraphs[0], ".")
	if !ok || !LooksLikeHeadline(h, true, true) {
		return "", false
	}
	return h, true
}

// FirstLine is the first line of text that is not blank (white space
// only), without its line end, and the text after that line end; ended is
// false when no line end follows it (text ends inside it, or has no such
// line).
func FirstLine(text string) (line, after string, ended bool) {
	for {
		line, after, ended = strings.Cut(text, "\n")
		if strings.TrimSpace(line) != "" || !ended {
			return line, after, ended
		}
		text = after
	}
}
