package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"redline/model"
)

// printed is --print --no-color of a two-version article at width.
func printed(t *testing.T, a, b model.Version, width int, view string) string {
	t.Helper()
	a.Number, b.Number = 1, 2
	art := &model.Article{Title: "t", Versions: []model.Version{a, b}}
	var sb strings.Builder
	if err := Print(&sb, art, PrintOptions{Base: -1, Shown: 1, Width: width, View: view, Styles: DefaultStyles(false)}); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}

// TestPrintSideBySideReadsEachVersion: each column reads exactly as its
// version, not "noise ." on the old side.
func TestPrintSideBySideReadsEachVersion(t *testing.T) {
	out := printed(t, model.Version{Paragraphs: []string{"The mayor spoke about noise."}},
		model.Version{Paragraphs: []string{"The mayor spoke about noise and traffic."}}, 60, "side")
	if strings.Contains(out, "noise .") || !strings.Contains(out, "noise.") || !strings.Contains(out, "{+and traffic+}.") {
		t.Errorf("side by side:\n%s", out)
	}
}

// TestPrintMarkersNeverBreak: in Chinese, where lines break between
// characters, no line ends inside an edit marker.
func TestPrintMarkersNeverBreak(t *testing.T) {
	out := printed(t, model.Version{Paragraphs: []string{"市政府宣布将于今年秋天开始实施新的交通规划方案。"}},
		model.Version{Paragraphs: []string{"市政府宣布将于下个月开始实施新的交通规划方案。"}}, 20, "")
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimRight(l, " ")
		if strings.HasSuffix(l, "[") || strings.HasSuffix(l, "{") || strings.HasPrefix(strings.TrimLeft(l, " ~"), "-]") ||
			strings.HasPrefix(strings.TrimLeft(l, " ~"), "+}") || strings.HasPrefix(strings.TrimLeft(l, " ~"), "-") {
			t.Errorf("a marker breaks at %q:\n%s", l, out)
		}
	}
	if !strings.Contains(out, "[-今年秋天-]") {
		t.Errorf("edit not marked whole:\n%s", out)
	}
}

// TestPrintHeadlineOnlyStep: a step that changed only the headline says
// so, and the headline is a stop in the body.
func TestPrintHeadlineOnlyStep(t *testing.T) {
	p := []string{"Nothing else changed in this article."}
	out := printed(t, model.Version{Headline: "Talks Stall", Paragraphs: p}, model.Version{Headline: "Talks Collapse", Paragraphs: p}, 80, "")
	if !strings.Contains(out, "headline changed") || !strings.Contains(out, "headline · Talks [-Stall-]{+Collapse+}") {
		t.Errorf("headline-only step:\n%s", out)
	}
	m := newTestModel(t, &model.Article{Title: "t", Versions: []model.Version{
		{Number: 1, Headline: "Talks Stall", Paragraphs: p}, {Number: 2, Headline: "Talks Collapse", Paragraphs: p}}}, 80, 24)
	if !m.doc.blocks[0].changed() || !m.doc.blocks[0].headline {
		t.Errorf("the headline is not a stop: %+v", m.doc.blocks[0])
	}
}

// TestPrintCountsReadRight: the first version of one paragraph says
// "1 paragraph"; a quote-style change and a punctuation edit are named.
func TestPrintCountsReadRight(t *testing.T) {
	art := &model.Article{Title: "t", Versions: []model.Version{{Number: 1, Paragraphs: []string{"A."}}}}
	m := newTestModel(t, art, 80, 24)
	if got := m.statsText(); got != "first version · 1 paragraph" {
		t.Errorf("stats %q", got)
	}
	out := printed(t, model.Version{Paragraphs: []string{`He said it was "encouraging".`, "A."}},
		model.Version{Paragraphs: []string{"He said it was “encouraging”.", "A!"}}, 80, "")
	for _, want := range []string{`[-"-]{+“+}encouraging[-"-]{+”+}.`, "A[-.-]{+!+}", "+0 −0 words · 2 ¶ edited · 1 punctuation edit · 2 typographic edits"} {
		if !strings.Contains(out, want) {
			t.Errorf("print lacks %q:\n%s", want, out)
		}
	}
}

// TestHeadlineHasAHistory: enter on the headline's block follows the
// headline through every version, as it follows a paragraph.
func TestHeadlineHasAHistory(t *testing.T) {
	p := []string{"Nothing else changed in this article."}
	m := newTestModel(t, &model.Article{Title: "t", Versions: []model.Version{
		{Number: 1, Headline: "Talks Stall", Paragraphs: p},
		{Number: 2, Headline: "Talks Stall", Paragraphs: append(p, "A new paragraph.")},
		{Number: 3, Headline: "Talks Collapse", Paragraphs: p}}}, 80, 24)
	m.cursor = 0
	m = press(m, "enter")
	if m.mode != modeHistory || !m.history.headline() {
		t.Fatalf("enter on the headline opened no history (mode %d)", m.mode)
	}
	v := m.View()
	for _, want := range []string{"history of the headline · 2 forms", "Version 1 · first appears", "Talks Stall", "Version 2 · unchanged", "Version 3 · edited", "Talks [-Stall-]{+Collapse+}"} {
		if !strings.Contains(v, want) {
			t.Errorf("the headline's history lacks %q:\n%s", want, v)
		}
	}
}

// A version with no headline never shows another's above it as its own:
// one that dropped its headline shows it struck through, and one whose
// base had none either says it has none before the article's title (the
// newest headline any version has, or a file's name), which had stood
// there unmarked, as if it were this version's.
func TestNoHeadlineIsNeverAnothersHeadline(t *testing.T) {
	art := &model.Article{Title: "Mayor resigns over scandal", Versions: []model.Version{
		{Number: 1, Headline: "Mayor resigns over scandal", Paragraphs: []string{"The mayor resigned."}},
		{Number: 2, Paragraphs: []string{"The mayor resigned on Monday."}},
		{Number: 3, Paragraphs: []string{"The mayor resigned on Monday night."}},
	}}
	for shown, want := range map[int]string{1: "[-Mayor resigns over scandal-]", 2: "(no headline) · Mayor resigns over scandal"} {
		var sb strings.Builder
		if err := Print(&sb, art, PrintOptions{Base: -1, Shown: shown, Width: 80, Styles: DefaultStyles(false)}); err != nil {
			t.Fatal(err)
		}
		if first, _, _ := strings.Cut(sb.String(), "\n"); first != want {
			t.Errorf("Version %d opens %q, want %q", shown+1, first, want)
		}
	}
	// The newest versions alone, as the fast read of a folder gives
	// them, with the title an older file's headline: still marked.
	art.Versions = art.Versions[1:]
	var sb strings.Builder
	if err := Print(&sb, art, PrintOptions{Base: -1, Shown: 1, Width: 80, Styles: DefaultStyles(false)}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sb.String(), "(no headline) · Mayor resigns over scandal\n") {
		t.Errorf("newest versions only: %q", sb.String())
	}
}

// A jump to an edit or to a search's match in a paragraph taller than
// the window shows the edit or the match, not only the paragraph's top:
// ] and / had said "¶ 1 of 1" with the changed word out of view.
func TestJumpsShowTheEditInATallParagraph(t *testing.T) {
	words := make([]string, 1500)
	for i := range words {
		words[i] = fmt.Sprintf("word%d", i)
	}
	old := strings.Join(words, " ") + "."
	words[1200] = "MILLIONS"
	art := &model.Article{Versions: []model.Version{
		{Number: 1, Paragraphs: []string{"A short first paragraph.", old}},
		{Number: 2, Paragraphs: []string{"A short first paragraph.", strings.Join(words, " ") + "."}},
	}}
	for _, keys := range [][]string{{"]"}, {"}"}, {"/", "M", "I", "L", "L", "I", "O", "N", "S", "enter"}} {
		m := press(newTestModel(t, art, 80, 24), keys...)
		// In the body: the footer names the query too.
		if body := ansi.Strip(strings.Join(m.bodyLines(m.bodyHeight()), "\n")); !strings.Contains(body, "MILLIONS") {
			t.Errorf("%v: the edit is not on screen:\n%s", keys, body)
		}
	}
}
