package newssniffer

import (
	"testing"

	"redline/model/source/newssniffer/internal/cells"
)

// Headlines that changed altogether, so that the two halves share no
// words and the row is title case throughout: where one headline ends
// is read from the body — its phrases, where its sentences start and its
// clauses end — and from the words a headline does not end with.
func TestHeadlineCutBetweenUnrelatedHeadlines(t *testing.T) {
	for _, tc := range []struct {
		name, row, old, new string
		body                []string
	}{
		{"the body's phrase", "Rescuers Race to Find Missing Residents in Egyptian Floods Heavy Rain Lashes Egypt, Prompting Mass Evacuations Near Port Said",
			"Rescuers Race to Find Missing Residents in Egyptian Floods", "Heavy Rain Lashes Egypt, Prompting Mass Evacuations Near Port Said",
			[]string{"Heavy rain fell across the delta for a third day on Monday, officials said."}},
		{"a sentence's start", "Flooding Kill Dozens Across Turkey as Rivers Burst Rescuers Struggle to Reach Stranded Villagers",
			"Flooding Kill Dozens Across Turkey as Rivers Burst", "Rescuers Struggle to Reach Stranded Villagers",
			[]string{"Rescuers worked through the night to reach villages cut off by the water."}},
		{"no headline ends in a small word", "Turkish Lawmakers Reject Sweeping Law on Courts Rivals Claim Victory in Turkish Election as Count Trickles In",
			"Turkish Lawmakers Reject Sweeping Law on Courts", "Rivals Claim Victory in Turkish Election as Count Trickles In",
			[]string{"Rivals of the governing party said the count was slow."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var body []cells.Row
			for i, b := range tc.body {
				body = append(body, cells.Row{Text: b + " " + b, Line: i + 5})
			}
			old, new, _ := splitHeadline(tc.row, body)
			if old != tc.old || new != tc.new {
				t.Errorf("%q cut as\n %q |\n %q", tc.row, old, new)
			}
		})
	}
}

// In a chain, the headline a dump shows as new begins the next dump's
// headline row: where only one headline can do both, it cuts both rows,
// whatever either row alone suggested.
func TestChainHeadlineCutsBothRows(t *testing.T) {
	p := "Rescuers Race to Find Missing Residents in Egyptian Floods Heavy Rain Lashes Egypt"
	q := "Heavy Rain Lashes Egypt Death Toll Rises as Waters Recede"
	h, ok := sharedHeadline(p, q)
	if !ok || h != "Heavy Rain Lashes Egypt" {
		t.Fatalf("shared headline %q, %v", h, ok)
	}
	if h, ok := sharedHeadline("Storm Hits Coast Storm Hits Coast", "Storm Hits Coast Storm Nears Capital"); !ok || h != "Storm Hits Coast" {
		t.Errorf("an unchanged headline: %q, %v", h, ok)
	}
}
