package dumpgen

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"redline/model"
)

// EditMix weighs the kinds of edit that turn one version into the next.
// The weights are relative; a zero EditMix means DefaultMix.
type EditMix struct {
	// Words substitutes, inserts or deletes a few words in a paragraph.
	Words float64
	// Sentences adds, removes or rewrites a sentence, or moves one to the
	// neighbouring paragraph.
	Sentences float64
	// Insert adds one or more new paragraphs in one place (new reporting).
	Insert float64
	// Remove cuts one to three neighbouring paragraphs.
	Remove float64
	// Move takes a paragraph elsewhere, near or far, sometimes edited.
	Move float64
	// Split breaks a paragraph in two at a sentence boundary.
	Split float64
	// Merge joins two neighbouring paragraphs.
	Merge float64
	// Rewrite replaces a whole paragraph, either re-cast in the same shape
	// or written anew.
	Rewrite float64
	// The page shapes below (shapes.go) are zero in DefaultMix, which
	// then generates exactly what it always did; NewsMix turns them on.
	Shapes ShapeMix
}

// DefaultMix is a news update like the seed's: mostly edits inside
// paragraphs and new reporting, with some reshuffling.
var DefaultMix = EditMix{Words: 30, Sentences: 18, Insert: 14, Remove: 8, Move: 8, Split: 4, Merge: 6, Rewrite: 8}

// NewsMix is DefaultMix on pages with the structure real news pages
// have besides prose: subheads, label lines, lists and bullets, lead-ins
// ending in a colon, anchors, headlines that change more often, now and
// then a near-total rewrite or a long section cut or added.
var NewsMix = EditMix{Words: 30, Sentences: 18, Insert: 14, Remove: 8, Move: 8, Split: 4, Merge: 6, Rewrite: 8,
	Shapes: ShapeMix{Headings: 8, Labels: 6, Lists: 10, Sections: 3, Overhaul: 1.5, HeadlineRate: 0.35}}

// PairOptions chooses what Pair and Chain generate.
type PairOptions struct {
	// Paragraphs is the first version's length; 0 → random 10–40.
	Paragraphs int
	// ChangeRate is the share of paragraphs an edit touches (0.3 → about
	// 30% of them). 0 → random, drawn like real updates: sometimes no body
	// change, mostly small ones, now and then up to 60%. Negative → no
	// body change at all.
	ChangeRate float64
	// KeepHeadline keeps the headline unchanged across versions; otherwise
	// it changes in about one pair in five, usually only slightly.
	KeepHeadline bool
	// Mix weighs the kinds of edit; zero → DefaultMix.
	Mix EditMix
}

// Pair generates a realistic pair of consecutive article versions,
// numbered 1 and 2; b.Elapsed says how much later b was seen.
func Pair(rng *rand.Rand, o PairOptions) (a, b model.Version) {
	vs := Chain(rng, 2, o)
	return vs[0], vs[1]
}

// Chain generates n consecutive versions of one article, numbered 1..n,
// each made from the one before by the edits of PairOptions, for tests of
// several dumps of one article that share versions.
func Chain(rng *rand.Rand, n int, o PairOptions) []model.Version {
	if n <= 0 {
		return nil
	}
	w := newWriter(rng)
	art := w.newArticle(o.Paragraphs)
	if o.Mix.Shapes.on() {
		w.addShapes(&art)
	}
	out := []model.Version{art.version(1, "")}
	for i := 2; i <= n; i++ {
		art = w.edit(art, o)
		out = append(out, art.version(i, elapsed(rng)))
	}
	return out
}

func (a article) version(number int, elapsed string) model.Version {
	v := model.Version{Number: number, Headline: a.headline, Elapsed: elapsed, Paragraphs: []string{}}
	for _, p := range a.paras {
		v.Paragraphs = append(v.Paragraphs, collapse(p.text()))
	}
	return v
}

// elapsed draws a gap between versions in the words of Rails'
// distance_of_time_in_words, which NewsSniffer prints; most updates come
// within hours.
func elapsed(rng *rand.Rand) string {
	var s string
	switch r := rng.Float64(); {
	case r < 0.05:
		s = "less than a minute"
	case r < 0.35:
		if m := 1 + rng.IntN(44); m == 1 {
			s = "1 minute"
		} else {
			s = strconv.Itoa(m) + " minutes"
		}
	case r < 0.50:
		s = "about 1 hour"
	case r < 0.85:
		s = "about " + strconv.Itoa(2+rng.IntN(22)) + " hours"
	case r < 0.90:
		s = "1 day"
	case r < 0.97:
		s = strconv.Itoa(2+rng.IntN(28)) + " days"
	default:
		s = "about 1 month"
	}
	return s + " later"
}

// changeRate draws the share of paragraphs one update touches.
func changeRate(rng *rand.Rand) float64 {
	switch r := rng.Float64(); {
	case r < 0.08:
		return -1
	case r < 0.50:
		return 0.02 + 0.10*rng.Float64()
	case r < 0.82:
		return 0.12 + 0.18*rng.Float64()
	}
	return 0.30 + 0.30*rng.Float64()
}

// edit makes the next version of a.
func (w *writer) edit(a article, o PairOptions) article {
	rng := w.rng
	b := a.clone()
	headlineRate := 0.2
	if o.Mix.Shapes.HeadlineRate > 0 {
		headlineRate = o.Mix.Shapes.HeadlineRate
	}
	if !o.KeepHeadline && rng.Float64() < headlineRate {
		w.editHeadline(&b)
	}
	rate := o.ChangeRate
	if rate == 0 {
		rate = changeRate(rng)
	}
	if rate > 0 {
		mix := o.Mix
		if mix == (EditMix{}) {
			mix = DefaultMix
		}
		budget := max(1, int(math.Round(rate*float64(len(b.paras)))))
		ops := []struct {
			weight float64
			apply  func(*article) int
		}{
			{mix.Words, w.opWords}, {mix.Sentences, w.opSentences}, {mix.Insert, w.opInsert},
			{mix.Remove, w.opRemove}, {mix.Move, w.opMove}, {mix.Split, w.opSplit},
			{mix.Merge, w.opMerge}, {mix.Rewrite, w.opRewrite},
			// Zero in DefaultMix: never drawn, so its pages are unchanged.
			{mix.Shapes.Headings, w.opHeading}, {mix.Shapes.Labels, w.opLabel},
			{mix.Shapes.Lists, w.opList}, {mix.Shapes.Sections, w.opSection},
			{mix.Shapes.Overhaul, w.opOverhaul},
		}
		total := 0.0
		for _, op := range ops {
			total += max(op.weight, 0)
		}
		for spent, tries := 0, 0; spent < budget && tries < 20*budget && total > 0; tries++ {
			x := rng.Float64() * total
			for _, op := range ops {
				if x -= max(op.weight, 0); x < 0 {
					spent += op.apply(&b)
					break
				}
			}
		}
		w.strayDot(&b)
	}
	dedupe(&b)
	if rate > 0 && sameBody(a, b) {
		w.opWords(&b)
	}
	return b
}

// strayDot now and then adds or drops the lone "." paragraph a page's
// extraction can leave (the seed's second version has one).
func (w *writer) strayDot(b *article) {
	for i, p := range b.paras {
		if p.kind == dot {
			if w.rng.Float64() < 0.3 {
				b.paras = append(b.paras[:i], b.paras[i+1:]...)
			}
			return
		}
	}
	if w.rng.Float64() < 0.03 && len(b.paras) > 2 {
		i := 1 + w.rng.IntN(len(b.paras)-1)
		b.paras = insertParas(b.paras, i, paragraph{kind: dot, sents: []sentence{{text: "."}}, touched: true})
	}
}

// dedupe drops a paragraph that repeats an earlier one word for word: no
// article prints the same paragraph twice in one version.
func dedupe(b *article) {
	seen := map[string]bool{}
	out := b.paras[:0]
	for _, p := range b.paras {
		t := collapse(p.text())
		// A list may print several lone bullets; nothing else repeats.
		if t == "" || (seen[t] && p.kind != bullet) {
			continue
		}
		seen[t] = true
		out = append(out, p)
	}
	b.paras = out
}

func sameBody(a, b article) bool {
	if len(a.paras) != len(b.paras) {
		return false
	}
	for i := range a.paras {
		if a.paras[i].text() != b.paras[i].text() {
			return false
		}
	}
	return true
}

// target picks a body paragraph that ok accepts, preferring one this edit
// has not touched yet, so edits spread over the article as they do.
func (w *writer) target(b *article, ok func(i int, p paragraph) bool) int {
	var fresh, any []int
	for i, p := range b.paras {
		if p.kind != body || !ok(i, p) {
			continue
		}
		any = append(any, i)
		if !p.touched {
			fresh = append(fresh, i)
		}
	}
	switch {
	case len(fresh) > 0:
		return pick(w.rng, fresh)
	case len(any) > 0:
		return pick(w.rng, any)
	}
	return -1
}

func anyPara(int, paragraph) bool { return true }

// opWords edits one to three words or short phrases in a paragraph.
func (w *writer) opWords(b *article) int {
	i := w.target(b, anyPara)
	if i < 0 {
		return 0
	}
	p := &b.paras[i]
	n := 1 + w.rng.IntN(3)
	changed := false
	for k := 0; k < n; k++ {
		s := &p.sents[w.rng.IntN(len(p.sents))]
		if t, ok := w.wordEdit(s.text); ok {
			s.text = t
			changed = true
		}
	}
	if !changed {
		return 0
	}
	p.touched = true
	return 1
}

// opSentences adds, removes, rewrites or moves a sentence.
func (w *writer) opSentences(b *article) int {
	rng := w.rng
	switch r := rng.Float64(); {
	case r < 0.35: // add
		i := w.target(b, anyPara)
		if i < 0 {
			return 0
		}
		ss := w.sentences(&w.body, b.phrases())
		p := &b.paras[i]
		at := len(p.sents)
		if rng.Float64() < 0.3 {
			at = rng.IntN(len(p.sents) + 1)
		}
		if i == 0 && at == 0 && b.dateline != "" {
			at = len(p.sents)
		}
		p.sents = append(p.sents[:at], append(ss, p.sents[at:]...)...)
		p.touched = true
		return 1
	case r < 0.60: // remove
		i := w.target(b, func(_ int, p paragraph) bool { return len(p.sents) >= 2 })
		if i < 0 {
			return 0
		}
		p := &b.paras[i]
		at := rng.IntN(len(p.sents))
		if i == 0 && b.dateline != "" {
			at = 1 + rng.IntN(len(p.sents)-1)
		}
		p.sents = append(p.sents[:at], p.sents[at+1:]...)
		p.touched = true
		return 1
	case r < 0.85: // rewrite
		i := w.target(b, anyPara)
		if i < 0 {
			return 0
		}
		p := &b.paras[i]
		at := rng.IntN(len(p.sents))
		if !w.rewriteSentence(b, i, at) {
			return 0
		}
		p.touched = true
		return 1
	}
	// Move a sentence across the boundary of two neighbouring paragraphs.
	i := w.target(b, func(i int, p paragraph) bool {
		return i > 0 && i+1 < len(b.paras) && b.paras[i+1].kind == body && len(p.sents)+len(b.paras[i+1].sents) >= 3
	})
	if i < 0 {
		return 0
	}
	p, q := &b.paras[i], &b.paras[i+1]
	if len(p.sents) >= 2 && (len(q.sents) < 2 || rng.IntN(2) == 0) {
		last := p.sents[len(p.sents)-1]
		p.sents = p.sents[:len(p.sents)-1]
		q.sents = append([]sentence{last}, q.sents...)
	} else {
		first := q.sents[0]
		q.sents = q.sents[1:]
		p.sents = append(p.sents, first)
	}
	p.touched, q.touched = true, true
	return 2
}

// rewriteSentence recasts sentence at of paragraph i: half the time from
// its own template with other choices (same shape, new details), else by
// several word edits; reports whether the text changed.
func (w *writer) rewriteSentence(b *article, i, at int) bool {
	s := &b.paras[i].sents[at]
	old := s.text
	if s.tmpl != "" && w.rng.IntN(2) == 0 {
		others := b.without(i, at)
		for try := 0; try < 8; try++ {
			ss := w.expand(s.tmpl)
			if len(ss) != 1 || ss[0] == old || !w.tolerable(ss[0], others) {
				continue
			}
			t := ss[0]
			if i == 0 && at == 0 && b.dateline != "" && !strings.HasPrefix(t, b.dateline) && strings.HasPrefix(old, b.dateline) {
				t = b.dateline + t
			}
			s.text = t
			return true
		}
	}
	for k := 0; k < 3+w.rng.IntN(3); k++ {
		if t, ok := w.wordEdit(s.text); ok {
			s.text = t
		}
	}
	return s.text != old
}

// without returns the phrases of b leaving out one sentence.
func (b *article) without(pi, si int) phraseSet {
	ps := phraseSet{}
	for i, p := range b.paras {
		for j, s := range p.sents {
			if i != pi || j != si {
				ps.add(s.text)
			}
		}
	}
	return ps
}

// opInsert adds new reporting: one paragraph usually, several in one
// place often.
func (w *writer) opInsert(b *article) int {
	rng := w.rng
	k := 1
	switch r := rng.Float64(); {
	case r < 0.45:
	case r < 0.70:
		k = 2
	case r < 0.85:
		k = 3
	default:
		k = 4 + rng.IntN(3)
	}
	end := len(b.paras)
	if end > 0 && b.paras[end-1].kind == credit {
		end--
	}
	at := 1 + rng.IntN(max(end, 1))
	at = min(at, end)
	seen := b.phrases()
	var add []paragraph
	for j := 0; j < k; j++ {
		p := w.paragraph(seen)
		seen.add(p.text())
		p.touched = true
		add = append(add, p)
	}
	b.paras = insertParas(b.paras, at, add...)
	return k
}

// opRemove cuts one paragraph, sometimes a run of two or three.
func (w *writer) opRemove(b *article) int {
	if len(b.paras) < 5 {
		return 0
	}
	i := w.target(b, func(i int, _ paragraph) bool { return i > 0 })
	if i < 0 {
		return 0
	}
	k := 1
	if w.rng.Float64() < 0.3 {
		k = 2 + w.rng.IntN(2)
	}
	j := i
	for j < len(b.paras) && j-i < k && b.paras[j].kind == body {
		j++
	}
	b.paras = append(b.paras[:i], b.paras[j:]...)
	return j - i
}

// opMove takes a paragraph up or down, near or far, edited half the time.
func (w *writer) opMove(b *article) int {
	rng := w.rng
	i := w.target(b, func(i int, _ paragraph) bool { return i > 0 })
	if i < 0 || len(b.paras) < 4 {
		return 0
	}
	p := b.paras[i]
	rest := append(append([]paragraph(nil), b.paras[:i]...), b.paras[i+1:]...)
	end := len(rest)
	if rest[end-1].kind == credit {
		end--
	}
	var to int
	if rng.Float64() < 0.55 {
		d := 1 + rng.IntN(3)
		if rng.IntN(2) == 0 {
			d = -d
		}
		to = i + d
	} else {
		to = 1 + rng.IntN(max(end, 1))
	}
	to = max(1, min(to, end))
	if to == i {
		return 0
	}
	if rng.IntN(2) == 0 {
		s := &p.sents[rng.IntN(len(p.sents))]
		if t, ok := w.wordEdit(s.text); ok {
			s.text = t
		}
	}
	p.touched = true
	b.paras = insertParas(rest, to, p)
	return 1
}

// opSplit breaks a paragraph in two at a sentence boundary.
func (w *writer) opSplit(b *article) int {
	i := w.target(b, func(_ int, p paragraph) bool { return len(p.sents) >= 2 })
	if i < 0 {
		return 0
	}
	p := b.paras[i]
	at := 1 + w.rng.IntN(len(p.sents)-1)
	first := paragraph{sents: append([]sentence(nil), p.sents[:at]...), touched: true}
	second := paragraph{sents: append([]sentence(nil), p.sents[at:]...), touched: true}
	if w.rng.Float64() < 0.3 {
		s := &second.sents[0]
		if t, ok := w.wordEdit(s.text); ok {
			s.text = t
		}
	}
	b.paras[i] = first
	b.paras = insertParas(b.paras, i+1, second)
	return 1
}

// opMerge joins a paragraph with the next one.
func (w *writer) opMerge(b *article) int {
	i := w.target(b, func(i int, p paragraph) bool {
		return i+1 < len(b.paras) && b.paras[i+1].kind == body && len(p.sents)+len(b.paras[i+1].sents) <= 5
	})
	if i < 0 {
		return 0
	}
	b.paras[i].sents = append(b.paras[i].sents, b.paras[i+1].sents...)
	b.paras[i].touched = true
	b.paras = append(b.paras[:i+1], b.paras[i+2:]...)
	return 2
}

// opRewrite replaces a paragraph: recast sentence by sentence, or new.
func (w *writer) opRewrite(b *article) int {
	i := w.target(b, func(i int, _ paragraph) bool { return i > 0 })
	if i < 0 {
		return 0
	}
	return w.opRewriteAt(b, i)
}

// opRewriteAt replaces paragraph i: recast sentence by sentence, or new.
func (w *writer) opRewriteAt(b *article, i int) int {
	if w.rng.IntN(2) == 0 {
		changed := false
		for at := range b.paras[i].sents {
			if w.rewriteSentence(b, i, at) {
				changed = true
			}
		}
		b.paras[i].touched = true
		if changed {
			return 1
		}
	}
	others := phraseSet{}
	for j, p := range b.paras {
		if j != i {
			others.add(p.text())
		}
	}
	p := w.paragraph(others)
	p.touched = true
	b.paras[i] = p
	return 1
}

// editHeadline changes the headline: mostly recast from its own template
// (similar wording), sometimes a different headline altogether.
func (w *writer) editHeadline(b *article) {
	old := b.headline
	t := b.headTmpl
	if w.rng.Float64() < 0.25 {
		t = w.headlines.draw(w.rng)
	}
	for try := 0; try < 10; try++ {
		if h := titleCase(w.expand(t)[0]); h != old {
			b.headline, b.headTmpl = h, t
			return
		}
		t = w.headlines.draw(w.rng)
	}
}
