package cells

import (
	"reflect"
	"strings"
	"testing"
)

func rowsOf(lines ...string) []Row {
	out := make([]Row, len(lines))
	for i, l := range lines {
		out[i] = Row{Text: l, Line: i + 1}
	}
	return out
}

func TestLabelLinesReadAlikeByTheirLabel(t *testing.T) {
	for _, tc := range []struct {
		left, right string
		alike       bool
	}{
		{"Updated: 17 November", "Updated: 10 July 2021", true},
		{"Still current at: 4 May", "Still current at: 9 June 2024", true},
		{"Last updated: 4 May", "Last updated: 9 June", true},
		// No label: a shared start of prose is no evidence.
		{"The government said on Monday", "The group said it would", false},
		// A label, but cells too long to be one label line.
		{"Officials said: nothing had changed since the talks began on Monday", "Officials said: talks will resume in Geneva after a long break", false},
	} {
		if got := alikeEvidence(tc.left, tc.right) > 0; got != tc.alike {
			t.Errorf("alikeEvidence(%q, %q) > 0 is %v, want %v", tc.left, tc.right, got, tc.alike)
		}
	}
}

// The reading never depends on anything but the rows: read twice, a page
// reads the same.
func TestSolveIsDeterministic(t *testing.T) {
	rows := rowsOf(
		"The storm reached the coast on Monday. The storm reached the coast early on Monday.",
		"Schools will stay closed. Thousands were moved to shelters.",
		"Power was restored by Tuesday. Power was restored by Tuesday.",
		"Thousands were moved to shelters inland. Officials said more rain was coming.",
	)
	var first []State
	for n := 0; n < 3; n++ {
		r := New(rows)
		r.Solve()
		if n == 0 {
			first = r.Reading()
		} else if !reflect.DeepEqual(first, r.Reading()) {
			t.Fatalf("reading %d differs from the first", n)
		}
	}
}

// A version known from another dump fixes the reading, and the other
// version follows from it.
func TestConstrainedDerivesTheOtherVersion(t *testing.T) {
	const (
		a = "The storm reached the coast on Monday."
		b = "Schools will stay closed."
		c = "Power was restored by Tuesday."
	)
	r := New(rowsOf(a+" "+a, b, c+" "+c))
	// b is in the old version only: the row is one removed paragraph.
	st, ok := r.Constrained([]string{a, b, c}, nil)
	if !ok {
		t.Fatal("no reading gives the old version")
	}
	old, new := r.VersionsOf(st)
	if strings.Join(old, "|") != strings.Join([]string{a, b, c}, "|") || strings.Join(new, "|") != a+"|"+c {
		t.Errorf("old %q new %q", old, new)
	}
	if _, ok := r.Constrained([]string{a, c}, []string{a, c}); ok {
		t.Error("a reading without b's row: want none")
	}
}

// FlagDiffering flags exactly the rows another reading reads otherwise.
func TestFlagDifferingFlagsOnlyWhatDiffers(t *testing.T) {
	r := New(rowsOf("Schools will stay closed.", "Ferries are cancelled.", "Trains will not run."))
	r.Solve()
	alt := r.Reading()
	alt[1] = r.oneCell(1, sideOld)
	if r.rows[1].state == alt[1] {
		alt[1] = r.oneCell(1, sideNew)
	}
	r.FlagDiffering([][]State{alt})
	for i := range r.rows {
		if r.rows[i].guessed != (i == 1) {
			t.Errorf("row %d guessed %v", i, r.rows[i].guessed)
		}
	}
}
