package web

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/dustin/go-humanize"
)

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// MaybeGunzip returns a reader of r's content: gunzipped as a stream when
// r starts with the gzip magic bytes (1f 8b), else r's bytes unchanged
// (nothing is lost: the sniffed bytes are buffered). The name of the file
// or extension plays no part. It fails only when r starts like gzip but
// its header is broken.
func MaybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(2)
	if !bytes.Equal(head, gzipMagic) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return zr, nil
}

// Gunzipped returns data gunzipped when it is a whole gzip stream, else
// data itself.
func Gunzipped(data []byte) []byte {
	if !bytes.HasPrefix(data, gzipMagic) {
		return data
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return data
	}
	out, err := io.ReadAll(io.LimitReader(zr, 1<<30))
	if err != nil {
		return data
	}
	return out
}

// DecompressToCache gunzips the file at path (e.g. a SQLite archive
// delivered as .db.gz) once into the cache directory (CacheDir("")/
// decompressed) and returns the decompressed file's path. The name is
// keyed by a hash of the absolute path, size and modification time, so a
// changed input is decompressed afresh and an unchanged one is not. The
// file appears atomically (written to a temporary name, then renamed);
// nothing is ever written beside the input. Errors are *Error
// (Unreadable) naming path.
//
// What it writes is bounded: at most maxOut bytes (--max-input), or 50
// times the compressed file when that is more. A real archive shrinks
// by a few times under gzip; a stream that grows past both is a gzip
// bomb, refused before it fills the disk (300 KB can become 300 MiB),
// and the error names the input, not the cache's file.
func DecompressToCache(path string, maxOut int64) (string, error) {
	return decompressTo(path, "", maxOut)
}

// gzipGrowth is how many times its compressed size a decompressed file
// may be, whatever maxOut (DecompressToCache).
const gzipGrowth = 50

func decompressTo(path, cacheDir string, maxOut int64) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", newErr(path, Unreadable, err, "%v", err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return "", newErr(path, Unreadable, err, "%v", err)
	}
	dir, err := CacheDir(cacheDir)
	if err != nil {
		return "", newErr(path, Unreadable, err, "no cache directory: %v", err)
	}
	dir = filepath.Join(dir, "decompressed")
	h := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%d", abs, info.Size(), info.ModTime().UnixNano())))
	out := filepath.Join(dir, hex.EncodeToString(h[:16])+"-"+trimGz(filepath.Base(abs)))
	if _, err := os.Stat(out); err == nil {
		return out, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", newErr(path, Unreadable, err, "cache: %v", err)
	}
	in, err := os.Open(abs)
	if err != nil {
		return "", newErr(path, Unreadable, err, "%v", err)
	}
	defer in.Close()
	zr, err := gzip.NewReader(bufio.NewReader(in))
	if err != nil {
		return "", newErr(path, Unreadable, err, "not gzip: %v", err)
	}
	tmp, err := os.CreateTemp(dir, tmpPrefix+"*")
	if err != nil {
		return "", newErr(path, Unreadable, err, "cache: %v", err)
	}
	limit := max(maxOut, gzipGrowth*info.Size())
	n, err := io.Copy(tmp, io.LimitReader(zr, limit+1))
	if err == nil && n > limit {
		tmp.Close()
		os.Remove(tmp.Name())
		return "", newErr(path, Unreadable, nil, "decompressed, it holds more than %s (the input cap, or %d times the file when that is more; --max-input SIZE allows more)", humanize.IBytes(uint64(limit)), gzipGrowth)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), out)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", newErr(path, Unreadable, err, "decompressing: %v", err)
	}
	return out, nil
}

func trimGz(name string) string {
	if ext := filepath.Ext(name); ext == ".gz" || ext == ".gzip" {
		return name[:len(name)-len(ext)]
	}
	return name
}
