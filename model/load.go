package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Input is one source as the user gave it: its name and its bytes.
type Input struct {
	Name    string
	Data    []byte
	ModTime time.Time
}

// SourceKind is what an input turned out to be, recognised from its
// content rather than its name.
type SourceKind int

const (
	KindPlain SourceKind = iota // plain text: one version
	KindDump                    // a NewsSniffer comparison page flattened to text
	KindJSON                    // an article written by redline --json
)

func (k SourceKind) String() string {
	switch k {
	case KindDump:
		return "comparison dump"
	case KindJSON:
		return "redline JSON"
	}
	return "plain text"
}

// Detect recognises the kind of a decoded input from its content.
func Detect(text string) SourceKind {
	t := strings.TrimLeftFunc(text, unicode.IsSpace)
	if strings.HasPrefix(t, "{") && strings.Contains(t, `"versions"`) {
		return KindJSON
	}
	if LooksLikeDump(text) {
		return KindDump
	}
	return KindPlain
}

// SortOrder is how the files of a folder become a timeline.
type SortOrder int

const (
	SortName  SortOrder = iota // natural order of names: draft-2 before draft-10
	SortMtime                  // modification time, oldest first
)

// ReadInputs reads the named sources: files, folders (their files, in
// order) and "-" for standard input.
func ReadInputs(paths []string, stdin io.Reader, order SortOrder) ([]Input, error) {
	var out []Input
	for _, p := range paths {
		if p == "-" {
			data, err := io.ReadAll(stdin)
			if err != nil {
				return nil, inputErr("-", 0, "reading standard input: %v", err)
			}
			out = append(out, Input{Name: "-", Data: data})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, inputErr(p, 0, "%v", unwrapPathError(err))
		}
		if !fi.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, inputErr(p, 0, "%v", unwrapPathError(err))
			}
			out = append(out, Input{Name: p, Data: data, ModTime: fi.ModTime()})
			continue
		}
		files, err := folderFiles(p, order)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

// folderFiles reads the regular, visible files of a folder, in order.
func folderFiles(dir string, order SortOrder) ([]Input, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, inputErr(dir, 0, "%v", unwrapPathError(err))
	}
	var out []Input
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		fi, err := e.Info()
		if err != nil {
			return nil, inputErr(p, 0, "%v", unwrapPathError(err))
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, inputErr(p, 0, "%v", unwrapPathError(err))
		}
		out = append(out, Input{Name: p, Data: data, ModTime: fi.ModTime()})
	}
	if len(out) == 0 {
		return nil, inputErr(dir, 0, "the folder holds no files")
	}
	if order == SortMtime {
		sort.SliceStable(out, func(i, j int) bool { return out[i].ModTime.Before(out[j].ModTime) })
	} else {
		sort.SliceStable(out, func(i, j int) bool {
			return naturalLess(filepath.Base(out[i].Name), filepath.Base(out[j].Name))
		})
	}
	return out, nil
}

// unwrapPathError drops the path that *os.PathError repeats, since the
// message already starts with it.
func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// naturalLess orders names as people do: runs of digits compare as
// numbers, so draft-2 comes before draft-10.
func naturalLess(a, b string) bool {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(na) != len(nb) {
				return len(na) < len(nb)
			}
			if na != nb {
				return na < nb
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		a, b = a[1:], b[1:]
	}
	return len(a) < len(b)
}

func digitRun(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// Read turns inputs into one article. One comparison dump gives its two
// versions; one JSON file the article it holds; plain-text files are one
// version each, in the order given, and need at least two to compare.
func Read(inputs []Input) (*Article, error) {
	if len(inputs) == 0 {
		return nil, fmt.Errorf("no input")
	}
	texts := make([]string, len(inputs))
	kinds := make([]SourceKind, len(inputs))
	for i, in := range inputs {
		t, err := decodeText(in.Name, in.Data)
		if err != nil {
			return nil, err
		}
		texts[i], kinds[i] = t, Detect(t)
	}
	switch {
	case len(inputs) == 1 && kinds[0] == KindJSON:
		return ReadJSON(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1 && kinds[0] == KindDump:
		return ReadDump(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1:
		return nil, inputErr(inputs[0].Name, 0,
			`not a comparison dump (no "Version a Version b" line), redline JSON, or one of two or more plain-text versions`)
	}
	for i, k := range kinds {
		if k == KindDump {
			return readChain(inputs, texts, kinds)
		}
		if k != KindPlain {
			return nil, inputErr(inputs[i].Name, 0, "a %s cannot be combined with other sources", k)
		}
	}
	art := &Article{Source: "plain text", Versions: make([]Version, len(inputs))}
	for i, in := range inputs {
		v := ReadPlain(filepath.Base(in.Name), texts[i])
		v.Number = i + 1
		if !in.ModTime.IsZero() {
			v.Time = in.ModTime.UTC().Format(time.RFC3339)
		}
		art.Versions[i] = v
	}
	art.Title = filepath.Base(inputs[len(inputs)-1].Name)
	return art, nil
}

// readChain joins several comparison dumps of one article into one
// timeline.
func readChain(inputs []Input, texts []string, kinds []SourceKind) (*Article, error) {
	for i, k := range kinds {
		if k != KindDump {
			return nil, inputErr(inputs[i].Name, 0, "a %s cannot be combined with comparison dumps", k)
		}
	}
	return readDumpChain(inputs, texts)
}

// ReadJSON reads an article written by redline --json.
func ReadJSON(file string, data []byte) (*Article, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var a Article
	if err := dec.Decode(&a); err != nil {
		line := 0
		if se, ok := err.(*json.SyntaxError); ok && int(se.Offset) <= len(data) {
			line = lineOf(data, int(se.Offset))
		}
		return nil, inputErr(file, line, "not valid redline JSON: %v", err)
	}
	if len(a.Versions) == 0 {
		return nil, inputErr(file, 0, "the JSON holds no versions")
	}
	for i := range a.Versions {
		if a.Versions[i].Paragraphs == nil {
			a.Versions[i].Paragraphs = []string{}
		}
	}
	return &a, nil
}

// WriteJSON writes the article as redline's JSON, which ReadJSON reads
// back into the identical article.
func WriteJSON(w io.Writer, a *Article) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(a)
}
