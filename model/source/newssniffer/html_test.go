package newssniffer

import (
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"redline/model"
	"redline/model/internal/modeltest"
)

// nsPage is what a NewsSniffer comparison page shows: an article and the
// two versions compared (old on the left, as the site puts it).
type nsPage struct {
	Source, URL string
	Changes     int
	FirstSeen   time.Time
	Old, New    nsVersion
}

type nsVersion struct {
	Number     int
	Title      string
	Time       time.Time
	Paragraphs []string
}

// renderNewsSniffer renders a page as NewsSniffer's Rails templates do:
// the layout (app/views/layouts/newsniffer.html.erb) around
// app/views/versions/diff.html.erb, with the rows of lib/diff_html.rb.
// Headlines go through h(); paragraphs are written raw, as the template's
// `raw @diff` writes them.
func renderNewsSniffer(p nsPage) string {
	var b strings.Builder
	vb, va := p.Old, p.New
	title := fmt.Sprintf("'%s' diff viewer (%d/%d)", html.EscapeString(va.Title), vb.Number, va.Number)
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html>
<head>
  	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
	<title>%s - News Sniffer</title>
	<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
    <link href="/assets/application.css" media="all" rel="stylesheet" />
	 <link href="%s" rel="external alternate author" title="Original article"/>
</head>
<body>
	<header>
		<div id="header" class="header">
			<div class="logo-head">
				<a href="/"><img src="/images/newsniffer-text.png" alt="News Sniffer" class="logo" id="logo" /></a>
			</div>
			<nav class="navigation">
				<ul id="nav" class="menu">
					<li><a href="/versions" class="selected" title="News article Revisions">News Article Revisions</a></li>
					<li><a href="/blog/">Blog</a></li>
				</ul>
			</nav>
		</div>
	</header>
	<div id="content" class="wrap">
`, html.EscapeString(title), p.URL)
	fmt.Fprintf(&b, `<p>This article is from the source '<cite>%s</cite>' and was first published or seen
on <time datetime='%s'>%s (UTC)</time>.

It last changed over 40 days ago and won't be checked again for changes.

</p>

<p>You can find the current article at its original source at <cite class="article_url"><a href="%s" rel="alternate external author">%s</a></cite></p>

<p>The article has changed <var>%d</var> times. There is an <a href="/articles/1.rss" class="feed rss" rel="alternate">RSS feed of changes</a> available.</p>

<div class="version_list pagination">
<span class="prev_page disabled">Previous version</span>
<span class="current">1</span>
<a href="/articles/1/diff/1/2" title="x">2</a>
<a href="/articles/1/diff/2/3" class="next_page">Next version</a>
</div> 

<table class="version_diff">
<tr>
	<th class="version"><small>Version %d</small></th>
	<th class="version"><small>Version %d</small></th>
</tr>
<tr id="title">
`, p.Source, nsRubyISO(p.FirstSeen), p.FirstSeen.UTC().Format("January 02, 2006 15:04"), p.URL, p.URL, p.Changes, vb.Number, va.Number)
	if va.Title == vb.Title {
		fmt.Fprintf(&b, "\t<th class=\"title\">%s</th>\n\t<th class=\"title\">%s</th>\n", html.EscapeString(vb.Title), html.EscapeString(va.Title))
	} else {
		fmt.Fprintf(&b, "\t<th class=\"title\"><del>%s</del></th>\n\t<th class=\"title\"><ins>%s</ins></th>\n", html.EscapeString(vb.Title), html.EscapeString(va.Title))
	}
	later := "later"
	if va.Time.Before(vb.Time) {
		later = "earlier"
	}
	fmt.Fprintf(&b, `</tr>
<tr>
	<td class="time"><time datetime="%s">%s</time></td>
	<td class="time">
		<time datetime="%s">
		%s
		</time> 
		(%s %s)
	</td>
</tr>
%s
</table>
	</div>
	<footer><div id="footer"><p>Currently monitoring 1,234 news articles with 5,678 different versions.</p></div></footer>
</body>
</html>
`, nsRubyISO(vb.Time), nsRubyToS(vb.Time), nsRubyISO(va.Time), nsRubyToS(va.Time),
		nsDistance(vb.Time, va.Time), later, nsHTMLDiff(vb.Paragraphs, va.Paragraphs))
	return b.String()
}

func nsRubyISO(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z07:00") }
func nsRubyToS(t time.Time) string { return t.UTC().Format("2006-01-02 15:04:05 UTC") }

// nsDistance is the part of Rails' helper the tests need.
func nsDistance(a, b time.Time) string {
	d := b.Sub(a)
	if d < 0 {
		d = -d
	}
	m := int(d.Minutes() + 0.5)
	switch {
	case m < 1:
		return "less than a minute"
	case m == 1:
		return "1 minute"
	case m < 45:
		return fmt.Sprintf("%d minutes", m)
	case m < 90:
		return "about 1 hour"
	case m < 1440:
		return fmt.Sprintf("about %d hours", int(float64(m)/60+0.5))
	case m < 2520:
		return "1 day"
	}
	return fmt.Sprintf("%d days", int(float64(m)/1440+0.5))
}

// nsHTMLDiff is HTMLDiff.diff of lib/diff_html.rb: Diff::LCS.traverse_balanced
// over the paragraphs, calling ParagraphDiff's match / change / discard_a /
// discard_b, a change's cells built by WordDiff over the words.
func nsHTMLDiff(a, b []string) string {
	var rows []string
	row := func(l, r string) { rows = append(rows, "<tr><td>"+l+"</td><td>"+r+"</td></tr>") }
	nsTraverseBalanced(a, b,
		func(i, j int) { row(a[i], b[j]) },
		func(i, j int) {
			old, nw := nsWordDiff(strings.Split(a[i], " "), strings.Split(b[j], " "))
			row("<del>"+old+"</del>", "<ins>"+nw+"</ins>")
		},
		func(i int) { row("<del>"+a[i]+"</del>", "") },
		func(j int) { row("", "<ins>"+b[j]+"</ins>") })
	return strings.Join(rows, "\n")
}

// nsWordDiff is WordDiff under Diff::LCS.traverse_sequences: a kept word is
// " w" on the left and " w " on the right, a removed one
// "<del> w </del>", an added one "<ins> w </ins>".
func nsWordDiff(a, b []string) (left, right string) {
	var l, r strings.Builder
	m := nsLCS(a, b)
	bj := 0
	for i := range a {
		if m[i] < 0 {
			l.WriteString("<del> " + a[i] + " </del>")
			continue
		}
		for ; bj < m[i]; bj++ {
			r.WriteString("<ins> " + b[bj] + " </ins>")
		}
		l.WriteString(" " + a[i])
		r.WriteString(" " + b[bj] + " ")
		bj++
	}
	for ; bj < len(b); bj++ {
		r.WriteString("<ins> " + b[bj] + " </ins>")
	}
	return l.String(), r.String()
}

// nsTraverseBalanced walks an LCS of a and b as Diff::LCS.traverse_balanced
// does: in each gap before a match, pairs of unmatched elements are
// changes, then the left-overs of a are discarded, then those of b.
func nsTraverseBalanced(a, b []string, match, change func(i, j int), discardA, discardB func(int)) {
	m := nsLCS(a, b)
	ai, bj := 0, 0
	flush := func(ma, mb int) {
		for ai < ma || bj < mb {
			switch {
			case ai < ma && bj < mb:
				change(ai, bj)
				ai++
				bj++
			case ai < ma:
				discardA(ai)
				ai++
			default:
				discardB(bj)
				bj++
			}
		}
	}
	for i := range a {
		if m[i] < 0 {
			continue
		}
		flush(i, m[i])
		match(ai, bj)
		ai++
		bj++
	}
	flush(len(a), len(b))
}

// nsLCS maps each element of a to its partner in b in one longest
// common subsequence, or -1.
func nsLCS(a, b []string) []int {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = -1
	}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out[i] = j
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

func nsLibyaPage() nsPage {
	t0 := time.Date(2020, 1, 8, 13, 2, 31, 0, time.UTC)
	return nsPage{
		Source: "nytimes", URL: "https://www.nytimes.com/2020/01/08/world/middleeast/russia-turkey-libya.html",
		Changes: 7, FirstSeen: t0.Add(-time.Hour),
		Old: nsVersion{Number: 1, Title: "Russia and Turkey Make Joint Call for Cease-Fire in Libya", Time: t0, Paragraphs: []string{
			"ISTANBUL — Russia and Turkey called in a joint statement on Wednesday for a cease-fire in Libya.",
			"The statement was delivered by the foreign ministers.",
			"It is not clear how much Russia and Turkey can influence events on the ground.",
			"The Russian foreign minister, Sergei Lavrov, confirmed those details.",
			"A paragraph that was cut.",
		}},
		New: nsVersion{Number: 2, Title: "Russia and Turkey Call for Cease-Fire in Libya", Time: t0.Add(2*time.Hour + 3*time.Minute), Paragraphs: []string{
			"ISTANBUL — Russia and Turkey have called for a cease-fire in Libya to begin this weekend.",
			"Analysts say the Russians and Turks are seeking to exploit a diplomatic void.",
			"The statement was delivered by the foreign ministers.",
			"The Russian foreign minister, Sergei Lavrov, confirmed those details.",
			"It is not clear how much Russia and Turkey can influence events on the ground.",
			"A new closing paragraph.",
		}},
	}
}

// nsWantArticle is what ReadNewsSnifferHTML should read from p.
func nsWantArticle(p nsPage) *model.Article {
	v := func(x nsVersion) model.Version {
		paras := []string{}
		for _, s := range x.Paragraphs {
			if s = model.CollapseSpace(s); s != "" {
				paras = append(paras, s)
			}
		}
		return model.Version{Number: x.Number, Headline: x.Title, Time: nsRubyISO(x.Time), Paragraphs: paras}
	}
	a, b := v(p.Old), v(p.New)
	b.Elapsed = nsDistance(p.Old.Time, p.New.Time) + " later"
	if p.New.Time.Before(p.Old.Time) {
		b.Elapsed = nsDistance(p.Old.Time, p.New.Time) + " earlier"
	}
	return &model.Article{Title: p.New.Title, Source: p.Source, URL: p.URL, Changes: p.Changes,
		FirstSeen: p.FirstSeen.UTC().Format("January 02, 2006 15:04") + " (UTC)", Versions: []model.Version{a, b}}
}

func nsReadPage(t *testing.T, page string) *model.Article {
	t.Helper()
	if !LooksLikeNewsSnifferHTML(page) {
		t.Error("LooksLikeNewsSnifferHTML: false")
	}
	art, err := ReadNewsSnifferHTML("page.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	return art
}

func nsCheckArticle(t *testing.T, got, want *model.Article) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("article:\n got %#v\nwant %#v", *got, *want)
		for i := range min(len(got.Versions), len(want.Versions)) {
			g, w := got.Versions[i].Paragraphs, want.Versions[i].Paragraphs
			for k := range max(len(g), len(w)) {
				if k >= len(g) || k >= len(w) || g[k] != w[k] {
					t.Errorf("version %d paragraph %d:\n got %q\nwant %q", i, k, nsAt(g, k), nsAt(w, k))
				}
			}
		}
	}
}

func nsAt(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "<none>"
}

func TestReadNewsSnifferHTMLKnownVersions(t *testing.T) {
	p := nsLibyaPage()
	page := renderNewsSniffer(p)
	got := nsReadPage(t, page)
	nsCheckArticle(t, got, nsWantArticle(p))
	if got.Versions[1].Elapsed != "about 2 hours later" {
		t.Errorf("elapsed %q", got.Versions[1].Elapsed)
	}
	// The page really marks words: the test would prove little if the
	// template had not put <del> and <ins> inside the changed cells.
	if !strings.Contains(page, "<del> joint </del>") || !strings.Contains(page, "<ins> have </ins>") {
		t.Errorf("the rendered page has no word marks:\n%s", page)
	}
}

// TestReadNewsSnifferHTMLSeed renders the seed article's two versions as
// NewsSniffer would and reads them back exactly.
func TestReadNewsSnifferHTMLSeed(t *testing.T) {
	data, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.truth.json"))
	if err != nil {
		t.Skip(err)
	}
	truth, err := model.ReadJSON("truth", data)
	if err != nil {
		t.Fatal(err)
	}
	a, b := truth.Versions[0], truth.Versions[1]
	t0 := time.Date(2020, 1, 8, 13, 0, 0, 0, time.UTC)
	p := nsPage{Source: truth.Source, URL: truth.URL, Changes: truth.Changes, FirstSeen: t0,
		Old: nsVersion{Number: a.Number, Title: a.Headline, Time: t0, Paragraphs: a.Paragraphs},
		New: nsVersion{Number: b.Number, Title: b.Headline, Time: t0.Add(2 * time.Hour), Paragraphs: b.Paragraphs}}
	got := nsReadPage(t, renderNewsSniffer(p))
	nsCheckArticle(t, got, nsWantArticle(p))
	if !reflect.DeepEqual(got.Versions[0].Paragraphs, a.Paragraphs) || !reflect.DeepEqual(got.Versions[1].Paragraphs, b.Paragraphs) {
		t.Error("the seed's paragraphs did not read back as the truth has them")
	}
}

func TestReadNewsSnifferHTMLRandomVersions(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	vocab := strings.Fields("the minister said on monday that plan would go ahead critics called it rushed « » — “quoted” 3.5% AT&T")
	para := func() string {
		n := 1 + rng.IntN(25)
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ") + "."
	}
	for iter := 0; iter < 200; iter++ {
		old := make([]string, rng.IntN(12))
		for i := range old {
			old[i] = para()
		}
		var nw []string
		for _, p := range old {
			switch rng.IntN(6) {
			case 0: // cut
			case 1: // reworded
				w := strings.Fields(p)
				w[rng.IntN(len(w))] = vocab[rng.IntN(len(vocab))]
				nw = append(nw, strings.Join(w, " "))
			case 2: // a paragraph added after it
				nw = append(nw, p, para())
			default:
				nw = append(nw, p)
			}
		}
		if len(nw) > 2 && rng.IntN(3) == 0 { // a move
			nw[0], nw[len(nw)-1] = nw[len(nw)-1], nw[0]
		}
		t0 := time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
		p := nsPage{Source: "guardian", URL: "https://example.com/a?b=1&c=2", Changes: 3, FirstSeen: t0,
			Old: nsVersion{Number: iter, Title: para(), Time: t0, Paragraphs: old},
			New: nsVersion{Number: iter + 1, Title: para(), Time: t0.Add(time.Duration(rng.IntN(100000)) * time.Minute), Paragraphs: nw}}
		if rng.IntN(2) == 0 {
			p.New.Title = p.Old.Title
		}
		got := nsReadPage(t, renderNewsSniffer(p))
		nsCheckArticle(t, got, nsWantArticle(p))
		if t.Failed() {
			t.Fatalf("iteration %d", iter)
		}
	}
}

func TestReadNewsSnifferHTMLEntitiesAndInlineTags(t *testing.T) {
	p := nsLibyaPage()
	page := renderNewsSniffer(p)
	// Paragraphs as a page may hold them: entities, links, emphasis, a
	// no-break space, markup split across lines.
	page = strings.Replace(page, "<tr><td>The statement was delivered by the foreign ministers.</td><td>The statement was delivered by the foreign ministers.</td></tr>",
		"<tr><td>Tom &amp; Jerry&#8217;s <a href=\"/x\">statement</a> was <em>delivered</em>&nbsp;by\n the   <b><i>foreign</i></b> ministers &lt;sic&gt;.</td>"+
			"<td>Tom &amp; Jerry&rsquo;s <a href=\"/x\">statement</a> was <em>deliv</em>ered&nbsp;by the foreign ministers &lt;sic&gt;.&nbsp;</td></tr>", 1)
	page = strings.Replace(page, "<th class=\"title\"><ins>Russia and Turkey Call", "<th class=\"title\"><ins>Russia &amp; Turkey&#x2019;s Call", 1)
	got := nsReadPage(t, page)
	want := nsWantArticle(p)
	want.Versions[0].Paragraphs[1] = "Tom & Jerry’s statement was delivered\u00a0by the foreign ministers <sic>."
	want.Versions[1].Paragraphs[2] = "Tom & Jerry’s statement was delivered\u00a0by the foreign ministers <sic>."
	want.Versions[1].Headline = "Russia & Turkey’s Call for Cease-Fire in Libya"
	want.Title = want.Versions[1].Headline
	nsCheckArticle(t, got, want)
}

// nsWaybackPage is page as the Wayback Machine serves it (and a browser
// saves it): its scripts in the head, its toolbar — tables and all —
// before the content, links rewritten into the archive, its comments at
// the end.
func nsWaybackPage(page string) string {
	const ts = "20200108160512"
	page = strings.Replace(page, "<head>", `<head><script type="text/javascript" src="https://web.archive.org/_static/js/bundle-playback.js?v=1"></script>
<script type="text/javascript">__wm.init("https://web.archive.org/web");
  __wm.wombat("https://www.newssniffer.co.uk/articles/1/diff/1/2","`+ts+`","https://web.archive.org/","web","/_static/");</script>
<link rel="stylesheet" type="text/css" href="https://web.archive.org/_static/css/banner-styles.css?v=1" />
<!-- End Wayback Rewrite JS Include -->
`, 1)
	page = strings.Replace(page, "<body>", `<body>
<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="wm-ipp-inside">
<table style="width:100%;"><tbody><tr>
<td id="wm-logo"><a href="/web/" title="Wayback Machine home page"><img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" alt="Wayback Machine" /></a></td>
<td class="c"><table style="margin:0 auto;"><tbody><tr>
<td class="u" colspan="2"><form target="_top" method="get" action="/web/submit"><input type="text" name="url" value="https://www.newssniffer.co.uk/articles/1/diff/1/2" /></form></td>
</tr><tr><td class="n"><a href="https://web.archive.org/web/20191201000000*/x">Version 1</a></td><td class="n">Version 2</td></tr>
<tr><td class="s"><a class="t" href="/web/`+ts+`*/https://www.newssniffer.co.uk/articles/1/diff/1/2">12 captures</a><div class="r">08 Jan 2020 - 09 Jan 2020</div></td></tr>
</tbody></table></td>
</tr></tbody></table>
</div></div></div>
<div id="wm-capinfo" style="display:none"></div>
<!-- END WAYBACK TOOLBAR INSERT -->
`, 1)
	page = strings.ReplaceAll(page, `href="https://www.nytimes.com/`, `href="https://web.archive.org/web/`+ts+`/https://www.nytimes.com/`)
	page = strings.ReplaceAll(page, `href="/`, `href="/web/`+ts+`/https://www.newssniffer.co.uk/`)
	return page + `<!--
     FILE ARCHIVED ON 16:05:12 Jan 08, 2020 AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 10:11:12 Mar 01, 2024.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.
-->
<!--
playback timings (ms):
  captures_list: 0.6
-->`
}

func TestReadNewsSnifferHTMLFromTheWaybackMachine(t *testing.T) {
	p := nsLibyaPage()
	page := nsWaybackPage(renderNewsSniffer(p))
	if !strings.Contains(page, "web.archive.org/web/20200108160512/https://www.nytimes.com") {
		t.Fatal("the test page is not rewritten as the archive rewrites")
	}
	nsCheckArticle(t, nsReadPage(t, page), nsWantArticle(p))

	// A copy that dropped every class name (as some archives do) still
	// reads, by the table's "Version a | Version b" header row — and the
	// toolbar's own table, which has such a row too but not first, is
	// not taken for it.
	stripped := regexp.MustCompile(` (class|id)="[^"]*"`).ReplaceAllString(page, "")
	if strings.Contains(stripped, "version_diff") {
		t.Fatal("classes not stripped")
	}
	nsCheckArticle(t, nsReadPage(t, stripped), nsWantArticle(p))
}

func TestReadNewsSnifferHTMLMalformed(t *testing.T) {
	p := nsLibyaPage()
	want := nsWantArticle(p)

	// Unclosed cells, rows and marks: HTML's own rules close them, so
	// the page reads as a browser shows it.
	t.Run("unclosed tags", func(t *testing.T) {
		page := renderNewsSniffer(p)
		page = strings.ReplaceAll(page, "</td>", "")
		page = strings.ReplaceAll(page, "</tr>", "")
		page = strings.ReplaceAll(page, "</del>", "")
		page = strings.ReplaceAll(page, "</ins>", "")
		page = strings.ReplaceAll(page, "</th>", "")
		got := nsReadPage(t, page)
		// Without </del> the deleted words run on to the end of the
		// cell; they are still the left cell's text, so the old
		// version is whole. Unclosed <ins> likewise on the right.
		nsCheckArticle(t, got, want)
	})

	// A page cut short fails with one line, never panics: read as far as
	// it went, the paragraphs after the cut had read as deleted from one
	// version. Cut after its comparison table closes, it reads whole.
	t.Run("truncated", func(t *testing.T) {
		page := renderNewsSniffer(p)
		closed := strings.LastIndex(page, "</table>") + len("</table>")
		for cut := 0; cut <= len(page); cut += 7 {
			art, err := ReadNewsSnifferHTML("cut.html", []byte(page[:cut]))
			if err != nil {
				modeltest.AssertInputErrorLine(t, err, "cut.html: ")
				if cut >= closed {
					t.Fatalf("cut at %d, after the table: %v", cut, err)
				}
				continue
			}
			if cut < closed {
				t.Fatalf("cut at %d, inside the table (closed at %d): read", cut, closed)
			}
			if len(art.Versions) != 2 {
				t.Fatalf("cut at %d: %d versions", cut, len(art.Versions))
			}
		}
	})

	// Backwards, or one number twice, as a text dump's header is refused:
	// the page had been read, and its --json could not be read back.
	t.Run("backwards", func(t *testing.T) {
		for _, nums := range [][2]int{{1, 1}, {2, 0}} {
			q := p
			q.Old.Number, q.New.Number = nums[0], nums[1]
			_, err := ReadNewsSnifferHTML("back.html", []byte(renderNewsSniffer(q)))
			modeltest.AssertInputErrorLine(t, err, fmt.Sprintf("back.html: Version %d after Version %d", nums[1], nums[0]))
		}
	})

	t.Run("not a comparison page", func(t *testing.T) {
		for _, page := range []string{
			"<html><body><p>Just a page.</p><table><tr><td>a</td><td>b</td></tr></table></body></html>",
			"This article is from the source 'x'.\n\nVersion 1 Version 2\nA A\n",
			"<table class=version_diff><tr><td>no header</td></tr></table>",
		} {
			_, err := ReadNewsSnifferHTML("other.html", []byte(page))
			modeltest.AssertInputErrorLine(t, err, "other.html: ")
		}
		_, err := ReadNewsSnifferHTML("empty.html", nil)
		modeltest.AssertInputErrorLine(t, err, "empty.html: the file is empty")
		_, err = ReadNewsSnifferHTML("bin.html", []byte("<table>\x00"))
		modeltest.AssertInputErrorLine(t, err, "bin.html")
	})
}

func TestLooksLikeNewsSnifferHTML(t *testing.T) {
	page := renderNewsSniffer(nsLibyaPage())
	seed, _ := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.txt"))
	cases := []struct {
		name string
		text string
		want bool
	}{
		{"page", page, true},
		{"wayback", nsWaybackPage(page), true},
		{"id instead of class", strings.Replace(page, `class="version_diff"`, `id="version_diff"`, 1), true},
		{"flattened dump", string(seed), false},
		{"json", `{"versions": []}`, false},
		{"other html", "<html><body><table class=\"other\"><tr><td>x</td></tr></table>Version 1</body></html>", false},
		{"prose", "Version 1 of the plan <is> here.", false},
		// A page starts with its markup: prose that quotes one is prose.
		{"prose quoting a page", "Notes on the page below.\n\n" + page, false},
		{"page after a byte-order mark and blank lines", "\ufeff\n\n  " + page, true},
	}
	for _, c := range cases {
		if got := LooksLikeNewsSnifferHTML(c.text); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

func TestReadNewsSnifferHTMLCharsets(t *testing.T) {
	p := nsLibyaPage()
	p.Old.Paragraphs = []string{"Café crème, naïve façade."}
	p.New.Paragraphs = []string{"Café crème, naïve façade and more."}
	p.Old.Title, p.New.Title = "Plain title", "Plain title"
	page := strings.Replace(renderNewsSniffer(p), "charset=UTF-8", "charset=iso-8859-1", 1)
	latin1 := make([]byte, 0, len(page))
	for _, r := range page {
		if r < 0x100 {
			latin1 = append(latin1, byte(r))
		} else {
			latin1 = append(latin1, '?')
		}
	}
	art, err := ReadNewsSnifferHTML("latin1.html", latin1)
	if err != nil {
		t.Fatal(err)
	}
	if got := art.Versions[0].Paragraphs; !reflect.DeepEqual(got, p.Old.Paragraphs) {
		t.Errorf("latin-1 page: %q", got)
	}
}

func FuzzReadNewsSnifferHTML(f *testing.F) {
	page := renderNewsSniffer(nsLibyaPage())
	f.Add([]byte(page))
	f.Add([]byte(nsWaybackPage(page)))
	f.Add([]byte("<table class=version_diff><tr><th>Version 1<th>Version 2<tr><td><del>a<ins>b</del><td><time datetime=x>(y)"))
	f.Add([]byte(strings.Repeat("<div>", 2000) + page[len(page)/2:]))
	f.Fuzz(func(t *testing.T, data []byte) {
		LooksLikeNewsSnifferHTML(string(data))
		art, err := ReadNewsSnifferHTML("f.html", data)
		if err != nil {
			var ie *model.InputError
			if !errors.As(err, &ie) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q (%T)", err, err)
			}
			return
		}
		if len(art.Versions) != 2 {
			t.Fatalf("%d versions", len(art.Versions))
		}
	})
}

// Two saved pages that give one version differently (a page edited by
// hand, or saved from a changed site) keep one reading, mark its
// paragraphs the other lacks guessed, and say so: before, the first
// page's reading was kept in silence, and the steps on either side
// showed an edit, and its undoing, that no page shows.
func TestReadPagesThatDisagreeSayIt(t *testing.T) {
	p := nsLibyaPage()
	q := p
	q.Old, q.New = p.New, nsVersion{Number: 3, Title: p.New.Title, Time: p.New.Time.Add(time.Hour),
		Paragraphs: append(slices.Clone(p.New.Paragraphs), "A third version's paragraph.")}
	// The second page's Version 2 reads one paragraph otherwise.
	q.Old.Paragraphs = slices.Clone(q.Old.Paragraphs)
	q.Old.Paragraphs[1] = "Analysts say the Russians and Turks seek to exploit a diplomatic void."
	art, err := ReadPages([]string{"a.html", "b.html"}, []string{renderNewsSniffer(p), renderNewsSniffer(q)})
	if err != nil {
		t.Fatal(err)
	}
	if len(art.Versions) != 3 {
		t.Fatalf("%d versions", len(art.Versions))
	}
	v2 := art.Versions[1]
	if !reflect.DeepEqual(v2.Guessed, []int{1}) || len(art.Notes) != 1 ||
		!strings.Contains(art.Notes[0], "a.html and b.html give Version 2 differently: a.html's reading is kept") {
		t.Errorf("guessed %v, notes %q", v2.Guessed, art.Notes)
	}
	// Pages that agree say nothing.
	q.Old = p.New
	art, err = ReadPages([]string{"a.html", "b.html"}, []string{renderNewsSniffer(p), renderNewsSniffer(q)})
	if err != nil || len(art.Notes) != 0 || len(art.Versions[1].Guessed) != 0 {
		t.Errorf("agreeing pages: %v, notes %q, guessed %v", err, art.Notes, art.Versions[1].Guessed)
	}
}
