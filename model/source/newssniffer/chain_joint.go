package newssniffer

import (
	"math"
	"strings"

	"redline/model/source/newssniffer/internal/cells"
)

// This file reads a run of linked dumps (Version 1/2, 2/3, …) jointly:
// each dump offers readings — its own best, the alternatives it weighed,
// and the readings forced on it by what its neighbours read their shared
// version as — and the chain keeps the combination under which every
// shared version reads alike in both dumps and the dumps' scores sum
// highest. The end versions follow from the readings kept.

// Work bounds of the joint reading, counted in readings, never in time.
const (
	// maxChainReadings bounds the readings one dump offers.
	maxChainReadings = 160
	// constrainPasses is how often the readings are passed along the
	// chain: twice lets a reading reach a dump two links away.
	constrainPasses = 2
	// maxBothEnds bounds, per dump, the readings of each neighbour that
	// fix both its versions at once (the best ones first).
	maxBothEnds = 4
)

// reading is one way to read a dump's rows.
type reading struct {
	states         []cells.State
	oldKey, newKey string
	score          float64 // cells.Reader.JointScore
}

// readings are the ways one dump offers to be read.
type readings struct {
	d    *dumpPage
	list []reading
	seen map[string]bool // by oldKey and newKey
}

// versionKey names a version's paragraphs; rows are whitespace-collapsed,
// so no paragraph holds a newline.
func versionKey(ps []string) string { return strings.Join(ps, "\n") + "\n" }

func (rs *readings) add(states []cells.State) {
	if len(rs.list) >= maxChainReadings {
		return
	}
	old, new := rs.d.rows.VersionsOf(states)
	ok, nk := versionKey(old), versionKey(new)
	if rs.seen[ok+"\x00"+nk] {
		return
	}
	rs.seen[ok+"\x00"+nk] = true
	if len(rs.list) > 0 && !rs.d.rows.LaysOut(old, new) {
		return // NewsSniffer would lay these versions out otherwise
	}
	rs.list = append(rs.list, reading{states: states, oldKey: ok, newKey: nk, score: rs.d.rows.JointScore(states)})
}

// paragraphs gives a key's paragraphs back.
func paragraphs(key string) []string {
	ps := strings.Split(key, "\n")
	return ps[:len(ps)-1]
}

// offer collects each dump's readings: its own and the alternatives it
// weighed, then, passed along the links, every reading a neighbour's
// shared version forces on it.
func offer(pages []*dumpPage) []*readings {
	rs := make([]*readings, len(pages))
	for i, d := range pages {
		rs[i] = &readings{d: d, seen: map[string]bool{}}
		rs[i].add(d.rows.Reading())
		for _, alt := range d.rows.Recorded() {
			rs[i].add(alt)
		}
	}
	pass := func() {
		for i := 0; i+1 < len(pages); i++ {
			forward(rs[i], rs[i+1])
		}
		for i := len(pages) - 1; i > 0; i-- {
			backward(rs[i-1], rs[i])
		}
	}
	for n := 0; n < constrainPasses; n++ {
		pass()
	}
	// Versions built from two dumps' readings, then passed along too.
	for i := 0; i+1 < len(pages); i++ {
		mergeShared(rs[i], rs[i+1])
	}
	pass()
	// A middle dump read with both its versions fixed by its neighbours'
	// best readings: where each neighbour settles one end, this finds
	// the reading between them.
	for i := 1; i+1 < len(pages); i++ {
		next := best(rs[i+1], maxBothEnds)
		for _, a := range best(rs[i-1], maxBothEnds) {
			for _, b := range next {
				if st, ok := pages[i].rows.Constrained(paragraphs(a.newKey), paragraphs(b.oldKey)); ok {
					rs[i].add(st)
				}
			}
		}
	}
	return rs
}

// forward reads q under each version p's readings give their shared one.
func forward(p, q *readings) { carry(p, q, true) }

// backward reads p under each version q's readings give their shared one.
func backward(p, q *readings) { carry(q, p, false) }

// carry reads dump to with one version fixed, once for each version
// from's readings give it: their new version as to's old when forward
// (from comes first in the chain), else their old as to's new.
func carry(from, to *readings, forward bool) {
	done := map[string]bool{}
	for _, c := range from.list {
		key := c.oldKey
		if forward {
			key = c.newKey
		}
		if done[key] {
			continue
		}
		done[key] = true
		old, new := paragraphs(key), []string(nil)
		if !forward {
			old, new = nil, old
		}
		if st, ok := to.d.rows.Constrained(old, new); ok {
			to.add(st)
		}
	}
}

// best lists up to n of rs's readings, the highest-scoring first, each
// with a shared version of its own.
func best(rs *readings, n int) []reading {
	out := append([]reading(nil), rs.list...)
	for i := 1; i < len(out); i++ { // insertion sort: stable, small
		for j := i; j > 0 && out[j].score > out[j-1].score; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out[:min(n, len(out))]
}

// chooseJointly picks one reading per dump so that neighbours read their
// shared version alike and the scores sum highest (a Viterbi pass along
// the chain), and flags as guessed in each dump the rows that read
// otherwise in a combination scoring within GuessMargin of the best.
// It changes nothing when no combination agrees.
func chooseJointly(rs []*readings) {
	n := len(rs)
	fwd, bwd := make([][]float64, n), make([][]float64, n)
	from := make([][]int, n)
	for i := range rs {
		fwd[i], bwd[i], from[i] = make([]float64, len(rs[i].list)), make([]float64, len(rs[i].list)), make([]int, len(rs[i].list))
	}
	for c, r := range rs[0].list {
		fwd[0][c], from[0][c] = r.score, -1
	}
	for i := 1; i < n; i++ {
		// The best way to reach each version shared with dump i-1.
		bestBy, argBy := map[string]float64{}, map[string]int{}
		for c, r := range rs[i-1].list {
			if v, ok := bestBy[r.newKey]; !ok || fwd[i-1][c] > v {
				bestBy[r.newKey], argBy[r.newKey] = fwd[i-1][c], c
			}
		}
		for c, r := range rs[i].list {
			v, ok := bestBy[r.oldKey]
			if !ok || math.IsInf(v, -1) {
				fwd[i][c], from[i][c] = math.Inf(-1), -1
				continue
			}
			fwd[i][c], from[i][c] = v+r.score, argBy[r.oldKey]
		}
	}
	for i := n - 2; i >= 0; i-- {
		bestBy := map[string]float64{}
		for c, r := range rs[i+1].list {
			if v, ok := bestBy[r.oldKey]; !ok || bwd[i+1][c]+r.score > v {
				bestBy[r.oldKey] = bwd[i+1][c] + r.score
			}
		}
		for c, r := range rs[i].list {
			if v, ok := bestBy[r.newKey]; ok {
				bwd[i][c] = v
			} else {
				bwd[i][c] = math.Inf(-1)
			}
		}
	}
	end, top := -1, math.Inf(-1)
	for c := range rs[n-1].list {
		if fwd[n-1][c] > top {
			end, top = c, fwd[n-1][c]
		}
	}
	if end < 0 {
		return
	}
	chosen := make([]int, n)
	for i, c := n-1, end; i >= 0; i-- {
		chosen[i] = c
		c = from[i][c]
	}
	for i, r := range rs {
		st := r.list[chosen[i]].states
		var near [][]cells.State
		for c, alt := range r.list {
			if c != chosen[i] && fwd[i][c]+bwd[i][c] >= top-cells.GuessMargin {
				near = append(near, alt.states)
			}
		}
		r.d.rows.Apply(st)
		r.d.rows.FlagDiffering(near)
	}
}

// reachable is how many of the dumps, from the first, have readings that
// agree with their neighbours' on every shared version.
func reachable(rs []*readings) int {
	live := map[string]bool{}
	for _, r := range rs[0].list {
		live[r.newKey] = true
	}
	for i := 1; i < len(rs); i++ {
		next := map[string]bool{}
		for _, r := range rs[i].list {
			if live[r.oldKey] {
				next[r.newKey] = true
			}
		}
		if len(next) == 0 {
			return i
		}
		live = next
	}
	return len(rs)
}
