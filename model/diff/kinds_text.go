package diff

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"redline/model"
)

// ptext is one side of a paragraph cut into the word diff's tokens, with
// what the kind rules ask of each: is it inside a quotation, is it a
// quotation mark, does it start a sentence.
type ptext struct {
	s    string
	toks []ptok
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

// word reports whether token i exists and is a word.
func (p *ptext) word(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].class == tokenWord }

// span is the tokens [i, j) that overlap bytes [lo, hi); edits fall on
// token boundaries, so these are exactly the tokens of the edit.
func (p *ptext) span(lo, hi int) (i, j int) {
	i = lowerBound(len(p.toks), func(k int) bool { return int(p.toks[k].hi) > lo })
	j = lowerBound(len(p.toks), func(k int) bool { return int(p.toks[k].lo) >= hi })
	return i, max(i, j)
}

// lowerBound is the first k in [0, n) with ok(k), or n; ok is monotone.
func lowerBound(n int, ok func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		mid := (lo + hi) / 2
		if ok(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
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
	l := strings.ToLower(p.text(k))
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

// knownNames is what the rules know of the two versions compared, read
// once and only when first asked (most comparisons never ask): which
// words either writes capitalised inside a sentence, lower-cased (a
// capital that starts a sentence is a name when the article also writes
// it so elsewhere: "Putin said" at a sentence start is a name, "Analysts
// say" is not); and, for paragraphs added or removed whole, which of
// their figures and names the other version holds (scan).
//
// The versions share most of their paragraphs word for word: those are
// read once for both (shared), and only the rest of each on its own.
type knownNames struct {
	mu     sync.Mutex // held while has reads the versions
	shared []string   // paragraphs both versions hold, the same text
	only   [2][]string
	read   atomic.Bool // set once scan has read the versions
	names  map[string]bool
}

// newKnownNames prepares the reading of versions a and b, whose
// paragraphs sharedA and sharedB (by index) are the same texts in both.
func newKnownNames(a, b []string, sharedA, sharedB []bool) *knownNames {
	k := &knownNames{}
	for i, p := range a {
		if sharedA[i] {
			k.shared = append(k.shared, p)
		} else {
			k.only[0] = append(k.only[0], p)
		}
	}
	for j, p := range b {
		if !sharedB[j] {
			k.only[1] = append(k.only[1], p)
		}
	}
	return k
}

// has reports whether either version writes w capitalised inside a
// sentence, reading them first if no scan has. Edited paragraphs are
// classified on several goroutines at once: the first to ask reads.
func (k *knownNames) has(w string) bool {
	if !k.read.Load() {
		k.mu.Lock()
		if !k.read.Load() {
			k.scan([2][]string{})
		}
		k.mu.Unlock()
	}
	return k.names[w]
}

// scan reads the versions once, their shared paragraphs and the rest of
// each on every core: the names, and which of keys[side] version side
// holds, in any spelling a key stands for (keys as the rules key words:
// lower case, titles and months written out, number words in figures),
// singular or plural. It is called once, before has or by it.
func (k *knownNames) scan(keys [2][]string) (found [2]map[string]bool) {
	// The shared paragraphs are looked at for the keys of both sides.
	// Each group is cut in two, the halves in two rows, so that each
	// core has about as much to read whichever group is the larger: each
	// pass is a few milliseconds a megabyte.
	type part struct {
		texts []string
		keys  []string
		side  int // the version whose keys are found here; -1 for both
	}
	// Keys repeat (a figure, a name in many paragraphs): each is looked
	// for once.
	keys[0], keys[1] = distinct(keys[0]), distinct(keys[1])
	both := distinct(append(append([]string{}, keys[0]...), keys[1]...))
	groups := []part{{k.shared, both, -1}, {k.only[0], keys[0], 0}, {k.only[1], keys[1], 1}}
	var parts []part
	for half := range 2 {
		for _, g := range groups {
			cut := len(g.texts) / 2
			g.texts = [][]string{g.texts[:cut], g.texts[cut:]}[half]
			parts = append(parts, g)
		}
	}
	size := 0
	for _, g := range groups {
		for _, p := range g.texts {
			size += len(p)
		}
	}
	least := len(parts) + 1 // never: one goroutine reads them all
	if size >= 256<<10 {
		least = 2 // past a few hundred kilobytes two goroutines are worth their start
	}
	names := make([]map[string]bool, len(parts))
	founds := make([]map[string]bool, len(parts))
	model.Spread(len(parts), least, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			names[i], founds[i] = scanVersion(parts[i].texts, parts[i].keys, true)
		}
	})
	k.names = names[0]
	for _, n := range names[1:] {
		maps.Copy(k.names, n)
	}
	for side := range found {
		found[side] = map[string]bool{}
		for i, p := range parts {
			if p.side < 0 || p.side == side {
				maps.Copy(found[side], founds[i])
			}
		}
	}
	k.read.Store(true)
	return found
}

// distinct is keys sorted, each once.
func distinct(keys []string) []string {
	keys = slices.Clone(keys)
	slices.Sort(keys)
	return slices.Compact(keys)
}

// scanVersion reads a version's paragraphs once, cutting words as
// findStarts does (ASCII words by a table, the rest by wordEnd): when
// names is set, the words it writes capitalised inside a sentence,
// lower-cased; and which of keys it holds, looking each word up among
// the few spellings rather than keeping every word (on a long article
// that is the difference). A sign ($, %) is a word of its own for keys.
// It runs at about 1 ns a byte: on a 3 MB article it is the kind rules'
// largest cost.
func scanVersion(texts []string, keys []string, names bool) (capitals, found map[string]bool) {
	v := versionScan{found: map[string]bool{}, spellings: map[string][]string{}}
	for _, key := range keys {
		for _, w := range []string{key, strings.TrimSuffix(key, "s"), key + "s"} {
			if w == "" {
				continue // the key "s" less its s: no word
			}
			v.spellings[w] = append(v.spellings[w], key)
			for _, alias := range keyAliases[w] {
				v.spellings[alias] = append(v.spellings[alias], key)
			}
		}
	}
	if len(v.spellings) == 0 && !names {
		return nil, v.found
	}
	v.filter = newSketchFilter(len(v.spellings))
	for w := range v.spellings {
		v.filter.add(w)
		if len(w) == 1 && w[0] < utf8.RuneSelf {
			v.signs[w[0]] = true
		}
	}
	if names {
		v.capitals = map[string]bool{}
	}
	for _, s := range texts {
		if !names && len(v.spellings) == 0 {
			break // every spelling is found
		}
		v.paragraph(s)
	}
	return v.capitals, v.found
}

// versionScan is scanVersion's state: the spellings not yet found (each
// to the keys it stands for) behind their filter, and the capitals.
type versionScan struct {
	spellings map[string][]string
	filter    sketchFilter
	found     map[string]bool
	capitals  map[string]bool // nil when names are not asked for
	signs     [256]bool       // the ASCII signs ($, %) among the spellings
}

// paragraph reads one paragraph.
func (v *versionScan) paragraph(s string) {
	start, adjacent, prev := true, false, ""
	keys := len(v.spellings) > 0
	names := v.capitals != nil
	bits, shift := v.filter.bits, v.filter.shift
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' { // most bytes between words
			adjacent = false
			i++
			continue
		}
		j, ascii := i, true
		if wordByte[c] {
			j++
			for j < len(s) && wordByte[s[j]] {
				j++
			}
			if j < len(s) && s[j] >= utf8.RuneSelf {
				j, ascii = wordEnd(s, i), false // a word going on in letters beyond ASCII
			}
		} else if c >= utf8.RuneSelf {
			j, ascii = wordEnd(s, i), false
		}
		if j > i {
			tok := s[i:j]
			if keys {
				if ascii {
					// The filter's test, written out: this runs for
					// every word of both versions.
					h := sketchOf(tok, shift)
					if bits[h>>6]&(1<<(h&63)) != 0 {
						v.lookLower(lowerFast(tok))
					}
				} else {
					v.look(tok)
				}
			}
			if names && !start && (c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(firstRune(tok))) {
				v.capital(tok)
			}
			start, adjacent, prev, i = false, true, tok, j
			continue
		}
		n := 1
		if c >= utf8.RuneSelf {
			_, n = utf8.DecodeRuneInString(s[i:])
		}
		switch c {
		case '\t', '\n':
		case '.':
			start = !adjacent || !abbreviation(prev)
		case '!', '?', ':':
			start = true
		default:
			if c >= utf8.RuneSelf && s[i:i+n] == "…" {
				start = true
			}
		}
		if keys && (n > 1 || v.signs[c]) {
			v.look(s[i : i+n])
		}
		adjacent = false
		i += n
	}
}

// look marks the keys w (in any case) stands for as found, when the
// filter lets it through.
func (v *versionScan) look(w string) {
	if lw := lowerFast(w); v.filter.mayHold(lw) {
		v.lookLower(lw)
	}
}

// lookLower marks the keys lw (lower-cased, past the filter) stands for
// as found.
func (v *versionScan) lookLower(lw string) {
	if keys, ok := v.spellings[lw]; ok {
		for _, key := range keys {
			v.found[key] = true
		}
		// Found once is found: a common word is not looked up again,
		// nor let through the filter.
		delete(v.spellings, lw)
		v.filter.remove(lw)
	}
}

// capital notes w, a capitalised word inside a sentence, lower-cased.
func (v *versionScan) capital(w string) {
	var buf [32]byte
	if len(w) <= len(buf) {
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= utf8.RuneSelf {
				goto slow
			}
			buf[k] = fold(c)
		}
		if !v.capitals[string(buf[:len(w)])] { // a look-up without a copy
			v.capitals[string(buf[:len(w)])] = true
		}
		return
	}
slow:
	v.capitals[strings.ToLower(w)] = true
}

// wordByte marks the bytes an ASCII word is made of (asciiWordByte's):
// letters and digits; no byte of 0x80 or above.
var wordByte = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = asciiWordByte[c] == 1
	}
	return t
}()

// sketchFilter is a Bloom filter of one hash over a word's sketch: its
// length and its first, second and last bytes, lower-cased. It turns
// away most words of a long article at a few operations a word rather
// than a hash of every byte; words with the same sketch share a bit.
// No false "no".
type sketchFilter struct {
	bits  []uint64
	shift uint32
	count map[uint32]int // words added to each bit set
}

// newSketchFilter sizes a filter for n words at about 64 bits a word
// (one false "maybe" in 64 among words of different sketches), from 2^12
// to 2^20 bits.
func newSketchFilter(n int) sketchFilter {
	b := 12
	for b < 20 && 1<<b < 64*n {
		b++
	}
	return sketchFilter{bits: make([]uint64, 1<<b/64), shift: uint32(32 - b), count: map[uint32]int{}}
}

// sketch hashes w's sketch; w is lower-case or ASCII, folded here.
func (f *sketchFilter) sketch(w string) uint32 { return sketchOf(w, f.shift) }

// sketchOf is a sketch of w hashed to 32-shift bits.
func sketchOf(w string, shift uint32) uint32 {
	n := len(w)
	if n == 0 {
		return 0
	}
	x := uint32(min(n, 255))<<24 | uint32(foldTable[w[0]])<<16 | uint32(foldTable[w[min(1, n-1)]])<<8 | uint32(foldTable[w[n-1]])
	return (x * 0x9E3779B1) >> shift // Fibonacci hashing (Knuth)
}

// add adds w, which is lower-case.
func (f *sketchFilter) add(w string) {
	h := f.sketch(w)
	f.bits[h>>6] |= 1 << (h & 63)
	f.count[h]++
}

// remove takes out w, added before: its bit is cleared when no other
// word added shares it.
func (f *sketchFilter) remove(w string) {
	h := f.sketch(w)
	if f.count[h]--; f.count[h] == 0 {
		f.bits[h>>6] &^= 1 << (h & 63)
	}
}

// mayHold reports whether w, ASCII of any case or lower-case, may be in
// the filter.
func (f *sketchFilter) mayHold(w string) bool {
	h := f.sketch(w)
	return f.bits[h>>6]&(1<<(h&63)) != 0
}

// fold is an ASCII byte lower-cased; any other byte as it is.
func fold(c byte) byte { return foldTable[c] }

var foldTable = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

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
