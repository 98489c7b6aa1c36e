package diff

import "redline/model"

// Comparer gives the comparison of version index a (the base) with b; the
// reader passes its cache so that history and annotate reuse what stepping
// through the article already computed.
type Comparer func(a, b int) *Comparison

// HistoryStep is one version's form of a paragraph followed through the
// article.
type HistoryStep struct {
	Version int // index into Article.Versions
	// Para is the paragraph's index in that version, -1 where the
	// paragraph does not exist.
	Para int
	// Kind is what happened to it since the version before: Same, Edited,
	// Moved, or Added where it first appears.
	Kind Kind
	// Edits are its word edits against its previous form (one OpInsert
	// for the form it first appears in).
	Edits []Edit
}

// History follows paragraph p of version index v back and forth through
// every version, across edits and moves, and returns one step per version,
// oldest first.
func History(art *model.Article, cmp Comparer, v, p int) []HistoryStep {
	n := len(art.Versions)
	steps := make([]HistoryStep, n)
	for i := range steps {
		steps[i] = HistoryStep{Version: i, Para: -1}
	}
	if v < 0 || v >= n || p < 0 || p >= len(art.Versions[v].Paragraphs) {
		return steps
	}
	steps[v].Para = p
	for i, cur := v-1, p; i >= 0 && cur >= 0; i-- {
		cur = cmp(i, i+1).OldIndex(cur)
		steps[i].Para = cur
	}
	for i, cur := v+1, p; i < n && cur >= 0; i++ {
		cur = cmp(i-1, i).NewIndex(cur)
		steps[i].Para = cur
	}
	seen := false
	for i := range steps {
		s := &steps[i]
		if s.Para < 0 {
			if seen {
				break // gone for good: later steps stay absent
			}
			continue
		}
		if !seen {
			seen = true
			s.Kind = Added
			s.Edits = []Edit{{Op: OpInsert, Text: art.Versions[i].Paragraphs[s.Para]}}
			continue
		}
		if ch, ok := cmp(i-1, i).changeOf(s.Para); ok {
			s.Kind, s.Edits = ch.Kind, ch.Edits
		}
	}
	return steps
}

// changeOf is the change that shows new paragraph j.
func (c *Comparison) changeOf(j int) (Change, bool) {
	for _, ch := range c.Changes {
		if ch.New == j && ch.Kind != MovedAway {
			return ch, true
		}
	}
	return Change{}, false
}

// Annotation says, for one paragraph, in which version (index) it first
// appeared and in which it last changed, followed through edits and moves.
type Annotation struct {
	Introduced  int
	LastChanged int // equal to Introduced when it never changed
}

// Annotate works out Annotation for every paragraph of version index v, like
// git blame at the level of paragraphs: walking back one comparison at a
// time, all paragraphs at once.
func Annotate(art *model.Article, cmp Comparer, v int) []Annotation {
	paras := len(art.Versions[v].Paragraphs)
	out := make([]Annotation, paras)
	cur := make([]int, paras) // each paragraph's index in version i
	changedFound := make([]bool, paras)
	for j := range cur {
		cur[j] = j
		out[j] = Annotation{Introduced: v, LastChanged: v}
	}
	for i := v; i > 0; i-- {
		c := cmp(i-1, i)
		alive := false
		for j := range cur {
			if cur[j] < 0 {
				continue
			}
			old := c.OldIndex(cur[j])
			if old < 0 {
				cur[j] = -1 // it appeared in version i
				changedFound[j] = true
				continue
			}
			if !changedFound[j] && art.Versions[i-1].Paragraphs[old] != art.Versions[i].Paragraphs[cur[j]] {
				out[j].LastChanged = i
				changedFound[j] = true
			}
			out[j].Introduced = i - 1
			if !changedFound[j] {
				out[j].LastChanged = i - 1
			}
			cur[j] = old
			alive = true
		}
		if !alive {
			break
		}
	}
	return out
}

// HeadlineHistory follows the headline through every version, as History
// follows a paragraph: one step per version, oldest first, Para 0 where
// the version has a headline and -1 where it has none; Kind is Added where
// a headline first appears, Edited where it changed, Same where it did
// not, and Removed where it went.
func HeadlineHistory(art *model.Article, cmp Comparer) []HistoryStep {
	steps := make([]HistoryStep, len(art.Versions))
	for i, v := range art.Versions {
		s := &steps[i]
		s.Version, s.Para = i, -1
		if v.Headline != "" {
			s.Para = 0
		}
		switch {
		case s.Para < 0 && i > 0 && steps[i-1].Para >= 0:
			s.Kind = Removed
		case s.Para < 0:
		case i == 0 || steps[i-1].Para < 0:
			s.Kind = Added
			s.Edits = []Edit{{Op: OpInsert, Text: v.Headline}}
		default:
			if c := cmp(i-1, i); c.HeadlineChanged {
				s.Kind, s.Edits = Edited, c.Headline
			}
		}
	}
	return steps
}
