package tui

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"redline/model"
)

// searchHit is a paragraph that holds the query: version and paragraph
// indexes, and how many times the paragraph holds it (0 in the index,
// before a search).
type searchHit struct{ v, p, n int }

// search is a query across every version, with the paragraphs that match
// it in reading order: version by version, top to bottom.
type search struct {
	query string
	re    *regexp.Regexp // finds the query in text, for highlighting
	hits  []searchHit
	cur   int // the hit the reader is on, -1 before the first jump
	total int // occurrences in every hit
	// inHeadlines: with no hit, a headline holds the query (search reads
	// paragraphs only), which the footer says rather than "not found".
	inHeadlines bool
}

// smartCase makes a query case-insensitive unless it holds a capital, as
// in less and vim.
func smartCase(q string) bool {
	for _, r := range q {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// paragraphIndex holds each distinct paragraph of an article once, with
// where it stands: most paragraphs are the same in many versions, so
// searching the distinct text is searching far less.
type paragraphIndex struct {
	headlines []string // the versions' distinct headlines, which search does not reach
	texts     []string
	spaced    []string // texts with every space a plain one (spacedText)
	lower     []string // lower-cased spaced texts, made on first use
	places    [][]searchHit
}

func newParagraphIndex(art *model.Article) *paragraphIndex {
	ix := &paragraphIndex{}
	seen := map[string]int{}
	headlines := map[string]bool{}
	for _, ver := range art.Versions {
		if h := ver.Headline; h != "" && !headlines[h] {
			headlines[h] = true
			ix.headlines = append(ix.headlines, h)
		}
	}
	for v, ver := range art.Versions {
		for p, text := range ver.Paragraphs {
			id, ok := seen[text]
			if !ok {
				id = len(ix.texts)
				seen[text] = id
				ix.texts = append(ix.texts, text)
				ix.spaced = append(ix.spaced, spacedText(text))
				ix.places = append(ix.places, nil)
			}
			ix.places[id] = append(ix.places[id], searchHit{v: v, p: p})
		}
	}
	return ix
}

// find returns every paragraph, in every version, that holds the query,
// with how many times: as re, the expression the screen highlights with,
// counts them (strings.ToLower folds a few letters, such as İ, that the
// expression's case folding does not: what the screen cannot mark is not
// counted).
func (ix *paragraphIndex) find(query string, re *regexp.Regexp) []searchHit {
	fold := smartCase(query)
	if fold && ix.lower == nil {
		ix.lower = make([]string, len(ix.texts))
		for i, t := range ix.spaced {
			ix.lower[i] = strings.ToLower(t)
		}
	}
	q := spacedText(query)
	texts := ix.spaced
	if fold {
		q, texts = strings.ToLower(q), ix.lower
	}
	var hits []searchHit
	for id, t := range texts {
		if n := strings.Count(t, q); n > 0 {
			if fold || t != ix.texts[id] {
				if n = len(re.FindAllStringIndex(ix.texts[id], -1)); n == 0 {
					continue
				}
			}
			for _, h := range ix.places[id] {
				h.n = n
				hits = append(hits, h)
			}
		}
	}
	sortHits(hits)
	return hits
}

func sortHits(h []searchHit) {
	// Versions were indexed in order, but one text's places interleave
	// with another's: order by version, then paragraph.
	sort.Slice(h, func(i, j int) bool { return h[i].v < h[j].v || (h[i].v == h[j].v && h[i].p < h[j].p) })
}

// spacedText is s with every space character (a no-break space, a thin
// space: Unicode's Zs, and tabs) a plain space: what a reader types for
// the space they see. It is s itself when s has none.
func spacedText(s string) string {
	if strings.IndexFunc(s, otherSpace) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if otherSpace(r) {
			return ' '
		}
		return r
	}, s)
}

// otherSpace reports whether r is a space that is not the plain one.
func otherSpace(r rune) bool { return r != ' ' && (r == '\t' || unicode.Is(unicode.Zs, r)) }

// newSearch prepares a query; an empty query is no search. A space in
// the query matches any one space in the text, so "6 to 3" finds the
// text that joins them with no-break spaces, as the screen shows it.
func newSearch(ix *paragraphIndex, query string) *search {
	if query == "" {
		return nil
	}
	parts := strings.Split(spacedText(query), " ")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	expr := strings.Join(parts, `[\t\p{Zs}]`)
	if smartCase(query) {
		expr = "(?i)" + expr
	}
	re := regexp.MustCompile(expr)
	s := &search{query: query, re: re, hits: ix.find(query, re), cur: -1}
	for _, h := range s.hits {
		s.total += h.n
	}
	if len(s.hits) == 0 {
		s.inHeadlines = slices.ContainsFunc(ix.headlines, re.MatchString)
	}
	return s
}

// next is the index of the hit after (dir +1) or before (dir -1) the
// reader's place — version v, paragraph p — wrapping around the article,
// and whether it wrapped.
func (s *search) next(v, p, dir int) (int, bool) {
	if len(s.hits) == 0 {
		return -1, false
	}
	if dir > 0 {
		for i, h := range s.hits {
			if h.v > v || (h.v == v && h.p > p) {
				return i, false
			}
		}
		return 0, true
	}
	for i := len(s.hits) - 1; i >= 0; i-- {
		h := s.hits[i]
		if h.v < v || (h.v == v && h.p < p) {
			return i, false
		}
	}
	return len(s.hits) - 1, true
}

// status is the footer's account of the search: the query, which of the
// paragraphs that hold it the reader is on, and how many times it occurs
// in all ("/hifter: ¶ 14 of 18 · 24 matches").
func (s *search) status() string {
	q := model.Visible(s.query)
	if len(s.hits) == 0 {
		if s.inHeadlines {
			return fmt.Sprintf("/%s: only in headlines, which search does not reach", q)
		}
		return fmt.Sprintf("/%s: not found in any version", q)
	}
	matches := plural(s.total, "match", "matches")
	if s.cur < 0 {
		return fmt.Sprintf("/%s: %s in %s", q, matches, plural(len(s.hits), "paragraph", "paragraphs"))
	}
	return fmt.Sprintf("/%s: ¶ %d of %d · %s", q, s.cur+1, len(s.hits), matches)
}

// highlight marks the query's occurrences in spans, across span
// boundaries, so the renderer can draw them.
func highlight(spans []span, re *regexp.Regexp) []span {
	if re == nil {
		return spans
	}
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	locs := re.FindAllStringIndex(b.String(), -1)
	if len(locs) == 0 {
		return spans
	}
	out := make([]span, 0, len(spans)+2*len(locs))
	pos, li := 0, 0
	for _, s := range spans {
		start, end := pos, pos+len(s.text)
		cut := start
		for cut < end {
			// Skip matches that end before this point.
			for li < len(locs) && locs[li][1] <= cut {
				li++
			}
			if li == len(locs) || locs[li][0] >= end {
				out = append(out, span{s.text[cut-start:], s.role, s.match})
				break
			}
			ms, me := max(locs[li][0], cut), min(locs[li][1], end)
			if ms > cut {
				out = append(out, span{s.text[cut-start : ms-start], s.role, s.match})
			}
			out = append(out, span{s.text[ms-start : me-start], s.role, true})
			cut = me
		}
		pos = end
	}
	return out
}
