package diff

import (
	"encoding/json"
	"fmt"
	"math/bits"
	"strings"

	"redline/model"
)

// EditKind is what one edit is about, for a reader hunting the edits that
// matter among the copy-editing: a figure revised, a quotation altered, a
// name changed, a claim re-attributed, a correction appended. Kinds are
// decided by explainable rules on the text alone (kinds_rules.go; README,
// "Edit kinds"), the same on every machine.
type EditKind uint16

// The kinds, in the order a reader is told about them: a correction
// first, because an editor's note is the one edit that says the article
// was wrong.
const (
	// KindCorrection is an added editor's note: "Correction:", "Update:",
	// "An earlier version of this article …".
	KindCorrection EditKind = 1 << iota
	// KindNumber is a figure, date, time, sum, share or count changed,
	// added or removed ("12" → "15", "dozens" → "at least 40", "Tuesday"
	// → "Wednesday").
	KindNumber
	// KindQuote is words inside quotation marks added, removed or
	// altered, or quotation marks put around words or taken away.
	KindQuote
	// KindName is a capitalised name or title changed, added or removed
	// ("Mr. Conte" → "Mr. Renzi"; not "Gen." → "General").
	KindName
	// KindAttribution is who is said to have said something, or how
	// ("said" → "claimed", "officials said" → "a spokesman said").
	KindAttribution
	// KindWording is any other change of words.
	KindWording
	// KindSpelling is one word spelt differently (edit distance at most
	// two, the same word otherwise), a title abbreviation written out, a
	// number written in figures, a capital changed.
	KindSpelling
	// KindPunctuation is punctuation marks changed with no word touched.
	KindPunctuation
	// KindTypographic is typography alone: quote style, dash kind,
	// spacing.
	KindTypographic

	numEditKinds = iota
)

var editKindNames = [numEditKinds]string{
	"correction", "number", "quote", "name", "attribution", "wording", "spelling", "punctuation", "typographic",
}

// AllEditKinds lists every kind in the order a reader is told about them.
func AllEditKinds() []EditKind {
	out := make([]EditKind, numEditKinds)
	for i := range out {
		out[i] = 1 << i
	}
	return out
}

// String names the kind as JSON and the reader show it.
func (k EditKind) String() string {
	if bits.OnesCount16(uint16(k)) != 1 || bits.TrailingZeros16(uint16(k)) >= numEditKinds {
		return "kind(?)"
	}
	return editKindNames[bits.TrailingZeros16(uint16(k))]
}

// Substantive reports whether an edit of this kind can change what the
// article says: everything but typography, punctuation and spelling.
func (k EditKind) Substantive() bool { return EditKinds(k).Substantive() }

// EditKinds is a set of kinds: an edit or a paragraph can be several
// things at once (a quotation altered and its speaker renamed). Its zero
// value is the empty set, which JSON omits.
type EditKinds uint16

// nonSubstantive are the kinds that never change what the article says.
const nonSubstantive = EditKinds(KindTypographic | KindPunctuation | KindSpelling)

// Has reports whether k holds kind.
func (k EditKinds) Has(kind EditKind) bool { return k&EditKinds(kind) != 0 }

// Substantive reports whether k holds a kind other than typography,
// punctuation and spelling: what the reader's } and { keys stop at.
func (k EditKinds) Substantive() bool { return k&^nonSubstantive != 0 }

// List is the kinds of k in the order a reader is told about them.
func (k EditKinds) List() []EditKind {
	var out []EditKind
	for _, kind := range AllEditKinds() {
		if k.Has(kind) {
			out = append(out, kind)
		}
	}
	return out
}

// String is the kinds joined with "+" ("number+quote"), "" when none.
func (k EditKinds) String() string {
	var names []string
	for _, kind := range k.List() {
		names = append(names, kind.String())
	}
	return strings.Join(names, "+")
}

// MarshalJSON writes the set as a list of names, so a JSON reader needs
// no table of bits.
func (k EditKinds) MarshalJSON() ([]byte, error) {
	names := []string{}
	for _, kind := range k.List() {
		names = append(names, kind.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads a list of names written by MarshalJSON.
func (k *EditKinds) UnmarshalJSON(data []byte) error {
	var names []string
	if err := json.Unmarshal(data, &names); err != nil {
		return err
	}
	var out EditKinds
	for _, n := range names {
		kind, ok := ParseEditKind(n)
		if !ok {
			return fmt.Errorf("unknown edit kind %q", n)
		}
		out |= EditKinds(kind)
	}
	*k = out
	return nil
}

// ParseEditKind reads a kind's name.
func ParseEditKind(name string) (EditKind, bool) {
	for i, n := range editKindNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// KindCounts counts the changes of a comparison by kind: one count per
// change (a deletion and the insertion that replaces it) for each kind it
// is, so a change that alters a quotation and its speaker counts once as
// a quote and once as a name.
type KindCounts [numEditKinds]int

// Of is the count of one kind.
func (c KindCounts) Of(kind EditKind) int {
	if bits.OnesCount16(uint16(kind)) != 1 || bits.TrailingZeros16(uint16(kind)) >= numEditKinds {
		return 0
	}
	return c[bits.TrailingZeros16(uint16(kind))]
}

// add counts one change of kinds k.
func (c *KindCounts) add(k EditKinds) {
	for i := range c {
		if k&(1<<i) != 0 {
			c[i]++
		}
	}
}

// MarshalJSON writes the counts as an object of the kinds that occur.
func (c KindCounts) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, n := range c {
		if n == 0 {
			continue
		}
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q:%d", editKindNames[i], n)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// UnmarshalJSON reads what MarshalJSON writes; a kind it does not know
// is an error.
func (c *KindCounts) UnmarshalJSON(data []byte) error {
	var m map[string]int
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	*c = KindCounts{}
	for name, n := range m {
		k, ok := ParseEditKind(name)
		if !ok {
			return fmt.Errorf("unknown edit kind %q", name)
		}
		c[bits.TrailingZeros16(uint16(k))] = n
	}
	return nil
}

// Substantive is how many changes of the body (a deletion with the
// insertion that replaces it, or a paragraph added or removed) hold a
// substantive kind, each counted once however many kinds it is; the
// headline adds one when its change is substantive. It is what the
// article picker sorts by and what the timeline colours.
func (c *Comparison) Substantive() int {
	if c == nil {
		return 0
	}
	n := c.substantive
	if c.HeadlineKinds.Substantive() {
		n++
	}
	return n
}

// classify gives every change of c, and the headline, its kinds, and
// counts them. a and b are the versions compared: a capital that starts
// a sentence is read as a name only when one of them writes it
// capitalised inside a sentence.
func (c *Comparison) classify(a, b []string) {
	sharedA, sharedB := make([]bool, len(a)), make([]bool, len(b))
	for _, ch := range c.Changes {
		if (ch.Kind == Same || ch.Kind == Moved) && a[ch.Old] == b[ch.New] {
			sharedA[ch.Old], sharedB[ch.New] = true, true
		}
	}
	known := newKnownNames(a, b, sharedA, sharedB)
	// Paragraphs added or removed whole wait for one look at the other
	// version for all the figures and names they hold.
	var whole []*wholeParagraph
	var edited []*Change
	var keys [2][]string
	for k := range c.Changes {
		ch := &c.Changes[k]
		switch ch.Kind {
		case Same, MovedAway:
			continue
		case Added, Removed:
			w := newWholeParagraph(ch)
			whole = append(whole, w)
			keys[w.other] = append(append(keys[w.other], w.numbers...), w.names...)
			continue
		}
		edited = append(edited, ch)
	}
	// One read of each version answers every question the rules ask of
	// it: the whole paragraphs' keys, and the names a capital at a
	// sentence start is checked against.
	var found [2]map[string]bool
	if len(keys[0])+len(keys[1]) > 0 {
		// known is new: this first use of it is its one read.
		known.read.Do(func() { found = known.scan(keys) })
	}
	for _, w := range whole {
		kinds := w.decide(found[w.other], known)
		w.ch.Edits[0].Kinds, w.ch.Kinds = kinds, kinds
		c.count(kinds)
	}
	// Each edited paragraph is read on its own: on every core when there
	// are many.
	kinds := make([][]EditKinds, len(edited))
	model.Spread(len(edited), 256, func(lo, hi int) {
		for k, ch := range edited[lo:hi] {
			kinds[lo+k] = classifyEdits(splitCut(ch), known, false)
			for _, e := range ch.Edits {
				ch.Kinds |= e.Kinds
			}
		}
	})
	for _, ks := range kinds {
		for _, k := range ks {
			c.count(k)
		}
	}
	if c.HeadlineChanged {
		for _, k := range classifyEdits(c.Headline, known, true) {
			c.HeadlineKinds |= k
		}
	}
}

// splitCut is the edits of ch that the kind rules read: for a piece of a
// split, all but the space the paragraph break took the place of (the
// deletion cutAt leaves at its end, to spell the old text), which is no
// edit a reader sees, not a punctuation edit.
func splitCut(ch *Change) []Edit {
	es := ch.Edits
	if n := len(es); ch.Kind == Split && n > 0 && es[n-1].Op == OpDelete && strings.TrimSpace(es[n-1].Text) == "" {
		return es[:n-1]
	}
	return es
}

// count adds one change of kinds k to the stats.
func (c *Comparison) count(k EditKinds) {
	c.Stats.Kinds.add(k)
	if k.Substantive() {
		c.substantive++
	}
}

// SubstantiveEdits counts the substantive changes of every step of art,
// each version compared with the one before it: how much an article was
// rewritten, as against copy-edited. It costs one comparison a step.
func SubstantiveEdits(art *model.Article) int {
	if art == nil {
		return 0
	}
	n := 0
	for i := 1; i < len(art.Versions); i++ {
		n += Compare(art.Versions[i-1], art.Versions[i]).Substantive()
	}
	return n
}
