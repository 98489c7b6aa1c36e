package tui

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"redline/model"
	"redline/model/diff"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
)

func TestPrintGoldens(t *testing.T) {
	art := seedArticle(t)
	for _, width := range []int{40, 100} {
		for _, color := range []bool{false, true} {
			name := "plain_" + strconv.Itoa(width)
			if color {
				name = "color_" + strconv.Itoa(width)
			}
			t.Run(name, func(t *testing.T) {
				if color {
					lipgloss.SetColorProfile(termenv.ANSI256)
					lipgloss.SetHasDarkBackground(true)
					defer lipgloss.SetColorProfile(termenv.Ascii)
				}
				var b bytes.Buffer
				err := Print(&b, art, PrintOptions{Base: -1, Shown: 1, Width: width, Styles: DefaultStyles(color)})
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range strings.Split(b.String(), "\n") {
					if w := ansi.StringWidth(l); w > width {
						t.Errorf("line %q is %d wide", l, w)
					}
				}
				golden.RequireEqual(t, b.String())
			})
		}
	}
}

func TestPrintMarksEveryEdit(t *testing.T) {
	var b bytes.Buffer
	if err := Print(&b, seedArticle(t), PrintOptions{Base: -1, Shown: 1, Width: 80, Styles: DefaultStyles(false)}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"{+have+} called [-in a joint statement", // an edit
		"[-“Today our President Erdogan",         // a removed paragraph, one [-…-]
		"Cavusoglu announced.-]",                 // … closed once at its end
		"↕@  moved from ¶7",                      // a move and where from
		"moved to ¶5 · It is not clear",          // and where it went
		"{+Analysts say the Russians",            // an added paragraph
		"+460 −257 words · # 5 numbers",          // the figures, kinds first
		"¶ edited · 5 moved · 8 added",           // and paragraphs
	} {
		if !strings.Contains(out, want) {
			t.Errorf("print lacks %q", want)
		}
	}
	if strings.Count(out, "[-“Today our") != 1 || strings.Count(out, "[-") != strings.Count(out, "-]") {
		t.Errorf("markers do not pair up")
	}
}

func TestPrintViews(t *testing.T) {
	art := seedArticle(t)
	for _, view := range []string{"inline", "side", "clean"} {
		var b bytes.Buffer
		if err := Print(&b, art, PrintOptions{Base: -1, Shown: 1, Width: 100, View: view, Styles: DefaultStyles(false)}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		switch view {
		case "clean":
			if strings.Contains(out, "[-") || strings.Contains(out, "{+") {
				t.Errorf("clean view shows edits")
			}
		case "side":
			if !strings.Contains(out, " │ ") {
				t.Errorf("side view has no columns")
			}
		}
	}
	var b bytes.Buffer
	if err := Print(&b, art, PrintOptions{Base: -1, Shown: 1, View: "sideways", Styles: DefaultStyles(false)}); err == nil {
		t.Errorf("an unknown view prints")
	}
}

// A comparison the caller has made is the one printed, not made again
// (--print --all makes each step's once, for its header and its body).
func TestPrintUsesTheComparisonGiven(t *testing.T) {
	art := seedArticle(t)
	cmp := diff.Compare(art.Versions[0], art.Versions[1])
	cmp.Stats.WordsAdded = 12345 // a mark no comparison of the seed makes
	var b bytes.Buffer
	if err := Print(&b, art, PrintOptions{Base: -1, Shown: 1, Width: 80, Styles: DefaultStyles(false), Comparison: cmp}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "+12345 −257 words") {
		t.Errorf("the comparison given was not printed:\n%.300s", b.String())
	}
}

// In the side view, a merge whose paragraphs moved shows their old text
// at the marker where they left, and the merged text where it stands:
// the marker's column had been empty, the old text shown at the merge.
func TestSideViewOfAMovedMerge(t *testing.T) {
	p := func(s string) string { return s + " The council met again and the harbour waited for news." }
	a, b, d, e, f := p("Alpha said."), p("Bravo said."), p("Charlie said."), p("Delta said."), p("Echo said.")
	art := &model.Article{Versions: []model.Version{
		{Number: 1, Paragraphs: []string{a, b, "The minister announced a new budget for schools.", "Opposition leaders called it a gimmick.", d, e, f}},
		{Number: 2, Paragraphs: []string{a, b, "The minister announced a new budget for schools. Opposition leaders called it a gimmick.", d, e, f}},
	}}
	// The merged pair moved above b: b reads as kept, the merge as moved.
	art.Versions[1].Paragraphs = []string{a, art.Versions[1].Paragraphs[2], b, d, e, f}
	var out strings.Builder
	if err := Print(&out, art, PrintOptions{Base: 0, Shown: 1, Width: 140, View: "side", Styles: DefaultStyles(false)}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	for i, l := range lines {
		if strings.Contains(l, "moved to ¶") {
			if i+1 >= len(lines) || !strings.Contains(strings.Split(lines[i+1], "│")[0], "The minister announced") {
				t.Errorf("the marker's column lacks the old text:\n%s", out.String())
			}
			return
		}
	}
	t.Errorf("no moved merge:\n%s", out.String())
}
