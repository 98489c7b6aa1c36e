package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"redline/model"
	"redline/model/source/newssniffer"
)

// NewsSnifferArticle reports whether rawURL is a NewsSniffer article page
// (https://www.newssniffer.co.uk/articles/N, with or without "www.", a
// trailing slash, or a /diff/A/B tail) and returns its article number N.
func NewsSnifferArticle(rawURL string) (int, bool) {
	return newsSnifferArticle(rawURL, DefaultNewsSniffer)
}

// newsSnifferArticle is NewsSnifferArticle for the site at root.
func newsSnifferArticle(rawURL, root string) (int, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return 0, false
	}
	r, err := url.Parse(root)
	if err != nil {
		return 0, false
	}
	site := func(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }
	if site(u.Host) != site(r.Host) {
		return 0, false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) < 2 || parts[0] != "articles" {
		return 0, false
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// OpenNewsSniffer reads an article's versions from NewsSniffer's own
// site (opts.NewsSniffer, by default DefaultNewsSniffer): its article
// page lists every version, and each version's page holds its text
// exactly, one paragraph a <p>, so nothing is inferred. Version numbers
// are the site's (from 0); Time is the site's time of the version (UTC);
// Elapsed is the site's "about 2 hours later".
//
// Pages are fetched as Open fetches captures: politely, through the
// cache. A version page never changes, so it is fetched once; the article
// page is asked again unless the cache holds it and neither Refresh nor a
// missing version says otherwise; Offline reads only the cache.
//
// Errors are *Error (NotHTTP for a URL that is not an article page of
// the site, NoNetwork, Refused, OfflineEmpty, Unreadable for a page that
// is not what the site serves) or the context's error; on cancellation
// the versions read so far are returned with it.
func OpenNewsSniffer(ctx context.Context, rawURL string, opts Options) (model.Article, error) {
	o := opts.withDefaults()
	n, ok := newsSnifferArticle(rawURL, o.NewsSniffer)
	if !ok {
		return model.Article{}, newErr(rawURL, NotHTTP, nil, "not a NewsSniffer article URL")
	}
	c, err := openCacheFor(rawURL, &o)
	if err != nil {
		return model.Article{}, err
	}
	defer c.done()
	f := newFetcher(&o)
	page := strings.TrimSuffix(o.NewsSniffer, "/") + "/articles/" + strconv.Itoa(n)
	body, err := sitePage(ctx, f, c, &o, page, !o.Refresh)
	if err != nil {
		return model.Article{}, siteErr(ctx, rawURL, err)
	}
	index, err := newssniffer.ReadSiteArticle(page, body)
	if err != nil {
		return model.Article{}, newErr(rawURL, Unreadable, err, "%v", err)
	}
	art := index.Article
	art.Versions = []model.Version{}
	base, _ := url.Parse(page)
	for i, sv := range index.Versions {
		link, err := base.Parse(sv.Link)
		if err != nil {
			art.Notes = append(art.Notes, fmt.Sprintf("version %d skipped: its link %q does not parse", sv.Number, sv.Link))
			continue
		}
		body, err := sitePage(ctx, f, c, &o, link.String(), true)
		if err != nil {
			return art, siteErr(ctx, rawURL, err)
		}
		v, err := newssniffer.ReadSiteVersion(link.String(), body)
		if err != nil {
			art.Notes = append(art.Notes, fmt.Sprintf("version %d skipped: %v", sv.Number, err))
			continue
		}
		v.Number, v.Time, v.Elapsed = sv.Number, sv.Time, sv.Elapsed
		art.Versions = append(art.Versions, v)
		if o.OnArticle != nil {
			cp := art
			cp.Versions = append([]model.Version(nil), art.Versions...)
			o.OnArticle(cp)
		}
		if o.Progress != nil {
			o.Progress(i+1, len(index.Versions))
		}
	}
	if len(art.Versions) == 0 {
		return art, newErr(rawURL, NoCaptures, nil, "none of its %d versions could be read", len(index.Versions))
	}
	art.Title = art.Versions[len(art.Versions)-1].Headline
	return art, nil
}

// sitePage is one page of the site, from the cache when cached is true
// and it holds the page, else fetched and kept.
func sitePage(ctx context.Context, f *fetcher, c *cache, o *Options, page string, cached bool) ([]byte, error) {
	if data, ok := c.get("newssniffer", page); ok && (cached || o.Offline) {
		return data, nil
	}
	if o.Offline {
		return nil, newErr(page, OfflineEmpty, nil, "the cache holds no copy of it")
	}
	body, _, err := f.get(ctx, page)
	if err != nil {
		return nil, err
	}
	c.put("newssniffer", page, body)
	return body, nil
}

// siteErr is a failed page fetch as Open reports its own.
func siteErr(ctx context.Context, rawURL string, err error) error {
	var st *status
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.As(err, new(*Error)):
		return err
	case errors.As(err, &st) && st.Code == http.StatusNotFound:
		return newErr(rawURL, NoCaptures, err, "NewsSniffer has no such page")
	case isRefusal(err):
		return newErr(rawURL, Refused, err, "%v", err)
	default:
		return newErr(rawURL, NoNetwork, err, "%s", netWords(err))
	}
}
