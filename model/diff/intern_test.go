package diff

import (
	"hash/maphash"
	"math/rand/v2"
	"testing"
)

// Texts are numbered as a map of the texts themselves would number them,
// also when different texts share a hash.
func TestInternKeysNumbersTextsWhateverTheirHashes(t *testing.T) {
	old := []string{"a b", "c", "a  b", "dd", "e", "c"}
	new := []string{"e", "ff", "c", "dd", "gg", "a b"}
	check := func(name string) {
		al := &alignment{old: old, new: new, oldKey: make([]int32, len(old)), newKey: make([]int32, len(new))}
		n := al.internKeys()
		want := map[string]int32{}
		for k, p := range append(append([]string{}, old...), new...) {
			id, ok := want[normalKey(p)]
			if !ok {
				id = int32(len(want))
				want[normalKey(p)] = id
			}
			got := al.oldKey
			at := k
			if k >= len(old) {
				got, at = al.newKey, k-len(old)
			}
			if got[at] != id {
				t.Errorf("%s: %q numbered %d, want %d", name, p, got[at], id)
			}
		}
		if n != len(want) {
			t.Errorf("%s: %d texts, want %d", name, n, len(want))
		}
	}
	check("maphash")
	defer func(h func(maphash.Seed, string) uint64) { keyHash = h }(keyHash)
	keyHash = func(_ maphash.Seed, s string) uint64 { return uint64(len(s)) } // "c" and "e", "dd" and "ff" clash
	check("clashing")
}

// longestIncreasing gives a chain whose new indexes ascend, as long as
// the longest an exhaustive search finds.
func TestLongestIncreasingIsALongestChain(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	for range 2000 {
		pairs := make([]anchor, rng.IntN(40))
		for i := range pairs {
			pairs[i] = anchor{i, rng.IntN(30)}
		}
		best := make([]int, len(pairs)) // longest chain ending at i
		longest := 0
		for i := range pairs {
			best[i] = 1
			for j := range i {
				if pairs[j].new < pairs[i].new {
					best[i] = max(best[i], best[j]+1)
				}
			}
			longest = max(longest, best[i])
		}
		got := longestIncreasing(pairs)
		if len(got) != longest {
			t.Fatalf("%v: chain of %d, want %d", pairs, len(got), longest)
		}
		for k := 1; k < len(got); k++ {
			if got[k].old <= got[k-1].old || got[k].new <= got[k-1].new {
				t.Fatalf("%v: %v does not ascend", pairs, got)
			}
		}
	}
}
