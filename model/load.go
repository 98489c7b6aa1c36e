package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Input is one source as the user gave it: its name and its bytes. Data
// may be left nil for a file named by Path, which Read then reads when it
// comes to it, so that a folder of thousands of versions is never all in
// memory at once.
type Input struct {
	Name    string
	Data    []byte
	Path    string
	ModTime time.Time
}

// bytes is the input's content.
func (in *Input) bytes() ([]byte, error) {
	if in.Data != nil || in.Path == "" {
		return in.Data, nil
	}
	data, err := os.ReadFile(in.Path)
	if err != nil {
		return nil, inputErr(in.Name, 0, "%v", unwrapPathError(err))
	}
	return data, nil
}

// SourceKind is what an input turned out to be, recognised from its
// content rather than its name.
type SourceKind int

const (
	KindPlain SourceKind = iota // plain text: one version
	KindDump                    // a NewsSniffer comparison page flattened to text
	KindJSON                    // an article written by redline --json
	KindHTML                    // a NewsSniffer comparison page saved as HTML
)

func (k SourceKind) String() string {
	switch k {
	case KindDump:
		return "comparison dump"
	case KindJSON:
		return "redline JSON"
	case KindHTML:
		return "NewsSniffer page"
	}
	return "plain text"
}

// Detect recognises the kind of a decoded input from its content.
func Detect(text string) SourceKind {
	t := strings.TrimLeftFunc(text, unicode.IsSpace)
	if strings.HasPrefix(t, "{") && strings.Contains(t, `"versions"`) {
		return KindJSON
	}
	if LooksLikeNewsSnifferHTML(text) {
		return KindHTML
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
			out = append(out, Input{Name: p, Path: p, ModTime: fi.ModTime()})
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
		out = append(out, Input{Name: p, Path: p, ModTime: fi.ModTime()})
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
// version each, in the order given, and need at least two to compare;
// several dumps of one article make one timeline.
func Read(inputs []Input) (*Article, error) { return ReadWithProgress(inputs, nil) }

// ReadWithProgress is Read telling progress, after each input, how many
// of them it has read.
func ReadWithProgress(inputs []Input, progress func(done, total int)) (*Article, error) {
	if len(inputs) == 0 {
		return nil, fmt.Errorf("no input")
	}
	texts := make([]string, len(inputs))
	kinds := make([]SourceKind, len(inputs))
	plain := make([]Version, len(inputs))
	// Two versions share at most one copy's worth of text: sharing pays
	// for its hashing only in longer histories.
	share := len(inputs) > 2
	paras := newInterner()
	results, taken, stop := readAll(inputs)
	defer stop()
	for i := range inputs {
		r := <-results[i]
		taken()
		if r.err != nil {
			return nil, r.err
		}
		kinds[i] = r.kind
		if r.kind == KindPlain {
			// Keep only its paragraphs, shared with the versions before
			// it: a long history of one document is mostly the same
			// paragraphs again.
			if share {
				paras.version(&r.plain)
			}
			plain[i] = r.plain
		} else {
			texts[i] = r.text
		}
		if progress != nil {
			progress(i+1, len(inputs))
		}
	}
	art, err := readKinds(inputs, texts, kinds, plain)
	if err != nil {
		return nil, err
	}
	if share {
		for i := range art.Versions {
			paras.version(&art.Versions[i])
		}
	}
	return art, nil
}

// readResult is one input read and recognised: a plain-text version is
// read already, other kinds keep their text for readKinds.
type readResult struct {
	text  string
	kind  SourceKind
	plain Version
	err   error
}

// readAll reads, decodes and recognises the inputs on every core, a few
// at a time ahead of the caller, and hands each result over on its own
// channel, in order. The caller calls taken after each result it takes,
// which lets one more input start, so that memory stays bounded; stop
// ends the work early.
func readAll(inputs []Input) (results []chan readResult, taken, stop func()) {
	results = make([]chan readResult, len(inputs))
	for i := range results {
		results[i] = make(chan readResult, 1)
	}
	done := make(chan struct{})
	ahead := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	go func() {
		for i := range inputs {
			select {
			case ahead <- struct{}{}:
			case <-done:
				return
			}
			go func(i int) { results[i] <- readOne(&inputs[i]) }(i)
		}
	}()
	return results, func() { <-ahead }, func() { close(done) }
}

// readOne reads and recognises one input.
func readOne(in *Input) readResult {
	data, err := in.bytes()
	if err != nil {
		return readResult{err: err}
	}
	t, err := decodeText(in.Name, data)
	if err != nil {
		return readResult{err: err}
	}
	r := readResult{kind: Detect(t)}
	if r.kind == KindPlain {
		r.plain = ReadPlain(filepath.Base(in.Name), t)
	} else {
		r.text = t
	}
	return r
}

// readKinds makes an article of inputs whose kinds are known.
func readKinds(inputs []Input, texts []string, kinds []SourceKind, plain []Version) (*Article, error) {
	switch {
	case len(inputs) == 1 && kinds[0] == KindJSON:
		return ReadJSON(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1 && kinds[0] == KindDump:
		return ReadDump(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1 && kinds[0] == KindHTML:
		return ReadNewsSnifferHTML(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1:
		return nil, inputErr(inputs[0].Name, 0,
			`not a comparison dump (no "Version a Version b" line), redline JSON, or one of two or more plain-text versions`)
	}
	for i, k := range kinds {
		if k == KindDump {
			return readChain(inputs, texts, kinds)
		}
		if k == KindHTML {
			return readPages(inputs, texts, kinds)
		}
		if k != KindPlain {
			return nil, inputErr(inputs[i].Name, 0, "a %s cannot be combined with other sources", k)
		}
	}
	art := &Article{Source: "plain text", Versions: plain}
	for i, in := range inputs {
		art.Versions[i].Number = i + 1
		if !in.ModTime.IsZero() {
			art.Versions[i].Time = in.ModTime.UTC().Format(time.RFC3339)
		}
	}
	art.Title = filepath.Base(inputs[len(inputs)-1].Name)
	return art, nil
}

// interner keeps one copy of each distinct paragraph, so that versions
// share what they have in common: memory grows with the distinct text,
// not with versions times length.
type interner map[string]string

func newInterner() interner { return interner{} }

// version makes v's paragraphs the shared copies.
func (in interner) version(v *Version) {
	for i, p := range v.Paragraphs {
		if q, ok := in[p]; ok {
			v.Paragraphs[i] = q
			continue
		}
		q := strings.Clone(p) // not a slice of the file's whole text
		in[q] = q
		v.Paragraphs[i] = q
	}
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

// readPages joins several saved NewsSniffer pages of one article: their
// cells are exact, so the versions they share read the same and only need
// putting in order.
func readPages(inputs []Input, texts []string, kinds []SourceKind) (*Article, error) {
	var out *Article
	byNumber := map[int]Version{}
	for i, k := range kinds {
		if k != KindHTML {
			return nil, inputErr(inputs[i].Name, 0, "a %s cannot be combined with NewsSniffer pages", k)
		}
		a, err := ReadNewsSnifferHTML(inputs[i].Name, []byte(texts[i]))
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = a
		} else if a.URL != "" && out.URL != "" && a.URL != out.URL {
			return nil, inputErr(inputs[i].Name, 0, "a page of another article than %s (%s, not %s)", inputs[0].Name, a.URL, out.URL)
		}
		for _, v := range a.Versions {
			if old, ok := byNumber[v.Number]; !ok || (old.Time == "" && v.Time != "") {
				byNumber[v.Number] = v
			}
		}
	}
	numbers := make([]int, 0, len(byNumber))
	for n := range byNumber {
		numbers = append(numbers, n)
	}
	sort.Ints(numbers)
	out.Versions, out.Gaps = nil, nil
	for i, n := range numbers {
		if i > 0 && n != numbers[i-1]+1 {
			out.Gaps = append(out.Gaps, len(out.Versions)-1)
		}
		out.Versions = append(out.Versions, byNumber[n])
	}
	out.Title = out.Versions[len(out.Versions)-1].Headline
	return out, nil
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
