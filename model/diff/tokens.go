package diff

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Symbols handed to go-diff start at the private-use area and go up from
// there. go-diff only gives ASCII letters, digits and whitespace special
// meaning (in its semantic-cleanup scoring), so every rune from U+E000 up
// behaves the same; surrogates lie below and are never produced, and
// U+FFFD is skipped so a rune split by the library can never pass for a
// symbol when we map back.
const (
	symbolBase = 0xE000
	maxSymbols = unicode.MaxRune - symbolBase // U+E000..U+10FFFF less U+FFFD
)

// symbolRune is the rune that stands for the k-th distinct symbol.
func symbolRune(k int) rune {
	r := rune(symbolBase + k)
	if r >= utf8.RuneError {
		r++
	}
	return r
}

// symbolIndex inverts symbolRune; it returns -1 for a rune that no symbol
// maps to.
func symbolIndex(r rune) int {
	switch {
	case r < symbolBase || r == utf8.RuneError || r > unicode.MaxRune:
		return -1
	case r > utf8.RuneError:
		return int(r-symbolBase) - 1
	}
	return int(r - symbolBase)
}

// tokenClass is what a token is to the word diff and to the word counts.
type tokenClass int8

const (
	tokenOther tokenClass = iota // one punctuation mark, symbol or emoji
	tokenSpace                   // a run of whitespace
	tokenWord                    // a word, a number, or one CJK character
)

// scanTokens splits s into the tokens the word diff works on and calls
// emit for each, in order; the tokens concatenate to s exactly. A token
// is a run of letters, digits and combining marks (a word), a run of
// whitespace, one CJK character (those scripts do not separate words with
// spaces, so the character is the smallest unit a reader can follow), or
// one other grapheme cluster (a punctuation mark, a symbol, a whole emoji
// sequence such as 👩‍👩‍👧). Tokens never split a grapheme cluster, so no
// edit ever cuts a multi-byte character or detaches a combining accent.
func scanTokens(s string, emit func(tok string, class tokenClass)) {
	scanTokensWhile(s, func(tok string, class tokenClass) bool {
		emit(tok, class)
		return true
	})
}

// firstWordOrMark is the first token of s that is not whitespace, ""
// when there is none: the first token the word diff aligns.
func firstWordOrMark(s string) (tok string) {
	scanTokensWhile(s, func(t string, class tokenClass) bool {
		if class == tokenSpace {
			return true
		}
		tok = t
		return false
	})
	return tok
}

// scanTokensWhile is scanTokens that stops once emit returns false.
func scanTokensWhile(s string, emit func(tok string, class tokenClass) bool) {
	state := -1
	start, inRun, runClass := 0, false, tokenOther // s[start:i] is a growing word or space run
	for i := 0; i < len(s); {
		var n int
		var class tokenClass
		var joins bool // whether this cluster can be part of a longer run
		if c := s[i]; c < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			// Fast path: two ASCII bytes in a row are always separate
			// clusters (CR LF aside, which is whitespace either way).
			n, class = 1, asciiClass[c]
			joins = class != tokenOther
			state = -1
		} else {
			var cluster string
			cluster, _, _, state = uniseg.FirstGraphemeClusterInString(s[i:], state)
			n = len(cluster)
			class, joins = clusterClass(cluster)
		}
		if inRun && (!joins || class != runClass) {
			if !emit(s[start:i], runClass) {
				return
			}
			inRun = false
		}
		if !inRun {
			if joins {
				start, inRun, runClass = i, true, class
			} else if !emit(s[i:i+n], class) {
				return
			}
		}
		i += n
		if inRun {
			// Inside an ASCII run, take the rest of it in one tight
			// loop: the bytes the fast path would take one at a time
			// (an ASCII byte followed by an ASCII byte, of the run's
			// class). Cutting a 5 MB paragraph spent 8 ns a byte in
			// the general loop above.
			for i+1 < len(s) && s[i+1] < utf8.RuneSelf && s[i] < utf8.RuneSelf && asciiClass[s[i]] == runClass {
				i++
			}
		}
	}
	if inRun {
		emit(s[start:], runClass)
	}
}

// asciiClass classifies every ASCII byte once, for the fast path.
var asciiClass = func() (t [utf8.RuneSelf]tokenClass) {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			t[c] = tokenWord
		case c == ' ', '\t' <= c && c <= '\r':
			t[c] = tokenSpace
		}
	}
	return t
}()

// clusterClass classifies one grapheme cluster by its first rune and says
// whether it can be part of a longer run (words and whitespace can; CJK
// characters, punctuation and symbols stand alone).
func clusterClass(cluster string) (tokenClass, bool) {
	r, _ := utf8.DecodeRuneInString(cluster)
	switch {
	case unicode.IsSpace(r):
		return tokenSpace, true
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return tokenWord, false
	case unicode.IsLetter(r), unicode.IsNumber(r), unicode.IsMark(r):
		// A mark here has no base before it (otherwise the cluster would
		// hold both); it still belongs with the letters around it.
		return tokenWord, true
	}
	return tokenOther, false
}

// countWords is the number of word tokens in s: what the stats call words.
// ASCII stretches are counted in a tight loop of their own (an ASCII
// text's tokens are its runs of letters and digits, of whitespace, and
// single marks); only the stretch around a non-ASCII byte, between two
// tokenCut places, goes through the tokenizer. 5 MB of prose: 30 ms
// through the tokenizer, a few through the loop.
func countWords(s string) int {
	n := 0
	for s != "" {
		k := 0
		for k < len(s) && s[k] < utf8.RuneSelf {
			k++
		}
		if k == len(s) {
			return n + countASCIIWords(s)
		}
		from, to := k, k+1
		for from > 0 && !tokenCut(s, from) {
			from--
		}
		for to < len(s) && !tokenCut(s, to) {
			to++
		}
		n += countASCIIWords(s[:from])
		scanTokens(s[from:to], func(_ string, class tokenClass) {
			if class == tokenWord {
				n++
			}
		})
		s = s[to:]
	}
	return n
}

// countASCIIWords counts the word tokens of an ASCII text: its runs of
// letters and digits.
func countASCIIWords(s string) int {
	// Branch-free: a word starts where a word byte follows a non-word
	// one; a branch per byte mispredicted often enough on prose to run
	// at 2 ns a byte.
	n, prev := 0, uint8(0)
	for k := 0; k < len(s); k++ {
		w := asciiWordByte[s[k]&0x7F]
		n += int(w &^ prev)
		prev = w
	}
	return n
}

// asciiWordByte is 1 for the ASCII bytes that make words, else 0.
var asciiWordByte = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		if asciiClass[c] == tokenWord {
			t[c] = 1
		}
	}
	return t
}()
