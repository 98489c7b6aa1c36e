package tui

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"redline/model"
	"redline/model/source/newssniffer"
)

func init() {
	// Views are compared as plain text: no colour, whatever the terminal.
	lipgloss.SetColorProfile(termenv.Ascii)
}

func seedArticle(t testing.TB) *model.Article {
	t.Helper()
	data, err := os.ReadFile("../testdata/000_2309137f7230653b.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := newssniffer.ReadDump("seed", data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func newTestModel(t testing.TB, art *model.Article, w, h int) Model {
	t.Helper()
	m := New(art, testOptions())
	m = runCmd(m, m.Init()) // the timeline's measurements
	return update(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// testNow is "now" in every test: times shown relative to it never
// depend on when the tests run.
var testNow = time.Date(2020, 1, 9, 12, 0, 0, 0, time.UTC)

// testZone is the "local" time zone of every test, an hour east of UTC,
// so that a test shows times converted.
var testZone = time.FixedZone("CET", 3600)

// testOptions are the reader's options in tests: no colour, a fixed
// clock and zone.
func testOptions() Options {
	return Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap(),
		Clock: func() time.Time { return testNow }, Location: testZone}
}

// runCmd runs a command and its batches to the end, as the program would,
// feeding their messages back.
func runCmd(m Model, cmd tea.Cmd) Model {
	if cmd == nil {
		return m
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			m = runCmd(m, c)
		}
	default:
		m = update(m, msg)
	}
	return m
}

func update(m Model, msg tea.Msg) Model {
	next, _ := m.Update(msg)
	return settle(next.(Model))
}

// settle does the work the model waits for — comparisons, the search
// index, a history — and hands back its answers, as the program's
// commands would.
func settle(m Model) Model {
	for {
		var w *work
		for _, b := range m.busy {
			if b != nil {
				w = b
				break
			}
		}
		if w == nil {
			return m
		}
		next, _ := m.Update(w.run())
		m = next.(Model)
	}
}

// keyMsg turns a key's name, as bubbletea prints it, into its message.
func keyMsg(k string) tea.KeyMsg {
	types := map[string]tea.KeyType{
		"left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp, "down": tea.KeyDown,
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd, "ctrl+c": tea.KeyCtrlC, "backspace": tea.KeyBackspace,
		" ": tea.KeySpace, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU, "ctrl+f": tea.KeyCtrlF, "ctrl+b": tea.KeyCtrlB,
	}
	if t, ok := types[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m = update(m, keyMsg(k))
	}
	return m
}

// cursorText is the start of the paragraph under the cursor.
func cursorText(m Model) string {
	v, p := m.cursorParagraph()
	if p < 0 {
		return ""
	}
	return m.art.Versions[v].Paragraphs[p]
}

func TestOpensOnTheNewestStep(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 80, 24)
	if m.shown != 1 || m.base() != 0 {
		t.Fatalf("shown %d base %d, want 1 and 0", m.shown, m.base())
	}
	if !strings.HasPrefix(cursorText(m), "ISTANBUL") {
		t.Errorf("cursor on %q, want the first paragraph", cursorText(m))
	}
}

func TestVersionKeys(t *testing.T) {
	cases := []struct {
		keys      []string
		wantShown int
		notice    string
	}{
		{[]string{"left"}, 0, ""},
		{[]string{"h"}, 0, ""},
		{[]string{"h", "l"}, 1, ""},
		{[]string{"h", "right"}, 1, ""},
		{[]string{"l"}, 1, "this is the newest version"},
		{[]string{"h", "h"}, 0, "this is the first version"},
		{[]string{"<"}, 0, ""},
		{[]string{"<", ">"}, 1, ""},
		{[]string{":", "1", "enter"}, 0, ""},
		{[]string{"h", ":", "2", "enter"}, 1, ""},
		{[]string{":", "9", "enter"}, 1, "no version 9: versions run from 1 to 2"},
		{[]string{":", "1", "esc"}, 1, ""},
	}
	for _, c := range cases {
		m := press(newTestModel(t, seedArticle(t), 80, 24), c.keys...)
		if m.shown != c.wantShown || m.notice != c.notice {
			t.Errorf("%q: shown %d notice %q, want %d %q", c.keys, m.shown, m.notice, c.wantShown, c.notice)
		}
		if m.mode != modeReading {
			t.Errorf("%q: still in mode %d", c.keys, m.mode)
		}
	}
}

func TestParagraphKeys(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 80, 24)
	if m = press(m, "j"); !strings.HasPrefix(cursorText(m), "Analysts say") {
		t.Errorf("j: cursor on %q", cursorText(m))
	}
	if m = press(m, "down", "k"); !strings.HasPrefix(cursorText(m), "Analysts say") {
		t.Errorf("down k: cursor on %q", cursorText(m))
	}
	if m = press(m, "up"); !strings.HasPrefix(cursorText(m), "ISTANBUL") {
		t.Errorf("up: cursor on %q", cursorText(m))
	}
	m = press(m, "G")
	if !strings.HasPrefix(cursorText(m), "Declan Walsh") || m.offset != m.doc.total-m.bodyHeight() {
		t.Errorf("G: cursor on %q, offset %d of %d", cursorText(m), m.offset, m.doc.total)
	}
	if m = press(m, "g"); m.offset != 0 || !strings.HasPrefix(cursorText(m), "ISTANBUL") {
		t.Errorf("g: cursor on %q, offset %d", cursorText(m), m.offset)
	}
	if m = press(m, "end", "home"); m.offset != 0 {
		t.Errorf("end home: offset %d", m.offset)
	}
}

func TestChangeKeysSkipUnchangedParagraphs(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 80, 24)
	seen := 0
	for i := 0; i < 100; i++ {
		before := m.cursor
		m = press(m, "]")
		if m.cursor == before {
			break
		}
		seen++
		if !m.doc.blocks[m.cursor].changed() {
			t.Fatalf("] stopped on an unchanged paragraph %q", cursorText(m))
		}
	}
	if m.notice != "no more changes: this is the newest version" {
		t.Errorf("at the end, notice %q", m.notice)
	}
	changed := 0
	for _, b := range m.doc.blocks {
		if b.changed() {
			changed++
		}
	}
	if seen != changed-1 { // the first paragraph was changed already
		t.Errorf("] visited %d changes, the step has %d", seen, changed)
	}
	for i := 0; i < 100; i++ {
		m = press(m, "[")
	}
	// [ carried on into the first version, which has no changes.
	if m.shown != 0 || m.notice != "no more changes: this is the first version" {
		t.Errorf("[ to the top: version %d notice %q", m.shown, m.notice)
	}
}

func TestPagingMovesTheWindowAndTheCursor(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 80, 24)
	h := m.bodyHeight()
	m = press(m, " ")
	if m.offset != h-1 {
		t.Errorf("space: offset %d, want %d", m.offset, h-1)
	}
	start := m.doc.starts[m.cursor]
	if start+len(m.doc.blocks[m.cursor].lines) <= m.offset || start >= m.offset+h {
		t.Errorf("space: the cursor block is off screen")
	}
	m = press(m, "pgdown", "b", "pgup")
	if m.offset != 0 {
		t.Errorf("pgdown b pgup: offset %d", m.offset)
	}
}

func TestSteppingKeepsTheReadingPlace(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 100, 30)
	// Down to "It is not clear…", which moved from ¶7 to ¶5.
	for !strings.HasPrefix(cursorText(m), "It is not clear") {
		before := m.cursor
		if m = press(m, "j"); m.cursor == before {
			t.Fatal("never reached the moved paragraph")
		}
	}
	m = press(m, "left")
	if got := cursorText(m); !strings.HasPrefix(got, "It is not clear") || m.shown != 0 {
		t.Fatalf("after ←: version %d, cursor on %q", m.shown, got)
	}
	if _, p := m.cursorParagraph(); p != 6 {
		t.Errorf("after ←: paragraph %d, want 6 (¶7 of version 1)", p)
	}
	m = press(m, "right")
	if _, p := m.cursorParagraph(); p != 4 {
		t.Errorf("after → back: paragraph %d, want 4", p)
	}
	// A paragraph that is gone lands on a neighbour: "Analysts say…" is
	// new in version 2.
	m = press(m, "g", "j")
	m = press(m, "left")
	if _, p := m.cursorParagraph(); p < 0 || p > 2 {
		t.Errorf("a new paragraph's place in version 1: %d, want near the top", p)
	}
}

func TestHelpOpensAndCloses(t *testing.T) {
	for _, closeKey := range []string{"?", "esc", "q"} {
		m := press(newTestModel(t, seedArticle(t), 80, 24), "?")
		if m.mode != modeHelp || !strings.Contains(m.View(), "next version") {
			t.Fatalf("? did not open the help")
		}
		if m = press(m, closeKey); m.mode != modeReading {
			t.Errorf("%s did not close the help", closeKey)
		}
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newTestModel(t, seedArticle(t), 80, 24)
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit", k)
		}
	}
	// ctrl+c quits from the help and from a prompt too.
	for _, pre := range []string{"?", ":"} {
		m := press(newTestModel(t, seedArticle(t), 80, 24), pre)
		_, cmd := m.Update(keyMsg("ctrl+c"))
		if cmd == nil {
			t.Fatalf("ctrl+c after %s: no command", pre)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("ctrl+c after %s does not quit", pre)
		}
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 80, 24)
	m = update(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.offset != 3 {
		t.Errorf("wheel down: offset %d, want 3", m.offset)
	}
	m = update(m, tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.offset != 0 {
		t.Errorf("wheel up: offset %d, want 0", m.offset)
	}
}

func TestEverySizeFits(t *testing.T) {
	art := seedArticle(t)
	m := newTestModel(t, art, 80, 24)
	sizes := [][2]int{{1, 1}, {19, 5}, {20, 4}}
	for w := 20; w <= 300; w += 7 {
		for h := 5; h <= 100; h += 9 {
			sizes = append(sizes, [2]int{w, h})
		}
	}
	sizes = append(sizes, [2]int{300, 100}, [2]int{20, 5}, [2]int{500, 200}, [2]int{1, 200}, [2]int{500, 1})
	// Fast resizes: every width from 1 to 120 in a row, keys between.
	for w := 1; w <= 120; w++ {
		sizes = append(sizes, [2]int{w, 5 + w%30})
	}
	for _, sz := range sizes {
		m = update(m, tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, keys := range [][]string{nil, {"G"}, {"?"}, {"esc", "h"}, {"l", "]", "]"}} {
			m = press(m, keys...)
			checkFits(t, m.View(), sz[0], sz[1])
		}
	}
}

func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%dx%d: %d lines", w, h, len(lines))
	}
	for _, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%dx%d: line %q is %d wide", w, h, l, lw)
			return
		}
	}
}

func TestTooSmallShowsANotice(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 19, 10)
	if v := m.View(); strings.Contains(v, "\n") || !strings.HasPrefix(v, "redline needs") {
		t.Errorf("view %q", v)
	}
}

func TestViewGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		name := func(what string) string { return what + "_" + itoa(sz[0]) + "x" + itoa(sz[1]) }
		t.Run(name("newest"), func(t *testing.T) {
			golden.RequireEqual(t, newTestModel(t, seedArticle(t), sz[0], sz[1]).View())
		})
		t.Run(name("first"), func(t *testing.T) {
			golden.RequireEqual(t, press(newTestModel(t, seedArticle(t), sz[0], sz[1]), "<").View())
		})
		t.Run(name("help"), func(t *testing.T) {
			golden.RequireEqual(t, press(newTestModel(t, seedArticle(t), sz[0], sz[1]), "?").View())
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestKeysThatArriveTogetherAreEachAKey(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 80, 24)
	m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj")})
	if !strings.HasPrefix(cursorText(m), "The Russian and Turkish foreign ministers") {
		t.Errorf("jj together: cursor on %q", cursorText(m))
	}
	m = update(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/lavrov")})
	if m.mode != modeSearch || m.input.Value() != "lavrov" {
		t.Errorf("/lavrov together: mode %d input %q", m.mode, m.input.Value())
	}
}

func TestHistoryFollowsAResize(t *testing.T) {
	m := press(newTestModel(t, seedArticle(t), 100, 30), "enter")
	m = update(m, tea.WindowSizeMsg{Width: 50, Height: 20})
	for _, l := range strings.Split(m.View(), "\n") {
		if strings.HasSuffix(l, "…") && !strings.Contains(l, "·") {
			t.Errorf("a history line was cut instead of wrapped: %q", l)
		}
	}
}

// A paragraph's history is laid out no wider than the reading view's
// column of prose (maxTextWidth), however wide the terminal: it had run
// its lines across all 200 columns.
func TestHistoryKeepsToTheColumnOfProse(t *testing.T) {
	m := press(newTestModel(t, seedArticle(t), 200, 40), "down", "enter")
	if m.mode != modeHistory {
		t.Fatalf("mode %d, want the history", m.mode)
	}
	widest := 0
	for _, l := range m.historyLines(1000) {
		widest = max(widest, ansi.StringWidth(l))
	}
	// Each line follows "  " and a two-column mark.
	if widest > maxTextWidth+4 || widest < maxTextWidth-20 {
		t.Errorf("the widest history line is %d cells, want about %d", widest, maxTextWidth+4)
	}
}

func TestBackToList(t *testing.T) {
	m := New(seedArticle(t), backToList(testOptions()))
	for _, k := range []string{"q", "esc"} {
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(BackMsg); !ok {
			t.Errorf("%s does not go back to the list", k)
		}
	}
	// esc unpins first.
	p := press(m, "m")
	if next := press(p, "esc"); next.pinned != -1 {
		t.Errorf("esc did not unpin")
	}
}

// TestComparisonsRunBesideTheLoop holds every comparison a key needs to a
// command: the key answers at once, the screen says it is comparing, keys
// pressed meanwhile count from where the reader is going, a stale answer
// is dropped, and quitting never waits.
func TestComparisonsRunBesideTheLoop(t *testing.T) {
	art := &model.Article{}
	for i := 0; i < 6; i++ {
		art.Versions = append(art.Versions, model.Version{Number: i + 1,
			Paragraphs: []string{"A paragraph that stays.", fmt.Sprintf("One that changes in version %d.", i+1)}})
	}
	m := newModel(art, Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()}, 80, 24)

	m = update(m, keyMsg("<")) // version 1, once 1→6 is compared to keep the place
	if m.shown != 0 {
		t.Fatalf("shown %d after <", m.shown)
	}
	next, cmd := m.Update(keyMsg("l")) // 1→2 is not compared yet
	m = next.(Model)
	if m.shown != 0 || cmd == nil || !strings.Contains(m.View(), "comparing…") {
		t.Fatalf("the step did not wait for its comparison (shown %d):\n%s", m.shown, m.View())
	}
	stale := m.busy[workMove].run
	next, _ = m.Update(keyMsg("l")) // counts from version 2, on its way
	m = next.(Model)
	if shown, _ := m.target(); shown != 2 {
		t.Fatalf("a second step goes to index %d, want 2", shown)
	}
	if _, cmd := m.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q waits for the comparison")
	} else if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("q does not quit while comparing")
	}
	next, _ = m.Update(stale()) // the answer to the first step
	m = next.(Model)
	if m.shown != 0 {
		t.Fatalf("a stale answer moved the reader to %d", m.shown)
	}
	m = settle(m)
	if m.shown != 2 || strings.Contains(m.View(), "comparing…") {
		t.Fatalf("shown %d after the comparison arrived:\n%s", m.shown, m.View())
	}

	next, cmd = m.Update(keyMsg("/"))
	m = next.(Model)
	for _, r := range "changes" {
		next, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
		m = next.(Model)
	}
	next, cmd = m.Update(keyMsg("enter"))
	m = next.(Model)
	if m.index != nil || cmd == nil || !strings.Contains(m.View(), "searching every version…") {
		t.Fatalf("the search index was built inside Update:\n%s", m.View())
	}
	if m = settle(m); m.search == nil || len(m.search.hits) == 0 {
		t.Fatal("the search did not run when its index arrived")
	}
}

// TestEscBackToTheListIsInTheHelp holds the keys to the KeyMap: esc goes
// back to the list an article came from only when there is nothing to
// unpin or clear, and the help says so exactly then.
func TestEscBackToTheListIsInTheHelp(t *testing.T) {
	o := Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap(), BackToList: true}
	m := newModel(seedArticle(t), o, 120, 40)
	// q and esc both go back; with a pin, esc unpins instead.
	if help := press(m, "?").View(); strings.Count(help, "back to the list") != 2 {
		t.Errorf("the help does not name esc back to the list:\n%s", help)
	}
	pinned := press(m, "m")
	if help := press(pinned, "?").View(); strings.Count(help, "back to the list") != 1 {
		t.Errorf("with a pin, esc unpins, yet the help says it goes back:\n%s", help)
	}
	if _, cmd := pinned.Update(keyMsg("esc")); cmd != nil {
		if _, ok := cmd().(BackMsg); ok {
			t.Error("esc went back to the list instead of unpinning")
		}
	}
	if _, cmd := m.Update(keyMsg("esc")); cmd == nil {
		t.Error("esc with nothing to undo does not go back to the list")
	} else if _, ok := cmd().(BackMsg); !ok {
		t.Error("esc with nothing to undo does not go back to the list")
	}
}

// TestBodyHeightIsWhatTheChromeLeaves holds bodyHeight, which counts the
// header and footer without drawing them, to the lines they really take,
// at every size from the smallest to a tall window, headlines of one to
// three lines.
func TestBodyHeightIsWhatTheChromeLeaves(t *testing.T) {
	for _, headline := range []string{"Short", strings.Repeat("A long headline that wraps ", 3), strings.Repeat("Longer still, over three lines ", 8)} {
		art := &model.Article{Versions: []model.Version{
			{Number: 1, Headline: headline, Paragraphs: []string{"One."}},
			{Number: 2, Headline: headline + " now", Paragraphs: []string{"One.", "Two."}},
		}}
		for _, size := range [][2]int{{20, 5}, {40, 8}, {80, 24}, {120, 40}, {30, 60}} {
			m := newTestModel(t, art, size[0], size[1])
			if m.tooSmall() {
				continue
			}
			chrome := len(m.headerLines()) + len(m.footerLines())
			if got, want := m.bodyHeight(), max(m.height-chrome, 1); got != want {
				t.Errorf("%q at %dx%d: bodyHeight %d, the drawn header and footer leave %d", headline[:5], size[0], size[1], got, want)
			}
		}
	}
}

// TestComparisonCacheEvictsTheLeastRecentlyUsed fills the cache past its
// bound while one comparison keeps being used: it stays.
func TestComparisonCacheEvictsTheLeastRecentlyUsed(t *testing.T) {
	art := &model.Article{}
	for i := 0; i < maxComparisons+10; i++ {
		art.Versions = append(art.Versions, model.Version{Number: i + 1, Paragraphs: []string{fmt.Sprint("p", i)}})
	}
	c := newComparisons(art)
	kept := c.get(0, 1)
	for i := 1; i+1 < len(art.Versions); i++ {
		c.get(i, i+1)
		if c.get(0, 1) != kept {
			t.Fatalf("the comparison in use was evicted after %d others", i)
		}
	}
	if c.has(1, 2) {
		t.Error("the comparison used longest ago was kept")
	}
}

// TestSearchCountsOnlyWhatItMarks: strings.ToLower folds İ to i, the
// highlighting expression does not; a paragraph it cannot mark is no hit.
func TestSearchCountsOnlyWhatItMarks(t *testing.T) {
	art := &model.Article{Versions: []model.Version{
		{Number: 1, Paragraphs: []string{"İstanbul was quiet."}},
		{Number: 2, Paragraphs: []string{"İstanbul was quiet.", "Talks in istanbul resumed."}},
	}}
	m := newTestModel(t, art, 80, 24)
	m.runSearch("istanbul")
	m = settle(m)
	if m.search == nil || m.search.total != 1 || len(m.search.hits) != 1 {
		t.Fatalf("search %+v, want the one match it can mark", m.search)
	}
}

// A space in the query matches the space the text has, a no-break or a
// thin one too: "6 to 3" finds the version that joins them with a
// no-break space, and marks it. A query only a headline holds says so.
func TestSearchMatchesAnySpace(t *testing.T) {
	art := &model.Article{Versions: []model.Version{
		{Number: 1, Headline: "Council votes", Paragraphs: []string{"The council voted 6 to 3."}},
		{Number: 2, Headline: "Council votes", Paragraphs: []string{"The council voted 6\u00a0to\u2009\u20093."}},
	}}
	m := newTestModel(t, art, 80, 24)
	m.runSearch("6 to 3")
	m = settle(m)
	if m.search == nil || len(m.search.hits) != 1 || m.search.total != 1 {
		t.Fatalf("search %+v, want version 1 only: two thin spaces are two spaces", m.search)
	}
	m.runSearch("6 to  3")
	m = settle(m)
	if m.search == nil || len(m.search.hits) != 1 || m.search.hits[0].v != 1 {
		t.Fatalf("search %+v, want version 2", m.search)
	}
	if got := highlight([]span{{text: art.Versions[1].Paragraphs[0]}}, m.search.re); len(got) < 2 {
		t.Errorf("the match is not marked: %+v", got)
	}
	m.runSearch("votes")
	m = settle(m)
	if got := m.search.status(); got != "/votes: only in headlines, which search does not reach" {
		t.Errorf("a headline's word: %q", got)
	}
}

// A number no version has is refused with the numbers there are; where
// they skip numbers (a git commit that changed no paragraph), with the
// nearest: "from 1 to 6" alone had hidden that 4 is a gap.
func TestResolveStepNamesTheNumbersThereAre(t *testing.T) {
	art := &model.Article{}
	for _, n := range []int{1, 3, 4, 6} {
		art.Versions = append(art.Versions, model.Version{Number: n, Paragraphs: []string{"Text."}})
	}
	for _, c := range []struct {
		s    StepNumbers
		want string
	}{
		{StepNumbers{To: 5, ToSet: true}, "--to 5: no such version (versions run from 1 to 6, not every number: 4 and 6 are nearest)"},
		{StepNumbers{From: 9, FromSet: true}, "--from 9: no such version (versions run from 1 to 6, not every number: 6 is nearest)"},
		{StepNumbers{From: 0, FromSet: true}, "--from 0: no such version (versions run from 1 to 6, not every number: 1 is nearest)"},
	} {
		if _, _, err := ResolveStep(art, c.s); err == nil || err.Error() != c.want {
			t.Errorf("%+v: %v, want %q", c.s, err, c.want)
		}
	}
	if base, shown, err := ResolveStep(art, StepNumbers{From: 3, To: 6, FromSet: true, ToSet: true}); err != nil || base != 1 || shown != 3 {
		t.Errorf("--from 3 --to 6: %d %d %v", base, shown, err)
	}
	art.Versions = art.Versions[1:3]
	if _, _, err := ResolveStep(art, StepNumbers{To: 9, ToSet: true}); err == nil || !strings.HasSuffix(err.Error(), "(versions run from 3 to 4)") {
		t.Errorf("no gaps: %v", err)
	}
}

// A match that runs across an edit is marked on the side it belongs to:
// "to begin this" is in the new text of "to begin [-Saturday night-]
// {+this weekend+}", which search counts; read as one run with the
// deletion, it had been counted and not marked.
func TestHighlightReadsEachSideOfTheEdits(t *testing.T) {
	spans := []span{{text: "to begin "}, {text: "Saturday night", role: roleDeleted}, {text: "this weekend", role: roleInserted}}
	re := regexp.MustCompile("(?i)to begin this")
	var marked []string
	for _, s := range highlight(spans, re) {
		if s.match {
			marked = append(marked, s.text)
		}
	}
	if !reflect.DeepEqual(marked, []string{"to begin ", "this"}) {
		t.Errorf("marked %q", marked)
	}
	// The old side's words are found in the old text.
	marked = nil
	for _, s := range highlight(spans, regexp.MustCompile("begin Saturday")) {
		if s.match {
			marked = append(marked, s.text)
		}
	}
	if !reflect.DeepEqual(marked, []string{"begin ", "Saturday"}) {
		t.Errorf("old side marked %q", marked)
	}
}
