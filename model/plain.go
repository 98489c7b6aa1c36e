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
		if len(cur) > 0 {
			if p := collapseSpace(strings.Join(cur, " ")); p != "" {
				out = append(out, p)
			}
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}
