package web

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// DefaultCacheMaxBytes bounds the fetch cache when Options.CacheMaxBytes
// is 0: 512 MiB, some thousands of article captures.
const DefaultCacheMaxBytes = 512 << 20

// CacheDirEnv names the environment variable that, when set, overrides the
// cache directory (Options.CacheDir still wins over it).
const CacheDirEnv = "REDLINE_CACHE_DIR"

// tmpPrefix starts the name of a file still being written. Readers never
// open such files; a sweep deletes the ones an interrupted write left.
const tmpPrefix = ".tmp-"

// staleTmp is how old a temporary file must be before a sweep takes it
// for the leftover of an interrupted write rather than another redline's
// write in progress. It only decides when disk is reclaimed, never what
// an open returns.
const staleTmp = time.Hour

// CacheDir is the directory redline keeps fetched captures in: dir if not
// empty, else $REDLINE_CACHE_DIR, else os.UserCacheDir()/redline. It
// fails only when no user cache directory can be found.
func CacheDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	if env := os.Getenv(CacheDirEnv); env != "" {
		return env, nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "redline"), nil
}

// cache is a directory of immutable entries, each under
// <dir>/<kind>/<first two digits>/<hash of key>. Writes go to a temporary
// file in the same directory and are renamed into place, so a reader sees
// a whole entry or none. Every read sets the entry's modification time to
// now, which makes that time the entry's last use; when the cache grows
// past max bytes, a sweep deletes the least recently used entries until
// it is under nine tenths of max.
type cache struct {
	dir   string
	max   int64
	wrote bool
}

func openCache(dir string, max int64) (*cache, error) {
	if max <= 0 {
		max = DefaultCacheMaxBytes
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &cache{dir: dir, max: max}, nil
}

func (c *cache) path(kind, key string) string {
	h := hashKey(key)
	return filepath.Join(c.dir, kind, h[:2], h)
}

// get returns the entry for key, or false when there is none.
func (c *cache) get(kind, key string) ([]byte, bool) {
	p := c.path(kind, key)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, false
	}
	now := time.Now()
	_ = os.Chtimes(p, now, now) // a use: keeps the entry from eviction
	return data, true
}

// put stores data under key atomically. Errors are returned but a caller
// may ignore them: the cache only saves work.
func (c *cache) put(kind, key string, data []byte) error {
	p := c.path(kind, key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), tmpPrefix+"*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, p)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	c.wrote = true
	return nil
}

// sweep deletes temporary files left by interrupted writes and, when the
// entries hold more than max bytes, the least recently used entries.
func (c *cache) sweep() {
	type entry struct {
		path string
		size int64
		used time.Time
	}
	var entries []entry
	var total int64
	now := time.Now()
	filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), tmpPrefix) {
			if now.Sub(info.ModTime()) > staleTmp {
				os.Remove(p)
			}
			return nil
		}
		entries = append(entries, entry{p, info.Size(), info.ModTime()})
		total += info.Size()
		return nil
	})
	if total <= c.max {
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].used.Before(entries[j].used) })
	for _, e := range entries {
		if total <= c.max/10*9 {
			break
		}
		if os.Remove(e.path) == nil {
			total -= e.size
		}
	}
}

// A capture entry is its Content-Type, a newline, then the body as served.
func encodeCapture(contentType string, body []byte) []byte {
	out := make([]byte, 0, len(contentType)+1+len(body))
	out = append(out, oneLine(contentType)...)
	out = append(out, '\n')
	return append(out, body...)
}

func decodeCapture(data []byte) (string, []byte, bool) {
	i := bytes.IndexByte(data, '\n')
	if i < 0 {
		return "", nil, false
	}
	return string(data[:i]), data[i+1:], true
}
