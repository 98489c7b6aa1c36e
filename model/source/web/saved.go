package web

import (
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"redline/model"
)

// LooksLikeArticlePage reports whether head, the first bytes of an input
// (a few KiB are enough), is an HTML page: after an optional byte-order
// mark and whitespace it starts with <!doctype html, <html, <head, or an
// HTML comment (a "saved from" or SingleFile note), or it starts with
// other markup and holds <html or <head within its first 1 KiB. It never parses the page.
func LooksLikeArticlePage(head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(h) > 1024 {
		h = h[:1024]
	}
	low := bytes.ToLower(h)
	for _, p := range []string{"<!doctype html", "<html", "<head", "<!--"} {
		if bytes.HasPrefix(low, []byte(p)) {
			return true
		}
	}
	// Other markup first (<?xml …?>, a stray tag): HTML if <html or <head
	// follows soon. Text that merely mentions a tag does not start with one.
	return bytes.HasPrefix(low, []byte("<")) &&
		(bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<head")))
}

// savedNote finds the capture time some savers write into the page:
// SingleFile ("saved date: Tue Mar 10 2015 12:00:00 GMT+0000") and
// wget/HTTrack style comments with an RFC 1123 or RFC 3339 date.
var savedNote = regexp.MustCompile(`(?i)<!--[^>]*?(?:saved date|saved on|mirrored from[^>]*? on|saved from[^>]*? on)[: ]+([^>\n]*?)\s*(?:-->|\n)`)

var noteLayouts = []string{
	"Mon Jan 02 2006 15:04:05 GMT-0700", time.RFC1123, time.RFC1123Z, time.RFC3339,
	"Mon, 02 Jan 2006 15:04:05 MST", "2006-01-02 15:04:05",
}

// savedTime is when a saver says it saved the page, or the zero time.
func savedTime(data []byte) time.Time {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	m := savedNote.FindSubmatch(head)
	if m == nil {
		return time.Time{}
	}
	s := string(m[1])
	if i := bytes.IndexByte(m[1], '('); i > 0 { // "GMT+0000 (Coordinated Universal Time)"
		s = string(bytes.TrimSpace(m[1][:i]))
	}
	for _, l := range noteLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// sameAddress reports whether two addresses a page gives for itself name
// one article: equal but for the scheme (http, https), the host's case,
// a leading www., a default port, a trailing slash, the fragment and the
// query's tracking parameters (utm_…, fbclid …), which a page saved from
// a newsletter's link carries. Other query parameters count: some sites
// name their articles by them (?id=123).
func sameAddress(a, b string) bool {
	return addressKey(a) == addressKey(b)
}

// addressKey is an address with what sameAddress ignores taken out.
func addressKey(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return s
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(k, "utm_") || trackingParams[k] {
			q.Del(k)
		}
	}
	key := host + strings.TrimSuffix(u.EscapedPath(), "/")
	if len(q) > 0 {
		key += "?" + q.Encode()
	}
	return key
}

// trackingParams are query parameters that say how a reader came to a
// page, not which page it is.
var trackingParams = map[string]bool{"fbclid": true, "gclid": true, "mc_cid": true, "mc_eid": true,
	"cmpid": true, "smid": true, "ref": true, "src": true, "ocid": true, "at_medium": true, "at_campaign": true}

// ReadSavedPages reads article pages saved as HTML files, all of one
// article, and returns them as versions. Their order is the page's own
// time (article:modified_time, else article:published_time or JSON-LD
// dateModified/datePublished, as extraction finds them), else a capture
// time the saver wrote in the file (SingleFile, wget), else the order of
// paths; pages with a time come before pages without, in path order. A
// version's Label is the file's base name, its Time the time used (empty
// when none). A file that holds no article is named in Notes; when none
// does, or a file cannot be read, the error is an *Error (NoCaptures,
// Unreadable).
func ReadSavedPages(paths []string) (model.Article, error) {
	type saved struct {
		path string
		page Page
		at   time.Time
		idx  int
	}
	var pages []saved
	var skipped []string
	for i, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return model.Article{}, newErr(p, Unreadable, err, "%v", err)
		}
		data = Gunzipped(data)
		if !LooksLikeArticlePage(data) {
			skipped = append(skipped, oneLine(filepath.Base(p)+": not an HTML page"))
			continue
		}
		pg, err := Extract(bytes.NewReader(data), "", "")
		if err != nil {
			skipped = append(skipped, oneLine(filepath.Base(p)+": "+err.Error()))
			continue
		}
		at := pg.Modified
		if at.IsZero() {
			at = pg.Published
		}
		if at.IsZero() {
			at = savedTime(data)
		}
		pages = append(pages, saved{p, pg, at, i})
	}
	sort.SliceStable(pages, func(i, j int) bool {
		a, b := pages[i], pages[j]
		if a.at.IsZero() != b.at.IsZero() {
			return !a.at.IsZero()
		}
		if !a.at.Equal(b.at) {
			return a.at.Before(b.at)
		}
		return a.idx < b.idx
	})
	// One article: the pages that name their address name one.
	var first *saved
	for i := range pages {
		s := &pages[i]
		if u, err := url.Parse(s.page.URL); err != nil || u.Host == "" {
			continue // none, or relative ("/a"): nothing to compare
		}
		if first == nil {
			first = s
		} else if !sameAddress(first.page.URL, s.page.URL) {
			return model.Article{}, newErr(s.path, Mixed, nil, "a page of another article than %s (%s, not %s)",
				filepath.Base(first.path), s.page.URL, first.page.URL)
		}
	}
	tl := newTimeline("", "")
	tl.files = true
	for _, s := range skipped {
		tl.note("%s skipped", s)
	}
	for _, s := range pages {
		tl.add(s.page, s.at, filepath.Base(s.path))
	}
	if first != nil {
		tl.a.URL = first.page.URL
	}
	for _, s := range pages {
		if s.page.Site != "" {
			tl.a.Source = s.page.Site // the newest page's name for its site
		}
	}
	if tl.a.Source == "" && tl.a.URL != "" {
		if u, err := url.Parse(tl.a.URL); err == nil {
			tl.a.Source = u.Hostname()
		}
	}
	if len(tl.a.Versions) == 0 {
		name := "saved pages"
		if len(paths) > 0 {
			name = paths[0]
		}
		return tl.article(), newErr(name, NoCaptures, nil, "no file holds an article")
	}
	return tl.article(), nil
}
