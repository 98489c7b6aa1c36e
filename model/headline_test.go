package model

import (
	"reflect"
	"testing"
)

// A first line that gains or loses a full stop is the headline edited,
// not a headline removed and a paragraph added: AgreePlainHeadlines reads
// it as the headline when another version's headline is the same words
// without the full stop, and says when only older versions could tell.
func TestAgreePlainHeadlines(t *testing.T) {
	body := []string{"The mayor resigned on Tuesday after weeks of pressure."}
	long := "The mayor, who held office for eleven years and won three elections by wide margins, resigned on Tuesday after weeks of pressure."
	v := func(headline string, paras ...string) Version {
		return Version{Headline: headline, Paragraphs: append(paras, body...)}
	}
	cases := []struct {
		name string
		in   []Version
		want []Version
		open bool
	}{
		{"full stop added",
			[]Version{v("Mayor resigns over scandal"), v("", "Mayor resigns over scandal.")},
			[]Version{v("Mayor resigns over scandal"), v("Mayor resigns over scandal.")}, false},
		{"full stop dropped",
			[]Version{v("", "Mayor resigns over scandal."), v("Mayor resigns over scandal")},
			[]Version{v("Mayor resigns over scandal."), v("Mayor resigns over scandal")}, false},
		{"settled by a version further off",
			[]Version{v("Mayor resigns"), v("Other words"), v("", "Mayor resigns.")},
			[]Version{v("Mayor resigns"), v("Other words"), v("Mayor resigns.")}, false},
		// Other words with a full stop are a first paragraph: a short
		// lede is not a headline.
		{"a short lede",
			[]Version{v("Mayor resigns over scandal"), v("", "The mayor resigned.")},
			[]Version{v("Mayor resigns over scandal"), v("", "The mayor resigned.")}, true},
		{"no headline anywhere",
			[]Version{v("", "Mayor resigns."), v("", "Mayor resigns.")},
			[]Version{v("", "Mayor resigns."), v("", "Mayor resigns.")}, true},
		{"two full stops",
			[]Version{v("Mayor resigns."), v("", "Mayor resigns..")},
			[]Version{v("Mayor resigns."), v("", "Mayor resigns..")}, false},
		// The paragraph alone, with nothing after it, is the text.
		{"nothing after it",
			[]Version{v("Mayor resigns"), {Paragraphs: []string{"Mayor resigns."}}},
			[]Version{v("Mayor resigns"), {Paragraphs: []string{"Mayor resigns."}}}, false},
		{"a first paragraph too long for a headline",
			[]Version{v("Mayor resigns"), v("", long)},
			[]Version{v("Mayor resigns"), v("", long)}, false},
	}
	for _, c := range cases {
		got := append([]Version{}, c.in...)
		open := AgreePlainHeadlines(got)
		if !reflect.DeepEqual(got, c.want) || open != c.open {
			t.Errorf("%s: got %+v open %v,\nwant %+v open %v", c.name, got, open, c.want, c.open)
		}
	}
}
