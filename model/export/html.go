package export

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"redline/model"
	"redline/model/diff"
)

// The page's template: its CSS is inline and it holds no script, so the
// page makes no request when opened and reads the same offline, printed
// or forwarded as an attachment.
//
//go:embed page.html.tmpl
var pageTemplate string

var pageTmpl = template.Must(template.New("page").Parse(pageTemplate))

// page is what the template draws. Every string in it is plain text:
// html/template escapes it for where it lands (element text, attribute,
// URL), so article text can never become markup.
type page struct {
	Title, Source, URL, FirstSeen string
	// Link is true when URL is a plain http(s) URL: the page's one link
	// out, which the reader follows only by clicking; any other URL is
	// shown as text.
	Link     bool
	Versions int
	Notes    []string // the article's: commits or files skipped, dumps that disagree
	Guessed  bool     // some shown paragraph was guessed: explain the mark
	Timeline []bar
	Steps    []pageStep
}

// bar is one version's cell on the timeline.
type bar struct {
	Level  int    // 0..8, the step's size against the largest
	Anchor string // the chosen step's id, "" when not exported
	Label  string // tooltip: "Version 3: 40 changed"
	Gap    bool   // versions are missing after this one
}

// pageStep is one comparison on the page.
type pageStep struct {
	ID, Name, Base, When string
	Stats                []string
	HeadlineChanged      bool
	Headline             []span
	Paragraphs           []para
}

// para is one row: a paragraph, or the marker where one left.
type para struct {
	Kind    string // diff.Kind's name: the CSS class
	Mark    string // the gutter mark the reader shows
	Label   string // "moved from ¶7"; "" when unchanged
	Guessed bool
	Marker  bool // a moved-away marker, not text
	Spans   []span
}

// span is a run of text, kept (Op ""), deleted ("del") or inserted
// ("ins").
type span struct {
	Op, Text    string
	Typographic bool
}

// GutterMarks are the reader's gutter marks, so the page reads like the
// terminal.
var GutterMarks = map[diff.Kind]string{
	diff.Edited: "~", diff.Added: "+", diff.Removed: "-", diff.Moved: "↕", diff.MovedAway: "↕",
	diff.Split: "÷", diff.Merged: "⋈",
}

// HTML writes one self-contained page: the article's headline, source,
// URL and times, a timeline of every step's size, and each step with its
// figures and every paragraph, deletions in <del> and insertions in <ins>.
// Article text is escaped by html/template and passed through
// model.Visible, so neither markup nor control characters survive as
// such.
func HTML(w io.Writer, art *model.Article, steps []Step) error {
	done, err := compare(art, steps)
	if err != nil {
		return err
	}
	p := page{Title: model.Visible(title(art, done)), Source: model.Visible(art.Source), URL: model.Visible(art.URL),
		Link: isWebURL(art.URL), FirstSeen: model.Visible(art.FirstSeen), Versions: len(art.Versions)}
	for _, n := range art.Notes {
		p.Notes = append(p.Notes, model.OneLine(n))
	}
	p.Timeline = timelineBars(art, done)
	for _, c := range done {
		ps := pageStep{ID: stepID(c), Name: versionName(art, c.Shown), Base: baseName(art, c),
			When: model.Visible(when(c)), Stats: StatsParts(c.cmp), HeadlineChanged: c.cmp.HeadlineChanged,
			Headline: spans(c.cmp.Headline)}
		if c.shown.Headline == "" {
			ps.Headline = nil
		}
		for _, ch := range c.cmp.Changes {
			pa := para{Kind: ch.Kind.String(), Mark: GutterMarks[ch.Kind], Label: ParagraphLabel(ch), Guessed: guessed(c, ch)}
			p.Guessed = p.Guessed || pa.Guessed
			if ch.Kind == diff.MovedAway {
				pa.Marker = true
				pa.Spans = []span{{Text: "“" + model.Visible(leadWords(c.base.Paragraphs[ch.Old], 12)) + "”"}}
			} else {
				pa.Spans = spans(ch.Edits)
			}
			ps.Paragraphs = append(ps.Paragraphs, pa)
		}
		p.Steps = append(p.Steps, ps)
	}
	var b strings.Builder
	if err := pageTmpl.Execute(&b, p); err != nil {
		return fmt.Errorf("drawing the page: %w", err)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// isWebURL reports whether u is a plain http(s) URL, fit to be a link.
func isWebURL(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) &&
		!strings.ContainsAny(u, "<> \t\n\"'`") && model.Visible(u) == u
}

// stepID is a step's anchor on the page: "v3" for the version (by index)
// it shows.
func stepID(c compared) string {
	return fmt.Sprintf("v%d", c.Shown)
}

// spans are the edits as runs of visible text.
func spans(edits []diff.Edit) []span {
	out := make([]span, 0, len(edits))
	for _, e := range edits {
		s := span{Text: model.Visible(e.Text), Typographic: e.Typographic}
		switch e.Op {
		case diff.OpDelete:
			s.Op = "del"
		case diff.OpInsert:
			s.Op = "ins"
		}
		out = append(out, s)
	}
	return out
}

// timelineBars sizes every version's step against the largest, on the
// terminal timeline's eight levels, linking the exported ones.
func timelineBars(art *model.Article, done []compared) []bar {
	sz := sizes(art, done)
	largest := 1
	for _, s := range sz {
		largest = max(largest, s)
	}
	anchors := map[int]string{}
	for _, c := range done {
		anchors[c.Shown] = stepID(c)
	}
	gaps := map[int]bool{}
	for _, g := range art.Gaps {
		gaps[g] = true
	}
	out := make([]bar, len(sz))
	for i, s := range sz {
		level := 0
		if s > 0 {
			level = max(1, (s*8+largest-1)/largest)
		}
		label := fmt.Sprintf("Version %d: first version", art.Versions[i].Number)
		if i > 0 {
			label = fmt.Sprintf("Version %d: change size %d", art.Versions[i].Number, s)
		}
		out[i] = bar{Level: min(level, 8), Anchor: anchors[i], Label: label, Gap: gaps[i]}
	}
	return out
}
