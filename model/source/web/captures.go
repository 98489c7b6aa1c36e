package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"time"
)

// capture is one archived copy of a URL, as an archive lists it.
type capture struct {
	Archive   string    `json:"archive"`   // the root it was listed by
	Timestamp string    `json:"timestamp"` // 14 digits, YYYYMMDDhhmmss, UTC
	Time      time.Time `json:"time"`
	Original  string    `json:"original"` // the URL as captured
	Mime      string    `json:"mime,omitempty"`
	Digest    string    `json:"digest"` // the archive's payload digest, or a hash of Raw
	Raw       string    `json:"raw"`    // where the unaltered capture is fetched
}

// isTimeMap reports whether an archive root is a Memento TimeMap prefix
// (".../timemap/link/") rather than a Wayback root with a CDX API.
func isTimeMap(root string) bool {
	return strings.Contains(strings.ToLower(root), "timemap")
}

// listURL is where root lists the captures of target.
func listURL(root, target string) string {
	if isTimeMap(root) {
		return root + target
	}
	q := url.Values{}
	q.Set("url", target)
	q.Set("output", "json")
	q.Set("filter", "statuscode:200")
	q.Set("collapse", "digest")
	return strings.TrimRight(root, "/") + "/cdx/search/cdx?" + q.Encode()
}

// answerErr is an archive's answer that redline cannot read as what it
// asked for: the archive was reached, so this is no network failure.
type answerErr struct{ msg string }

func (e *answerErr) Error() string { return e.msg }

// parseCDX reads the JSON form of a CDX answer: an array of rows whose
// first row names the fields (urlkey, timestamp, original, mimetype,
// statuscode, digest, length, in any order). An empty answer is no rows.
func parseCDX(root string, body []byte) ([]capture, error) {
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil, nil
	}
	var rows [][]string
	if err := json.Unmarshal(body, &rows); err != nil {
		return nil, &answerErr{fmt.Sprintf("CDX answer is not JSON rows: %v", err)}
	}
	if len(rows) < 2 {
		return nil, nil
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	field := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	if _, ok := col["timestamp"]; !ok {
		return nil, &answerErr{"CDX answer has no timestamp field"}
	}
	var out []capture
	for _, row := range rows[1:] {
		ts, orig := field(row, "timestamp"), field(row, "original")
		t, err := parseTimestamp(ts)
		if err != nil || orig == "" {
			continue
		}
		c := capture{Archive: root, Timestamp: ts, Time: t, Original: orig,
			Mime: field(row, "mimetype"), Digest: field(row, "digest")}
		c.Raw = strings.TrimRight(root, "/") + "/web/" + ts + "id_/" + orig
		if c.Digest == "" || c.Digest == "-" {
			// "-" is CDX's empty field: as a key it would make one
			// capture's text stand in for every other's.
			c.Digest = hashKey(c.Raw)
		}
		out = append(out, c)
	}
	return out, nil
}

// parseTimestamp reads a 14-digit Wayback timestamp (shorter ones are
// padded the way Wayback pads them: to the start of the period).
func parseTimestamp(ts string) (time.Time, error) {
	if len(ts) < 4 || len(ts) > 14 || strings.Trim(ts, "0123456789") != "" {
		return time.Time{}, fmt.Errorf("bad timestamp %q", ts)
	}
	full := ts + "00000101000000"[len(ts):]
	return time.Parse("20060102150405", full)
}

// rawMemento turns a Wayback-style memento URL (…/20200101120000/URL)
// into the URL of the unaltered capture (…/20200101120000id_/URL); other
// URLs are fetched as given.
var mementoStamp = regexp.MustCompile(`/(\d{14})(?:[a-z]{2}_)?/`)

func rawMemento(m string) (string, string) {
	loc := mementoStamp.FindStringSubmatchIndex(m)
	if loc == nil {
		return m, ""
	}
	ts := m[loc[2]:loc[3]]
	return m[:loc[0]] + "/" + ts + "id_/" + m[loc[1]:], ts
}

// parseTimeMap reads an RFC 7089 TimeMap in link format and returns its
// mementos (links whose rel includes "memento"), oldest first.
func parseTimeMap(root, target string, body []byte) []capture {
	var out []capture
	for _, l := range parseLinks(string(body)) {
		if !hasWord(l.params["rel"], "memento") {
			continue
		}
		raw, ts := rawMemento(l.target)
		t, err := time.Parse(time.RFC1123, l.params["datetime"])
		if err != nil {
			if t, err = parseTimestamp(ts); err != nil {
				continue
			}
		}
		out = append(out, capture{Archive: root, Timestamp: t.UTC().Format("20060102150405"),
			Time: t.UTC(), Original: target, Digest: hashKey(l.target), Raw: raw})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Time.Before(out[j].Time) })
	return out
}

type link struct {
	target string
	params map[string]string
}

// parseLinks splits link-format text: `<uri>; name="value"; …, <uri>; …`.
// Commas and semicolons inside <…> or quotes do not split.
func parseLinks(s string) []link {
	var out []link
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return out
		}
		l := link{target: s[i+1 : i+j], params: map[string]string{}}
		s = s[i+j+1:]
		for {
			s = strings.TrimLeft(s, " \t\r\n")
			if !strings.HasPrefix(s, ";") {
				break
			}
			s = strings.TrimLeft(s[1:], " \t\r\n")
			k := strings.IndexAny(s, "=;,")
			if k < 0 {
				k = len(s)
			}
			name := strings.ToLower(strings.TrimSpace(s[:k]))
			s = s[k:]
			val := ""
			if strings.HasPrefix(s, "=") {
				s = strings.TrimLeft(s[1:], " \t")
				if strings.HasPrefix(s, `"`) {
					e := strings.IndexByte(s[1:], '"')
					if e < 0 {
						e = len(s) - 1
					}
					val, s = s[1:1+e], s[min(len(s), e+2):]
				} else {
					e := strings.IndexAny(s, ";,")
					if e < 0 {
						e = len(s)
					}
					val, s = strings.TrimSpace(s[:e]), s[e:]
				}
			}
			l.params[name] = val
		}
		out = append(out, l)
	}
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// hashKey is a short stable name for a key: hex SHA-256, first 32 digits.
func hashKey(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:16])
}

// mergeCaptures puts the captures of every archive in one time order.
// Captures with one digest are not merged: a text that comes back after a
// change (a revert) is a version of its own; the timeline drops the
// repeats that follow each other, and the cache fetches each digest once.
func mergeCaptures(lists [][]capture) []capture {
	var all []capture
	for _, l := range lists {
		all = append(all, l...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Time.Before(all[j].Time) })
	return all
}
