package source

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"redline/model"
)

// A folder of thousands of plain-text versions is read whole by Read in
// a fraction of a second, but what is shown first — the newest step —
// needs two of its files. ReadNewest reads only those, so that --print
// and the reader's first screen wait for two files, not for the folder.

// Newest is the newest versions of a history of plain-text files, read
// ahead of the rest.
type Newest struct {
	// Article holds the newest versions only, numbered as Read numbers
	// them in the whole history, its title the one Read gives.
	Article *model.Article
	// Total is how many versions the whole history has, counted from
	// the folder's list: less its empty files, which Read skips; a file
	// among the older ones that holds only white space or binary data
	// is found only by reading it, so Total can then run higher.
	Total int
}

// headlineHead is how much of a file is read to tell its headline: the
// first line (at most 120 runes), a blank line and the start of the
// next fit several times over.
const headlineHead = 4 << 10

// ReadNewest reads the newest n versions of inputs that are a folder's
// files (three or more, none opened yet) and no other file, except the
// first bytes of older ones when none of the newest has a headline (the
// title is the newest headline a version has), or when one of the newest
// begins with a headline but for its full stop and none of the newest
// has those words as its headline (model.AgreePlainHeadlines: an older
// version's headline may). It reports false when the
// inputs are not such files or one of the newest is not plain text: its
// kind then decides how the inputs read (Read), and nothing of them has
// been consumed.
//
// The kinds of the older files are not looked at: a folder whose newest
// files are plain text is read as plain-text versions, and a file among
// the older ones that is not is found when the whole folder is read.
func ReadNewest(inputs []Input, n int) (Newest, bool, error) {
	if n < 1 || len(inputs) <= n || !unopenedFiles(inputs) {
		return Newest{}, false, nil
	}
	lo := len(inputs) - n
	art := &model.Article{Source: "plain text"}
	var legacy []string // read as Windows-1252
	var mended []string // with bytes read as U+FFFD
	for i := lo; i < len(inputs); i++ {
		in := inputs[i] // a copy: the input itself is left unread for Read
		r := readOne(&in)
		if r.err != nil || r.kind != KindPlain {
			// Read reads it, and skips a file that holds no text with a
			// note.
			return Newest{}, false, nil
		}
		if r.windows1252 {
			legacy = append(legacy, inputs[i].Name)
		}
		if r.replaced {
			mended = append(mended, inputs[i].Name)
		}
		v := r.plain
		v.Number = i + 1
		if !inputs[i].ModTime.IsZero() {
			v.Time = inputs[i].ModTime.UTC().Format(time.RFC3339)
		}
		art.Versions = append(art.Versions, v)
	}
	// The older files listed empty are skipped, as Read skips them, and
	// noted as it notes them: known without opening them.
	total := len(inputs)
	var skipped []string
	for _, in := range inputs[:lo] {
		if in.size == 0 {
			total--
			skipped = append(skipped, skippedNote(model.NoTextErrorf(in.Name, 0, "the file is empty")))
		}
	}
	if n := encodingNote(legacy); n != "" {
		art.Notes = append(art.Notes, n)
	}
	if n := replacedNote(mended); n != "" {
		art.Notes = append(art.Notes, n)
	}
	art.Notes = append(art.Notes, skipped...)
	for i := len(art.Versions) - 1; i >= 0 && art.Title == ""; i-- {
		art.Title = art.Versions[i].Headline
	}
	// The older files' headlines, read from their first bytes, newest
	// first, each once: for the title when the versions read gave none,
	// and because a first line that is a headline but for its full stop
	// is one when any version's headline is its words, as Read reads the
	// folder (AgreePlainHeadlines).
	open := model.AgreePlainHeadlines(art.Versions)
	for i := lo - 1; i >= 0 && (art.Title == "" || open); i-- {
		h := headlineOf(inputs[i])
		if art.Title == "" {
			art.Title = h
		}
		if open && h != "" {
			with := append([]model.Version{{Headline: h}}, art.Versions...)
			open = model.AgreePlainHeadlines(with)
			copy(art.Versions, with[1:])
		}
	}
	return Newest{Article: art, Total: total}, true, nil
}

// unopenedFiles reports whether every input is a file named by its path
// and not opened yet: one that can be read now and again later.
func unopenedFiles(inputs []Input) bool {
	for _, in := range inputs {
		if in.Path == "" || in.r != nil || in.Data != nil {
			return false
		}
	}
	return true
}

// headlineOf is the headline of the plain-text version in a file, read
// from its first bytes when they decide it, else from the whole file; ""
// when it has none or cannot be read.
func headlineOf(in Input) string {
	f, err := os.Open(in.Path)
	if err != nil {
		return ""
	}
	head, err := readHead(f, headlineHead)
	f.Close()
	if err == nil {
		whole := len(head) < headlineHead
		if i := bytes.LastIndexByte(head, '\n'); !whole && i >= 0 {
			// Whole lines only: a character cut in two would decode as
			// U+FFFD, which is not blank where the character may be.
			head = head[:i+1]
		}
		// A head that is not UTF-8 decides nothing short of the whole
		// file: whether the file is UTF-8 with a bad byte or Windows-1252
		// only the whole of it says (model.DecodeTextAs).
		if whole || utf8.Valid(head) {
			if t, err := model.DecodeText(in.Name, head); err == nil {
				if h, decided := plainHeadlineOfHead(t, whole); decided {
					return h
				}
			}
		}
	}
	r := readOne(&in)
	if r.err != nil || r.kind != KindPlain {
		return ""
	}
	return r.plain.Headline
}

// readHead reads up to n bytes of what f holds, gunzipped when it is
// gzip.
func readHead(f *os.File, n int) ([]byte, error) {
	raw := make([]byte, n)
	m, err := io.ReadFull(f, raw)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	raw = raw[:m]
	if !bytes.HasPrefix(raw, gzipMagic) {
		return raw, nil
	}
	zr, err := gzip.NewReader(io.MultiReader(bytes.NewReader(raw), f))
	if err != nil {
		return nil, err
	}
	out := make([]byte, n)
	m, err = io.ReadFull(zr, out)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	return out[:m], nil
}

// plainHeadlineOfHead is model.PlainHeadline on the first bytes of a
// text, and whether they decide it: whole says they are the whole text.
// The rest of the text cannot change a first line, a second line or a
// body that the head holds complete.
func plainHeadlineOfHead(head string, whole bool) (headline string, decided bool) {
	h, _, ok := model.PlainHeadline(head)
	if ok || whole {
		return h, true
	}
	first, after, ended := model.FirstLine(head)
	if !ended {
		return "", false // the first line may go on
	}
	if !model.LooksLikeHeadline(model.CollapseSpace(first), true, true) {
		return "", true
	}
	// A second line that is not blank decides; else the body may follow.
	blank, _, _ := strings.Cut(after, "\n")
	return "", strings.TrimSpace(blank) != ""
}
