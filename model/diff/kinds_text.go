package diff

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ptext is one side of a paragraph cut into the word diff's tokens, with
// what the kind rules ask of each: is it inside a quotation, is it a
// quotation mark, does it start a sentence.
type ptext struct {
	s     string
	toks  []ptok
	lower []string // token i lower-cased, once asked (see lowerAt)
}

// ptok is one token of a ptext: s[lo:hi]. The offsets are 32-bit: a
// ptext is at most maxParsed bytes (classifyRead reads a longer change
// as wording without parsing it), and the many tokens of the edited
// paragraphs of a long comparison take half the memory.
type ptok struct {
	lo, hi int32
	class  tokenClass
	quoted bool // a word inside quotation marks
	mark   bool // a quotation mark (not an apostrophe)
	start  bool // a word that starts a sentence (or, in a title-case headline, any word)
}

// parseText cuts s into tokens and works out quotations and sentence
// starts. titleCase marks every word as a sentence start: in a headline
// written in title case a capital says nothing about names.
func parseText(s string, titleCase bool) *ptext {
	// About one token in four bytes of prose (a word, a space, a mark):
	// growing the slice instead costs more than the rules on a long
	// paragraph.
	p := &ptext{s: s, toks: make([]ptok, 0, len(s)/4+1)}
	at := 0
	scanTokens(s, func(tok string, class tokenClass) {
		p.toks = append(p.toks, ptok{lo: int32(at), hi: int32(at + len(tok)), class: class})
		at += len(tok)
	})
	p.findQuotes()
	p.findStarts(titleCase)
	return p
}

func (p *ptext) text(i int) string { return p.s[p.toks[i].lo:p.toks[i].hi] }

// lowerAt is token i lower-cased, worked out once: the rules ask it of
// the same words again and again.
func (p *ptext) lowerAt(i int) string {
	if p.lower == nil {
		p.lower = make([]string, len(p.toks))
	}
	if p.lower[i] == "" {
		p.lower[i] = lowerFast(p.text(i))
	}
	return p.lower[i]
}

// word reports whether token i exists and is a word.
func (p *ptext) word(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].class == tokenWord }

// span is the tokens [i, j) that overlap bytes [lo, hi); edits fall on
// token boundaries, so these are exactly the tokens of the edit.
func (p *ptext) span(lo, hi int) (i, j int) {
	i = sort.Search(len(p.toks), func(k int) bool { return int(p.toks[k].hi) > lo })
	j = sort.Search(len(p.toks), func(k int) bool { return int(p.toks[k].lo) >= hi })
	return i, max(i, j)
}

// words counts the word tokens in [i, j).
func (p *ptext) words(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if p.toks[k].class == tokenWord {
			n++
		}
	}
	return n
}

// marks counts the quotation marks in [i, j).
func (p *ptext) marks(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if p.toks[k].mark {
			n++
		}
	}
	return n
}

// symbols reports whether a token in [i, j) is a symbol that says
// something (Unicode's currency and other symbols: €, 👍, ★, ✓, ©), as a
// punctuation mark does not. Math symbols (| < > + =) are left out: in
// text they are as often marks of code or layout.
func (p *ptext) symbols(i, j int) bool {
	for k := i; k < j; k++ {
		if p.toks[k].class != tokenOther {
			continue
		}
		for _, r := range p.text(k) {
			if unicode.In(r, unicode.Sc, unicode.So) {
				return true
			}
		}
	}
	return false
}

// quotedWords reports whether a word in [i, j) is inside a quotation.
func (p *ptext) quotedWords(i, j int) bool {
	for k := i; k < j; k++ {
		if p.toks[k].quoted && p.toks[k].class == tokenWord {
			return true
		}
	}
	return false
}

// findQuotes marks quotation marks and the words between them. Double
// marks: straight ", curly “ ”, guillemets « », low „ (closed by “ or ”).
// Single marks: ‘ ’ ‹ › ‚ and the straight '. A single mark between two
// letters (Europe’s), after a word with nothing open (the leaders’), or
// before a figure (’90s) is an apostrophe; ’ never opens, since in
// English it is far more often an apostrophe (’n’, ’em). A quotation
// left open runs to the end of the paragraph, as news style writes a
// quotation of several paragraphs.
func (p *ptext) findQuotes() {
	var double, single rune // the mark that opened the quotation, 0 if none
	for i := range p.toks {
		t := &p.toks[i]
		if t.class != tokenOther {
			t.quoted = double != 0 || single != 0
			continue
		}
		r, _ := utf8.DecodeRuneInString(p.text(i))
		before, after := p.word(i-1), p.word(i+1)
		switch r {
		case '"':
			t.mark = true
			double = toggle(double, r)
		case '“':
			t.mark = true
			if double == '„' || double == '“' && !after {
				double = 0
			} else {
				double = r
			}
		case '”':
			t.mark = true
			if double != 0 {
				double = 0
			} else if after {
				double = r // Swedish and Finnish open with ” too
			}
		case '„', '«':
			t.mark, double = true, r
		case '»':
			t.mark = true
			if double != 0 {
				double = 0
			} else {
				double = r // Danish »…«
			}
		case '‘', '‚', '‹':
			if before && after {
				continue // an apostrophe written with the wrong mark
			}
			if after && unicode.IsDigit(firstRune(p.text(i+1))) {
				continue // ‘90s
			}
			t.mark, single = true, r
		case '›':
			t.mark, single = true, 0
		case '’', '\'':
			switch {
			case before && after:
				continue // Europe’s, don't
			case single != 0:
				t.mark, single = true, 0
			case before:
				continue // the leaders’
			case after && r == '\'' && !unicode.IsDigit(firstRune(p.text(i+1))):
				t.mark, single = true, r
			}
		}
	}
}

// toggle opens a quotation of straight marks or closes the open one.
func toggle(open, r rune) rune {
	if open != 0 {
		return 0
	}
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// findStarts marks the words that start a sentence: the first word, and
// the first word after a full stop, question or exclamation mark or a
// colon, skipping quotation marks and brackets. A full stop after a
// title (Mr., Gen.), a month (Jan.) or an initial (Vladimir V. Putin)
// ends no sentence.
func (p *ptext) findStarts(titleCase bool) {
	start := true
	lastWord := -1
	for i := range p.toks {
		t := &p.toks[i]
		switch t.class {
		case tokenWord:
			t.start = start || titleCase
			start, lastWord = false, i
		case tokenOther:
			switch p.text(i) {
			case ".":
				start = lastWord < 0 || lastWord != i-1 || !abbreviation(p.text(lastWord))
			case "!", "?", ":", "…":
				start = true
			}
		}
	}
}

// abbreviation reports whether a word followed by a full stop is an
// abbreviation rather than the end of a sentence.
func abbreviation(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		return unicode.IsUpper(firstRune(w))
	}
	if isASCII(w) && !abbreviations.mayHold(w) {
		return false // the most words before a full stop, turned away cheaply
	}
	l := lowerFast(w)
	_, title := titleWords[l]
	_, month := monthAbbrev[l]
	return title || month || l == "no" || l == "vs" || l == "st"
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for k := 0; k < len(s); k++ {
		if s[k] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// abbreviations holds the words abbreviation looks up, for a quick no.
var abbreviations = func() sketchFilter {
	f := newSketchFilter(len(titleWords) + len(monthAbbrev) + 3)
	for w := range titleWords {
		f.add(w)
	}
	for w := range monthAbbrev {
		f.add(w)
	}
	for _, w := range []string{"no", "vs", "st"} {
		f.add(w)
	}
	return f
}()

// wordsIn lists the lower-cased words of [i, j), abbreviations written
// out: what spelling compares.
func (p *ptext) wordsIn(i, j int) []string {
	var out []string
	for k := i; k < j; k++ {
		if p.toks[k].class == tokenWord {
			out = append(out, p.canonical(k))
		}
	}
	return out
}

// canonical is word k as the spelling rule compares it: lower case, a
// title or month abbreviation written out (Gen. → general, Jan. →
// january), a number word in figures (five → 5).
func (p *ptext) canonical(k int) string {
	l := p.lowerAt(k)
	dot := k+1 < len(p.toks) && p.text(k+1) == "."
	if full, ok := titleWords[l]; ok && full != l && dot {
		return full
	}
	if full, ok := monthAbbrev[l]; ok && dot {
		return full
	}
	if n, ok := numberWords[l]; ok {
		return n
	}
	return l
}

// wordEnd is the end of the word (letters, digits, marks) starting at
// byte i of s, or i when none starts there.
func wordEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
			return i
		}
		i += n
	}
	return i
}

// lowerFast is strings.ToLower without an allocation for a word that is
// lower-case ASCII already, as most words are.
func lowerFast(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// keyAliases are, for a key, the other words canonical turns into it:
// "general" for "gen", "5" for "five", "january" for "jan".
var keyAliases = func() map[string][]string {
	m := map[string][]string{}
	add := func(from, to string) {
		if from != to {
			m[to] = append(m[to], from)
		}
	}
	for w, n := range numberWords {
		add(w, n)
	}
	for w, full := range titleWords {
		add(w, full)
	}
	for w, full := range monthAbbrev {
		add(w, full)
	}
	return m
}()

// titleCased reports whether a headline is written in title case: most
// of its longer words capitalised.
func titleCased(s string) bool {
	long, capital := 0, 0
	scanTokens(s, func(tok string, class tokenClass) {
		if class == tokenWord && utf8.RuneCountInString(tok) >= 4 {
			long++
			if unicode.IsUpper(firstRune(tok)) {
				capital++
			}
		}
	})
	return long > 0 && capital*10 >= long*6
}
