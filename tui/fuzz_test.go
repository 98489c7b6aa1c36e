package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
)

// FuzzView drives the reader over any article text at any size with any
// keys: nothing panics and no line is wider than the window.
func FuzzView(f *testing.F) {
	f.Add("A first paragraph.\nA second one.", "A first paragraph, edited.\nNew.\nA second one.", "jj]v?qlh", uint8(80), uint8(24))
	f.Add("日本語の文章です。\n👩‍👩‍👧 family", "日本語の文章でした。\n\x1b]0;title\x07", "/日\rnNav", uint8(20), uint8(5))
	f.Add("", "", "G g : 1 \r", uint8(1), uint8(1))
	f.Add("It cost $5. “We won,” he said.", "It cost $6. “We lost,” she said.\nCorrection: An earlier version misstated it.", "}}{d{v}", uint8(40), uint8(12))
	f.Fuzz(func(t *testing.T, old, new, keys string, w, h uint8) {
		art := &model.Article{Title: old[:len(old)/4], Versions: []model.Version{
			{Number: 1, Headline: old[:len(old)/3], Paragraphs: strings.Split(old, "\n")},
			{Number: 2, Headline: new[:len(new)/3], Paragraphs: strings.Split(new, "\n")},
		}}
		if strings.ContainsRune(keys, 'w') || strings.ContainsRune(keys, 'W') {
			t.Chdir(t.TempDir()) // w and W write pages into the current directory
		}
		m := New(art, Options{Styles: DefaultStyles(w%2 == 0), Keys: DefaultKeyMap(), Clock: testOptions().Clock})
		m = runCmd(m, m.Init())
		width, height := int(w)%240+1, int(h)%80+1
		m = update(m, tea.WindowSizeMsg{Width: width, Height: height})
		for _, r := range keys {
			k := string(r)
			switch r {
			case '\r':
				k = "enter"
			case 0x1b:
				k = "esc"
			}
			m = update(m, keyMsg(k))
			checkFits(t, m.View(), width, height)
		}
		checkFits(t, m.View(), width, height)
	})
}
