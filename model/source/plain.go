package source

import (
	"strings"

	"redline/model"
)

// ReadPlain reads one plain-text version: paragraphs are separated by
// blank lines, and the lines inside a paragraph join with one space. Its
// first line is its headline when it reads like one (see plainHeadline);
// file names the version's label.
func ReadPlain(file, text string) model.Version {
	v := model.Version{Label: file}
	if h, rest, ok := plainHeadline(text); ok {
		v.Headline, text = h, rest
	}
	v.Paragraphs = model.SplitParagraphs(text)
	if v.Paragraphs == nil {
		v.Paragraphs = []string{}
	}
	return v
}

// plainHeadline takes a version's first line as its headline when it
// reads like one (model.LooksLikeHeadline): a line of its own followed
// by a blank line and more text. Otherwise it is the first paragraph.
func plainHeadline(text string) (headline, rest string, ok bool) {
	text = strings.TrimLeft(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	first, after, found := strings.Cut(text, "\n")
	if !found {
		return "", "", false
	}
	first = model.CollapseSpace(first)
	blank, body, _ := strings.Cut(after, "\n")
	if !model.LooksLikeHeadline(first, strings.TrimSpace(blank) == "", strings.TrimSpace(body) != "") {
		return "", "", false
	}
	return first, body, true
}
