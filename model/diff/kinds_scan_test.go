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

// Paragraphs both versions hold are read once for both; a key found
// only in one version's own paragraphs is found in that version alone,
// and names come from all of them.
func TestKnownNamesReadSharedParagraphsOnce(t *testing.T) {
	a := []string{"Both say Lagos grew.", "Only the old one cites 40 Ministers.", "Same again, Accra."}
	b := []string{"Same again, Accra.", "Both say Lagos grew.", "Only the new one names Kano."}
	k := newKnownNames(a, b, []bool{true, false, true}, []bool{true, true, false})
	if len(k.shared) != 2 || len(k.only[0]) != 1 || len(k.only[1]) != 1 {
		t.Fatalf("shared %q, only %q", k.shared, k.only)
	}
	found := k.scan([2][]string{{"lagos", "40", "kano", "accra"}, {"lagos", "40", "kano", "minister"}})
	// A key asked of one version and found in a shared paragraph is
	// reported for both: both hold it.
	want := [2][]string{{"40", "accra", "lagos"}, {"accra", "kano", "lagos"}}
	for side := range found {
		var got []string
		for key := range found[side] {
			if slices.Contains([]string{"lagos", "40", "kano", "accra", "minister"}, key) {
				got = append(got, key)
			}
		}
		slices.Sort(got)
		// "minister" is looked for in the new version only; the old one
		// has it.
		if !slices.Equal(got, want[side]) {
			t.Errorf("found in version %d: %v, want %v", side, got, want[side])
		}
	}
	for _, w := range []string{"lagos", "accra", "ministers", "kano"} {
		if !k.has(w) {
			t.Errorf("%q is written capitalised inside a sentence", w)
		}
	}
	if k.has("both") || k.has("same") || k.has("only") {
		t.Error("a capital at a sentence start counted as a name")
	}
}

// Past what token offsets reach, each change is wording, grouped as the
// rules group changes.
func TestWordingAllGroupsChangesAsTheRulesDo(t *testing.T) {
	edits := WordDiff("The mayor said 40 people came on Monday.", "A mayor said 45 people came on Tuesday!")
	known := &knownNames{}
	known.read.Do(func() {}) // read already: nothing to find
	want := len(classifyEdits(slices.Clone(edits), known, false))
	got := wordingAll(edits)
	if len(got) != want || want < 3 {
		t.Fatalf("%d changes, the rules see %d", len(got), want)
	}
	for _, e := range edits {
		if e.Op != OpEqual && e.Kinds != EditKinds(KindWording) {
			t.Errorf("%+v not wording", e)
		}
	}
}

// Empty words and the key "s" (less its s, nothing) are looked up
// without a fault.
func TestScanEmptyWords(t *testing.T) {
	_, found := scanVersion([]string{"Ships sail."}, []string{"s", "ship"}, false)
	if !found["ship"] || found["s"] {
		t.Errorf("found %v", found)
	}
	if abbreviation("") {
		t.Error(`"" is an abbreviation`)
	}
	f := newSketchFilter(1)
	f.add("")
	if !f.mayHold("") {
		t.Error(`"" added, not held`)
	}
}
