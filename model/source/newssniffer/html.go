package newssniffer

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"redline/model"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// How NewsSniffer draws a comparison page (app/views/versions/diff.html.erb
// and lib/diff_html.rb in johnl/news-sniffer):
//
//	<p>This article is from the source '<cite>nytimes</cite>' and was first published or seen
//	on <time datetime='…'>January 08, 2020 15:02 (UTC)</time>. …</p>
//	<p>You can find the current article at its original source at <cite class="article_url"><a href=…>URL</a></cite></p>
//	<p>The article has changed <var>7</var> times. …</p>
//	<table class="version_diff">
//	<tr><th class="version"><small>Version 1</small></th><th class="version"><small>Version 2</small></th></tr>
//	<tr id="title"><th class="title">old headline</th><th class="title">new headline</th></tr>
//	<tr><td class="time"><time datetime="…">…</time></td>
//	    <td class="time"><time datetime="…">…</time> (about 2 hours later)</td></tr>
//	<tr><td>old paragraph</td><td>new paragraph</td></tr>
//	…
//
// A changed headline is wrapped whole in <del> on the left and <ins> on
// the right. The body rows come from Diff::LCS.traverse_balanced over the
// two versions' paragraphs: a kept paragraph fills both cells as it is; a
// changed pair is "<del>…</del>" left and "<ins>…</ins>" right, each
// holding its whole paragraph with the changed words wrapped again in
// <del> (left) or <ins> (right); a removed paragraph is "<del>…</del>"
// with an empty right cell, an added one an empty left cell and
// "<ins>…</ins>". So the left cell always holds the whole old paragraph
// and the right cell the whole new one: nothing has to be guessed.

// nsVersionCell is the text of a header cell naming a version.
var nsVersionCell = regexp.MustCompile(`^Version (\d{1,9})$`)

// LooksLikeNewsSnifferHTML reports whether text is a NewsSniffer
// comparison page saved as HTML: it has the page's table of class
// version_diff, or, where a copy dropped the class names (some archives
// do), a table whose header row names two versions.
//
// The HTML tokenizer runs only over text that could be such a page by
// its first bytes and a few fixed markers (see mayBeDiffPage): plain
// text, however long and however many "<" it holds, is refused without
// being parsed.
func LooksLikeNewsSnifferHTML(text string) bool {
	if !mayBeDiffPage(text) {
		return false
	}
	z := html.NewTokenizer(strings.NewReader(text))
	sawTable := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if !sawTable || !strings.Contains(text, "Version") {
				return false
			}
			doc, err := html.Parse(strings.NewReader(text))
			return err == nil && findDiffTable(doc) != nil
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			if atom.Lookup(name) != atom.Table {
				continue
			}
			sawTable = true
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				if k := string(key); (k == "class" || k == "id") && hasClassToken(string(val), "version_diff") {
					return true
				}
			}
		}
	}
}

// mayBeDiffPage is the cheap half of LooksLikeNewsSnifferHTML: a saved
// page starts with markup (after a byte-order mark and white space) and
// holds either the table's class name or a <table and a "Version".
func mayBeDiffPage(text string) bool {
	t := strings.TrimLeft(strings.TrimPrefix(text, "\ufeff"), " \t\r\n\f")
	if !strings.HasPrefix(t, "<") {
		return false
	}
	return strings.Contains(t, "version_diff") ||
		(strings.Contains(t, "Version") && containsFold(t, "<table"))
}

// containsFold reports whether s holds the ASCII lower-case marker in
// any case, without lowering a copy of s.
func containsFold(s, marker string) bool {
	for i := 0; i+len(marker) <= len(s); {
		j := strings.IndexByte(s[i:], marker[0])
		if j < 0 || i+j+len(marker) > len(s) {
			return false
		}
		i += j
		if strings.EqualFold(s[i:i+len(marker)], marker) {
			return true
		}
		i++
	}
	return false
}

// ReadNewsSnifferHTML reads a NewsSniffer comparison page saved as HTML —
// from the site, from a web archive, by a browser — into an article with
// the two versions the page compares, in the page's order (the left
// column first). Unlike the flattened dump, the page keeps each cell
// apart, so every paragraph is read exactly and none is guessed. file
// names the input in errors.
//
// Text is read as a browser shows it: entities decoded, tags dropped,
// white space collapsed. A no-break space (&nbsp;) inside a paragraph is
// text, as elsewhere in model; at a paragraph's ends it is trimmed.
func ReadNewsSnifferHTML(file string, data []byte) (*model.Article, error) {
	doc, err := parseHTML(file, data)
	if err != nil {
		return nil, err
	}
	table := findDiffTable(doc)
	if table == nil {
		return nil, model.InputErrorf(file, 0, `no NewsSniffer comparison table (a table of class "version_diff" headed "Version a", "Version b")`)
	}
	if tablesLeftOpen(data) {
		// The parser closes what the bytes leave open: the paragraphs
		// after the cut would read as deleted from one version.
		return nil, model.InputErrorf(file, 0, "the page ends inside its comparison table: it was saved or downloaded in part")
	}
	rows := tableRows(table)
	vrow := -1
	for i, r := range rows {
		if versionHeader(r) != nil {
			vrow = i
			break
		}
	}
	if vrow < 0 {
		return nil, model.InputErrorf(file, 0, `the comparison table has no "Version a", "Version b" header row`)
	}
	nums := versionHeader(rows[vrow])
	if nums[1] <= nums[0] {
		// As a text dump's: a comparison goes forwards, and a timeline
		// cannot hold one that does not (nor two versions of one number).
		return nil, model.InputErrorf(file, 0, "Version %d after Version %d: a comparison goes from an older version to a newer one", nums[1], nums[0])
	}
	a := model.Version{Number: nums[0], Paragraphs: []string{}}
	b := model.Version{Number: nums[1], Paragraphs: []string{}}
	art := &model.Article{}

	body := false
	sawTitle, sawTime := false, false
	for ri := vrow + 1; ri < len(rows); ri++ {
		r := rows[ri]
		cells := rowCells(r)
		switch {
		case !body && !sawTitle && isTitleRow(r, cells):
			sawTitle = true
			if len(cells) >= 2 {
				a.Headline, b.Headline = cellTextFor(cells[0], oldCell), cellTextFor(cells[1], newCell)
			}
		case !body && !sawTime && rowHasTime(r):
			sawTime = true
			if len(cells) >= 2 {
				var note string
				a.Time, note = cellTime(cells[0])
				noteVersion(art, a.Number, note)
				b.Time, note = cellTime(cells[1])
				noteVersion(art, b.Number, note)
				b.Elapsed = cellElapsed(cells[1])
			}
		default:
			body = true
			if len(cells) < 2 {
				if len(cells) == 1 && cellTextFor(cells[0], oldCell) != "" {
					art.Notes = append(art.Notes, fmt.Sprintf("row %d of the table has one cell, not two: skipped", ri+1))
				}
				continue
			}
			if p := cellTextFor(cells[0], oldCell); p != "" {
				a.Paragraphs = append(a.Paragraphs, p)
			}
			if p := cellTextFor(cells[1], newCell); p != "" {
				b.Paragraphs = append(b.Paragraphs, p)
			}
		}
	}
	readPageHeader(doc, table, art)
	art.Versions = []model.Version{a, b}
	art.Title = b.Headline
	if art.Title == "" {
		art.Title = titleFromHead(doc)
	}
	return art, nil
}

// decodeHTML turns a saved page into text. A page that is not UTF-8 is
// decoded as a browser would: by its byte-order mark, else by the charset
// its <meta> declares, else as windows-1252, HTML's default. Then
// model.DecodeText does the rest (BOM, line ends, refusing binary data)
// and gives its errors.
func decodeHTML(file string, data []byte) (string, error) {
	enc, name, certain := charset.DetermineEncoding(data, "")
	if name != "utf-8" && (certain || !utf8.Valid(data)) {
		if dec, err := enc.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	return model.DecodeText(file, data)
}

// noteVersion records a problem with one version's reading, if there is
// one.
func noteVersion(art *model.Article, number int, note string) {
	if note != "" {
		art.Notes = append(art.Notes, fmt.Sprintf("version %d: %s", number, note))
	}
}

// tablesLeftOpen reports whether the page's bytes open more tables than
// they close: a page cut short inside its comparison table.
func tablesLeftOpen(data []byte) bool {
	low := bytes.ToLower(data)
	return bytes.Count(low, []byte("<table")) > bytes.Count(low, []byte("</table"))
}

// findDiffTable is the page's comparison table: the table of class (or
// id) version_diff, else — for a copy that dropped class names — the
// table whose first row names two versions, the longest if there are
// several. A web archive's toolbar holds tables of its own; they are
// never taken for it.
func findDiffTable(doc *html.Node) *html.Node {
	var byClass, byHeader *html.Node
	headerRows := 0
	walkNodes(doc, func(n *html.Node) bool {
		if byClass != nil {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			if hasClassToken(nodeAttr(n, "class"), "version_diff") || hasClassToken(nodeAttr(n, "id"), "version_diff") {
				byClass = n
				return false
			}
			if rows := tableRows(n); len(rows) > headerRows && versionHeader(rows[0]) != nil {
				byHeader, headerRows = n, len(rows)
			}
		}
		return true
	})
	if byClass != nil {
		return byClass
	}
	return byHeader
}

// tableRows are the rows of table itself, not of tables nested in it.
func tableRows(table *html.Node) []*html.Node {
	var rows []*html.Node
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		}
	}
	return rows
}

// rowCells are the th and td cells of a row.
func rowCells(row *html.Node) []*html.Node {
	var cells []*html.Node
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells = append(cells, c)
		}
	}
	return cells
}

// versionHeader is the two numbers of a "Version a | Version b" header
// row, or nil when row is not one.
func versionHeader(row *html.Node) []int {
	cells := rowCells(row)
	if len(cells) != 2 {
		return nil
	}
	var nums []int
	for _, c := range cells {
		m := nsVersionCell.FindStringSubmatch(cellTextFor(c, oldCell))
		if m == nil {
			return nil
		}
		n, _ := strconv.Atoi(m[1])
		nums = append(nums, n)
	}
	return nums
}

// isTitleRow: the headline row has id "title" and cells of class
// "title" in the current template; older copies only have header cells.
func isTitleRow(row *html.Node, cells []*html.Node) bool {
	if nodeAttr(row, "id") == "title" {
		return true
	}
	allTH := len(cells) > 0
	for _, c := range cells {
		if hasClassToken(nodeAttr(c, "class"), "title") {
			return true
		}
		allTH = allTH && c.DataAtom == atom.Th
	}
	return allTH
}

// rowHasTime reports whether a row holds a <time>: the row of the two
// versions' times.
func rowHasTime(row *html.Node) bool {
	found := false
	walkNodes(row, func(n *html.Node) bool {
		if n.DataAtom == atom.Time || hasClassToken(nodeAttr(n, "class"), "time") {
			found = true
		}
		return !found
	})
	return found
}

// cellTime is the time of the <time> element in a cell as RFC 3339; note
// says why it could not be read.
func cellTime(cell *html.Node) (t, note string) {
	var el *html.Node
	walkNodes(cell, func(n *html.Node) bool {
		if el == nil && n.DataAtom == atom.Time {
			el = n
		}
		return el == nil
	})
	if el == nil {
		return "", ""
	}
	for _, s := range []string{nodeAttr(el, "datetime"), nodeText(el, nil)} {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		if t, ok := parsePageTime(s); ok {
			return t, ""
		}
		note = fmt.Sprintf("time %q is not a date redline reads", s)
	}
	return "", note
}

// pageTimeLayouts are the forms a NewsSniffer time takes: ISO 8601 in the
// datetime attribute, Ruby's Time#to_s in the text.
var pageTimeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04:05-0700",
}

func parsePageTime(s string) (string, bool) {
	for _, layout := range pageTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339), true
		}
	}
	return "", false
}

// cellElapsed is the "(about 2 hours later)" after the newer version's
// time, without its brackets, as the page wrote it.
func cellElapsed(cell *html.Node) string {
	s := nodeText(cell, func(n *html.Node) bool { return n.DataAtom == atom.Time })
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		return strings.TrimSpace(s[1 : len(s)-1])
	}
	return ""
}

// cellSide is which version a cell is read for: the old version's text is
// the cell without what was inserted, the new one's without what was
// deleted. NewsSniffer puts only <del> on the left and only <ins> on the
// right, so this drops nothing from its pages; it keeps a page that
// marked both in one cell readable all the same.
type cellSide int

const (
	oldCell cellSide = iota
	newCell
)

func cellTextFor(cell *html.Node, s cellSide) string {
	drop := atom.Ins
	if s == newCell {
		drop = atom.Del
	}
	return nodeText(cell, func(n *html.Node) bool { return n.DataAtom == drop })
}

// readPageHeader reads the sentences above the table — the source and
// first-seen date, the article's URL, how many versions there are — as
// the dump reader reads them from their text (dump.go), taking the
// source from its <cite> and the URL from the link's text: a web
// archive rewrites the link's address but not what it shows.
func readPageHeader(doc, table *html.Node, art *model.Article) {
	walkNodes(doc, func(n *html.Node) bool {
		if n == table {
			return false
		}
		if n.Type != html.ElementNode || n.DataAtom != atom.P {
			return true
		}
		l := nodeText(n, nil)
		if m := dumpSourceLine.FindStringSubmatch(l); m != nil && art.Source == "" {
			art.Source, art.FirstSeen = m[1], m[2]
			if c := firstElementOf(n, atom.Cite); c != nil {
				art.Source = nodeText(c, nil)
			}
			if t := firstElementOf(n, atom.Time); t != nil {
				if art.FirstSeen = nodeText(t, nil); art.FirstSeen == "" {
					art.FirstSeen = nodeAttr(t, "datetime")
				}
			}
		} else if m := dumpURLLine.FindStringSubmatch(l); m != nil && art.URL == "" {
			art.URL = m[1]
		} else if m := dumpChangesLine.FindStringSubmatch(l); m != nil && art.Changes == 0 {
			art.Changes, _ = strconv.Atoi(m[1])
		}
		return false
	})
}

// nsHeadTitle is the page's <title>: "'Headline' diff viewer (1/2) - News Sniffer".
var nsHeadTitle = regexp.MustCompile(`^'(.*)' diff viewer \(\d+/\d+\)`)

// titleFromHead is the headline the page's <title> names, for a page
// whose table lost its headline row.
func titleFromHead(doc *html.Node) string {
	if t := firstElementOf(doc, atom.Title); t != nil {
		if m := nsHeadTitle.FindStringSubmatch(nodeText(t, nil)); m != nil {
			return m[1]
		}
	}
	return ""
}
