package source

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"redline/model"
	"redline/model/internal/modeltest"
	"redline/model/source/newssniffer"
)

func TestBadInputsFailWithOneLine(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := filepath.Join(dir, "empty-folder")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		paths []string
		want  string // a part of the message
	}{
		{"empty file", []string{write("empty.txt", nil)}, "empty.txt: the file is empty"},
		{"blank file", []string{write("blank.txt", []byte(" \n\n\t\n"))}, "blank.txt: the file is empty"},
		{"binary", []string{write("bin.dat", []byte("abc\x00\x01\x02def"))}, "bin.dat:1: binary data"},
		{"no version line", []string{write("prose.txt", []byte("Just some prose.\n\nAnother paragraph.\n"))}, `no "Version a Version b" line`},
		{"missing file", []string{filepath.Join(dir, "nope.txt")}, "nope.txt: no such file or directory"},
		{"empty folder", []string{empty}, "empty-folder: the folder holds no files"},
		{"version line but no table", []string{write("bare.txt", []byte("Version 1 Version 2\n"))}, "bare.txt:1: the comparison table is missing"},
		{"one file twice", []string{write("twice.txt", []byte("One.\n")), filepath.Join(dir, "twice.txt")},
			"twice.txt: named 2 times: one version, nothing to compare it with"},
		// A redline JSON file with a comma lost: its fault and its line,
		// not "not a comparison dump".
		{"broken JSON", []string{write("story.json", []byte("{\n \"versions\": [\n  {\"number\": 1}\n  {\"number\": 2}\n ]\n}\n"))},
			"story.json:4: not valid redline JSON: invalid character '{' after array element"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inputs, err := ReadInputs(c.paths, nil, SortName)
			if err == nil {
				_, err = Read(inputs)
			}
			if err == nil {
				t.Fatal("no error")
			}
			var ie *model.InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %T is not an *InputError", err)
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
				t.Errorf("error %q: want one line containing %q", msg, c.want)
			}
		})
	}
}

func TestSeedWithCRLFAndBOMReadsTheSame(t *testing.T) {
	data, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := newssniffer.ReadDump("seed", data)
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	for name, in := range map[string][]byte{
		"crlf":     crlf,
		"bom":      append([]byte("\xef\xbb\xbf"), data...),
		"bom+crlf": append([]byte("\xef\xbb\xbf"), crlf...),
	} {
		got, err := newssniffer.ReadDump("seed", in)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: reads differently from the clean file", name)
		}
	}
}

func TestInvalidUTF8BecomesReplacementCharacters(t *testing.T) {
	data, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Two bad bytes inside the first word of the last paragraph.
	bad := bytes.Replace(data, []byte("Declan Walsh contributed reporting from Cairo.Declan"),
		[]byte("Dec\xff\xfelan Walsh contributed reporting from Cairo.Dec\xff\xfelan"), 1)
	a, err := newssniffer.ReadDump("bad", bad)
	if err != nil {
		t.Fatal(err)
	}
	v := a.Versions[1]
	if got, want := v.Paragraphs[len(v.Paragraphs)-1], "Dec\uFFFD\uFFFDlan Walsh contributed reporting from Cairo."; got != want {
		t.Errorf("last paragraph %q, want %q", got, want)
	}
	if len(v.Paragraphs) != 19 {
		t.Errorf("%d paragraphs, want 19: the rest must read normally", len(v.Paragraphs))
	}
}

// A NewsSniffer page saved in its own charset reads as the browser shows
// it, whether given by its path or as bytes (standard input).
// Decoding the bytes as UTF-8 first had made every é of a Latin-1 page
// a U+FFFD before the page's <meta charset> was read.
func TestNewsSnifferPageInLatin1ReadsInItsCharset(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>Café diff viewer - News Sniffer</title></head><body>
<table class="version_diff">
<tr><th class="version"><small>Version 1</small></th><th class="version"><small>Version 2</small></th></tr>
<tr id="title"><th class="title">Café</th><th class="title">Café</th></tr>
<tr><td><del>Café crème, naïve façade.</del></td><td><ins>Café crème, naïve façade and more.</ins></td></tr>
</table></body></html>`
	var latin1 []byte
	for _, r := range page {
		latin1 = append(latin1, byte(r)) // every rune of page is below U+0100
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html")
	if err := os.WriteFile(path, latin1, 0o644); err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string]Input{
		"by path":  {Name: path, Path: path},
		"as bytes": {Name: "-", Data: latin1},
	} {
		art, err := Read([]Input{in})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(art.Versions) != 2 {
			t.Fatalf("%s: %d versions", name, len(art.Versions))
		}
		if got, want := art.Versions[1].Paragraphs, []string{"Café crème, naïve façade and more."}; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: version 2 reads %q, want %q", name, got, want)
		}
		if got := art.Versions[0].Headline; got != "Café" {
			t.Errorf("%s: headline %q, want Café", name, got)
		}
	}
}

func TestHugeRowReads(t *testing.T) {
	word := "lorem ipsum dolor sit amet, consectetur adipiscing elit "
	big := strings.TrimSpace(strings.Repeat(word, 1<<20/len(word)+1)) + "."
	dump := "Version 1 Version 2\nTitle Title\n" + big + "\nShort paragraph.Short paragraph.\n"
	a, err := newssniffer.ReadDump("big", []byte(dump))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.Versions[0].Paragraphs) + len(a.Versions[1].Paragraphs); n != 3 {
		t.Errorf("%d paragraphs in all, want 3 (the big one on one side, the short one on both)", n)
	}
}

func TestNaturalOrder(t *testing.T) {
	names := []string{"draft-10", "draft-2", "draft-1", "draft-02b", "a", "draft-2a"}
	want := []string{"a", "draft-1", "draft-2", "draft-2a", "draft-02b", "draft-10"}
	got := append([]string(nil), names...)
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			if model.NaturalLess(got[j], got[i]) {
				got[i], got[j] = got[j], got[i]
			}
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// A plain version's first line is its headline when it reads like one
// (short, no full stop, a blank line after it); the file name is the
// version's label, never its headline.
func TestPlainHeadlines(t *testing.T) {
	cases := []struct{ text, headline, first string }{
		{"Storm hits the coast\n\nThe storm came ashore.\n", "Storm hits the coast", "The storm came ashore."},
		{"Storm hits the coast?\r\n\r\nThe storm came ashore.\r\n", "Storm hits the coast?", "The storm came ashore."},
		{"The storm came ashore.\n\nIt was late.\n", "", "The storm came ashore."},
		{"Storm hits\nthe coast\n\nThe storm came ashore.\n", "", "Storm hits the coast"},
		{"Storm hits the coast\n", "", "Storm hits the coast"},
		{strings.Repeat("word ", 30) + "\n\nBody.\n", "", strings.TrimSpace(strings.Repeat("word ", 30))},
	}
	for _, c := range cases {
		v := ReadPlain("v3.txt", c.text)
		if v.Headline != c.headline || len(v.Paragraphs) == 0 || v.Paragraphs[0] != c.first || v.Label != "v3.txt" {
			t.Errorf("%q: headline %q, paragraphs %q, label %q; want %q, %q first", c.text, v.Headline, v.Paragraphs, v.Label, c.headline, c.first)
		}
	}
	art, err := Read([]Input{
		{Name: "dir/v1.txt", Data: []byte("Storm nears\n\nA storm is coming.\n")},
		{Name: "dir/v2.txt", Data: []byte("Storm hits the coast\n\nThe storm came ashore.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if art.Title != "Storm hits the coast" || art.Versions[0].Headline != "Storm nears" || art.Versions[1].Label != "v2.txt" {
		t.Errorf("title %q, headlines %q %q, label %q", art.Title, art.Versions[0].Headline, art.Versions[1].Headline, art.Versions[1].Label)
	}
	art, _ = Read([]Input{{Name: "v1.txt", Data: []byte("One.\n")}, {Name: "v6.txt", Data: []byte("Two.\n")}})
	if art.Title != "" || art.Versions[1].Headline != "" {
		t.Errorf("no headlines: title %q, headline %q", art.Title, art.Versions[1].Headline)
	}
}

// TestPlainHeadlinesAgree holds ReadPlain and the reading of a head
// (plainHeadlineOfHead, cut at every byte) to one rule; gitlog's test of
// the same cases holds git histories to it.
func TestPlainHeadlinesAgree(t *testing.T) {
	for _, c := range modeltest.PlainHeadlineCases {
		text, err := model.DecodeText("v.txt", []byte(c.Text))
		if err != nil {
			t.Fatal(err)
		}
		if got := ReadPlain("v.txt", text).Headline; got != c.Headline {
			t.Errorf("ReadPlain(%q): headline %q, want %q", c.Text, got, c.Headline)
		}
		for n := 0; n <= len(text); n++ {
			h, decided := plainHeadlineOfHead(text[:n], n == len(text))
			if decided && h != c.Headline {
				t.Errorf("head %q of %q: headline %q, want %q", text[:n], c.Text, h, c.Headline)
			}
			if n == len(text) && !decided {
				t.Errorf("%q whole: not decided", c.Text)
			}
		}
	}
}

// UTF-8 with a stray byte or two of another code page reads each as
// U+FFFD, as browsers do, and the notes say so: a € and a £ then read
// alike, and the edit between them is not seen (it had gone unsaid). A
// file that holds a U+FFFD of its own gets no note.
func TestStrayBytesAreNoted(t *testing.T) {
	art, err := Read([]Input{
		{Name: "v1.txt", Data: []byte("Prices\n\nThe caf\xc3\xa9 costs \x805 now.\n")},
		{Name: "v2.txt", Data: []byte("Prices\n\nThe caf\xc3\xa9 costs \xa35 now.\n")},
		{Name: "v3.txt", Data: []byte("Prices\n\nThe caf\xc3\xa9 costs \xef\xbf\xbd5 now.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2 files are " + model.ReadWithReplacement + ": v1.txt, v2.txt"}
	if !reflect.DeepEqual(art.Notes, want) {
		t.Errorf("notes %q, want %q", art.Notes, want)
	}
}

// Files named one by one are read in the order given, but numbered files
// given out of their numbers' order (a shell's draft-*.txt puts draft-10
// before draft-2) get a note saying so: the step draft-10 → draft-2
// never happened. Names that are not one pattern numbered (old.txt,
// new.txt) are the user's order and get none.
func TestNumberedFilesOutOfOrderGetANote(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, name := range []string{"draft-1.txt", "draft-10.txt", "draft-2.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("Text of "+name+".\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	art := readPaths(t, paths...)
	want := []string{"draft-10.txt is named before draft-2.txt: versions are read in the order named (a shell's * puts 10 before 2); name them in order, or give their folder"}
	if !reflect.DeepEqual(art.Notes, want) || art.Versions[1].Label != "draft-10.txt" {
		t.Errorf("notes %q, want %q", art.Notes, want)
	}
	for _, names := range [][]string{{"draft-1.txt", "draft-2.txt", "draft-10.txt"}, {"old.txt", "new.txt"}} {
		var ins []Input
		for _, n := range names {
			ins = append(ins, Input{Name: filepath.Join(dir, n), Data: []byte("Text of " + n + ".\n")})
		}
		if art, err := Read(ins); err != nil || len(art.Notes) != 0 {
			t.Errorf("%v: %v, notes %q", names, err, art.Notes)
		}
	}
}

// A version saved as Latin-1 beside its UTF-8 copy reads the same (no
// edit of "café" into "caf�"), and the notes say how it was read.
func TestLatin1VersionReadsAsItsUTF8Copy(t *testing.T) {
	art, err := Read([]Input{
		{Name: "v1.txt", Data: []byte("Caf\xe9 cr\xe8me.\n\nThe na\xefve fa\xe7ade.\n")},
		{Name: "v2.txt", Data: []byte("Café crème.\n\nThe naïve façade, painted.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := art.Versions[0].Paragraphs; !reflect.DeepEqual(got, []string{"Café crème.", "The naïve façade."}) {
		t.Errorf("version 1 reads %q", got)
	}
	if want := []string{"v1.txt is not UTF-8: read as Windows-1252 (Latin-1)"}; !reflect.DeepEqual(art.Notes, want) {
		t.Errorf("notes %q, want %q", art.Notes, want)
	}
	// Several such inputs make one note; standard input is named so.
	art, err = Read([]Input{
		{Name: "a.txt", Data: []byte("Caf\xe9.\n")},
		{Name: "-", Data: []byte("Caf\xe9 cr\xe8me.\n")},
		{Name: "c.txt", Data: []byte("Caf\xe9 cr\xe8me br\xfbl\xe9e.\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"3 files are not UTF-8: read as Windows-1252 (Latin-1): a.txt, standard input, c.txt"}; !reflect.DeepEqual(art.Notes, want) {
		t.Errorf("notes %q, want %q", art.Notes, want)
	}
}
