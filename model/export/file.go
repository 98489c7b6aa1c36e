package export

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"redline/model"
)

// maxSlug bounds the headline's part of a file name: long enough to
// recognise the article, short enough for every file system and a footer.
const maxSlug = 60

// FileName is the name a step's page is saved under: the headline as a
// slug of lower-case ASCII letters, digits and dashes, then the version
// number, then ext ("russia-and-turkey-make-joint-call-v2.html"). It
// never contains a path separator or starts with a dot, whatever the
// headline holds.
func FileName(art *model.Article, shown int, ext string) string {
	headline := art.Title
	number := shown
	if shown >= 0 && shown < len(art.Versions) {
		v := art.Versions[shown]
		number = v.Number
		if v.Headline != "" {
			headline = v.Headline
		}
	}
	s := slug(headline)
	if s == "" {
		s = "article"
	}
	return fmt.Sprintf("%s-v%d%s", s, number, ext)
}

// slug keeps the letters and digits of s, accents dropped (NFD, marks
// removed), every other run of characters one dash, cut at a word
// boundary within maxSlug.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > maxSlug {
		out = out[:maxSlug]
		if i := strings.LastIndexByte(out, '-'); i > maxSlug/2 {
			out = out[:i]
		}
	}
	return strings.Trim(out, "-")
}

// CreateUnique creates name in dir for writing, never over an existing
// file: when name is taken it tries name-2, name-3, … (before the
// extension). The file is created exclusively (O_EXCL), so two writers
// racing for one name still get two files.
func CreateUnique(dir, name string) (*os.File, error) {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n <= 1000; n++ {
		try := name
		if n > 1 {
			try = fmt.Sprintf("%s-%d%s", stem, n, ext)
		}
		f, err := os.OpenFile(filepath.Join(dir, try), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("%s: a thousand files of that name already exist", filepath.Join(dir, name))
}
