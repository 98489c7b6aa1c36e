package diff

// The kind rules' two questions of whole versions — which words the
// article writes capitalised inside a sentence, and which figures and
// names of a paragraph added or removed whole the other version holds —
// answered in one read of each paragraph (knownNames.scan).

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"redline/model"
)

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
	read   sync.Once // the one read of the versions: classify's (read) or has's
	shared []string  // paragraphs both versions hold, the same text
	only   [2][]string
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
	k.read.Do(func() { k.scan([2][]string{}) })
	return k.names[w]
}

// scan reads the versions once, their shared paragraphs and the rest of
// each on every core: the names, and which of keys[side] version side
// holds, in any spelling a key stands for (keys as the rules key words:
// lower case, titles and months written out, number words in figures),
// singular or plural. It is called once, through k.read: by classify
// before has, or by has.
func (k *knownNames) scan(keys [2][]string) (found [2]map[string]bool) {
	// The shared paragraphs are looked at for the keys of both sides.
	// Each group is cut in two, all the first halves listed before all
	// the second, so that Spread's two chunks each read half of every
	// group, whichever group is the larger: a pass costs about 5 ms a
	// megabyte.
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
// It runs at about 5 ns a byte (the work of each word, not the cutting,
// is most of it): on a 3 MB article it is the kind rules' largest cost.
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
