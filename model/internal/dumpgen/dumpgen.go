// Package dumpgen is test tooling for the NewsSniffer dump reader
// (model.ReadDump): it renders two versions of an article exactly the way a
// NewsSniffer comparison page reads once flattened to text, and it generates
// realistic article versions to render. A reader that recovers what these
// dumps were rendered from is a reader that generalizes beyond the one seed
// page we have.
//
// The renderer (this file) follows NewsSniffer's own source:
// lib/diff_html.rb feeds the two versions' paragraph lists to
// Diff::LCS.traverse_balanced and writes one table row per event;
// app/views/versions/diff.html.erb wraps that table in the header
// sentences. Rows reproduces diff-lcs's choice of common subsequence (not
// just any longest one), so that ties — a paragraph moved past another —
// come out the way NewsSniffer printed them.
//
// The generator writes news articles from a bank of sentence templates
// (bank.go) filled with one cast of people and places per article
// (cast.go, prose.go), and makes later versions with the edits editors
// make: words (words.go), sentences and paragraphs (edit.go).
package dumpgen

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"redline/model"
	"redline/model/internal/difflcs"
)

// RenderOptions controls the incidental choices NewsSniffer's flattening made.
type RenderOptions struct {
	// Source, URL and FirstSeen fill the header sentences. FirstSeen may be
	// "": the seed dump lost the contents of the page's <time> element and
	// reads "first published or seen on . It last changed…".
	Source, URL, FirstSeen string
	// Changes is N in "The article has changed N times." (NewsSniffer's
	// count of versions).
	Changes int
	// Check is the sentence after the first-seen date; "" gives the seed's
	// "It last changed over 40 days ago and won't be checked again for
	// changes." The page has two other wordings, so a reader must not
	// depend on this one.
	Check string
	// Elapsed is how much later version b was seen, e.g. "about 2 hours
	// later"; "" leaves out the "(elapsed)" row, as when the dump lost it.
	Elapsed string
	// Join is the separator the flattening put between the two cells of
	// body row `row` (an index into Rows(a.Paragraphs, b.Paragraphs)): " "
	// or "". It is asked only for rows whose two cells are both non-empty.
	// nil → always " ".
	Join func(row int) string
	// JoinRow, when set, is used instead of Join. It also sees the row, so
	// a policy can treat a matched row (Left == Right) differently from a
	// changed one — which is what the seed shows and what JoinRandom does.
	JoinRow func(row int, r Row) string
}

// Row is one table row as NewsSniffer lays it out (before flattening):
// Left/Right cell texts, either may be "".
type Row struct{ Left, Right string }

// Matched reports whether the row holds one unchanged paragraph in both
// cells. A longest common subsequence never leaves two equal paragraphs
// unmatched side by side, so equal non-empty cells mean a match.
func (r Row) Matched() bool { return r.Left != "" && r.Left == r.Right }

// Rows lays out old and new paragraphs as NewsSniffer's diff table does:
// matched paragraphs (diff-lcs's longest common subsequence on exact text)
// fill both cells; between two matches the i-th removed and the i-th
// inserted paragraph share a row, paired by position, and the leftovers of
// the longer side follow one per row with the other cell empty.
func Rows(old, new []string) []Row {
	match := difflcs.Vector(old, new)
	var rows []Row
	ai, bj := 0, 0
	// flush emits the gap before old[ma] / new[mb] the way
	// traverse_balanced does: pairs while both sides have paragraphs left,
	// then the remainder of whichever side is longer.
	flush := func(ma, mb int) {
		for ai < ma || bj < mb {
			switch {
			case ai < ma && bj < mb:
				rows = append(rows, Row{old[ai], new[bj]})
				ai++
				bj++
			case ai < ma:
				rows = append(rows, Row{Left: old[ai]})
				ai++
			default:
				rows = append(rows, Row{Right: new[bj]})
				bj++
			}
		}
	}
	for ma, mb := range match {
		if mb < 0 {
			continue
		}
		flush(ma, mb)
		rows = append(rows, Row{old[ma], new[mb]})
		ai, bj = ma+1, mb+1
	}
	flush(len(old), len(new))
	return rows
}

// seedCheck is the check sentence the seed page carries.
const seedCheck = "It last changed over 40 days ago and won't be checked again for changes."

// Render returns the flattened comparison page for versions a → b: the
// header sentences separated by blank lines, the version line, the headline
// row, the elapsed row, then one line per table row, with no final newline
// (the seed file has none).
func Render(a, b model.Version, o RenderOptions) string {
	check := o.Check
	if check == "" {
		check = seedCheck
	}
	var lines []string
	lines = append(lines,
		collapse("This article is from the source '"+o.Source+"' and was first published or seen on "+o.FirstSeen+". "+check),
		"",
		collapse("You can find the current article at its original source at "+o.URL),
		"",
		"The article has changed "+strconv.Itoa(o.Changes)+" times. There is an RSS feed of changes available.",
		"",
		"Version "+strconv.Itoa(a.Number)+" Version "+strconv.Itoa(b.Number),
	)
	// The two headline cells are <th> elements with template whitespace
	// between them, so they always flatten with one space, even when the
	// headline did not change.
	if h := joinCells(collapse(a.Headline), " ", collapse(b.Headline)); h != "" {
		lines = append(lines, h)
	}
	if e := collapse(o.Elapsed); e != "" {
		lines = append(lines, "("+e+")")
	}
	for i, r := range Rows(a.Paragraphs, b.Paragraphs) {
		left, right := collapse(r.Left), collapse(r.Right)
		sep := " "
		if left != "" && right != "" {
			switch {
			case o.JoinRow != nil:
				sep = o.JoinRow(i, r)
			case o.Join != nil:
				sep = o.Join(i)
			}
		}
		if line := joinCells(left, sep, right); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

// joinCells joins two flattened cells; an empty cell leaves no trace, not
// even its separator.
func joinCells(left, sep, right string) string {
	switch {
	case left == "":
		return right
	case right == "":
		return left
	}
	return collapse(left + sep + right)
}

// collapse is the flattening's whitespace rule: runs of white space become
// one space, none at either end.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// JoinPolicy says how likely the flattening was to join a row's two cells
// with no space at all, by kind of row.
type JoinPolicy struct {
	// Matched is the probability for a matched row (the same paragraph in
	// both cells). In the page's HTML the two <td> cells touch, and both
	// matched rows in the seed flattened to "XX".
	Matched float64
	// Changed is the probability for a row with two different cells. Those
	// cells are wrapped in <del>/<ins>, and all twelve such rows in the seed
	// flattened with a space.
	Changed float64
}

// DefaultJoinPolicy is what JoinRandom uses: a coin toss for matched rows
// (the seed shows "" twice, but one page is thin evidence and a reader must
// read "X X" too) and always a space for changed rows, as the seed shows.
var DefaultJoinPolicy = JoinPolicy{Matched: 0.5, Changed: 0}

// SeedJoinPolicy is the rule the seed page follows without exception: no
// space in matched rows, a space in changed rows.
var SeedJoinPolicy = JoinPolicy{Matched: 1, Changed: 0}

// JoinRandom returns a RenderOptions.JoinRow func following
// DefaultJoinPolicy, drawing from rng once per two-cell row.
func JoinRandom(rng *rand.Rand) func(row int, r Row) string {
	return DefaultJoinPolicy.Func(rng)
}

// Func returns a RenderOptions.JoinRow func following p, drawing from rng
// once per two-cell row (so a dump's joins are reproducible from the seed).
func (p JoinPolicy) Func(rng *rand.Rand) func(row int, r Row) string {
	return func(_ int, r Row) string {
		prob := p.Changed
		if r.Matched() {
			prob = p.Matched
		}
		if rng.Float64() < prob {
			return ""
		}
		return " "
	}
}
