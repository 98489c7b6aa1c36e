package diff

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// classifyEdits gives every edit of one paragraph's word diff its kinds
// and returns the kinds of each change (a deletion with the insertion
// that replaces it), in order. Both halves of a change share its kinds.
func classifyEdits(edits []Edit, known *knownNames, headline bool) []EditKinds {
	if reduced, ok := kindContext(edits); ok {
		out := classifyRead(reduced, known, headline)
		// The changes are the same, in the same order, in both lists.
		r := 0
		for k := range edits {
			if edits[k].Op == OpEqual {
				continue
			}
			for reduced[r].Op == OpEqual {
				r++
			}
			edits[k].Kinds = reduced[r].Kinds
			r++
		}
		return out
	}
	return classifyRead(edits, known, headline)
}

// classifyRead is classifyEdits on edits read whole.
func classifyRead(edits []Edit, known *knownNames, headline bool) []EditKinds {
	var old, new strings.Builder
	for _, e := range edits {
		old.WriteString(e.OldText())
		new.WriteString(e.NewText())
	}
	if old.Len() > maxParsed || new.Len() > maxParsed {
		// Changes of gigabytes, which only a raised --max-input lets in:
		// past what a token's 32-bit offsets reach, they are wording.
		return wordingAll(edits)
	}
	title := headline && titleCased(old.String()+" "+new.String())
	r := &paraKinds{old: parseText(old.String(), title), new: parseText(new.String(), title), known: known}
	var out []EditKinds
	o, n := 0, 0 // bytes of old and new text before edit k
	for k := 0; k < len(edits); {
		if edits[k].Op == OpEqual {
			o, n = o+len(edits[k].OldText()), n+len(edits[k].NewText())
			k++
			continue
		}
		first, o0, n0, typo := k, o, n, true
		for ; k < len(edits) && edits[k].Op != OpEqual; k++ {
			o += len(edits[k].OldText())
			n += len(edits[k].NewText())
			typo = typo && edits[k].Typographic
		}
		kinds := r.change(o0, o, n0, n, typo)
		for e := first; e < k; e++ {
			edits[e].Kinds = kinds
		}
		out = append(out, kinds)
	}
	return out
}

// maxParsed is the longest text parseText is given: its tokens' offsets
// are 32-bit.
const maxParsed = math.MaxInt32

// wordingAll gives every change of edits the kind wording.
func wordingAll(edits []Edit) []EditKinds {
	var out []EditKinds
	for k := 0; k < len(edits); {
		if edits[k].Op == OpEqual {
			k++
			continue
		}
		for ; k < len(edits) && edits[k].Op != OpEqual; k++ {
			edits[k].Kinds = EditKinds(KindWording)
		}
		out = append(out, EditKinds(KindWording))
	}
	return out
}

// paraKinds is one paragraph's two sides, as the rules read them.
type paraKinds struct {
	old, new *ptext
	known    *knownNames
	// How often each figure, name and reporting word occurs on each
	// side, made on first use.
	counts map[string][2]int
}

// change decides the kinds of the change that turns old bytes [o0, o1)
// into new bytes [n0, n1). See README, "Edit kinds", for the rules in
// words.
func (r *paraKinds) change(o0, o1, n0, n1 int, typo bool) EditKinds {
	if typo {
		return EditKinds(KindTypographic)
	}
	oi, oj := r.old.span(o0, o1)
	ni, nj := r.new.span(n0, n1)
	marks := r.old.marks(oi, oj) != r.new.marks(ni, nj)
	if r.old.words(oi, oj) == 0 && r.new.words(ni, nj) == 0 {
		switch {
		case marks:
			return EditKinds(KindQuote) // a quotation made or unmade
		case r.inFigure(oi, oj, ni, nj):
			return EditKinds(KindNumber) // 1,200 → 1.200, 5 → $5
		case r.old.symbols(oi, oj) || r.new.symbols(ni, nj):
			return EditKinds(KindWording) // 👍 → 👎, < → >: a symbol says something
		}
		return EditKinds(KindPunctuation)
	}
	var k EditKinds
	if correctionNote(r.new.s[n0:n1]) {
		k |= EditKinds(KindCorrection)
	}
	if r.spelling(oi, oj, ni, nj) {
		return k | EditKinds(KindSpelling)
	}
	if marks || r.old.quotedWords(oi, oj) || r.new.quotedWords(ni, nj) {
		k |= EditKinds(KindQuote)
	}
	if replacedInPlace(r.old, oi, oj, r.new, ni, nj) || r.changed("#", oi, oj, ni, nj, (*ptext).numberKey, (*ptext).numberKey) {
		k |= EditKinds(KindNumber)
	}
	if r.changed("@", oi, oj, ni, nj, r.nameKey, (*ptext).capitalKey) {
		k |= EditKinds(KindName)
	}
	if r.attribution(oi, oj, ni, nj) {
		k |= EditKinds(KindAttribution)
	}
	if k == 0 {
		k = EditKinds(KindWording)
	}
	return k
}

func (r *paraKinds) nameKey(p *ptext, i int) (string, bool) { return p.nameKey(i, r.known) }

func lemmaKey(p *ptext, i int) (string, bool) {
	l := p.lemma(i)
	return l, l != ""
}

// changed reports whether the change adds or removes an item keyed by
// key: one the change deletes that the new paragraph holds fewer of, or
// one it inserts that the old paragraph held fewer of. So a date that
// only moved inside its paragraph, or names that swapped places, change
// nothing. prefix keeps the key spaces of different rules apart.
//
// count keys the tokens counted over the paragraph; it may be looser than
// key (names are counted as capitalised words, wherever they stand, so
// that no word of the paragraph needs the article's names looked up).
func (r *paraKinds) changed(prefix string, oi, oj, ni, nj int, key, count func(*ptext, int) (string, bool)) bool {
	// Most changes hold no figure, name or reporting word: then the
	// paragraph need not be counted at all.
	if !hasKey(r.old, oi, oj, key) && !hasKey(r.new, ni, nj, key) {
		return false
	}
	if r.counts == nil {
		r.counts = map[string][2]int{}
	}
	if _, ok := r.counts[prefix]; !ok {
		r.counts[prefix] = [2]int{}
		for side, p := range []*ptext{r.old, r.new} {
			for i := range p.toks {
				if k, ok := count(p, i); ok {
					c := r.counts[prefix+k]
					c[side]++
					r.counts[prefix+k] = c
				}
			}
		}
	}
	for side, sp := range [2][2]int{{oi, oj}, {ni, nj}} {
		p := r.side(side)
		for i := sp[0]; i < sp[1]; i++ {
			if k, ok := key(p, i); ok {
				c := r.counts[prefix+k]
				if c[side] > c[1-side] {
					return true
				}
			}
		}
	}
	return false
}

// replacedInPlace reports whether the change puts one figure (or date)
// where another stood: once the figures both sides of it hold are set
// aside, each side still holds one. Counted over the paragraph alone,
// two figures that swapped places ("19 people, including 17 foreigners"
// → "17 people, including 19 foreigners") change nothing.
func replacedInPlace(a *ptext, ai, aj int, b *ptext, bi, bj int) bool {
	if !hasKey(a, ai, aj, (*ptext).numberKey) || !hasKey(b, bi, bj, (*ptext).numberKey) {
		return false
	}
	left := map[string]int{}
	for k := ai; k < aj; k++ {
		if key, ok := a.numberKey(k); ok {
			left[key]++
		}
	}
	added := false
	for k := bi; k < bj; k++ {
		if key, ok := b.numberKey(k); ok {
			if left[key] > 0 {
				left[key]--
			} else {
				added = true
			}
		}
	}
	if !added {
		return false
	}
	for _, n := range left {
		if n > 0 {
			return true
		}
	}
	return false
}

// inFigure reports whether a change of punctuation alone sits inside a
// figure (between two digits) or changes a currency or percent sign.
func (r *paraKinds) inFigure(oi, oj, ni, nj int) bool {
	for side, sp := range [2][2]int{{oi, oj}, {ni, nj}} {
		p := r.side(side)
		if hasKey(p, sp[0], sp[1], (*ptext).numberKey) {
			return true
		}
		if sp[0] > 0 && sp[1] < len(p.toks) && digitWord(p, sp[0]-1) && digitWord(p, sp[1]) && sp[1] > sp[0] {
			return true
		}
		if sp[1] > sp[0] && sp[1] < len(p.toks) && digitWord(p, sp[1]) && signs(p, sp[0], sp[1]) && (sp[0] == 0 || !p.word(sp[0]-1)) {
			return true // -5 → 5: a sign is the figure's (Covid-19's hyphen is no sign)
		}
	}
	return false
}

// thousands is s with its thousands commas (a comma after a digit and
// before three digits and no fourth) taken out: 1,400 and 1400 read
// alike.
func thousands(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && i > 0 && isDigit(s[i-1]) && i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i+4 == len(s) || !isDigit(s[i+4])) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// spanText is the text of tokens [i, j) of p.
func spanText(p *ptext, i, j int) string {
	if i >= j {
		return ""
	}
	return p.s[p.toks[i].lo:p.toks[j-1].hi]
}

// signs reports whether tokens [i, j) of p are a figure's sign: a minus
// (hyphen or U+2212), a plus or a plus-minus, and nothing else.
func signs(p *ptext, i, j int) bool {
	for k := i; k < j; k++ {
		switch p.text(k) {
		case "-", "\u2212", "+", "±":
		default:
			return false
		}
	}
	return true
}

// hasKey reports whether a token of p in [i, j) has a key.
func hasKey(p *ptext, i, j int, key func(*ptext, int) (string, bool)) bool {
	for k := i; k < j; k++ {
		if _, ok := key(p, k); ok {
			return true
		}
	}
	return false
}

// side is the old paragraph (0) or the new (1).
func (r *paraKinds) side(s int) *ptext {
	if s == 0 {
		return r.old
	}
	return r.new
}

func digitWord(p *ptext, i int) bool { return p.word(i) && unicode.IsDigit(firstRune(p.text(i))) }

// spelling reports whether the change spells the same words another way:
// the same words once lower-cased, abbreviations and number words written
// out and word breaks ignored (Gen. → General, five → 5, ceasefire →
// cease-fire), or word for word a small slip (goverment → government).
func (r *paraKinds) spelling(oi, oj, ni, nj int) bool {
	a, b := r.old.wordsIn(oi, oj), r.new.wordsIn(ni, nj)
	if strings.Join(a, "") == strings.Join(b, "") {
		// A word break is spelling (ceasefire → cease-fire), but not
		// inside a figure: $1.4 billion → $14 billion is ten times more.
		// A thousands comma is (1,400 → 1400): the same figure.
		return len(a) == len(b) || !hasKey(r.old, oi, oj, figureKey) && !hasKey(r.new, ni, nj, figureKey) ||
			thousands(spanText(r.old, oi, oj)) == thousands(spanText(r.new, ni, nj))
	}
	if len(a) != len(b) {
		return false
	}
	// A figure changed is no slip (12 → 13), nor is a date changed
	// (Monday → Sunday, August → Augusta, June → Jane): only a misspelt
	// date word put right is (mnoths → months).
	if hasKey(r.old, oi, oj, (*ptext).numberKey) || hasKey(r.new, ni, nj, figureKey) {
		return false
	}
	for k := range a {
		if !slip(a[k], b[k]) || a[k] != b[k] && countryNames[a[k]] && countryNames[b[k]] {
			return false // Iran → Iraq: two places, a letter apart
		}
	}
	return true
}

// figureKey keys a figure proper: a word that starts with a digit (not
// one glued to a name: F-16), a number word, a currency or percent sign.
func figureKey(p *ptext, i int) (string, bool) {
	k, ok := p.numberKey(i)
	if !ok || dateWords[k] || calendar[k] {
		return "", false
	}
	return k, true
}

// countryNames are the English names of the world's countries and
// territories that are one word, lower-cased, as CLDR gives them
// (golang.org/x/text's display names: TestCountryNamesAreCLDRs holds the
// list to them, so that the binary need not carry every language's
// names): two of them a letter or two apart are two places (Iran, Iraq;
// Niger, Nigeria; Austria, Australia), never a slip.
var countryNames = setOf(countryList)

// slip reports whether two different spellings read as one word: the
// same first letter (so a prefix that flips the meaning — legal,
// illegal; increase, decrease — is not a slip), at least four letters,
// and an edit distance (with transpositions) of at most two and at most
// a third of the longer word (so said → says is not).
func slip(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 || ra[0] != rb[0] || min(len(ra), len(rb)) < 4 {
		return false
	}
	d := osaDistance(ra, rb, 2)
	return d <= 2 && 3*d <= max(len(ra), len(rb))
}

// osaDistance is the optimal-string-alignment distance of a and b (edits,
// with a swap of neighbours as one), or limit+1 once it exceeds limit.
func osaDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// attribution reports whether the change alters who said something or
// how: a reporting verb or hedge added, removed or swapped for another
// (said → claimed; said → says is tense), or the source next to one
// changed — a name, a pronoun or a word like "officials" within two words
// before a reporting verb or after one ("according to witnesses").
func (r *paraKinds) attribution(oi, oj, ni, nj int) bool {
	if r.changed("^", oi, oj, ni, nj, lemmaKey, lemmaKey) {
		return true
	}
	for side, sp := range [][2]int{{oi, oj}, {ni, nj}} {
		p := []*ptext{r.old, r.new}[side]
		if sp[0] == sp[1] || !r.source(p, sp[0], sp[1]) {
			continue
		}
		if reportingNear(p, sp[1]-1, +1) || reportingNear(p, sp[0], -1) {
			return true
		}
	}
	return false
}

// source reports whether tokens [i, j) hold a word a source is named by.
func (r *paraKinds) source(p *ptext, i, j int) bool {
	for k := i; k < j; k++ {
		if !p.word(k) {
			continue
		}
		if sourceWords[p.lowerAt(k)] {
			return true
		}
		if _, ok := p.nameKey(k, r.known); ok {
			return true
		}
	}
	return false
}

// toldWho are the lemmas of the reporting verbs whose next noun is who
// is told, warned or accused ("warned people", "told reporters"), never
// the source: changing it changes no attribution. After the others a
// source may stand ("said the minister", "claimed officials",
// "according to witnesses").
var toldWho = setOf("tell warn accuse")

// reportingNear reports whether a reporting word is among the two words
// after token i (dir +1) or before it (dir -1), in the same clause; before
// it (the noun after the verb), not one of toldWho.
func reportingNear(p *ptext, i, dir int) bool {
	k := i
	for range 2 {
		if k = p.wordNear(k, dir); k < 0 {
			return false
		}
		if l := p.lemma(k); l != "" && !(dir < 0 && toldWho[l]) {
			return true
		}
	}
	return false
}

// The kind rules read a change in its paragraph: whether it sits in a
// quotation, starts a sentence, how often its figures and names occur.
// In a paragraph longer than maxKindText they read each change within
// maxKindContext bytes a side of it, so that two words inserted into a
// paragraph of megabytes are not decided by tokenizing all of it (which
// was three times the whole comparison's cost). A quotation opened, or a
// figure written, further away than that is not seen: news paragraphs
// are a few hundred bytes, far inside both bounds.
const (
	maxKindText    = 64 << 10
	maxKindContext = 2 << 10
)

// kindContext is edits with each long unchanged run cut to the
// maxKindContext bytes next to the changes around it, the cut marked as
// a paragraph break (".\n\n" reads as a sentence end); ok is false when
// the paragraph is short enough to be read whole. A run that differs in
// Unicode normalization alone is kept whole.
func kindContext(edits []Edit) ([]Edit, bool) {
	total := 0
	for _, e := range edits {
		total += len(e.Text) + len(e.Old)
	}
	if total <= maxKindText {
		return nil, false
	}
	out := make([]Edit, 0, len(edits)+2)
	for k, e := range edits {
		if e.Op != OpEqual || e.Old != "" || len(e.Text) <= 2*maxKindContext+16 {
			out = append(out, e)
			continue
		}
		var kept []string
		if k > 0 {
			kept = append(kept, cutAtSpace(e.Text, maxKindContext))
		}
		if k+1 < len(edits) {
			kept = append(kept, lastAtSpace(e.Text, maxKindContext))
		}
		out = append(out, Edit{Op: OpEqual, Text: strings.Join(kept, " .\n\n")})
	}
	return out, true
}

// cutAtSpace is at most the first n bytes of s, ended at a space so that
// no word or rune is cut (or at n bytes on a rune boundary when s has no
// space there).
func cutAtSpace(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i]
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// lastAtSpace is at most the last n bytes of s, started after a space.
func lastAtSpace(s string, n int) string {
	if len(s) <= n {
		return s
	}
	from := len(s) - n
	if i := strings.IndexByte(s[from:], ' '); i >= 0 {
		return s[from+i+1:]
	}
	for from < len(s) && !utf8.RuneStart(s[from]) {
		from++
	}
	return s[from:]
}
