package newssniffer

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"redline/model"
)

// NewsSniffer's own site lists an article's versions on its article page
// and shows each version whole on a page of its own
// (app/views/news_articles/show.html.erb and
// app/views/versions/show.html.erb in johnl/news-sniffer):
//
//	<h1>Headline</h1>
//	<p>This article is from the source '<cite>bbc</cite>' and was first published or seen
//	on <time datetime='2020-01-08T10:02:00Z'>January 08, 2020 10:02 (UTC)</time>. …
//	<p>You can find the current article at its original source at <cite class="article_url"><a href="URL">URL</a></cite></p>
//	<p>The article has changed <var>3</var> times. …</p>
//	<table>
//	<tr><th class="version">Version</th><th class="created_at">Created at</th><th class="period">Period</th><th class="title">Title</th></tr>
//	<tr><td><a href="/articles/N/versions/ID">0</a><td>January 08, 2020 10:02</td><td></td><td>Headline</td></tr>
//	<tr><td><a href="…">1</a><td>January 08, 2020 12:10</td><td>about 2 hours later</td><td>…</td></tr>
//	</table>
//
// and a version's page:
//
//	<h1>Headline</h1>
//	<table><tr><td>
//	<p><a href="URL">URL</a></p>
//	<p>Version 1 of 3.</p>
//	<p>First paragraph</p> …
//	</td></tr></table>
//
// A version's text is exact, one <p> a paragraph: nothing is inferred.

// SiteVersion is one row of an article page's list of versions.
type SiteVersion struct {
	Number  int    // as the site numbers it, from 0
	Link    string // the version page's address as the page wrote it (often relative)
	Time    string // RFC 3339 (UTC), or empty when the page's time does not parse
	Elapsed string // "about 2 hours later", as the page wrote it
	Title   string // the version's headline
}

// SiteArticle is what an article page says of an article: its header and
// the list of its versions, oldest first. Versions holds no text: each
// version's text is on its own page (ReadSiteVersion).
type SiteArticle struct {
	Article  model.Article // Title, Source, URL, FirstSeen, Changes; no versions
	Versions []SiteVersion
}

// siteTimeLayouts are the forms of a time on NewsSniffer's site: Rails'
// :long format, with or without the " (UTC)" the first-seen date carries.
var siteTimeLayouts = []string{"January 02, 2006 15:04", "January 2, 2006 15:04"}

// parseSiteTime reads a site time as UTC, the site's zone.
func parseSiteTime(s string) string {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "(UTC)"))
	for _, layout := range siteTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC().Format(time.RFC3339)
		}
	}
	return ""
}

// ReadSiteArticle reads an article page of NewsSniffer's site (what
// https://www.newssniffer.co.uk/articles/N serves). file names the page
// in errors. A page with no list of versions is an *model.InputError.
func ReadSiteArticle(file string, data []byte) (*SiteArticle, error) {
	doc, err := parseHTML(file, data)
	if err != nil {
		return nil, err
	}
	out := &SiteArticle{}
	if h := firstElementOf(doc, atom.H1); h != nil {
		out.Article.Title = nodeText(h, nil)
	}
	table := versionList(doc)
	readPageHeader(doc, table, &out.Article)
	if a := firstElementOf(doc, atom.Cite); a != nil && out.Article.URL == "" {
		out.Article.URL = nodeText(a, nil)
	}
	if table == nil {
		return nil, model.InputErrorf(file, 0, "no list of versions: not a NewsSniffer article page")
	}
	for _, row := range tableRows(table) {
		cells := rowCells(row)
		if len(cells) < 4 || cells[0].DataAtom != atom.Td {
			continue
		}
		link := firstElementOf(cells[0], atom.A)
		n, err := strconv.Atoi(nodeText(cells[0], nil))
		if link == nil || err != nil {
			continue
		}
		out.Versions = append(out.Versions, SiteVersion{Number: n, Link: nodeAttr(link, "href"),
			Time: parseSiteTime(nodeText(cells[1], nil)), Elapsed: nodeText(cells[2], nil), Title: nodeText(cells[3], nil)})
	}
	if len(out.Versions) == 0 {
		return nil, model.InputErrorf(file, 0, "the list of versions is empty")
	}
	return out, nil
}

// versionList is the article page's table of versions: the one whose
// header has a "version" column.
func versionList(doc *html.Node) *html.Node {
	var found *html.Node
	walkNodes(doc, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Th && hasClassToken(nodeAttr(n, "class"), "version") {
			for p := n.Parent; p != nil; p = p.Parent {
				if p.DataAtom == atom.Table {
					found = p
					return false
				}
			}
		}
		return true
	})
	return found
}

// siteVersionLine is a version page's "Version 1 of 3." paragraph.
var siteVersionLine = regexp.MustCompile(`^Version (\d{1,9}) of \d{1,9}\.?$`)

// ReadSiteVersion reads a version page of NewsSniffer's site into the
// version it shows: its headline (the <h1>), its number, and its
// paragraphs, exactly as the site stored them. file names the page in
// errors; a page without the "Version N of M." line is an
// *model.InputError.
func ReadSiteVersion(file string, data []byte) (model.Version, error) {
	doc, err := parseHTML(file, data)
	if err != nil {
		return model.Version{}, err
	}
	v := model.Version{Number: -1, Paragraphs: []string{}}
	if h := firstElementOf(doc, atom.H1); h != nil {
		v.Headline = nodeText(h, nil)
	}
	seen := false
	walkNodes(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.P {
			return true
		}
		p := nodeText(n, nil)
		switch m := siteVersionLine.FindStringSubmatch(p); {
		case m != nil && !seen:
			v.Number, _ = strconv.Atoi(m[1])
			seen = true
		case seen && p != "":
			v.Paragraphs = append(v.Paragraphs, p)
		}
		return false
	})
	if !seen {
		return model.Version{}, model.InputErrorf(file, 0, `no "Version N of M." line: not a NewsSniffer version page`)
	}
	return v, nil
}
