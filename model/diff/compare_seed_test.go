package diff

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"redline/model"
	"redline/model/internal/modeltest"
)

// compareSeedVersions decodes versions 1 and 2 of the seed article from
// its truth file.
func compareSeedVersions(tb testing.TB) (model.Version, model.Version) {
	tb.Helper()
	data, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var a model.Article
	if err := json.Unmarshal(data, &a); err != nil {
		tb.Fatal(err)
	}
	if len(a.Versions) != 2 || a.Versions[0].Number != 1 || a.Versions[1].Number != 2 {
		tb.Fatalf("truth file holds %d versions, want 1 and 2", len(a.Versions))
	}
	return a.Versions[0], a.Versions[1]
}

// TestCompareSeed pins the comparison of the seed's two versions: the
// facts the product owner checked by hand.
func TestCompareSeed(t *testing.T) {
	v1, v2 := compareSeedVersions(t)
	c := Compare(v1, v2)
	checkComparison(t, v1, v2, c)

	// Eleven paragraphs survive: two unchanged, four edited in place and
	// five that moved up past the statement paragraph merged into ¶9.
	pairs := map[changeRow]bool{}
	for _, ch := range c.Changes {
		if ch.Kind == Same || ch.Kind == Edited || ch.Kind == Moved {
			pairs[changeRow{ch.Kind, ch.Old, ch.New}] = true
		}
	}
	wantPairs := map[changeRow]bool{
		{Same, 13, 11}: true, {Same, 15, 18}: true,
		{Edited, 0, 0}: true, {Edited, 1, 2}: true, {Edited, 4, 9}: true, {Edited, 14, 12}: true,
		{Moved, 6, 4}: true, {Moved, 7, 5}: true, {Moved, 8, 6}: true, {Moved, 9, 7}: true, {Moved, 10, 8}: true,
	}
	if !reflect.DeepEqual(pairs, wantPairs) {
		t.Errorf("pairs\n got %v\nwant %v", pairs, wantPairs)
	}

	// Where every row sits: removed paragraphs and move markers at the
	// place they left, in the new version's reading order.
	wantRows := []changeRow{
		{Edited, 0, 0}, {Added, -1, 1}, {Edited, 1, 2},
		{Removed, 2, -1}, {Removed, 3, -1}, {Added, -1, 3},
		{Moved, 6, 4}, {Moved, 7, 5}, {Moved, 8, 6}, {Moved, 9, 7}, {Moved, 10, 8},
		{Edited, 4, 9},
		{Removed, 5, -1}, {MovedAway, 6, 4}, {MovedAway, 7, 5}, {MovedAway, 8, 6}, {MovedAway, 9, 7}, {MovedAway, 10, 8},
		{Removed, 11, -1}, {Removed, 12, -1}, {Added, -1, 10},
		{Same, 13, 11}, {Edited, 14, 12},
		{Added, -1, 13}, {Added, -1, 14}, {Added, -1, 15}, {Added, -1, 16}, {Added, -1, 17},
		{Same, 15, 18},
	}
	if got := changeRows(c); !reflect.DeepEqual(got, wantRows) {
		t.Errorf("rows\n got %v\nwant %v", got, wantRows)
	}

	// The two moves the product owner singled out carry their own small
	// edits.
	for _, want := range []struct {
		old, new       int
		removed, added string
	}{
		{6, 4, "also |policy | to prevent further conflict in the Eastern Mediterranean region", ""},
		{7, 5, "Libyan |attempting|seize", "trying|take|. General Hifter’s forces seized the coastal city of Surt on Monday"},
	} {
		ch := changeAt(c, Moved, want.new)
		if ch == nil || ch.Old != want.old {
			t.Errorf("new ¶%d is not old ¶%d moved: %+v", want.new, want.old, ch)
			continue
		}
		var removed, added []string
		for _, e := range ch.Edits {
			switch e.Op {
			case OpDelete:
				removed = append(removed, e.Text)
			case OpInsert:
				added = append(added, e.Text)
			}
		}
		if strings.Join(removed, "|") != want.removed || strings.Join(added, "|") != want.added {
			t.Errorf("move %d→%d edits %q", want.old, want.new, ch.Edits)
		}
		if c.NewIndex(want.old) != want.new || c.OldIndex(want.new) != want.old {
			t.Errorf("move %d→%d: NewIndex %d, OldIndex %d", want.old, want.new, c.NewIndex(want.old), c.OldIndex(want.new))
		}
	}

	// One punctuation edit: ¶9 gained a closing quote mark.
	wantStats := Stats{Edited: 4, Moved: 5, Added: 8, Removed: 5, Punctuation: 1, WordsAdded: c.Stats.WordsAdded, WordsRemoved: c.Stats.WordsRemoved}
	if bare(c.Stats) != wantStats {
		t.Errorf("stats %+v, want %+v", c.Stats, wantStats)
	}
	// git diff --word-diff marks 1,091 of the 1,313 words; aligning
	// paragraphs first should mark far fewer.
	if marked := c.Stats.WordsAdded + c.Stats.WordsRemoved; marked < 600 || marked > 800 {
		t.Errorf("%d words marked (+%d −%d), want about 720", marked, c.Stats.WordsAdded, c.Stats.WordsRemoved)
	}
	t.Logf("seed: +%d −%d words, %+v", c.Stats.WordsAdded, c.Stats.WordsRemoved, c.Stats)

	if c.HeadlineChanged || !reflect.DeepEqual(c.Headline, []Edit{{Op: OpEqual, Text: v2.Headline}}) {
		t.Errorf("headline %q changed=%v", c.Headline, c.HeadlineChanged)
	}
}

// changeAt finds the row of kind k at new index j.
func changeAt(c *Comparison, k Kind, j int) *Change {
	for i := range c.Changes {
		if c.Changes[i].Kind == k && c.Changes[i].New == j {
			return &c.Changes[i]
		}
	}
	return nil
}

// TestCompareLargeRevision runs the benchmark's generated revision at a
// third of the size through the invariants: every edited, added, removed
// and moved paragraph is accounted for.
func TestCompareLargeRevision(t *testing.T) {
	v1, v2 := largeVersions(7, 2000, 100)
	c := Compare(v1, v2)
	checkComparison(t, v1, v2, c)
	// 100 random edits (a few hit the same paragraph), 5 each of added,
	// removed and moved.
	if s := c.Stats; s.Edited < 90 || s.Edited > 100 || s.Added != 5 || s.Removed != 5 || s.Moved < 4 || s.Moved > 5 {
		t.Errorf("stats %+v", s)
	}
}

func BenchmarkCompareSeed(b *testing.B) {
	v1, v2 := compareSeedVersions(b)
	for b.Loop() {
		Compare(v1, v2)
	}
}

// largeVersions builds an old version of n paragraphs (~500 bytes each)
// and a revision of it with the given number of paragraphs edited, plus a
// few added, removed and moved.
func largeVersions(seed uint64, n, edited int) (model.Version, model.Version) {
	rnd := rand.New(rand.NewPCG(seed, 8))
	zipf := rand.NewZipf(rnd, 1.1, 1, 7999)
	syllables := []string{"ka", "lo", "mi", "ner", "tas", "vo", "dri", "quen", "sal", "por", "te", "un", "gra", "bel", "os"}
	vocab := make([]string, 8000)
	for k := range vocab {
		var sb strings.Builder
		for x := k + 1; x > 0; x /= len(syllables) { // k in base 15: all distinct
			sb.WriteString(syllables[x%len(syllables)])
		}
		vocab[k] = sb.String()
	}
	sentence := func(sb *strings.Builder) {
		for w := 8 + rnd.IntN(12); w > 0; w-- {
			sb.WriteString(vocab[zipf.Uint64()])
			if w > 1 {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(". ")
	}
	paragraph := func() string {
		var sb strings.Builder
		for sb.Len() < 480 {
			sentence(&sb)
		}
		return strings.TrimSpace(sb.String())
	}
	old := make([]string, n)
	for k := range old {
		old[k] = paragraph()
	}
	new := append([]string(nil), old...)
	for e := 0; e < edited; e++ {
		k := rnd.IntN(len(new))
		words := strings.Split(new[k], " ")
		for c := 1 + rnd.IntN(4); c > 0; c-- {
			words[rnd.IntN(len(words))] = vocab[rnd.IntN(len(vocab))]
		}
		new[k] = strings.Join(words, " ")
	}
	for e := 0; e < edited/20; e++ {
		k := rnd.IntN(len(new))
		new = append(new[:k], new[k+1:]...) // removed
		k = rnd.IntN(len(new))
		new = append(new[:k], append([]string{paragraph()}, new[k:]...)...) // added
		from, to := rnd.IntN(len(new)), rnd.IntN(len(new))
		p := new[from]
		new = append(new[:from], new[from+1:]...) // moved
		new = append(new[:to], append([]string{p}, new[to:]...)...)
	}
	return model.Version{Number: 1, Paragraphs: old}, model.Version{Number: 2, Paragraphs: new}
}

// BenchmarkCompareLarge compares two ~3 MB versions of 6,000 paragraphs,
// 300 of them edited.
func BenchmarkCompareLarge(b *testing.B) {
	v1, v2 := largeVersions(7, 6000, 300)
	size := 0
	for _, p := range v1.Paragraphs {
		size += len(p) + 1
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		Compare(v1, v2)
	}
}

// BenchmarkCompareUnrelated is a worst case for the work bounds: two
// unrelated 1,500-paragraph versions, every paragraph a candidate partner
// of every other, none similar enough.
func BenchmarkCompareUnrelated(b *testing.B) {
	v1, _ := largeVersions(1, 1500, 0)
	v2, _ := largeVersions(2, 1500, 0)
	for b.Loop() {
		Compare(v1, v2)
	}
}

// BenchmarkCompareShuffled is the other worst case: the same 1,500
// paragraphs in a random order, each with its first word changed, so
// nothing matches exactly and everything is a move.
func BenchmarkCompareShuffled(b *testing.B) {
	v1, _ := largeVersions(1, 1500, 0)
	v2, _ := largeVersions(1, 1500, 0)
	rnd := rand.New(rand.NewPCG(9, 9))
	rnd.Shuffle(len(v2.Paragraphs), func(i, j int) { v2.Paragraphs[i], v2.Paragraphs[j] = v2.Paragraphs[j], v2.Paragraphs[i] })
	for k, p := range v2.Paragraphs {
		v2.Paragraphs[k] = "Moved " + p
	}
	for b.Loop() {
		Compare(v1, v2)
	}
}
