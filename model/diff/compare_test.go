package diff

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"redline/model"
)

// row is the part of a Change the alignment tests pin down.
type changeRow struct {
	Kind     Kind
	Old, New int
}

func changeRows(c *Comparison) []changeRow {
	rows := make([]changeRow, len(c.Changes))
	for k, ch := range c.Changes {
		rows[k] = changeRow{ch.Kind, ch.Old, ch.New}
	}
	return rows
}

// Paragraphs for the alignment tests: distinct enough that only their
// own edits look alike.
var (
	pA  = "The minister announced a new budget for schools and hospitals on Monday."
	pA2 = "The minister announced a revised budget for schools and hospitals on Monday evening."
	pB  = "Opposition leaders called the plan a gimmick and demanded a vote in parliament."
	pB2 = "Opposition leaders called the plan an election gimmick and demanded a vote."
	pC  = "Teachers unions welcomed the extra money but said it came years too late."
	pC2 = "Teachers unions welcomed the extra money, but said it came far too late."
	pD  = "Markets barely moved after the announcement, with bond yields flat by noon."
	pE  = "The weather service warned of heavy snow across the northern provinces tonight."
	pF  = "A spokesman for the prime minister declined to comment on the report."
	pG  = "Police said three people had been arrested after the protest turned violent."
)

func TestCompareAlignment(t *testing.T) {
	tests := []struct {
		name     string
		old, new []string
		want     []changeRow
		stats    Stats
	}{
		{"identical", []string{pA, pB, pC}, []string{pA, pB, pC},
			[]changeRow{{Same, 0, 0}, {Same, 1, 1}, {Same, 2, 2}}, Stats{}},
		{"whitespace only is the same", []string{pA}, []string{" " + strings.ReplaceAll(pA, " ", "  ")},
			[]changeRow{{Same, 0, 0}}, Stats{}},
		{"all new", nil, []string{pA, pB},
			[]changeRow{{Added, -1, 0}, {Added, -1, 1}},
			Stats{Added: 2, WordsAdded: countWords(pA) + countWords(pB)}},
		{"all removed", []string{pA, pB}, nil,
			[]changeRow{{Removed, 0, -1}, {Removed, 1, -1}},
			Stats{Removed: 2, WordsRemoved: countWords(pA) + countWords(pB)}},
		{"insert in middle", []string{pA, pB}, []string{pA, pD, pB},
			[]changeRow{{Same, 0, 0}, {Added, -1, 1}, {Same, 1, 2}},
			Stats{Added: 1, WordsAdded: countWords(pD)}},
		{"delete in middle", []string{pA, pD, pB}, []string{pA, pB},
			[]changeRow{{Same, 0, 0}, {Removed, 1, -1}, {Same, 2, 1}},
			Stats{Removed: 1, WordsRemoved: countWords(pD)}},
		{"edit in middle", []string{pA, pB, pC}, []string{pA, pB2, pC},
			[]changeRow{{Same, 0, 0}, {Edited, 1, 1}, {Same, 2, 2}},
			Stats{Edited: 1, WordsAdded: 2, WordsRemoved: 3}},
		{"replaced by something unrelated", []string{pA, pE, pC}, []string{pA, pG, pC},
			[]changeRow{{Same, 0, 0}, {Removed, 1, -1}, {Added, -1, 1}, {Same, 2, 2}},
			Stats{Added: 1, Removed: 1, WordsAdded: countWords(pG), WordsRemoved: countWords(pE)}},
		{"pairs by similarity, not position", []string{pD, pA, pB, pF}, []string{pD, pE, pA2, pB2, pF},
			[]changeRow{{Same, 0, 0}, {Added, -1, 1}, {Edited, 1, 2}, {Edited, 2, 3}, {Same, 3, 4}},
			Stats{Edited: 2, Added: 1, WordsAdded: countWords(pE) + 2 + 2, WordsRemoved: 1 + 3}},
		{"skips an unpaired old paragraph", []string{pA, pE, pB}, []string{pA2, pB2},
			[]changeRow{{Edited, 0, 0}, {Removed, 1, -1}, {Edited, 2, 1}},
			Stats{Edited: 2, Removed: 1, WordsAdded: 2 + 2, WordsRemoved: 1 + countWords(pE) + 3}},
		// A paragraph cut just above its near twin leaves the twin's edit
		// to the twin: before, the cut paragraph took it, and the
		// comparison showed "hurt → killed", which nobody wrote.
		{"a paragraph cut above its near twin", []string{pA,
			"Police said two people were hurt in the crash on the bridge.",
			"Police said three people were killed in the crash on the highway."},
			[]string{pA, "Police said four people were killed in the crash on the highway."},
			[]changeRow{{Same, 0, 0}, {Removed, 1, -1}, {Edited, 2, 1}},
			Stats{Edited: 1, Removed: 1, WordsAdded: 1, WordsRemoved: 12 + 1}},
		// The near twin further on never gets the partner when a
		// paragraph between pairs first: the first one keeps it (it had
		// been left to nobody, "1 added, 2 removed").
		{"a near twin behind another edit", []string{pA, "alpha bravo cmd1 cmd2 cmd3 cmd4 cmd5 cmd6",
			"kilo1 kilo2 kilo3 kilo4 kilo5 kilo6 kilo7 kilo8", "alpha bravo charlie rr1 rr2 rr3 rr4", pB},
			[]string{pA, "alpha bravo charlie delta echo foxtrot golf hotel india juliet", "kilo1 kilo2 kilo3 kilo4 kilo5 kilo6 kilo7 kilo8 kilo9", pB},
			[]changeRow{{Same, 0, 0}, {Edited, 1, 1}, {Edited, 2, 2}, {Removed, 3, -1}, {Same, 4, 3}},
			Stats{Edited: 2, Removed: 1, WordsAdded: 8 + 1, WordsRemoved: 6 + 7}},
		// A text that repeats is never paired across a unique one: before,
		// pC was shown "moved" from ¶4 to ¶4 because the last "Read more."
		// kept its place instead.
		{"a repeated paragraph moves, not a unique one", []string{pA, pB, "Read more.", pC}, []string{pA, "Read more.", pB, pC, "Read more."},
			[]changeRow{{Same, 0, 0}, {Moved, 2, 1}, {Same, 1, 2}, {MovedAway, 2, 1}, {Same, 3, 3}, {Added, -1, 4}},
			Stats{Moved: 1, Added: 1, WordsAdded: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(model.Version{Paragraphs: tt.old}, model.Version{Paragraphs: tt.new})
			if got := changeRows(c); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows\n got %v\nwant %v", got, tt.want)
			}
			if bare(c.Stats) != tt.stats {
				t.Errorf("stats %+v, want %+v", c.Stats, tt.stats)
			}
			checkComparison(t, model.Version{Paragraphs: tt.old}, model.Version{Paragraphs: tt.new}, c)
		})
	}
}

func TestCompareMoves(t *testing.T) {
	t.Run("moved far with a small edit", func(t *testing.T) {
		old := []string{pA, pB, pC, pD, pE, pF, pG}
		moved := strings.Replace(pB, "demanded", "requested", 1)
		new := []string{pA, pC, pD, pE, pF, moved, pG}
		c := Compare(model.Version{Paragraphs: old}, model.Version{Paragraphs: new})
		want := []changeRow{{Same, 0, 0}, {MovedAway, 1, 5}, {Same, 2, 1}, {Same, 3, 2}, {Same, 4, 3}, {Same, 5, 4}, {Moved, 1, 5}, {Same, 6, 6}}
		if got := changeRows(c); !reflect.DeepEqual(got, want) {
			t.Fatalf("rows\n got %v\nwant %v", got, want)
		}
		mv := c.Changes[6]
		wantEdits := []Edit{{Op: OpEqual, Text: "Opposition leaders called the plan a gimmick and "}, {Op: OpDelete, Text: "demanded"}, {Op: OpInsert, Text: "requested"}, {Op: OpEqual, Text: " a vote in parliament."}}
		if !reflect.DeepEqual(bareEdits(mv.Edits), wantEdits) {
			t.Errorf("moved edits %q, want %q", mv.Edits, wantEdits)
		}
		if c.Changes[1].Edits != nil || c.Changes[1].Similarity != mv.Similarity || mv.Similarity <= moveThreshold {
			t.Errorf("marker %+v for move %+v", c.Changes[1], mv)
		}
		if bare(c.Stats) != (Stats{Moved: 1, WordsAdded: 1, WordsRemoved: 1}) {
			t.Errorf("stats %+v", c.Stats)
		}
		if c.NewIndex(1) != 5 || c.OldIndex(5) != 1 || c.NewIndex(2) != 1 || c.OldIndex(0) != 0 {
			t.Errorf("partners: NewIndex(1)=%d OldIndex(5)=%d NewIndex(2)=%d", c.NewIndex(1), c.OldIndex(5), c.NewIndex(2))
		}
		checkComparison(t, model.Version{Paragraphs: old}, model.Version{Paragraphs: new}, c)
	})
	t.Run("moved verbatim", func(t *testing.T) {
		old := []string{pG, pA, pB, pC, pD}
		new := []string{pA, pB, pC, pD, pG}
		c := Compare(model.Version{Paragraphs: old}, model.Version{Paragraphs: new})
		want := []changeRow{{MovedAway, 0, 4}, {Same, 1, 0}, {Same, 2, 1}, {Same, 3, 2}, {Same, 4, 3}, {Moved, 0, 4}}
		if got := changeRows(c); !reflect.DeepEqual(got, want) {
			t.Fatalf("rows\n got %v\nwant %v", got, want)
		}
		if mv := c.Changes[5]; !reflect.DeepEqual(mv.Edits, []Edit{{Op: OpEqual, Text: pG}}) || mv.Similarity != 1 {
			t.Errorf("verbatim move %+v", mv)
		}
		if bare(c.Stats) != (Stats{Moved: 1}) {
			t.Errorf("stats %+v", c.Stats)
		}
	})
	t.Run("too different to be a move", func(t *testing.T) {
		old := []string{pB, pA, pC, pD}
		new := []string{pA, pC, pD, "Opposition figures said the vote was a gimmick."}
		c := Compare(model.Version{Paragraphs: old}, model.Version{Paragraphs: new})
		want := []changeRow{{Removed, 0, -1}, {Same, 1, 0}, {Same, 2, 1}, {Same, 3, 2}, {Added, -1, 3}}
		if got := changeRows(c); !reflect.DeepEqual(got, want) {
			t.Fatalf("rows\n got %v\nwant %v", got, want)
		}
	})
	t.Run("a far partner that keeps order is an edit", func(t *testing.T) {
		// More new paragraphs than the pairing window stand between
		// the edited paragraph and its last anchor: move detection
		// finds the pair, and since it breaks no order it is an edit.
		var new []string
		for k := 0; k < pairWindow+20; k++ {
			new = append(new, fmt.Sprintf("Filler paragraph number %d says nothing in particular about item%d.", k, k))
		}
		new = append(new, pA2, pF)
		old := []string{pA, pF}
		c := Compare(model.Version{Paragraphs: old}, model.Version{Paragraphs: new})
		if c.Stats.Edited != 1 || c.Stats.Moved != 0 || c.Stats.Added != pairWindow+20 {
			t.Errorf("stats %+v", c.Stats)
		}
		if c.NewIndex(0) != pairWindow+20 {
			t.Errorf("NewIndex(0) = %d", c.NewIndex(0))
		}
		checkComparison(t, model.Version{Paragraphs: old}, model.Version{Paragraphs: new}, c)
	})
}

func TestCompareHeadline(t *testing.T) {
	tests := []struct {
		name    string
		a, b    model.Version
		edits   []Edit
		changed bool
	}{
		{"empty versions", model.Version{}, model.Version{}, nil, false},
		{"only a headline, unchanged", model.Version{Headline: "Cease-Fire in Libya"}, model.Version{Headline: "Cease-Fire in Libya"},
			[]Edit{{Op: OpEqual, Text: "Cease-Fire in Libya"}}, false},
		{"only a headline, changed", model.Version{Headline: "Call for Cease-Fire"}, model.Version{Headline: "Joint Call for Cease-Fire"},
			[]Edit{{Op: OpInsert, Text: "Joint "}, {Op: OpEqual, Text: "Call for Cease-Fire"}}, true},
		{"headline appears", model.Version{}, model.Version{Headline: "Breaking"}, []Edit{{Op: OpInsert, Text: "Breaking"}}, true},
		{"headline goes", model.Version{Headline: "Breaking"}, model.Version{}, []Edit{{Op: OpDelete, Text: "Breaking"}}, true},
		{"whitespace only", model.Version{Headline: "A  B"}, model.Version{Headline: "A B"},
			[]Edit{{Op: OpEqual, Text: "A"}, {Op: OpDelete, Text: "  ", Typographic: true}, {Op: OpInsert, Text: " ", Typographic: true}, {Op: OpEqual, Text: "B"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(tt.a, tt.b)
			if !reflect.DeepEqual(bareEdits(c.Headline), tt.edits) || c.HeadlineChanged != tt.changed {
				t.Errorf("headline %q changed=%v, want %q changed=%v", c.Headline, c.HeadlineChanged, tt.edits, tt.changed)
			}
			if len(c.Changes) != 0 || bare(c.Stats) != (Stats{HeadlineChanged: tt.changed}) {
				t.Errorf("a version without paragraphs gave rows %v, stats %+v", changeRows(c), c.Stats)
			}
			if c.NewIndex(0) != -1 || c.OldIndex(0) != -1 {
				t.Error("partner of a paragraph that does not exist")
			}
		})
	}
}

func TestComparePartnerIndexOutOfRange(t *testing.T) {
	c := Compare(model.Version{Paragraphs: []string{pA}}, model.Version{Paragraphs: []string{pA}})
	for _, k := range []int{-1, 1, 1 << 40} {
		if c.NewIndex(k) != -1 || c.OldIndex(k) != -1 {
			t.Errorf("index %d has a partner", k)
		}
	}
	var none *Comparison
	if none.NewIndex(0) != -1 || none.OldIndex(0) != -1 {
		t.Error("a nil comparison has partners")
	}
}

func TestSqueezeSpace(t *testing.T) {
	tests := map[string]string{
		"":                "",
		"a b":             "a b",
		" a b":            "a b",
		"a b ":            "a b",
		"a  b":            "a b",
		"a\tb\nc":         "a b c",
		"a\u00a0b":        "a b",
		"日本 語":            "日本 語",
		"a\u3000\u3000b":  "a b",
		"   ":             "",
		"e\u0301 x\xff y": "e\u0301 x\xff y",
	}
	for in, want := range tests {
		if got := squeezeSpace(in); got != want {
			t.Errorf("squeezeSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{Same: "same", Edited: "edited", Added: "added", Removed: "removed", Moved: "moved", MovedAway: "moved-away", Split: "split", Merged: "merged", Kind(-1): "kind(?)", Kind(8): "kind(?)"}
	for k, s := range want {
		if got := k.String(); got != s {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, s)
		}
	}
}

// TestCompareInvariants throws random revisions at Compare — edits,
// insertions, deletions, moves, duplicates, empty paragraphs — and checks
// the structure every consumer relies on.
func TestCompareInvariants(t *testing.T) {
	pool := []string{pA, pA2, pB, pB2, pC, pC2, pD, pE, pF, pG, "", ".", "日本語の文章", "👩‍👩‍👧", "Advertisement"}
	rnd := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 2000; n++ {
		var old []string
		for k := rnd.IntN(12); k > 0; k-- {
			old = append(old, pool[rnd.IntN(len(pool))])
		}
		var new []string
		for _, p := range old {
			switch rnd.IntN(6) {
			case 0: // removed
			case 1:
				new = append(new, pool[rnd.IntN(len(pool))])
			case 2:
				new = append(new, strings.Replace(p, "the", "a", 1)+" More.")
			default:
				new = append(new, p)
			}
		}
		if len(new) > 1 && rnd.IntN(2) == 0 {
			k, l := rnd.IntN(len(new)), rnd.IntN(len(new))
			new[k], new[l] = new[l], new[k]
		}
		a, b := model.Version{Paragraphs: old}, model.Version{Paragraphs: new}
		checkComparison(t, a, b, Compare(a, b))
	}
}

// awayMarked reports whether old paragraph o has a moved-away marker.
func awayMarked(c *Comparison, o int) bool {
	for _, ch := range c.Changes {
		if ch.Kind == MovedAway && ch.Old == o {
			return true
		}
	}
	return false
}

// consecutiveFrom reports whether g is first, first+1, ….
func consecutiveFrom(g []int, first int) bool {
	for k, x := range g {
		if x != first+k {
			return false
		}
	}
	return true
}

// checkComparison asserts the invariants of a comparison of a with b.
func checkComparison(t *testing.T, a, b model.Version, c *Comparison) {
	t.Helper()
	oldSeen := make([]int, len(a.Paragraphs))
	newSeen := make([]int, len(b.Paragraphs))
	lastNew := -1
	var stats Stats
	splitOld := map[int]string{} // old paragraph of a split -> old sides of its pieces so far
	for k, ch := range c.Changes {
		fail := func(why string) { t.Fatalf("row %d %+v: %s\nold %q\nnew %q", k, ch, why, a.Paragraphs, b.Paragraphs) }
		hasOld := ch.Kind != Added
		hasNew := ch.Kind != Removed
		if hasOld != (ch.Old >= 0 && ch.Old < len(a.Paragraphs)) || hasNew != (ch.New >= 0 && ch.New < len(b.Paragraphs)) {
			fail("indexes do not fit the kind")
		}
		switch {
		case ch.Kind == Merged:
			if len(ch.Group) < 2 || !consecutiveFrom(ch.Group, ch.Old) {
				fail("a merge without its old paragraphs")
			}
			for _, o := range ch.Group {
				if !awayMarked(c, o) { // a merge that moved: its marker shows the first where it left
					oldSeen[o]++
				}
			}
		case ch.Kind == Split:
			if len(ch.Group) < 2 || !consecutiveFrom(ch.Group, ch.Group[0]) || ch.New < ch.Group[0] || ch.New > ch.Group[len(ch.Group)-1] {
				fail("a split piece outside its group")
			}
			if ch.New == ch.Group[0] {
				oldSeen[ch.Old]++
			}
		case ch.Kind != Moved && hasOld:
			oldSeen[ch.Old]++
		}
		if ch.Kind != MovedAway && hasNew {
			newSeen[ch.New]++
			if ch.New <= lastNew {
				fail("not in the new version's reading order")
			}
			lastNew = ch.New
		}
		oldText, newText := "", ""
		if hasOld {
			oldText = withoutInvisible(a.Paragraphs[ch.Old]) // edits spell the texts less those
		}
		if hasNew {
			newText = withoutInvisible(b.Paragraphs[ch.New])
		}
		gotOld, gotNew := spellEdits(ch.Edits)
		switch ch.Kind {
		case MovedAway:
			if ch.Edits != nil {
				fail("a marker carries edits")
			}
		case Merged:
			if want := withoutInvisible(strings.Join(a.Paragraphs[ch.Old:ch.Old+len(ch.Group)], " ")); gotOld != want || gotNew != newText {
				fail(fmt.Sprintf("edits spell %q and %q", gotOld, gotNew))
			}
		case Split:
			if gotNew != newText {
				fail(fmt.Sprintf("piece spells %q", gotNew))
			}
			splitOld[ch.Old] += gotOld
			if ch.New == ch.Group[len(ch.Group)-1] && splitOld[ch.Old] != oldText {
				fail(fmt.Sprintf("pieces spell %q", splitOld[ch.Old]))
			}
		case Same:
			if normalKey(oldText) != normalKey(newText) || ch.Similarity != 1 {
				fail("same but different")
			}
			fallthrough
		default:
			if gotOld != oldText || gotNew != newText {
				fail(fmt.Sprintf("edits spell %q and %q", gotOld, gotNew))
			}
		}
		if (ch.Kind == Edited && ch.Similarity <= pairThreshold) || (ch.Kind == Moved && ch.Similarity <= moveThreshold && ch.Similarity != 1) ||
			((ch.Kind == Split || ch.Kind == Merged) && ch.Similarity < joinThreshold) {
			fail("pair below its threshold")
		}
		switch ch.Kind {
		case MovedAway, Moved, Same, Edited:
			if c.NewIndex(ch.Old) != ch.New || c.OldIndex(ch.New) != ch.Old {
				fail("partner indexes disagree")
			}
		case Split:
			if c.NewIndex(ch.Old) != ch.Group[0] || c.OldIndex(ch.New) != ch.Old {
				fail("split partner indexes disagree")
			}
		case Merged:
			for _, o := range ch.Group {
				if c.NewIndex(o) != ch.New {
					fail("merge partner indexes disagree")
				}
			}
			if c.OldIndex(ch.New) != ch.Old {
				fail("merge partner indexes disagree")
			}
		default:
			if c.NewIndex(ch.Old) != -1 || c.OldIndex(ch.New) != -1 {
				fail("an unpaired paragraph has a partner")
			}
		}
		switch ch.Kind {
		case Edited:
			stats.Edited++
		case Added:
			stats.Added++
		case Removed:
			stats.Removed++
		case Moved:
			stats.Moved++
		case Merged:
			stats.Merged++
		case Split:
			if ch.New == ch.Group[0] {
				stats.Split++
			}
		}
		if ch.Kind != MovedAway {
			for _, e := range ch.Edits {
				switch e.Op {
				case OpInsert:
					stats.WordsAdded += countWords(e.Text)
				case OpDelete:
					stats.WordsRemoved += countWords(e.Text)
				}
			}
		}
	}
	for i, n := range oldSeen {
		if n != 1 {
			t.Fatalf("old paragraph %d shown %d times: %v", i, n, changeRows(c))
		}
	}
	for j, n := range newSeen {
		if n != 1 {
			t.Fatalf("new paragraph %d shown %d times: %v", j, n, changeRows(c))
		}
	}
	stats.Typographic, stats.Punctuation, stats.HeadlineChanged = c.Stats.Typographic, c.Stats.Punctuation, c.Stats.HeadlineChanged
	if stats != bare(c.Stats) {
		t.Fatalf("stats %+v, rows add up to %+v", c.Stats, stats)
	}
}

// FuzzCompare looks for versions that panic Compare or break its
// invariants; paragraphs are the lines of each input.
func FuzzCompare(f *testing.F) {
	f.Add("A\nB\nC", "A\nC\nB x")
	f.Add(pA+"\n"+pB+"\n"+pC, pB2+"\n"+pA+"\n\n"+pC2)
	f.Add("", ".\n.\n.")
	f.Add("\xe50\x8d", "0000\u00ad") // an added paragraph with a soft hyphen: its edits spell it without
	f.Fuzz(func(t *testing.T, old, new string) {
		a := model.Version{Headline: old[:len(old)/3], Paragraphs: strings.Split(old, "\n")}
		b := model.Version{Headline: new[:len(new)/3], Paragraphs: strings.Split(new, "\n")}
		c := Compare(a, b)
		checkComparison(t, a, b, c)
		if gotA, gotB := spellEdits(c.Headline); gotA != withoutInvisible(a.Headline) || gotB != withoutInvisible(b.Headline) {
			t.Fatalf("headline edits %q", c.Headline)
		}
	})
}

// Invisible format characters are no edit: a zero-width space inside a
// word, a soft hyphen, a word joiner or a U+FEFF, in the headline or a
// paragraph, leave both unchanged; a paragraph with a real edit besides
// shows that edit alone. Before, each read as a spelling edit that drew
// as nothing. The joiners U+200C and U+200D still count: they change how
// some scripts and emoji are drawn.
func TestInvisibleCharactersAreNoEdit(t *testing.T) {
	old := model.Version{Headline: "Budget passes", Paragraphs: []string{
		"Councillors cheered the budget on Monday.", "The vote was close.", "It takes effect in July."}}
	new := model.Version{Headline: "Bud\u200bget passes", Paragraphs: []string{
		"Councillors cheered the bud\u200bget on Tuesday.", "The vo\u00adte was\u2060 close.", "\ufeffIt takes effect in July."}}
	c := Compare(old, new)
	if c.HeadlineChanged {
		t.Errorf("headline changed: %v", c.Headline)
	}
	if got := changeRows(c); !reflect.DeepEqual(got, []changeRow{{Edited, 0, 0}, {Same, 1, 1}, {Same, 2, 2}}) {
		t.Errorf("rows %v", got)
	}
	if s := bare(c.Stats); s != (Stats{Edited: 1, WordsAdded: 1, WordsRemoved: 1}) {
		t.Errorf("stats %+v", c.Stats)
	}
	for _, e := range c.Changes[0].Edits {
		if e.Op != OpEqual && e.Text != "Monday" && e.Text != "Tuesday" {
			t.Errorf("edit %+v", e)
		}
	}
	// A paragraph of nothing but them is compared as it is, never as an
	// empty text (its edit had been an insertion of nothing).
	only := Compare(model.Version{Paragraphs: []string{pA}}, model.Version{Paragraphs: []string{pA, "\u200b"}})
	checkComparison(t, model.Version{Paragraphs: []string{pA}}, model.Version{Paragraphs: []string{pA, "\u200b"}}, only)
	for _, ch := range only.Changes {
		for _, e := range ch.Edits {
			if e.Text == "" {
				t.Errorf("an edit of no text: %+v", ch)
			}
		}
	}
	joined := Compare(model.Version{Paragraphs: []string{"a\u200db"}}, model.Version{Paragraphs: []string{"ab"}})
	if joined.Changes[0].Kind == Same {
		t.Error("a zero-width joiner removed reads as no change")
	}
}
