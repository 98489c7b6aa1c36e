package web

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"redline/model"
)

// siteVersion is one version the fake NewsSniffer site serves.
type siteVersion struct {
	id       int // the database id the site's links carry
	created  string
	period   string
	headline string
	paras    []string
}

// fakeSite serves an article page and version pages laid out as
// NewsSniffer's templates lay them out (news_articles/show.html.erb and
// versions/show.html.erb), with a hostile paragraph among them.
type fakeSite struct {
	mu       sync.Mutex
	versions []siteVersion
	hits     map[string]int
	srv      *httptest.Server
}

func newFakeSite(t *testing.T, vs []siteVersion) *fakeSite {
	s := &fakeSite{versions: vs, hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *fakeSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if r.URL.Path == "/articles/42" {
		var b strings.Builder
		last := s.versions[len(s.versions)-1]
		fmt.Fprintf(&b, "<html><head><title>'%s' article at News Sniffer</title></head><body>\n<h1>%s</h1>\n", html.EscapeString(last.headline), html.EscapeString(last.headline))
		b.WriteString("<p>This article is from the source '<cite>bbc</cite>' and was first published or seen\non <time datetime='2020-01-08T10:02:00Z'>January 08, 2020 10:02 (UTC)</time>.\nIt will not be checked again for changes.\n")
		b.WriteString(`<p>You can find the current article at its original source at <cite class="article_url"><a href="https://www.bbc.co.uk/news/world-1" rel="alternate external author">https://www.bbc.co.uk/news/world-1</a></cite></p>` + "\n")
		fmt.Fprintf(&b, "<p>The article has changed <var>%d</var> times. There is an <a href=\"/articles/42.rss\" class=\"feed rss\" rel=\"alternate\">RSS feed of changes</a> available.</p>\n", len(s.versions))
		b.WriteString("<table>\n<tr>\n  <th class=\"version\">Version</th>\n  <th class=\"created_at\">Created at</th>\n\t<th class=\"period\">Period</th>\n  <th class=\"title\">Title</th>\n</tr>\n")
		for i, v := range s.versions {
			fmt.Fprintf(&b, "<tr>\n<td>\n  <a href=\"/articles/42/versions/%d\">%d</a>\n<td>\n  %s\n</td>\n<td>\n  %s\n<td>\n\t%s\n</td>\n</tr>\n",
				v.id, i, v.created, v.period, html.EscapeString(v.headline))
		}
		b.WriteString("</table></body></html>")
		w.Write([]byte(b.String()))
		return
	}
	for i, v := range s.versions {
		if r.URL.Path == fmt.Sprintf("/articles/42/versions/%d", v.id) {
			var b strings.Builder
			fmt.Fprintf(&b, "<html><head><meta name=\"robots\" content=\"noindex,noarchive\"></head><body>\n<h1>%s</h1>\n<table>\n\t<tr>\n\t\t<td>\n", html.EscapeString(v.headline))
			b.WriteString("\t\t\t<p><a href=\"https://www.bbc.co.uk/news/world-1\">https://www.bbc.co.uk/news/world-1</a></p>\n")
			fmt.Fprintf(&b, "\t\t\t<p>Version %d of %d.</p>\n", i, len(s.versions))
			for _, p := range v.paras {
				fmt.Fprintf(&b, "\t\t\t<p>%s</p>\n", html.EscapeString(p))
			}
			b.WriteString("\t\t</td>\n\t</tr>\n</table></body></html>")
			w.Write([]byte(b.String()))
			return
		}
	}
	http.NotFound(w, r)
}

var siteVersions = []siteVersion{
	{id: 901, created: "January 08, 2020 10:02", headline: "Russia and Turkey call for Libya truce",
		paras: []string{"Russia and Turkey have called for a ceasefire in Libya.", "The talks <b>began</b> on Wednesday.", "A third paragraph, \x1b]8;;x\x07hostile."}},
	{id: 917, created: "January 08, 2020 12:10", period: "about 2 hours later", headline: "Russia and Turkey call for Libya ceasefire",
		paras: []string{"Russia and Turkey have called for a ceasefire in Libya from Sunday.", "The talks <b>began</b> on Wednesday.", "A third paragraph, \x1b]8;;x\x07hostile."}},
	{id: 960, created: "January 09, 2020 08:00", period: "about 20 hours later", headline: "Russia and Turkey call for Libya ceasefire",
		paras: []string{"Russia and Turkey have called for a ceasefire in Libya from Sunday.", "The talks began on Wednesday in Istanbul."}},
}

func TestOpenNewsSnifferReadsEveryVersionExactly(t *testing.T) {
	site := newFakeSite(t, siteVersions)
	dir := t.TempDir()
	var grown []int
	o := Options{NewsSniffer: site.srv.URL, CacheDir: dir, Version: "test", Retries: -1, RequestsPerSecond: 1000,
		OnArticle: func(a model.Article) { grown = append(grown, len(a.Versions)) }}
	art, err := Open(context.Background(), site.srv.URL+"/articles/42", o)
	if err != nil {
		t.Fatal(err)
	}
	if len(art.Versions) != 3 || art.Source != "bbc" || art.URL != "https://www.bbc.co.uk/news/world-1" || art.Changes != 3 {
		t.Fatalf("article %+v", art)
	}
	for i, v := range art.Versions {
		want := siteVersions[i]
		if v.Number != i || v.Headline != want.headline || strings.Join(v.Paragraphs, "|") != strings.Join(want.paras, "|") {
			t.Errorf("version %d: %+v, want %+v", i, v, want)
		}
	}
	if art.Versions[0].Time != "2020-01-08T10:02:00Z" || art.Versions[1].Elapsed != "about 2 hours later" {
		t.Errorf("times %q %q", art.Versions[0].Time, art.Versions[1].Elapsed)
	}
	if fmt.Sprint(grown) != "[1 2 3]" {
		t.Errorf("grew %v", grown)
	}
	// The second open reads every page from the cache, offline.
	site.srv.Close()
	o.Offline = true
	again, err := Open(context.Background(), site.srv.URL+"/articles/42", o)
	if err != nil || len(again.Versions) != 3 {
		t.Errorf("offline reopen: %v, %d versions", err, len(again.Versions))
	}
}

func TestOpenNewsSnifferBadOutcomes(t *testing.T) {
	site := newFakeSite(t, siteVersions)
	o := Options{NewsSniffer: site.srv.URL, CacheDir: t.TempDir(), Retries: -1}
	_, err := Open(context.Background(), site.srv.URL+"/articles/7", o)
	wantProblem(t, err, NoCaptures) // 404: the site has no such article
	o.Offline = true
	_, err = Open(context.Background(), site.srv.URL+"/articles/42", o)
	wantProblem(t, err, OfflineEmpty)
}
