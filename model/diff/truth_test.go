package diff

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"redline/model"
)

// The tests in this file are the rows of the issue "The comparison tells
// the truth": small inputs whose right answer is known by reading them.

// changed lists the deleted and inserted texts of edits, as "-x" and "+y".
func changed(edits []Edit) []string {
	var out []string
	for _, e := range edits {
		if strings.TrimSpace(e.Text) == "" {
			continue // spacing: not drawn as an edit
		}
		switch e.Op {
		case OpDelete:
			out = append(out, "-"+e.Text)
		case OpInsert:
			out = append(out, "+"+e.Text)
		}
	}
	return out
}

func TestTruthEditedInPlaceBetweenTwoMoves(t *testing.T) {
	// [A, B, C] → [C, B′, A]: B′ keeps its place between the other two,
	// so it is the edit; A and C swapped places, so they moved.
	a := model.Version{Paragraphs: []string{pA, pB, pC}}
	b := model.Version{Paragraphs: []string{pC, pB2, pA}}
	c := Compare(a, b)
	checkComparison(t, a, b, c)
	want := []changeRow{{MovedAway, 0, 2}, {Moved, 2, 0}, {Edited, 1, 1}, {MovedAway, 2, 0}, {Moved, 0, 2}}
	if got := changeRows(c); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %v\nwant %v", got, want)
	}
	if c.Stats.Moved != 2 || c.Stats.Edited != 1 {
		t.Errorf("stats %+v, want 2 moved and 1 edited", c.Stats)
	}

	// The same with B unchanged: B stayed, A and C moved.
	b = model.Version{Paragraphs: []string{pC, pB, pA}}
	c = Compare(a, b)
	checkComparison(t, a, b, c)
	if c.NewIndex(1) != 1 || c.Stats.Moved != 2 || c.Stats.Edited != 0 {
		t.Errorf("unchanged middle: rows %v stats %+v", changeRows(c), c.Stats)
	}
}

func TestTruthSplitAndMerge(t *testing.T) {
	s1 := "The minister announced a new budget for schools on Monday."
	s2 := "Opposition leaders called the plan a gimmick and demanded a vote."
	m1 := "Teachers unions welcomed the extra money but said it came too late."
	m2 := "Markets barely moved after the announcement, with bond yields flat."
	a := model.Version{Paragraphs: []string{pE, s1 + " " + s2, pF, m1, m2, pG}}
	b := model.Version{Paragraphs: []string{pE, s1, s2, pF, m1 + " " + m2, pG}}
	c := Compare(a, b)
	checkComparison(t, a, b, c)
	want := []changeRow{{Same, 0, 0}, {Split, 1, 1}, {Split, 1, 2}, {Same, 2, 3}, {Merged, 3, 4}, {Same, 5, 5}}
	if got := changeRows(c); !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %v\nwant %v", got, want)
	}
	if want := (Stats{Split: 1, Merged: 1}); bare(c.Stats) != want {
		t.Errorf("stats %+v, want %+v", c.Stats, want)
	}
	for _, ch := range c.Changes {
		for _, e := range ch.Edits {
			if e.Op != OpEqual && countWords(e.Text) > 0 {
				t.Errorf("%v %d→%d marks %v, but no word changed", ch.Kind, ch.Old, ch.New, e)
			}
		}
	}
	if c.NewIndex(1) != 1 || c.OldIndex(2) != 1 || c.NewIndex(4) != 4 || c.OldIndex(4) != 3 {
		t.Errorf("partners: %d %d %d %d", c.NewIndex(1), c.OldIndex(2), c.NewIndex(4), c.OldIndex(4))
	}

	// A split with a word changed marks that word alone.
	b.Paragraphs[2] = strings.Replace(s2, "demanded", "requested", 1)
	c = Compare(a, b)
	checkComparison(t, a, b, c)
	var marks []string
	for _, ch := range c.Changes {
		marks = append(marks, changed(ch.Edits)...)
	}
	if !reflect.DeepEqual(marks, []string{"-demanded", "+requested"}) || c.Stats.Split != 1 {
		t.Errorf("marks %q, stats %+v", marks, c.Stats)
	}
}

// A paragraph cut in three is one split of three pieces (it had been a
// split of two with its last sentence struck out and added again), three
// joined are one merge, and the space a paragraph break took the place
// of is no edit of any kind (it had counted as punctuation). A paragraph
// removed just before a split leaves the split whole.
func TestTruthSplitsAndMergesOfThree(t *testing.T) {
	s1 := "The minister announced a new budget for schools on Monday."
	s2 := "Opposition leaders called the plan a gimmick and demanded a vote."
	s3 := "Teachers unions welcomed the extra money but said it came too late."
	a := model.Version{Paragraphs: []string{pE, s1 + " " + s2 + " " + s3, pF}}
	b := model.Version{Paragraphs: []string{pE, s1, s2, s3, pF}}
	for _, step := range []struct {
		a, b model.Version
		want []changeRow
		st   Stats
	}{
		{a, b, []changeRow{{Same, 0, 0}, {Split, 1, 1}, {Split, 1, 2}, {Split, 1, 3}, {Same, 2, 4}}, Stats{Split: 1}},
		{b, a, []changeRow{{Same, 0, 0}, {Merged, 1, 1}, {Same, 4, 2}}, Stats{Merged: 1}},
	} {
		c := Compare(step.a, step.b)
		checkComparison(t, step.a, step.b, c)
		if got := changeRows(c); !reflect.DeepEqual(got, step.want) {
			t.Errorf("rows\n got %v\nwant %v", got, step.want)
		}
		if c.Stats != step.st {
			t.Errorf("stats %+v, want %+v (no kind)", c.Stats, step.st)
		}
	}
	// A paragraph removed (or moved away) just after the split one
	// stands between its pieces among the rows: the split is whole, the
	// removal after it. It had read as words cut from the first piece
	// and written again as a paragraph added.
	long, short := s1+" "+s2, "It came late."
	for _, step := range []struct {
		name string
		a, b []string
		want []changeRow
	}{
		{"removed after it", []string{pE, long + " " + short, pF, pG}, []string{pE, long, short, pG},
			[]changeRow{{Same, 0, 0}, {Split, 1, 1}, {Split, 1, 2}, {Removed, 2, -1}, {Same, 3, 3}}},
		{"moved from after it", []string{pE, long + " " + short, pF, pG, pA, pB}, []string{pF, pE, long, short, pG, pA, pB},
			[]changeRow{{Moved, 2, 0}, {Same, 0, 1}, {Split, 1, 2}, {Split, 1, 3}, {MovedAway, 2, 0}, {Same, 3, 4}, {Same, 4, 5}, {Same, 5, 6}}},
	} {
		a, b := model.Version{Paragraphs: step.a}, model.Version{Paragraphs: step.b}
		c := Compare(a, b)
		checkComparison(t, a, b, c)
		if got := changeRows(c); !reflect.DeepEqual(got, step.want) {
			t.Errorf("%s: rows\n got %v\nwant %v", step.name, got, step.want)
		}
		if c.Stats.WordsAdded != 0 || c.Stats.Split != 1 {
			t.Errorf("%s: stats %+v", step.name, c.Stats)
		}
	}
	removed := "Flood warning issued for river towns today."
	a = model.Version{Paragraphs: []string{pE, removed, s1 + " " + s2, pF}}
	b = model.Version{Paragraphs: []string{pE, s1, s2, pF}}
	c := Compare(a, b)
	checkComparison(t, a, b, c)
	if got, want := changeRows(c), []changeRow{{Same, 0, 0}, {Removed, 1, -1}, {Split, 2, 1}, {Split, 2, 2}, {Same, 3, 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("removed before a split: rows\n got %v\nwant %v", got, want)
	}
}

// Two paragraphs joined, with the one before them moved below: one
// merge, where the joined paragraph stands, and a marker where its first
// part left. It had read as the first moved with the second's words
// inserted, and the second removed (+24 −24 words and a quotation).
func TestTruthMergeBesideAMove(t *testing.T) {
	a := model.Version{Paragraphs: []string{pE, pD, pF, pA, pB, pC, pG}}
	b := model.Version{Paragraphs: []string{pE, pD, pA + " " + pB, pF, pC, pG}}
	c := Compare(a, b)
	checkComparison(t, a, b, c)
	if c.Stats.Merged != 1 || c.Stats.WordsAdded != 0 || c.Stats.WordsRemoved != 0 || c.Stats.Removed != 0 {
		t.Errorf("rows %v, stats %+v", changeRows(c), c.Stats)
	}
}

func TestTruthNormalizationIsNoEdit(t *testing.T) {
	nfd := "Le pre\u0301sident a parle\u0301 hier soir."
	nfc := "Le président a parlé hier soir."
	a := model.Version{Headline: "Le pre\u0301sident", Paragraphs: []string{nfd}}
	b := model.Version{Headline: "Le président", Paragraphs: []string{strings.Replace(nfc, "hier", "longuement hier", 1)}}
	c := Compare(a, b)
	checkComparison(t, a, b, c)
	if c.Stats.WordsAdded != 1 || c.Stats.WordsRemoved != 0 || c.Stats.Edited != 1 || c.HeadlineChanged {
		t.Errorf("stats %+v headline changed %v, want one word added", c.Stats, c.HeadlineChanged)
	}
	if got := changed(c.Changes[0].Edits); !reflect.DeepEqual(got, []string{"+longuement "}) {
		t.Errorf("marks %q", got)
	}
	// Each version keeps its own spelling.
	if old, _ := spellEdits(c.Changes[0].Edits); old != nfd {
		t.Errorf("old side spells %q", old)
	}
	if c := Compare(model.Version{Paragraphs: []string{nfd}}, model.Version{Paragraphs: []string{nfc}}); c.Changes[0].Kind != Same || bare(c.Stats) != (Stats{}) {
		t.Errorf("normalization alone: %v %+v", changeRows(c), c.Stats)
	}
}

func TestTruthQuoteStyleMarksOnlyTheMarks(t *testing.T) {
	a := `He said it was "encouraging".`
	b := `He said it was “encouraging”.`
	c := Compare(model.Version{Paragraphs: []string{a}}, model.Version{Paragraphs: []string{b}})
	if got := changed(c.Changes[0].Edits); !reflect.DeepEqual(got, []string{`-"`, "+“", `-"`, "+”"}) {
		t.Errorf("marks %q", got)
	}
	for _, e := range c.Changes[0].Edits {
		if e.Op != OpEqual && !e.Typographic {
			t.Errorf("%v is not marked typographic", e)
		}
	}
	if want := (Stats{Edited: 1, Typographic: 2}); bare(c.Stats) != want {
		t.Errorf("stats %+v, want %+v", c.Stats, want)
	}
	// Dashes, apostrophes and no-break spaces are typography too; a
	// wording change next to them is not.
	edits, counts := wordDiff("a cease-fire - don't wait", "a cease‑fire — don’t\u00a0wait")
	if counts.typographic != 4 || counts.deleted+counts.inserted+counts.punctuation != 0 {
		t.Errorf("counts %+v for %v", counts, edits)
	}
}

func TestTruthPunctuationEditIsCounted(t *testing.T) {
	c := Compare(model.Version{Paragraphs: []string{"A."}}, model.Version{Paragraphs: []string{"A!"}})
	if want := (Stats{Edited: 1, Punctuation: 1}); bare(c.Stats) != want {
		t.Errorf("stats %+v, want %+v", c.Stats, want)
	}
	if got := changed(c.Changes[0].Edits); !reflect.DeepEqual(got, []string{"-.", "+!"}) {
		t.Errorf("marks %q", got)
	}
}

// bigRevision is one 20,000-word paragraph and a copy with 30% of its
// words replaced.
func bigRevision() (string, string) {
	rnd := rand.New(rand.NewPCG(20000, 30))
	vocab := make([]string, 3000)
	for k := range vocab {
		vocab[k] = strings.Repeat(string(rune('a'+k%26)), 1+k%5) + string(rune('a'+k/26%26)) + string(rune('a'+k/676))
	}
	old := make([]string, 20000)
	for k := range old {
		old[k] = vocab[rnd.IntN(len(vocab))]
	}
	new := append([]string(nil), old...)
	for _, k := range rnd.Perm(len(new))[:len(new)*3/10] {
		new[k] = vocab[rnd.IntN(len(vocab))]
	}
	return strings.Join(old, " "), strings.Join(new, " ")
}

func TestTruthSameOutputUnderLoad(t *testing.T) {
	a, b := bigRevision()
	av, bv := model.Version{Paragraphs: []string{a}}, model.Version{Paragraphs: []string{b}}
	idle := Compare(av, bv)
	checkComparison(t, av, bv, idle)

	// Keep every core busy while two more comparisons run side by side.
	var stop atomic.Bool
	var busy sync.WaitGroup
	for k := 0; k < 4; k++ {
		busy.Add(1)
		go func() {
			defer busy.Done()
			x := 0
			for !stop.Load() {
				x++
			}
			_ = x
		}()
	}
	var runs [2]*Comparison
	var wg sync.WaitGroup
	for k := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runs[k] = Compare(av, bv)
		}()
	}
	wg.Wait()
	stop.Store(true)
	busy.Wait()
	for k, c := range runs {
		if !reflect.DeepEqual(c.Changes, idle.Changes) || c.Stats != idle.Stats {
			t.Errorf("run %d under load: %+v, idle %+v", k, c.Stats, idle.Stats)
		}
	}
	// 6,000 words changed: the diff finds about that many, not the
	// whole paragraph.
	if s := idle.Stats; s.WordsAdded > 8000 || s.WordsRemoved > 8000 || s.Edited != 1 {
		t.Errorf("stats %+v", s)
	}
	t.Logf("20,000 words, 30%% changed: %+v", idle.Stats)
}

// hugeParagraph is a 5 MB paragraph of one phrase repeated, and the same
// with "sit amet" inserted in the middle.
func hugeParagraph() (string, string) {
	phrase := "lorem ipsum dolor "
	n := 5 << 20 / len(phrase)
	half := strings.Repeat(phrase, n/2)
	return strings.TrimSpace(half + half), strings.TrimSpace(half + "sit amet " + half)
}

func TestTruthSmallEditInHugeParagraph(t *testing.T) {
	a, b := hugeParagraph()
	c := Compare(model.Version{Paragraphs: []string{a}}, model.Version{Paragraphs: []string{b}})
	if len(c.Changes) != 1 || c.Changes[0].Kind != Edited {
		t.Fatalf("rows %v", changeRows(c))
	}
	got := changed(c.Changes[0].Edits)
	if len(got) != 1 || strings.TrimSpace(got[0]) != "+sit amet" {
		t.Errorf("marks %q, want only +sit amet", got)
	}
	if s := c.Stats; s.WordsAdded != 2 || s.WordsRemoved != 0 {
		t.Errorf("stats %+v", s)
	}
}

func TestTruthHeadlineIsPartOfTheStep(t *testing.T) {
	a := model.Version{Headline: "Russia and Turkey Call for Cease-Fire", Paragraphs: []string{pA, pB}}
	b := model.Version{Headline: "Russia and Turkey Make Joint Call for Cease-Fire", Paragraphs: []string{pA, pB}}
	c := Compare(a, b)
	if !c.Stats.HeadlineChanged || c.Size() == 0 {
		t.Errorf("stats %+v size %d: the headline change is not counted", c.Stats, c.Size())
	}
	if c := Compare(a, a); c.Size() != 0 || c.Stats.HeadlineChanged {
		t.Errorf("no change has size %d", c.Size())
	}
}

// BenchmarkCompareHugeParagraph is the 5 MB paragraph with two words
// inserted; compare with git diff --no-index --word-diff=plain.
func BenchmarkCompareHugeParagraph(b *testing.B) {
	x, y := hugeParagraph()
	av, bv := model.Version{Paragraphs: []string{x}}, model.Version{Paragraphs: []string{y}}
	b.SetBytes(int64(len(x)))
	for b.Loop() {
		Compare(av, bv)
	}
}
