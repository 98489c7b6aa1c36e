package dumpgen

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file gives generated pages the shapes real news pages have
// besides prose paragraphs — the ones whose cells a flattened row hides
// without a full stop between them: subheads, label lines, lists, lone
// bullets, lead-ins ending in a colon, anchors — and the edits that
// touch them, along with near-total rewrites and long sections cut or
// added. DefaultMix leaves all of it off, so its pages stay as they were.

// ShapeMix weighs the edits of page shapes, relative to the EditMix
// weights; HeadlineRate is the chance the headline changes (0 → 0.2).
type ShapeMix struct {
	// Headings adds a subhead or changes one: a letter, its case, a few
	// words more, or a trailing anchor ("Heading #").
	Headings float64
	// Labels changes the date or time on a label line.
	Labels float64
	// Lists edits, adds or removes a list item, or rewords the lead-in.
	Lists float64
	// Sections cuts or adds a long run of paragraphs (5 to 15).
	Sections float64
	// Overhaul rewrites most of the article at once.
	Overhaul     float64
	HeadlineRate float64
}

func (m ShapeMix) on() bool {
	return m.Headings > 0 || m.Labels > 0 || m.Lists > 0 || m.Sections > 0 || m.Overhaul > 0
}

var (
	labelNames = []string{"Last updated", "Updated", "Still current at", "Published", "First published"}
	leadIns    = []string{
		"The new rules include:", "Under the plan:", "What we know so far:",
		"The measures announced on {Day} include:", "Officials listed the following steps:",
		"Here is what has changed:", "Key points:", "For example:", "The authorities in {Cap} said:",
	}
	// listItems are written with a capital and no full stop; itemStyle
	// decides how each list prints them.
	listItems = []string{
		"Schools in {City} will close at noon", "Trains will not run on Saturday",
		"Public gatherings of more than {N} people are banned", "Shops must close by {Time}",
		"The border with {C2} remains shut", "Flights to {Cap2} are suspended until {Day}",
		"Hospitals are cancelling routine operations", "Masks are required on public transport",
		"Fuel is rationed to {N} litres per car", "A curfew starts at {Time} in {Cap}",
		"Aid convoys need a permit from {Org}", "Banks will limit withdrawals to {Money} a day",
		"Exams are postponed until {Month}", "Ferries to {City} are cancelled",
		"Embassies in {Cap} have cut their staff", "Pensions will be paid a week early",
		"Road tolls are suspended for emergency vehicles", "Markets may open only in the morning",
	}
	anchors       = []string{"#", "¶", "↩", "§"}
	headingTails  = []string{"for travellers", "in {City}", "this week", "so far", "for families", "after the vote"}
	bulletMarkers = []string{"•", "-", "–", "*"}
)

// itemStyle is how one list prints its items.
type itemStyle int

const (
	itemPlain      itemStyle = iota // "Trains will not run on Saturday"
	itemStop                        // "Trains will not run on Saturday."
	itemLower                       // "trains will not run on Saturday;"
	itemBullet                      // "• Trains will not run on Saturday"
	itemLoneBullet                  // "•" then "Trains will not run on Saturday"
)

// addShapes gives a first version its label lines, a list and more
// subheads.
func (w *writer) addShapes(a *article) {
	rng := w.rng
	if rng.Float64() < 0.4 {
		at := 0
		if rng.IntN(3) == 0 {
			at = len(a.paras)
		}
		a.paras = insertParas(a.paras, at, w.label())
	}
	if rng.Float64() < 0.45 && len(a.paras) > 3 {
		at := 1 + rng.IntN(len(a.paras)-1)
		a.paras = insertParas(a.paras, at, w.list()...)
	}
	for n := rng.IntN(3); n > 0 && len(a.paras) > 4; n-- {
		at := 2 + rng.IntN(len(a.paras)-2)
		a.paras = insertParas(a.paras, at, w.heading(a.phrases()))
	}
}

// date writes "4 May" or "4 May 2024".
func (w *writer) date() string {
	d := strconv.Itoa(1+w.rng.IntN(28)) + " " + pick(w.rng, months)
	if w.rng.IntN(2) == 0 {
		d += " " + strconv.Itoa(2019+w.rng.IntN(6))
	}
	return d
}

func (w *writer) label() paragraph {
	return paragraph{kind: label, sents: []sentence{{text: pick(w.rng, labelNames) + ": " + w.date()}}}
}

// list writes a lead-in and two to five items in one style.
func (w *writer) list() []paragraph {
	rng := w.rng
	out := []paragraph{{kind: leadIn, sents: []sentence{{text: w.expand(pick(rng, leadIns))[0]}}}}
	style := itemStyle(rng.IntN(5))
	marker := pick(rng, bulletMarkers)
	for _, t := range pickN(rng, listItems, 2+rng.IntN(4)) {
		out = append(out, w.item(t, style, marker)...)
	}
	return out
}

// item prints one list item in style; a lone bullet is a paragraph of
// its own before the item's text.
func (w *writer) item(tmpl string, style itemStyle, marker string) []paragraph {
	text := w.expand(tmpl)[0]
	p := paragraph{kind: item}
	switch style {
	case itemStop:
		text += "."
	case itemLower:
		r, n := utf8.DecodeRuneInString(text)
		text = string(unicode.ToLower(r)) + text[n:] + ";"
	case itemBullet:
		text = marker + " " + text
	case itemLoneBullet:
		p.sents = []sentence{{text: text}}
		return []paragraph{{kind: bullet, sents: []sentence{{text: "•"}}}, p}
	}
	p.sents = []sentence{{text: text, tmpl: tmpl}}
	return []paragraph{p}
}

// opHeading changes a subhead the way editors do — a letter, the case,
// a few words more, an anchor after it — or adds one.
func (w *writer) opHeading(b *article) int {
	rng := w.rng
	var hs []int
	for i, p := range b.paras {
		if p.kind == heading {
			hs = append(hs, i)
		}
	}
	if len(hs) == 0 || rng.IntN(4) == 0 {
		if len(b.paras) < 3 {
			return 0
		}
		at := 1 + rng.IntN(len(b.paras)-1)
		b.paras = insertParas(b.paras, at, w.heading(b.phrases()))
		return 1
	}
	p := &b.paras[pick(rng, hs)]
	h := p.sents[0].text
	switch rng.IntN(4) {
	case 0: // the case of its words
		if h == strings.ToLower(h[:1])+h[1:] || rng.IntN(2) == 0 {
			h = titleCase(h)
		} else {
			h = capitalize(strings.ToLower(h))
		}
	case 1: // one letter
		h = oneLetter(rng.IntN, h)
	case 2:
		tail := w.expand(pick(rng, headingTails))[0]
		r, n := utf8.DecodeRuneInString(tail)
		h += " " + string(unicode.ToLower(r)) + tail[n:]
	default:
		h += " " + pick(rng, anchors)
	}
	if h == p.sents[0].text {
		return 0
	}
	p.sents[0].text, p.touched = h, true
	return 1
}

// oneLetter changes one lower-case letter of s (a typo made or fixed).
func oneLetter(intn func(int) int, s string) string {
	b := []byte(s)
	var at []int
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			at = append(at, i)
		}
	}
	if len(at) == 0 {
		return s + "s"
	}
	i := at[intn(len(at))]
	b[i] = byte('a' + (int(b[i]-'a')+1+intn(25))%26)
	return string(b)
}

// opLabel changes a label line's date, or adds one.
func (w *writer) opLabel(b *article) int {
	for i, p := range b.paras {
		if p.kind == label {
			name, _, _ := strings.Cut(p.sents[0].text, ": ")
			b.paras[i].sents = []sentence{{text: name + ": " + w.date()}}
			b.paras[i].touched = true
			return 1
		}
	}
	b.paras = insertParas(b.paras, 0, w.label())
	return 1
}

// opList edits a list: an item's words, an item added or cut, the
// lead-in reworded (keeping its colon); with no list, one is added.
func (w *writer) opList(b *article) int {
	rng := w.rng
	var items []int
	lead := -1
	for i, p := range b.paras {
		switch p.kind {
		case item:
			items = append(items, i)
		case leadIn:
			lead = i
		}
	}
	if lead < 0 || len(items) == 0 {
		if len(b.paras) < 3 {
			return 0
		}
		at := 1 + rng.IntN(len(b.paras)-1)
		b.paras = insertParas(b.paras, at, w.list()...)
		return 2
	}
	i := pick(rng, items)
	switch rng.IntN(4) {
	case 0:
		if t, ok := w.wordEdit(b.paras[i].sents[0].text); ok {
			b.paras[i].sents[0].text = t
		} else {
			b.paras[i].sents[0].text += " or Sunday"
		}
	case 1:
		// A new item in the list's style: copy the neighbour's shape.
		style, marker := styleOf(b.paras, i)
		add := w.item(pick(rng, listItems), style, marker)
		b.paras = insertParas(b.paras, i+1, add...)
	case 2:
		from := i
		if from > 0 && b.paras[from-1].kind == bullet {
			from--
		}
		b.paras = append(b.paras[:from], b.paras[i+1:]...)
	default:
		b.paras[lead].sents[0].text = w.expand(pick(rng, leadIns))[0]
	}
	return 1
}

// styleOf reads back the style of the list item at i.
func styleOf(ps []paragraph, i int) (itemStyle, string) {
	t := ps[i].sents[0].text
	switch {
	case i > 0 && ps[i-1].kind == bullet:
		return itemLoneBullet, "•"
	case strings.HasSuffix(t, ";"):
		return itemLower, ""
	case strings.HasSuffix(t, "."):
		return itemStop, ""
	}
	for _, m := range bulletMarkers {
		if strings.HasPrefix(t, m+" ") {
			return itemBullet, m
		}
	}
	return itemPlain, ""
}

// opSection cuts a long run of paragraphs, or adds one: a section
// dropped from a page or a new one written in.
func (w *writer) opSection(b *article) int {
	rng := w.rng
	k := 5 + rng.IntN(11)
	if rng.IntN(3) > 0 && len(b.paras) > k+2 {
		at := 1 + rng.IntN(len(b.paras)-k-1)
		b.paras = append(b.paras[:at], b.paras[at+k:]...)
		return k
	}
	at := 1 + rng.IntN(max(len(b.paras)-1, 1))
	at = min(at, len(b.paras))
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

// opOverhaul rewrites most body paragraphs at once, as when a breaking
// story is replaced by a full report.
func (w *writer) opOverhaul(b *article) int {
	n := 0
	for i := range b.paras {
		if b.paras[i].kind == body && w.rng.Float64() < 0.9 {
			n += w.opRewriteAt(b, i)
		}
	}
	return max(n, 1)
}
