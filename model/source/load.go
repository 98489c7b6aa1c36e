package source

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"redline/model"
	"redline/model/source/newssniffer"
	"redline/model/source/web"
)

// Input is one source as the user gave it: its name and its bytes. Data
// may be left nil for a file named by Path, which Read then reads when it
// comes to it, so that a folder of thousands of versions is never all in
// memory at once. A source named on the command line is opened once, by
// Open, and read from that descriptor (see open.go).
type Input struct {
	Name    string
	Data    []byte
	Path    string
	ModTime time.Time

	r        *bufio.Reader // the one reader of a source opened by Open
	file     *os.File      // closed once read
	max      int64         // the most bytes it may hold; DefaultMaxInput when 0
	inFolder bool          // one of a folder's files, not named on its own
	size     int64         // a folder's file's size as listed, in bytes
	named    int           // how often the sources named it, when it is all they named
}

// Kind is what an input turned out to be, recognised from its
// content rather than its name.
type Kind int

const (
	KindPlain Kind = iota // plain text: one version
	KindDump              // a NewsSniffer comparison page flattened to text
	KindJSON              // an article written by redline --json
	KindHTML              // a NewsSniffer comparison page saved as HTML
	KindPage              // an article page saved as HTML (not NewsSniffer's)
	KindWARC              // a WARC file of web captures
)

func (k Kind) String() string {
	switch k {
	case KindDump:
		return "comparison dump"
	case KindJSON:
		return "redline JSON"
	case KindHTML:
		return "NewsSniffer page"
	case KindPage:
		return "saved article page"
	case KindWARC:
		return "WARC file"
	}
	return "plain text"
}

// SortOrder is how the files of a folder become a timeline.
type SortOrder int

const (
	SortName  SortOrder = iota // natural order of names: draft-2 before draft-10
	SortMtime                  // modification time, oldest first
)

// ReadInputs opens the named sources (see Open) with the default cap.
func ReadInputs(paths []string, stdin io.Reader, order SortOrder) ([]Input, error) {
	return Open(paths, stdin, order, DefaultMaxInput)
}

// folderFiles reads the regular, visible files of a folder, in order:
// not hidden ones (.name, a vim swap file among them), nor an editor's
// backup (name~) or autosave (#name#), nor a page redline wrote (the
// reader's w and W write into the working folder, which may be the
// versions'), which would read as versions.
func folderFiles(dir string, order SortOrder) ([]Input, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, model.InputErrorf(dir, 0, "%v", model.UnwrapPathError(err))
	}
	var out []Input
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
			len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#' || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if ext := strings.ToLower(filepath.Ext(name)); (ext == ".html" || ext == ".htm") && redlinePage(p) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			return nil, model.InputErrorf(p, 0, "%v", model.UnwrapPathError(err))
		}
		out = append(out, Input{Name: p, Path: p, ModTime: fi.ModTime(), inFolder: true, size: fi.Size()})
	}
	if len(out) == 0 {
		return nil, model.InputErrorf(dir, 0, "the folder holds no files")
	}
	if order == SortMtime {
		sort.SliceStable(out, func(i, j int) bool { return out[i].ModTime.Before(out[j].ModTime) })
	} else {
		sort.SliceStable(out, func(i, j int) bool {
			return model.NaturalLess(filepath.Base(out[i].Name), filepath.Base(out[j].Name))
		})
	}
	return out, nil
}

// Read turns inputs into one article. One comparison dump gives its two
// versions; one JSON file the article it holds; plain-text files are one
// version each, in the order given, and need at least two to compare;
// several dumps of one article make one timeline.
func Read(inputs []Input) (*model.Article, error) { return ReadWithProgress(inputs, nil) }

// ReadWithProgress is Read telling progress, after each input, how many
// of them it has read.
func ReadWithProgress(inputs []Input, progress func(done, total int)) (*model.Article, error) {
	if len(inputs) == 0 {
		return nil, fmt.Errorf("no input")
	}
	texts := make([]string, len(inputs))
	kinds := make([]Kind, len(inputs))
	plain := make([]model.Version, len(inputs))
	// Two versions share at most one copy's worth of text: sharing pays
	// for its hashing only in longer histories.
	share := len(inputs) > 2
	paras := newInterner()
	results, taken, stop := readAll(inputs)
	defer stop()
	var skipped []error // a folder's files that hold no text, in order
	var legacy []string // the inputs read as Windows-1252
	var mended []string // the inputs with bytes read as U+FFFD
	keep := make([]bool, len(inputs))
	for i := range inputs {
		r := <-results[i]
		taken()
		if r.err != nil && inputs[i].inFolder && errors.Is(r.err, model.ErrNoText) {
			// An empty or binary file among a folder's versions (a
			// capture that failed) is skipped and keeps its place in the
			// numbering, as a git commit that cannot be read does.
			skipped = append(skipped, r.err)
			if progress != nil {
				progress(i+1, len(inputs))
			}
			continue
		}
		if r.err != nil {
			return nil, r.err
		}
		keep[i] = true
		if r.windows1252 {
			legacy = append(legacy, inputs[i].Name)
		}
		if r.replaced {
			mended = append(mended, inputs[i].Name)
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
	if len(skipped) > 0 && len(skipped) >= len(inputs)-1 {
		return nil, skipped[0] // nothing left to compare: the first problem says why
	}
	// The inputs kept, each with its place from 1 as its number.
	kept, numbers := inputs[:0:0], make([]int, 0, len(inputs))
	for i, ok := range keep {
		if ok {
			k := len(kept)
			kept = append(kept, inputs[i])
			texts[k], kinds[k], plain[k] = texts[i], kinds[i], plain[i]
			numbers = append(numbers, i+1)
		}
	}
	k := len(kept)
	art, err := readKinds(kept, texts[:k], kinds[:k], plain[:k], numbers)
	if err != nil {
		return nil, err
	}
	if n := encodingNote(legacy); n != "" {
		art.Notes = append(art.Notes, n)
	}
	if n := replacedNote(mended); n != "" {
		art.Notes = append(art.Notes, n)
	}
	for _, err := range skipped {
		art.Notes = append(art.Notes, skippedNote(err))
	}
	if share {
		for i := range art.Versions {
			paras.version(&art.Versions[i])
		}
	}
	return art, nil
}

// redlineGenerator is how a page redline wrote names its maker, in its
// first lines (model/export's page template).
var redlineGenerator = []byte(`<meta name="generator" content="redline">`)

// redlinePage reports whether the file at path is a page redline wrote,
// from its first kilobyte.
func redlinePage(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false // read, and refused, with the rest
	}
	defer f.Close()
	head := make([]byte, 1024)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], redlineGenerator)
}

// readResult is one input read and recognised: a plain-text version is
// read already, other kinds keep their text for readKinds.
type readResult struct {
	text  string
	kind  Kind
	plain model.Version
	// windows1252: the text had no UTF-8 in it and was read as
	// Windows-1252, which the notes say (encodingNote).
	windows1252 bool
	// replaced: the text was UTF-8 but for bytes read as U+FFFD, which
	// the notes say (replacedNote).
	replaced bool
	err      error
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
	owned := in.Data == nil // else the caller's bytes, which it may change
	data, err := in.bytes()
	if err != nil {
		return readResult{err: err}
	}
	if bytes.HasPrefix(data, []byte(warcMagic)) {
		// Its captures may be binary: it is read by path, not as text.
		return readResult{kind: KindWARC}
	}
	t, windows1252, err := model.DecodeTextAs(in.Name, data, owned)
	if err != nil {
		return readResult{err: err}
	}
	r := readResult{kind: Detect(t)}
	// A page's own <meta> charset decides how it reads (it is decoded
	// again from its bytes), and says so itself.
	page := r.kind == KindHTML || r.kind == KindPage
	r.windows1252 = windows1252 && !page
	r.replaced = !windows1252 && !page && model.Replaced(data, t)
	if r.kind == KindHTML && !utf8.Valid(data) {
		// A page in a charset of its own (its <meta> says which): its
		// bytes go on as they are, for the NewsSniffer reader to decode
		// as a browser would; the decoding above was for recognising it.
		t = string(data)
	}
	if r.kind == KindPlain {
		r.plain = ReadPlain(filepath.Base(in.Name), t)
	} else {
		r.text = t
	}
	return r
}

// readKinds makes an article of inputs whose kinds are known; numbers
// are the plain-text versions' numbers (their places among the inputs
// given, from 1).
func readKinds(inputs []Input, texts []string, kinds []Kind, plain []model.Version, numbers []int) (*model.Article, error) {
	switch {
	case len(inputs) == 1 && kinds[0] == KindJSON:
		return model.ReadJSON(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1 && kinds[0] == KindDump:
		return newssniffer.ReadDump(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1 && kinds[0] == KindHTML:
		return newssniffer.ReadNewsSnifferHTML(inputs[0].Name, []byte(texts[0]))
	case len(inputs) == 1 && kinds[0] == KindWARC:
		return readWARC(inputs[0])
	case len(inputs) == 1 && kinds[0] == KindPage:
		return readPages(inputs)
	case len(inputs) == 1 && inputs[0].named > 1:
		return nil, model.InputErrorf(inputs[0].Name, 0, "named %d times: one version, nothing to compare it with; name two different versions", inputs[0].named)
	case len(inputs) == 1:
		return nil, model.InputErrorf(inputs[0].Name, 0,
			`not a comparison dump (no "Version a Version b" line), redline JSON, or one of two or more plain-text versions`)
	}
	for i, k := range kinds {
		if k == KindDump {
			return readChain(inputs, texts, kinds)
		}
		if k == KindPage {
			for j, k := range kinds {
				if k != KindPage {
					return nil, model.InputErrorf(inputs[j].Name, 0, "a %s cannot be combined with saved article pages (%s is one)", k, model.Visible(filepath.Base(inputs[i].Name)))
				}
			}
			return readPages(inputs)
		}
		if k == KindHTML {
			for j, k := range kinds {
				if k != KindHTML {
					return nil, model.InputErrorf(inputs[j].Name, 0, "a %s cannot be combined with NewsSniffer pages (%s is one)", k, model.Visible(filepath.Base(inputs[i].Name)))
				}
			}
			return newssniffer.ReadPages(names(inputs), texts)
		}
		if k != KindPlain {
			return nil, model.InputErrorf(inputs[i].Name, 0, "a %s cannot be combined with other sources", k)
		}
	}
	art := &model.Article{Source: "plain text", Versions: plain}
	for i, in := range inputs {
		art.Versions[i].Number = numbers[i]
		if !in.ModTime.IsZero() {
			art.Versions[i].Time = in.ModTime.UTC().Format(time.RFC3339)
		}
	}
	if a, b, ok := namedOutOfOrder(inputs); ok {
		art.Notes = append(art.Notes, fmt.Sprintf("%s is named before %s: versions are read in the order named (a shell's * puts 10 before 2); name them in order, or give their folder",
			model.Visible(a), model.Visible(b)))
	}
	// The title is the newest headline the versions have; a file name is
	// a version's label, never its headline.
	for i := len(art.Versions) - 1; i >= 0 && art.Title == ""; i-- {
		art.Title = art.Versions[i].Headline
	}
	model.AgreePlainHeadlines(art.Versions)
	return art, nil
}

// skippedNote is the article's note on a folder's file skipped for err,
// an *model.InputError of kind model.ErrNoText: "FILE[:LINE] skipped:
// what is wrong".
func skippedNote(err error) string {
	var ie *model.InputError
	if !errors.As(err, &ie) {
		return err.Error()
	}
	return ie.Where() + " skipped: " + ie.Msg
}

// encodingNote is the article's note on the inputs read as Windows-1252
// (names), one for them all: "" for none.
func encodingNote(names []string) string { return filesNote(names, model.ReadAsWindows1252) }

// replacedNote is the article's note on the inputs that were UTF-8 but
// for a few bytes, each read as U+FFFD: two different bytes (a € and a £
// in a legacy code page) then read alike, and their edit is not seen.
func replacedNote(names []string) string { return filesNote(names, model.ReadWithReplacement) }

// filesNote says of the inputs named that they are what.
func filesNote(names []string, what string) string {
	for i, n := range names {
		if n == "-" {
			names[i] = "standard input"
		} else {
			names[i] = model.OneLine(n)
		}
	}
	switch {
	case len(names) == 0:
		return ""
	case len(names) == 1:
		return names[0] + " is " + what
	case len(names) <= 3:
		return fmt.Sprintf("%d files are %s: %s", len(names), what, strings.Join(names, ", "))
	}
	return fmt.Sprintf("%d files are %s: %s …", len(names), what, strings.Join(names[:3], ", "))
}

// namedOutOfOrder finds, among files named one by one, two in a row that
// are one pattern numbered (draft-10.txt, draft-2.txt: the same but for
// their runs of digits) and named against their numbers' order, as a
// shell's * sorts them: their base names.
func namedOutOfOrder(inputs []Input) (a, b string, ok bool) {
	for i := 1; i < len(inputs); i++ {
		x, y := inputs[i-1], inputs[i]
		if x.inFolder || y.inFolder {
			continue
		}
		a, b = filepath.Base(x.Name), filepath.Base(y.Name)
		if digitsAsHash(a) == digitsAsHash(b) && model.NaturalLess(b, a) {
			return a, b, true
		}
	}
	return "", "", false
}

// digitsAsHash is name with each run of digits written "#": the pattern
// of a numbered name.
func digitsAsHash(name string) string {
	var sb strings.Builder
	inRun := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= '0' && c <= '9' {
			if !inRun {
				sb.WriteByte('#')
			}
			inRun = true
			continue
		}
		inRun = false
		sb.WriteByte(c)
	}
	return sb.String()
}

// readPages reads saved article pages, which the web package reads by
// path.
func readPages(inputs []Input) (*model.Article, error) {
	paths := make([]string, len(inputs))
	for i, in := range inputs {
		if in.Path == "" {
			return nil, model.InputErrorf(in.Name, 0, "a saved article page is read from a file: give its path")
		}
		paths[i] = in.Path
	}
	art, err := web.ReadSavedPages(paths)
	if err != nil {
		return nil, err
	}
	return &art, nil
}

// readWARC opens a WARC file that holds captures of one article; one of
// several is chosen with the command line's --article.
func readWARC(in Input) (*model.Article, error) {
	if in.Path == "" {
		return nil, model.InputErrorf(in.Name, 0, "a WARC file is read from a file: give its path")
	}
	list, err := web.ListWARC(in.Path)
	if err != nil {
		return nil, err
	}
	if len(list) > 1 {
		return nil, model.InputErrorf(in.Name, 0, "the WARC file holds %d articles: choose one with --article URL", len(list))
	}
	art, err := web.OpenWARC(in.Path, list[0].URL)
	if err != nil {
		return nil, err
	}
	return &art, nil
}

// interner keeps one copy of each distinct paragraph, so that versions
// share what they have in common: memory grows with the distinct text,
// not with versions times length.
type interner map[string]string

func newInterner() interner { return interner{} }

// version makes v's paragraphs the shared copies.
func (in interner) version(v *model.Version) {
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
func readChain(inputs []Input, texts []string, kinds []Kind) (*model.Article, error) {
	dump := slices.Index(kinds, KindDump)
	for i, k := range kinds {
		if k != KindDump {
			// Both named: which of the two is the odd one out is the
			// reader's to say, not the order of the files.
			return nil, model.InputErrorf(inputs[i].Name, 0, "a %s cannot be combined with comparison dumps (%s is one)",
				k, inputs[dump].Name)
		}
	}
	return newssniffer.ReadChain(names(inputs), texts)
}

// names are the inputs' names, for messages.
func names(inputs []Input) []string {
	out := make([]string, len(inputs))
	for i, in := range inputs {
		out[i] = in.Name
	}
	return out
}
