package diff

import "unicode/utf8"

// sharedTextEnds is how many bytes a and b share at their start (p) and,
// of the rest, at their end (m), each cut where tokenizing the piece
// alone gives the very tokens that tokenizing the whole text gives there
// (see tokenCut). The word diff and the pair score work on the middles
// only: a 5 MB paragraph with two words inserted is then diffed as two
// short middles plus two byte comparisons, instead of 1.7 million tokens
// cut and interned twice (three times git's time before).
func sharedTextEnds(a, b string) (p, m int) {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	for p = n; p > 0 && !(tokenCut(a, p) && tokenCut(b, p)); p-- {
	}
	// The suffix stops short of the shared prefix, so that a repeat at
	// the join ("x x" → "x x x") is placed as the token diff places it.
	limit := min(len(a), len(b)) - n
	k := 0
	for k < limit && a[len(a)-1-k] == b[len(b)-1-k] {
		k++
	}
	for m = k; m > 0 && !(tokenCut(a, len(a)-m) && tokenCut(b, len(b)-m)); m-- {
	}
	return p, m
}

// tokenCut reports whether s can be cut at byte k with the tokens on
// either side the same as in the whole of s. That holds at either end
// and where an ASCII space follows an ASCII byte (or starts s) and an
// ASCII byte other than whitespace follows the space: two ASCII bytes in
// a row are always separate grapheme clusters (CR LF aside, which needs
// a CR), so the space ends a token, the next byte starts one, and the
// tokenizer's state is fresh there. Other places may be cuts too; these
// are enough to cut prose in a few bytes.
func tokenCut(s string, k int) bool {
	if k == 0 || k == len(s) {
		return true
	}
	if s[k-1] != ' ' || s[k] >= utf8.RuneSelf || asciiClass[s[k]] == tokenSpace {
		return false
	}
	return k == 1 || s[k-2] < utf8.RuneSelf
}
