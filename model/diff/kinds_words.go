package diff

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// The word lists the kind rules read. They are English, as the articles
// redline was built for are; a word not listed falls to wording, which
// is always shown (README, "Edit kinds": known misses).

// numberWords are counts written in words, keyed to how the spelling
// rule compares them: small numbers to figures (five → 5 is spelling),
// the rest to themselves.
var numberWords = func() map[string]string {
	m := map[string]string{}
	for i, w := range strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty") {
		m[w] = strconv.Itoa(i)
	}
	for _, w := range strings.Fields("thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens half several score scores percent") {
		m[w] = w
	}
	return m
}()

// dateWords are lower-case words that name a time.
var dateWords = setOf("today tonight yesterday tomorrow weekend midnight noon morning afternoon evening overnight day days week weeks month months year years hour hours minute minutes decade decades century")

// calendar are weekdays and months, lower-cased; they count only when
// capitalised.
var calendar = setOf("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december")

// monthAbbrev are the months' abbreviations (before a full stop).
var monthAbbrev = map[string]string{
	"jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
	"aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
}

// titleWords are titles and their abbreviations, each keyed to its full
// form: Gen. Hifter and General Hifter name the same man.
var titleWords = map[string]string{
	"mr": "mister", "mister": "mister", "mrs": "missus", "ms": "ms", "dr": "doctor", "doctor": "doctor",
	"gen": "general", "general": "general", "lt": "lieutenant", "lieutenant": "lieutenant",
	"col": "colonel", "colonel": "colonel", "sgt": "sergeant", "sergeant": "sergeant",
	"capt": "captain", "captain": "captain", "maj": "major", "major": "major", "adm": "admiral", "admiral": "admiral",
	"cmdr": "commander", "commander": "commander", "sen": "senator", "senator": "senator",
	"rep": "representative", "representative": "representative", "gov": "governor", "governor": "governor",
	"prof": "professor", "professor": "professor", "pres": "president", "president": "president",
	"rev": "reverend", "reverend": "reverend", "st": "saint", "saint": "saint", "jr": "junior", "sr": "senior",
}

// mayPrepositions come before "May" the month ("in May"), not the name
// or the verb.
var mayPrepositions = setOf("in of since until till by early late mid last next this on from through")

// reportingWords are the verbs (and hedges) of attribution, each keyed
// to its lemma, so "said" → "says" is tense, not attribution. Words
// that are also common nouns in other senses ("state", "report",
// "note") are listed only in their verb forms.
var reportingWords = func() map[string]string {
	m := map[string]string{}
	for _, group := range []string{
		"say says said saying", "tell tells told telling", "claim claims claimed claiming",
		"stated", "added", "assert asserts asserted", "allege alleges alleged allegedly",
		"insist insists insisted", "argue argues argued", "reported reportedly", "announce announces announced",
		"acknowledge acknowledges acknowledged", "admit admits admitted", "confirm confirms confirmed",
		"deny denies denied", "noted", "explain explains explained", "suggest suggests suggested",
		"warn warns warned", "wrote writes", "tweeted", "declare declares declared", "maintain maintains maintained",
		"contend contends contended", "concede concedes conceded", "accuse accuses accused",
		"believe believes believed", "according", "purportedly", "apparently", "vowed", "pledged",
		"disclosed", "revealed", "stressed", "emphasized emphasised", "recalled", "predicted", "estimated",
	} {
		ws := strings.Fields(group)
		for _, w := range ws {
			m[w] = ws[0]
		}
	}
	// Hedges are their own lemma: adding "reportedly" is not the verb.
	for _, w := range []string{"allegedly", "reportedly", "purportedly", "apparently"} {
		m[w] = w
	}
	return m
}()

// sourceWords are the nouns and pronouns a reporting verb's source is
// made of ("officials said", "according to witnesses").
var sourceWords = setOf("official officials spokesman spokeswoman spokesperson minister ministers ministry president government police authorities authority source sources analyst analysts expert experts witness witnesses resident residents diplomat diplomats statement statements aide aides officer officers army military agency report reports researchers scientists doctors people person familiar he she they we i it who leader leaders commander commanders representative representatives embassy office kremlin white house media newspaper outlet outlets")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// correctionStart and correctionPhrase recognise an editor's note: a
// paragraph that starts "Correction:", "Update —" or "Editor's note:",
// or that says an earlier version was wrong.
var (
	correctionStart  = regexp.MustCompile(`(?i)^[\W_]*(corrections?|clarifications?|update|updated|editor[’']?s[’']? note|editors[’'] note)\s*[:—–-]`)
	correctionPhrase = regexp.MustCompile(`(?i)\b(an|a) (earlier|previous|prior) version of (this|the) (article|story|report|post|piece)\b|` +
		`\bthis (article|story|report|post|piece) (has been|was) (updated|corrected|amended|changed)\b|` +
		`\b(misstated|misidentified|misspelled|misspelt|misattributed|misquoted|misreported)\b|` +
		`\bincorrectly (said|stated|reported|identified|referred|described|gave)\b|` +
		`\bwe apologi[sz]e for (the|this) error\b`)
)

// correctionHints are words every editor's note the patterns know
// holds one of: a cheap test first, since the patterns' alternations
// cost more than the rest of the rules on a long article.
var correctionHints = []string{"correct", "clarif", "updat", "note", "version", "mis", "apologi", "amend", "chang"}

// correctionNote reports whether text reads as an editor's note.
func correctionNote(text string) bool {
	lower := strings.ToLower(text)
	hint := false
	for _, h := range correctionHints {
		if strings.Contains(lower, h) {
			hint = true
			break
		}
	}
	return hint && (correctionStart.MatchString(text) || correctionPhrase.MatchString(text))
}

// numberKey is token i as a figure, date or time, or false when it is
// none: a word starting with a digit (not one glued to a name by a
// hyphen, as in F-16), a number word, a time word, a capitalised weekday
// or month, a currency or percent sign.
func (p *ptext) numberKey(i int) (string, bool) {
	t := p.text(i)
	r := firstRune(t)
	if p.toks[i].class == tokenOther {
		switch r {
		case '$', '€', '£', '¥', '%', '₹', '₽':
			return t, true
		}
		return "", false
	}
	if p.toks[i].class != tokenWord {
		return "", false
	}
	if unicode.IsDigit(r) {
		if p.compoundName(i) {
			return "", false
		}
		return p.lowerAt(i), true
	}
	l := p.lowerAt(i)
	if n, ok := numberWords[l]; ok {
		return n, true
	}
	if dateWords[l] {
		return l, true
	}
	if !unicode.IsUpper(r) {
		return "", false
	}
	if full, ok := monthAbbrev[l]; ok && i+1 < len(p.toks) && p.text(i+1) == "." {
		return full, true
	}
	if !calendar[l] {
		return "", false
	}
	if l == "may" {
		// The month only after a preposition or before a day: not
		// Theresa May, not "May I".
		prev, next := p.prevWord(i), p.nextWord(i)
		ok := prev >= 0 && mayPrepositions[p.lowerAt(prev)] || next >= 0 && unicode.IsDigit(firstRune(p.text(next)))
		if !ok {
			return "", false
		}
	}
	return l, true
}

// compoundName reports whether digit word i is glued by a hyphen to a
// word before it (F-16, Su-24, Covid-19): part of a name, not a figure.
func (p *ptext) compoundName(i int) bool {
	return i >= 2 && p.text(i-1) == "-" && p.word(i-2) && !unicode.IsDigit(firstRune(p.text(i-2)))
}

// nameKey is token i as part of a name or title, or false: a capitalised
// word that is not a weekday or month, inside a sentence or written so
// elsewhere in the article (known); a title abbreviation reads as the
// title written out. A figure glued to a name (F-16) is part of it.
func (p *ptext) nameKey(i int, known *knownNames) (string, bool) {
	key, ok := p.nameCandidate(i)
	if !ok || !p.knownName(i, known) {
		return "", false
	}
	return key, true
}

// nameCandidate is nameKey before the article is asked: what token i's
// key would be, and whether it can be a name at all.
// It is capitalKey less "I" and the capitalised words that are figures
// (a weekday, a month, a number word).
func (p *ptext) nameCandidate(i int) (string, bool) {
	key, ok := p.capitalKey(i)
	if !ok || p.text(i) == "I" {
		return "", false
	}
	if _, figure := p.numberKey(i); figure && !unicode.IsDigit(firstRune(p.text(i))) {
		return "", false
	}
	return key, true
}

// knownName is the rest of nameKey for a candidate: a capital at a
// sentence start the article writes so elsewhere, and not the adjective
// of a place it names. A figure glued to a name needs neither.
func (p *ptext) knownName(i int, known *knownNames) bool {
	return capitalKnown(p.text(i), p.toks[i].start, known)
}

// capitalKnown is knownName of a token t, written at a sentence start
// or not.
func capitalKnown(t string, start bool, known *knownNames) bool {
	if unicode.IsDigit(firstRune(t)) {
		return true
	}
	l := strings.ToLower(t)
	if start && !known.has(l) {
		return false
	}
	return !demonym(l, known)
}

// demonym reports whether w is the adjective of a place the article
// names (Libyan of Libya, European of Europe, Turkish of Turkey): "the
// Libyan conflict" → "the conflict" renames nothing.
func demonym(w string, known *knownNames) bool {
	for _, suffix := range []string{"n", "an", "ian", "ns", "ans", "ians", "ish"} {
		stem, ok := strings.CutSuffix(w, suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		if known.has(stem) || known.has(stem+"a") || known.has(stem+"ey") || known.has(stem+"y") {
			return true
		}
	}
	return false
}

// capitalKey is token i keyed as nameKey keys a name, for any
// capitalised word or figure glued to one, wherever it stands: what the
// name rule counts a paragraph's names by.
func (p *ptext) capitalKey(i int) (string, bool) {
	if !p.word(i) {
		return "", false
	}
	t := p.text(i)
	switch r := firstRune(t); {
	case unicode.IsDigit(r) && p.compoundName(i):
		return strings.ToLower(p.text(i-2) + "-" + t), true
	case unicode.IsUpper(r):
		return p.canonical(i), true
	}
	return "", false
}

// prevWord and nextWord are the nearest word tokens before and after i
// in the same clause (no punctuation but spaces between), or -1.
func (p *ptext) prevWord(i int) int { return p.wordNear(i, -1) }

func (p *ptext) nextWord(i int) int { return p.wordNear(i, +1) }

// wordNear is the nearest word token from i in direction dir (-1, +1)
// within i's clause, or -1.
func (p *ptext) wordNear(i, dir int) int {
	for k := i + dir; k >= 0 && k < len(p.toks); k += dir {
		switch p.toks[k].class {
		case tokenWord:
			return k
		case tokenOther:
			return -1
		}
	}
	return -1
}

// lemma is word i's reporting lemma, or "".
func (p *ptext) lemma(i int) string {
	if !p.word(i) {
		return ""
	}
	return reportingWords[p.lowerAt(i)]
}
