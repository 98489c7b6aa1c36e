package source

import "redline/model"

// ReadPlain reads one plain-text version: paragraphs are separated by
// blank lines, and the lines inside a paragraph join with one space.
func ReadPlain(file, text string) model.Version {
	v := model.Version{Label: file, Paragraphs: model.SplitParagraphs(text)}
	if v.Paragraphs == nil {
		v.Paragraphs = []string{}
	}
	return v
}
