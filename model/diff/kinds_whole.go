package diff

// wholeParagraph is a paragraph added (or removed) whole, on its way to
// its kinds: an editor's note added is a correction; a paragraph of
// punctuation alone is punctuation; else it is a quote when it holds a
// quotation, a name when it names someone or something the other
// version never names, a number when it holds a figure, weekday or
// month the other version never has — and wording when none of these.
// Whether the other version has them is looked up once for every such
// paragraph of a comparison (knownNames.scan), together with what its
// capitals at sentence starts need to be read as names.
type wholeParagraph struct {
	ch             *Change
	other          int // the version it is not in: 0 the old, 1 the new
	kinds          EditKinds
	decided        bool
	numbers, names []string  // keys to look for in the other version
	capitals       []capital // names[k] is capitals[k]'s key
}

// capital is a word that may be a name, as its paragraph wrote it: what
// decides, once the article is read, whether it is one (capitalKnown).
// Only this is kept of the paragraph's tokens: a comparison that removed
// most of a long version has many such paragraphs waiting at once.
type capital struct {
	text  string
	start bool
}

func newWholeParagraph(ch *Change) *wholeParagraph {
	text, added := ch.Edits[0].Text, ch.Kind == Added
	w := &wholeParagraph{ch: ch, other: 1}
	if added {
		w.other = 0
	}
	if added && correctionNote(text) {
		w.kinds, w.decided = EditKinds(KindCorrection), true
		return w
	}
	if len(text) > maxKindText {
		// Its first stretch: a paragraph of megabytes is not read whole
		// for the figures and names it adds.
		text = cutAtSpace(text, maxKindText)
	}
	p := parseText(text, false)
	if p.words(0, len(p.toks)) == 0 {
		w.kinds, w.decided = EditKinds(KindPunctuation), true
		return w
	}
	if p.quotedWords(0, len(p.toks)) {
		w.kinds |= EditKinds(KindQuote)
	}
	for i := range p.toks {
		if n, ok := p.numberKey(i); ok && !dateWords[n] {
			w.numbers = append(w.numbers, n)
		}
		// A lone initial (the U of U.N.) names nothing by itself.
		if n, ok := p.nameCandidate(i); ok && len(n) > 1 {
			w.names = append(w.names, n)
			w.capitals = append(w.capitals, capital{p.text(i), p.toks[i].start})
		}
	}
	return w
}

// decide gives the paragraph its kinds, found being the keys the other
// version holds.
func (w *wholeParagraph) decide(found map[string]bool, known *knownNames) EditKinds {
	if w.decided {
		return w.kinds
	}
	k := w.kinds
	for _, n := range w.numbers {
		if !found[n] {
			k |= EditKinds(KindNumber)
		}
	}
	for j, n := range w.names {
		if c := w.capitals[j]; !found[n] && capitalKnown(c.text, c.start, known) {
			k |= EditKinds(KindName)
		}
	}
	if k == 0 {
		k = EditKinds(KindWording)
	}
	return k
}
