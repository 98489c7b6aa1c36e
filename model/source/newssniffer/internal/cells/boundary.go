package cells

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A boundary is a place where a flattened row could be cut back into its
// two cells: the left cell is text[:leftEnd], the right one text[rightStart:].
type boundary struct {
	leftEnd, rightStart int
	// cost is how unlikely the boundary is as the end of a paragraph, in
	// roughly the units of the evidence that weighs against it (nats):
	// 0 after a full stop, more after "Mr." or an initial, most where no
	// punctuation ends the left cell.
	cost float64
	// self is the evidence for a boundary inside a sentence from the two
	// parts reading alike (see selfEvidence); 0 for the others.
	self float64
	// alike is the evidence from the two cells reading alike letter by
	// letter (see alikeEvidence): a heading, label or list item and its
	// edited form, cut at any kind of boundary.
	alike float64
}

// Boundary costs. A sentence end is free; what often ends a sentence too
// (U.S., Inc.) costs a little; what almost never does (Mr., an initial, a
// month before its day) costs as much as strong evidence; a cell that ends
// without punctuation is a heading (short) or a paragraph that lost its
// full stop (rare).
const (
	costJoin          = 0.2 // the cells were joined with no space
	costPunctOnlyCell = 0.5 // a cell of punctuation alone, like the seed's "."
	costHeading       = 4   // a short left cell with no end punctuation
	costUnpunctuated  = 5.5 // a long left cell with no end punctuation
	// A lone bullet is a cell of its own now and then (a list whose
	// bullets the page's extraction kept apart), less often than the
	// seed's ".".
	costLoneBullet = 1
	// Any other symbol alone ("#", "¶") is an anchor that ends a heading,
	// not a cell: dearer than atomCost, so it stays in its sentence.
	costLoneSymbol = 3.5
	// A bullet before text belongs to its item: cutting it off costs more
	// than atomCost, so "• Text" is one sentence.
	costBulletCell = 4
	// A colon ends a lead-in cell ("The rules include:") but more often
	// introduces a quotation inside a paragraph.
	costColon = 3.5
	// A semicolon ends a list item ("…at noon;") but more often joins two
	// clauses of one sentence.
	costSemicolon = 4.5
	// costLowerStart is added when the right cell starts in lower case,
	// as only a list item after a colon or semicolon does.
	costLowerStart = 1
	// atomCost is the dearest boundary that still separates sentences;
	// costlier ones fall inside a sentence.
	atomCost = 3
	// plausibleCost is the dearest boundary a reader would still call an
	// open choice when the text gives no other cue.
	plausibleCost = 2
)

// abbreviationCost prices a full stop after a known abbreviation by how
// often such a word ends a sentence in news prose.
var abbreviationCost = map[string]float64{
	// Titles before a name: essentially never the end of a sentence.
	"mr": 9, "mrs": 9, "ms": 9, "dr": 9, "gen": 9, "col": 9, "lt": 9, "sgt": 9,
	"capt": 9, "cmdr": 9, "adm": 9, "maj": 9, "sen": 9, "rep": 9, "gov": 9,
	"pres": 9, "prof": 9, "rev": 9, "hon": 9, "st": 8, "mt": 8, "ft": 8,
	"messrs": 9, "gens": 9, "sens": 9, "reps": 9, "supt": 9, "insp": 9,
	"no": 8, "nos": 8, "vol": 8, "fig": 8, "vs": 9, "v": 6, "e.g": 9, "i.e": 9,
	// Months: they end a sentence only without a day after them.
	"jan": 6, "feb": 6, "mar": 6, "apr": 6, "jun": 6, "jul": 6, "aug": 6,
	"sep": 6, "sept": 6, "oct": 6, "nov": 6, "dec": 6,
	// Often at the end of a sentence.
	"jr": 3, "sr": 3, "inc": 2, "ltd": 2, "co": 3, "corp": 2, "bros": 3, "etc": 1.5,
	"u.s": 1.5, "u.n": 1.5, "u.k": 1.5, "e.u": 1.5, "d.c": 1.5, "a.m": 1.5,
	"p.m": 1.5, "u.s.a": 1.5,
}

// IsTerminal reports whether r ends a sentence: a full stop, a question or
// an exclamation mark, an ellipsis.
func IsTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？':
		return true
	}
	return false
}

// IsCloser reports whether r closes a quotation or a bracket, which may
// follow the end of a sentence.
func IsCloser(r rune) bool {
	switch r {
	case '”', '’', '"', '\'', ')', ']', '»', '」', '』', '›':
		return true
	}
	return false
}

// IsOpener reports whether r opens a quotation or a bracket, which may
// start a sentence.
func IsOpener(r rune) bool {
	switch r {
	case '“', '‘', '"', '\'', '(', '[', '«', '「', '『', '¿', '¡', '‹', '—', '–', '•', '*':
		return true
	}
	return false
}

// CanStartParagraph reports whether a paragraph may begin with r: anything
// but a lower-case letter or punctuation that continues a sentence.
func CanStartParagraph(r rune) bool {
	if unicode.IsLower(r) || unicode.IsSpace(r) {
		return false
	}
	switch r {
	case ',', ';', ':', ')', ']', '}', '”', '’', '»', '%':
		return false
	}
	return true
}

// endsSentence reports whether left ends with sentence-final punctuation
// (possibly inside closing quotes), and returns the word before the final
// full stop when that is what ends it, lower-cased ("mr", "u.s").
func endsSentence(left string) (ok bool, wordBefore string) {
	s := left
	for {
		r, n := utf8.DecodeLastRuneInString(s)
		if n == 0 || !IsCloser(r) {
			break
		}
		s = s[:len(s)-n]
	}
	r, n := utf8.DecodeLastRuneInString(s)
	if n == 0 || !IsTerminal(r) {
		return false, ""
	}
	if r != '.' {
		return true, ""
	}
	s = s[:len(s)-n]
	// The word before the full stop, with inner dots (U.S, a.m).
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		i -= n
	}
	return true, strings.ToLower(s[i:])
}

// cutFacts are what boundaryCost needs to know about the two sides of a
// cut besides their ends; rowBoundaries keeps them as it walks the row so
// that no cut rescans the text.
type cutFacts struct {
	leftWords         int  // words in the left cell
	leftHas, rightHas bool // each cell holds a letter or digit
	joined            bool // no space between the cells
}

// boundaryCost prices cutting a row into left and right; ok is false when
// the cut is not possible at all (a cell would start mid-sentence).
func boundaryCost(left, right string, f cutFacts) (cost float64, ok bool) {
	if left == "" || right == "" {
		return 0, false
	}
	first, _ := utf8.DecodeRuneInString(right)
	if !f.leftHas || !f.rightHas {
		switch {
		case f.joined:
			return 0, false
		case !f.rightHas && isBullet(right):
			return costLoneBullet, true
		case !f.rightHas && right != "." && !strings.HasPrefix(right, ". "):
			return costLoneSymbol, true
		case !f.leftHas && isBullet(left):
			return costBulletCell, true
		}
		return costPunctOnlyCell, true
	}
	last, _ := utf8.DecodeLastRuneInString(left)
	listEnd := last == ':' || last == ';'
	if !CanStartParagraph(first) && !(listEnd && unicode.IsLower(first)) {
		return 0, false
	}
	if !CanStartParagraph(first) {
		cost = costLowerStart
	}
	ends, word := endsSentence(left)
	if f.joined {
		// Without a space, a cut needs a capital or an opening quote after
		// it, and before it a sentence end ("Italy.Turkey") or, for a cell
		// that lost its full stop, a lower-case letter ("officeHuman");
		// "3.5" or "nytimes.com" are no cuts.
		// A label's date ("2023Still") or a bullet ("Saturday• Trains")
		// joins the same way.
		if !(unicode.IsUpper(first) || first == '“' || first == '‘' || first == '"' || isBulletRune(first)) ||
			!(ends || unicode.IsLower(last) || unicode.IsDigit(last) || listEnd) {
			return 0, false
		}
		cost += costJoin
	}
	if !ends {
		switch last {
		case ':':
			return cost + costColon, true
		case ';':
			return cost + costSemicolon, true
		}
		if continuesSentence(left) {
			return 0, false
		}
		if f.leftWords <= 10 {
			return cost + costHeading, true
		}
		return cost + costUnpunctuated, true
	}
	if c, abbr := abbreviationCost[word]; abbr {
		if unicode.IsDigit(first) && c >= 6 {
			c = 9 // "Jan. 12", "No. 3"
		}
		return cost + c, true
	}
	if w := []rune(word); len(w) == 1 {
		if unicode.IsUpper(w[0]) {
			return cost + 6, true // an initial: "Vladimir V. Putin"
		}
		return cost + 1, true
	}
	return cost, true
}

// rowBoundaries lists every place the row could be cut, in order.
func rowBoundaries(text string) []boundary {
	lastWord := -1 // byte offset of the last letter or digit
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			lastWord = i
		}
	}
	var out []boundary
	words, inWord := 0, false
	prev := rune(-1)
	for i, r := range text {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		if i > 0 {
			f := cutFacts{leftWords: words, leftHas: words > 0}
			switch {
			case r == ' ':
				f.rightHas = lastWord > i
				if c, ok := boundaryCost(text[:i], text[i+1:], f); ok {
					out = append(out, boundary{leftEnd: i, rightStart: i + 1, cost: c})
				}
			case prev != ' ' && (IsTerminal(prev) || IsCloser(prev) || prev == ':' || prev == ';' ||
				((unicode.IsLower(prev) || unicode.IsDigit(prev)) && (unicode.IsUpper(r) || isBulletRune(r)))):
				f.rightHas, f.joined = lastWord >= i, true
				if c, ok := boundaryCost(text[:i], text[i:], f); ok {
					out = append(out, boundary{leftEnd: i, rightStart: i, cost: c})
				}
			}
		}
		if isWord && !inWord {
			words++
		}
		inWord = isWord
		prev = r
	}
	return out
}

// isBulletRune reports whether r marks a list item.
func isBulletRune(r rune) bool {
	switch r {
	case '•', '◦', '▪', '‣', '●':
		return true
	}
	return false
}

// isBullet reports whether s is a list item's marker alone: a bullet, or
// a dash or star as plain-text lists write one.
func isBullet(s string) bool {
	switch s {
	case "-", "–", "—", "*":
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && isBulletRune(r)
}

// functionWords are words that leave a sentence unfinished: no heading or
// paragraph ends with one.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true,
	"of": true, "to": true, "in": true, "on": true, "at": true, "by": true,
	"for": true, "with": true, "from": true, "as": true, "that": true,
	"which": true, "who": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "said": false, "into": true, "than": true,
	"its": true, "their": true, "his": true, "her": true, "our": true,
	"this": true, "these": true, "those": true, "if": true, "not": true,
}

// continuesSentence reports whether left ends in a way that only the
// middle of a sentence does: a comma, a dash, or a function word.
func continuesSentence(left string) bool {
	r, _ := utf8.DecodeLastRuneInString(left)
	switch r {
	case ',', ';', ':', '—', '–', '-', '“', '‘', '(':
		return true
	}
	i := len(left)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(left[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return functionWords[strings.ToLower(left[i:])]
}
