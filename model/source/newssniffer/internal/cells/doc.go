// Package cells recovers the two cells of every body row of a flattened
// NewsSniffer comparison table: the inference behind newssniffer.ReadDump.
// Its phases, in order, are listed in the newssniffer package doc.
//
// # The score
//
// A reading of the page is scored as a sum of log-probabilities, in nats;
// the reader keeps the reading with the highest sum:
//
//   - boundary cost (boundary.go, costJoin … costUnpunctuated,
//     abbreviationCost): minus the cost of each two-cell row's cut — free
//     after a sentence end, dear after "Mr." or a month before its day,
//     dearer with no punctuation at all;
//   - sentence-count prior (sentencePrior): paragraphs hold one to three
//     sentences;
//   - side prior (sidePrior: ln 0.55 added, ln 0.45 removed) for each
//     one-cell row, and unlinkedOldBias for an unlinked sentence read as
//     removed in a two-cell row;
//   - evidence (evidence, agreement): for each pair of linked sentences,
//     its weight (shared trigrams, rarer ones heavier) times +1 when they
//     sit on opposite sides and −1 when on the same side;
//   - self-evidence (selfEvidence): a cut inside a sentence whose two parts
//     read alike — an edited paragraph that lost its full stop.
//
// A reading is decided when every plausible alternative scores at least
// GuessMargin nats below it; otherwise the paragraphs it changes are
// flagged as guessed.
//
// It imports nothing of redline's; only newssniffer uses it.
package cells
