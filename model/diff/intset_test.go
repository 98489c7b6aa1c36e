package diff

import (
	"math/rand/v2"
	"testing"
)

// TestIntSetAgainstSlice checks next and prev against a plain scan on
// sets of every depth (one uint64, two levels, three levels).
func TestIntSetAgainstSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	for _, n := range []int{1, 63, 64, 65, 4096, 4097, 300000} {
		s := newIntSet(n)
		in := make([]bool, n)
		for k := 0; k < 200; k++ {
			x := rng.IntN(n)
			s.insert(x)
			in[x] = true
			for q := 0; q < 20; q++ {
				y := rng.IntN(n+2) - 1
				wantNext, wantPrev := -1, -1
				for z := max(y, 0); z < n; z++ {
					if in[z] {
						wantNext = z
						break
					}
				}
				for z := min(y, n-1); z >= 0; z-- {
					if in[z] {
						wantPrev = z
						break
					}
				}
				if got := s.next(y); got != wantNext {
					t.Fatalf("n %d: next(%d) = %d, want %d", n, y, got, wantNext)
				}
				if got := s.prev(y); got != wantPrev {
					t.Fatalf("n %d: prev(%d) = %d, want %d", n, y, got, wantPrev)
				}
			}
		}
	}
}
