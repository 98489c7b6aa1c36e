package newssniffer

import (
	"os"
	"strings"
	"testing"

	"redline/model/internal/modeltest"
)

// FuzzReadDump feeds the dump reader anything that has a version line.
func FuzzReadDump(f *testing.F) {
	seed, err := os.ReadFile(modeltest.Testdata("000_2309137f7230653b.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("Version 1 Version 2\nA A\n(about 1 hour later)\nX. Y. Z.\nP P\n. .")
	f.Add("Version 1 Version 2\nHeadline\nMr. A. B. went home. He left.\nHeading Text follows here.")
	f.Add("Version 0 Version 1\n\n\n“Quote.” “Quote.”\nItaly.Turkey\nofficeHuman rights groups said.")
	f.Fuzz(func(t *testing.T, text string) {
		if !strings.Contains(text, "Version ") {
			text = "Version 1 Version 2\n" + text
		}
		a, err := ReadDump("fuzz", []byte(text))
		if err != nil {
			return
		}
		modeltest.CheckArticle(t, a)
		if len(a.Versions) != 2 {
			t.Fatalf("%d versions from one dump", len(a.Versions))
		}
	})
}
