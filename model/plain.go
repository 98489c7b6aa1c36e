package model

import (
	"strings"
)

// ReadPlain reads one plain-text version: paragraphs are separated by
// blank lines, and the lines inside a paragraph join with one space.
func ReadPlain(file, text string) Version {
	v := Version{Label: file, Paragraphs: splitBlocks(text)}
	if v.Paragraphs == nil {
		v.Paragraphs = []string{}
	}
	return v
}

// splitBlocks splits text at blank lines and collapses the whitespace of
// each block.
func splitBlocks(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		switch len(cur) {
		case 0:
			return
		case 1:
			// One line: a slice of the text, not a copy.
			if p := collapseSpace(cur[0]); p != "" {
				out = append(out, p)
			}
		default:
			if p := collapseSpace(strings.Join(cur, " ")); p != "" {
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
