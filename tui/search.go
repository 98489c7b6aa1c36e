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
// boundaries, so the renderer can draw them. It reads each side of the
// edits as a text of its own: the new text (all but the deletions), which
// is what search counted, and the old one (all but the insertions). Read
// as one run, "to begin Saturday nightthis weekend" would hide a match of
// "to begin this" that the footer counts.
func highlight(spans []span, re *regexp.Regexp) []span {
	if re == nil {
		return spans
	}
	marks := make([][][2]int, len(spans)) // by span: the byte ranges to mark
	found := false
	passes := []role{roleDeleted, roleInserted}
	if !slices.ContainsFunc(spans, func(s span) bool { return s.role.edit() == roleDeleted || s.role.edit() == roleInserted }) {
		passes = passes[:1] // no edit: the old text and the new are one
	}
	for _, leftOut := range passes {
		var b strings.Builder
		at := make([]int, len(spans)) // where each span starts in b; -1: left out
		for i, s := range spans {
			if s.role.edit() == leftOut {
				at[i] = -1
				continue
			}
			at[i] = b.Len()
			b.WriteString(s.text)
		}
		for _, loc := range re.FindAllStringIndex(b.String(), -1) {
			for i, s := range spans {
				if at[i] < 0 {
					continue
				}
				lo, hi := max(loc[0], at[i]), min(loc[1], at[i]+len(s.text))
				if lo < hi {
					marks[i] = append(marks[i], [2]int{lo - at[i], hi - at[i]})
					found = true
				}
			}
		}
	}
	if !found {
		return spans
	}
	out := make([]span, 0, len(spans)+4)
	for i, s := range spans {
		if len(marks[i]) == 0 {
			out = append(out, s)
			continue
		}
		in := make([]bool, len(s.text))
		for _, m := range marks[i] {
			for k := m[0]; k < m[1]; k++ {
				in[k] = true
			}
		}
		for k := 0; k < len(s.text); {
			e := k
			for e < len(s.text) && in[e] == in[k] {
				e++
			}
			out = append(out, span{s.text[k:e], s.role, s.match || in[k]})
			k = e
		}
	}
	return out
}
