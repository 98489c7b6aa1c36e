package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"redline/model"
	"redline/model/diff"
)

// editSpans turns word edits into spans to draw. Spaces at the edges of
// an edit are drawn plain, so that struck-through or underlined runs
// start and end on words, as in git's word diff.
func editSpans(edits []diff.Edit) []span {
	return spansOfKinds(edits, true, true, false)
}

// editRole is the role of half an edit: plain, typographic, or minor
// when minor edits are dimmed (which wins over typographic).
func editRole(e diff.Edit, dim bool, plain, typo, minorRole role) role {
	switch {
	case dim && minor(e.Kinds):
		return minorRole
	case e.Typographic:
		return typo
	}
	return plain
}

// spansOfKinds is editSpans for one side or both: with only old, the old
// version's text exactly (its own spelling, its deletions marked); with
// only new, the new version's (its insertions marked). With dim, the
// edits that are only typography, punctuation or spelling are drawn in
// the minor roles.
func spansOfKinds(edits []diff.Edit, old, new, dim bool) []span {
	out := make([]span, 0, len(edits)+4)
	for _, e := range edits {
		r := rolePlain
		text := e.Text
		switch {
		case e.Op == diff.OpDelete && !old, e.Op == diff.OpInsert && !new:
			continue
		case e.Op == diff.OpDelete:
			r = editRole(e, dim, roleDeleted, roleDeletedTypo, roleDeletedMinor)
		case e.Op == diff.OpInsert:
			r = editRole(e, dim, roleInserted, roleInsertedTypo, roleInsertedMinor)
		case !new:
			text = e.OldText()
		}
		text = model.Visible(text)
		if r == rolePlain {
			out = append(out, span{text: text})
			continue
		}
		core := strings.Trim(text, " ")
		if core == "" {
			// A change of spacing alone: show it as it reads on the
			// side drawn (now, when both are).
			if r.edit() == roleInserted || !new {
				out = append(out, span{text: text})
			}
			continue
		}
		lead := text[:strings.Index(text, core)]
		trail := text[len(lead)+len(core):]
		if lead != "" {
			out = append(out, span{text: lead})
		}
		out = append(out, span{text: core, role: r})
		if trail != "" {
			out = append(out, span{text: trail})
		}
	}
	return out
}

// Search matches, where colour is not available.
const matchOpen, matchClose = "⟪", "⟫"

// decorate writes the edit and match markers into the text of spans when
// the styles draw without colour, so that wrapping keeps each marker on
// the word it touches: a removed paragraph reads as one [-…-] however
// many lines it takes.
func decorate(st *Styles, spans []span) []span {
	if !st.Marks {
		return spans
	}
	out := make([]span, len(spans))
	for i, s := range spans {
		prev, next := span{role: -1}, span{role: -1}
		if i > 0 {
			prev = spans[i-1]
		}
		if i+1 < len(spans) {
			next = spans[i+1]
		}
		if s.match && !(prev.match && prev.role == s.role) {
			s.text = matchOpen + s.text
		}
		if s.match && !(next.match && next.role == s.role) {
			s.text += matchClose
		}
		switch s.role.edit() {
		case roleDeleted:
			if prev.role.edit() != roleDeleted {
				s.text = delOpen + s.text
			}
			if next.role.edit() != roleDeleted {
				s.text += delClose
			}
		case roleInserted:
			if prev.role.edit() != roleInserted {
				s.text = insOpen + s.text
			}
			if next.role.edit() != roleInserted {
				s.text += insClose
			}
		}
		out[i] = s
	}
	return out
}

// renderSpans draws wrapped lines; plain text takes the optional base
// style.
func renderSpans(lines [][]span, st *Styles, base ...lipgloss.Style) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = renderLine(l, st, base...)
	}
	return out
}

func renderLine(l []span, st *Styles, base ...lipgloss.Style) string {
	var b strings.Builder
	for _, s := range l {
		switch id := st.spanStyle(s); {
		case id != plainStyle:
			b.WriteString(st.paint(id, s.text))
		case len(base) > 0:
			b.WriteString(base[0].Render(s.text))
		default:
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// spanStyle is the style a span is painted in, plainStyle for plain
// text. Where edits are marked in text (decorate wrote the markers),
// emphasis is all that is left: the minor edits'. In colour, a search
// match inside an edit comes first.
func (st *Styles) spanStyle(s span) paintStyle {
	if st.Marks {
		if s.role == roleDeletedMinor || s.role == roleInsertedMinor {
			return minorStyle
		}
		return plainStyle
	}
	if s.match {
		switch s.role.edit() {
		case roleDeleted:
			return deletedMatchStyle
		case roleInserted:
			return insertedMatchStyle
		}
		return matchStyle
	}
	switch s.role {
	case roleDeletedMinor:
		return deletedMinorStyle
	case roleInsertedMinor:
		return insertedMinorStyle
	case roleDeletedTypo:
		return deletedTypoStyle
	case roleInsertedTypo:
		return insertedTypoStyle
	case roleDeleted:
		return deletedStyle
	case roleInserted:
		return insertedStyle
	}
	return plainStyle
}

// paintStyle names one of the Styles a span is painted in: what paint's
// cache is keyed by. (The address of the field was, and a Model, copied
// at every Update, put a new one in the cache at every layout, holding
// the old Model with it.)
type paintStyle uint8

const (
	plainStyle paintStyle = iota
	minorStyle
	matchStyle
	deletedMatchStyle
	insertedMatchStyle
	deletedMinorStyle
	insertedMinorStyle
	deletedTypoStyle
	insertedTypoStyle
	deletedStyle
	insertedStyle
)

// style is the field of st that id names.
func (st *Styles) style(id paintStyle) *lipgloss.Style {
	return [...]*lipgloss.Style{
		minorStyle: &st.Minor, matchStyle: &st.Match, deletedMatchStyle: &st.DeletedMatch,
		insertedMatchStyle: &st.InsertedMatch, deletedMinorStyle: &st.DeletedMinor,
		insertedMinorStyle: &st.InsertedMinor, deletedTypoStyle: &st.DeletedTypographic,
		insertedTypoStyle: &st.InsertedTypographic, deletedStyle: &st.Deleted, insertedStyle: &st.Inserted,
	}[id]
}

// paint is style.Render(text), style one of st's fields, for a span of
// one line, as one run between an opening and a closing escape
// sequence. lipgloss renders underlined or struck-through text a rune at
// a time, so that it can leave the spaces plain: a sequence a character,
// an inserted paragraph printed with colour five times the size of its
// text. Here the line through or under an edit runs across its spaces
// too, which reads as one edit.
func (st *Styles) paint(id paintStyle, text string) string {
	if text == "" || strings.ContainsAny(text, "\t\n") {
		return st.style(id).Render(text)
	}
	around := st.around(id)
	if around == ([2]string{}) {
		return st.style(id).Render(text) // no sequence: nothing to gain
	}
	return around[0] + text + around[1]
}

// around is what style id writes before and after a line's text (the
// escape sequences that open and close it), none when it writes none;
// kept in paints when st keeps them, so that it is rendered once.
func (st *Styles) around(id paintStyle) [2]string {
	if st.paints != nil {
		if kept, ok := st.paints.Load(id); ok {
			return kept.([2]string)
		}
	}
	var around [2]string
	marked := st.style(id).Render("x")
	if i := strings.IndexByte(marked, 'x'); i >= 0 && (i > 0 || len(marked) > 1) {
		around = [2]string{marked[:i], marked[i+1:]}
	}
	if st.paints != nil {
		st.paints.Store(id, around)
	}
	return around
}
