package web

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httputil"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/nlnwa/gowarc/v3"

	"redline/model"
)

// WARCArticle sums up the captures of one URL in a WARC file, for a
// picker: which article, how often captured, over what span.
type WARCArticle struct {
	// URL is the captured URL (WARC-Target-URI).
	URL string
	// Headline is the <title> (or og:title) of the latest capture; empty
	// when its first 64 KiB hold none.
	Headline string
	// Captures counts the HTML responses (status 200) for URL.
	Captures int
	// First and Last are the earliest and latest WARC-Date, UTC.
	First, Last time.Time
}

// titleScan is how much of a capture ListWARC reads to find its title.
const titleScan = 64 << 10

// ListWARC reads a WARC file (.warc or .warc.gz, as wget, Browsertrix,
// ArchiveBox or Heritrix write them) as a stream and returns one summary
// per URL that has HTML responses, most captured first (then by URL).
// Memory stays bounded whatever the file's size: records are read one at
// a time and only the first 64 KiB of a page are looked at. It fails
// with an *Error (Unreadable) when the file cannot be read as a WARC, and
// NoCaptures when it holds no HTML response.
func ListWARC(path string) ([]WARCArticle, error) {
	byURL := map[string]*WARCArticle{}
	err := scanWARC(path, func(r warcPage) error {
		if r.err != nil {
			return nil // no capture to open: OpenWARC names it in its notes
		}
		s := byURL[r.url]
		if s == nil {
			s = &WARCArticle{URL: r.url, First: r.date, Last: r.date}
			byURL[r.url] = s
		}
		s.Captures++
		if r.date.Before(s.First) {
			s.First = r.date
		}
		if !r.date.Before(s.Last) || s.Headline == "" {
			if !r.date.Before(s.Last) {
				s.Last = r.date
			}
			head, _ := io.ReadAll(io.LimitReader(r.body, titleScan))
			if t := pageTitle(head); t != "" {
				s.Headline = t
			}
		}
		return nil
	})
	if errors.As(err, new(*cutShort)) {
		err = nil // the list is of the records read; opening one says the rest
	}
	if err != nil {
		return nil, err
	}
	if len(byURL) == 0 {
		return nil, newErr(path, NoCaptures, nil, "the WARC holds no HTML page")
	}
	out := make([]WARCArticle, 0, len(byURL))
	for _, s := range byURL {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Captures != out[j].Captures {
			return out[i].Captures > out[j].Captures
		}
		return out[i].URL < out[j].URL
	})
	return out, nil
}

// OpenWARC returns the article at url as the WARC file at path holds it:
// every HTML response for url is a capture, in WARC-Date order (file
// order among equal dates); Label is the capture's WARC-Date, Time the
// same in RFC 3339. Captures with no article are named in Notes. It fails
// with an *Error: Unreadable, or NoCaptures when url has no HTML response.
func OpenWARC(path, url string) (model.Article, error) {
	type found struct {
		page Page
		date time.Time
		err  error
	}
	var caps []found
	err := scanWARC(path, func(r warcPage) error {
		if r.url != url {
			return nil
		}
		if r.err != nil {
			caps = append(caps, found{date: r.date, err: r.err})
			return nil
		}
		p, err := Extract(r.body, r.ctype, r.url)
		caps = append(caps, found{p, r.date, err})
		return nil
	})
	var cut *cutShort
	if errors.As(err, &cut) {
		err = nil
	}
	if err != nil {
		return model.Article{}, err
	}
	if len(caps) == 0 {
		return model.Article{}, newErr(path, NoCaptures, nil, "the WARC holds no HTML capture of %s", url)
	}
	sort.SliceStable(caps, func(i, j int) bool { return caps[i].date.Before(caps[j].date) })
	tl := newTimeline(hostOf(url), url)
	if cut != nil {
		tl.note("%s", cut.Error())
	}
	for _, c := range caps {
		label := c.date.UTC().Format(time.RFC3339)
		if c.err != nil {
			tl.note("capture %s skipped: %v", label, c.err)
			continue
		}
		tl.add(c.page, c.date, label)
	}
	if len(tl.a.Versions) == 0 {
		return tl.article(), newErr(path, NoCaptures, nil, "none of the %d captures of %s holds an article", len(caps), url)
	}
	return tl.article(), nil
}

// cutShort is scanWARC's word that the file ends inside a record: the
// records before it were read.
type cutShort struct {
	record int
	offset int64
}

func (c *cutShort) Error() string {
	return fmt.Sprintf("the WARC file ends inside record %d (at byte %d): cut short; the records before it are read", c.record, c.offset)
}

// warcPage is one HTML response record: its body, the page as it was
// sent, is readable only during the callback. err says why a record's
// page cannot be read (cut short, a content coding redline cannot
// undo); body is nil then.
type warcPage struct {
	url, ctype string
	date       time.Time
	body       io.Reader
	err        error
}

// scanWARC streams the records of a WARC file and calls fn for each HTML
// response with status 200. gowarc's default policies are kept: with
// spec violations ignored, v3.1.0 hands back a truncated payload (4 KiB
// of a 55 KiB page in our tests), so digests are checked and findings
// are left unread.
func scanWARC(path string, fn func(warcPage) error) error {
	f, err := os.Open(path)
	if err != nil {
		return newErr(path, Unreadable, err, "%v", err)
	}
	defer f.Close()
	r, err := gowarc.NewWarcFileReaderFromStream(bufio.NewReaderSize(f, 1<<16), 0,
		gowarc.WithBufferTmpDir(os.TempDir()))
	if err != nil {
		return newErr(path, Unreadable, err, "%v", err)
	}
	defer r.Close()
	n := 0
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			rec.Close()
			if n == 0 {
				return newErr(path, Unreadable, err, "not a WARC file: %v", err)
			}
			if errors.Is(err, io.ErrUnexpectedEOF) {
				// A file cut short (a crawl stopped, a copy cut): the
				// records before the cut are whole, and are read.
				return &cutShort{record: n + 1, offset: rec.Offset}
			}
			return newErr(path, Unreadable, err, "record %d at byte %d: %v", n+1, rec.Offset, err)
		}
		n++
		err = visitRecord(rec, fn)
		rec.Close()
		if err != nil {
			return err
		}
	}
}

func visitRecord(rec gowarc.Record, fn func(warcPage) error) error {
	wr := rec.WarcRecord
	if wr == nil || wr.Type() != gowarc.Response {
		return nil
	}
	hb, ok := wr.Block().(gowarc.HttpResponseBlock)
	if !ok || hb.HttpStatusCode() != 200 {
		return nil
	}
	ctype := ""
	if h := hb.HttpHeader(); h != nil {
		ctype = h.Get("Content-Type")
	}
	if ct := strings.ToLower(ctype); ct != "" && !strings.Contains(ct, "html") {
		return nil
	}
	payload, err := hb.PayloadBytes()
	if err != nil {
		return nil
	}
	date, _ := wr.Date()
	page := warcPage{url: wr.WarcHeader().Get(gowarc.WarcTargetURI), ctype: ctype, date: date.UTC()}
	if why := wr.WarcHeader().Get(gowarc.WarcTruncated); why != "" {
		// The crawler kept part of the response (a length or time
		// limit): read, its end would seem deleted.
		page.err = fmt.Errorf("the crawler kept only part of it (WARC-Truncated: %s)", model.Visible(why))
		return fn(page)
	}
	for _, v := range rec.Validation {
		// A record cut short (a crawl stopped, a file truncated) would
		// read as the end of the article gone: it is no capture.
		var cut *gowarc.ContentLengthError
		if errors.As(v, &cut) {
			page.err = fmt.Errorf("the WARC record is cut short (%d of its %d bytes)", cut.Actual, cut.Expected)
			return fn(page)
		}
	}
	page.body, page.err = sentBody(hb.ProtocolHeaderBytes(), payload)
	return fn(page)
}

// sentBody is a response's body as its page was sent, from the HTTP
// header and the payload a WARC record keeps as they came over the wire
// (wget, Heritrix and browser crawlers keep them so): the transfer coding
// (chunked) undone, then the content coding (gzip, deflate). Some
// crawlers store the body decoded under the headers it came with: a step
// whose decoding fails on bytes that do not look coded at all keeps them
// as stored. The payload is read whole (up to maxBody), whatever its
// Content-Length: a stale header never cuts the page. An error names a
// content coding redline does not read (br, zstd), or coded bytes cut
// short.
func sentBody(header []byte, payload io.Reader) (io.Reader, error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(header)), nil)
	if err != nil {
		return nil, fmt.Errorf("its HTTP header cannot be read: %v", err)
	}
	body, err := readPage(payload)
	if err != nil {
		return nil, err
	}
	if slices.Contains(resp.TransferEncoding, "chunked") {
		dec, err := readPage(httputil.NewChunkedReader(bytes.NewReader(body)))
		switch {
		case err == nil:
			body = dec
		case chunkSizeLine.Match(body):
			return nil, fmt.Errorf("its chunked body is cut short: %v", err)
		}
	}
	codings := strings.Split(strings.ToLower(resp.Header.Get("Content-Encoding")), ",")
	// Codings are listed in the order applied: undone from the last.
	for k := len(codings) - 1; k >= 0; k-- {
		var dec []byte
		var err error
		c := strings.TrimSpace(codings[k])
		switch c {
		case "", "identity":
			continue
		case "gzip", "x-gzip":
			if !bytes.HasPrefix(body, gzipMagic) {
				continue // stored decoded
			}
			var zr *gzip.Reader
			if zr, err = gzip.NewReader(bytes.NewReader(body)); err == nil {
				zr.Multistream(false) // what follows the stream (a CRLF) is no page
				dec, err = readPage(zr)
			}
		case "deflate":
			if looksLikeMarkup(body) {
				continue // stored decoded
			}
			// HTTP's deflate is zlib (RFC 9110, 8.4.1.2); some servers
			// send raw deflate, which zlib's header tells apart.
			if len(body) >= 2 && (uint16(body[0])<<8|uint16(body[1]))%31 == 0 && body[0]&0x0f == 8 {
				var zr io.ReadCloser
				if zr, err = zlib.NewReader(bytes.NewReader(body)); err == nil {
					dec, err = readPage(zr)
				}
			} else {
				dec, err = readPage(flate.NewReader(bytes.NewReader(body)))
			}
		default:
			if looksLikeMarkup(body) {
				continue // stored decoded
			}
			return nil, fmt.Errorf("its content coding %q is not one redline reads (gzip, deflate)", model.Visible(c))
		}
		if err != nil {
			return nil, fmt.Errorf("its %s body cannot be read: %v", c, err)
		}
		body = dec
	}
	return bytes.NewReader(body), nil
}

// readPage reads a page's bytes, refusing more than maxBody: cut at the
// bound, the page's end would read as deleted.
func readPage(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxBody+1))
	if err == nil && len(b) > maxBody {
		err = fmt.Errorf("its page is larger than %s, more than any article", humanize.IBytes(maxBody))
	}
	return b, err
}

// chunkSizeLine is how a chunked body starts: a chunk's size in hex,
// perhaps extensions, then the line's end.
var chunkSizeLine = regexp.MustCompile(`^[0-9A-Fa-f]{1,16}(;[^\r\n]*)?\r?\n`)

// looksLikeMarkup reports whether a body starts as a page does (after
// white space and a byte-order mark, a '<'): text, not coded bytes.
func looksLikeMarkup(body []byte) bool {
	b := bytes.TrimLeft(bytes.TrimPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(b) > 0 && b[0] == '<'
}

// pageTitle finds og:title, else <title>, in the start of a page, without
// parsing it: enough for a picker, and cheap on a large WARC.
func pageTitle(head []byte) string {
	low := bytes.ToLower(head)
	if i := bytes.Index(low, []byte(`property="og:title"`)); i >= 0 {
		start := bytes.LastIndexByte(low[:i], '<')
		end := bytes.IndexByte(low[i:], '>')
		if start >= 0 && end >= 0 {
			tag := string(head[start : i+end])
			if c := strings.Index(strings.ToLower(tag), `content="`); c >= 0 {
				v := tag[c+9:]
				if q := strings.IndexByte(v, '"'); q >= 0 {
					return model.CollapseSpace(htmlUnescape(v[:q]))
				}
			}
		}
	}
	i := bytes.Index(low, []byte("<title"))
	if i < 0 {
		return ""
	}
	j := bytes.IndexByte(low[i:], '>')
	if j < 0 {
		return ""
	}
	k := bytes.Index(low[i+j:], []byte("</title"))
	if k < 0 {
		return ""
	}
	return model.CollapseSpace(htmlUnescape(string(head[i+j+1 : i+j+k])))
}
