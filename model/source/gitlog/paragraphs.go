package gitlog

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"redline/model"
)

// paragraphReader turns the file's text at each commit into paragraphs
// the way ReadPlain reads a file. A history of small edits repeats almost
// every paragraph from one commit to the next, so each blank-line
// separated block is remembered by its raw bytes: a block seen before
// costs one map look-up instead of decoding and collapsing it again, and
// its paragraph is one string shared by every version that has it.
type paragraphReader struct {
	blocks map[string]string // raw block → its paragraph
	paras  map[string]string // each distinct paragraph, held once
	// windows1252 says the blob read last was read as Windows-1252,
	// having no UTF-8 in it (model.DecodeTextAs): what the notes say
	// (encodingNote).
	windows1252 bool
	// replaced says the blob read last was UTF-8 but for bytes read as
	// U+FFFD (replacedNote).
	replaced bool
}

// encodingNote is the article's note on its versions read as
// Windows-1252 (n of them), "" when none was.
func encodingNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("the file is not UTF-8 in %d %s: read as Windows-1252 (Latin-1)", n, gitPlural(n, "version", "versions"))
}

// replacedNote is the article's note on its versions that were UTF-8
// but for bytes read as U+FFFD (n of them), "" when none was.
func replacedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("the file is %s, in %d %s", model.ReadWithReplacement, n, gitPlural(n, "version", "versions"))
}

func newParagraphReader() *paragraphReader {
	return &paragraphReader{blocks: make(map[string]string), paras: make(map[string]string)}
}

// intern returns the one copy of paragraph p, cloned the first time so
// that no version keeps a whole blob alive for one of its lines.
func (pr *paragraphReader) intern(p string) string {
	if q, ok := pr.paras[p]; ok {
		return q
	}
	p = strings.Clone(p)
	pr.paras[p] = p
	return p
}

// read returns the headline and paragraphs of data, read as a plain
// file is (model.PlainHeadline); problem says why a blob has no text: it
// is empty or white space only, or binary data. Such a commit is skipped
// with a note, as a folder's file with no text is (a scrape that failed
// and wrote nothing); before, an emptied file was a version, every
// paragraph removed and then added again. data is not kept: the caller
// may reuse it.
func (pr *paragraphReader) read(data []byte) (headline string, paras []string, problem string) {
	pr.windows1252, pr.replaced = false, false
	if len(bytes.TrimSpace(data)) == 0 {
		return "", nil, "the file is empty"
	}
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.IndexByte(data, '\r') >= 0 ||
		bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		// Text that decodeText would change: read it the long way.
		return pr.readDecoded(data)
	}
	paras, firstOneLine := pr.blocksOf(data)
	// model.PlainHeadline's rule, on blocks: blank lines are skipped
	// alike, and a first block of one line is a line followed by a
	// blank one or by nothing.
	if len(paras) > 0 && model.LooksLikeHeadline(paras[0], firstOneLine, len(paras) > 1) {
		return paras[0], paras[1:], ""
	}
	return "", paras, ""
}

// blocksOf returns the paragraphs of data, clean UTF-8 with LF line ends,
// and whether the first stood on one line of its own.
func (pr *paragraphReader) blocksOf(data []byte) (paras []string, firstOneLine bool) {
	lines := 0 // lines of the first block so far
	// Clean UTF-8 with LF line ends is its own decoded text, so blocks
	// can be cut from the bytes themselves, by splitBlocks' rule: a
	// line that is only white space ends a block.
	paras = []string{}
	start := -1 // where the current block starts; -1 between blocks
	end := 0    // where its last line ends
	for pos := 0; pos <= len(data); {
		n := bytes.IndexByte(data[pos:], '\n')
		if n < 0 {
			n = len(data) - pos
		}
		if len(bytes.TrimSpace(data[pos:pos+n])) == 0 {
			if start >= 0 {
				paras = append(paras, pr.paragraph(data[start:end]))
				start = -1
			}
		} else {
			if start < 0 {
				start = pos
			}
			if len(paras) == 0 {
				lines++
			}
			end = pos + n
		}
		pos += n + 1
	}
	if start >= 0 {
		paras = append(paras, pr.paragraph(data[start:end]))
	}
	return paras, lines == 1
}

// paragraph is the paragraph a block of non-blank lines reads as.
func (pr *paragraphReader) paragraph(block []byte) string {
	if p, ok := pr.blocks[string(block)]; ok {
		return p
	}
	// One block gives splitBlocks exactly one paragraph.
	p := pr.intern(model.SplitParagraphs(string(block))[0])
	pr.blocks[string(block)] = p
	return p
}

// readDecoded reads text that needs decodeText: a BOM, CR line ends,
// invalid UTF-8, or NUL bytes (binary data, refused).
func (pr *paragraphReader) readDecoded(data []byte) (headline string, paras []string, problem string) {
	text, windows1252, err := model.DecodeTextAs("", data, false)
	pr.windows1252 = windows1252
	pr.replaced = !windows1252 && model.Replaced(data, text)
	if err != nil {
		var ie *model.InputError
		if errors.As(err, &ie) {
			return "", nil, ie.Msg
		}
		return "", nil, err.Error()
	}
	headline, rest, ok := model.PlainHeadline(text)
	if !ok {
		rest = text
	}
	paras = model.SplitParagraphs(rest)
	for i, p := range paras {
		paras[i] = pr.intern(p)
	}
	if paras == nil {
		paras = []string{}
	}
	return pr.intern(headline), paras, ""
}
