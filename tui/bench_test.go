package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// BenchmarkFirstFrame is the work between reading the seed and the first
// screen: the model, its first comparison, the layout, the view.
func BenchmarkFirstFrame(b *testing.B) {
	art := seedArticle(b)
	for b.Loop() {
		m := New(art, Options{Styles: DefaultStyles(true), Keys: DefaultKeyMap()})
		m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// benchKeys times Update and View for a cycle of keys on the seed at
// 120×40, per key.
func benchKeys(b *testing.B, keys ...string) {
	m := newTestModel(b, seedArticle(b), 120, 40)
	m.styles = DefaultStyles(true)
	msgs := make([]tea.Msg, len(keys))
	for i, k := range keys {
		msgs[i] = keyMsg(k)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m = update(m, msgs[i%len(msgs)])
		_ = m.View()
	}
}

func BenchmarkKeyParagraph(b *testing.B) { benchKeys(b, "j", "j", "j", "k", "k", "k") }
func BenchmarkKeyVersion(b *testing.B)   { benchKeys(b, "h", "l") }
func BenchmarkKeyView(b *testing.B)      { benchKeys(b, "v") }
func BenchmarkKeyPin(b *testing.B)       { benchKeys(b, "m", "esc") }
func BenchmarkKeyHistory(b *testing.B)   { benchKeys(b, "enter", "esc") }

// BenchmarkSearch100Versions searches 100 versions of a 250-paragraph
// document, a few paragraphs changing per version.
func BenchmarkSearch100Versions(b *testing.B) {
	art := &model.Article{}
	paras := make([]string, 250)
	for i := range paras {
		paras[i] = fmt.Sprintf("Paragraph %d of the report says the council met on day %d and agreed on measure %d, officials said.", i, i%31, i*7)
	}
	for v := 0; v < 100; v++ {
		ps := append([]string(nil), paras...)
		for k := 0; k < 3; k++ {
			j := (v*37 + k*91) % len(ps)
			ps[j] = fmt.Sprintf("Paragraph %d was rewritten in version %d to mention the harbour.", j, v)
		}
		paras = ps
		art.Versions = append(art.Versions, model.Version{Number: v + 1, Paragraphs: ps})
	}
	m := New(art, Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()})
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	b.ResetTimer()
	for b.Loop() {
		m.index = nil // from scratch: the index is part of the first search
		m.runSearch("harbour")
		m = settle(m)
	}
	b.ReportMetric(float64(len(m.search.hits)), "hits")
}

// longHistory is 2,000 versions of a 255-paragraph document (about 110 MB
// of text, shared paragraphs stored once), a few paragraphs changing per
// version.
func longHistory(b *testing.B) *model.Article {
	b.Helper()
	paras := make([]string, 255)
	for i := range paras {
		paras[i] = fmt.Sprintf("Paragraph %d: the council met again on day %d and officials said the measure %d would be debated, "+
			"while residents near the harbour waited for news of the %d families still without power, according to the report.", i, i%31, i*7, i*3)
	}
	art := &model.Article{}
	for v := 0; v < 2000; v++ {
		ps := append([]string(nil), paras...)
		for k := 0; k < 3; k++ {
			j := (v*37 + k*91) % len(ps)
			ps[j] = strings.Replace(ps[j], "officials said", fmt.Sprintf("officials said on day %d", v), 1)
		}
		paras = ps
		art.Versions = append(art.Versions, model.Version{Number: v + 1, Paragraphs: ps})
	}
	return art
}

// BenchmarkLongHistoryFirstFrame is the first frame of a 2,000-version
// history: the reader's model, the newest step and its view.
func BenchmarkLongHistoryFirstFrame(b *testing.B) {
	art := longHistory(b)
	b.ResetTimer()
	for b.Loop() {
		m := New(art, Options{Styles: DefaultStyles(true), Keys: DefaultKeyMap()})
		m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = m.View()
	}
}

// BenchmarkLongHistoryStep steps back through the history, each step a
// comparison not seen before (the worst case: nothing prepared ahead).
func BenchmarkLongHistoryStep(b *testing.B) {
	art := longHistory(b)
	m := New(art, Options{Styles: DefaultStyles(true), Keys: DefaultKeyMap()})
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	left, right := keyMsg("h"), keyMsg(">")
	b.ResetTimer()
	for b.Loop() {
		if m.shown == 0 {
			m = update(m, right)
		}
		m = update(m, left)
		_ = m.View()
	}
}

// BenchmarkLongHistorySearch searches all 2,000 versions.
func BenchmarkLongHistorySearch(b *testing.B) {
	art := longHistory(b)
	m := New(art, Options{Styles: DefaultStyles(false), Keys: DefaultKeyMap()})
	m = update(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	b.ResetTimer()
	for b.Loop() {
		m.index = nil
		m.runSearch("day 1999")
		m = settle(m)
	}
	b.ReportMetric(float64(len(m.search.hits)), "hits")
}

// BenchmarkWrapLongParagraphBeyondASCII wraps one 600 KB paragraph of
// text beyond ASCII (a document pasted as one paragraph, in French): the
// work must grow with the text, not with its square.
func BenchmarkWrapLongParagraphBeyondASCII(b *testing.B) {
	text := strings.TrimSpace(strings.Repeat("Le café de la gare a rouvert après les travaux. ", 12_500))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, ok := wrapPlain(text, 100); !ok {
			b.Fatal("not on the fast path")
		}
	}
}
