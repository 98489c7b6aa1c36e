package tui

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model"
	"redline/model/diff"
)

// A long history read from a folder or from git opens on its newest
// versions, read first, while the rest is read oldest first beside the
// reader (see Loader.Newest). When the whole article arrives, its
// versions end with the ones the reader holds: widen takes it, and every
// index the reader keeps moves up by the number of versions that came
// before. Version numbers do not change, and the reader stays on the
// same step, cursor and screen line.

// widen takes the whole article when the reader holds only its newest
// versions: art's versions end with the reader's, k older ones before
// them. The comparisons made already are kept (they compare the same
// versions); what spans the history — the timeline's sizes, the search
// index, annotations, an open paragraph history — is worked out again
// over the whole article. Work still running is asked for again at its
// new indexes; its old answer is dropped.
func (m *Model) widen(art *model.Article, k int) tea.Cmd {
	if k <= 0 || len(art.Versions) != len(m.art.Versions)+k {
		return m.grow(art)
	}
	m.art = art
	m.cmps = m.cmps.shifted(art, k)
	m.shown += k
	if m.pinned >= 0 {
		m.pinned += k
	}
	m.steps = slices.Concat(slices.Repeat([]int{-1}, k), m.steps)
	m.substantive = nil // measured again below
	m.annotations = nil // made against the newest versions only
	m.index = nil
	m.doc = nil
	if m.search != nil {
		s := *m.search
		s.hits = slices.Clone(s.hits)
		for i := range s.hits {
			s.hits[i].v += k
		}
		m.search = &s
	}
	var cmds []tea.Cmd
	move := m.busy[workMove]
	m.busy = [workKinds]*work{} // answers made for the old indexes
	m.workToken++
	if m.history != nil {
		h := *m.history
		h.v += k
		h.steps = shiftHistory(h.steps, k)
		m.history = &h
		cmds = append(cmds, m.rehistory())
	}
	m.refresh()
	if m.history != nil {
		m.layoutHistory()
	}
	if move != nil {
		pinned := move.pinned
		if pinned >= 0 {
			pinned += k
		}
		cmds = append(cmds, m.moveTo(move.shown+k, pinned, hitKeep))
	}
	if m.search != nil {
		cmds = append(cmds, m.researchLater())
	}
	return tea.Batch(append(cmds, m.measureSteps(), m.prepareNeighbours(), m.annotateLater())...)
}

// shiftHistory is a paragraph's history with its version indexes moved
// up by k.
func shiftHistory(steps []diff.HistoryStep, k int) []diff.HistoryStep {
	out := slices.Clone(steps)
	for i := range out {
		out[i].Version += k
	}
	return out
}

// rehistory follows the open history's paragraph through the whole
// article again, and shows the longer history if it is still open.
func (m *Model) rehistory() tea.Cmd {
	art, cmps, v, p := m.art, m.cmps, m.history.v, m.history.p
	return m.later(workHistory, "following it through every version…", func() func(*Model) tea.Cmd {
		steps := follow(art, cmps, v, p)
		return func(m *Model) tea.Cmd {
			if m.history != nil && m.history.v == v && m.history.p == p {
				h := *m.history
				h.steps = steps
				m.history = &h
				m.layoutHistory()
			}
			return nil
		}
	})
}

// researchLater runs the current search again over the whole article,
// keeping the reader on the hit it is on.
func (m *Model) researchLater() tea.Cmd {
	art, query := m.art, m.search.query
	return m.later(workSearch, "searching every version…", func() func(*Model) tea.Cmd {
		index := newParagraphIndex(art)
		return func(m *Model) tea.Cmd {
			m.index = index
			if m.search == nil || m.search.query != query {
				return nil
			}
			s := newSearch(index, query)
			if c := m.search.cur; c >= 0 && c < len(m.search.hits) {
				at := m.search.hits[c]
				s.cur = slices.IndexFunc(s.hits, func(h searchHit) bool { return h.v == at.v && h.p == at.p })
			}
			m.search = s
			return nil
		}
	})
}

// shifted is the cache for art, whose versions end with the cached
// article's, k older ones before them: every cached comparison is kept
// under its versions' new indexes.
func (c *comparisons) shifted(art *model.Article, k int) *comparisons {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := newComparisons(art)
	out.m = make(map[[2]int]*diff.Comparison, len(c.m))
	for key, cmp := range c.m {
		out.m[[2]int{key[0] + k, key[1] + k}] = cmp
	}
	for _, key := range c.order {
		out.order = append(out.order, [2]int{key[0] + k, key[1] + k})
	}
	return out
}
