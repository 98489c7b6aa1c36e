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
