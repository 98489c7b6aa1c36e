package dumpgen

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slots a template may use (see bank.go for the syntax):
//
//	{C} {C2} {C3} countries; {Cadj} {C2adj} their adjectives; {Cap} {Cap2}
//	capitals of C and C2; {City} a city of C; {Org} {inst} bodies;
//	{issue} {effort} the topic's noun phrases;
//	{<role>.t|.n|.r|.d|.last|.he|.his} a cast member titled ("Gen. Khalifa
//	Hifter"), by name, by later reference ("General Hifter"), described,
//	family name, pronouns;
//	roles: lead rival min off exp gen gen2 sen res chief;
//	{Q} {Q2} quotations; {q} {q2} short quoted phrases;
//	{Day} {Day2} {Date} {Month} {Year} {Year2} {Time} {N} {N2} {NN} {Dec}
//	{Money} {ord} numbers and dates; {rep1} {rep2} reporters.

// deck deals a pool's items in a shuffled order without repeats until it
// runs out, the way a writer does not reuse a sentence in one article.
type deck struct {
	items []string
	order []int
	next  int
}

func (d *deck) draw(rng *rand.Rand) string {
	if d.next >= len(d.order) {
		d.order = rng.Perm(len(d.items))
		d.next = 0
	}
	d.next++
	return d.items[d.order[d.next-1]]
}

// writer writes one article and every later piece of it; it keeps the
// decks so that text added in later versions is fresh too.
type writer struct {
	rng                                   *rand.Rand
	cast                                  *cast
	body, ledes, quotes, short, headlines deck
	heads                                 deck
}

func newWriter(rng *rand.Rand) *writer {
	t := &topics[rng.IntN(len(topics))]
	w := &writer{rng: rng}
	w.cast = newCast(rng, t)
	for _, tmpl := range concat(genericBody, genericAsides, t.body, genericQuoteForms) {
		if crisisOnly, ok := strings.CutPrefix(tmpl, "~"); ok {
			if !t.crisis {
				continue
			}
			tmpl = crisisOnly
		}
		w.body.items = append(w.body.items, tmpl)
	}
	w.ledes.items = t.ledes
	w.quotes.items = concat(genericQuotes, t.quotes)
	w.short.items = genericShortQuotes
	w.headlines.items = t.headlines
	w.heads.items = headings
	return w
}

func concat(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func pick[T any](rng *rand.Rand, xs []T) T { return xs[rng.IntN(len(xs))] }

// pickN picks n different items of xs (fewer if xs is shorter).
func pickN[T any](rng *rand.Rand, xs []T, n int) []T {
	var out []T
	for _, i := range rng.Perm(len(xs))[:min(n, len(xs))] {
		out = append(out, xs[i])
	}
	return out
}

// expand fills a template and returns its sentences, each
// whitespace-collapsed and starting with a capital.
func (w *writer) expand(t string) []string {
	memo := map[string]string{}
	var out []string
	for _, part := range strings.Split(w.fill(t, memo), " // ") {
		s := collapse(part)
		s = strings.NewReplacer(" ,", ",", " .", ".", ",,", ",").Replace(s)
		if s != "" {
			out = append(out, capitalize(s))
		}
	}
	return out
}

// fill resolves alternatives and slots. memo keeps a slot that occurs
// twice in one template (Q then Q2 must differ, N may not) consistent.
func (w *writer) fill(t string, memo map[string]string) string {
	var b strings.Builder
	for i := 0; i < len(t); {
		switch t[i] {
		case '[':
			j := strings.IndexByte(t[i:], ']') + i
			alts := strings.Split(t[i+1:j], "|")
			b.WriteString(w.fill(pick(w.rng, alts), memo))
			i = j + 1
		case '{':
			j := strings.IndexByte(t[i:], '}') + i
			b.WriteString(w.slot(t[i+1:j], memo))
			i = j + 1
		default:
			b.WriteByte(t[i])
			i++
		}
	}
	return b.String()
}

func (w *writer) slot(key string, memo map[string]string) string {
	c, rng := w.cast, w.rng
	if role, field, ok := strings.Cut(key, "."); ok {
		p := c.people[role]
		switch field {
		case "t":
			return p.titled()
		case "n":
			return p.name
		case "r":
			return p.ref()
		case "d":
			return p.desc
		case "last":
			return p.last
		case "he":
			return p.he
		case "his":
			return p.his()
		}
	}
	switch key {
	case "C":
		return c.c.name
	case "C2":
		return c.c2.name
	case "C3":
		return c.c3.name
	case "Cadj":
		return c.c.adj
	case "C2adj":
		return c.c2.adj
	case "Cap":
		return c.c.capital
	case "Cap2":
		return c.c2.capital
	case "City":
		return pick(rng, c.c.cities)
	case "Org":
		return pick(rng, orgs)
	case "inst":
		return c.inst
	case "issue":
		return pick(rng, c.issues)
	case "effort":
		return pick(rng, c.efforts)
	case "rep1":
		return c.rep1
	case "rep2":
		return c.rep2
	case "Q", "Q2":
		if q, ok := memo[key]; ok {
			return q
		}
		memo[key] = w.quotes.draw(rng)
		return memo[key]
	case "q", "q2":
		return w.short.draw(rng)
	case "Day", "Day2":
		return pick(rng, weekdays)
	case "Date":
		return pick(rng, monthsAbbr) + " " + strconv.Itoa(1+rng.IntN(28))
	case "Month":
		return pick(rng, months)
	case "Year":
		return strconv.Itoa(1995 + rng.IntN(21))
	case "Year2":
		return strconv.Itoa(2016 + rng.IntN(9))
	case "Time":
		h := 6 + rng.IntN(6)
		ampm := pick(rng, []string{"a.m.", "p.m."})
		if rng.IntN(3) == 0 {
			return strconv.Itoa(h) + ":30 " + ampm
		}
		return strconv.Itoa(h) + " " + ampm
	case "N", "N2":
		return strconv.Itoa(2 + rng.IntN(88))
	case "NN":
		return thousands(100 + rng.IntN(9900))
	case "Dec":
		return strconv.Itoa(rng.IntN(13)) + "." + strconv.Itoa(1+rng.IntN(9))
	case "Money":
		if rng.IntN(2) == 0 {
			return "$" + strconv.Itoa(1+rng.IntN(9)) + "." + strconv.Itoa(1+rng.IntN(9)) + " billion"
		}
		return "$" + strconv.Itoa(50*(1+rng.IntN(19))) + " million"
	case "ord":
		return pick(rng, []string{"third", "fourth", "fifth", "sixth"})
	}
	return "{" + key + "}"
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	if len(s) > 3 {
		s = s[:len(s)-3] + "," + s[len(s)-3:]
	}
	return s
}

// capitalize upper-cases the first letter, looking past an opening quote.
func capitalize(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if r != '“' && r != '"' {
			return s
		}
	}
	return s
}

// smallWords stay lower-case inside a headline, as in "Call for Cease-Fire
// in Libya".
var smallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "as": true, "with": true}

// titleCase capitalizes a headline's words the way headlines are set.
func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if i > 0 && smallWords[w] {
			continue
		}
		f[i] = capitalize(w)
	}
	return strings.Join(f, " ")
}

// words counts whitespace-separated words, the unit of the 8–40 rule.
func words(s string) int { return len(strings.Fields(s)) }

// Phrase lengths for keeping an article from repeating itself. Real
// articles almost never repeat eight words in a row, but do now and then
// repeat six (the seed's first version says "different sides in the Libyan
// conflict" twice), so a six-word repeat is let through once in a while.
const (
	shortPhrase = 6
	longPhrase  = 8
	// shortRepeat is the chance that a sentence repeating a six-word phrase
	// is kept.
	shortRepeat = 0.08
)

// phrases returns the lower-cased n-word phrases of s for each n of ns,
// shortest first.
func phrases(s string, ns ...int) []string {
	toks := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var out []string
	for _, n := range ns {
		for i := 0; i+n <= len(toks); i++ {
			out = append(out, strings.Join(toks[i:i+n], " "))
		}
	}
	return out
}

// phraseSet is the set of phrases already in a version, of both lengths.
type phraseSet map[string]bool

func (ps phraseSet) add(s string) {
	for _, p := range phrases(s, shortPhrase, longPhrase) {
		ps[p] = true
	}
}

// repeats counts the phrases of s that are in one of sets or twice in s:
// short ones of shortPhrase words, long ones of longPhrase words.
func repeats(s string, sets ...phraseSet) (short, long int) {
	own := phraseSet{}
	for _, p := range phrases(s, shortPhrase, longPhrase) {
		hit := own[p]
		for _, ps := range sets {
			hit = hit || ps[p]
		}
		if hit {
			if strings.Count(p, " ") == shortPhrase-1 {
				short++
			} else {
				long++
			}
		}
		own[p] = true
	}
	return short, long
}

// clashes reports whether s repeats any phrase of sets.
func clashes(s string, sets ...phraseSet) bool {
	short, long := repeats(s, sets...)
	return short+long > 0
}

// tolerable reports whether a new sentence s may join a version holding
// the phrases of sets: never with a long repeat, rarely with a short one.
func (w *writer) tolerable(s string, sets ...phraseSet) bool {
	short, long := repeats(s, sets...)
	return long == 0 && (short == 0 || w.rng.Float64() < shortRepeat)
}

// sentences draws a template from d and expands it into sentences of 8–40
// words that repeat no phrase of avoid, trying other templates until one
// fits; after many tries it settles for the last (a rare repeat is
// realistic, a hang is not).
func (w *writer) sentences(d *deck, avoid ...phraseSet) []sentence {
	var out []sentence
	for try := 0; try < 60; try++ {
		t := d.draw(w.rng)
		out = out[:0]
		ok := true
		for _, s := range w.expand(t) {
			if n := words(s); n < 8 || n > 40 || !w.tolerable(s, avoid...) {
				ok = false
			}
			out = append(out, sentence{text: s, tmpl: t})
		}
		if ok {
			break
		}
	}
	return out
}

// sentence is one sentence of a paragraph and the template it came from,
// which a later version may re-expand to rewrite it in a similar shape.
type sentence struct{ text, tmpl string }

// paraKind tells body text from the paragraphs edits treat specially.
type paraKind int

const (
	body    paraKind = iota
	heading          // a subhead: short, no full stop
	credit           // the closing byline
	dot              // a stray "." left by the page's extraction
	label            // a label line: "Last updated: 4 May" (shapes.go)
	leadIn           // a lead-in that ends with a colon, before a list
	item             // a list item, with or without its bullet
	bullet           // a lone bullet the extraction left as a paragraph
)

// paragraph is a paragraph as a list of sentences, so edits can work on
// sentence boundaries the way editors do.
type paragraph struct {
	sents   []sentence
	kind    paraKind
	touched bool // changed in the edit being made; spreads edits out
}

func (p paragraph) text() string {
	parts := make([]string, len(p.sents))
	for i, s := range p.sents {
		parts[i] = s.text
	}
	return strings.Join(parts, " ")
}

// article is one version's text in the structure the generator keeps.
type article struct {
	headline, headTmpl string
	dateline           string // "ISTANBUL — " on the lede, or ""
	paras              []paragraph
}

func (a article) clone() article {
	b := a
	b.paras = make([]paragraph, len(a.paras))
	for i, p := range a.paras {
		p.sents = append([]sentence(nil), p.sents...)
		p.touched = false
		b.paras[i] = p
	}
	return b
}

func (a article) phrases() phraseSet {
	ps := phraseSet{}
	for _, p := range a.paras {
		ps.add(p.text())
	}
	return ps
}

// sentenceCount draws how many sentences a body paragraph has: news
// paragraphs are short, mostly one or two sentences.
func (w *writer) sentenceCount() int {
	switch r := w.rng.Float64(); {
	case r < 0.40:
		return 1
	case r < 0.75:
		return 2
	case r < 0.92:
		return 3
	}
	return 4
}

// paragraph writes a fresh body paragraph that repeats nothing in avoid.
func (w *writer) paragraph(avoid phraseSet) paragraph {
	want := w.sentenceCount()
	var p paragraph
	local := phraseSet{}
	for len(p.sents) < want {
		ss := w.sentences(&w.body, avoid, local)
		if len(p.sents) > 0 && len(p.sents)+len(ss) > want+1 {
			break
		}
		for _, s := range ss {
			local.add(s.text)
		}
		p.sents = append(p.sents, ss...)
	}
	w.maybeDropStop(&p)
	return p
}

// maybeDropStop leaves, rarely, a paragraph without its full stop, as
// pages sometimes print one (the seed has "…threatening the capital").
func (w *writer) maybeDropStop(p *paragraph) {
	last := &p.sents[len(p.sents)-1]
	if w.rng.Float64() < 0.015 && strings.HasSuffix(last.text, ".") && !endsInAbbrev(last.text) {
		last.text = strings.TrimSuffix(last.text, ".")
	}
}

// endsInAbbrev reports whether s ends in an abbreviation's full stop
// ("U.S.", "a.m."), which cannot be dropped or appended to as if it were a
// plain sentence end.
func endsInAbbrev(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	return strings.Count(f[len(f)-1], ".") > 1
}

// lede writes the first paragraph, usually under a dateline.
func (w *writer) lede(a *article, avoid phraseSet) paragraph {
	ss := w.sentences(&w.ledes, avoid)
	if a.dateline != "" {
		ss[0].text = a.dateline + ss[0].text
	}
	p := paragraph{sents: ss}
	if w.rng.Float64() < 0.4 {
		local := phraseSet{}
		local.add(p.text())
		p.sents = append(p.sents, w.sentences(&w.body, avoid, local)...)
	}
	return p
}

// newArticle writes a first version with n paragraphs (0 → 10–40).
func (w *writer) newArticle(n int) article {
	rng := w.rng
	if n <= 0 {
		n = 10 + rng.IntN(31)
	}
	var a article
	a.headTmpl = w.headlines.draw(rng)
	a.headline = titleCase(w.expand(a.headTmpl)[0])
	if rng.Float64() < 0.65 {
		city := w.cast.c.capital
		if rng.IntN(3) == 0 {
			city = pick(rng, w.cast.c.cities)
		}
		a.dateline = strings.ToUpper(city) + " — "
		if rng.IntN(4) == 0 {
			a.dateline = strings.ToUpper(city) + ", " + w.cast.c.name + " — "
		}
	}
	seen := phraseSet{}
	add := func(p paragraph) {
		seen.add(p.text())
		a.paras = append(a.paras, p)
	}
	add(w.lede(&a, seen))
	hasCredit := rng.Float64() < 0.7 && n > 1
	hasDot := rng.Float64() < 0.02 && n > 3
	bodyN := n - 1
	if hasCredit {
		bodyN--
	}
	if hasDot {
		bodyN--
	}
	for i := 0; i < bodyN; i++ {
		if i >= 3 && n >= 14 && rng.Float64() < 0.04 {
			add(w.heading(seen))
			continue
		}
		add(w.paragraph(seen))
	}
	if hasCredit {
		add(paragraph{kind: credit, sents: []sentence{{text: w.expand(pick(rng, credits))[0]}}})
	}
	if hasDot {
		i := 1 + rng.IntN(len(a.paras)-1)
		a.paras = insertParas(a.paras, i, paragraph{kind: dot, sents: []sentence{{text: "."}}})
	}
	return a
}

// heading writes a subhead the article does not have yet.
func (w *writer) heading(avoid phraseSet) paragraph {
	var h string
	for try := 0; try < 10; try++ {
		h = w.expand(w.heads.draw(w.rng))[0]
		if !clashes(h, avoid) && !avoid[strings.ToLower(h)] {
			break
		}
	}
	avoid[strings.ToLower(h)] = true
	return paragraph{kind: heading, sents: []sentence{{text: h}}}
}

func insertParas(ps []paragraph, i int, add ...paragraph) []paragraph {
	out := make([]paragraph, 0, len(ps)+len(add))
	out = append(out, ps[:i]...)
	out = append(out, add...)
	return append(out, ps[i:]...)
}
