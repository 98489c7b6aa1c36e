package archive

import (
	"strings"

	"redline/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// SummaryParagraphs turns an archived article body into paragraphs.
//
// Both archive formats redline reads keep the body as a small, fixed
// shape of HTML: diffengine stores readability's summary cleaned by bleach
// down to <p> elements, text entity-escaped; NewsEdits stores paragraphs
// joined by "</p><p>". The body is read with the HTML tokenizer of
// golang.org/x/net/html (the module's HTML dependency), not parsed into a
// tree: the shape needs no tree, and tokens keep the text exactly where
// the archive put it, with entities decoded the way browsers decode them.
// Block-level tags and <br> end a paragraph; every other tag is dropped
// and its text kept; comments and the contents of <script> and <style>
// are dropped; whitespace is collapsed; empty paragraphs are skipped.
func SummaryParagraphs(summary string) []string {
	out := []string{}
	var cur strings.Builder
	flush := func() {
		// A paragraph of nothing but no-break spaces is a spacer
		// ("<p>&nbsp;</p>"), not text.
		if p := model.CollapseSpace(cur.String()); strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
		cur.Reset()
	}
	z := html.NewTokenizer(strings.NewReader(summary))
	skip := atom.Atom(0) // the raw-text element being skipped
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			// The reader is a string, so the only error is the end.
			flush()
			return out
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case a == atom.Script || a == atom.Style:
				// The tokenizer reads their contents as raw text: it
				// comes as one text token before the end tag.
				skip = a
				if tt == html.EndTagToken {
					skip = 0
				}
			case breaksParagraph[a]:
				flush()
			}
		}
	}
}

// breaksParagraph holds the tags that start or end a paragraph: <p> and
// <br>, which the archives use, and the other blocks a cleaner may have
// let through.
var breaksParagraph = map[atom.Atom]bool{
	atom.P: true, atom.Br: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Blockquote: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Pre: true, atom.Hr: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figure: true,
	atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Aside: true, atom.Main: true,
	atom.Nav: true,
}
