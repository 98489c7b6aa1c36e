package cells

import "strings"

// This file recovers the two cells of every body row of a flattened
// NewsSniffer table (DESIGN.md, "The seed format").
//
// NewsSniffer matched the paragraphs of the two versions by LCS on exact
// text; a matched paragraph fills both cells of its row, so the row reads
// "X X" or "XX". Between two matched rows lies a run of other rows: the
// first k hold a removed and an inserted paragraph (left old, right new),
// the rest one paragraph each, all removed or all inserted. For every run
// the reader chooses k, the side of the one-cell rows, and where each
// two-cell row is cut.
//
// The choice weighs two things. Priors: a cut after a full stop is cheap,
// after "Mr." dear (boundary.go); paragraphs hold one to three sentences.
// Evidence from the whole page: a version rarely repeats itself, but most
// of an article survives from one version to the next, so two sentences
// that share several word trigrams sit on opposite sides — one old, one
// new. A paragraph that moved sits on the left in one row and on the right
// in another; an edited one sits in both cells of one row. The reader
// finds the reading with the most evidence and the best priors by
// coordinate ascent, then marks as guessed every paragraph whose reading a
// plausible alternative explains as well.

// Row is one body row of the table, whitespace-collapsed, as the reader
// is given it: Line is its 1-based line in the dump, for messages.
type Row struct {
	Text string
	Line int
}

// dumpRow is one row as the reader keeps it.
type dumpRow struct {
	text string
	line int
}

// side is which version a piece of text belongs to.
type side int8

const (
	sideUnknown side = iota
	sideOld
	sideNew
)

// sentence is a stretch of a row between two sentence-like boundaries: the
// unit that evidence links.
type sentence struct {
	row        int
	idx        int // its place in the row
	start, end int // byte offsets in the row's text
	grams      int // number of distinct shingles
	links      []sentenceLink
}

// sentenceLink says that two sentences share enough text to be one
// sentence in two versions; weight is the number of shared shingles.
type sentenceLink struct {
	to     int
	weight float64
}

// State is a reading of one row: the sentences before cut are old, the
// rest new. bound is the boundary used when the row holds two cells, -1
// when it holds one.
type State struct {
	cut   int
	bound int
}

type splitRow struct {
	dumpRow
	matched   bool
	run       int
	sentences []int      // ids into Reader.sentences, in order
	bounds    []boundary // the two-cell readings
	cuts      []int      // the cut each boundary implies
	state     State
	known     bool // state has been decided at least once
	best      int  // the best boundary given the others, -1 if none
	// The priors of every reading (see prior).
	boundPrior         []float64
	newPrior, oldPrior float64
	nbrs               []int
	seen               int // the answer (Reader.epoch) that last looked at it
	guessed            bool
}

type splitRun struct {
	rows  []int // indexes into Reader.rows
	dirty bool  // something it depends on changed since it was last read
	seen  int   // the answer (Reader.epoch) that last looked at it
}

// Reader holds a dump's body rows while their cells are recovered.
type Reader struct {
	rows      []splitRow
	sentences []sentence
	runs      []splitRun
	journal   []journalEntry
	scratch   []float64 // evidenceCuts' buffer
	sides     []side    // each sentence's side in the current reading
	epoch     int       // counts answers (respond), to mark what each saw
	recording bool      // keep the alternatives markGuesses accepts
	alts      [][]State // the readings kept while recording
	// layoutSpent counts the rows laid out checking alternatives
	// (altLaysOut), against layoutWork.
	layoutSpent int
	gramSet     map[uint64]bool // repeatsItself's set, reused
}

// Tuning of the reading, in nats.
const (
	// unlinkedOldBias favours reading a sentence that nothing links as
	// added rather than removed where a row holds two cells: an edited or
	// moved paragraph keeps its sentences, and new reporting arrives as
	// new sentences. It outweighs the sentence-count prior's taste for
	// cells of equal length.
	unlinkedOldBias = 0.7
	// strayPunctCost prices a paragraph that holds, besides its
	// sentences, a sentence of punctuation alone: ". ." is two cells.
	strayPunctCost = 3
	// GuessMargin is how much better (in nats, evidence and priors) a
	// reading must be than every plausible alternative to count as
	// decided.
	GuessMargin = 2.0
	// Links: two sentences share at least linkMinShared shingles and at
	// least linkMinShare of the smaller one's.
	linkMinShared = 3
	linkMinShare  = 0.2
	// A shingle found in more sentences than this is a stock phrase and
	// not evidence of anything.
	maxGramSentences = 32
	// maxLinks bounds the links of one sentence (see keepStrongest).
	maxLinks  = 8
	maxSweeps = 12
	// maxFlipWork bounds the work (rows, and rows linked to them) of
	// moving a run's one-cell rows to the other side in answer to one
	// change; a dearer run keeps its side unless chosen again whole
	// (chooseRun), which keeps answering cheap on long pages. A long
	// uncued section costs a row each, so it can still flip.
	maxFlipWork = 256
)

// New prepares the rows of one dump for reading: it segments every
// unmatched row into sentences, links sentences that share word trigrams
// across the page, and prices every reading of each row. Solve then
// chooses a reading.
func New(rows []Row) *Reader {
	r := &Reader{rows: make([]splitRow, len(rows))}
	cur := -1
	for i, row := range rows {
		dr := dumpRow{text: row.Text, line: row.Line}
		sr := splitRow{dumpRow: dr, run: -1, best: -1}
		if _, ok := SameCells(dr.text); ok {
			sr.matched = true
			cur = -1
		} else {
			if cur < 0 {
				cur = len(r.runs)
				r.runs = append(r.runs, splitRun{})
			}
			sr.run = cur
			r.runs[cur].rows = append(r.runs[cur].rows, i)
		}
		r.rows[i] = sr
	}
	for i := range r.rows {
		if !r.rows[i].matched {
			r.segment(i)
		}
	}
	r.link()
	r.sides = make([]side, len(r.sentences))
	for i := range r.rows {
		if !r.rows[i].matched {
			r.computePriors(i)
		}
	}
	return r
}

// SameCells reports whether a row is one paragraph in both cells: "X X" or
// "XX". NewsSniffer's LCS leaves no equal paragraphs unmatched inside a
// gap, so such a row is always a matched paragraph.
func SameCells(text string) (string, bool) {
	n := len(text)
	if n%2 == 1 && text[n/2] == ' ' && text[:n/2] == text[n/2+1:] {
		return text[:n/2], true
	}
	if n > 0 && n%2 == 0 && text[:n/2] == text[n/2:] {
		return text[:n/2], true
	}
	return "", false
}

// Versions lays the rows out as the two versions' paragraphs, with the
// indexes of the guessed ones.
func (r *Reader) Versions() (old []string, oldGuessed []int, new []string, newGuessed []int) {
	old, new = []string{}, []string{}
	for i := range r.rows {
		row := &r.rows[i]
		if row.matched {
			p, _ := SameCells(row.text)
			old, new = append(old, p), append(new, p)
			continue
		}
		st := row.state
		var left, right string
		switch {
		case st.bound >= 0:
			b := row.bounds[st.bound]
			left, right = row.text[:b.leftEnd], row.text[b.rightStart:]
		case st.cut == 0:
			right = row.text
		default:
			left = row.text
		}
		if left != "" {
			if row.guessed {
				oldGuessed = append(oldGuessed, len(old))
			}
			old = append(old, left)
		}
		if right != "" {
			if row.guessed {
				newGuessed = append(newGuessed, len(new))
			}
			new = append(new, right)
		}
	}
	return old, oldGuessed, new, newGuessed
}

// CutPrefix splits a row that starts with cell, joined with one space or
// none, returning the other cell.
func CutPrefix(row, cell string) (string, bool) {
	if !strings.HasPrefix(row, cell) || len(row) == len(cell) {
		return "", false
	}
	return strings.TrimPrefix(row[len(cell):], " "), true
}

// CutSuffix splits a row that ends with cell, returning the other cell.
func CutSuffix(row, cell string) (string, bool) {
	if !strings.HasSuffix(row, cell) || len(row) == len(cell) {
		return "", false
	}
	return strings.TrimSuffix(row[:len(row)-len(cell)], " "), true
}
