package tui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"redline/model/diff"
)

// stop is a place the substantive jump lands on: a version index and a
// block of its step (the old and new paragraph, -1 for none; -2 for the
// headline).
type stop struct{ v, old, new int }

// blockStop names the cursor block of m as a stop.
func blockStop(m Model) stop {
	b := m.doc.blocks[m.cursor]
	if b.headline {
		return stop{m.shown, -2, -2}
	}
	return stop{m.shown, b.old, b.new}
}

// TestSubstantiveJumpVisitsEveryNumberQuoteAndName is issue 20's test of
// done: on the 4-version sample, } from the first version visits every
// change that is a number, a quote or a name, in order, and nothing that
// is only typography, punctuation or spelling; { visits the same stops
// back.
func TestSubstantiveJumpVisitsEveryNumberQuoteAndName(t *testing.T) {
	art := chainArticle(t)
	want := map[stop]bool{}    // every number, quote and name change
	allowed := map[stop]bool{} // every substantive change
	for v := 1; v < len(art.Versions); v++ {
		c := diff.Compare(art.Versions[v-1], art.Versions[v])
		key := diff.EditKinds(diff.KindNumber | diff.KindQuote | diff.KindName)
		if c.HeadlineKinds.Substantive() {
			allowed[stop{v, -2, -2}] = true
			if c.HeadlineKinds&key != 0 {
				want[stop{v, -2, -2}] = true
			}
		}
		for _, ch := range c.Changes {
			s := stop{v, ch.Old, ch.New}
			if ch.Kinds.Substantive() {
				allowed[s] = true
			}
			if ch.Kinds&key != 0 {
				want[s] = true
			}
		}
	}
	if len(want) < 10 {
		t.Fatalf("only %d number, quote and name changes in the sample: %v", len(want), want)
	}
	walk := func(m Model, key string) []stop {
		var seen []stop
		for i := 0; i < 200; i++ {
			m = press(m, key)
			if strings.HasPrefix(m.notice, "no more substantive") {
				return seen
			}
			seen = append(seen, blockStop(m))
		}
		t.Fatalf("%s never reached the end", key)
		return nil
	}
	m := press(newTestModel(t, art, 80, 24), "<")
	forward := walk(m, "}")
	visited := map[stop]bool{}
	for _, s := range forward {
		if !allowed[s] {
			t.Errorf("} stopped at %+v, which holds no substantive edit", s)
		}
		if visited[s] {
			t.Errorf("} stopped at %+v twice", s)
		}
		visited[s] = true
	}
	for s := range want {
		if !visited[s] {
			t.Errorf("} never stopped at %+v, a number, quote or name change", s)
		}
	}
	if len(forward) != len(allowed) {
		t.Errorf("} made %d stops, there are %d substantive changes", len(forward), len(allowed))
	}
	// From the last stop, { goes back through the same stops.
	end := press(newTestModel(t, art, 80, 24), ">", "G")
	back := walk(end, "{")
	for i, s := range back {
		if j := len(forward) - 1 - i; j < 0 || forward[j] != s {
			t.Fatalf("{ stop %d is %+v, } came through %v", i, s, forward)
		}
	}
}

// TestKindsInFooterAndGutter checks the footer's counts by kind and the
// gutter's marks on the seed.
func TestKindsInFooterAndGutter(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 120, 40)
	foot := statsLine(m.comparison())
	for _, want := range []string{"# 5 numbers", "“ 10 quotes", "@ 14 names", ": 4 attributions"} {
		if !strings.Contains(foot, want) {
			t.Errorf("footer %q lacks %q", foot, want)
		}
	}
	if strings.Index(foot, "#") > strings.Index(foot, "¶ edited") {
		t.Errorf("kinds come after the paragraphs: %q", foot)
	}
	v := m.View()
	if !strings.Contains(v, "▌~#") && !strings.Contains(v, " ~# ") {
		t.Errorf("no number mark in the gutter:\n%s", v)
	}
}

// TestDimKeyDimsMinorEdits checks the filter: D dims the edits that are
// only typography, punctuation or spelling, with their own style, and d
// again brings them back.
func TestDimKeyDimsMinorEdits(t *testing.T) {
	m := press(newTestModel(t, chainArticle(t), 80, 24), "<", "l", "l") // version 3: Russia → Russian
	m = press(m, "D")
	if !m.dimMinor || !strings.Contains(m.notice, "dimmed") {
		t.Fatalf("d: dimMinor %v, notice %q", m.dimMinor, m.notice)
	}
	var roles []role
	for _, e := range m.comparison().Changes {
		if e.Kinds.Has(diff.KindSpelling) {
			for _, s := range spansOfKinds(e.Edits, true, true, true) {
				roles = append(roles, s.role)
			}
		}
	}
	if fmt.Sprint(roles) != fmt.Sprint([]role{rolePlain, roleDeletedMinor, roleInsertedMinor, rolePlain}) {
		t.Errorf("roles of the spelling edit: %v", roles)
	}
	st := DefaultStyles(true)
	if !st.DeletedMinor.GetFaint() || st.Deleted.GetFaint() || !st.DeletedMinor.GetStrikethrough() {
		t.Errorf("minor deletions are drawn like any deletion")
	}
	if m = press(m, "D"); m.dimMinor {
		t.Errorf("d again left the dimming on")
	}
}

// TestKindKeysAreInTheHelp checks that help lists the new keys.
func TestKindKeysAreInTheHelp(t *testing.T) {
	help := press(newTestModel(t, seedArticle(t), 120, 40), "?").View()
	for _, want := range []string{"}/{", "next/previous substantive edit", "dim minor edits"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
}

// TestPrintOnlySubstantive checks --only substantive: the step 2→3 of the
// sample prints the date, the new paragraph and the altered quotation,
// not the spelling fix or the lone full stop removed.
func TestPrintOnlySubstantive(t *testing.T) {
	var b bytes.Buffer
	err := Print(&b, chainArticle(t), PrintOptions{Base: 1, Shown: 2, Width: 80, Styles: DefaultStyles(false), Only: "substantive"})
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"[-this weekend-]{+on Sunday+}", "Libya’s internationally recognized", "not [-clear-] yet {+clear+}"} {
		if !strings.Contains(out, want) {
			t.Errorf("--only substantive lacks %q:\n%s", want, out)
		}
	}
	for _, not := range []string{"[-Russia-]{+Russian+}", "[-.-]"} {
		if strings.Contains(out, not) {
			t.Errorf("--only substantive prints %q:\n%s", not, out)
		}
	}
	if err := Print(&b, chainArticle(t), PrintOptions{Base: -1, Shown: 2, Width: 80, Styles: DefaultStyles(false), Only: "numbers"}); err == nil {
		t.Errorf("--only numbers: no error")
	}
}

// TestKindsGoldens are the reader with kinds at 80×24: the seed's step,
// a stop of the substantive jump on the sample, and the dimmed filter.
func TestKindsGoldens(t *testing.T) {
	cases := map[string]struct {
		chain bool
		keys  []string
	}{
		"kinds_seed":         {false, nil},
		"kinds_chain_jump":   {true, []string{"<", "}", "}", "}", "}", "}"}},
		"kinds_chain_dimmed": {true, []string{"<", "l", "l", "D"}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			art := seedArticle(t)
			if c.chain {
				art = chainArticle(t)
			}
			v := press(newTestModel(t, art, 80, 24), c.keys...).View()
			checkFits(t, v, 80, 24)
			golden.RequireEqual(t, v)
		})
	}
}

// TestCorrectionShownFirst checks that a step that adds an editor's note
// says so at the top of the body, however far down the note sits.
func TestCorrectionShownFirst(t *testing.T) {
	art := chainArticle(t)
	last := &art.Versions[len(art.Versions)-1]
	last.Paragraphs = append(last.Paragraphs, "Correction: An earlier version of this article misstated the day the cease-fire begins.")
	m := newTestModel(t, art, 80, 24)
	lines := strings.Split(m.View(), "\n")
	body := 0 // the first line under the rule that ends the header
	for i, l := range lines {
		if strings.HasPrefix(l, "─") {
			body = i + 1
			break
		}
	}
	if !strings.Contains(lines[body], "! correction added at ¶") || !strings.Contains(statsLine(m.comparison()), "! 1 correction") {
		t.Errorf("the correction is not shown first:\n%s", m.View())
	}
	if !strings.HasPrefix(strings.TrimSpace(statsLine(m.comparison())), "+") {
		t.Errorf("footer: %q", statsLine(m.comparison()))
	}
}

// TestTimelineKnowsSubstantiveSteps checks that the timeline's
// measurements count each step's substantive edits, which colour its
// cells (TimelineSubstantive).
func TestTimelineKnowsSubstantiveSteps(t *testing.T) {
	art := chainArticle(t)
	m := newTestModel(t, art, 80, 24)
	if len(m.substantive) != len(art.Versions) || m.substantive[0] != 0 {
		t.Fatalf("substantive steps %v", m.substantive)
	}
	for v := 1; v < len(art.Versions); v++ {
		if want := diff.Compare(art.Versions[v-1], art.Versions[v]).Substantive(); m.substantive[v] != want || want == 0 {
			t.Errorf("step %d: %d substantive, want %d (> 0)", v, m.substantive[v], want)
		}
	}
	// A copy-edit only step is not coloured as substantive.
	art.Versions[2].Paragraphs = append([]string(nil), art.Versions[1].Paragraphs...)
	art.Versions[2].Paragraphs[0] = strings.Replace(art.Versions[2].Paragraphs[0], "cease-fire", "ceasefire", 1)
	art.Versions[2].Headline = art.Versions[1].Headline
	m = newTestModel(t, art, 80, 24)
	if m.substantive[2] != 0 {
		t.Errorf("a spelling step counts %d substantive edits", m.substantive[2])
	}
}

// TestDimNoticeNamesItsKey: the notice names the key that toggles it.
func TestDimNoticeNamesItsKey(t *testing.T) {
	m := press(newTestModel(t, chainArticle(t), 80, 24), "D")
	if !strings.Contains(m.notice, "(D shows them)") {
		t.Errorf("notice %q", m.notice)
	}
}
