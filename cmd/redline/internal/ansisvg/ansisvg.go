// Package ansisvg draws text coloured with ANSI escape sequences (SGR) as
// an SVG picture of a terminal: one <text> per line, one <tspan> per run
// of one style, each run placed at its own column so that wide and
// fallback glyphs cannot push the rest of the line out of its cells.
//
// It exists for --format svg, a picture of a step for places that only
// take images. wader/ansisvg, the maintained Go renderer, is a program
// (its converter is not a supported library API) and could not be fetched
// from the module proxy here; the lines redline prints use a handful of
// SGR attributes, which this file reads with charmbracelet/x/ansi's
// parser, already in the module graph. Cursor movement and other
// sequences are ignored: the input is text, not a screen.
//
// It imports nothing of redline's.
package ansisvg

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Options are the picture's look.
type Options struct {
	// Title is the picture's accessible name (<title>).
	Title string
	// Foreground and Background are the terminal's default colours, as
	// CSS colours; empty for a dark terminal's.
	Foreground, Background string
	// FontSize is in pixels; 0 is 14.
	FontSize float64
}

// style is the pen an SGR sequence sets.
type style struct {
	fg, bg                                          color.Color
	bold, faint, italic, underline, strike, reverse bool
}

// run is text of one style starting at a column.
type run struct {
	col  int
	text strings.Builder
	st   style
}

// Render writes text as an SVG document.
func Render(w io.Writer, text string, o Options) error {
	if o.FontSize <= 0 {
		o.FontSize = 14
	}
	if o.Foreground == "" {
		o.Foreground = "#e6edf3"
	}
	if o.Background == "" {
		o.Background = "#0d1117"
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	var parsed [][]*run
	cols := 1
	for _, l := range lines {
		runs, width := parseLine(l)
		parsed = append(parsed, runs)
		cols = max(cols, width)
	}
	// A monospace cell is about 0.6em wide in the usual fonts; a line is
	// 1.4em, as terminals space them.
	cw, lh, pad := o.FontSize*0.6, o.FontSize*1.4, o.FontSize
	width, height := float64(cols)*cw+2*pad, float64(len(lines))*lh+2*pad
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img">`+"\n",
		width, height, width, height)
	if o.Title != "" {
		fmt.Fprintf(bw, "<title>%s</title>\n", escape(o.Title))
	}
	fmt.Fprintf(bw, `<rect width="100%%" height="100%%" rx="6" fill="%s"/>`+"\n", escape(o.Background))
	fmt.Fprintf(bw, `<g font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono','Liberation Mono',monospace" font-size="%g" fill="%s" xml:space="preserve" style="white-space:pre">`+"\n",
		o.FontSize, escape(o.Foreground))
	for i, runs := range parsed {
		y := pad + float64(i)*lh
		// Backgrounds first, so text is drawn over them.
		for _, r := range runs {
			if bg := r.background(); bg != nil {
				fmt.Fprintf(bw, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n",
					pad+float64(r.col)*cw, y, float64(ansi.StringWidth(r.text.String()))*cw, lh, hex(bg))
			}
		}
		if len(runs) == 0 {
			continue
		}
		fmt.Fprintf(bw, `<text y="%.1f">`, y+lh*0.75)
		for _, r := range runs {
			if strings.TrimSpace(r.text.String()) == "" && !r.st.underline && !r.st.strike {
				continue // blank cells: the next run is placed by its column anyway
			}
			// Leading spaces become the run's position rather than text:
			// renderers that collapse white space would lose them.
			text := r.text.String()
			trimmed := text
			if !r.st.underline && !r.st.strike {
				trimmed = strings.TrimLeft(text, " ")
			}
			col := r.col + len(text) - len(trimmed)
			fmt.Fprintf(bw, `<tspan x="%.1f"%s>%s</tspan>`, pad+float64(col)*cw, r.attrs(o), escape(trimmed))
		}
		bw.WriteString("</text>\n")
	}
	bw.WriteString("</g>\n</svg>\n")
	return bw.Flush()
}

// parseLine splits a line into runs of one style and says how many cells
// it spans.
func parseLine(line string) ([]*run, int) {
	var runs []*run
	var st style
	var cur *run
	col := 0
	p := ansi.NewParser()
	var state byte
	for len(line) > 0 {
		seq, width, n, next := ansi.DecodeSequence(line, state, p)
		state = next
		line = line[n:]
		if width == 0 && joiner(seq) {
			// A combining accent after an ASCII letter, which the
			// decoder gives apart: drawn with the letter, in no column.
			if cur == nil {
				cur = &run{col: col, st: st}
				runs = append(runs, cur)
			}
			cur.text.WriteString(seq)
			continue
		}
		if width == 0 {
			if ansi.Cmd(p.Command()).Final() == 'm' && strings.HasPrefix(seq, "\x1b[") {
				st = applySGR(st, p.Params())
			}
			p.Reset()
			continue
		}
		// A new run only where the style really changes: lipgloss
		// writes underlined and struck text one styled rune at a time.
		if cur == nil || !cur.st.same(st) {
			cur = &run{col: col, st: st}
			runs = append(runs, cur)
		}
		cur.text.WriteString(seq)
		col += width
	}
	// Trailing runs of spaces without a background draw nothing.
	for len(runs) > 0 {
		last := runs[len(runs)-1]
		if strings.TrimSpace(last.text.String()) != "" || last.background() != nil {
			break
		}
		runs = runs[:len(runs)-1]
	}
	return runs, col
}

// joiner reports whether seq, which takes no column, is text (a
// combining mark, a variation selector, a joiner) rather than an escape
// sequence or a control character.
func joiner(seq string) bool {
	r, _ := utf8.DecodeRuneInString(seq)
	return r >= 0xa0 && r != utf8.RuneError
}

// same reports whether two pens draw alike.
func (s style) same(t style) bool {
	sameColor := func(a, b color.Color) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return hex(a) == hex(b)
	}
	return sameColor(s.fg, t.fg) && sameColor(s.bg, t.bg) && s.bold == t.bold && s.faint == t.faint &&
		s.italic == t.italic && s.underline == t.underline && s.strike == t.strike && s.reverse == t.reverse
}

// applySGR changes the pen as one SGR sequence says.
func applySGR(s style, params ansi.Params) style {
	if len(params) == 0 {
		return style{}
	}
	for i := 0; i < len(params); i++ {
		switch code := params[i].Param(0); {
		case code == 0:
			s = style{}
		case code == 1:
			s.bold = true
		case code == 2:
			s.faint = true
		case code == 3:
			s.italic = true
		case code == 4:
			s.underline = true
		case code == 7:
			s.reverse = true
		case code == 9:
			s.strike = true
		case code == 22:
			s.bold, s.faint = false, false
		case code == 23:
			s.italic = false
		case code == 24:
			s.underline = false
		case code == 27:
			s.reverse = false
		case code == 29:
			s.strike = false
		case code >= 30 && code <= 37:
			s.fg = ansi.BasicColor(code - 30)
		case code >= 90 && code <= 97:
			s.fg = ansi.BasicColor(code - 90 + 8)
		case code >= 40 && code <= 47:
			s.bg = ansi.BasicColor(code - 40)
		case code >= 100 && code <= 107:
			s.bg = ansi.BasicColor(code - 100 + 8)
		case code == 39:
			s.fg = nil
		case code == 49:
			s.bg = nil
		case code == 38 || code == 48 || code == 58:
			var c color.Color
			n := ansi.ReadStyleColor(params[i:], &c)
			if n > 0 {
				i += n - 1
			}
			switch code {
			case 38:
				s.fg = c
			case 48:
				s.bg = c
			}
		}
	}
	return s
}

// background is the run's cell colour, nil for the terminal's own.
func (r *run) background() color.Color {
	if r.st.reverse {
		if r.st.fg == nil {
			return defaultReverse
		}
		return r.st.fg
	}
	return r.st.bg
}

// defaultReverse stands in for the default foreground as a reversed
// run's background.
var defaultReverse = color.RGBA{0xe6, 0xed, 0xf3, 0xff}

// attrs are a run's SVG presentation attributes.
func (r *run) attrs(o Options) string {
	var b strings.Builder
	fg := r.st.fg
	if r.st.reverse {
		fg = nil
		if r.st.bg != nil {
			fg = r.st.bg
		}
		if fg == nil {
			fmt.Fprintf(&b, ` fill="%s"`, escape(o.Background))
		}
	}
	if fg != nil {
		fmt.Fprintf(&b, ` fill="%s"`, hex(fg))
	}
	if r.st.bold {
		b.WriteString(` font-weight="bold"`)
	}
	if r.st.faint {
		b.WriteString(` opacity="0.6"`)
	}
	if r.st.italic {
		b.WriteString(` font-style="italic"`)
	}
	var deco []string
	if r.st.underline {
		deco = append(deco, "underline")
	}
	if r.st.strike {
		deco = append(deco, "line-through")
	}
	if len(deco) > 0 {
		fmt.Fprintf(&b, ` text-decoration="%s"`, strings.Join(deco, " "))
	}
	return b.String()
}

// hex is a colour as #rrggbb.
func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// escape makes text safe inside an XML element or attribute; characters
// XML 1.0 forbids (most C0 controls) become U+FFFD, so the document
// always parses.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r < 0x20 && r != '\t' || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
