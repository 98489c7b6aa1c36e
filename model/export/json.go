package export

import (
	"encoding/json"
	"io"
	"math"

	"redline/model"
	"redline/model/diff"
)

// SchemaVersion is the version of the comparison JSON's schema (Document).
// It grows when a field changes meaning or goes away; new fields that old
// readers can ignore do not change it.
const SchemaVersion = 1

// Document is the comparison JSON that --print --format json writes: the
// article and one entry per step, each with its paragraphs' operations
// and word edits. README.md ("Comparison JSON") documents every field.
type Document struct {
	SchemaVersion int    `json:"schema_version"`
	Title         string `json:"title"`
	Source        string `json:"source"`
	URL           string `json:"url"`
	FirstSeen     string `json:"first_seen,omitempty"`
	// Versions is how many versions the article has (not how many steps
	// are exported).
	Versions int `json:"versions"`
	// Gaps and Notes are the article's (model.Article): after which
	// versions, by index, versions are missing; what the reader found to
	// say of its sources. Absent when empty.
	Gaps  []int     `json:"gaps,omitempty"`
	Notes []string  `json:"notes,omitempty"`
	Steps []StepDoc `json:"steps"`
}

// StepDoc is one comparison: From (null for a first version compared with
// nothing) against To.
type StepDoc struct {
	From       *VersionRef    `json:"from"`
	To         VersionRef     `json:"to"`
	Headline   HeadlineDoc    `json:"headline"`
	Stats      StatsDoc       `json:"stats"`
	Paragraphs []ParagraphDoc `json:"paragraphs"`
}

// VersionRef names a version of the article.
type VersionRef struct {
	// Index is the version's place in the article, 0 for the oldest.
	Index int `json:"index"`
	// Number is the version's number as its source printed it.
	Number   int    `json:"number"`
	Headline string `json:"headline"`
	Time     string `json:"time,omitempty"`
	Elapsed  string `json:"elapsed,omitempty"`
	Label    string `json:"label,omitempty"`
}

// HeadlineDoc is the headline's part of a step.
type HeadlineDoc struct {
	Changed bool      `json:"changed"`
	Edits   []EditDoc `json:"edits"`
	// Kinds is what the headline's change is about (diff.EditKinds).
	Kinds diff.EditKinds `json:"kinds,omitempty"`
}

// StatsDoc are a step's figures (diff.Stats).
type StatsDoc struct {
	WordsAdded      int  `json:"words_added"`
	WordsRemoved    int  `json:"words_removed"`
	Edited          int  `json:"edited"`
	Added           int  `json:"added"`
	Removed         int  `json:"removed"`
	Moved           int  `json:"moved"`
	Split           int  `json:"split"`
	Merged          int  `json:"merged"`
	Typographic     int  `json:"typographic"`
	Punctuation     int  `json:"punctuation"`
	HeadlineChanged bool `json:"headline_changed"`
	// Size is the step's size on the timeline (diff.Comparison.Size).
	Size int `json:"size"`
	// Kinds counts the body's changes by kind of edit (diff.KindCounts):
	// {"number": 2, "quote": 1, …}; a change of two kinds counts in both.
	Kinds diff.KindCounts `json:"kinds"`
	// Substantive counts the changes of a substantive kind: not only
	// typography, punctuation or spelling.
	Substantive int `json:"substantive"`
}

// ParagraphDoc is one row of a comparison, in the new version's reading
// order (removed paragraphs and moved-away markers where they left).
type ParagraphDoc struct {
	// Op is one of same, edited, added, removed, moved, moved-away,
	// split, merged (the names of diff.Kind).
	Op string `json:"op"`
	// Old and New index the paragraph in From's and To's paragraphs,
	// from 0; null when that side has none. A moved-away row's New is
	// where the paragraph went.
	Old *int `json:"old"`
	New *int `json:"new"`
	// Group: for split, the new paragraphs the old one was cut into; for
	// merged, the old paragraphs joined into the new one.
	Group []int `json:"group,omitempty"`
	// Similarity is the share of words kept in order, 0..1, rounded to
	// three places.
	Similarity float64 `json:"similarity"`
	// OldGuessed and NewGuessed say the source left that side's text
	// open and the reader guessed it.
	OldGuessed bool `json:"old_guessed,omitempty"`
	NewGuessed bool `json:"new_guessed,omitempty"`
	// Kinds is what the paragraph's edits are about, as names: number,
	// quote, name, attribution, correction, wording, spelling,
	// punctuation, typographic (diff.EditKinds); absent when unchanged.
	Kinds diff.EditKinds `json:"kinds,omitempty"`
	// Edits spell both texts, less their invisible format characters
	// (diff.Compare): the old text is every equal and delete edit's text
	// (or old), the new one every equal and insert edit's.
	// Empty for moved-away (its edits are on the moved row).
	Edits []EditDoc `json:"edits"`
}

// EditDoc is a run of words kept, deleted or inserted.
type EditDoc struct {
	// Op is equal, delete or insert.
	Op   string `json:"op"`
	Text string `json:"text"`
	// Old is, for equal only, the old version's spelling when it differs
	// from Text by Unicode normalization alone.
	Old string `json:"old,omitempty"`
	// Typographic marks both halves of a change of typography only
	// (quotes, dashes, spaces).
	Typographic bool `json:"typographic,omitempty"`
	// Kinds is what the change this edit belongs to is about; absent on
	// equal runs.
	Kinds diff.EditKinds `json:"kinds,omitempty"`
}

// kindOps are the op names of diff's kinds, spelled here rather than
// taken from Kind.String so that the schema changes only on purpose.
var kindOps = map[diff.Kind]string{
	diff.Same: "same", diff.Edited: "edited", diff.Added: "added", diff.Removed: "removed",
	diff.Moved: "moved", diff.MovedAway: "moved-away", diff.Split: "split", diff.Merged: "merged",
}

var editOps = map[diff.Op]string{diff.OpEqual: "equal", diff.OpDelete: "delete", diff.OpInsert: "insert"}

// NewDocument builds the comparison JSON's document for the steps.
func NewDocument(art *model.Article, steps []Step) (*Document, error) {
	done, err := compare(art, steps)
	if err != nil {
		return nil, err
	}
	doc := &Document{SchemaVersion: SchemaVersion, Title: art.Title, Source: art.Source, URL: art.URL,
		FirstSeen: art.FirstSeen, Versions: len(art.Versions), Gaps: art.Gaps, Notes: art.Notes, Steps: make([]StepDoc, len(done))}
	for i, c := range done {
		doc.Steps[i] = stepDoc(c)
	}
	return doc, nil
}

// JSON writes the steps' comparisons as a Document, indented.
func JSON(w io.Writer, art *model.Article, steps []Step) error {
	doc, err := NewDocument(art, steps)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	// Article text is data, not markup: "<" stays "<" for the tools that
	// read it.
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func stepDoc(c compared) StepDoc {
	ref := func(i int, v model.Version) VersionRef {
		return VersionRef{Index: i, Number: v.Number, Headline: v.Headline, Time: v.Time, Elapsed: v.Elapsed, Label: v.Label}
	}
	s := c.cmp.Stats
	d := StepDoc{
		To:       ref(c.Shown, c.shown),
		Headline: HeadlineDoc{Changed: c.cmp.HeadlineChanged, Edits: editDocs(c.cmp.Headline), Kinds: c.cmp.HeadlineKinds},
		Stats: StatsDoc{WordsAdded: s.WordsAdded, WordsRemoved: s.WordsRemoved, Edited: s.Edited, Added: s.Added,
			Removed: s.Removed, Moved: s.Moved, Split: s.Split, Merged: s.Merged, Typographic: s.Typographic,
			Punctuation: s.Punctuation, HeadlineChanged: s.HeadlineChanged, Size: c.cmp.Size(),
			Kinds: s.Kinds, Substantive: c.cmp.Substantive()},
		Paragraphs: make([]ParagraphDoc, len(c.cmp.Changes)),
	}
	if c.Base >= 0 {
		from := ref(c.Base, c.base)
		d.From = &from
	}
	for i, ch := range c.cmp.Changes {
		op, ok := kindOps[ch.Kind]
		if !ok {
			op = ch.Kind.String() // a kind newer than this schema
		}
		p := ParagraphDoc{Op: op, Group: ch.Group, Similarity: math.Round(ch.Similarity*1000) / 1000,
			Kinds: ch.Kinds, Edits: editDocs(ch.Edits)}
		if ch.Old >= 0 {
			p.Old = &ch.Old
			p.OldGuessed = c.Base >= 0 && c.base.IsGuessed(ch.Old)
		}
		if ch.New >= 0 {
			p.New = &ch.New
			p.NewGuessed = ch.Kind != diff.Removed && ch.Kind != diff.MovedAway && c.shown.IsGuessed(ch.New)
		}
		d.Paragraphs[i] = p
	}
	return d
}

func editDocs(edits []diff.Edit) []EditDoc {
	out := make([]EditDoc, len(edits))
	for i, e := range edits {
		out[i] = EditDoc{Op: editOps[e.Op], Text: e.Text, Old: e.Old, Typographic: e.Typographic, Kinds: e.Kinds}
	}
	return out
}
