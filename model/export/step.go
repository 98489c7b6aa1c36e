package export

import (
	"fmt"
	"strings"

	"redline/model"
	"redline/model/diff"
)

// Step is one comparison to export: the version shown and the base it is
// compared with, as indexes into Article.Versions. Base -1 compares the
// shown version with nothing (every paragraph added), which is how the
// first version of an article reads.
type Step struct {
	Base, Shown int
}

// History is every consecutive step from version index from to version
// index to, oldest first: (from, from+1), …, (to-1, to). A range of one
// version is that version compared with the one before it (or, for the
// first version, with nothing), so that there is always a step to show.
func History(art *model.Article, from, to int) ([]Step, error) {
	n := len(art.Versions)
	if from < 0 || to >= n || from > to {
		return nil, fmt.Errorf("no steps from version index %d to %d (the article has %d versions)", from, to, n)
	}
	if from == to {
		return []Step{{Base: to - 1, Shown: to}}, nil
	}
	steps := make([]Step, 0, to-from)
	for i := from + 1; i <= to; i++ {
		steps = append(steps, Step{Base: i - 1, Shown: i})
	}
	return steps, nil
}

// compared is a step with its comparison worked out.
type compared struct {
	Step
	base, shown model.Version
	cmp         *diff.Comparison
}

// compare works out every step's comparison, checking the indexes first:
// they come from the command line, and a bad one must be an error, not a
// panic.
func compare(art *model.Article, steps []Step) ([]compared, error) {
	if art == nil || len(art.Versions) == 0 {
		return nil, fmt.Errorf("the article has no versions")
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("no steps to export")
	}
	out := make([]compared, len(steps))
	for i, s := range steps {
		n := len(art.Versions)
		if s.Shown < 0 || s.Shown >= n || s.Base < -1 || s.Base >= n {
			return nil, fmt.Errorf("step %d: versions %d and %d out of range (the article has %d)", i+1, s.Base, s.Shown, n)
		}
		c := compared{Step: s, shown: art.Versions[s.Shown]}
		if s.Base >= 0 {
			c.base = art.Versions[s.Base]
		}
		c.cmp = diff.Compare(c.base, c.shown)
		out[i] = c
	}
	return out, nil
}

// sizes is the size of every consecutive step (index i: from version i-1
// to i; 0 for the first version), for the timeline; steps already
// compared are not compared again.
func sizes(art *model.Article, done []compared) []int {
	out := make([]int, len(art.Versions))
	known := map[int]int{}
	for _, c := range done {
		if c.Base == c.Shown-1 {
			known[c.Shown] = c.cmp.Size()
		}
	}
	for i := 1; i < len(art.Versions); i++ {
		if s, ok := known[i]; ok {
			out[i] = s
			continue
		}
		out[i] = diff.Compare(art.Versions[i-1], art.Versions[i]).Size()
	}
	return out
}

// versionName is how a version is named to a reader: "Version 3", with
// its place when its number is not its place ("Version 0 (1 of 8)").
func versionName(art *model.Article, i int) string {
	v := art.Versions[i]
	if v.Number == i+1 {
		return fmt.Sprintf("Version %d of %d", v.Number, len(art.Versions))
	}
	return fmt.Sprintf("Version %d (%d of %d)", v.Number, i+1, len(art.Versions))
}

// when is the version's time for a reader: its time when the source
// gives one, else how much later it was seen, else "".
func when(c compared) string {
	switch {
	case c.shown.Time != "":
		return c.shown.Time
	case c.shown.Elapsed != "" && c.Base == c.Shown-1:
		return c.shown.Elapsed
	}
	return ""
}

// baseName says what the step compares with.
func baseName(art *model.Article, c compared) string {
	if c.Base < 0 {
		return "first version"
	}
	return fmt.Sprintf("compared with Version %d", art.Versions[c.Base].Number)
}

// KindLabel is how a kind of edit is written: its mark (the reader's
// gutter, the summary line) and its name, singular and plural.
type KindLabel struct{ Mark, One, Many string }

// KindLabels are the labelled kinds. Wording has none: the change itself
// (~ + -) says it. The minor kinds (typography, punctuation, spelling)
// share ·, so a reader sees at a glance what to skip.
var KindLabels = map[diff.EditKind]KindLabel{
	diff.KindCorrection:  {"!", "correction", "corrections"},
	diff.KindNumber:      {"#", "number", "numbers"},
	diff.KindQuote:       {"“", "quote", "quotes"},
	diff.KindName:        {"@", "name", "names"},
	diff.KindAttribution: {":", "attribution", "attributions"},
	diff.KindSpelling:    {"·", "spelling edit", "spelling edits"},
	diff.KindPunctuation: {"·", "punctuation edit", "punctuation edits"},
	diff.KindTypographic: {"·", "typographic edit", "typographic edits"},
}

// StatsParts are a comparison's figures as short phrases, as the
// reader's status line gives them: the words, the substantive kinds
// with their marks ("# 2 numbers"), the paragraphs, the minor kinds, the
// headline. One list for the reader, --print and every export, so that
// a shared page says what the screen said.
func StatsParts(c *diff.Comparison) []string {
	s := c.Stats
	parts := []string{fmt.Sprintf("+%d −%d words", s.WordsAdded, s.WordsRemoved)}
	var minor []string
	for _, kind := range diff.AllEditKinds() {
		l, ok := KindLabels[kind]
		n := s.Kinds.Of(kind)
		if !ok || n == 0 {
			continue
		}
		if kind.Substantive() {
			parts = append(parts, l.Mark+" "+Plural(n, l.One, l.Many))
		} else {
			minor = append(minor, Plural(n, l.One, l.Many))
		}
	}
	for _, f := range []struct {
		n    int
		what string
	}{
		{s.Edited, "¶ edited"}, {s.Moved, "moved"}, {s.Split, "split"}, {s.Merged, "merged"},
		{s.Added, "added"}, {s.Removed, "removed"},
	} {
		if f.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", f.n, f.what))
		}
	}
	parts = append(parts, minor...)
	if s.HeadlineChanged {
		parts = append(parts, "headline changed")
	}
	if len(parts) == 1 && s.WordsAdded == 0 && s.WordsRemoved == 0 {
		return []string{"no changes"}
	}
	return parts
}

// Summary is a step's figures on one line ("+27 −47 words · # 2 numbers
// · 2 ¶ edited · headline changed"), as the reader's status line says
// them.
func Summary(c *diff.Comparison) string {
	return strings.Join(StatsParts(c), " · ")
}

// Plural is "1 thing" or "n things".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ParagraphLabel says what happened to a paragraph in words, with where
// it came from or went ("moved from ¶7"); "" for an unchanged one.
// Paragraph numbers count from 1, as a reader counts.
func ParagraphLabel(ch diff.Change) string {
	switch ch.Kind {
	case diff.Edited:
		return "edited"
	case diff.Added:
		return "added"
	case diff.Removed:
		return "removed"
	case diff.Moved:
		return fmt.Sprintf("moved from ¶%d", ch.Old+1)
	case diff.MovedAway:
		return fmt.Sprintf("moved to ¶%d", ch.New+1)
	case diff.Split:
		return fmt.Sprintf("split from ¶%d", ch.Old+1)
	case diff.Merged:
		names := make([]string, len(ch.Group))
		for i, o := range ch.Group {
			names[i] = fmt.Sprintf("¶%d", o+1)
		}
		last := len(names) - 1
		if last < 1 {
			return "merged from " + strings.Join(names, "")
		}
		return "merged from " + strings.Join(names[:last], ", ") + " and " + names[last]
	}
	return ""
}

// guessed reports whether either side of a change was guessed by the
// reader of its source.
func guessed(c compared, ch diff.Change) bool {
	return (ch.Old >= 0 && c.Base >= 0 && ch.Kind != diff.Added && c.base.IsGuessed(ch.Old)) ||
		(ch.New >= 0 && ch.Kind != diff.Removed && ch.Kind != diff.MovedAway && c.shown.IsGuessed(ch.New))
}

// leadWords is the start of a text, for a marker that stands for a
// paragraph shown elsewhere ("moved to ¶3: “It is not clear…”").
func leadWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

// title is the page's headline: the article's, else the newest chosen
// version's.
func title(art *model.Article, steps []compared) string {
	if art.Title != "" {
		return art.Title
	}
	if h := steps[len(steps)-1].shown.Headline; h != "" {
		return h
	}
	return "Untitled article"
}
