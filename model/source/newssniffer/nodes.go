package newssniffer

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"redline/model"
)

// The page trees of NewsSniffer's saved comparison pages (html.go) and of
// its site (site.go) are read with these: parsed once, walked, their text
// taken as a browser shows it.

// parseHTML decodes a saved page (decodeHTML) and parses it into a tree.
func parseHTML(file string, data []byte) (*html.Node, error) {
	text, err := decodeHTML(file, data)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, model.InputErrorf(file, 0, "not readable as HTML: %v", err)
	}
	return doc, nil
}

// nodeText is the text of n as a browser shows it, whitespace collapsed and
// trimmed, leaving out the elements skip says to (and scripts and
// styles). Block elements and <br> separate words.
func nodeText(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	walkNodesOut(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			return false
		case html.ElementNode:
			if c != n && skip != nil && skip(c) {
				return false
			}
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return false
			}
			if separatesWords(c.DataAtom) {
				b.WriteByte(' ')
			}
		}
		return true
	}, func(c *html.Node) {
		if c.Type == html.ElementNode && separatesWords(c.DataAtom) {
			b.WriteByte(' ')
		}
	})
	return strings.TrimFunc(model.CollapseSpace(b.String()), unicode.IsSpace)
}

func separatesWords(a atom.Atom) bool {
	switch a {
	case atom.Br, atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Tr, atom.Td, atom.Th,
		atom.Table, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Hr, atom.Dd, atom.Dt, atom.Section, atom.Article, atom.Header, atom.Footer:
		return true
	}
	return false
}

func firstElementOf(n *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	walkNodes(n, func(c *html.Node) bool {
		if found == nil && c.Type == html.ElementNode && c.DataAtom == a {
			found = c
		}
		return found == nil
	})
	return found
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasClassToken reports whether a space-separated attribute (class) holds tok.
func hasClassToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

// walkNodes visits n and its descendants in document order; visit returns
// false to skip a node's children. It keeps its own stack, so that no
// page, however deeply nested, can exhaust the goroutine's.
func walkNodes(n *html.Node, visit func(*html.Node) bool) {
	walkNodesOut(n, visit, nil)
}

// walkNodesOut is walkNodes that also calls leave after a visited node's children.
func walkNodesOut(n *html.Node, visit func(*html.Node) bool, leave func(*html.Node)) {
	type frame struct {
		n     *html.Node
		after bool
	}
	stack := []frame{{n: n}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f.after {
			leave(f.n)
			continue
		}
		if !visit(f.n) {
			continue
		}
		if leave != nil {
			stack = append(stack, frame{n: f.n, after: true})
		}
		// Children pushed last first, so the first is visited first.
		var kids []*html.Node
		for c := f.n.FirstChild; c != nil; c = c.NextSibling {
			kids = append(kids, c)
		}
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, frame{n: kids[i]})
		}
	}
}
