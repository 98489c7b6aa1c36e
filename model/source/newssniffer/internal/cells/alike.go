package cells

import (
	"unicode"
	"unicode/utf8"
)

// This file weighs a cut by how alike its two cells read letter by
// letter. Word trigrams (split_link.go) link sentences long enough to
// share three words; a heading, a label line or a list item is too short
// for that, yet its edited form keeps most of its letters in place:
// "Safety tips" and "Safety tips for travellers", "Last updated: 4 May"
// and "Last updated: 9 June", "Signs of strain" and "Signs of Strain".
// Two such cells side by side are one short paragraph in two versions,
// whatever punctuation (or none) ends the first.

const (
	// alikeWeight is the evidence, in nats, of two cells that agree in
	// every letter of the shorter one (up to case), outside the edit.
	// It outweighs the dearest unpunctuated cut (costUnpunctuated) and a
	// heading's sentence-count prior, as one strong link does.
	alikeWeight = 10
	// alikeMin is the least likeness that counts: below it, two cells
	// that merely start alike ("The government said …") are no evidence.
	alikeMin = 0.6
	// alikeMinBytes: cells shorter than this agree by chance.
	alikeMinBytes = 4
	// maxAlikeCell bounds the shorter cell, in bytes, for which likeness
	// is weighed: longer cells have sentences that trigrams link, and the
	// bound keeps the work linear in the row.
	maxAlikeCell = 400
	// maxLabelCell bounds, in bytes, a label line ("Updated: 17
	// November"): two cells this short that start with one label are one
	// line in two versions however much of the value after it changed.
	maxLabelCell = 60
)

// alikeEvidence is the evidence, in nats, for cutting text into left and
// right from the two reading alike: the share of the shorter cell that
// its common prefix and suffix with the other cover, case folded. The
// work is the length of what they share, not of the row.
func alikeEvidence(left, right string) float64 {
	// Lengths in bytes: counting runes would rescan every cell, and the
	// share is alike in either unit for text of one script.
	n := min(len(left), len(right))
	if n > maxAlikeCell || n < alikeMinBytes {
		return 0
	}
	prefix := 0
	for prefix < n {
		a, an := utf8.DecodeRuneInString(left[prefix:])
		b, bn := utf8.DecodeRuneInString(right[prefix:])
		if an != bn || unicode.ToLower(a) != unicode.ToLower(b) {
			break
		}
		prefix += an
	}
	suffix := 0
	for prefix+suffix < n {
		a, an := utf8.DecodeLastRuneInString(left[:len(left)-suffix])
		b, bn := utf8.DecodeLastRuneInString(right[:len(right)-suffix])
		if an != bn || unicode.ToLower(a) != unicode.ToLower(b) {
			break
		}
		suffix += an
	}
	share := float64(prefix+suffix) / float64(n)
	if share < alikeMin {
		if max(len(left), len(right)) <= maxLabelCell && sharedLabel(left[:prefix]) {
			return alikeWeight * alikeMin
		}
		return 0
	}
	return alikeWeight * share
}

// sharedLabel reports whether the common start of two cells holds a whole
// label: words, then a colon ("Updated:", "Still current at:").
func sharedLabel(prefix string) bool {
	colon := -1
	for i, r := range prefix {
		if r == ':' {
			colon = i
			break
		}
		if !(unicode.IsLetter(r) || r == ' ') {
			return false
		}
	}
	return colon >= alikeMinBytes
}
