// Package cells recovers the two cells of every body row of a flattened
// NewsSniffer comparison table: the inference behind newssniffer.ReadDump.
// Its phases, in order, are listed in the newssniffer package doc.
//
// # The score
//
// A reading of the page is scored as a sum of log-probabilities, in nats;
// the reader keeps the reading with the highest sum:
//
//   - boundary cost (boundary.go, costJoin … costLowerStart,
//     abbreviationCost): minus the cost of each two-cell row's cut — free
//     after a sentence end, dear after "Mr." or a month before its day,
//     after a colon (a lead-in) or a semicolon (a list item), dearer with
//     no punctuation at all (a heading, a label line); a lone "." or
//     bullet may be a cell, a bullet before text may not, and a lone
//     anchor ("#") ends its heading;
//   - sentence-count prior (sentencePrior): paragraphs hold one to three
//     sentences;
//   - side prior (sidePrior: ln 0.55 added, ln 0.45 removed) for each
//     one-cell row, and unlinkedOldBias for an unlinked sentence read as
//     removed in a two-cell row;
//   - evidence (evidence, agreement): for each pair of linked sentences,
//     its weight (shared trigrams, rarer ones heavier) times +1 when they
//     sit on opposite sides and −1 when on the same side;
//   - self-evidence (selfEvidence) and likeness (alikeEvidence, up to
//     alikeWeight): a cut whose two cells read alike — by shared word
//     trigrams inside a sentence, or letter by letter for short cells
//     (an edited heading, label or list item; two short cells that start
//     with one label, "Updated:", count as alike as alikeMin however
//     much of the value changed) — whichever is stronger;
//   - order (orderEvidence, orderWeight): a cut after which the new cell
//     starts with the counterpart of the old cell's first sentence.
//
// When alternatives are weighed (split_guess.go), the one-cell rows of a
// run carry one side prior between them, not one each (runSidePrior):
// their side is one choice, and an uncued long section must read as the
// open choice it is.
//
// The search (split_solve.go, split_exact.go) counts each link once;
// JointScore is that objective with the run side prior, the score a
// chain of dumps sums. Runs linked to other runs are read twice, from
// two starting orders, and the better reading is kept; a run of up to
// exactRunRows rows linked elsewhere has every (k, side) tried with the
// linked rows answering. Both are bounded by counts of work, never by
// time.
//
// A reading must lay out as the page (layout.go): NewsSniffer's diff
// picks one of several longest common subsequences, so a reading it
// would lay out otherwise is no reading of the page, however it scores.
//
// A reading is decided when every plausible alternative that lays out as
// the page scores at least GuessMargin nats below it; otherwise the
// paragraphs it changes are flagged as guessed.
//
// It imports nothing of redline's; only newssniffer uses it.
package cells
