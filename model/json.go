package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// ReadJSON reads an article written by redline --json.
func ReadJSON(file string, data []byte) (*Article, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var a Article
	if err := dec.Decode(&a); err != nil {
		line := 0
		if se, ok := err.(*json.SyntaxError); ok && int(se.Offset) <= len(data) {
			line = LineOf(data, int(se.Offset))
		}
		return nil, InputErrorf(file, line, "not valid redline JSON: %v", err)
	}
	// One article and nothing after it: trailing bytes are a file cut and
	// pasted together, or something else entirely, not a detail to drop.
	if off := dec.InputOffset(); len(bytes.TrimSpace(data[off:])) > 0 {
		at := int(off) + len(data[off:]) - len(bytes.TrimLeft(data[off:], " \t\r\n"))
		return nil, InputErrorf(file, LineOf(data, at), "not valid redline JSON: more after the article, at offset %d", at)
	}
	if len(a.Versions) == 0 {
		return nil, InputErrorf(file, 0, "the JSON holds no versions")
	}
	for i := range a.Versions {
		if a.Versions[i].Paragraphs == nil {
			a.Versions[i].Paragraphs = []string{}
		}
	}
	if err := checkNumbers(file, a.Versions); err != nil {
		return nil, err
	}
	if err := checkPlaces(file, &a); err != nil {
		return nil, err
	}
	// A paragraph of nothing would read as a paragraph removed or added
	// that says nothing: no reader of redline's writes one.
	for _, v := range a.Versions {
		for k, p := range v.Paragraphs {
			if strings.TrimSpace(p) == "" {
				return nil, InputErrorf(file, 0, "version %d: paragraph %d is blank: leave it out", v.Number, k+1)
			}
		}
	}
	return &a, nil
}

// checkPlaces refuses what no reader writes and every output would pass
// on: a time that is not RFC 3339 (the schema's; "yesterday" would be
// written out as it came), a gap after no version (gaps are places
// between versions, ascending), a guessed paragraph the version does not
// have.
func checkPlaces(file string, a *Article) error {
	for _, v := range a.Versions {
		if v.Time != "" {
			if _, err := time.Parse(time.RFC3339, v.Time); err != nil {
				return InputErrorf(file, 0, "version %d: time %q is not RFC 3339 (2020-01-08T10:02:00Z): give that, or leave it empty", v.Number, Visible(v.Time))
			}
		}
		for _, g := range v.Guessed {
			if g < 0 || g >= len(v.Paragraphs) {
				return InputErrorf(file, 0, "version %d: guessed paragraph %d, of %d paragraphs (they count from 0)", v.Number, g, len(v.Paragraphs))
			}
		}
	}
	for k, g := range a.Gaps {
		if g < 0 || g >= len(a.Versions)-1 || k > 0 && g <= a.Gaps[k-1] {
			return InputErrorf(file, 0, "gap %d: gaps are the places after versions 0 to %d of the list, each once, ascending", g, len(a.Versions)-2)
		}
	}
	return nil
}

// checkNumbers numbers versions that carry no numbers at all 1, 2, 3 …
// in their order (a file written by hand), and refuses a number given
// twice ("Version 3 vs Version 3", and --from 3, would name neither) and
// numbers that fall in the list's order (oldest first: --from and --to
// would read one order by number and another by place). A lone version
// keeps its number, even 0 (NewsSniffer counts from 0).
func checkNumbers(file string, vs []Version) error {
	given := len(vs) < 2
	for _, v := range vs {
		given = given || v.Number != 0
	}
	if !given {
		for i := range vs {
			vs[i].Number = i + 1
		}
		return nil
	}
	at := make(map[int]int, len(vs)) // number -> its place in the list, from 1
	for i, v := range vs {
		if first, ok := at[v.Number]; ok {
			return InputErrorf(file, 0, "versions %d and %d of the list are both numbered %d: give each its own number", first, i+1, v.Number)
		}
		at[v.Number] = i + 1
	}
	for i := 1; i < len(vs); i++ {
		if vs[i].Number < vs[i-1].Number {
			return InputErrorf(file, 0, "version %d of the list is numbered %d, after %d: the list runs oldest first, and its numbers rise with it",
				i+1, vs[i].Number, vs[i-1].Number)
		}
	}
	return nil
}

// WriteJSON writes the article as redline's JSON, which ReadJSON reads
// back into the identical article. Versions are written one at a time, so
// a long history is never held in memory as one JSON text; the output is
// what json.MarshalIndent with a one-space indent would give.
func WriteJSON(w io.Writer, a *Article) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	head := *a
	head.Versions = []Version{}
	top, err := encodeJSON(&head, "")
	if err != nil {
		return err
	}
	const slot = `"versions": []`
	i := bytes.Index(top, []byte(slot))
	if i < 0 {
		return fmt.Errorf("writing JSON: no versions field")
	}
	bw.Write(top[:i+len(slot)-1])
	for k := range a.Versions {
		v, err := encodeJSON(&a.Versions[k], "  ")
		if err != nil {
			return err
		}
		if k > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		bw.Write(v)
	}
	if len(a.Versions) > 0 {
		bw.WriteString("\n ")
	}
	bw.Write(top[i+len(slot)-1:])
	bw.WriteString("\n")
	return bw.Flush()
}

// encodeJSON is v indented by one space a level after prefix, without
// the escaping of <, > and & that is for embedding JSON in HTML and only
// makes article text harder to read.
func encodeJSON(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
