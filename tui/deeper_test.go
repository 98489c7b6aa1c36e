package tui

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"redline/model"
)

func chainArticle(t testing.TB) *model.Article {
	t.Helper()
	data, err := os.ReadFile("../testdata/libya-4-versions.json")
	if err != nil {
		t.Fatal(err)
	}
	a, err := model.ReadJSON("chain", data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestViewKeyCyclesViews(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 100, 30)
	for _, want := range []viewMode{viewSide, viewClean, viewInline} {
		m = press(m, "v")
		if m.view != want {
			t.Fatalf("view %v, want %v", m.view, want)
		}
	}
	m = press(m, "j", "j", "v") // the cursor paragraph survives a change of view
	if !strings.HasPrefix(cursorText(m), "The Russian and Turkish foreign ministers") {
		t.Errorf("after v the cursor is on %q", cursorText(m))
	}
	side := press(newTestModel(t, seedArticle(t), 100, 30), "v").View()
	if !strings.Contains(side, " │ ") {
		t.Errorf("side by side shows no columns:\n%s", side)
	}
	clean := press(newTestModel(t, seedArticle(t), 100, 30), "v", "v").View()
	if strings.Contains(clean, "[-") || strings.Contains(clean, "{+") {
		t.Errorf("the clean view shows edits:\n%s", clean)
	}
}

func TestPinComparesEveryVersionWithThePinned(t *testing.T) {
	m := newTestModel(t, chainArticle(t), 100, 30)
	m = press(m, "<", "m") // pin version 1
	if m.pinned != 0 {
		t.Fatalf("pinned %d, want 0", m.pinned)
	}
	m = press(m, ">")
	if m.base() != 0 || !strings.Contains(m.View(), "compared with Version 1 (pinned)") {
		t.Errorf("version 4 is compared with %d:\n%s", m.base(), m.View())
	}
	m = press(m, "h")
	if m.base() != 0 {
		t.Errorf("version 3 is compared with %d, want the pinned 0", m.base())
	}
	m = press(m, "esc")
	if m.pinned != -1 || m.base() != m.shown-1 {
		t.Errorf("esc left pinned %d base %d", m.pinned, m.base())
	}
}

func TestHistoryFollowsTheCursorParagraph(t *testing.T) {
	m := newTestModel(t, chainArticle(t), 100, 40)
	m = press(m, "j") // past the headline's change, which is a stop of its own
	m = press(m, "j") // "Diplomats and analysts say…", new in version 2
	m = press(m, "enter")
	if m.mode != modeHistory {
		t.Fatal("enter did not open the history")
	}
	v := m.View()
	for _, want := range []string{"Version 1 · not yet written", "Version 2", "first appears", "Version 4", "edited", "{+Diplomats and analysts+}"} {
		if !strings.Contains(v, want) {
			t.Errorf("history lacks %q:\n%s", want, v)
		}
	}
	for _, k := range []string{"esc", "q", "enter"} {
		back := press(m, k)
		if back.mode != modeReading || back.shown != m.shown || back.cursor != m.cursor {
			t.Errorf("%s did not return to the same place", k)
		}
	}
}

func TestAnnotateShowsWhereEachParagraphCameFrom(t *testing.T) {
	m := newTestModel(t, chainArticle(t), 120, 40)
	m = press(m, "a", "v", "v") // annotate the clean view of version 4
	v := m.View()
	if !strings.Contains(v, "v1 v4 │ ISTANBUL") {
		t.Errorf("the first paragraph should read v1 v4 (from version 1, last changed in 4):\n%s", v)
	}
	if !strings.Contains(v, "v3    │ Libya’s internationally recognized") {
		t.Errorf("the paragraph added in version 3 should read v3:\n%s", v)
	}
	if m = press(m, "a"); strings.Contains(m.View(), " │ ISTANBUL") {
		t.Errorf("a again did not hide the annotations")
	}
}

func TestSearchAcrossVersions(t *testing.T) {
	m := newTestModel(t, chainArticle(t), 100, 30)
	// "Lavrov" is only in version 1.
	m = press(m, "/", "l", "a", "v", "r", "o", "v", "enter")
	if m.shown != 0 || !strings.Contains(cursorText(m), "Lavrov") {
		t.Fatalf("search took the reader to version %d, %q", m.shown+1, cursorText(m))
	}
	if !strings.Contains(m.View(), "⟪Lavrov⟫") || !strings.Contains(m.View(), "/lavrov: ¶ 1 of 1 · 1 match") {
		t.Errorf("the match is not highlighted or counted:\n%s", m.View())
	}
	// Smart case: "Cairo" matches every version's credit line.
	m = press(m, "/", "C", "a", "i", "r", "o", "enter")
	if n := len(m.search.hits); n != 4 {
		t.Errorf("Cairo: %d hits, want 4 (one per version)", n)
	}
	first := m.shown
	m = press(m, "n")
	if m.shown != first+1 {
		t.Errorf("n went from version %d to %d, want the next version", first+1, m.shown+1)
	}
	m = press(m, "N")
	if m.shown != first {
		t.Errorf("N did not come back")
	}
	m = press(m, "/", "c", "a", "i", "r", "o", "enter")
	if n := len(m.search.hits); n != 4 {
		t.Errorf("cairo: %d hits, want 4", n)
	}
	m = press(m, "/", "z", "z", "q", "enter")
	if !strings.Contains(m.notice, "not found") {
		t.Errorf("no notice for a search that finds nothing: %q", m.notice)
	}
}

func TestTimelineMarksTheShownVersion(t *testing.T) {
	m := newTestModel(t, chainArticle(t), 100, 30)
	tl := m.timeline(10)
	if !strings.HasSuffix(tl, "●") || len([]rune(tl)) != 4 {
		t.Errorf("timeline %q: want 4 cells, the last one shown", tl)
	}
	m = press(m, "<", "m", ">")
	if tl = m.timeline(10); !strings.HasPrefix(tl, "◆") {
		t.Errorf("timeline %q: the pinned first version is not marked", tl)
	}
	// Many versions condense into the width.
	many := &model.Article{}
	for i := 0; i < 500; i++ {
		many.Versions = append(many.Versions, model.Version{Number: i + 1, Paragraphs: []string{strings.Repeat("word ", i%7+1)}})
	}
	mm := newTestModel(t, many, 80, 24)
	if tl := mm.timeline(20); len([]rune(tl)) > 20 {
		t.Errorf("a timeline of 500 versions is %d cells wide, more than 20", len([]rune(tl)))
	}
	checkFits(t, mm.View(), 80, 24)
}

func TestDeeperGoldens(t *testing.T) {
	cases := map[string]struct {
		art  func(testing.TB) *model.Article
		keys []string
	}{
		"seed_side":       {seedArticle, []string{"v"}},
		"seed_clean":      {seedArticle, []string{"v", "v"}},
		"seed_history":    {seedArticle, []string{"j", "j", "enter"}},
		"seed_annotate":   {seedArticle, []string{"a"}},
		"seed_search":     {seedArticle, []string{"/", "h", "i", "f", "t", "e", "r", "enter"}},
		"chain_newest":    {chainArticle, nil},
		"chain_pinned":    {chainArticle, []string{"<", "m", ">"}},
		"chain_side":      {chainArticle, []string{"v"}},
		"chain_history":   {chainArticle, []string{"j", "j", "enter"}},
		"chain_annotated": {chainArticle, []string{"a", "v", "v"}},
	}
	for name, c := range cases {
		for _, sz := range [][2]int{{80, 24}, {200, 50}} {
			t.Run(name+"_"+itoa(sz[0])+"x"+itoa(sz[1]), func(t *testing.T) {
				m := press(newTestModel(t, c.art(t), sz[0], sz[1]), c.keys...)
				v := m.View()
				checkFits(t, v, sz[0], sz[1])
				golden.RequireEqual(t, v)
			})
		}
	}
}

// TestDeeperFlow goes through every view and mode as a reader would.
func TestDeeperFlow(t *testing.T) {
	m := New(chainArticle(t), testOptions())
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	wait := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	send := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keyMsg(k))
		}
	}
	wait("Version 4 of 4")
	send("v")
	wait(" │ ")
	send("v", "v", "<", "m", ">")
	wait("(pinned)")
	send("esc", "enter")
	wait("first appears")
	send("esc", "a")
	wait("v1 v4")
	send("a", "/", "L", "a", "v", "r", "o", "v", "enter")
	wait("¶ 1 of 1")
	send("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if final := tm.FinalModel(t).(Model); final.shown != 0 {
		t.Errorf("the search should have ended on version 1, not %d", final.shown+1)
	}
}

func TestGapsShowInTheHeaderAndTimeline(t *testing.T) {
	art := chainArticle(t)
	art.Versions = []model.Version{art.Versions[0], art.Versions[1], art.Versions[3]}
	art.Versions[2].Number = 4
	art.Gaps = []int{1} // no dump linked version 2 to version 4
	art.Notes = []string{"Version 3 is missing", "another note"}
	m := newTestModel(t, art, 120, 30)
	v := m.View()
	if !strings.Contains(v, "Version 3 missing") || !strings.Contains(m.timeline(10), "┆") {
		t.Errorf("the gap is not shown:\n%s", v)
	}
	if !strings.Contains(v, "Version 3 is missing (and 1 more notes: ? lists them)") {
		t.Errorf("the notes are not shown:\n%s", v)
	}
	// Gone from the footer at the next key, the notes stay in the help.
	if help := strings.Join(m.helpBody(), "\n"); !strings.Contains(help, "note: Version 3 is missing") || !strings.Contains(help, "note: another note") {
		t.Errorf("the help lacks the notes:\n%s", help)
	}
	if m = press(m, "h"); strings.Contains(m.View(), "versions missing") {
		t.Errorf("version 2 follows version 1 without a gap")
	}
}

// TestLongHistoriesAreFollowedBesideTheLoop opens a history and the
// annotations of a 200-version article: both come as commands, and the
// reader shows them when they arrive.
func TestLongHistoriesAreFollowedBesideTheLoop(t *testing.T) {
	art := &model.Article{}
	for i := 0; i < 200; i++ {
		art.Versions = append(art.Versions, model.Version{Number: i + 1,
			Paragraphs: []string{"A first paragraph that stays.", fmt.Sprintf("A second one, changed in version %d.", i+1)}})
	}
	m := newTestModel(t, art, 100, 30)
	m = press(m, "j")
	next, cmd := m.Update(keyMsg("enter"))
	m = next.(Model)
	if m.mode != modeReading || cmd == nil || !strings.Contains(m.View(), "following ¶2 through 200 versions") {
		t.Fatalf("a long history opened at once (mode %d):\n%s", m.mode, m.View())
	}
	m = runCmd(m, cmd)
	if m.mode != modeHistory || !strings.Contains(m.View(), "Version 200") {
		t.Errorf("the history did not open when it arrived:\n%s", m.View())
	}
	m = press(m, "esc")
	next, cmd = m.Update(keyMsg("a"))
	m = runCmd(next.(Model), cmd)
	if !strings.Contains(m.View(), "v1        │ A first paragraph") || !strings.Contains(m.View(), "v1 v200   │ A second one") {
		t.Errorf("the annotations did not arrive:\n%s", m.View())
	}
}

// A paragraph merged with its neighbour, or cut in two, takes a new form
// even when no word changed: the history says so and shows it. Both had
// read "unchanged" (and a split's first piece "Version 3 · ·").
func TestHistoryShowsMergesAndSplits(t *testing.T) {
	a, b := "The storm hit the coast on Monday.", "Thousands lost power across the region."
	art := &model.Article{Versions: []model.Version{
		{Number: 1, Paragraphs: []string{a, b, "Schools stayed closed."}},
		{Number: 2, Paragraphs: []string{a + " " + b, "Schools stayed closed."}},
		{Number: 3, Paragraphs: []string{a, b, "Schools stayed closed."}},
	}}
	m := newTestModel(t, art, 100, 30)
	m = press(m, "<", ">") // version 1, then the newest: cursor on ¶1
	m = press(m, "enter")
	v := m.View()
	for _, want := range []string{"Version 2", "merged into ¶1", a + " " + b, "Version 3", "split, now ¶1"} {
		if !strings.Contains(v, want) {
			t.Errorf("history lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Version 2 · unchanged") || strings.Contains(v, "Versions 2–3 · unchanged") {
		t.Errorf("a merge read as unchanged:\n%s", v)
	}
}
