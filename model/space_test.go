package model

import (
	"strings"
	"testing"
	"unsafe"
)

// CollapseSpace gives what joining the space-separated fields gives,
// and the text itself, not a copy, when nothing needs collapsing.
func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\rb", "a\fb", "a\vb",
		"a \u00a0b", "a\x01b", "one two three.", "end  ", "  start", "x \t y", "é ü", "a b  c d",
	} {
		want := strings.Join(strings.FieldsFunc(s, isASCIISpace), " ")
		got := CollapseSpace(s)
		if got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
		if s != "" && got == s && strings.Contains(s, " ") && !SpaceClean(s) {
			t.Errorf("%q is clean but was not found so", s)
		}
	}
	if s := "already clean text"; !SpaceClean(s) {
		t.Errorf("%q not found clean", s)
	}
}

func FuzzCollapseSpace(f *testing.F) {
	f.Add("a  b\tc")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CollapseSpace(s), strings.Join(strings.FieldsFunc(s, isASCIISpace), " "); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// Owned bytes that need no mending become the text without a copy;
// bytes the caller keeps are copied, and mended text is always new.
func TestDecodeOwnedTextSharesOnlyWhatItMay(t *testing.T) {
	data := []byte("one\n\ntwo\n")
	owned, err := DecodeOwnedText("f", data)
	if err != nil || owned != string(data) {
		t.Fatalf("DecodeOwnedText = %q, %v", owned, err)
	}
	if unsafe.StringData(owned) != &data[0] {
		t.Error("clean owned text was copied")
	}
	kept, _ := DecodeText("f", data)
	if unsafe.StringData(kept) == &data[0] {
		t.Error("DecodeText shares the caller's bytes")
	}
	crlf := []byte("one\r\n\r\ntwo\r\n")
	mended, _ := DecodeOwnedText("f", crlf)
	if mended != "one\n\ntwo\n" {
		t.Errorf("CRLF: %q", mended)
	}
}

// spaceCleanBytes is SpaceClean a byte at a time: what its eight bytes at
// a time must agree with.
func spaceCleanBytes(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for k := 0; k < len(s); k++ {
		if spaceClass[s[k]] == 2 || s[k] == ' ' && k > 0 && s[k-1] == ' ' {
			return false
		}
	}
	return true
}

// SpaceClean agrees with the byte-at-a-time test on every placement of
// the bytes that matter, across the eight-byte words it reads.
func TestSpaceCleanAtEveryOffset(t *testing.T) {
	for _, bad := range []string{"  ", "\t", "\n", "\r", "\f", "\v", " ", "\x01", "\x80", "é", "\x7f"} {
		for n := 1; n <= 24; n++ {
			for at := 0; at+len(bad) <= n; at++ {
				s := strings.Repeat("a", at) + bad + strings.Repeat("b", n-at-len(bad))
				if got, want := SpaceClean(s), spaceCleanBytes(s); got != want {
					t.Errorf("SpaceClean(%q) = %v, want %v", s, got, want)
				}
				s2 := s[:len(s)/2] + " " + s[len(s)/2:] // a space beside it
				if got, want := SpaceClean(s2), spaceCleanBytes(s2); got != want {
					t.Errorf("SpaceClean(%q) = %v, want %v", s2, got, want)
				}
			}
		}
	}
}

func FuzzSpaceClean(f *testing.F) {
	f.Add("a b  c\td")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := SpaceClean(s), spaceCleanBytes(s); got != want {
			t.Errorf("SpaceClean(%q) = %v, want %v", s, got, want)
		}
	})
}

func BenchmarkSpaceClean(b *testing.B) {
	s := strings.Repeat("The council met on Monday, and the harbour waited for news of it. ", 40)
	s = s[:len(s)-1]
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if !SpaceClean(s) {
			b.Fatal("not clean")
		}
	}
}
