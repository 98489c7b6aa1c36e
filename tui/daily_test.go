package tui

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// Paragraphs are set apart by a blank line in every view and at every
// width, and moving the cursor still lands on paragraphs, never on the
// blank lines between them.
func TestParagraphsAreSeparated(t *testing.T) {
	for _, view := range []string{"inline", "side", "clean"} {
		for _, w := range []int{20, 40, 80, 120, 200} {
			m := newTestModel(t, seedArticle(t), w, 30)
			for m.view.String() != map[string]string{"inline": "inline", "side": "side by side", "clean": "clean"}[view] {
				m = press(m, "v")
			}
			d := m.doc
			for bi := 1; bi < len(d.blocks); bi++ {
				end := d.starts[bi-1] + len(d.blocks[bi-1].lines)
				if d.starts[bi] != end+1 {
					t.Fatalf("%s at %d: block %d starts at %d, want a blank line after %d", view, w, bi, d.starts[bi], end)
				}
				if _, _, ok := d.line(end); ok {
					t.Fatalf("%s at %d: line %d between blocks is not blank", view, w, end)
				}
			}
			for i := 0; i < 8; i++ {
				m = press(m, "j")
				top := m.doc.starts[m.cursor] - m.offset
				body := strings.Split(m.View(), "\n")[len(m.headerLines())+len(m.columnHeadings())+top]
				if !strings.HasPrefix(body, "▌") {
					t.Fatalf("%s at %d: the cursor's first line %q has no cursor bar", view, w, body)
				}
			}
		}
	}
}

// The help fits or scrolls at every size from 20×5 up: every key and
// the legend can be reached with j, the wheel, G.
func TestHelpScrollsToEveryKeyAndTheLegend(t *testing.T) {
	for _, sz := range [][2]int{{20, 5}, {40, 12}, {80, 24}, {120, 40}} {
		m := press(newTestModel(t, seedArticle(t), sz[0], sz[1]), "/", "h", "i", "f", "t", "e", "r", "enter", "?")
		seen := ""
		for i := 0; i < 200; i++ {
			v := m.View()
			checkFits(t, v, sz[0], sz[1])
			seen += v
			before := m.helpOffset
			if m = press(m, "j"); m.helpOffset == before {
				break
			}
		}
		flat := strings.Join(strings.Fields(seen), " ")
		for _, want := range []string{"quit", "next match", "half page down", "copy paragraph", "gutter:", "guessed", "annotate (a)"} {
			if !strings.Contains(strings.ReplaceAll(flat, "… ", ""), want) && !strings.Contains(seen, want) {
				t.Errorf("%dx%d: %q never shows in the help", sz[0], sz[1], want)
			}
		}
		m = press(m, "g")
		if m.helpOffset != 0 {
			t.Errorf("%dx%d: g leaves the help at %d", sz[0], sz[1], m.helpOffset)
		}
		m = update(m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		if len(m.helpBody()) > m.helpRows(m.bodyHeight()) && m.helpOffset == 0 {
			t.Errorf("%dx%d: the wheel does not scroll the help", sz[0], sz[1])
		}
	}
}

// less's and vim's paging keys work, and help lists them.
func TestHalfPageAndVimPagingKeys(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 80, 24)
	h := m.bodyHeight()
	for _, k := range []string{"ctrl+d", "d"} {
		m2 := press(m, k)
		if m2.offset != h/2 {
			t.Errorf("%s: offset %d, want %d", k, m2.offset, h/2)
		}
		if back := press(m2, map[string]string{"ctrl+d": "ctrl+u", "d": "u"}[k]); back.offset != 0 {
			t.Errorf("%s then back: offset %d", k, back.offset)
		}
	}
	if m2 := press(m, "ctrl+f"); m2.offset != h-1 {
		t.Errorf("ctrl+f: offset %d, want %d", m2.offset, h-1)
	} else if press(m2, "ctrl+b").offset != 0 {
		t.Errorf("ctrl+b did not come back")
	}
	wide := press(newTestModel(t, seedArticle(t), 200, 50), "?")
	help := strings.Join(strings.Fields(strings.Join(wide.helpBody(), " ")), " ")
	for _, want := range []string{"ctrl+d/d half page down", "ctrl+u/u half page up", "space/f/ctrl+f page down", "b/ctrl+b page up", "n next match", "N previous match"} {
		if !strings.Contains(help, want) {
			t.Errorf("help lacks %q:\n%s", want, help)
		}
	}
}

// ] past a step's last change goes on to the next version's first
// change, [ before the first back to the previous version's last, and
// the footer says so.
func TestChangeKeysCrossIntoTheNextVersion(t *testing.T) {
	m := press(newTestModel(t, chainArticle(t), 100, 30), "<", "l") // version 2
	for i := 0; i < 50 && m.shown == 1; i++ {
		m = press(m, "]")
	}
	if m.shown != 2 || !m.doc.blocks[m.cursor].changed() || m.cursor != m.doc.change(false) {
		t.Fatalf("] past the last change: version %d, cursor %d (first change %d)", m.shown+1, m.cursor, m.doc.change(false))
	}
	if m.notice != "on to Version 3: its first change" || !strings.Contains(m.View(), "on to Version 3") {
		t.Errorf("notice %q", m.notice)
	}
	m = press(m, "[")
	if m.shown != 1 || m.cursor != m.doc.change(true) || m.notice != "back to Version 2: its last change" {
		t.Errorf("[ back: version %d cursor %d (last change %d) notice %q", m.shown+1, m.cursor, m.doc.change(true), m.notice)
	}
}

// Search counts occurrences, says when it wrapped, and n/N are in the
// help before any search.
func TestSearchCountsOccurrencesAndSaysItWrapped(t *testing.T) {
	m := newTestModel(t, seedArticle(t), 120, 40)
	help := strings.Join(m.helpBody(), "\n")
	if !strings.Contains(help, "next match") || !strings.Contains(help, "previous match") {
		t.Errorf("n/N are not in the help before a search:\n%s", help)
	}
	if m2 := press(m, "n"); !strings.Contains(m2.notice, "no search yet") {
		t.Errorf("n with no search: %q", m2.notice)
	}
	m = press(m, "/", "h", "i", "f", "t", "e", "r", "enter")
	paras, occ := 0, 0
	for _, v := range m.art.Versions {
		for _, p := range v.Paragraphs {
			if n := strings.Count(strings.ToLower(p), "hifter"); n > 0 {
				paras++
				occ += n
			}
		}
	}
	if paras == occ {
		t.Fatalf("the seed should hold a paragraph with Hifter twice")
	}
	if want := fmt.Sprintf("of %d · %d matches", paras, occ); !strings.Contains(m.notice, want) {
		t.Errorf("notice %q, want %q", m.notice, want)
	}
	wrapped := false
	for i := 0; i < paras+1; i++ {
		m = press(m, "n")
		wrapped = wrapped || strings.HasSuffix(m.notice, "· search wrapped")
	}
	if !wrapped {
		t.Errorf("n through every match never said the search wrapped")
	}
	for i := 0; i < paras && !strings.Contains(m.notice, "¶ 1 of"); i++ {
		m = press(m, "n")
	}
	m = press(m, "N")
	if !strings.HasSuffix(m.notice, "· search wrapped") {
		t.Errorf("N from the first match back to the last: %q", m.notice)
	}
}

// y sends the cursor paragraph to the terminal's clipboard as OSC 52,
// through the program's output, and says so; with no terminal it says
// it could not. M releases the mouse and captures it again.
func TestCopyAndReleaseTheMouse(t *testing.T) {
	var out bytes.Buffer
	m := New(seedArticle(t), withOutput(testOptions(), &out))
	m = update(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	next, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y gave no command")
	}
	m = update(next.(Model), cmd())
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(cursorText(m))) + "\a"
	if out.String() != want {
		t.Errorf("y wrote %q, want %q", out.String(), want)
	}
	if !strings.HasPrefix(m.notice, "copied ¶1 of Version 2") || !strings.Contains(m.View(), "copied ¶1") {
		t.Errorf("notice %q", m.notice)
	}
	if m := press(newTestModel(t, seedArticle(t), 80, 24), "y"); !strings.HasPrefix(m.notice, "could not copy ¶1 of Version 2") {
		t.Errorf("with no terminal: notice %q", m.notice)
	}

	m = newTestModel(t, seedArticle(t), 80, 24)
	next, cmd = m.Update(keyMsg("M"))
	if m = next.(Model); m.mouse || cmd == nil || !strings.Contains(fmt.Sprintf("%T", cmd()), "disableMouse") {
		t.Errorf("M did not release the mouse")
	}
	next, cmd = m.Update(keyMsg("M"))
	if m = next.(Model); !m.mouse || cmd == nil || !strings.Contains(fmt.Sprintf("%T", cmd()), "enableMouseCellMotion") {
		t.Errorf("M again did not capture the mouse")
	}
	if m := New(seedArticle(t), Options{NoMouse: true}); m.mouse {
		t.Errorf("NoMouse starts with the mouse captured")
	}
}

// i shows the article's URL; the help shows it too.
func TestTheArticleURLIsShown(t *testing.T) {
	m := press(newTestModel(t, seedArticle(t), 200, 30), "i")
	if !strings.Contains(m.View(), "URL: https://www.nytimes.com/2020/01/08/world/middleeast/russia-turkey-libya.html") {
		t.Errorf("i does not show the URL:\n%s", m.View())
	}
	if !strings.Contains(strings.Join(m.helpBody(), "\n"), "URL: https://www.nytimes.com/") {
		t.Errorf("the help does not show the URL")
	}
}

func withOutput(o Options, w *bytes.Buffer) Options { o.Output = w; return o }

func backToList(o Options) Options { o.BackToList = true; return o }

// Side by side names its columns, the header names the view, annotate
// explains its numbers, and a history says a paragraph was removed.
func TestViewsNameThemselves(t *testing.T) {
	m := press(newTestModel(t, chainArticle(t), 80, 24), "v")
	v := m.View()
	if !strings.Contains(v, "─ side by side ─") || !regexp.MustCompile(`Version 3 +│ Version 4`).MatchString(v) {
		t.Errorf("side by side without its headings:\n%s", v)
	}
	m = press(m, "j", "j", "j") // the headings stay while the body scrolls
	if !regexp.MustCompile(`Version 3 +│ Version 4`).MatchString(m.View()) {
		t.Errorf("the headings scrolled away:\n%s", m.View())
	}
	m = press(m, "<", "m", ">")
	if !regexp.MustCompile(`Version 1 \(pinned\) +│ Version 4`).MatchString(m.View()) {
		t.Errorf("a pinned base is not named in its column:\n%s", m.View())
	}
	m = press(newTestModel(t, chainArticle(t), 80, 24), "a")
	if v := m.View(); !strings.Contains(v, "─ inline · annotate ─") || !strings.Contains(v, "vA vB: introduced in version A, last changed in B") {
		t.Errorf("annotate without its legend:\n%s", v)
	}
	// "The Russian foreign minister, Sergei Lavrov, confirmed those
	// details." is in version 1 only.
	m = press(newTestModel(t, chainArticle(t), 100, 30), "/", "L", "a", "v", "r", "o", "v", "enter", "enter")
	if v := m.View(); !strings.Contains(v, "Versions 2–4 · removed") || !strings.Contains(v, "─ history ─") {
		t.Errorf("the history does not say the paragraph was removed:\n%s", v)
	}
	if v := m.View(); !strings.Contains(v, "Version 1 · Wed 8 Jan 2020 11:02 · first appears") {
		t.Errorf("the history's times are not local and human:\n%s", v)
	}
}

// Times are local and human, with the relative form, for the shown
// version and its base; what the source wrote instead when it gave no
// time.
func TestTimesAreLocalAndHuman(t *testing.T) {
	m := newTestModel(t, chainArticle(t), 120, 40)
	if got, want := m.whenText(), "Wed 8 Jan 2020 19:40, 17 hours ago · vs 14:25 the same day, 5 hours earlier"; got != want {
		t.Errorf("newest step: %q, want %q", got, want)
	}
	m = press(m, "<", "m", ">")
	if got := m.whenText(); !strings.HasSuffix(got, "· vs 11:02 the same day, 8 hours earlier") {
		t.Errorf("pinned to version 1: %q", got)
	}
	m = press(m, "esc", "<")
	if got, want := m.whenText(), "Wed 8 Jan 2020 11:02, 1 day ago · the first version"; got != want {
		t.Errorf("first version: %q, want %q", got, want)
	}
	if !strings.Contains(m.View(), m.whenText()) {
		t.Errorf("the header does not show the times:\n%s", m.View())
	}
	seed := newTestModel(t, seedArticle(t), 80, 24)
	if got := seed.whenText(); got != "about 2 hours later than Version 1" {
		t.Errorf("a NewsSniffer step: %q", got)
	}
	if first := press(seed, "<"); first.whenText() != "time not recorded · the first version" {
		got := first.whenText()
		t.Errorf("a NewsSniffer first version: %q", got)
	}
	for d, want := range map[time.Duration]string{
		30 * time.Second: "just now", 5 * time.Minute: "5 minutes ago", time.Hour: "1 hour ago",
		50 * time.Hour: "2 days ago", 40 * 24 * time.Hour: "1 month ago", 800 * 24 * time.Hour: "2 years ago",
	} {
		now := time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC)
		if got := ago(now, now.Add(-d)); got != want {
			t.Errorf("ago(%v) = %q, want %q", d, got, want)
		}
	}
	// Past 292 years a time.Duration stops growing: the calendar counts.
	y9999 := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	y2020 := time.Date(2020, 1, 8, 13, 25, 0, 0, time.UTC)
	if got := apart(y2020, y9999); got != "7978 years later" {
		t.Errorf("a base in 9999: %q", got)
	}
	if got := apart(y9999, y2020); got != "7978 years earlier" {
		t.Errorf("a version in 9999: %q", got)
	}
	if got := ago(y2020, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)); got != "2019 years ago" {
		t.Errorf("a version in year 1: %q", got)
	}
}

// The timeline draws one cell per version and a mark per gap, never a
// cell for a version that is not there; the header names what is
// missing.
func TestTimelineHasNoPhantomCells(t *testing.T) {
	art := chainArticle(t)
	art.Versions = []model.Version{art.Versions[0], art.Versions[1], art.Versions[3]}
	art.Versions[2].Number = 4
	art.Gaps = []int{1}
	m := newTestModel(t, art, 120, 30)
	for _, w := range []int{4, 5, 30} {
		tl := []rune(m.timeline(w))
		if len(tl) != 4 || tl[2] != '┆' {
			t.Errorf("width %d: timeline %q, want 3 cells and a gap after the second", w, string(tl))
		}
	}
	if tl := []rune(m.timeline(3)); len(tl) != 3 || strings.ContainsRune(string(tl), '┆') {
		t.Errorf("width 3: timeline %q, want 3 cells", string(tl))
	}
	if !strings.Contains(m.View(), "Version 3 missing") {
		t.Errorf("the header does not name the missing version:\n%s", m.View())
	}
}

// A git version shows its short hash, author and subject; the built-in
// sample says it is one.
func TestHeaderNamesCommitsAndTheSample(t *testing.T) {
	art := &model.Article{Title: "story.txt", Source: "git", Versions: []model.Version{
		{Number: 1, Label: "First draft", Author: "Alice Adams", Commit: "0123456789abcdef0123456789abcdef01234567", Paragraphs: []string{"One."}},
		{Number: 2, Label: "Second thoughts", Author: "Zoë O'Brien", Commit: "89abcdef0123456789abcdef0123456789abcdef", Paragraphs: []string{"Two."}},
	}}
	if v := newTestModel(t, art, 120, 24).View(); !strings.Contains(v, "89abcde · Zoë O'Brien · Second thoughts") {
		t.Errorf("the commit is not in the header:\n%s", v)
	}
	o := testOptions()
	o.Sample = true
	m := update(New(seedArticle(t), o), tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := m.View(); !strings.Contains(v, " built-in sample · nytimes · Version 2 of 2") {
		t.Errorf("the sample is not labelled:\n%s", v)
	}
}

// The search's place stays in the footer when the step's figures are too
// long for the width: they give way, cut with "…" (at 40 columns, whole),
// and the place does not. At 80 columns the seed's figures had pushed it
// out of view.
func TestFooterKeepsTheSearchPlaceWhenNarrow(t *testing.T) {
	for _, width := range []int{80, 60, 40} {
		m := press(newTestModel(t, seedArticle(t), width, 24), "/", "L", "i", "b", "y", "a", "enter", "down")
		if m.search == nil || m.notice != "" {
			t.Fatalf("width %d: search %v, notice %q", width, m.search, m.notice)
		}
		place := m.search.status()
		footer := ansi.Strip(strings.Join(m.footerLines(), "\n"))
		if !strings.Contains(footer, place) {
			t.Errorf("width %d: footer\n%s\nlacks %q", width, footer, place)
		}
		if width >= 60 && !strings.Contains(footer, "+460 −257 words") {
			t.Errorf("width %d: footer\n%s\nlacks the start of the figures", width, footer)
		}
	}
}

// A notice too long for the footer loses its middle, not its end: the
// file a page was written to, the end of the article's URL.
func TestLongNoticesKeepTheirEnd(t *testing.T) {
	got := truncateMiddle("wrote /home/reader/papers/russia-and-turkey-make-joint-call-for-cease-fire-in-libya-v4-2.html", 60)
	if ansi.StringWidth(got) != 60 || !strings.HasSuffix(got, "cease-fire-in-libya-v4-2.html") || !strings.HasPrefix(got, "wrote /home/") {
		t.Errorf("%q (%d cells)", got, ansi.StringWidth(got))
	}
	if got := truncateMiddle("short", 60); got != "short" {
		t.Errorf("short: %q", got)
	}
	m := press(newTestModel(t, seedArticle(t), 80, 24), "i")
	if footer := ansi.Strip(strings.Join(m.footerLines(), "\n")); !strings.Contains(footer, "russia-turkey-libya.html") {
		t.Errorf("i at 80 columns:\n%s", footer)
	}
}

// A narrow window keeps the version in the header: the source gives way
// first ("built-in sample · nytimes · Versio…" had cut it), and a window
// too short for the meta line puts the version before the headline
// (where ← had changed nothing but the footer).
func TestNarrowHeaderKeepsTheVersion(t *testing.T) {
	o := testOptions()
	o.Sample = true
	m := New(seedArticle(t), o)
	m = runCmd(m, m.Init())
	m = update(m, tea.WindowSizeMsg{Width: 40, Height: 12})
	if lines := strings.Split(m.View(), "\n"); !strings.Contains(lines[2], "Version 2 of 2") {
		t.Errorf("40×12 header:\n%s", strings.Join(lines[:4], "\n"))
	}
	m = update(m, tea.WindowSizeMsg{Width: 50, Height: 10})
	if first := strings.Split(m.View(), "\n")[0]; !strings.HasPrefix(first, " v2 · Russia") {
		t.Errorf("50×10 header %q", first)
	}
	m = press(m, "<")
	if first := strings.Split(m.View(), "\n")[0]; !strings.HasPrefix(first, " v1 · Russia") {
		t.Errorf("50×10 header after ← %q", first)
	}
	if got := m.metaText(1000); !strings.HasPrefix(got, "built-in sample · nytimes · Version 1 of 2") {
		t.Errorf("wide: %q", got)
	}
}

// A byline that changed is said in the header, the step's one change when
// the text stayed: "by Sean Gallagher, was Dan Goodin".
func TestHeaderSaysTheBylineChanged(t *testing.T) {
	text := []string{"The exploit crashes game servers."}
	art := &model.Article{Versions: []model.Version{
		{Number: 1, Author: "Dan Goodin", Paragraphs: text},
		{Number: 2, Author: "Sean Gallagher", Paragraphs: text},
		{Number: 3, Paragraphs: text},
	}}
	m := newTestModel(t, art, 120, 30)
	if got := m.metaText(1000); !strings.Contains(got, "byline Sean Gallagher removed") {
		t.Errorf("version 3: %q", got)
	}
	m = press(m, "<", "l")
	if got := m.metaText(1000); !strings.Contains(got, "by Sean Gallagher, was Dan Goodin") {
		t.Errorf("version 2: %q", got)
	}
	m = press(m, "<")
	if got := m.metaText(1000); strings.Contains(got, "by") {
		t.Errorf("version 1, nothing before: %q", got)
	}
}
