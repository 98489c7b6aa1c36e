package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"redline/model"
)

// Kind says what happened to a paragraph between two versions.
type Kind int8

const (
	// Same is a paragraph whose text is unchanged (whitespace aside).
	Same Kind = iota
	// Edited is a paragraph rewritten in place: it keeps its position in
	// the reading order relative to its unchanged neighbours.
	Edited
	// Added is a paragraph only the new version has.
	Added
	// Removed is a paragraph only the old version has, shown at the
	// place it left.
	Removed
	// Moved is a paragraph that changed its place in the reading order
	// (perhaps with some edits), shown at its new place.
	Moved
	// MovedAway marks the place a Moved paragraph left, so the reader
	// sees both ends of the move; or a Merged one's, when the paragraphs
	// it joins moved (its Old is then the merge's first).
	MovedAway
	// Split is one piece of an old paragraph that the new version cut in
	// two or more: there is one Split row per piece, each with the same
	// Old and its own New, and Group lists the pieces.
	Split
	// Merged is a new paragraph made of two or more consecutive old
	// ones: Old is the first, Group lists them.
	Merged
)

var kindNames = [...]string{"same", "edited", "added", "removed", "moved", "moved-away", "split", "merged"}

// String names the kind as JSON output and the print mode show it.
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "kind(?)"
	}
	return kindNames[k]
}

// Change is one paragraph's row in a comparison.
type Change struct {
	Kind Kind
	// Old is the paragraph's index in the base (old) version's
	// Paragraphs, -1 if none (Added).
	Old int
	// New is the paragraph's index in the shown (new) version's
	// Paragraphs, -1 if none (Removed). A MovedAway row carries the
	// index the paragraph moved to, so the reader can jump there.
	New int
	// Edits are the old -> new word edits. Same: one OpEqual; Added: one
	// OpInsert; Removed: one OpDelete; Edited and Moved: the word diff;
	// MovedAway: nil (the edits are shown once, at the new place).
	Edits []Edit
	// Group lists the paragraphs on the other side of a split or merge:
	// for Split, the new paragraphs (pieces) Old was cut into; for
	// Merged, the old paragraphs joined into New. nil for other kinds.
	//
	// The edits of a Merged row spell its old paragraphs joined with one
	// space; the edits of the Split rows of one split, taken together,
	// spell the old paragraph, each row's new side its own piece.
	Group []int
	// Similarity is how alike the pair's texts are, 0..1: the share of
	// words kept in order, 2·LCS/(words(old)+words(new)). It is what the
	// pairing thresholds (0.2 for an edit, 0.4 for a move) were applied
	// to. 1 for Same, 0 for Added and Removed.
	Similarity float64
	// Kinds is what this paragraph's edits are about: the union of its
	// edits' kinds (kinds.go). None for Same and MovedAway.
	Kinds EditKinds `json:"kinds,omitempty"`
}

// Stats sums up a comparison for the status line.
type Stats struct {
	// WordsAdded and WordsRemoved count words (not spaces or
	// punctuation) in the inserted and deleted text of every paragraph:
	// all of an added or removed paragraph, the edits of an edited or
	// moved one. The headline is left out so the figure describes the
	// body the reader scrolls through.
	WordsAdded, WordsRemoved int
	// Edited, Added, Removed and Moved count paragraphs by Kind
	// (MovedAway markers are not counted: they are the same paragraphs
	// as the Moved ones).
	Edited, Added, Removed, Moved int
	// Split counts old paragraphs cut in pieces, Merged new paragraphs
	// made of several old ones (each once, however many rows show it).
	Split, Merged int
	// Typographic counts changes that swap typography only (quote
	// style, dash kind, spacing); Punctuation counts changes of
	// punctuation marks that touch no word ("A." → "A!"). Neither adds
	// to the word counts, and a typographic change is not a punctuation
	// change.
	Typographic, Punctuation int
	// HeadlineChanged is true when the headline differs other than in
	// whitespace or normalization: the headline is part of every step.
	HeadlineChanged bool
	// Kinds counts the body's changes by kind (a change of two kinds
	// counts for each); the headline is left out, as from the words.
	Kinds KindCounts `json:"kinds"`
}

// Size is how big the step is, for the timeline: words added and removed
// in the body and the headline, plus one for every change that touched
// no word (a move, split or merge, a typographic or punctuation edit) and
// one for a headline change, so that no step that changed anything reads
// as flat.
func (c *Comparison) Size() int {
	if c == nil {
		return 0
	}
	s := c.Stats
	n := s.WordsAdded + s.WordsRemoved + s.Moved + s.Split + s.Merged + s.Typographic + s.Punctuation
	if s.HeadlineChanged {
		n++
		for _, e := range c.Headline {
			if e.Op != OpEqual {
				n += countWords(e.Text)
			}
		}
	}
	return n
}

// Comparison is the result of comparing an old version with a new one.
type Comparison struct {
	// Headline holds the word edits of the headline: one OpEqual when it
	// is unchanged, nil when both versions have none.
	Headline []Edit
	// HeadlineChanged is true when the headlines differ other than in
	// whitespace.
	HeadlineChanged bool
	// Changes are the rows in the new version's reading order; removed
	// paragraphs and MovedAway markers sit at the place they left.
	Changes []Change
	// Stats sums up Changes.
	Stats Stats
	// HeadlineKinds is what the headline's change is about; none when it
	// did not change.
	HeadlineKinds EditKinds

	// substantive counts the body's substantive changes, each once.
	substantive int

	// Partner indexes, kept so the TUI can follow a paragraph between
	// versions on every keystroke without searching Changes.
	oldToNew, newToOld []int
}

// NewIndex is where old paragraph old went in the new version (its Same,
// Edited or Moved partner), or -1 when it was removed or old is out of
// range.
func (c *Comparison) NewIndex(old int) int {
	if c == nil || old < 0 || old >= len(c.oldToNew) {
		return -1
	}
	return c.oldToNew[old]
}

// OldIndex is where new paragraph new came from in the old version, or -1
// when it was added or new is out of range.
func (c *Comparison) OldIndex(new int) int {
	if c == nil || new < 0 || new >= len(c.newToOld) {
		return -1
	}
	return c.newToOld[new]
}

// Compare compares version a (the base) with version b (the one shown).
//
// Paragraphs are aligned in three passes (DESIGN.md, "Comparing two
// versions"): exact matches whose place is certain become Same; between
// two of them, old and new paragraphs are paired by similarity in reading
// order and become Edited; whatever is still unpaired is searched, across
// the whole article, for moves, and a move that breaks no order is an
// edit after all. Neighbouring rows that read as one paragraph cut in
// pieces (or several joined) become Split (or Merged). Every pair then gets its word
// edits. Compare never fails: any two versions, including empty ones,
// give a comparison.
func Compare(a, b model.Version) *Comparison {
	c := &Comparison{}
	// What a reader cannot see is no edit: the texts are compared, and
	// their edits spelt, without the invisible format characters.
	ha, hb := withoutInvisible(a.Headline), withoutInvisible(b.Headline)
	pa, pb := allWithoutInvisible(a.Paragraphs), allWithoutInvisible(b.Paragraphs)
	if ha != "" || hb != "" {
		c.Headline = WordDiff(ha, hb)
		c.HeadlineChanged = normalKey(ha) != normalKey(hb)
	}
	al := alignParagraphs(pa, pb)
	changes, counts := buildRows(al)
	c.Changes, counts = joinSplits(changes, counts, al)
	c.oldToNew, c.newToOld = make([]int, len(al.old)), make([]int, len(al.new))
	for i := range c.oldToNew {
		c.oldToNew[i] = -1
	}
	for j := range c.newToOld {
		c.newToOld[j] = -1
	}
	for k := range c.Changes {
		c.tally(&c.Changes[k], counts[k])
	}
	c.Stats.HeadlineChanged = c.HeadlineChanged
	c.classify(pa, pb)
	return c
}

// invisible marks the format characters a reader never sees, whose
// adding or removal changes nothing on the page: SOFT HYPHEN (U+00AD,
// shown only where a line breaks inside a word, which no view here
// does), ZERO WIDTH SPACE (U+200B), WORD JOINER (U+2060) and ZERO WIDTH
// NO-BREAK SPACE (U+FEFF, a byte-order mark inside the text). The joiners
// U+200C and U+200D are not among them: they change how Persian, Indic
// scripts and emoji are drawn.
func invisible(r rune) bool {
	return r == '\u00ad' || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// withoutInvisible is s less its invisible format characters: s itself
// when it has none, found by the lead bytes of their UTF-8 (C2 for
// U+00AD, E2 for U+200B and U+2060, EF for U+FEFF), which ASCII text
// never holds.
func withoutInvisible(s string) string {
	if !hasInvisible(s) {
		return s
	}
	t := strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s)
	if t == "" {
		// A paragraph of nothing else stays as it is: no paragraph is
		// compared empty (its edit would be of no text at all).
		return s
	}
	return t
}

// hasInvisible reports whether s holds an invisible format character,
// looking only where a lead byte of one is (a fast byte search each).
func hasInvisible(s string) bool {
	return hasRuneAt(s, []byte{0xC2, 0xE2, 0xEF}, invisible)
}

// hasRuneAt reports whether s holds a rune that is, looking only where
// one of leads (the first bytes of the runes sought) stands: a fast byte
// search each, which ASCII text passes at once.
func hasRuneAt(s string, leads []byte, is func(rune) bool) bool {
	for _, lead := range leads {
		for i := 0; ; {
			j := strings.IndexByte(s[i:], lead)
			if j < 0 {
				break
			}
			i += j
			r, n := utf8.DecodeRuneInString(s[i:])
			if is(r) {
				return true
			}
			i += n
		}
	}
	return false
}

// allWithoutInvisible is withoutInvisible of every paragraph: ps itself
// when none has any.
func allWithoutInvisible(ps []string) []string {
	var out []string
	for i, p := range ps {
		if q := withoutInvisible(p); q != p {
			if out == nil {
				out = slices.Clone(ps)
			}
			out[i] = q
		}
	}
	if out == nil {
		return ps
	}
	return out
}

// row is a change with what its word diff counted.
type row struct {
	Change
	counts editCounts
}

// buildRows lays the alignment out in the new version's reading order,
// with word edits for every pair: the changes, and what each one's word
// diff counted. The many one-edit changes (paragraphs kept, added or
// removed whole) share one array of edits: on a 30 MB pair an array each
// was 200,000 allocations.
func buildRows(al *alignment) ([]Change, []editCounts) {
	diffs := pairDiffs(al)
	n := len(al.new) + len(al.old) - len(al.anchors)
	changes, counts := make([]Change, 0, n), make([]editCounts, 0, n)
	slab := make([]Edit, 0, n)
	one := func(e Edit) []Edit {
		slab = append(slab, e)
		return slab[len(slab)-1 : len(slab) : len(slab)] // its own capacity: an append copies
	}
	add := func(ch Change, counted editCounts) {
		changes, counts = append(changes, ch), append(counts, counted)
	}
	pair := func(kind Kind, i, j int) {
		ch := Change{Kind: kind, Old: i, New: j, Similarity: al.sim[i]}
		if al.old[i] == al.new[j] {
			ch.Edits = one(Edit{Op: OpEqual, Text: al.new[j]})
			add(ch, editCounts{})
			return
		}
		// Also for a Same pair that differs only in whitespace or
		// normalization: its edits must still spell both texts.
		d := diffs[i]
		ch.Edits = d.edits
		if kind == Same {
			// Layout alone (the paragraphs read the same once whitespace
			// is squeezed): nothing to count.
			d.counts = editCounts{}
		}
		add(ch, d.counts)
	}
	i, j := 0, 0 // next old and new paragraph to place
	for _, an := range append(al.anchors, anchor{old: len(al.old), new: len(al.new)}) {
		// Paragraphs between two anchors are removed, added or moved:
		// the old side first, so a replaced passage reads as "this went,
		// that came".
		for ; i < an.old; i++ {
			if to := al.oldTo[i]; to >= 0 {
				add(Change{Kind: MovedAway, Old: i, New: to, Similarity: al.sim[i]}, editCounts{})
			} else {
				add(Change{Kind: Removed, Old: i, New: -1, Edits: one(Edit{Op: OpDelete, Text: al.old[i]})},
					editCounts{deleted: countWords(al.old[i])})
			}
		}
		for ; j < an.new; j++ {
			if from := al.newTo[j]; from >= 0 {
				pair(Moved, from, j)
			} else {
				add(Change{Kind: Added, Old: -1, New: j, Edits: one(Edit{Op: OpInsert, Text: al.new[j]})},
					editCounts{inserted: countWords(al.new[j])})
			}
		}
		if an.old < len(al.old) {
			kind := Edited
			if al.same[an.old] {
				kind = Same
			}
			pair(kind, an.old, an.new)
			i, j = an.old+1, an.new+1
		}
	}
	return changes, counts
}

// tally adds a change, whose word diff counted n, to the stats and the
// partner indexes.
func (c *Comparison) tally(r *Change, n editCounts) {
	s := &c.Stats
	if r.Kind != MovedAway {
		s.WordsAdded += n.inserted
		s.WordsRemoved += n.deleted
		s.Typographic += n.typographic
		s.Punctuation += n.punctuation
	}
	switch r.Kind {
	case Edited:
		s.Edited++
	case Moved:
		s.Moved++
	case Added:
		s.Added++
	case Removed:
		s.Removed++
	case Split:
		if r.New == r.Group[0] {
			s.Split++
		}
	case Merged:
		s.Merged++
	}
	switch r.Kind {
	case Same, Edited, Moved:
		c.oldToNew[r.Old], c.newToOld[r.New] = r.New, r.Old
	case Split:
		if r.New == r.Group[0] {
			c.oldToNew[r.Old] = r.New
		}
		c.newToOld[r.New] = r.Old
	case Merged:
		for _, o := range r.Group {
			c.oldToNew[o] = r.New
		}
		c.newToOld[r.New] = r.Old
	}
}

// pairDiff is the word diff of one pair of paragraphs.
type pairDiff struct {
	edits  []Edit
	counts editCounts
}

// pairDiffs works out the word diff of every pair whose texts differ,
// keyed by the old paragraph, on every core when there are many: they
// are independent, and on a long document they are much of the work.
func pairDiffs(al *alignment) map[int]pairDiff {
	var pairs [][2]int
	for i, j := range al.oldTo {
		if j >= 0 && al.old[i] != al.new[j] {
			pairs = append(pairs, [2]int{i, j})
		}
	}
	results := make([]pairDiff, len(pairs))
	work := func(lo, hi int) {
		for k := lo; k < hi; k++ {
			p := pairs[k]
			d := &results[k]
			d.edits, d.counts = wordDiff(al.old[p[0]], al.new[p[1]])
		}
	}
	model.Spread(len(pairs), 64, work)
	out := make(map[int]pairDiff, len(pairs))
	for k, p := range pairs {
		out[p[0]] = results[k]
	}
	return out
}

// normalKey is the form in which paragraphs are compared: whitespace
// squeezed and Unicode composed (NFC), so that neither layout nor
// normalization counts as an edit. Each version still shows its own text.
func normalKey(s string) string {
	if plainASCII(s) {
		return s
	}
	s = squeezeSpace(s)
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// plainASCII reports, in one pass, whether s is printable ASCII with no
// space at either end and no two in a row: already squeezed and in NFC,
// its own key. Most paragraphs of most articles are; the checks of
// squeezeSpace and NFC took six passes over them (13% of comparing two
// 30 MB versions).
func plainASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	// Eight bytes at a time (SWAR): at 1 ns a byte the plain loop was
	// still a sixth of comparing two 3 MB versions.
	const ones, highs, low7 = 0x0101010101010101, 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	k, prevSpace := 0, false
	for ; k+8 <= len(s); k += 8 {
		b := s[k : k+8] // one bounds check, so the eight loads combine into one
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if (x|(x+ones))&highs != 0 { // a byte of 0x7F or more
			return false
		}
		if (x-0x20*ones)&^x&highs != 0 { // a byte below ' ' (all are below 0x80 here)
			return false
		}
		e := x ^ (' ' * ones)
		spaces := ^(((e & low7) + low7) | e) & highs // the high bit of each space byte
		if spaces&(spaces<<8) != 0 || (prevSpace && spaces&0x80 != 0) {
			return false
		}
		prevSpace = spaces>>63 != 0
	}
	prev := byte(0)
	if prevSpace {
		prev = ' '
	}
	for ; k < len(s); k++ {
		c := s[k]
		if c < ' ' || c > '~' || (c == ' ' && prev == ' ') {
			return false
		}
		prev = c
	}
	return true
}

// squeezeSpace trims s and collapses each run of whitespace to one space,
// so texts that differ only in layout compare equal. It returns s itself
// (no allocation) when s is already in that form, which is the usual case
// because readers store paragraphs whitespace-collapsed.
func squeezeSpace(s string) string {
	if isSqueezed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isSqueezed reports whether squeezeSpace would leave s as it is.
func isSqueezed(s string) bool {
	if s == "" {
		return true
	}
	if !model.SpaceClean(s) {
		return false
	}
	// Only a few lead bytes can start a Unicode space (U+0085, U+00A0,
	// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
	return !hasRuneAt(s, []byte{0xC2, 0xE1, 0xE2, 0xE3}, unicode.IsSpace)
}
