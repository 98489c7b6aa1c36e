package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"redline/model"
	"redline/model/diff"
)

// Markdown writes the steps as GitHub-flavoured Markdown, to paste into an
// issue, a pull request or a document: a heading per step, its figures,
// and every changed paragraph with deletions in <del> and insertions in
// <ins>. Runs of unchanged paragraphs are shortened to one line that says
// how many there are, so a pasted step shows what changed.
//
// Edits are <del>/<ins> rather than ~~…~~/**…**: GitHub renders both tags
// (struck through and underlined), they work inside a word ("<del>a</del>
// <ins>the</ins>"), next to punctuation and around spaces, where the
// emphasis delimiters stop counting as delimiters (CommonMark's flanking
// rules), and "**" would read as bold, the opposite of a deletion's
// meaning. Article text is escaped for both Markdown and HTML.
func Markdown(w io.Writer, art *model.Article, steps []Step) error {
	done, err := compare(art, steps)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s\n\n", mdEscape(title(art, done)))
	var meta []string
	if art.Source != "" {
		meta = append(meta, mdEscape(art.Source))
	}
	if art.URL != "" {
		meta = append(meta, mdLink(art.URL))
	}
	if art.FirstSeen != "" {
		meta = append(meta, "first seen "+mdEscape(art.FirstSeen))
	}
	meta = append(meta, fmt.Sprintf("%d versions", len(art.Versions)))
	fmt.Fprintf(bw, "%s\n", mdLineStart(strings.Join(meta, " · ")))
	for _, n := range art.Notes {
		fmt.Fprintf(bw, "\nnote: %s\n", mdEscape(model.OneLine(n)))
	}
	for _, c := range done {
		writeMarkdownStep(bw, art, c)
	}
	return bw.Flush()
}

func writeMarkdownStep(bw *bufio.Writer, art *model.Article, c compared) {
	head := versionName(art, c.Shown) + " · " + baseName(art, c)
	if t := when(c); t != "" {
		head += " · " + mdEscape(t)
	}
	fmt.Fprintf(bw, "\n## %s\n\n%s\n\n", head, Summary(c.cmp))
	if c.cmp.HeadlineChanged {
		fmt.Fprintf(bw, "_headline_ · %s\n\n", mdEdits(c.cmp.Headline))
	}
	same := 0
	flush := func() {
		if same > 0 {
			fmt.Fprintf(bw, "_(%s)_\n\n", Plural(same, "unchanged paragraph", "unchanged paragraphs"))
			same = 0
		}
	}
	for _, ch := range c.cmp.Changes {
		g := guessed(c, ch)
		if ch.Kind == diff.Same && !g {
			same++
			continue
		}
		flush()
		label := ParagraphLabel(ch)
		if label == "" {
			label = "unchanged"
		}
		if g {
			label += ", guessed"
		}
		text := mdEdits(ch.Edits)
		if ch.Kind == diff.MovedAway {
			text = "“" + mdEscape(leadWords(c.base.Paragraphs[ch.Old], 12)) + "”"
		}
		fmt.Fprintf(bw, "_%s_ · %s\n\n", label, text)
	}
	flush()
}

// mdEdits writes edits as escaped text in <del> and <ins>.
func mdEdits(edits []diff.Edit) string {
	var b strings.Builder
	for _, e := range edits {
		switch e.Op {
		case diff.OpDelete:
			b.WriteString("<del>" + mdEscape(e.Text) + "</del>")
		case diff.OpInsert:
			b.WriteString("<ins>" + mdEscape(e.Text) + "</ins>")
		default:
			b.WriteString(mdEscape(e.Text))
		}
	}
	return b.String()
}

// mdEscaper escapes what Markdown or inline HTML would read as markup:
// HTML's three specials become entities, and every ASCII mark that can
// open emphasis, a link, code, a table cell, a heading or an autolink is
// backslash-escaped.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"~", `\~`, "|", `\|`, "#", `\#`, "$", `\$`,
)

// mdEscape is article text made safe for Markdown: control characters
// shown as symbols (model.Visible), then markup escaped.
func mdEscape(s string) string {
	return mdEscaper.Replace(model.Visible(s))
}

// mdLineStart escapes a mark that would make a line a list item, a quote
// or a heading underline ("- ", "1. ", "> ", "==="): the meta line starts
// with the source's name, which is text from the input.
func mdLineStart(line string) string {
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	switch {
	case line == "":
	case strings.ContainsRune("-+=>", rune(line[0])):
		return `\` + line
	case digits > 0 && digits < len(line) && (line[digits] == '.' || line[digits] == ')'):
		return line[:digits] + `\` + line[digits:]
	}
	return line
}

// mdLink is the article's URL as an autolink when it is a plain http(s)
// URL, else as escaped text: a link is only ever the article's own.
func mdLink(u string) string {
	if isWebURL(u) {
		return "<" + u + ">"
	}
	return mdEscape(u)
}
