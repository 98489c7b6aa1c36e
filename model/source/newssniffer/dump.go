package newssniffer

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"redline/model"
	"redline/model/source/newssniffer/internal/cells"
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
		if strings.Contains(l, "Version") && dumpVersionLine.MatchString(model.CollapseSpace(l)) {
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
func ReadDump(file string, data []byte) (*model.Article, error) {
	d, err := parseDump(file, data)
	if err != nil {
		return nil, err
	}
	d.rows.Solve()
	return d.article(), nil
}

// dumpPage is a comparison dump taken apart: its header, its two
// versions' headlines, and its body rows waiting to be read.
type dumpPage struct {
	file        string
	art         model.Article // the header fields
	a, b        model.Version // numbers, headlines, elapsed; no paragraphs yet
	headlineRow string
	rows        *cells.Reader
	// keepsShared says that this dump and the one before it read their
	// shared version differently, and the chain keeps this dump's reading.
	keepsShared bool
}

// parseDump reads a dump's header and table rows.
func parseDump(file string, data []byte) (*dumpPage, error) {
	text, err := model.DecodeText(file, data)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(text, "\n")
	vline, ok := findVersionLine(lines)
	if !ok {
		return nil, model.InputErrorf(file, 0, `no "Version a Version b" line: not a NewsSniffer comparison dump`)
	}
	d := &dumpPage{file: file}
	for _, raw := range lines[:vline] {
		l := model.CollapseSpace(raw)
		if m := dumpSourceLine.FindStringSubmatch(l); m != nil {
			d.art.Source, d.art.FirstSeen = m[1], m[2]
		} else if m := dumpURLLine.FindStringSubmatch(l); m != nil {
			d.art.URL = m[1]
		} else if m := dumpChangesLine.FindStringSubmatch(l); m != nil {
			d.art.Changes, _ = strconv.Atoi(m[1])
		}
	}
	m := dumpVersionLine.FindStringSubmatch(model.CollapseSpace(lines[vline]))
	na, _ := strconv.Atoi(m[1])
	nb, _ := strconv.Atoi(m[2])
	d.a = model.Version{Number: na, Paragraphs: []string{}}
	d.b = model.Version{Number: nb, Paragraphs: []string{}}

	// The table: the headline row, the optional elapsed row, body rows.
	var rows []cells.Row
	for i := vline + 1; i < len(lines); i++ {
		if l := model.CollapseSpace(lines[i]); l != "" {
			rows = append(rows, cells.Row{Text: l, Line: i + 1})
		}
	}
	if len(rows) == 0 {
		return nil, model.InputErrorf(file, vline+1, "the comparison table is missing after the version line")
	}
	d.headlineRow = rows[0].Text
	d.a.Headline, d.b.Headline, d.a.HeadlineGuessed = splitHeadline(rows[0].Text)
	d.b.HeadlineGuessed = d.a.HeadlineGuessed
	rows = rows[1:]
	if len(rows) > 0 {
		if m := dumpElapsedRow.FindStringSubmatch(rows[0].Text); m != nil {
			d.b.Elapsed = m[1]
			rows = rows[1:]
		}
	}
	d.rows = cells.New(rows)
	return d, nil
}

// article is the page's article with the rows' current reading.
func (d *dumpPage) article() *model.Article {
	art := d.art
	a, b := d.a, d.b
	a.Paragraphs, a.Guessed, b.Paragraphs, b.Guessed = d.rows.Versions()
	art.Versions = []model.Version{a, b}
	art.Title = b.Headline
	return &art
}

// How splitHeadline weighs a cut of the headline row. Its score is not in
// nats but a share of words: wordLCSShare (0 to 1) of the two halves, plus
// these bonuses and minus the length penalty.
const (
	// headlineSameEndWord is added when the halves begin (or end) with the
	// same word: a reworded headline tends to keep its first or last word.
	headlineSameEndWord = 0.2
	// headlineCapitalStart is added when the right half starts with a
	// capital or a digit, as a headline does.
	headlineCapitalStart = 0.1
	// headlinePunctEnd is added when the left half ends in terminal
	// punctuation or a closing mark.
	headlinePunctEnd = 0.1
	// headlineLengthGap scales the penalty for halves of unequal length,
	// measured as a share of the row's bytes.
	headlineLengthGap = 0.3
	// headlineGuessMargin: a cut is a guess when the second best scores
	// within this of the best.
	headlineGuessMargin = 0.15
)

// splitHeadline cuts the headline row into the two versions' headlines.
// An unchanged headline fills both cells ("H H" or "HH"). A changed one is
// cut where the two halves read most alike — a headline is usually
// reworded, not replaced — and where the second starts like a headline;
// guessed is true when another cut is about as good.
func splitHeadline(text string) (a, b string, guessed bool) {
	if h, ok := cells.SameCells(text); ok {
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
			if !(unicode.IsUpper(c) || cells.IsOpener(c)) || !(unicode.IsLower(p) || cells.IsTerminal(p) || cells.IsCloser(p)) {
				continue
			}
			l, rt = text[:i], text[i:]
		default:
			continue
		}
		first, _ := utf8.DecodeRuneInString(rt)
		if l == "" || rt == "" || !cells.CanStartParagraph(first) {
			continue
		}
		lw, rw := words(l), words(rt)
		sc := wordLCSShare(lw, rw)
		// Reworded headlines tend to keep their first or last word.
		if len(lw) > 0 && len(rw) > 0 && lw[0] == rw[0] {
			sc += headlineSameEndWord
		}
		if len(lw) > 0 && len(rw) > 0 && lw[len(lw)-1] == rw[len(rw)-1] {
			sc += headlineSameEndWord
		}
		if unicode.IsUpper(first) || unicode.IsDigit(first) {
			sc += headlineCapitalStart
		}
		if last, _ := utf8.DecodeLastRuneInString(l); cells.IsTerminal(last) || cells.IsCloser(last) {
			sc += headlinePunctEnd
		}
		// Two headlines of one story are of about one length.
		sc -= headlineLengthGap * math.Abs(float64(len(l)-len(rt))) / float64(len(text))
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
	guessed = second >= 0 && cands[best].score-cands[second].score < headlineGuessMargin
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
