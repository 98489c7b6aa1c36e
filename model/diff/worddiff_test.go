package diff

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// spell rebuilds the old (Equal+Delete) and new (Equal+Insert) texts.
func spellEdits(edits []Edit) (old, new string) {
	var a, b strings.Builder
	for _, e := range edits {
		a.WriteString(e.OldText())
		b.WriteString(e.NewText())
	}
	return a.String(), b.String()
}

// checkEditShape asserts what every consumer of edits relies on: they
// spell both texts, no edit is empty, and between two equal runs there is
// at most one deletion followed by at most one insertion.
func checkEditShape(t *testing.T, a, b string, edits []Edit) {
	t.Helper()
	if gotA, gotB := spellEdits(edits); gotA != a || gotB != b {
		t.Fatalf("WordDiff(%q, %q) = %q\nspells %q and %q", a, b, edits, gotA, gotB)
	}
	for k, e := range edits {
		if e.Text == "" {
			t.Fatalf("WordDiff(%q, %q): empty edit at %d: %q", a, b, k, edits)
		}
		if k == 0 {
			continue
		}
		prev := edits[k-1].Op
		if prev == e.Op || prev == OpInsert && e.Op == OpDelete {
			t.Fatalf("WordDiff(%q, %q): %v follows %v at %d: %q", a, b, e.Op, prev, k, edits)
		}
	}
}

func TestWordDiff(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want []Edit
	}{
		{"both empty", "", "", nil},
		{"identical", "The cat sat.", "The cat sat.", []Edit{{Op: OpEqual, Text: "The cat sat."}}},
		{"all new", "", "A new line.", []Edit{{Op: OpInsert, Text: "A new line."}}},
		{"all gone", "An old line.", "", []Edit{{Op: OpDelete, Text: "An old line."}}},
		{"one word replaced", "The cat sat.", "The dog sat.",
			[]Edit{{Op: OpEqual, Text: "The "}, {Op: OpDelete, Text: "cat"}, {Op: OpInsert, Text: "dog"}, {Op: OpEqual, Text: " sat."}}},
		{"word inserted, space trails", "in Libya", "in the Libya",
			[]Edit{{Op: OpEqual, Text: "in "}, {Op: OpInsert, Text: "the "}, {Op: OpEqual, Text: "Libya"}}},
		{"word deleted", "Russia only became involved", "Russia became involved",
			[]Edit{{Op: OpEqual, Text: "Russia "}, {Op: OpDelete, Text: "only "}, {Op: OpEqual, Text: "became involved"}}},
		{"punctuation is its own token", "Tripoli and announced", "Tripoli. Turkey announced",
			[]Edit{{Op: OpEqual, Text: "Tripoli"}, {Op: OpDelete, Text: " and"}, {Op: OpInsert, Text: ". Turkey"}, {Op: OpEqual, Text: " announced"}}},
		{"whole words, not letters", "appeared to", "appear to",
			[]Edit{{Op: OpDelete, Text: "appeared"}, {Op: OpInsert, Text: "appear"}, {Op: OpEqual, Text: " to"}}},
		{"space between two changes joins them", "begin Saturday night, stepping", "begin this weekend, stepping",
			[]Edit{{Op: OpEqual, Text: "begin "}, {Op: OpDelete, Text: "Saturday night"}, {Op: OpInsert, Text: "this weekend"}, {Op: OpEqual, Text: ", stepping"}}},
		{"CJK character by character", "日本語の文章", "日本語の記事",
			[]Edit{{Op: OpEqual, Text: "日本語の"}, {Op: OpDelete, Text: "文章"}, {Op: OpInsert, Text: "記事"}}},
		{"combining mark stays on its letter", "cafe\u0301 noir", "cafe noir",
			[]Edit{{Op: OpDelete, Text: "cafe\u0301"}, {Op: OpInsert, Text: "cafe"}, {Op: OpEqual, Text: " noir"}}},
		{"emoji sequence is one token", "we 👩‍👩‍👧 all", "we 👩‍👩‍👦 all",
			[]Edit{{Op: OpEqual, Text: "we "}, {Op: OpDelete, Text: "👩‍👩‍👧"}, {Op: OpInsert, Text: "👩‍👩‍👦"}, {Op: OpEqual, Text: " all"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WordDiff(tt.a, tt.b)
			checkEditShape(t, tt.a, tt.b, got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("WordDiff(%q, %q)\n got %q\nwant %q", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestScanTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Hello,  world!", []string{"Hello", ",", "  ", "world", "!"}},
		{"cease-fire 00:00", []string{"cease", "-", "fire", " ", "00", ":", "00"}},
		{"Europe’s “plan”", []string{"Europe", "’", "s", " ", "“", "plan", "”"}},
		{"日本語の文章", []string{"日", "本", "語", "の", "文", "章"}},
		{"Tokyo東京2020", []string{"Tokyo", "東", "京", "2020"}},
		{"cafe\u0301s", []string{"cafe\u0301s"}},
		{"e\u0301", []string{"e\u0301"}},
		{"\u0301x", []string{"\u0301x"}},
		{"a👩‍👩‍👧b", []string{"a", "👩‍👩‍👧", "b"}},
		{"🇫🇷🇩🇪", []string{"🇫🇷", "🇩🇪"}},
		{"x\r\n\ty", []string{"x", "\r\n\t", "y"}},
		{"a\u00a0b", []string{"a", "\u00a0", "b"}},
		{"Straße İstanbul", []string{"Straße", " ", "İstanbul"}},
		{"bad\xffbyte", []string{"bad", "\xff", "byte"}},
	}
	for _, tt := range tests {
		var got []string
		scanTokens(tt.in, func(tok string, _ tokenClass) { got = append(got, tok) })
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("scanTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{" , . — ", 0},
		{"The cat sat.", 3},
		{"cease-fire at 00:00", 5},
		{"日本語の文章", 6},
		{"café 👩‍👩‍👧 e\u0301", 2},
	}
	for _, tt := range tests {
		if got := countWords(tt.in); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestWordDiffEditsNeverSplitCharacters checks that an edit inside a run
// of CJK text, or next to accents and emoji, only ever cuts between
// grapheme clusters.
func TestWordDiffEditsNeverSplitCharacters(t *testing.T) {
	pairs := [][2]string{
		{"日本語の文章を読む", "日本語の記事を読む"},
		{"日本語の文章", "日本語文章"},
		{"中文句子很长", "中文段落很长"},
		{"re\u0301sume\u0301 e\u0301te\u0301", "resume e\u0301te\u0301"},
		{"👩‍👩‍👧👍🏽", "👩‍👩‍👦👍🏽"},
		{"🇫🇷🇩🇪🇮🇹", "🇫🇷🇮🇹"},
	}
	for _, p := range pairs {
		edits := WordDiff(p[0], p[1])
		checkEditShape(t, p[0], p[1], edits)
		for _, e := range edits {
			if !utf8.ValidString(e.Text) {
				t.Errorf("WordDiff(%q, %q): edit %q is not valid UTF-8", p[0], p[1], e.Text)
			}
			if r, _ := utf8.DecodeRuneInString(e.Text); unicode.Is(unicode.Mn, r) || r == '\u200d' || unicode.Is(unicode.Sk, r) {
				t.Errorf("WordDiff(%q, %q): edit %q starts inside a character", p[0], p[1], e.Text)
			}
		}
	}
}

// TestWordDiffRoundTrip is the property every renderer relies on, over
// random texts mixing scripts, emoji, accents, odd whitespace and bytes
// that are not UTF-8.
func TestWordDiffRoundTrip(t *testing.T) {
	pieces := []string{
		"the", "The", "cat", "sat", "on", "mat", "Libya", "cease", "fire", "00", "12",
		" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u3000",
		",", ".", "—", "-", "“", "”", "’", "!", "?",
		"日", "本", "語", "の", "文", "章", "記", "事", "カ", "タ",
		"👩‍👩‍👧", "👍🏽", "🇫🇷", "1️⃣",
		"e\u0301", "\u0301", "é", "ß", "İ", "ﬁ",
		"\xff", "\xe2\x80", "\r\n",
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		var sb strings.Builder
		for n := rnd.IntN(30); n > 0; n-- {
			sb.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		return sb.String()
	}
	mutate := func(s string) string {
		// Usually a near copy, which is what revisions look like.
		var sb strings.Builder
		scanTokens(s, func(tok string, _ tokenClass) {
			switch rnd.IntN(8) {
			case 0: // drop
			case 1:
				sb.WriteString(pieces[rnd.IntN(len(pieces))])
			case 2:
				sb.WriteString(tok)
				sb.WriteString(pieces[rnd.IntN(len(pieces))])
			default:
				sb.WriteString(tok)
			}
		})
		return sb.String()
	}
	for n := 0; n < 3000; n++ {
		a := text()
		b := mutate(a)
		if n%4 == 0 {
			b = text()
		}
		edits, counts := wordDiff(a, b)
		del, ins := counts.deleted, counts.inserted
		checkEditShape(t, a, b, edits)
		wantDel, wantIns := 0, 0
		for _, e := range edits {
			switch e.Op {
			case OpDelete:
				wantDel += countWords(e.Text)
			case OpInsert:
				wantIns += countWords(e.Text)
			}
		}
		if del != wantDel || ins != wantIns {
			t.Fatalf("wordDiff(%q, %q) counts %d/%d words, edits hold %d/%d", a, b, del, ins, wantDel, wantIns)
		}
	}
}

func TestSymbolRunes(t *testing.T) {
	for _, k := range []int{0, 1, 100, 0xFFFD - symbolBase - 1, 0xFFFD - symbolBase, 0xFFFD - symbolBase + 1, maxSymbols - 1} {
		r := symbolRune(k)
		if r == utf8.RuneError || (0xD800 <= r && r <= 0xDFFF) || !utf8.ValidRune(r) {
			t.Errorf("symbolRune(%d) = %U, not a usable rune", k, r)
		}
		if got := symbolIndex(r); got != k {
			t.Errorf("symbolIndex(symbolRune(%d)) = %d", k, got)
		}
	}
	for _, r := range []rune{'a', 0xDFFF, utf8.RuneError, unicode.MaxRune + 1} {
		if got := symbolIndex(r); got != -1 {
			t.Errorf("symbolIndex(%U) = %d, want -1", r, got)
		}
	}
}

func TestRoundTripsRejectsWrongEdits(t *testing.T) {
	if roundTrips([]Edit{{Op: OpEqual, Text: "ab"}}, "ab", "ac") {
		t.Error("an equal run that only one side has was accepted")
	}
	if roundTrips([]Edit{{Op: OpDelete, Text: "a"}}, "ab", "") {
		t.Error("edits that stop short were accepted")
	}
	if !roundTrips([]Edit{{Op: OpDelete, Text: "a"}, {Op: OpInsert, Text: "b"}}, "a", "b") {
		t.Error("a correct replacement was rejected")
	}
}

func TestOpString(t *testing.T) {
	for op, want := range map[Op]string{OpEqual: "equal", OpDelete: "delete", OpInsert: "insert", Op(9): "op(?)"} {
		if got := op.String(); got != want {
			t.Errorf("Op(%d).String() = %q, want %q", op, got, want)
		}
	}
}

func BenchmarkWordDiffParagraph(b *testing.B) {
	a := "ISTANBUL — Russia and Turkey called in a joint statement on Wednesday for a cease-fire in Libya to begin Saturday night, stepping in to provide the military muscle to try to resolve a conflict that Western powers and the United Nations have struggled to end."
	c := "ISTANBUL — Russia and Turkey have called for a cease-fire in Libya to begin this weekend, stepping in on Wednesday to try to resolve a conflict that Western powers and the United Nations have struggled to end."
	for b.Loop() {
		WordDiff(a, c)
	}
}

// FuzzWordDiff looks for inputs that panic or break the round trip.
func FuzzWordDiff(f *testing.F) {
	f.Add("The cat sat.", "The dog sat.")
	f.Add("日本語の文章", "日本語の記事")
	f.Add("e\u0301 👩‍👩‍👧", "e 👩‍👩‍👦")
	f.Add("a\xffb", "a\xfeb")
	f.Fuzz(func(t *testing.T, a, b string) {
		edits, counts := wordDiff(a, b)
		del, ins := counts.deleted, counts.inserted
		checkEditShape(t, a, b, edits)
		if del < 0 || ins < 0 {
			t.Fatalf("negative word counts %d %d", del, ins)
		}
	})
}
