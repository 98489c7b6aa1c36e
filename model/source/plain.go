package source

import "redline/model"

// ReadPlain reads one plain-text version: paragraphs are separated by
// blank lines, and the lines inside a paragraph join with one space. Its
// first line is its headline when it reads like one (model.PlainHeadline);
// file names the version's label.
func ReadPlain(file, text string) model.Version {
	v := model.Version{Label: file}
	if h, rest, ok := model.PlainHeadline(text); ok {
		v.Headline, text = h, rest
	}
	v.Paragraphs = model.SplitParagraphs(text)
	if v.Paragraphs == nil {
		v.Paragraphs = []string{}
	}
	return v
}
