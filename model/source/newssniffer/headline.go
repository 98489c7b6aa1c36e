package newssniffer

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"redline/model/source/newssniffer/internal/cells"
)

// This file cuts the headline row into the two versions' headlines.

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
	// headlineSmallEnd is taken off when the left half ends in a word a
	// title-case headline keeps small ("in", "to", "of"): a headline does
	// not end mid-phrase, so the cut belongs after the phrase.
	headlineSmallEnd = 0.4
	// headlineSplitsPhrase is taken off when the two words either side of
	// the cut stand side by side in the article's body ("heavy rain",
	// "death toll"): the body's own phrase is one headline's, not the
	// seam between two.
	headlineSplitsPhrase = 0.3
	// headlineBodyStart is added when the right half starts with a word
	// that starts a sentence in the body, and headlineBodyEnd when the
	// left half ends with a word that ends a clause there: "Rescuers"
	// starts sentences, "Struggle" does not; "Floods" ends them, "Heavy"
	// does not. A headline starts and ends where prose does.
	headlineBodyStart = 0.15
	headlineBodyEnd   = 0.15
)

// splitHeadline cuts the headline row into the two versions' headlines.
// An unchanged headline fills both cells ("H H" or "HH"). A changed one is
// cut where the two halves read most alike — a headline is usually
// reworded, not replaced — and where the second starts like a headline;
// guessed is true when another cut is about as good.
func splitHeadline(text string, body []cells.Row) (a, b string, guessed bool) {
	if h, ok := cells.SameCells(text); ok {
		return h, h, false
	}
	type cand struct {
		l, r  string
		score float64
		seam  string // the words either side of the cut
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
		// Only a word of content: two headlines that both end in "In"
		// share nothing.
		if len(lw) > 0 && len(rw) > 0 && lw[0] == rw[0] && !headlineSmallWords[lw[0]] {
			sc += headlineSameEndWord
		}
		if last := len(lw) - 1; last >= 0 && len(rw) > 0 && lw[last] == rw[len(rw)-1] && !headlineSmallWords[lw[last]] {
			sc += headlineSameEndWord
		}
		if unicode.IsUpper(first) || unicode.IsDigit(first) {
			sc += headlineCapitalStart
		}
		if last, _ := utf8.DecodeLastRuneInString(l); cells.IsTerminal(last) || cells.IsCloser(last) {
			sc += headlinePunctEnd
		}
		if len(lw) > 0 && headlineSmallWords[lw[len(lw)-1]] {
			sc -= headlineSmallEnd
		}
		// Two headlines of one story are of about one length.
		sc -= headlineLengthGap * math.Abs(float64(len(l)-len(rt))) / float64(len(text))
		var seam string
		if len(lw) > 0 && len(rw) > 0 {
			seam = lw[len(lw)-1] + " " + rw[0]
		}
		cands = append(cands, cand{l, rt, sc, seam})
	}
	if len(cands) == 0 {
		return text, text, true
	}
	// The body's phrases and where its words stand: one pass over its
	// words for the seams asked.
	seams := map[string]bool{}
	ends := map[string]wordPlaces{}
	for _, c := range cands {
		if c.seam != "" {
			seams[c.seam] = false
			w := strings.SplitN(c.seam, " ", 2)
			ends[w[0]], ends[w[1]] = wordPlaces{}, wordPlaces{}
		}
	}
	bodyPhrases(body, seams, ends)
	for i := range cands {
		c := &cands[i]
		if c.seam == "" {
			continue
		}
		if seams[c.seam] {
			c.score -= headlineSplitsPhrase
		}
		w := strings.SplitN(c.seam, " ", 2)
		if ends[w[0]].endsClause {
			c.score += headlineBodyEnd
		}
		if ends[w[1]].startsSentence {
			c.score += headlineBodyStart
		}
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

// headlineSmallWords are the words a title-case headline keeps in lower
// case: articles, conjunctions and short prepositions.
var headlineSmallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "as": true, "with": true}

// wordPlaces says where a word stands in the body.
type wordPlaces struct{ startsSentence, endsClause bool }

// bodyPhrases marks each seam (two lower-cased words) that stands in the
// body rows as two neighbouring words, and for each word in places
// whether it starts a sentence or ends a clause there.
func bodyPhrases(body []cells.Row, seams map[string]bool, places map[string]wordPlaces) {
	if len(seams) == 0 {
		return
	}
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for _, row := range body {
		text := row.Text
		prev, sentenceStart := "", true
		for i := 0; i < len(text); {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWord(r) {
				if cells.IsTerminal(r) {
					sentenceStart = true
				}
				i += n
				continue
			}
			j := i
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if !isWord(r) {
					break
				}
				j += n
			}
			w := strings.ToLower(text[i:j])
			if p, ok := places[w]; ok {
				p.startsSentence = p.startsSentence || sentenceStart
				if j == len(text) || strings.ContainsAny(text[j:j+1], ".,;:!?") {
					p.endsClause = true
				}
				places[w] = p
			}
			if prev != "" {
				if _, ok := seams[prev+" "+w]; ok {
					seams[prev+" "+w] = true
				}
			}
			prev, sentenceStart, i = w, false, j
		}
	}
}
