package tui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"redline/model/diff"
)

// The edits column counts each article's substantive edits (diff.
// SubstantiveEdits: every step compared with the one before), so a
// researcher can open the most-rewritten articles first.
//
// Counting needs every version of every article read and compared, which
// the list's scan does not do (it reads one row per version and no
// text). It runs after the scan, beside the event loop, a few articles a
// command, the rows on screen first and then in the list's order (most
// versions first: the likeliest to be rewritten), and it stops after a
// budget of comparisons — a bound of work, not of time, so the same
// archive gets the same column on any machine. Counting lazily for the
// visible rows alone would be cheaper, but a list can only be sorted by
// what is known of every row it sorts.

// defaultMeasureBudget is how many comparisons the column may cost: at
// about a millisecond each on news articles, some twenty seconds of
// one core, enough for the few thousand most-versioned articles.
const defaultMeasureBudget = 20_000

// measureBatch is how many articles one command counts: small, so a
// quit or a new sort waits for little.
const measureBatch = 4

// measuredMsg carries the counts of one batch back to the picker.
type measuredMsg struct {
	counts map[string]int
	cost   int // comparisons spent
	err    error
}

// measure starts counting the next batch, when the scan is done, nothing
// is being counted and the budget allows.
func (p *Picker) measure() tea.Cmd {
	if p.archive == nil || p.catalog == nil || !p.progress.Done || p.measuring ||
		p.measureSpent >= p.measureBudget || p.scan.ctx == nil {
		return nil
	}
	keys := p.unmeasured(measureBatch)
	if len(keys) == 0 {
		return nil
	}
	p.measuring = true
	a, ctx, budget := p.archive, p.scan.ctx, p.measureBudget-p.measureSpent
	return func() (msg tea.Msg) {
		out := measuredMsg{counts: map[string]int{}}
		defer func() {
			// A fault here must not take the terminal down raw: it ends
			// the counting, and the footer says so.
			if r := recover(); r != nil {
				out.err = fmt.Errorf("counting edits failed: %v", r)
				msg = out
			}
		}()
		for _, k := range keys {
			if out.cost >= budget || ctx.Err() != nil {
				break
			}
			art, err := a.ArticleContext(ctx, k)
			if err != nil {
				out.counts[k] = -1 // unreadable: counted as unknown, not again
				continue
			}
			out.counts[k] = diff.SubstantiveEdits(art)
			out.cost += max(len(art.Versions)-1, 0)
		}
		return out
	}
}

// unmeasured lists up to n articles not counted yet: those on screen
// first, then in the catalog's order.
func (p *Picker) unmeasured(n int) []string {
	var out []string
	seen := map[string]bool{}
	add := func(i int) {
		s := p.catalog.At(i)
		k := s.Key
		if _, done := p.edits[k]; !done && s.Versions < 2 {
			// Nothing to compare: no need to read it.
			if p.edits == nil {
				p.edits = map[string]int{}
			}
			p.edits[k] = 0
			return
		}
		if _, done := p.edits[k]; !done && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for i := p.offset; i < len(p.match) && i < p.offset+p.listHeight() && len(out) < n; i++ {
		add(p.match[i])
	}
	// The catalog's order from where the last batch stopped: looking
	// from the top each time would cost a pass over the whole list.
	for ; p.measureNext < p.catalog.Len() && len(out) < n; p.measureNext++ {
		add(p.measureNext)
	}
	return out
}

// takeMeasured keeps a batch's counts and asks for the next.
func (p Picker) takeMeasured(msg measuredMsg) (tea.Model, tea.Cmd) {
	p.measuring = false
	if msg.err != nil {
		p.notice = msg.err.Error()
		p.measureSpent = p.measureBudget // no more
		return p, nil
	}
	if p.edits == nil {
		p.edits = map[string]int{}
	}
	for k, n := range msg.counts {
		p.edits[k] = n
	}
	p.measureSpent += msg.cost
	if p.order == byEdits {
		p.sortMatch()
	}
	return p, p.measure()
}

// pickerOrder is how the article list is sorted; s cycles through them.
type pickerOrder int8

const (
	byVersions pickerOrder = iota // most versions first: the catalog's own order
	byEdits                       // most substantive edits first (picker_kinds.go)
	byLastSeen                    // most recently seen first
	bySite                        // site A–Z, most versions first within one
	pickerOrders
)

// orderNames say the order in the list's title.
var orderNames = [pickerOrders]string{"most versions first", "most substantive edits first", "most recently seen first", "by site"}

// toggleSort sorts the list by the next order, keeping the cursor on its
// article.
func (p *Picker) toggleSort() {
	p.order = (p.order + 1) % pickerOrders
	p.match = p.catalog.Filter(p.query)
	p.sortMatch()
}

// sortMatch orders the rows by the list's order; the catalog's order
// (most versions first) breaks ties, and rows whose edits are not counted
// yet come after those counted. The cursor stays on its article.
func (p *Picker) sortMatch() {
	if p.order == byVersions {
		return // Filter keeps the catalog's order
	}
	sel, ok := p.Selected()
	switch p.order {
	case byEdits:
		sortByKey(p.match, func(i int) int {
			if n, done := p.edits[p.catalog.At(i).Key]; done {
				return -n // most first
			}
			return 1 // not counted yet: after those counted
		}, cmp.Compare[int])
	case byLastSeen:
		sortByKey(p.match, func(i int) time.Time { return p.catalog.At(i).LastSeen },
			func(a, b time.Time) int { return b.Compare(a) })
	case bySite:
		sortByKey(p.match, func(i int) string { return p.catalog.At(i).Host() }, strings.Compare)
	}
	if ok {
		p.cursorTo(sel.Key)
	}
}

// cursorTo puts the cursor on the article with key k, if listed.
func (p *Picker) cursorTo(k string) {
	for i, j := range p.match {
		if p.catalog.At(j).Key == k {
			p.cursor = i
			break
		}
	}
	p.scrollToCursor()
}

// editsCell is an article's count for the edits column: blank until
// counted, ? when its versions could not be read.
func (p *Picker) editsCell(k string) string {
	n, ok := p.edits[k]
	switch {
	case !ok:
		return ""
	case n < 0:
		return "?"
	}
	return fmt.Sprint(n)
}

// measureText says how far counting has come, while it is not done.
func (p *Picker) measureText() string {
	if p.archive == nil || p.catalog == nil || !p.progress.Done || len(p.edits) >= p.catalog.Len() {
		return ""
	}
	if p.measureSpent >= p.measureBudget {
		return fmt.Sprintf("edits counted for %d of %d articles (the rest would cost too much)", len(p.edits), p.catalog.Len())
	}
	return fmt.Sprintf("counting edits: %d of %d articles", len(p.edits), p.catalog.Len())
}

// sortByKey sorts rows, stably, by key(row) in the order compare gives,
// working each row's key out once: the list re-sorts as edits are
// counted, and a key made afresh at every comparison (a catalog entry
// copied, a host cut from its URL) was most of it on a large archive.
func sortByKey[K any](rows []int, key func(int) K, compare func(a, b K) int) {
	type keyed struct {
		row int
		key K
	}
	ks := make([]keyed, len(rows))
	for n, r := range rows {
		ks[n] = keyed{r, key(r)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return compare(a.key, b.key) })
	for n, k := range ks {
		rows[n] = k.row
	}
}
