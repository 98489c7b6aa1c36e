package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"golang.org/x/time/rate"
)

// maxBody bounds what one response may hold: an article page is well
// under this, and a runaway response must not fill memory.
const maxBody = 32 << 20

// fetcher is redline's polite HTTP client: every attempt (retries too)
// waits its turn at the host's pacer and names redline in its User-Agent;
// 429 and 5xx answers are retried a bounded number of times with
// exponential backoff that honours Retry-After.
type fetcher struct {
	client *retryablehttp.Client
	pace   *pacer
}

// status is an HTTP answer that was not 200, after retries.
type status struct {
	URL  string
	Code int
}

// Error names the server, not the whole address: a CDX query is some
// 200 characters of escapes.
func (s *status) Error() string { return fmt.Sprintf("HTTP %d from %s", s.Code, hostPart(s.URL)) }

// hostPart is the host (with its port) of address raw, or raw itself
// when it names none.
func hostPart(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

func newFetcher(o *Options) *fetcher {
	p := newPacer(o.RequestsPerSecond)
	rc := retryablehttp.NewClient()
	rc.Logger = nil
	rc.RetryMax = o.Retries
	rc.RetryWaitMin = o.RetryWaitMin
	rc.RetryWaitMax = o.RetryWaitMax
	rc.Backoff = retryablehttp.DefaultBackoff
	rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	maxAfter := o.MaxRetryAfter
	rc.CheckRetry = func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		var pe *paceErr
		if ctx.Err() != nil || errors.As(err, &pe) {
			return false, ctx.Err()
		}
		if unreachable(err) {
			// A name not found, a connection refused: not there now, and
			// not in the seconds the retries would wait either.
			return false, nil
		}
		var ue *url.Error
		if errors.As(err, &ue) && ue.Timeout() && ctx.Value(captureRequest{}) != nil {
			// A server that let one capture's request time out will
			// likely do it again: one wait of RequestTimeout, then the
			// capture is skipped. A list of captures, which everything
			// waits on, is asked again (Wayback's CDX often times out
			// once).
			return false, nil
		}
		// A server that asks for a longer pause than we will wait is
		// refusing: stop now rather than let the wait decide the outcome.
		if resp != nil && retryAfter(resp.Header.Get("Retry-After")) > maxAfter {
			return false, nil
		}
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	ua := "redline"
	if o.Version != "" {
		ua += "/" + o.Version
	}
	ua += " (reads the versions of an article)"
	rc.HTTPClient = &http.Client{
		Timeout:   o.RequestTimeout,
		Transport: &politeTransport{base: o.transport(), pace: p, userAgent: ua},
	}
	return &fetcher{client: rc, pace: p}
}

// retryAfter reads a Retry-After value given in seconds; an HTTP date or
// nonsense counts as no request to wait (the backoff handles dates).
func retryAfter(v string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0
	}
	return time.Duration(n) * time.Second
}

// get fetches url and returns its body and Content-Type. An answer other
// than 200 is a *status error; a failure to connect is returned as is.
func (f *fetcher) get(ctx context.Context, url string) ([]byte, string, error) {
	body, ctype, _, err := f.getFrom(ctx, url)
	return body, ctype, err
}

// getFrom is get that also says where the answer came from: url, or the
// address a redirect ended at.
func (f *fetcher) getFrom(ctx context.Context, url string) (body []byte, ctype, final string, err error) {
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", "", err
	}
	resp, err := f.client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, "", "", ctx.Err()
		}
		return nil, "", "", err
	}
	defer resp.Body.Close()
	final = url
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, "", final, &status{URL: url, Code: resp.StatusCode}
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, "", final, err
	}
	if len(body) > maxBody {
		return nil, "", final, fmt.Errorf("%s: response larger than %d MiB", url, maxBody>>20)
	}
	return body, resp.Header.Get("Content-Type"), final, nil
}

// politeTransport sets the User-Agent and paces every attempt per host.
type politeTransport struct {
	base      http.RoundTripper
	pace      *pacer
	userAgent string
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.pace.wait(req.Context(), req.URL.Host); err != nil {
		return nil, err
	}
	req = req.Clone(req.Context())
	req.Header.Set("User-Agent", t.userAgent)
	return t.base.RoundTrip(req)
}

// pacer holds one token bucket per host (burst 1), so requests to one
// archive are spaced at least 1/rate apart whatever the caller does.
type pacer struct {
	mu     sync.Mutex
	perSec float64
	hosts  map[string]*rate.Limiter
	waits  map[string]int // requests let through, per host (for tests)
}

func newPacer(perSec float64) *pacer {
	return &pacer{perSec: perSec, hosts: map[string]*rate.Limiter{}, waits: map[string]int{}}
}

func (p *pacer) wait(ctx context.Context, host string) error {
	p.mu.Lock()
	l, ok := p.hosts[host]
	if !ok {
		l = rate.NewLimiter(rate.Limit(p.perSec), 1)
		p.hosts[host] = l
	}
	p.waits[host]++
	p.mu.Unlock()
	if err := l.Wait(ctx); err != nil {
		return &paceErr{err}
	}
	return nil
}

// paceErr: the context ends before the host's turn comes. Not retried.
type paceErr struct{ err error }

func (e *paceErr) Error() string { return "waiting for the host's turn: " + e.err.Error() }
func (e *paceErr) Unwrap() error { return e.err }

// netWords says a network error in words: a host that cannot be looked
// up, or that refused or did not answer, rather than Go's "Get …: dial
// tcp: lookup …". Any other error is said as it is.
func netWords(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.Name + " could not be looked up (is the network up?)"
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		switch host := hostPart(ue.URL); {
		case ue.Timeout():
			return host + " did not answer in time"
		case errors.Is(err, syscall.ECONNREFUSED):
			return host + " refused the connection"
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET):
			return host + " closed the connection"
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "the archive did not answer in time" // a body that stalled
	}
	return err.Error()
}

// unreachable reports whether err says the archive cannot be reached at
// all (a name not found, a connection refused or never made, no route),
// as against one answer it failed to give: every other capture would
// fail alike. A lookup that failed for a while (a resolver's hiccup) is
// not: it is asked again.
func unreachable(err error) bool {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return dns.IsNotFound
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" && op.Timeout() {
		return true
	}
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH)
}

// captureRequest marks the context of a request for one capture (not a
// list of them): a timeout there is not asked again.
type captureRequest struct{}

// isNetErr tells a failure to reach a server from an answer it gave (a
// status, or an answer that could not be read).
func isNetErr(err error) bool {
	var s *status
	var a *answerErr
	return err != nil && !errors.As(err, &s) && !errors.As(err, &a) && !errors.Is(err, context.Canceled)
}
