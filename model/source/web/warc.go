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
	"os"
	"sort"
	"strings"
	"time"

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
	if err != nil {
		return model.Article{}, err
	}
	if len(caps) == 0 {
		return model.Article{}, newErr(path, NoCaptures, nil, "the WARC holds no HTML capture of %s", url)
	}
	sort.SliceStable(caps, func(i, j int) bool { return caps[i].date.Before(caps[j].date) })
	tl := newTimeline(hostOf(url), url)
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
	if page.err != nil {
		page.body = nil
	}
	return fn(page)
}

// sentBody is a response's body as its page was sent, from the HTTP
// header and the payload a WARC record keeps as they came over the wire
// (wget, Heritrix and browser crawlers keep them so): the transfer coding
// (chunked) undone by net/http, then the content coding (gzip, deflate).
// An error names a content coding it cannot undo (br, zstd); a body cut
// inside a chunk or short of its Content-Length fails when read
// (io.ErrUnexpectedEOF).
func sentBody(header []byte, payload io.Reader) (io.Reader, error) {
	resp, err := http.ReadResponse(bufio.NewReader(io.MultiReader(bytes.NewReader(header), payload)), nil)
	if err != nil {
		return nil, fmt.Errorf("its HTTP header cannot be read: %v", err)
	}
	body := io.Reader(resp.Body)
	codings := strings.Split(strings.ToLower(resp.Header.Get("Content-Encoding")), ",")
	// Codings are listed in the order applied: undone from the last.
	for k := len(codings) - 1; k >= 0; k-- {
		switch c := strings.TrimSpace(codings[k]); c {
		case "", "identity":
		case "gzip", "x-gzip":
			zr, err := gzip.NewReader(body)
			if err != nil {
				return nil, fmt.Errorf("its gzip content coding cannot be read: %v", err)
			}
			body = zr
		case "deflate":
			// HTTP's deflate is zlib (RFC 9110, 8.4.1.2); some servers
			// send raw deflate, which zlib's header tells apart.
			br := bufio.NewReader(body)
			if h, err := br.Peek(2); err == nil && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 && h[0]&0x0f == 8 {
				zr, err := zlib.NewReader(br)
				if err != nil {
					return nil, fmt.Errorf("its deflate content coding cannot be read: %v", err)
				}
				body = zr
			} else {
				body = flate.NewReader(br)
			}
		default:
			return nil, fmt.Errorf("its content coding %q is not one redline reads (gzip, deflate)", model.Visible(c))
		}
	}
	return body, nil
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
