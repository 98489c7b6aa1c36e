package diff

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"redline/model"
)

// kindsOf compares two one-paragraph versions ("" for none) and returns
// the kinds of every change, as the reader would see them.
func kindsOf(old, new string) EditKinds {
	v := func(p string) model.Version {
		if p == "" {
			return model.Version{}
		}
		return model.Version{Paragraphs: []string{p}}
	}
	var k EditKinds
	for _, ch := range Compare(v(old), v(new)).Changes {
		k |= ch.Kinds
	}
	return k
}

// TestEditKindsTable checks every example of the table, and reports the
// precision and recall of each kind over the whole table.
func TestEditKindsTable(t *testing.T) {
	var got, want []EditKinds
	for kind, cases := range kindTable {
		if len(cases) < 10 {
			t.Errorf("%v: %d examples, want at least 10", kind, len(cases))
		}
		for _, c := range cases {
			k := kindsOf(c.old, c.new)
			got, want = append(got, k), append(want, c.want)
			switch {
			case c.miss && k == c.want:
				t.Errorf("%v: %q → %q: the rules now get %v right: take off its miss mark", kind, c.old, c.new, k)
			case !c.miss && k != c.want:
				t.Errorf("%v: %q → %q: got %v, want %v", kind, c.old, c.new, k, c.want)
			}
		}
	}
	t.Logf("on the table (%d examples):\n%s", len(got), precisionRecall(got, want))
}

// precisionRecall is a table of precision and recall per kind.
func precisionRecall(got, want []EditKinds) string {
	var b strings.Builder
	for _, kind := range AllEditKinds() {
		tp, fp, fn := 0, 0, 0
		for i := range got {
			g, w := got[i].Has(kind), want[i].Has(kind)
			switch {
			case g && w:
				tp++
			case g:
				fp++
			case w:
				fn++
			}
		}
		fmt.Fprintf(&b, "  %-12s precision %s recall %s (%d right, %d wrong, %d missed)\n",
			kind, ratio(tp, tp+fp), ratio(tp, tp+fn), tp, fp, fn)
	}
	return b.String()
}

func ratio(a, b int) string {
	if b == 0 {
		return "  —  "
	}
	return fmt.Sprintf("%5.1f%%", 100*float64(a)/float64(b))
}

// TestEditKindsStrings checks the names the JSON and the reader use.
func TestEditKindsStrings(t *testing.T) {
	k := EditKinds(KindNumber | KindQuote | KindCorrection)
	if got := k.String(); got != "correction+number+quote" {
		t.Errorf("String = %q", got)
	}
	data, err := k.MarshalJSON()
	if err != nil || string(data) != `["correction","number","quote"]` {
		t.Errorf("MarshalJSON = %s, %v", data, err)
	}
	var back EditKinds
	if err := back.UnmarshalJSON(data); err != nil || back != k {
		t.Errorf("UnmarshalJSON = %v, %v", back, err)
	}
	if err := back.UnmarshalJSON([]byte(`["nonsense"]`)); err == nil {
		t.Errorf("UnmarshalJSON of an unknown kind: no error")
	}
	if EditKinds(KindSpelling|KindTypographic).Substantive() || !EditKinds(KindSpelling|KindName).Substantive() {
		t.Errorf("Substantive is wrong")
	}
	names := []string{}
	for _, k := range AllEditKinds() {
		names = append(names, k.String())
	}
	if !sort.StringsAreSorted(names[7:]) && len(names) != 9 {
		t.Errorf("kinds: %v", names)
	}
}

// TestKindStats checks that Stats counts each kind once per change, body
// only, and that Change.Kinds is the union of its edits' kinds.
func TestKindStats(t *testing.T) {
	a := model.Version{Headline: "Talks held in Rome today", Paragraphs: []string{
		"12 people died on Tuesday, officials said.",
		"He said “we will win.”",
		"The plan failed.",
	}}
	b := model.Version{Headline: "Talks held in Berlin today", Paragraphs: []string{
		"15 people died on Wednesday, officials said.",
		"He said “we will prevail.”",
		"The plan failed!",
		"Correction: An earlier version of this article misstated the day.",
	}}
	c := Compare(a, b)
	s := c.Stats.Kinds
	if s.Of(KindNumber) != 2 || s.Of(KindQuote) != 1 || s.Of(KindPunctuation) != 1 || s.Of(KindCorrection) != 1 || s.Of(KindName) != 0 {
		t.Errorf("kind counts: %v", s)
	}
	if !c.HeadlineKinds.Has(KindName) {
		t.Errorf("headline kinds: %v", c.HeadlineKinds)
	}
	for _, ch := range c.Changes {
		var u EditKinds
		for _, e := range ch.Edits {
			u |= e.Kinds
		}
		if u != ch.Kinds {
			t.Errorf("change %v: kinds %v, its edits' %v", ch.Kind, ch.Kinds, u)
		}
	}
	if got := c.Substantive(); got != 5 {
		t.Errorf("Substantive() = %d, want 5 (two numbers, a quote, a correction, the headline)", got)
	}
}

// bare is s without its kind counts, for the tests that check the other
// figures and were written before kinds were counted.
func bare(s Stats) Stats {
	s.Kinds = KindCounts{}
	return s
}

// bareEdits is edits without their kinds, likewise.
func bareEdits(edits []Edit) []Edit {
	var out []Edit
	for _, e := range edits {
		e.Kinds = 0
		out = append(out, e)
	}
	return out
}

// TestKindsOfAChangeInAHugeParagraph: a paragraph past maxKindText is
// read within maxKindContext of each change, and its changes are still
// told apart: a quotation altered near the change, a figure.
func TestKindsOfAChangeInAHugeParagraph(t *testing.T) {
	filler := strings.Repeat("Officials met again in the capital on a quiet morning. ", 3000) // 165 KB
	a := filler + `The minister said: “The talks will resume soon.” ` + filler + "Twelve people were hurt."
	b := filler + `The minister said: “The talks will never resume.” ` + filler + "Fifteen people were hurt."
	c := Compare(model.Version{Paragraphs: []string{a}}, model.Version{Paragraphs: []string{b}})
	if len(c.Changes) != 1 {
		t.Fatalf("%d changes", len(c.Changes))
	}
	k := c.Changes[0].Kinds
	if !k.Has(KindQuote) || !k.Has(KindNumber) {
		t.Errorf("kinds %v, want a quote and a number", k)
	}
}
