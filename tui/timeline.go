package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// stepsMsg carries, for every step (index i: from version i-1 to i),
// its size (diff.Comparison.Size: words changed, headline included, and
// changes that touched no word) and how many of its changes are
// substantive (diff.Comparison.Substantive), measured beside the event
// loop.
type stepsMsg struct {
	sizes, substantive []int
	// first is the number of the first version measured: sizes measured
	// before the reader widened to older versions (see widen) are
	// dropped.
	first int
}

// measureSteps compares every version with the one before it, for the
// timeline, in a command: on a long history it is many comparisons, and
// the reader must not wait for them.
func (m Model) measureSteps() tea.Cmd {
	cmps, n := m.cmps, len(m.art.Versions)
	first := 0
	if n > 0 {
		first = m.art.Versions[0].Number
	}
	return func() tea.Msg {
		out := stepsMsg{sizes: make([]int, n), substantive: make([]int, n), first: first}
		for i := 1; i < n; i++ {
			c := cmps.peek(i-1, i)
			out.sizes[i], out.substantive[i] = c.Size(), c.Substantive()
		}
		return out
	}
}

// The timeline's cells, from a step of no change to the largest.
var levels = []rune("▁▂▃▄▅▆▇█")

// timeline draws one cell per version (or per stretch of versions, when
// there are more versions than cells), its height the size of that step;
// the shown and the pinned versions are marked and gaps in the history
// are visible. It is at most width cells wide.
func (m *Model) timeline(width int) string {
	n := len(m.art.Versions)
	if n < 2 || width < 1 || len(m.steps) != n {
		return ""
	}
	gaps := map[int]bool{}
	for _, g := range m.art.Gaps {
		gaps[g] = true
	}
	// One cell per version, and a gap mark after each gap, when they all
	// fit; else each cell stands for per versions and gaps are not drawn.
	cells, per := n, 1
	if n+len(gaps) > width {
		gaps = nil // too condensed to show a gap as a mark of its own
		per = (n + width - 1) / width
		cells = (n + per - 1) / per
	}
	largest := 1
	for _, s := range m.steps {
		largest = max(largest, s)
	}
	st := &m.styles
	var b strings.Builder
	for c := 0; c < cells; c++ {
		lo, hi := c*per, min((c+1)*per, n)
		size, known, shown, pinned, substantive := 0, true, false, false, false
		for i := lo; i < hi; i++ {
			if m.steps[i] < 0 {
				known = false
			}
			size = max(size, m.steps[i])
			substantive = substantive || i < len(m.substantive) && m.substantive[i] > 0
			shown = shown || i == m.shown
			pinned = pinned || i == m.pinned
		}
		cell := string(levels[0])
		if lo > 0 || hi > 1 {
			if size > 0 {
				cell = string(levels[min(len(levels)-1, (size*(len(levels)-1)+largest-1)/largest)])
			}
		}
		if !known {
			cell = "·"
		}
		switch {
		case shown && st.Marks:
			b.WriteString(st.TimelineShown.Render("●"))
		case shown:
			b.WriteString(st.TimelineShown.Render(cell))
		case pinned && st.Marks:
			b.WriteString(st.TimelinePinned.Render("◆"))
		case pinned:
			b.WriteString(st.TimelinePinned.Render(cell))
		case substantive:
			// A step with edits that can change what the article says
			// stands out from one of copy-editing alone.
			b.WriteString(st.TimelineSubstantive.Render(cell))
		default:
			b.WriteString(st.TimelineStep.Render(cell))
		}
		if gaps[hi-1] {
			b.WriteString(st.TimelineGap.Render("┆"))
		}
	}
	return b.String()
}

// preparedMsg says the comparisons around the shown version are ready.
type preparedMsg struct{}

// prepareNeighbours computes, beside the event loop, the steps the reader
// is likely to take next — to the versions before and after the shown
// one — so that pressing ← or → never waits for a comparison.
func (m Model) prepareNeighbours() tea.Cmd {
	cmps, n, shown, pinned := m.cmps, len(m.art.Versions), m.shown, m.pinned
	return func() tea.Msg {
		for _, v := range []int{shown + 1, shown - 1} {
			if v < 0 || v >= n {
				continue
			}
			if base := baseOf(v, pinned); base >= 0 && !cmps.has(base, v) {
				cmps.get(base, v)
			}
		}
		return preparedMsg{}
	}
}
