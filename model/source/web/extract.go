package web

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"redline/model"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// Page is what extraction finds in one HTML page of an article.
type Page struct {
	// Headline is the article's title as the page gives it.
	Headline string
	// Byline names the author(s); empty when the page has none.
	Byline string
	// Published and Modified are the page's own times (meta tags,
	// JSON-LD); the zero time when the page does not say.
	Published, Modified time.Time
	// Paragraphs are the body's blocks (paragraphs, subheads, list items,
	// quotes) in reading order, whitespace-collapsed, none empty.
	Paragraphs []string
	// URL is the article's address as the page names it (<link
	// rel=canonical>, else og:url); Site its site's name (og:site_name).
	// Empty when the page does not say.
	URL, Site string
	// Decoding says how the page's bytes were read when they were not
	// what it declared ("" when they were): a reader's note.
	Decoding string
}

// errNoArticle is returned when a page parses but holds no readable body.
var errNoArticle = errors.New("no article text found")

// Extract reads one HTML page and returns its article. contentType is the
// page's Content-Type header, or "" (the charset is then sniffed from the
// page itself); pageURL is where the page lived, or "", and only resolves
// relative links. It fails when the page holds no readable body text.
//
// Extraction is go-readability (a port of Firefox's Reader View): on real
// news pages it keeps every body paragraph and little else, at about
// 4–30 ms a page (see the package README for the figures).
func Extract(r io.Reader, contentType, pageURL string) (Page, error) {
	data, err := readPage(r)
	if err != nil {
		return Page{}, err
	}
	page, decoding, err := decodePage(data, contentType)
	if err != nil {
		return Page{}, err
	}
	u, _ := url.Parse(pageURL)
	if u == nil || u.Host == "" {
		u = &url.URL{Scheme: "http", Host: "localhost", Path: "/"}
	}
	a, err := readability.FromReader(bytes.NewReader(page), u)
	if err != nil {
		return Page{}, err
	}
	p := Page{Headline: visibleHeadline(page, model.CollapseSpace(a.Title())), Byline: model.CollapseSpace(a.Byline()),
		URL: canonicalURL(data), Site: model.CollapseSpace(a.SiteName()), Decoding: decoding}
	p.Published, _ = a.PublishedTime()
	p.Modified, _ = a.ModifiedTime()
	collectBlocks(a.Node, &p.Paragraphs)
	if len(p.Paragraphs) == 0 {
		return p, errNoArticle
	}
	return p, nil
}

// visibleHeadline is the headline a reader of the page sees when the
// page marks it so: the text of its <h1 itemprop="headline"> (schema.org's
// mark, which news sites set); else title, the page's title as metadata
// gives it (og:title, <title>). Only the mark is trusted: an <h1> chosen
// by its likeness to the title would be chosen in one capture and not in
// the next once its words were edited, and the switch would read as an
// edit nobody made. A line break or a block inside the <h1> is a space.
func visibleHeadline(page []byte, title string) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var text strings.Builder
	depth, marked := 0, false // inside an <h1> (nesting), and whether it is itemprop=headline
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return title
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := z.TagName()
			switch {
			case string(name) == "h1" && tt == html.StartTagToken:
				if depth == 0 {
					text.Reset()
					marked = false
					for more {
						var k, v []byte
						k, v, more = z.TagAttr()
						if string(k) == "itemprop" && hasToken(string(v), "headline") {
							marked = true
						}
					}
				}
				depth++
			case string(name) == "h1" && tt == html.EndTagToken && depth > 0:
				if depth--; depth == 0 && marked {
					if h := model.CollapseSpace(text.String()); h != "" {
						return h
					}
				}
			case depth > 0 && (string(name) == "br" || blockTags[string(name)] || string(name) == "div"):
				text.WriteByte(' ')
			}
		case html.TextToken:
			if depth > 0 {
				text.Write(z.Text())
			}
		}
	}
}

// canonicalURL is the address a page gives for itself in its head: <link
// rel="canonical" href>, else <meta property="og:url" content>; "" when
// it gives none. Only the head is read, as a stream of tokens.
func canonicalURL(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	og := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return og
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "body":
				return og
			case "link", "meta":
			default:
				continue
			}
			attrs := map[string]string{}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				attrs[string(k)] = strings.TrimSpace(string(v))
			}
			switch {
			case string(name) == "link" && hasToken(attrs["rel"], "canonical") && attrs["href"] != "":
				return attrs["href"]
			case string(name) == "meta" && attrs["property"] == "og:url" && og == "":
				og = attrs["content"]
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return og
			}
		}
	}
}

// hasToken reports whether the space-separated list s holds t, in any
// case (rel="Canonical").
func hasToken(s, t string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, t) {
			return true
		}
	}
	return false
}

// decodePage turns a page's bytes into UTF-8: a charset the server named
// wins; else bytes that are valid UTF-8 are taken as they are (sniffing
// guesses windows-1252 for a page that declares nothing, and mangles
// UTF-8 punctuation), without a copy; else the page's own <meta charset>
// decides.
func decodePage(data []byte, contentType string) (page []byte, decoding string, err error) {
	if !strings.Contains(strings.ToLower(contentType), "charset=") && utf8.Valid(data) {
		return data, "", nil
	}
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	if name == "utf-8" && !utf8.Valid(data) {
		// It says UTF-8 and is not: read as plain text is, Windows-1252
		// when it holds no UTF-8 at all (an old site's Latin-1 under a
		// new header), else with U+FFFD for the stray bytes, and said.
		text, windows1252, err := model.DecodeTextAs("", data, false)
		if err == nil {
			if windows1252 {
				return []byte(text), "its page says UTF-8 and holds none: read as Windows-1252 (Latin-1)", nil
			}
			return []byte(text), "its page is " + model.ReadWithReplacement, nil
		}
	}
	if enc == encoding.Nop {
		return data, "", nil
	}
	page, err = enc.NewDecoder().Bytes(data)
	return page, "", err
}

// blockTags are the elements whose text is one paragraph of the body.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "figcaption": true, "dd": true, "dt": true,
}

// collectBlocks appends the text of each innermost block element under n
// (a block holding other blocks is split into them) and of loose text
// that sits outside any block.
func collectBlocks(n *html.Node, out *[]string) {
	if n == nil {
		return
	}
	var loose strings.Builder
	flush := func() {
		if s := model.CollapseSpace(loose.String()); s != "" {
			*out = append(*out, s)
		}
		loose.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			loose.WriteString(c.Data)
		case c.Type != html.ElementNode:
		case c.Data == "br":
			loose.WriteByte('\n')
		case blockTags[c.Data] && !holdsBlock(c):
			flush()
			var b strings.Builder
			innerText(c, &b)
			if s := model.CollapseSpace(b.String()); s != "" {
				*out = append(*out, s)
			}
		case isInline(c) && !holdsBlock(c):
			innerText(c, &loose)
		default:
			flush()
			collectBlocks(c, out)
		}
	}
	flush()
}

func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.Data] || !isInline(c) || holdsBlock(c)) {
			return true
		}
	}
	return false
}

var inlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "dfn": true, "em": true, "i": true, "kbd": true, "mark": true, "q": true,
	"s": true, "samp": true, "small": true, "span": true, "strong": true, "sub": true,
	"sup": true, "time": true, "u": true, "var": true, "wbr": true, "br": true, "font": true,
	"del": true, "ins": true, "strike": true, "tt": true, "img": true,
}

func isInline(n *html.Node) bool { return inlineTags[n.Data] }

func innerText(n *html.Node, b *strings.Builder) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && c.Data == "br":
			b.WriteByte(' ')
		case c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style"):
		default:
			innerText(c, b)
		}
	}
}

// htmlUnescape decodes character references (&amp;, &#8217;) in text.
func htmlUnescape(s string) string { return html.UnescapeString(s) }
