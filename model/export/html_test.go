package export

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"redline/model"
)

// hostile is an article whose every field tries to become markup, a
// script, a request or a terminal control.
func hostile() *model.Article {
	return &model.Article{
		Title:  `</title><script>alert("title")</script>`,
		Source: `<img src=x onerror=alert(1)>`,
		URL:    `javascript:alert(document.cookie)`,
		Versions: []model.Version{
			{Number: 1, Headline: "Calm \x1b[2J headline", Time: `"><script>t()</script>`,
				Paragraphs: []string{
					"Kept <b>bold</b> & safe.",
					`A paragraph with <script>alert("p")</script> inside it.`,
					"Bell \x07 and escape \x1b]0;pwned\x07 and C1 \u009b31m and bidi \u202egnp.exe",
				}},
			{Number: 2, Headline: "Calm <style>body{display:none}</style> headline",
				Paragraphs: []string{
					"Kept <b>bold</b> & safe.",
					`A paragraph with <script src="https://evil.example/x.js"></script> inside it.`,
					"Bell \x07 and escape \x1b]0;pwned\x07 and C1 \u009b31m and bidi \u202egnp.exe",
					`<a href="https://evil.example/">click</a> <iframe src="//evil.example"></iframe> url(https://evil.example/t.png)`,
				}},
		},
	}
}

// element visits every element of a parsed page.
func elements(n *html.Node, visit func(*html.Node)) {
	if n.Type == html.ElementNode {
		visit(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		elements(c, visit)
	}
}

// checkSelfContained parses a page back and checks that it runs nothing
// and asks for nothing: no script, no element that loads (img, iframe,
// link, object…), no src, no on* handler, no url() or @import in its CSS,
// and no link but in-page anchors and the article's own http(s) URL.
func checkSelfContained(t *testing.T, name, page, articleURL string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: does not parse: %v", name, err)
	}
	loaders := map[string]bool{"script": true, "img": true, "iframe": true, "link": true, "object": true,
		"embed": true, "video": true, "audio": true, "source": true, "frame": true, "base": true, "form": true}
	elements(doc, func(n *html.Node) {
		if loaders[n.Data] {
			t.Errorf("%s: has a <%s> element", name, n.Data)
		}
		for _, a := range n.Attr {
			switch {
			case a.Key == "src" || a.Key == "srcset" || a.Key == "style" || strings.HasPrefix(a.Key, "on"):
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			case a.Key == "href" && !strings.HasPrefix(a.Val, "#") && a.Val != articleURL:
				t.Errorf("%s: links to %q", name, a.Val)
			case a.Key == "href" && a.Val == articleURL && !strings.HasPrefix(a.Val, "https://") && !strings.HasPrefix(a.Val, "http://"):
				t.Errorf("%s: links to a URL that is not http(s): %q", name, a.Val)
			}
		}
		if n.Data == "style" && n.FirstChild != nil {
			css := n.FirstChild.Data
			if strings.Contains(css, "url(") || strings.Contains(css, "@import") {
				t.Errorf("%s: its CSS loads something", name)
			}
		}
	})
	if strings.Count(page, "<style>") != 1 {
		t.Errorf("%s: want exactly one <style>, the page's own", name)
	}
	return doc
}

func TestHTMLIsSelfContained(t *testing.T) {
	for name, c := range map[string]struct {
		art   *model.Article
		steps []Step
	}{
		"seed":      {seed(t), newest(seed(t))},
		"libya-all": {libya(t), all(t, libya(t))},
	} {
		var b bytes.Buffer
		if err := HTML(&b, c.art, c.steps); err != nil {
			t.Fatal(err)
		}
		checkSelfContained(t, name, b.String(), c.art.URL)
		for _, want := range []string{"<del>", "<ins>", `class="moved"`, `class="guessed"`, "@media print", "viewport"} {
			if name == "seed" && !strings.Contains(b.String(), want) {
				t.Errorf("%s: no %s", name, want)
			}
		}
	}
}

func TestHTMLEscapesHostileText(t *testing.T) {
	art := hostile()
	var b bytes.Buffer
	if err := HTML(&b, art, []Step{{-1, 0}, {0, 1}}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	doc := checkSelfContained(t, "hostile", page, "") // javascript: must not become a link at all
	if !strings.Contains(page, "<span>javascript:alert(document.cookie)</span>") {
		t.Errorf("the javascript: URL is not shown as text")
	}
	if strings.ContainsAny(page, "\x1b\x07\u009b\u202e") {
		t.Errorf("a control or bidi character reached the page raw")
	}
	var text strings.Builder
	var textOf func(*html.Node)
	textOf = func(n *html.Node) {
		if n.Type == html.TextNode && (n.Parent == nil || n.Parent.Data != "style") {
			text.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			textOf(c)
		}
	}
	textOf(doc)
	// The hostile markup is still there to read, as text.
	for _, want := range []string{`<script>alert("p")</script>`, `<img src=x onerror=alert(1)>`, "<b>bold</b>",
		`<iframe src="//evil.example"></iframe>`, "␛]0;pwned␇", "⟨U+202E⟩", `</title><script>alert("title")</script>`} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the page's text lacks %q", want)
		}
	}
}

func TestMarkdownEscapesHostileText(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, hostile(), []Step{{0, 1}}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	if strings.ContainsAny(md, "\x1b\x07\u009b\u202e") {
		t.Errorf("a control or bidi character reached the Markdown raw")
	}
	// Every < left is one of our own <del>/<ins> tags.
	rest := strings.NewReplacer("<del>", "", "</del>", "", "<ins>", "", "</ins>", "").Replace(md)
	if strings.Contains(rest, "<") {
		t.Errorf("raw markup in the Markdown:\n%s", md)
	}
	if strings.Contains(md, "](javascript") || strings.Contains(md, "<javascript") {
		t.Errorf("the javascript: URL became a link")
	}
	// The seed's Markdown uses no emphasis delimiters inside article text.
	var s bytes.Buffer
	if err := Markdown(&s, seed(t), newest(seed(t))); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.String(), "<ins>") || !strings.Contains(s.String(), "<del>") || strings.Contains(s.String(), "**") {
		t.Errorf("the seed's Markdown does not mark edits with <del>/<ins> alone")
	}
}
