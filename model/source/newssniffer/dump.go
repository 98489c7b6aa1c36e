package newssniffer

import (
	"regexp"
	"strconv"
	"strings"

	"redline/model"
	"redline/model/source/newssniffer/internal/cells"
)

// The header sentences of a NewsSniffer comparison page, as the flattened
// dump keeps them. Any of them may be missing except the version line.
var (
	dumpSourceLine  = regexp.MustCompile(`^This article is from the source '(.*?)' and was first published or seen on (.*?)\.(?: |$)`)
	dumpURLLine     = regexp.MustCompile(`^You can find the current article at its original source at (\S+)`)
	dumpChangesLine = regexp.MustCompile(`^The article has changed (\d+) times?\.`)
	dumpVersionLine = regexp.MustCompile(`^Version (\d{1,9}) Version (\d{1,9})$`)
	// NewsSniffer prints how much later version b was seen than version a
	// as "(about 2 hours later)"; time_ago_in_words never nests brackets.
	dumpElapsedRow = regexp.MustCompile(`^\(([^()]{1,80} (?:later|earlier))\)$`)
)

func findVersionLine(lines []string) (int, bool) {
	for i, l := range lines {
		if strings.Contains(l, "Version") && dumpVersionLine.MatchString(model.CollapseSpace(l)) {
			return i, true
		}
	}
	return 0, false
}

// ReadDump reads a NewsSniffer comparison page flattened to text (see
// DESIGN.md, "The seed format") into an article with the two versions the
// page compares. file names the input in errors.
//
// The body rows lost the boundary between their two cells; ReadDump
// recovers it from the whole page (see split.go) and lists in each
// version's Guessed the paragraphs whose reading the page left open.
func ReadDump(file string, data []byte) (*model.Article, error) {
	d, err := parseDump(file, data)
	if err != nil {
		return nil, err
	}
	d.rows.Solve()
	art := d.article()
	if a, b := art.Versions[0].Number, art.Versions[1].Number; b > a+1 {
		// "Version 3 Version 5": the page skips version 4.
		art.Gaps = []int{0}
	}
	return art, nil
}

// dumpPage is a comparison dump taken apart: its header, its two
// versions' headlines, and its body rows waiting to be read.
type dumpPage struct {
	file        string
	art         model.Article // the header fields
	a, b        model.Version // numbers, headlines, elapsed; no paragraphs yet
	headlineRow string
	rows        *cells.Reader
	// keepsShared says that this dump and the one before it read their
	// shared version differently, and the chain keeps this dump's reading.
	keepsShared bool
	// disputedOld and disputedNew are the paragraphs of the old and the
	// new version that a neighbouring dump reads otherwise, with no
	// reading of both that agrees: guesses, whatever either dump alone
	// thought of them.
	disputedOld, disputedNew []int
}

// parseDump reads a dump's header and table rows.
func parseDump(file string, data []byte) (*dumpPage, error) {
	text, err := model.DecodeText(file, data)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(text, "\n")
	vline, ok := findVersionLine(lines)
	if !ok {
		return nil, model.InputErrorf(file, 0, `no "Version a Version b" line: not a NewsSniffer comparison dump`)
	}
	d := &dumpPage{file: file}
	for _, raw := range lines[:vline] {
		l := model.CollapseSpace(raw)
		if m := dumpSourceLine.FindStringSubmatch(l); m != nil {
			d.art.Source, d.art.FirstSeen = m[1], m[2]
		} else if m := dumpURLLine.FindStringSubmatch(l); m != nil {
			d.art.URL = m[1]
		} else if m := dumpChangesLine.FindStringSubmatch(l); m != nil {
			d.art.Changes, _ = strconv.Atoi(m[1])
		}
	}
	m := dumpVersionLine.FindStringSubmatch(model.CollapseSpace(lines[vline]))
	na, _ := strconv.Atoi(m[1])
	nb, _ := strconv.Atoi(m[2])
	if nb <= na {
		// "Version 3 Version 1": the page compares an older version with
		// a newer one, always; a timeline cannot hold this one.
		return nil, model.InputErrorf(file, vline+1, "Version %d after Version %d: a comparison goes from an older version to a newer one", nb, na)
	}
	d.a = model.Version{Number: na, Paragraphs: []string{}}
	d.b = model.Version{Number: nb, Paragraphs: []string{}}

	// The table: the headline row, the optional elapsed row, body rows.
	var rows []cells.Row
	for i := vline + 1; i < len(lines); i++ {
		if l := model.CollapseSpace(lines[i]); l != "" {
			rows = append(rows, cells.Row{Text: l, Line: i + 1})
		}
	}
	if len(rows) == 0 {
		return nil, model.InputErrorf(file, vline+1, "the comparison table is missing after the version line")
	}
	if dumpVersionLine.MatchString(rows[0].Text) {
		// A second version line where the headline row stands: a page
		// pasted twice, or edited by hand. Read as a headline, it would
		// show "Version 1 → 2" as the headline's edit.
		return nil, model.InputErrorf(file, rows[0].Line, "a second version line (%q) where the headline row should be: the dump is damaged", rows[0].Text)
	}
	d.headlineRow = rows[0].Text
	d.a.Headline, d.b.Headline, d.a.HeadlineGuessed = splitHeadline(rows[0].Text, rows[1:])
	d.b.HeadlineGuessed = d.a.HeadlineGuessed
	rows = rows[1:]
	if len(rows) > 0 {
		if m := dumpElapsedRow.FindStringSubmatch(rows[0].Text); m != nil {
			d.b.Elapsed = m[1]
			rows = rows[1:]
		}
	}
	d.rows = cells.New(rows)
	return d, nil
}

// article is the page's article with the rows' current reading.
func (d *dumpPage) article() *model.Article {
	art := d.art
	a, b := d.a, d.b
	a.Paragraphs, a.Guessed, b.Paragraphs, b.Guessed = d.rows.Versions()
	a.Guessed = unionInts(a.Guessed, d.disputedOld)
	b.Guessed = unionInts(b.Guessed, d.disputedNew)
	art.Versions = []model.Version{a, b}
	art.Title = b.Headline
	return &art
}
