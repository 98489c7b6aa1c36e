package diff

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// One read of a version answers both questions: the words it writes
// capitalised inside a sentence, and which keys it holds in any
// spelling a key stands for.
func TestScanVersion(t *testing.T) {
	texts := []string{
		"Analysts say Mr. Putin met Gen. Smith in Moscow. The talks ended: Nobody left.",
		"Five officers and 3 Dogs — “Quiet!” Somebody said… Then Europe slept, at 40%.",
	}
	names, found := scanVersion(texts,
		[]string{"putin", "moscow", "5", "dog", "analysts", "officer", "paris", "%", "general", "europe"}, true)
	wantNames := []string{"dogs", "europe", "gen", "moscow", "mr", "putin", "quiet", "smith"}
	if got := slices.Sorted(maps.Keys(names)); !slices.Equal(got, wantNames) {
		// Analysts, The, Nobody, Five, Somebody and Then start
		// sentences; Mr. and Gen. do not end one, nor does a dash.
		t.Errorf("names = %v, want %v", got, wantNames)
	}
	wantFound := []string{"%", "5", "analysts", "dog", "europe", "general", "moscow", "officer", "putin"}
	if got := slices.Sorted(maps.Keys(found)); !slices.Equal(got, wantFound) {
		// "Five" is 5, "Gen" general, "Dogs" dog, "officers" officer;
		// Paris is not there.
		t.Errorf("found = %v, want %v", got, wantFound)
	}
	if names, found := scanVersion(texts, nil, false); names != nil || len(found) != 0 {
		t.Errorf("nothing asked: %v, %v", names, found)
	}
}

// The filter never says no to a word added and not removed, whatever
// its case, and a bit shared by two words stays until both are removed.
func TestSketchFilter(t *testing.T) {
	var words []string
	for i := range 3000 {
		words = append(words, fmt.Sprintf("w%dx", i))
	}
	f := newSketchFilter(len(words))
	for _, w := range words {
		f.add(w)
	}
	for _, w := range words {
		if !f.mayHold(w) || !f.mayHold("W"+w[1:]) {
			t.Fatalf("%q added, not held", w)
		}
	}
	for _, w := range words[:1500] {
		f.remove(w)
	}
	for _, w := range words[1500:] {
		if !f.mayHold(w) {
			t.Fatalf("%q still added, not held", w)
		}
	}
	passed := 0
	for _, w := range words[:1500] {
		if f.mayHold(w) {
			passed++
		}
	}
	if passed == 1500 {
		t.Errorf("removing cleared no bit")
	}
}
