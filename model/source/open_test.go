package source

import (
	"strings"
	"testing"
)

// endless is a reader of text that never ends, as a 1 GB one-line file
// looks to the reader past any cap.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestAnInputPastTheCapIsRefused(t *testing.T) {
	inputs, err := Open([]string{"-"}, endless{}, SortName, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Read(inputs)
	if err == nil || !strings.Contains(err.Error(), "-: larger than the 1.0 MiB input cap (raise it with --max-input)") {
		t.Errorf("err = %v", err)
	}
}
