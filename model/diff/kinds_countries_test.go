package diff

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// cldrCountryNames are the one-word English names of the countries and
// territories CLDR knows, lower-cased: what countryList must hold.
func cldrCountryNames() map[string]bool {
	out := map[string]bool{}
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() {
				continue
			}
			if n := names.Name(r); n != "" && !strings.ContainsAny(n, " &-.") {
				out[strings.ToLower(n)] = true
			}
		}
	}
	return out
}

// TestCountryNamesAreCLDRs holds countryList to the names of
// golang.org/x/text's English display names, which the binary does not
// carry (its tables of every language are 2.5 MB).
func TestCountryNamesAreCLDRs(t *testing.T) {
	if got, want := countryNames, cldrCountryNames(); !reflect.DeepEqual(got, want) {
		for n := range want {
			if !got[n] {
				t.Errorf("countryList lacks %q", n)
			}
		}
		for n := range got {
			if !want[n] {
				t.Errorf("countryList has %q, which CLDR does not", n)
			}
		}
	}
}
