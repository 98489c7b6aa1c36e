package web

import (
	"net/http"
	"time"

	"redline/model"
)

// DefaultArchives are the archive roots asked when Options.Archives is
// empty: the Internet Archive's Wayback Machine.
var DefaultArchives = []string{"https://web.archive.org"}

// Options tune Open. The zero value is ready to use: the default archive,
// the user cache, two requests a second per host, four retries.
type Options struct {
	// Archives are the roots asked for captures, in order. A root is a
	// Wayback-compatible server (Internet Archive, pywb, OpenWayback:
	// ROOT/cdx/search/cdx and ROOT/web/TIMESTAMPid_/URL) or, when it
	// contains "timemap", a Memento TimeMap prefix the URL is appended
	// to (e.g. https://web.archive.org/web/timemap/link/).
	Archives []string
	// CacheDir overrides where captures are kept (see CacheDir).
	CacheDir string
	// CacheMaxBytes bounds the cache; 0 means DefaultCacheMaxBytes.
	CacheMaxBytes int64
	// Refresh asks the archives for their list of captures again even
	// when the cache holds one. Captures already cached are not fetched
	// again: a capture never changes.
	Refresh bool
	// Offline uses only the cache; Open fails with OfflineEmpty when it
	// holds no list of captures for the URL.
	Offline bool
	// ListMaxAge is how long a cached list of captures serves before the
	// archives are asked again (new captures come as an article
	// changes); 0 means DefaultListMaxAge. Captures themselves never go
	// stale.
	ListMaxAge time.Duration
	// Now is the clock that dates cached lists; nil means time.Now.
	Now func() time.Time
	// Version is redline's version, sent in the User-Agent
	// ("redline/VERSION").
	Version string
	// RequestsPerSecond paces requests to each host; 0 means 2.
	RequestsPerSecond float64
	// RequestTimeout bounds one request; 0 means 30 seconds.
	RequestTimeout time.Duration
	// Retries is how many times a 429 or 5xx answer (or a failed
	// connection) is retried; 0 means 4, a negative value none.
	Retries int
	// RetryWaitMin and RetryWaitMax bound the exponential backoff between
	// retries; 0 means 1 s and 30 s. A Retry-After header sets the wait.
	RetryWaitMin, RetryWaitMax time.Duration
	// MaxRetryAfter is the longest Retry-After redline will wait; an
	// archive asking for longer is taken as refusing. 0 means 2 minutes.
	MaxRetryAfter time.Duration
	// Progress, when set, is called with 0 of 0 as the lists of captures
	// are asked for, then after each capture is handled with how many of
	// the total have been.
	Progress func(done, total int)
	// OnArticle, when set, is called with the article so far each time a
	// capture adds a version, so a reader can open before the rest
	// arrives. The article passed is the caller's to keep.
	OnArticle func(model.Article)
	// Transport, when set, replaces http.DefaultTransport (tests, proxies).
	Transport http.RoundTripper
	// NewsSniffer is the root of NewsSniffer's site; empty means
	// DefaultNewsSniffer. A URL ROOT/articles/N is read from the site
	// itself, its versions exact, instead of from the archives.
	NewsSniffer string
}

// DefaultNewsSniffer is the root of NewsSniffer's site.
const DefaultNewsSniffer = "https://www.newssniffer.co.uk"

func (o Options) withDefaults() Options {
	if len(o.Archives) == 0 {
		o.Archives = DefaultArchives
	}
	if o.NewsSniffer == "" {
		o.NewsSniffer = DefaultNewsSniffer
	}
	if o.RequestsPerSecond <= 0 {
		o.RequestsPerSecond = 2
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 30 * time.Second
	}
	switch {
	case o.Retries == 0:
		o.Retries = 4
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.RetryWaitMin <= 0 {
		o.RetryWaitMin = time.Second
	}
	if o.RetryWaitMax <= 0 {
		o.RetryWaitMax = 30 * time.Second
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 2 * time.Minute
	}
	if o.ListMaxAge <= 0 {
		o.ListMaxAge = DefaultListMaxAge
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// DefaultListMaxAge is how long a cached list of captures serves: an
// hour, so that reading an article again later that day asks whether it
// changed, and reading it twice in a row asks nothing.
const DefaultListMaxAge = time.Hour

func (o *Options) transport() http.RoundTripper {
	if o.Transport != nil {
		return o.Transport
	}
	return http.DefaultTransport
}
