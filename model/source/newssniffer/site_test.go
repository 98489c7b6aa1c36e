package newssniffer

import (
	"testing"

	"redline/model/internal/modeltest"
)

func TestSitePagesThatAreNotTheSitesFailWithOneLine(t *testing.T) {
	_, err := ReadSiteArticle("a.html", []byte("<html><body><h1>Something</h1><p>No list here.</p></body></html>"))
	modeltest.AssertInputErrorLine(t, err, "a.html: no list of versions")
	_, err = ReadSiteVersion("v.html", []byte("<html><body><h1>H</h1><p>Just prose.</p></body></html>"))
	modeltest.AssertInputErrorLine(t, err, `v.html: no "Version N of M." line`)
}

func TestSiteVersionKeepsItsParagraphsExactly(t *testing.T) {
	page := `<h1>Head &amp; line</h1><table><tr><td><p><a href="u">u</a></p><p>Version 2 of 3.</p>
<p>One &lt;b&gt; two.</p><p></p><p>Three   spaced.</p></td></tr></table>`
	v, err := ReadSiteVersion("v.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if v.Number != 2 || v.Headline != "Head & line" || len(v.Paragraphs) != 2 || v.Paragraphs[0] != "One <b> two." || v.Paragraphs[1] != "Three spaced." {
		t.Errorf("%+v", v)
	}
}
