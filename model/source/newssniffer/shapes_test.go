package newssniffer

import (
	"reflect"
	"strings"
	"testing"
)

// Small dumps of the page shapes whose cells meet without a full stop
// (issue 16), each with the one right reading. The rows around the one
// under test are unchanged paragraphs, as on a real page.

const shapeHeader = "This article is from the source 'test' and was first published or seen on . \n" +
	"Version 1 Version 2\nA Headline A Headline\n"

// before and after are unchanged paragraphs that frame the row tested.
const (
	before = "The talks in Geneva ended late on Tuesday without an agreement."
	after  = "Officials said they would meet again next week in Vienna."
)

func readShape(t *testing.T, rows ...string) (old, new []string) {
	t.Helper()
	body := []string{before + " " + before}
	body = append(body, rows...)
	body = append(body, after+after)
	art, err := ReadDump("shape.txt", []byte(shapeHeader+strings.Join(body, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	trim := func(ps []string) []string { return ps[1 : len(ps)-1] }
	return trim(art.Versions[0].Paragraphs), trim(art.Versions[1].Paragraphs)
}

func TestShapesCutWithoutAFullStop(t *testing.T) {
	for _, tc := range []struct {
		name     string
		row      string
		old, new []string
	}{
		{"heading gained words", "Safety tips Safety tips for travellers", []string{"Safety tips"}, []string{"Safety tips for travellers"}},
		{"heading changed case", "Signs of strain Signs of Strain", []string{"Signs of strain"}, []string{"Signs of Strain"}},
		{"heading changed a letter", "What hapens next What happens next", []string{"What hapens next"}, []string{"What happens next"}},
		{"label line", "Last updated: 4 May Last updated: 9 June", []string{"Last updated: 4 May"}, []string{"Last updated: 9 June"}},
		{"label line, the whole date changed", "Updated: 17 November Updated: 10 July 2021", []string{"Updated: 17 November"}, []string{"Updated: 10 July 2021"}},
		{"label line, day and month changed", "Published: 14 January Published: 4 September", []string{"Published: 14 January"}, []string{"Published: 4 September"}},
		{"label line joined", "Still current at: 4 May 2023Still current at: 9 June 2024", []string{"Still current at: 4 May 2023"}, []string{"Still current at: 9 June 2024"}},
		{"colon lead-in", "Officials listed these steps: Officials listed the following steps:", []string{"Officials listed these steps:"}, []string{"Officials listed the following steps:"}},
		{"bullet item", "• Trains will not run on Saturday • Trains will not run on Saturday or Sunday", []string{"• Trains will not run on Saturday"}, []string{"• Trains will not run on Saturday or Sunday"}},
		{"bullet item joined", "• Trains will not run on Saturday• Trains will not run on Saturday or Sunday", []string{"• Trains will not run on Saturday"}, []string{"• Trains will not run on Saturday or Sunday"}},
		{"dash item", "- Ferries to Split are cancelled - Ferries to Split and Hvar are cancelled", []string{"- Ferries to Split are cancelled"}, []string{"- Ferries to Split and Hvar are cancelled"}},
		{"lower-case item", "trains will not run on Saturday; trains will not run on Saturday or Sunday;", []string{"trains will not run on Saturday;"}, []string{"trains will not run on Saturday or Sunday;"}},
		{"heading gained an anchor", "Why it matters Why it matters #", []string{"Why it matters"}, []string{"Why it matters #"}},
		{"item that lost its stop", "Trains will not run on Saturday Trains will not run on Saturday or Sunday", []string{"Trains will not run on Saturday"}, []string{"Trains will not run on Saturday or Sunday"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, new := readShape(t, tc.row)
			if !reflect.DeepEqual(old, tc.old) || !reflect.DeepEqual(new, tc.new) {
				t.Errorf("%q read as\n old %q\n new %q\nwant\n old %q\n new %q", tc.row, old, new, tc.old, tc.new)
			}
		})
	}
}

// A bullet before its item is part of the item, not a paragraph of its
// own the way the seed's lone "." is.
func TestABulletStaysWithItsItem(t *testing.T) {
	old, new := readShape(t, "• Schools in Lyon will close at noon on Friday")
	if len(old) != 0 || !reflect.DeepEqual(new, []string{"• Schools in Lyon will close at noon on Friday"}) {
		t.Errorf("read as old %q new %q", old, new)
	}
}

// An edited paragraph that lost its last sentence: the new cell starts
// with the counterpart of the old cell's first sentence.
func TestAParagraphThatLostItsLastSentence(t *testing.T) {
	s1 := "The army said on Monday that it had retaken the airport after three days of fighting."
	s2 := "Residents described heavy shelling in the southern districts overnight."
	s1e := "The army said on Monday that it had retaken the international airport after four days of fighting."
	old, new := readShape(t, s1+" "+s2+" "+s1e)
	if !reflect.DeepEqual(old, []string{s1 + " " + s2}) || !reflect.DeepEqual(new, []string{s1e}) {
		t.Errorf("read as\n old %q\n new %q", old, new)
	}
}

// A long section on one side with nothing on the page to say whether it
// was removed or added is an open choice: every paragraph is flagged.
func TestALongUncuedSectionIsAGuess(t *testing.T) {
	section := []string{
		"Farmers in the valley said the harvest had been the worst in a decade.",
		"A new bridge over the river is due to open in the spring.",
		"The museum will stay closed for repairs until the end of the year.",
		"Local schools reported a sharp rise in enrolment this autumn.",
		"The city council approved a budget for new bicycle lanes.",
		"Tourism to the coast recovered after two difficult seasons.",
		"A storm damaged several fishing boats in the harbour overnight.",
		"The regional airport added three routes to southern Europe.",
		"Water levels in the reservoir rose after a week of heavy rain.",
		"The national orchestra announced a tour of twelve cities.",
		"Volunteers planted two thousand trees along the northern ridge.",
		"A festival of street food drew large crowds to the old town.",
	}
	art, err := ReadDump("section.txt", []byte(shapeHeader+before+before+"\n"+strings.Join(section, "\n")+"\n"+after+" "+after))
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range art.Versions {
		if len(v.Paragraphs) == 2+len(section) && len(v.Guessed) != len(section) {
			t.Errorf("version %d guessed %v, want all %d paragraphs of the section", v.Number, v.Guessed, len(section))
		}
	}
}

// Two paragraphs that swapped places: NewsSniffer's diff keeps one of
// them matched and shows the other removed above it and inserted below
// it. Which one stays matched is its diff library's choice, and read
// backwards (the other paragraph moved up) the versions would lay out
// otherwise; so the page says which way the move went.
func TestSwapReadsTheWayTheDiffLaysItOut(t *testing.T) {
	const (
		a = "Schools in the region will stay closed until further notice."
		b = "Thousands of people were moved to shelters inland overnight."
	)
	old, new := readShape(t, a, b+" "+b, a)
	if !reflect.DeepEqual(old, []string{a, b}) || !reflect.DeepEqual(new, []string{b, a}) {
		t.Errorf("read as\n old %q\n new %q", old, new)
	}
}
