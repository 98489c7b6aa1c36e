package source

import (
	"os"
	"strings"
	"testing"

	"redline/model/internal/modeltest"
)

// FuzzRead feeds the content detection and every text reader: one input,
// or the same input split into two.
func FuzzRead(f *testing.F) {
	seed, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.txt"))
	if err != nil {
		f.Fatal(err)
	}
	sample, err := os.ReadFile(modeltest.Testdata("libya-4-versions.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, 0)
	f.Add(sample, 0)
	f.Add([]byte("One paragraph.\n\nTwo.\n\x00"), 14)
	f.Add([]byte(`{"versions":[{"number":1,"paragraphs":null}]}`), 0)
	f.Add([]byte("<html><table class=\"version_diff\"><tr><td>a</td></tr></table></html>"), 10)
	f.Fuzz(func(t *testing.T, data []byte, cut int) {
		inputs := []Input{{Name: "a", Data: data}}
		if cut > 0 && cut < len(data) {
			inputs = []Input{{Name: "a", Data: data[:cut]}, {Name: "b", Data: data[cut:]}}
		}
		a, err := Read(inputs)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a two-line error: %q", err)
			}
			return
		}
		modeltest.CheckArticle(t, a)
	})
}
