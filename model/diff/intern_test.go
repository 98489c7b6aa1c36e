package diff

import (
	"hash/maphash"
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
