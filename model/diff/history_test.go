package diff

import (
	"reflect"
	"testing"

	"redline/model"
)

// chainOf builds an article from lists of paragraphs, one per version.
func chainOf(versions ...[]string) *model.Article {
	a := &model.Article{}
	for i, ps := range versions {
		a.Versions = append(a.Versions, model.Version{Number: i + 1, Paragraphs: ps})
	}
	return a
}

func comparer(a *model.Article) Comparer {
	cache := map[[2]int]*Comparison{}
	return func(x, y int) *Comparison {
		k := [2]int{x, y}
		if c, ok := cache[k]; ok {
			return c
		}
		c := Compare(a.Versions[x], a.Versions[y])
		cache[k] = c
		return c
	}
}

func TestHistoryFollowsEditsAndMoves(t *testing.T) {
	art := chainOf(
		[]string{"Alpha opens the story.", "The minister resigned on Monday after a long scandal."},
		[]string{"Alpha opens the story.", "New reporting arrives here.", "The minister resigned on Tuesday after a long scandal."},
		[]string{"The minister resigned on Tuesday after a long scandal.", "Alpha opens the story.", "New reporting arrives here."},
		[]string{"Alpha opens the story.", "New reporting arrives here."},
	)
	steps := History(art, comparer(art), 2, 0) // the minister paragraph, moved to the top in v3
	want := []struct {
		para int
		kind Kind
	}{{1, Added}, {2, Edited}, {0, Moved}, {-1, Same}}
	for i, w := range want {
		if steps[i].Para != w.para || (w.para >= 0 && steps[i].Kind != w.kind) {
			t.Errorf("version %d: para %d kind %v, want %d %v", i+1, steps[i].Para, steps[i].Kind, w.para, w.kind)
		}
	}
	if len(steps[1].Edits) < 2 {
		t.Errorf("the edit Monday→Tuesday is not in the history: %v", steps[1].Edits)
	}
	// A paragraph added later has no earlier form.
	steps = History(art, comparer(art), 3, 1)
	if steps[0].Para != -1 || steps[1].Para != 1 || steps[1].Kind != Added {
		t.Errorf("new reporting: %+v", steps)
	}
}

func TestAnnotate(t *testing.T) {
	art := chainOf(
		[]string{"Alpha opens the story.", "The minister resigned on Monday after a long scandal."},
		[]string{"Alpha opens the story.", "New reporting arrives here.", "The minister resigned on Tuesday after a long scandal."},
		[]string{"The minister resigned on Tuesday after a long scandal.", "Alpha opens the story.", "New reporting arrives here."},
	)
	got := Annotate(art, comparer(art), 2)
	want := []Annotation{
		{Introduced: 0, LastChanged: 1}, // edited in v2, only moved in v3
		{Introduced: 0, LastChanged: 0},
		{Introduced: 1, LastChanged: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestHeadlineHistory(t *testing.T) {
	art := &model.Article{Versions: []model.Version{
		{Headline: ""}, {Headline: "Talks Stall"}, {Headline: "Talks Stall"}, {Headline: "Talks Collapse"}, {Headline: ""},
	}}
	steps := HeadlineHistory(art, comparer(art))
	want := []Kind{Same, Added, Same, Edited, Removed}
	for i, s := range steps {
		if s.Kind != want[i] {
			t.Errorf("version %d: %v, want %v", i, s.Kind, want[i])
		}
	}
	if steps[0].Para != -1 || steps[4].Para != -1 || steps[1].Para != 0 {
		t.Errorf("paras %+v", steps)
	}
	if old, new := spellEdits(steps[3].Edits); old != "Talks Stall" || new != "Talks Collapse" {
		t.Errorf("edits spell %q → %q", old, new)
	}
}
