package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"redline/model"
	"redline/model/source"
	"redline/model/source/archive"
	"redline/model/source/web"
)

// maxWidth bounds --width: wider than any screen, and small enough that a
// side-by-side line of it is an allocation of kilobytes, not an overflow.
const maxWidth = 10000

// minWidth is the narrowest --width: the reader's own least width, below
// which a line of the gutter and a word has no room.
const minWidth = 20

// maxMaxInput bounds --max-input: past 64 GiB the cap protects nothing.
const maxMaxInput int64 = 64 << 30

// sourceKind is what the one SOURCE is, as far as the command must know
// before reading: SQLite archives and WARC files are read by their path,
// as a stream or by SQLite, never whole.
type sourceKind int

const (
	kindRead    sourceKind = iota // read by model/source
	kindArchive                   // a SQLite archive (gunzipped into the cache when gzip)
	kindWARC                      // a WARC file
)

// openInputs opens the SOURCE files and folders once each (see
// source.Open), unless the SOURCE is a URL, --git or the sample.
func openInputs(o *options, stdin io.Reader) error {
	if _, isURL := webURL(*o); isURL || o.git != "" || len(o.args) == 0 {
		return nil
	}
	order := source.SortName
	if o.sort == "mtime" {
		order = source.SortMtime
	}
	inputs, err := source.Open(o.args, stdin, order, o.maxInput)
	if err != nil {
		return err
	}
	o.inputs = inputs
	return nil
}

// sniffOne tells from its first bytes, buffered, whether the one SOURCE
// is a SQLite archive or a WARC file, and gives the path to read it by.
// Those are read from the file again by their path (SQLite needs to seek
// and lock): from a pipe they are refused.
func sniffOne(o options) (sourceKind, string, error) {
	if len(o.args) != 1 || len(o.inputs) != 1 || o.inputs[0].Name != o.args[0] {
		return kindRead, "", nil
	}
	in := &o.inputs[0]
	head := in.Head(16)
	var kind sourceKind
	switch {
	case archive.LooksLikeSQLite(head):
		kind = kindArchive
	case bytes.HasPrefix(head, []byte("WARC/1.")):
		kind = kindWARC
	default:
		return kindRead, "", nil
	}
	if !in.IsFile() {
		if kind == kindWARC {
			return kind, "", model.InputErrorf(in.Name, 0, "a WARC file is read from a file: give its path")
		}
		return kind, "", model.InputErrorf(in.Name, 0, "a SQLite archive is read from a file: give its path")
	}
	gz := in.Gzipped()
	source.Close(o.inputs)
	if kind == kindArchive && gz {
		p, err := web.DecompressToCache(in.Path, o.maxInput)
		return kind, p, err
	}
	return kind, in.Path, nil
}

// byteSize is a flag of a size in bytes: 1048576, 512K, 256M, 2G (binary
// units), bounded by maxMaxInput.
type byteSize struct{ n *int64 }

func (b byteSize) String() string {
	if b.n == nil {
		return ""
	}
	return source.Size(*b.n)
}

func (b byteSize) Set(s string) error {
	t := strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "B"), "i"))
	mult := int64(1)
	if t != "" {
		if i := strings.IndexByte("KMGT", t[len(t)-1]); i >= 0 {
			mult = int64(1) << (10 * (i + 1))
			t = t[:len(t)-1]
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mult || n*mult > maxMaxInput {
		return fmt.Errorf("want a size from 1 byte to %s (e.g. 512M, 2G)", source.Size(maxMaxInput))
	}
	*b.n = n * mult
	return nil
}
