package tui

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"redline/model/source/archive"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	_ "modernc.org/sqlite"
)

// archiveFixture writes a NewsEdits-shaped archive: 30 articles about
// councils with 2 to 6 versions, one about a vote with 7 (the top of the
// list), and one with a single version.
func archiveFixture(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "fixture.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`CREATE TABLE entryversion (entry_id INTEGER, version INTEGER, created TEXT, title TEXT, url TEXT,
		num_versions INTEGER, summary TEXT, archive_url TEXT)`)
	add := func(id, versions int, headline, url string) {
		for v := 0; v < versions; v++ {
			exec(`INSERT INTO entryversion VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`, id, v,
				fmt.Sprintf("2020-02-%02d %02d:00:00", 1+id%27, 1+v), fmt.Sprintf("%s, take %d", headline, v+1), url, versions,
				fmt.Sprintf("<p>Paragraph one of %d.</p><p>Version %d says %d.</p>", id, v, v*v))
		}
	}
	for i := 1; i <= 30; i++ {
		add(i, 2+i%5, fmt.Sprintf("Council %d meets", i), fmt.Sprintf("https://www.example.com/council-%d", i))
	}
	add(100, 7, "Vote counted in the north", "https://news.example.org/vote")
	add(200, 1, "Single sighting", "https://news.example.org/single")
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func openFixture(t testing.TB) *archive.Archive {
	t.Helper()
	a, err := archive.Open(archiveFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

func pickerKey(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// TestArchiveFlow drives the archive program as a reader would: the list
// loads, a filter finds an article, enter opens it in the reader, q
// comes back to the list as it was left, an article with one version
// says so, ctrl+c quits. Each step waits for what it should show.
func TestArchiveFlow(t *testing.T) {
	a := openFixture(t)
	root := NewRoot(a, "fixture.db · NewsEdits", Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()})
	tm := teatest.NewTestModel(t, root, teatest.WithInitialTermSize(100, 30))
	// wait reads the screen's output until all of what has been drawn.
	wait := func(what ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, w := range what {
				if !bytes.Contains(b, []byte(w)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	send := func(keys ...string) {
		for _, k := range keys {
			tm.Send(pickerKey(k))
		}
	}
	wait("32 articles", "Vote counted in the north, take 7")
	send("/", "c", "o", "u", "n", "c", "i", "l", " ", "1", "2")
	wait(`1 matching "council 12"`)
	send("enter", "enter")
	wait("Version 3 (4 of 4)", "Paragraph one of 12.") // NewsEdits numbers from 0
	send("q")
	wait(`1 matching "council 12"`)
	send("esc")
	wait("32 articles · 128 versions")
	send("G", "enter")
	wait("only one version")
	send("ctrl+c")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(Root)
	if s, _ := final.picker.Selected(); final.reading || s.Key != "200" {
		t.Errorf("ended reading=%v on %q, want the list on 200", final.reading, s.Key)
	}
}

// catalogOf is a catalog of n articles whose versions fall with their
// number, so the order is known: key i is row i-1.
func catalogOf(n int) *archive.Catalog {
	list := make([]archive.ArticleSummary, n)
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range list {
		list[i] = archive.ArticleSummary{Key: fmt.Sprint(i + 1), Versions: n + 1 - i,
			Headline: fmt.Sprintf("Headline %d about %s", i+1, []string{"rain", "wind", "snow"}[i%3]),
			URL:      fmt.Sprintf("https://site%d.example/%d", i%7, i+1), FirstSeen: base, LastSeen: base.Add(time.Hour)}
	}
	return archive.NewCatalog(list)
}

func newTestPicker(w, h int) Picker {
	p := NewPicker(nil, PickerOptions{Title: "test", Styles: DefaultStyles(false), Keys: DefaultPickerKeyMap()})
	next, _ := p.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Picker)
}

func feed(p Picker, msgs ...tea.Msg) (Picker, tea.Cmd) {
	var cmd tea.Cmd
	for _, m := range msgs {
		var next tea.Model
		next, cmd = p.Update(m)
		p = next.(Picker)
	}
	return p, cmd
}

func pressPicker(p Picker, keys ...string) Picker {
	for _, k := range keys {
		p, _ = feed(p, pickerKey(k))
	}
	return p
}

func TestPickerKeepsPlaceAsListGrows(t *testing.T) {
	p := newTestPicker(80, 20)
	p, _ = feed(p, catalogMsg{progress: archive.ScanProgress{Articles: catalogOf(50), Fraction: 0.5}})
	p = pressPicker(p, "j", "j", "j")
	sel, _ := p.Selected()
	row := p.cursor - p.offset
	// More versions arrive: five new articles sort above everything.
	grown := catalogOf(55)
	p, _ = feed(p, catalogMsg{progress: archive.ScanProgress{Articles: grown, Fraction: 0.9}})
	now, _ := p.Selected()
	if now.Key != sel.Key || p.cursor-p.offset != row {
		t.Errorf("cursor on %q at row %d, want %q at row %d", now.Key, p.cursor-p.offset, sel.Key, row)
	}

	// A reader who has not moved sees the new top.
	q := newTestPicker(80, 20)
	q, _ = feed(q, catalogMsg{progress: archive.ScanProgress{Articles: catalogOf(10)}})
	q, _ = feed(q, catalogMsg{progress: archive.ScanProgress{Articles: catalogOf(20), Done: true}})
	if s, _ := q.Selected(); s.Key != "1" || q.cursor != 0 {
		t.Errorf("unmoved cursor went to %q", s.Key)
	}
}

func TestPickerFilter(t *testing.T) {
	p := newTestPicker(80, 20)
	p, _ = feed(p, catalogMsg{progress: archive.ScanProgress{Articles: catalogOf(30), Done: true}})
	p = pressPicker(p, "/", "s", "n", "o", "w")
	if !p.filtering || p.query != "snow" || len(p.match) != 10 {
		t.Fatalf("filtering %v on %q: %d rows", p.filtering, p.query, len(p.match))
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, `10 matching "snow"`) || !strings.Contains(v, "/snow") {
		t.Errorf("view while filtering:\n%s", v)
	}
	if p = pressPicker(p, "down", "down"); p.cursor != 2 {
		t.Errorf("arrows while typing: cursor %d", p.cursor)
	}
	p = pressPicker(p, " ", "site3") // words, in any field
	if len(p.match) == 0 {
		t.Fatal("snow site3 matches nothing")
	}
	for _, i := range p.match {
		s := p.catalog.At(i)
		if !strings.Contains(s.Headline, "snow") || !strings.Contains(s.URL, "site3") {
			t.Errorf("%+v matched", s)
		}
	}
	p = pressPicker(p, "backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	if p.query != "snow" || len(p.match) != 10 {
		t.Errorf("after deleting: %q, %d rows", p.query, len(p.match))
	}
	p = pressPicker(p, "enter")
	if p.filtering || p.query != "snow" {
		t.Errorf("enter: filtering %v on %q", p.filtering, p.query)
	}
	_, cmd := feed(p, pickerKey("enter"))
	if cmd == nil {
		t.Fatal("enter on an article sent nothing")
	}
	if msg, ok := cmd().(OpenArticleMsg); !ok || msg.Key != "3" {
		t.Errorf("enter sent %#v, want OpenArticleMsg for 3 (the first snow)", msg)
	}
	p = pressPicker(p, "esc")
	if p.query != "" || len(p.match) != 30 {
		t.Errorf("esc left %q, %d rows", p.query, len(p.match))
	}
	p = pressPicker(p, "/", "x", "y", "z", "esc")
	if p.filtering || p.query != "" || len(p.match) != 30 {
		t.Errorf("esc while typing left %q", p.query)
	}
}

func TestPickerQuitsAndPages(t *testing.T) {
	p := newTestPicker(80, 12)
	p, _ = feed(p, catalogMsg{progress: archive.ScanProgress{Articles: catalogOf(100), Done: true}})
	p = pressPicker(p, " ")
	if p.cursor == 0 || p.offset == 0 {
		t.Errorf("page down: cursor %d offset %d", p.cursor, p.offset)
	}
	p = pressPicker(p, "G")
	if s, _ := p.Selected(); s.Key != "100" {
		t.Errorf("G went to %q", s.Key)
	}
	_, cmd := feed(p, pickerKey("q"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Error("q did not quit")
	}
}

// TestPickerViewFits: every line fits the window at every size, with and
// without a list, and nothing panics.
func TestPickerViewFits(t *testing.T) {
	for _, c := range []*archive.Catalog{nil, catalogOf(0), catalogOf(40)} {
		for _, w := range []int{1, 19, 20, 40, 59, 60, 80, 99, 100, 160} {
			for _, h := range []int{1, 5, 8, 30} {
				p := newTestPicker(w, h)
				if c != nil {
					p, _ = feed(p, catalogMsg{progress: archive.ScanProgress{Articles: c, Done: true}})
				}
				p = pressPicker(p, "?")
				for i, l := range strings.Split(p.View(), "\n") {
					if ansi.StringWidth(l) > w {
						t.Errorf("%d×%d line %d is %d wide: %q", w, h, i, ansi.StringWidth(l), l)
					}
				}
				if n := strings.Count(p.View(), "\n") + 1; h >= minHeight && w >= minWidth && n > h {
					t.Errorf("%d×%d: %d lines", w, h, n)
				}
			}
		}
	}
}

// TestRootOpensAndComesBack: open an article, go back, and find the list
// where it was; a failed open leaves a notice on the list.
func TestRootOpensAndComesBack(t *testing.T) {
	a := openFixture(t)
	if _, err := a.Scan(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	r := NewRoot(a, "fixture", Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()})
	step := func(msg tea.Msg) tea.Cmd {
		t.Helper()
		next, cmd := r.Update(msg)
		r = next.(Root)
		return cmd
	}
	step(tea.WindowSizeMsg{Width: 90, Height: 24})
	// The list's scan: the archive was read already, so one report.
	msg := r.Init()()
	step(msg)
	step(pickerKey("j"))
	step(pickerKey("j"))
	before, _ := r.picker.Selected()
	cmd := step(pickerKey("enter"))
	open := cmd().(OpenArticleMsg)
	load := step(open)
	if !strings.Contains(r.View(), "opening "+before.Key) {
		t.Errorf("no sign of opening:\n%s", r.View())
	}
	step(load())
	if !r.reading || r.reader.width != 90 || r.reader.art.Versions[0].Paragraphs[0] != "Paragraph one of "+before.Key+"." {
		t.Fatalf("reading %v at width %d", r.reading, r.reader.width)
	}
	step(tea.WindowSizeMsg{Width: 70, Height: 20})
	if r.reader.width != 70 || r.picker.width != 70 {
		t.Errorf("resize reached reader %d, picker %d", r.reader.width, r.picker.width)
	}
	back := step(pickerKey("q"))
	stale := back() // the first reader's BackMsg, tagged with that reader
	step(stale)
	if after, _ := r.picker.Selected(); r.reading || after.Key != before.Key {
		t.Errorf("back on %q (reading %v), want %q", after.Key, r.reading, before.Key)
	}
	// Open it again; a late message of the closed reader must not close
	// the new one.
	load = step(step(pickerKey("enter"))())
	step(load())
	step(stale)
	if !r.reading {
		t.Fatal("a closed reader's BackMsg closed the next reader")
	}
	step(step(pickerKey("q"))())
	step(pickerKey("G"))
	load = step(step(pickerKey("enter"))())
	step(load())
	if r.reading || !strings.Contains(r.View(), "only one version") {
		t.Errorf("a one-version article:\n%s", r.View())
	}
	if cmd := step(pickerKey("ctrl+c")); cmd == nil || cmd() != tea.Quit() {
		t.Error("ctrl+c did not quit")
	}
}

// BenchmarkPickerFilterKeystroke is one keystroke of a filter over
// 100,000 articles: Update (the filter) and View (the screen), typing
// "minister" a letter at a time, then clearing it.
func BenchmarkPickerFilterKeystroke(b *testing.B) {
	words := []string{"minister", "council", "storm", "vote", "court", "market", "strike", "flood"}
	list := make([]archive.ArticleSummary, 100_000)
	for i := range list {
		list[i] = archive.ArticleSummary{Key: fmt.Sprint(i), Versions: 1 + i%40,
			Headline: fmt.Sprintf("The %s said on day %d that the %s and the %s would meet again", words[i%8], i, words[(i/8)%8], words[(i/64)%8]),
			URL:      fmt.Sprintf("https://www.site%d.example.com/2020/%02d/story-%d.html", i%50, 1+i%12, i)}
	}
	p := newTestPicker(120, 40)
	p, _ = feed(p, catalogMsg{progress: archive.ScanProgress{Articles: archive.NewCatalog(list), Done: true}})
	p = pressPicker(p, "/")
	keys := []string{"m", "i", "n", "i", "s", "t", "e", "r"}
	for _, k := range keys { // the first filter folds the text once
		p = pressPicker(p, k)
	}
	for range keys {
		p = pressPicker(p, "backspace")
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, k := range keys {
			p = pressPicker(p, k)
			_ = p.View()
		}
		for range keys {
			p = pressPicker(p, "backspace")
			_ = p.View()
		}
		n += 2 * len(keys)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n)/1000, "ms/keystroke")
}

// BenchmarkPickerFirstScreen is the picker's part of the first screen:
// taking the scan's first report of 100,000 articles and drawing it.
func BenchmarkPickerFirstScreen(b *testing.B) {
	c := catalogOf(100_000)
	for b.Loop() {
		p := newTestPicker(120, 40)
		p, _ = feed(p, catalogMsg{progress: archive.ScanProgress{Articles: c, Fraction: 0.1}})
		_ = p.View()
	}
}
