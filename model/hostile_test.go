package model

import (
	"strings"
	"testing"
)

func TestDecodeUTF16(t *testing.T) {
	le := []byte{0xff, 0xfe, 'h', 0, 0xe9, 0, '\r', 0, '\n', 0, 0x3d, 0xd8, 0x00, 0xde}
	be := []byte{0xfe, 0xff, 0, 'h', 0, 0xe9, 0, '\n'}
	for _, c := range []struct {
		in   []byte
		want string
	}{{le, "hé\n😀"}, {be, "hé\n"}} {
		got, err := DecodeText("x", c.in)
		if err != nil || got != c.want {
			t.Errorf("DecodeText(% x) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

func TestReadJSONRefusesTrailingBytes(t *testing.T) {
	_, err := ReadJSON("a.json", []byte("{\"versions\":[{\"number\":1}]}\n\n  {\"x\":1}"))
	if err == nil || !strings.Contains(err.Error(), "offset 31") || !strings.Contains(err.Error(), "a.json:3") {
		t.Errorf("err = %v", err)
	}
	if _, err := ReadJSON("a.json", []byte("{\"versions\":[{\"number\":1}]}\n\n")); err != nil {
		t.Errorf("trailing space: %v", err)
	}
}

// Versions with no numbers are numbered in their order; a number given
// twice is refused, naming both, and so are numbers that fall.
func TestReadJSONNumbersVersions(t *testing.T) {
	a, err := ReadJSON("a.json", []byte(`{"versions":[{"paragraphs":["x"]},{"paragraphs":["y"]}]}`))
	if err != nil || a.Versions[0].Number != 1 || a.Versions[1].Number != 2 {
		t.Errorf("unnumbered: %v, %+v", err, a)
	}
	_, err = ReadJSON("a.json", []byte(`{"versions":[{"number":3},{"number":4},{"number":3}]}`))
	if err == nil || !strings.Contains(err.Error(), "versions 1 and 3 of the list are both numbered 3") {
		t.Errorf("twice: %v", err)
	}
	if _, err := ReadJSON("a.json", []byte(`{"versions":[{"number":0},{"number":4}]}`)); err != nil {
		t.Errorf("0 and 4: %v", err)
	}
	// The list runs oldest first, and the numbers with it: 12, 7, 3 had
	// made --from 3 --to 12 "come after" by place while reading as the
	// right order by number.
	_, err = ReadJSON("a.json", []byte(`{"versions":[{"number":12},{"number":7},{"number":3}]}`))
	if err == nil || !strings.Contains(err.Error(), "version 2 of the list is numbered 7, after 12") {
		t.Errorf("falling: %v", err)
	}
}

// A time not in RFC 3339, a gap after no version and a guessed paragraph
// a version lacks are refused, each in one line: they had been read and
// written out again ("time": "yesterday"), and a date in 9999 shown as
// "292 years earlier".
func TestReadJSONRefusesPlacesNoReaderWrites(t *testing.T) {
	for in, want := range map[string]string{
		`{"versions":[{"number":1,"time":"yesterday","paragraphs":["x"]},{"number":2,"paragraphs":["y"]}]}`: `version 1: time "yesterday" is not RFC 3339`,
		`{"versions":[{"number":1,"paragraphs":["x"]},{"number":2,"paragraphs":["y"]}],"gaps":[1]}`:         "gap 1: gaps are the places after versions 0 to 0",
		`{"versions":[{"number":1,"paragraphs":["x"]},{"number":2,"paragraphs":["y"]}],"gaps":[-1]}`:        "gap -1",
		`{"versions":[{"number":1,"paragraphs":["x"]},{"number":2,"paragraphs":["y"],"guessed":[1]}]}`:      "version 2: guessed paragraph 1, of 1 paragraphs",
	} {
		_, err := ReadJSON("a.json", []byte(in))
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: %v, want %q", in, err, want)
		}
	}
	ok := `{"versions":[{"number":1,"time":"2020-01-08T10:02:00+01:00","paragraphs":["x"]},{"number":3,"paragraphs":["y"],"guessed":[0]}],"gaps":[0]}`
	if _, err := ReadJSON("a.json", []byte(ok)); err != nil {
		t.Errorf("a right article: %v", err)
	}
}

// A lone version numbered 0 (a NewsSniffer article seen once) reads back
// as it was written.
func TestReadJSONKeepsALoneVersionZero(t *testing.T) {
	a, err := ReadJSON("a.json", []byte(`{"versions":[{"number":0,"paragraphs":["x"]}]}`))
	if err != nil || a.Versions[0].Number != 0 {
		t.Errorf("%v, %+v", err, a)
	}
}

// A blank paragraph is refused, named by its version and place.
func TestReadJSONRefusesBlankParagraphs(t *testing.T) {
	_, err := ReadJSON("a.json", []byte(`{"versions":[{"number":1,"paragraphs":["x"]},{"number":2,"paragraphs":["y"," \t"]}]}`))
	if err == nil || !strings.Contains(err.Error(), "version 2: paragraph 2 is blank") {
		t.Errorf("err = %v", err)
	}
}

// Text with no UTF-8 in it, only single high bytes (a file saved as
// Latin-1 or Windows-1252), reads as Windows-1252: "café", not "caf�",
// which a UTF-8 copy of the same file would show as an edit. Text that
// holds UTF-8 anywhere is UTF-8, each bad byte U+FFFD.
func TestDecodeLegacy8BitText(t *testing.T) {
	for _, c := range []struct {
		in, want string
		legacy   bool
	}{
		{"caf\xe9 cr\xe8me \x93quoted\x94\r\n", "café crème “quoted”\n", true},
		{"caf\xe9 na\xc3\xafve", "caf\uFFFD naïve", false},
		{"plain ascii", "plain ascii", false},
	} {
		got, err := DecodeText("v.txt", []byte(c.in))
		if err != nil || got != c.want {
			t.Errorf("%q: %q, %v; want %q", c.in, got, err, c.want)
		}
		if legacy8Bit([]byte(c.in)) != c.legacy {
			t.Errorf("%q: legacy8Bit %v, want %v", c.in, !c.legacy, c.legacy)
		}
	}
}
