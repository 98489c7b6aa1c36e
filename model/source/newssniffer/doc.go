// Package newssniffer reads NewsSniffer's comparison pages: flattened to
// text (a dump, ReadDump), several dumps of one article (ReadChain), and
// pages saved as HTML (ReadNewsSnifferHTML, ReadPages), whose cells are
// exact and need no inference.
//
// # Reading a dump, in order
//
// Flattening lost where each table row's two cells meet; the reader gets
// both versions back in six phases (DESIGN.md, "The seed format"):
//
//  1. Parse rows (parseDump, dump.go): the header sentences, the version
//     line, the headline row (cut by splitHeadline, headline.go, where
//     the halves read most alike and where the body's own prose would
//     start and end a headline), the optional elapsed row, then one
//     cells.Row per body line. A row that reads "X X" or
//     "XX" is a matched paragraph (cells.SameCells); the others form runs.
//  2. Candidate cuts (cells.New → rowBoundaries, boundaryCost in
//     cells/boundary.go): every place a row could be cut into an old and a
//     new cell — after a sentence end, a colon, a semicolon, a heading or
//     label without punctuation, before a bullet — each with a prior cost
//     in nats and the evidence of its two cells reading alike
//     (cells/alike.go).
//  3. Link evidence (cells/split_link.go): rows are segmented into
//     sentences, and sentences that share word trigrams (weighted by how
//     rare they are on the page) are linked: linked sentences belong to
//     opposite versions.
//  4. Solve (Reader.Solve, cells/split_solve.go, cells/split_exact.go):
//     coordinate ascent over each run's shape (how many rows hold two
//     cells, which side the rest belong to) and each two-cell row's cut;
//     a change to one row is answered by the rows linked to it. A small
//     run linked elsewhere has every shape tried with the page
//     answering; where runs are linked, the ascent runs again from a
//     second start (the runs first read in reverse order) and the better
//     reading under its own score is kept. A reading must lay out as the
//     page (cells/layout.go, diff-lcs's choice among longest common
//     subsequences): one that would not is replaced by the best
//     alternative that does.
//  5. Flag guesses (cells/split_guess.go): every plausible alternative is
//     tried, its linked rows answer, and each paragraph that reads
//     differently under an alternative that lays out as the page and
//     scores within cells.GuessMargin of the chosen reading is marked
//     guessed; a run's side prior counts once
//     for the run, not once per row.
//  6. Read chains jointly (ReadChain, chain.go, chain_joint.go): a
//     version two dumps share must read the same in both. Each dump
//     offers readings — its own, the alternatives it weighed, and those
//     its neighbours' shared versions force on it (Reader.Constrained),
//     and versions built stretch by stretch from both neighbours'
//     readings (chain_merge.go) — and the combination that agrees on every shared version with the
//     highest sum of scores (Reader.JointScore) is kept; rows that read
//     otherwise in a combination within cells.GuessMargin stay guessed.
//     Where no readings of two neighbours agree, a note names the
//     reading kept, the article shows that one, and the paragraphs in
//     dispute are flagged as guessed.
//
// The score's terms are all log-probabilities, in nats; see the cells
// package for each.
//
// It imports model, golang.org/x/net/html and its own internal cells
// package; never a terminal package.
package newssniffer
