package newssniffer

import (
	"fmt"
	"slices"
	"sort"
	"unicode/utf8"

	"redline/model"
	"redline/model/source/newssniffer/internal/cells"
)

// A chain is several comparison dumps of one article — Version 1/2, 2/3,
// 3/4 — read into one timeline. Each dump alone may leave readings open
// (which side a one-cell row belongs to, where a row splits), but a
// version shown by two dumps must read the same in both, so the dumps
// are read jointly (chain_joint.go).

// ReadChain reads several dumps of one article, in any order, into one
// timeline: names[i] names texts[i] in errors and notes. Dumps of another
// article (by URL) are an *InputError naming both.
func ReadChain(names []string, texts []string) (*model.Article, error) {
	var pages []*dumpPage
	for i, name := range names {
		d, err := parseDump(name, []byte(texts[i]))
		if err != nil {
			return nil, err
		}
		pages = append(pages, d)
	}
	for i := 1; i < len(pages); i++ {
		a, b := pages[0], pages[i]
		if a.art.URL != "" && b.art.URL != "" && a.art.URL != b.art.URL {
			return nil, model.InputErrorf(b.file, 0, "a dump of another article than %s (%s, not %s)", a.file, b.art.URL, a.art.URL)
		}
	}
	sort.SliceStable(pages, func(i, j int) bool {
		if pages[i].a.Number != pages[j].a.Number {
			return pages[i].a.Number < pages[j].a.Number
		}
		return pages[i].b.Number < pages[j].b.Number
	})
	var notes []string
	// The same comparison twice adds nothing.
	kept := pages[:1]
	for _, d := range pages[1:] {
		last := kept[len(kept)-1]
		if d.a.Number == last.a.Number && d.b.Number == last.b.Number {
			notes = append(notes, fmt.Sprintf("%s compares the same versions as %s and was left out", d.file, last.file))
			continue
		}
		kept = append(kept, d)
	}
	// The timeline is made of dumps whose spans do not overlap, the
	// shortest first: a dump of two neighbouring versions is that very
	// step. A dump that overlaps them (1/3 beside 1/2 and 2/3) is read
	// alone, for a version none of those holds, and checked against
	// them where it reads one they hold (assemble).
	bySpan := slices.Clone(kept)
	sort.SliceStable(bySpan, func(i, j int) bool {
		return bySpan[i].b.Number-bySpan[i].a.Number < bySpan[j].b.Number-bySpan[j].a.Number
	})
	pages = nil // a slice of its own: kept is read below
	var overlapping []*dumpPage
	for _, d := range bySpan {
		if slices.ContainsFunc(pages, func(p *dumpPage) bool { return d.a.Number < p.b.Number && p.a.Number < d.b.Number }) {
			overlapping = append(overlapping, d)
		} else {
			pages = append(pages, d)
		}
	}
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].a.Number < pages[j].a.Number })
	for _, d := range kept {
		d.rows.RecordAlternatives()
		d.rows.Solve()
	}
	for lo := 0; lo < len(pages); {
		hi := lo + 1
		for hi < len(pages) && pages[hi-1].b.Number == pages[hi].a.Number {
			hi++
		}
		notes = append(notes, readLinked(pages[lo:hi])...)
		lo = hi
	}
	return assemble(pages, overlapping, notes), nil
}

// readLinked reads dumps of which each shares its new version with the
// next one's old: jointly, as far as their readings can agree; where no
// readings of two neighbours agree, a note says so and the chain reads
// on from the later one.
func readLinked(pages []*dumpPage) []string {
	var notes []string
	for i := 0; i+1 < len(pages); i++ {
		reconcileHeadline(pages[i], pages[i+1])
	}
	for len(pages) > 1 {
		rs := offer(pages)
		n := reachable(rs)
		if n == len(pages) {
			chooseJointly(rs)
			return notes
		}
		if n > 1 {
			chooseJointly(offer(pages[:n]))
		}
		p, q := pages[n-1], pages[n]
		pv, qv := p.article().Versions[1], q.article().Versions[0]
		p.disputedNew, q.disputedOld = disputed(pv.Paragraphs, qv.Paragraphs)
		note, keptQ := disagreement(p, q, pv, qv)
		q.keepsShared = keptQ
		notes = append(notes, note)
		pages = pages[n:]
	}
	return notes
}

// disputed lists the paragraphs of a and of b, two readings of one
// version, that the other reading lacks.
func disputed(a, b []string) (inA, inB []int) {
	for _, h := range diffHunks(a, b) {
		for i := h.from; i < h.to; i++ {
			inA = append(inA, i)
		}
	}
	for _, h := range diffHunks(b, a) {
		for i := h.from; i < h.to; i++ {
			inB = append(inB, i)
		}
	}
	return inA, inB
}

// disagreement says where two dumps read one version differently and
// neither can be read the other's way, and which reading is kept: the
// one with fewer guesses, q's on a tie. keptQ reports it, so that the
// article shows the reading the note names.
func disagreement(p, q *dumpPage, pv, qv model.Version) (note string, keptQ bool) {
	k := 0
	for k < len(pv.Paragraphs) && k < len(qv.Paragraphs) && pv.Paragraphs[k] == qv.Paragraphs[k] {
		k++
	}
	excerpt := func(ps []string) string {
		if k >= len(ps) {
			return "(nothing)"
		}
		s := ps[k]
		if r := []rune(s); len(r) > 60 {
			s = string(r[:60]) + "…"
		}
		return fmt.Sprintf("%q", s)
	}
	kept, keptQ := q.file, true
	if len(pv.Guessed) < len(qv.Guessed) {
		kept, keptQ = p.file, false
	}
	return fmt.Sprintf("Version %d, paragraph %d: %s reads %s, %s reads %s; kept %s's reading",
		pv.Number, k+1, p.file, excerpt(pv.Paragraphs), q.file, excerpt(qv.Paragraphs), kept), keptQ
}

// reconcileHeadline makes the shared version's headline read the same in
// both dumps, re-cutting the headline row of the dump that had guessed.
func reconcileHeadline(p, q *dumpPage) {
	// Only one headline may end p's row and begin q's: then both rows
	// are cut by it, whatever either guessed alone.
	if h, ok := sharedHeadline(p.headlineRow, q.headlineRow); ok {
		if head, ok := cells.CutSuffix(p.headlineRow, h); ok && p.headlineRow != h+" "+h && p.headlineRow != h+h {
			p.a.Headline, p.b.Headline = head, h
		} else {
			p.a.Headline, p.b.Headline = h, h
		}
		if rest, ok := cells.CutPrefix(q.headlineRow, h); ok && q.headlineRow != h+" "+h && q.headlineRow != h+h {
			q.a.Headline, q.b.Headline = h, rest
		} else {
			q.a.Headline, q.b.Headline = h, h
		}
		p.a.HeadlineGuessed, p.b.HeadlineGuessed = false, false
		q.a.HeadlineGuessed, q.b.HeadlineGuessed = false, false
		return
	}
	if p.b.Headline == q.a.Headline {
		if !p.b.HeadlineGuessed || !q.a.HeadlineGuessed {
			p.a.HeadlineGuessed, p.b.HeadlineGuessed = false, false
			q.a.HeadlineGuessed, q.b.HeadlineGuessed = false, false
		}
		return
	}
	// q's row begins with the shared headline when p's reading is right;
	// p's row ends with it when q's is.
	if rest, ok := cells.CutPrefix(q.headlineRow, p.b.Headline); ok && (!p.b.HeadlineGuessed || q.a.HeadlineGuessed) {
		q.a.Headline, q.b.Headline = p.b.Headline, rest
		q.a.HeadlineGuessed, q.b.HeadlineGuessed = false, false
		return
	}
	if head, ok := cells.CutSuffix(p.headlineRow, q.a.Headline); ok {
		p.a.Headline, p.b.Headline = head, q.a.Headline
		p.a.HeadlineGuessed, p.b.HeadlineGuessed = false, false
	}
}

// sharedHeadline finds the one headline that can end row p (the new
// half of p's headline row, or all of an unchanged "H H") and begin row
// q; ok is false when none or several can.
func sharedHeadline(p, q string) (h string, ok bool) {
	found := 0
	qWhole, qSame := cells.SameCells(q) // q's whole cell, if it is one headline twice
	try := func(cand string) {
		if cand == "" || cand == h {
			return
		}
		if qSame && q != cand+" "+cand && q != cand+cand {
			return
		}
		if _, cut := cells.CutPrefix(q, cand); !cut && (!qSame || qWhole != cand) {
			return
		}
		h = cand
		found++
	}
	if whole, same := cells.SameCells(p); same {
		try(whole)
	}
	for i := 1; i < len(p); i++ {
		if p[i-1] == ' ' {
			try(p[i:])
		} else if p[i] != ' ' && utf8.RuneStart(p[i]) {
			try(p[i:])
		}
	}
	return h, found == 1
}

// assemble lays the dumps' versions out as one timeline, oldest first:
// those of the dumps whose spans do not overlap (pages), then any version
// only an overlapping dump holds, in the place its number gives it; a
// gap where numbers are missing between two versions.
func assemble(pages, overlapping []*dumpPage, notes []string) *model.Article {
	last := pages[len(pages)-1]
	art := &model.Article{Source: last.art.Source, URL: last.art.URL, FirstSeen: pages[0].art.FirstSeen, Notes: notes}
	for _, d := range slices.Concat(pages, overlapping) {
		art.Changes = max(art.Changes, d.art.Changes)
		if art.URL == "" {
			art.URL = d.art.URL
		}
	}
	for i, d := range pages {
		read := d.article()
		if i == 0 || pages[i-1].b.Number != d.a.Number {
			art.Versions = append(art.Versions, read.Versions[0])
		} else {
			// The shared version: the earlier dump's elapsed time, the
			// union of what either dump still had to guess.
			prev := &art.Versions[len(art.Versions)-1]
			if d.keepsShared {
				// The dumps disagreed and the note kept this one's
				// reading: show what the note says.
				prev.Paragraphs, prev.Guessed = read.Versions[0].Paragraphs, read.Versions[0].Guessed
				prev.Headline, prev.HeadlineGuessed = read.Versions[0].Headline, read.Versions[0].HeadlineGuessed
			} else {
				prev.Guessed = unionInts(prev.Guessed, read.Versions[0].Guessed)
				prev.HeadlineGuessed = prev.HeadlineGuessed && read.Versions[0].HeadlineGuessed
			}
		}
		art.Versions = append(art.Versions, read.Versions[1])
	}
	at := map[int]int{} // version number -> its index in art.Versions
	for i, v := range art.Versions {
		at[v.Number] = i
	}
	after := map[int]int{} // a version an overlapping dump gave -> the number its elapsed time is from
	for _, d := range overlapping {
		added := false
		read := d.article().Versions
		for side, v := range read {
			i, ok := at[v.Number]
			if !ok {
				at[v.Number], added = len(art.Versions), true
				if side == 1 {
					after[v.Number] = d.a.Number
				}
				art.Versions = append(art.Versions, v)
				continue
			}
			// A version the timeline holds, read by this dump too: where
			// the two readings differ, the timeline's is not sure.
			if mine, _ := disputed(art.Versions[i].Paragraphs, v.Paragraphs); len(mine) > 0 {
				art.Versions[i].Guessed = unionInts(art.Versions[i].Guessed, mine)
				what := fmt.Sprintf("%d paragraphs", len(mine))
				if len(mine) == 1 {
					what = "a paragraph"
				}
				art.Notes = append(art.Notes, fmt.Sprintf("%s reads %s of version %d otherwise: marked as guessed", d.file, what, v.Number))
			}
		}
		if !added {
			art.Notes = append(art.Notes, fmt.Sprintf("%s compares versions %d and %d, which the other dumps read: left out",
				d.file, d.a.Number, d.b.Number))
		}
	}
	slices.SortStableFunc(art.Versions, func(x, y model.Version) int { return x.Number - y.Number })
	for i, v := range art.Versions {
		// "About 9 hours later" is from the version its dump compared it
		// with: said only when that one is the version before it here.
		if from, ok := after[v.Number]; ok && (i == 0 || art.Versions[i-1].Number != from) {
			art.Versions[i].Elapsed = ""
		}
	}
	art.Gaps = model.NumberGaps(art.Versions) // "Version 3 missing"
	art.Title = art.Versions[len(art.Versions)-1].Headline
	return art
}

func unionInts(a, b []int) []int {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}
