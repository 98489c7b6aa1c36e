package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"

	"redline/model"
)

// DefaultMaxInput is the most bytes one input may hold, after gunzipping,
// unless the command line raises it: 256 MiB is three times the largest
// dump measured (79 MB) and keeps a runaway input (a 1 GB one-line file,
// /dev/zero behind gzip) from taking the machine's memory, which Go cannot
// recover from.
const DefaultMaxInput int64 = 256 << 20

// sniffSize is how many bytes of an input are looked at before it is read
// whole: enough to tell binary data from text and one format from another.
const sniffSize = 64 << 10

// Open opens each named source once: files, folders (their files, in
// order, each opened when it is read) and "-" for standard input. A named
// file is opened here and read later from the same descriptor through a
// buffered reader, so that its kind can be sniffed (Head) without losing
// a byte: a pipe, a FIFO, /dev/stdin or a process substitution can be read
// only once. Every input is refused once it passes maxInput bytes.
func Open(paths []string, stdin io.Reader, order SortOrder, maxInput int64) ([]Input, error) {
	if maxInput <= 0 {
		maxInput = DefaultMaxInput
	}
	var out []Input
	for _, p := range paths {
		if p == "-" {
			out = append(out, Input{Name: "-", r: bufio.NewReaderSize(stdin, sniffSize), max: maxInput})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, model.InputErrorf(p, 0, "%v", model.UnwrapPathError(err))
		}
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, model.InputErrorf(p, 0, "%v", model.UnwrapPathError(err))
		}
		if fi.IsDir() {
			f.Close()
			files, err := folderFiles(p, order)
			if err != nil {
				return nil, err
			}
			for i := range files {
				files[i].max = maxInput
			}
			out = append(out, files...)
			continue
		}
		in := Input{Name: p, r: bufio.NewReaderSize(f, sniffSize), file: f, max: maxInput}
		if fi.Mode().IsRegular() {
			in.Path, in.ModTime = p, fi.ModTime()
		}
		out = append(out, in)
	}
	kept := dropRepeats(out)
	if len(out) > 1 && len(kept) == 1 {
		kept[0].named = len(out) // redline a.txt a.txt: said if it reads as one version
	}
	return kept, nil
}

// Close releases the inputs still open, those not read.
func Close(inputs []Input) {
	for i := range inputs {
		if inputs[i].file != nil {
			inputs[i].file.Close()
			inputs[i].file = nil
		}
	}
}

// Head is up to n of the input's first bytes, gunzipped when the input is
// gzip, without consuming them: what its kind is sniffed from.
func (in *Input) Head(n int) []byte {
	var raw []byte
	switch {
	case in.Data != nil:
		raw = in.Data
	case in.r != nil:
		raw, _ = in.r.Peek(sniffSize)
	}
	if bytes.HasPrefix(raw, gzipMagic) {
		if zr, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
			b := make([]byte, n)
			m, _ := io.ReadFull(zr, b)
			return b[:m]
		}
	}
	return raw[:min(n, len(raw))]
}

// Gzipped reports whether the input starts like gzip.
func (in *Input) Gzipped() bool {
	var raw []byte
	switch {
	case in.Data != nil:
		raw = in.Data
	case in.r != nil:
		raw, _ = in.r.Peek(2)
	}
	return bytes.HasPrefix(raw, gzipMagic)
}

// IsFile reports whether the input is a regular file, one that can be
// opened again by its path (what SQLite and the WARC reader need).
func (in *Input) IsFile() bool { return in.Path != "" }

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// bytes is the input's content, read whole from its one descriptor, or
// from its path for a folder's file, gunzipped when it is gzip. Binary
// data is refused from its first bytes, before the rest is read: /dev/zero
// or /dev/urandom ends at once. An input past the cap is refused as soon
// as the cap is passed.
func (in *Input) bytes() ([]byte, error) {
	if in.Data != nil {
		return in.Data, nil
	}
	if in.r == nil {
		if in.Path == "" {
			return nil, nil
		}
		f, err := os.Open(in.Path)
		if err != nil {
			return nil, model.InputErrorf(in.Name, 0, "%v", model.UnwrapPathError(err))
		}
		in.file, in.r = f, bufio.NewReaderSize(f, sniffSize)
	}
	defer func() {
		if in.file != nil {
			in.file.Close()
			in.file = nil
		}
		in.r = nil // its 64 KiB buffer goes with it: a folder has thousands of inputs
	}()
	head, _ := in.r.Peek(sniffSize)
	if err := refuseBinary(in.Name, head); err != nil {
		return nil, err
	}
	var r io.Reader = in.r
	if bytes.HasPrefix(head, gzipMagic) {
		zr, err := gzip.NewReader(in.r)
		if err != nil {
			return nil, model.InputErrorf(in.Name, 0, "gzip: %v", err)
		}
		r = zr
	}
	max := in.max
	if max <= 0 {
		max = DefaultMaxInput
	}
	// A file's size is known: read it into a buffer of that size rather
	// than growing one by doubling (io.ReadAll), which copied a history of
	// 2,000 files about twice over.
	var buf bytes.Buffer
	if in.file != nil && r == io.Reader(in.r) {
		if st, err := in.file.Stat(); err == nil && st.Mode().IsRegular() && st.Size() <= max {
			buf.Grow(int(st.Size()) + bytes.MinRead)
		}
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	data := buf.Bytes()
	if err != nil {
		return nil, model.InputErrorf(in.Name, 0, "reading: %v", model.UnwrapPathError(err))
	}
	if int64(len(data)) > max {
		return nil, model.InputErrorf(in.Name, 0, "larger than the %s input cap (raise it with --max-input)", Size(max))
	}
	return data, nil
}

// refuseBinary refuses an input whose first bytes hold a NUL, unless they
// are of a format that may: gzip, SQLite (read by its path elsewhere), a
// WARC file, or UTF-16 text with its byte-order mark.
func refuseBinary(name string, head []byte) error {
	switch {
	case bytes.HasPrefix(head, gzipMagic), bytes.HasPrefix(head, []byte(warcMagic)),
		bytes.HasPrefix(head, []byte("SQLite format 3\x00")),
		bytes.HasPrefix(head, []byte{0xff, 0xfe}), bytes.HasPrefix(head, []byte{0xfe, 0xff}):
		return nil
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return model.NoTextErrorf(name, model.LineOf(head, i), "binary data (a NUL byte), not text")
	}
	return nil
}

// Size writes a byte count in binary units, as the cap is stated: 1.0 KiB,
// 256.0 MiB.
func Size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 5; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
