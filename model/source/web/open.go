package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"redline/model"
)

// Open returns the versions of the article at rawURL that the archives in
// opts hold: each distinct capture is fetched raw (or read from the
// cache), its article extracted, and a capture whose text repeats the one
// before it dropped. Versions are numbered from 1, oldest first; Time is
// the capture time (RFC 3339, UTC), Label the archive timestamp
// (YYYYMMDDhhmmss), Author the byline. A capture that is not HTML, holds
// no article, that the archive failed to send (a closed connection, a
// timeout: asked once) or that Offline finds no copy of is skipped and
// named in Article.Notes. A NewsSniffer article URL is read from
// NewsSniffer's site instead (OpenNewsSniffer).
//
// Errors are *Error (NotHTTP, NoNetwork, NoCaptures, Refused,
// OfflineEmpty, BadAnswer) or the context's error. When ctx is cancelled,
// an archive refuses, or one can no longer be reached at all (a name not
// found, a connection refused), midway, Open returns the article as read
// so far together with the error, so what was fetched is kept.
func Open(ctx context.Context, rawURL string, opts Options) (model.Article, error) {
	o := opts.withDefaults()
	if _, ok := newsSnifferArticle(rawURL, o.NewsSniffer); ok {
		return OpenNewsSniffer(ctx, rawURL, opts)
	}
	target, err := checkURL(rawURL)
	if err != nil {
		return model.Article{}, err
	}
	c, err := openCacheFor(rawURL, &o)
	if err != nil {
		return model.Article{}, err
	}
	defer c.done()
	f := newFetcher(&o)
	tl := newTimeline(hostOf(target), target)
	if o.Progress != nil {
		o.Progress(0, 0) // the lists are asked for
	}
	caps, err := listAll(ctx, f, c, &o, target, tl)
	if err != nil {
		return tl.article(), err
	}
	if len(caps) == 0 {
		return tl.article(), newErr(rawURL, NoCaptures, nil, "the archives hold no capture of it")
	}
	var lost error             // the last capture the network failed to bring
	var refused error          // the last capture the archive refused
	notCached := 0             // offline, the captures the cache lacks
	inARow := map[string]int{} // by archive: captures refused since the last it did not refuse
	// one asks for a capture and adds what it holds, noting why it did
	// not; its error ends the reading.
	one := func(cp capture) error {
		if inARow[cp.Archive] >= refusedInARow {
			// An archive that refuses capture after capture (rate
			// limited, down) is asked no more: what came is kept, and
			// the other archives are still asked.
			if inARow[cp.Archive] == refusedInARow {
				inARow[cp.Archive]++ // said once
				tl.note("%s refused %d captures in a row: its later ones were not asked for", hostPart(cp.Archive), refusedInARow)
			}
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		ctype, body, err := captureBody(ctx, f, c, &o, cp)
		switch {
		case err == nil:
			addCapture(tl, cp, ctype, body, &o)
		case ctx.Err() != nil:
			return ctx.Err()
		case isRefusal(err):
			// One capture refused (403, 429, 5xx after retries): the
			// others still read.
			refused = err
			inARow[cp.Archive]++
			tl.note("capture %s skipped: the archive refused it (%v)", cp.Timestamp, err)
			return nil
		case errors.Is(err, errNotCached):
			// Offline, a capture never fetched (a 404 is never kept):
			// the others still read.
			notCached++
			tl.note("capture %s skipped: not in the cache (offline)", cp.Timestamp)
		case unreachable(err):
			return newErr(rawURL, NoNetwork, err, "%s", netWords(err))
		case isNetErr(err):
			// One capture the archive failed to send (a closed
			// connection, a timeout): the others still read.
			lost = err
			tl.note("capture %s skipped: %s", cp.Timestamp, netWords(err))
		default:
			tl.note("capture %s skipped: %v", cp.Timestamp, err)
		}
		inARow[cp.Archive] = 0
		return nil
	}
	for i, cp := range caps {
		if err := one(cp); err != nil {
			return tl.article(), err
		}
		if o.Progress != nil {
			o.Progress(i+1, len(caps))
		}
	}
	if len(tl.a.Versions) == 0 && notCached > 0 {
		return tl.article(), newErr(rawURL, OfflineEmpty, nil, "the cache holds none of its %d captures", len(caps))
	}
	if len(tl.a.Versions) == 0 && refused != nil {
		return tl.article(), newErr(rawURL, Refused, refused, "%v", refused)
	}
	if len(tl.a.Versions) == 0 && lost != nil {
		return tl.article(), newErr(rawURL, NoNetwork, lost, "%s", netWords(lost))
	}
	if len(tl.a.Versions) == 0 {
		return tl.article(), newErr(rawURL, NoCaptures, nil,
			"none of its %d captures holds an article", len(caps))
	}
	return tl.article(), nil
}

// openCacheFor opens the cache the options name for a fetch of rawURL;
// done, deferred, sweeps it when the fetch wrote to it.
func openCacheFor(rawURL string, o *Options) (*cache, error) {
	dir, err := CacheDir(o.CacheDir)
	if err != nil {
		return nil, newErr(rawURL, NoNetwork, err, "no cache directory: %v", err)
	}
	c, err := openCache(dir, o.CacheMaxBytes)
	if err != nil {
		return nil, newErr(rawURL, NoNetwork, err, "cache: %v", err)
	}
	return c, nil
}

// done ends a fetch's use of the cache: a fetch that wrote sweeps it, to
// keep it within its bound.
func (c *cache) done() {
	if c.wrote {
		c.sweep()
	}
}

// checkURL accepts an absolute http(s) URL with a host.
func checkURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", newErr(raw, NotHTTP, err, "give an absolute http:// or https:// URL")
	}
	return u.String(), nil
}

func hostOf(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// listAll gathers the captures every archive lists, from the cache unless
// Refresh, from the network unless Offline. An archive that fails is
// named in the notes; Open fails only when none answered.
func listAll(ctx context.Context, f *fetcher, c *cache, o *Options, target string, tl *timeline) ([]capture, error) {
	var lists [][]capture
	var firstErr error
	answered := false
	for _, root := range o.Archives {
		// An archive named with or without its trailing slash is one
		// archive, and one list in the cache (the slash of a TimeMap
		// prefix is kept for the asking).
		key := strings.TrimRight(root, "/") + "\x00" + target
		data, haveCache := c.get("lists", key)
		var cached cachedList
		if haveCache {
			cached, haveCache = readCachedList(data)
		}
		age := o.Now().Sub(cached.Fetched)
		fresh := !cached.Fetched.IsZero() && age >= 0 && age < o.ListMaxAge // a list from the future is stale too
		if haveCache && (o.Offline || fresh && !o.Refresh) {
			lists, answered = append(lists, cached.Captures), true
			continue
		}
		if o.Offline {
			continue
		}
		l, err := listOne(ctx, f, root, target)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if haveCache { // asked again, but the old list still serves
				tl.note("%s: %s; using the list of captures cached before", root, netWords(err))
				lists, answered = append(lists, cached.Captures), true
				continue
			}
			tl.note("%s: %s", root, netWords(err))
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if len(l) == 0 && haveCache && len(cached.Captures) > 0 {
			// An archive that lists none of the captures it listed
			// before (a passing 404) does not wipe the list out.
			tl.note("%s lists no captures now; using the list cached before", hostPart(root))
			lists, answered = append(lists, cached.Captures), true
			continue
		}
		if l == nil {
			l = []capture{} // kept as an answer: no captures
		}
		if data, err := json.Marshal(cachedList{Fetched: o.Now().UTC(), Captures: l}); err == nil {
			c.put("lists", key, data)
		}
		lists, answered = append(lists, l), true
	}
	if !answered {
		switch {
		case o.Offline:
			return nil, newErr(target, OfflineEmpty, nil, "the cache holds no captures of it")
		case isRefusal(firstErr):
			return nil, newErr(target, Refused, firstErr, "%v", firstErr)
		case isNetErr(firstErr):
			return nil, newErr(target, NoNetwork, firstErr, "%s", netWords(firstErr))
		default:
			// The archive answered, in a form that is not a list of
			// captures (an HTML page where CDX rows were asked for).
			return nil, newErr(target, BadAnswer, firstErr, "%v", firstErr)
		}
	}
	return mergeCaptures(lists), nil
}

func listOne(ctx context.Context, f *fetcher, root, target string) ([]capture, error) {
	body, _, err := f.get(ctx, listURL(root, target))
	if err != nil {
		var s *status
		if errors.As(err, &s) && s.Code == http.StatusNotFound {
			return nil, nil // Wayback and pywb answer 404 for "no captures"
		}
		return nil, err
	}
	if isTimeMap(root) {
		return parseTimeMap(root, target, body), nil
	}
	return parseCDX(root, body)
}

// captureBody returns a capture's Content-Type and body, from the cache
// or fetched (and then cached).
func captureBody(ctx context.Context, f *fetcher, c *cache, o *Options, cp capture) (string, []byte, error) {
	key := strings.TrimRight(cp.Archive, "/") + "\x00" + cp.Digest // with or without its slash
	if data, ok := c.get("captures", key); ok {
		if ct, body, ok := decodeCapture(data); ok {
			return ct, body, nil
		}
	}
	if o.Offline {
		return "", nil, errNotCached
	}
	body, ct, final, err := f.getFrom(context.WithValue(ctx, captureRequest{}, true), cp.Raw)
	if err != nil {
		return "", nil, err
	}
	if _, ts := rawMemento(final); ts != "" && cp.Timestamp != "" && ts != cp.Timestamp {
		// The archive sent another capture (Wayback redirects to the
		// nearest it has): dated as asked, its text would date an edit
		// wrongly. Not cached under this capture's digest either.
		return "", nil, &otherCapture{sent: ts}
	}
	if ct == "" {
		ct = cp.Mime
	}
	c.put("captures", key, encodeCapture(ct, body))
	return ct, body, nil
}

// cachedList is a list of captures as the cache keeps it, with when it
// was fetched.
type cachedList struct {
	Fetched  time.Time `json:"fetched"`
	Captures []capture `json:"captures"`
}

// readCachedList reads a cached list; one kept before lists carried
// their time (a bare array) reads as fetched at no known time: stale.
func readCachedList(data []byte) (cachedList, bool) {
	var l cachedList
	if json.Unmarshal(data, &l) == nil && l.Captures != nil {
		return l, true
	}
	var bare []capture
	if json.Unmarshal(data, &bare) == nil {
		return cachedList{Captures: bare}, true
	}
	return cachedList{}, false
}

// refusedInARow is how many captures an archive may refuse in a row
// before the rest are not asked for.
const refusedInARow = 3

// otherCapture is a capture the archive answered with another one's
// text (a redirect to another time).
type otherCapture struct{ sent string }

func (o *otherCapture) Error() string {
	return "the archive sent the capture of " + o.sent + " instead, whose text this capture's time would misdate"
}

// errNotCached is a capture asked for offline that the cache lacks.
var errNotCached = errors.New("not in the cache")

// addCapture extracts one capture into the timeline, or notes why not.
func addCapture(tl *timeline, cp capture, ctype string, body []byte, o *Options) {
	// Gzip bytes the archive served as they were stored, without the
	// Content-Encoding that said so: read as text they were garbage.
	if bytes.HasPrefix(body, gzipMagic) {
		if zr, err := gzip.NewReader(bytes.NewReader(body)); err == nil {
			page, err := readPage(zr) // bounded: a capture is no gzip bomb's
			if err != nil {
				tl.note("capture %s skipped: %v", cp.Timestamp, err)
				return
			}
			body = page
		}
	}
	if !isHTML(ctype, body) {
		tl.note("capture %s skipped: not HTML (%s)", cp.Timestamp, ctype)
		return
	}
	p, err := Extract(bytes.NewReader(body), ctype, cp.Original)
	if err != nil {
		tl.note("capture %s skipped: %v", cp.Timestamp, err)
		return
	}
	if tl.add(p, cp.Time, cp.Timestamp) && o.OnArticle != nil {
		o.OnArticle(tl.article())
	}
}

// isHTML trusts a Content-Type that names HTML, else sniffs the body.
func isHTML(ctype string, body []byte) bool {
	ct := strings.ToLower(ctype)
	if strings.Contains(ct, "html") {
		return true
	}
	if ct != "" && !strings.HasPrefix(ct, "text/plain") && !strings.HasPrefix(ct, "application/octet-stream") {
		return false
	}
	return strings.HasPrefix(http.DetectContentType(body), "text/html")
}

// isRefusal: the archive answered, but not with the capture (403, 429,
// 5xx after retries).
func isRefusal(err error) bool {
	var s *status
	return errors.As(err, &s) && (s.Code == http.StatusForbidden || s.Code == http.StatusTooManyRequests || s.Code >= 500)
}
