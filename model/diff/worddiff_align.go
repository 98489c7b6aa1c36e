package diff

import (
	"iter"
	"slices"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// tokenRun is n tokens kept, deleted or inserted.
type tokenRun struct {
	op Op
	n  int
}

// exactDiffLimit bounds go-diff's Myers search, which costs O((N+M)·D):
// a stretch of at most this many tokens (both sides together) is diffed
// exactly, the worst case (two unrelated 4,000-token stretches) in about
// 0.25 s on the 2-core development machine. A longer stretch is first cut
// at tokens that occur once on each side and keep their order (patience
// diff), and each piece is diffed alone; a piece still too long with no
// such token in it is shown as deleted and inserted. Every bound counts
// tokens, never time: the same texts give the same edits on any machine
// under any load (CONVENTIONS.md, 11).
const exactDiffLimit = 8000

// newDiffer returns a go-diff instance that never looks at the clock.
func newDiffer() *diffmatchpatch.DiffMatchPatch {
	dmp := diffmatchpatch.New()
	// 0 turns off the wall-clock deadline, and with it go-diff's
	// half-match shortcut, which may return a non-minimal diff.
	dmp.DiffTimeout = 0
	return dmp
}

// alignTokens is a diff of two symbol strings as runs of tokens: common
// prefix and suffix first, before any bound applies, so that a small edit
// in a huge paragraph is found exactly.
func alignTokens(a, b []rune) []tokenRun { return appendAligned(nil, a, b) }

// appendAligned appends the diff of a and b to out.
func appendAligned(out []tokenRun, a, b []rune) []tokenRun {
	p, s := commonEnds(a, b)
	out = appendRun(out, OpEqual, p)
	out = appendMiddle(out, a[p:len(a)-s], b[p:len(b)-s])
	return appendRun(out, OpEqual, s)
}

// appendMiddle diffs two stretches that share no prefix or suffix.
func appendMiddle(out []tokenRun, a, b []rune) []tokenRun {
	switch {
	case len(a) == 0 || len(b) == 0:
		return appendRun(appendRun(out, OpDelete, len(a)), OpInsert, len(b))
	case len(a)+len(b) <= exactDiffLimit:
		for _, d := range newDiffer().DiffMainRunes(a, b, false) {
			n := utf8.RuneCountInString(d.Text)
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				out = appendRun(out, OpEqual, n)
			case diffmatchpatch.DiffDelete:
				out = appendRun(out, OpDelete, n)
			case diffmatchpatch.DiffInsert:
				out = appendRun(out, OpInsert, n)
			}
		}
		return out
	}
	anchors := uniqueAnchors(a, b)
	if len(anchors) == 0 {
		return appendRun(appendRun(out, OpDelete, len(a)), OpInsert, len(b))
	}
	return appendBetween(out, a, b, func(yield func(int, int) bool) {
		for _, an := range anchors {
			if !yield(an.old, an.new) {
				return
			}
		}
	})
}

// appendBetween appends the diff of a and b that keeps one token at each
// of the places kept (ascending on both sides) and aligns what lies
// between them.
func appendBetween(out []tokenRun, a, b []rune, kept iter.Seq2[int, int]) []tokenRun {
	i, j := 0, 0
	for ka, kb := range kept {
		out = appendAligned(out, a[i:ka], b[j:kb])
		out = appendRun(out, OpEqual, 1)
		i, j = ka+1, kb+1
	}
	return appendAligned(out, a[i:], b[j:])
}

// equalPairs is the places (i in a, j in b) of each token a diff of a
// and b keeps, in order.
func equalPairs(runs []tokenRun) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		i, j := 0, 0
		for _, r := range runs {
			switch r.op {
			case OpDelete:
				i += r.n
			case OpInsert:
				j += r.n
			case OpEqual:
				for n := r.n; n > 0; n-- {
					if !yield(i, j) {
						return
					}
					i, j = i+1, j+1
				}
			}
		}
	}
}

// appendRun appends n tokens of op, joining a run of the same op.
func appendRun(out []tokenRun, op Op, n int) []tokenRun {
	if n == 0 {
		return out
	}
	if k := len(out) - 1; k >= 0 && out[k].op == op {
		out[k].n += n
		return out
	}
	return append(out, tokenRun{op, n})
}

// maxAnchorCount is how often a token may occur (as often on each side)
// and still anchor a long stretch: once, as patience diff asks, finds
// too few anchors in prose that repeats its words; a few times, with the
// k-th occurrence on one side paired with the k-th on the other, finds
// enough, and the longest order-keeping chain drops the wrong guesses.
const maxAnchorCount = 4

// uniqueAnchors pairs the symbols that occur as often in a as in b, and
// rarely (see maxAnchorCount), and keeps the longest chain of them in the
// same order on both sides (a longest increasing subsequence, O(n log n)).
func uniqueAnchors(a, b []rune) []anchor {
	// Counts by symbol in flat slices (symbols are numbered densely):
	// maps here were a tenth of comparing two 30 MB versions.
	n := 0
	for _, s := range [2][]rune{a, b} {
		for _, r := range s {
			n = max(n, symbolIndex(r)+1)
		}
	}
	inA := make([]int32, n)
	for _, r := range a {
		if k := symbolIndex(r); k >= 0 {
			inA[k]++
		}
	}
	// inB counts up to maxAnchorCount+1 (enough to rule a symbol out);
	// atB holds the first maxAnchorCount places in b.
	inB := make([]int32, n)
	atB := make([]int32, n*maxAnchorCount)
	for j, r := range b {
		k := symbolIndex(r)
		if k < 0 || inA[k] == 0 || inA[k] > maxAnchorCount || inB[k] > maxAnchorCount {
			continue
		}
		if inB[k] < maxAnchorCount {
			atB[k*maxAnchorCount+int(inB[k])] = int32(j)
		}
		inB[k]++
	}
	var pairs []anchor
	taken := make([]int32, n)
	for i, r := range a {
		if k := symbolIndex(r); k >= 0 && inA[k] <= maxAnchorCount && inB[k] == inA[k] {
			pairs = append(pairs, anchor{i, int(atB[k*maxAnchorCount+int(taken[k])])})
			taken[k]++
		}
	}
	return longestIncreasing(pairs)
}

// longestIncreasing returns the longest subsequence of pairs (in
// ascending old order) whose new indexes ascend too; of several equally
// long, the one patience sorting finds, which is fixed by the input.
func longestIncreasing(pairs []anchor) []anchor {
	if len(pairs) == 0 {
		return nil
	}
	// Read back from the end: the last pair ending a chain of each length
	// in turn is the one the chain ending after it was built on (its new
	// index was the tail that length had then, below the next one's).
	ending := chainLengths(len(pairs), func(k int) int { return pairs[k].new })
	want := slices.Max(ending)
	out := make([]anchor, want)
	for k := len(pairs) - 1; k >= 0 && want > 0; k-- {
		if ending[k] == want {
			want--
			out[want] = pairs[k]
		}
	}
	return out
}

// alignWords is alignTokens that lines up words and punctuation first and
// whitespace only between them: a space is a token like any other to the
// Myers search, and matching the spaces of "called in a joint statement"
// can cost the one word the two sides share, marking "called" as
// rewritten. Whitespace between two kept tokens is then diffed alone.
func alignWords(a, b []rune, t *symbolTable) []tokenRun {
	content := func(s []rune) (syms []rune, at []int) {
		for k, r := range s {
			if t.class[symbolIndex(r)] != tokenSpace {
				syms, at = append(syms, r), append(at, k)
			}
		}
		return syms, at
	}
	ca, ia := content(a)
	cb, ib := content(b)
	// The content tokens kept, at their places among all the tokens.
	return appendBetween(nil, a, b, func(yield func(int, int) bool) {
		for i, j := range equalPairs(alignTokens(ca, cb)) {
			if !yield(ia[i], ib[j]) {
				return
			}
		}
	})
}
