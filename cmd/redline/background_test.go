package main

import "testing"

func TestBackgroundAnswersAreRead(t *testing.T) {
	for _, c := range []struct {
		reply    string
		dark, ok bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[12;1R", true, true},
		{"\x1b]11;rgb:ffff/ffff/ffff\a", false, true},
		{"\x1b]11;rgb:fd/f6/e3\x1b\\", false, true}, // Solarized light
		{"\x1b]11;rgb:2828/2c2c/3434\a", true, true},
		{"\x1b]11;rgb:zz/00/00\a", false, false},
		{"\x1b]11;rgb:0000/0000\a", false, false},
		{"\x1b]11;rgb:0000/0000/0000", false, false}, // not ended yet
		{"\x1b[24;80R", false, false},
	} {
		if dark, ok := oscBackground(c.reply); dark != c.dark || ok != c.ok {
			t.Errorf("%q: dark %v ok %v, want %v %v", c.reply, dark, ok, c.dark, c.ok)
		}
	}
	for v, want := range map[string][2]bool{"15;0": {true, true}, "0;15": {false, true}, "12;default;8": {true, true}, "": {false, false}, "x;y": {false, false}} {
		if dark, ok := colorFGBG(v); dark != want[0] || ok != want[1] {
			t.Errorf("COLORFGBG %q: %v %v, want %v", v, dark, ok, want)
		}
	}
	for s, want := range map[string]bool{"\x1b[24;80R": true, "junk\x1b[1;1R": true, "\x1b[R": false, "\x1b]11;rgb:0/0/0\a": false, "\x1b[24;80": false} {
		if cursorReport(s) != want {
			t.Errorf("cursorReport(%q) = %v", s, !want)
		}
	}
}
