package web

import (
	"net/url"
	"strconv"
	"strings"
)

// NewsSnifferArticle reports whether rawURL is a NewsSniffer article page
// (https://www.newssniffer.co.uk/articles/N, with or without "www.", a
// trailing slash, or a /diff/A/B tail) and returns its article number N.
func NewsSnifferArticle(rawURL string) (int, bool) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return 0, false
	}
	if h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."); h != "newssniffer.co.uk" {
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

// OpenNewsSniffer is the hook for reading an article's versions from
// NewsSniffer's live site. Reading it is not supported yet: it always
// fails with an *Error (Unsupported, or NotHTTP when rawURL is not a
// NewsSniffer article URL). A page saved from NewsSniffer is read by the
// newssniffer package instead.
func OpenNewsSniffer(rawURL string) error {
	if _, ok := NewsSnifferArticle(rawURL); !ok {
		return newErr(rawURL, NotHTTP, nil, "not a NewsSniffer article URL")
	}
	return newErr(rawURL, Unsupported, nil, "reading NewsSniffer's site; save the comparison page and open the file")
}
