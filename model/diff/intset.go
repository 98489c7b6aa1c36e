package diff

import "math/bits"

// intSet is a set of integers in [0, n) that answers "the nearest member
// at or before x" and "at or after x" in O(log₆₄ n): a bitset with a
// summary bitset above it (a bit per non-empty uint64 below), and so on
// up to a single uint64. Move detection inserts one anchor per move and
// asks for its neighbours each time; a sorted slice made that quadratic
// (50,000 shuffled paragraphs: 1.25·10⁹ anchors shifted).
type intSet struct{ levels [][]uint64 }

func newIntSet(n int) *intSet {
	s := &intSet{}
	for {
		words := (n + 63) / 64
		s.levels = append(s.levels, make([]uint64, max(words, 1)))
		if words <= 1 {
			return s
		}
		n = words
	}
}

func (s *intSet) insert(x int) {
	for _, l := range s.levels {
		l[x/64] |= 1 << (x % 64)
		x /= 64
	}
}

// next is the smallest member ≥ x, or -1.
func (s *intSet) next(x int) int { return s.nextAt(0, x) }

func (s *intSet) nextAt(level, x int) int {
	if level == len(s.levels) {
		return -1
	}
	words := s.levels[level]
	x = max(x, 0)
	w := x / 64
	if w >= len(words) {
		return -1
	}
	if m := words[w] >> (x % 64); m != 0 {
		return x + bits.TrailingZeros64(m)
	}
	up := s.nextAt(level+1, w+1)
	if up < 0 {
		return -1
	}
	return up*64 + bits.TrailingZeros64(words[up])
}

// prev is the largest member ≤ x, or -1.
func (s *intSet) prev(x int) int { return s.prevAt(0, x) }

func (s *intSet) prevAt(level, x int) int {
	if level == len(s.levels) || x < 0 {
		return -1
	}
	words := s.levels[level]
	w := x / 64
	if w >= len(words) {
		w, x = len(words)-1, len(words)*64-1
	}
	if m := words[w] << (63 - x%64); m != 0 {
		return x - bits.LeadingZeros64(m)
	}
	up := s.prevAt(level+1, w-1)
	if up < 0 {
		return -1
	}
	return up*64 + 63 - bits.LeadingZeros64(words[up])
}
