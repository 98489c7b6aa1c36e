// Package web recovers the versions of a news article from where the web
// keeps them: the captures that Wayback-compatible archives hold of a URL
// (CDX API or Memento TimeMap), WARC files, and article pages saved as
// HTML. Every page goes through one extraction step (headline, byline,
// times, body paragraphs) and identical consecutive texts are merged, so
// each model.Version is a real change.
//
// What is fetched from the network is kept in a bounded on-disk cache, so
// a second open is instant and works offline. Network access is polite: a
// User-Agent naming redline, a per-host pace, bounded retries that honour
// Retry-After, and a context that stops everything at once.
//
// The package depends on redline/model for its types and on
// redline/model/source/newssniffer to read the pages of NewsSniffer's own
// site. It must not import bubbletea, lipgloss, redline/tui or anything
// else that draws on a terminal, nor model/source (which imports it).
package web
