package model

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The header sentences of a NewsSniffer comparison page, as the flattened
// dump keeps them. Any of them may be missing except the version line.
var (
	dumpSourceLine  = regexp.MustCompile(`^This article is from the source '(.*?)' and was first published or seen on (.*?)\.(?: |$)`)
	dumpURLLine     = regexp.MustCompile(`^You can find the current article at its original source at (\S+)`)
	dumpChangesLine = regexp.MustCompile(`^The article has changed (\d+) times?\.`)
	dumpVersionLine = regexp.MustCompile(`^Version (\d{1,9}) Version (\d{1,9})$`)
	// NewsSniffer prints how much later version b was seen than version a
	// as "(about 2 hours later)"; time_ago_in_words never nests brackets.
	dumpElapsedRow = regexp.MustCompile(`^\(([^()]{1,80} (?:later|earlier))\)$`)
)

// LooksLikeDump reports whether text has the version line that every
// NewsSniffer comparison dump carries; it is how the kind of an input is
// recognised from its content.
func LooksLikeDump(text string) bool {
	_, ok := findVersionLine(strings.Split(text, "\n"))
	return ok
}

func findVersionLine(lines []string) (int, bool) {
	for i, l := range lines {
		if strings.Contains(l, "Version") && dumpVersionLine.MatchString(collapseSpace(l)) {
			return i, true
		}
	}
	return 0, false
}

// ReadDump reads a NewsSniffer comparison page flattened to text (see
// DESIGN.md, "The seed format") into an article with the two versions the
// page compares. file names the input in errors.
//
// The body rows lost the boundary between their two cells; ReadDump
// recovers it from the whole page (see split.go) and lists in each
// version's Guessed the paragraphs whose reading the page left open.
func ReadDump(file string, data []byte) (*Article, error) {
	d, err := parseDump(file, data)
	if err != nil {
		return nil, err
	}
	d.rows.solve()
	return d.article(), nil
}

// dumpPage is a comparison dump taken apart: its header, its two
// versions' headlines, and its body rows waiting to be read.
type dumpPage struct {
	file        string
	art         Article // the header fields
	a, b        Version // numbers, headlines, elapsed; no paragraphs yet
	headlineRow string
	rows        *rowReader
	solo        float64 // the rows\' score read alone, before a chain
}

// parseDump reads a dump's header and table rows.
func parseDump(file string, data []byte) (*dumpPage, error) {
	text, err := decodeText(file, data)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(text, "\n")
	vline, ok := findVersionLine(lines)
	if !ok {
		return nil, inputErr(file, 0, `no "Version a Version b" line: not a NewsSniffer comparison dump`)
	}
	d := &dumpPage{file: file}
	for _, raw := range lines[:vline] {
		l := collapseSpace(raw)
		if m := dumpSourceLine.FindStringSubmatch(l); m != nil {
			d.art.Source, d.art.FirstSeen = m[1], m[2]
		} else if m := dumpURLLine.FindStringSubmatch(l); m != nil {
			d.art.URL = m[1]
		} else if m := dumpChangesLine.FindStringSubmatch(l); m != nil {
			d.art.Changes, _ = strconv.Atoi(m[1])
		}
	}
	m := dumpVersionLine.FindStringSubmatch(collapseSpace(lines[vline]))
	na, _ := strconv.Atoi(m[1])
	nb, _ := strconv.Atoi(m[2])
	d.a = Version{Number: na, Paragraphs: []string{}}
	d.b = Version{Number: nb, Paragraphs: []string{}}

	// The table: the headline row, the optional elapsed row, body rows.
	var rows []dumpRow
	for i := vline + 1; i < len(lines); i++ {
		if l := collapseSpace(lines[i]); l != "" {
			rows = append(rows, dumpRow{text: l, line: i + 1})
		}
	}
	if len(rows) == 0 {
		return nil, inputErr(file, vline+1, "the comparison table is missing after the version line")
	}
	d.headlineRow = rows[0].text
	d.a.Headline, d.b.Headline, d.a.HeadlineGuessed = splitHeadline(rows[0].text)
	d.b.HeadlineGuessed = d.a.HeadlineGuessed
	rows = rows[1:]
	if len(rows) > 0 {
		if m := dumpElapsedRow.FindStringSubmatch(rows[0].text); m != nil {
			d.b.Elapsed = m[1]
			rows = rows[1:]
		}
	}
	d.rows = newRowReader(rows)
	return d, nil
}

// article is the page's article with the rows' current reading.
func (d *dumpPage) article() *Article {
	art := d.art
	a, b := d.a, d.b
	a.Paragraphs, a.Guessed, b.Paragraphs, b.Guessed = d.rows.versions()
	art.Versions = []Version{a, b}
	art.Title = b.Headline
	return &art
}

// splitHeadline cuts the headline row into the two versions' headlines.
// An unchanged headline fills both cells ("H H" or "HH"). A changed one is
// cut where the two halves read most alike — a headline is usually
// reworded, not replaced — and where the second starts like a headline;
// guessed is true when another cut is about as good.
func splitHeadline(text string) (a, b string, guessed bool) {
	if h, ok := sameCells(text); ok {
		return h, h, false
	}
	type cand struct {
		l, r  string
		score float64
	}
	var cands []cand
	for i, c := range text {
		if i == 0 {
			continue
		}
		var l, rt string
		switch {
		case c == ' ':
			l, rt = text[:i], text[i+1:]
		case text[i-1] != ' ':
			p, _ := utf8.DecodeLastRuneInString(text[:i])
			if !(unicode.IsUpper(c) || isOpener(c)) || !(unicode.IsLower(p) || isTerminal(p) || isCloser(p)) {
				continue
			}
			l, rt = text[:i], text[i:]
		default:
			continue
		}
		first, _ := utf8.DecodeRuneInString(rt)
		if l == "" || rt == "" || !canStartParagraph(first) {
			continue
		}
		lw, rw := words(l), words(rt)
		sc := wordLCSShare(lw, rw)
		// Reworded headlines tend to keep their first or last word.
		if len(lw) > 0 && len(rw) > 0 && lw[0] == rw[0] {
			sc += 0.2
		}
		if len(lw) > 0 && len(rw) > 0 && lw[len(lw)-1] == rw[len(rw)-1] {
			sc += 0.2
		}
		if unicode.IsUpper(first) || unicode.IsDigit(first) {
			sc += 0.1
		}
		if last, _ := utf8.DecodeLastRuneInString(l); isTerminal(last) || isCloser(last) {
			sc += 0.1
		}
		// Two headlines of one story are of about one length.
		sc -= 0.3 * math.Abs(float64(len(l)-len(rt))) / float64(len(text))
		cands = append(cands, cand{l, rt, sc})
	}
	if len(cands) == 0 {
		return text, text, true
	}
	best, second := 0, -1
	for i, c := range cands {
		if c.score > cands[best].score {
			best = i
		}
	}
	for i, c := range cands {
		if i != best && (second < 0 || c.score > cands[second].score) {
			second = i
		}
	}
	guessed = second >= 0 && cands[best].score-cands[second].score < 0.15
	return cands[best].l, cands[best].r, guessed
}

// wordLCSShare is how much of two word lists their longest common
// subsequence covers: 2·LCS / (len(a) + len(b)).
func wordLCSShare(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(b)]) / float64(len(a)+len(b))
}

// words are the lower-cased words (letters and digits) of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	})
}
