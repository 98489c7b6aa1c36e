package source

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"redline/model"
	"redline/model/source/newssniffer"
	"redline/model/source/web"
)

// warcMagic starts every WARC record ("WARC/1.0", "WARC/1.1").
const warcMagic = "WARC/1."

// Detect recognises the kind of a decoded input from its content. A kind
// is taken only when the whole shape of its format fits, not one telling
// phrase: a plain version may well quote "Version 1 Version 2" or begin
// with `{ "versions"`, and a folder of such versions is still plain text.
func Detect(text string) Kind {
	if looksLikeJSON(text) {
		return KindJSON
	}
	if newssniffer.LooksLikeNewsSnifferHTML(text) {
		return KindHTML
	}
	if looksLikeDump(text) {
		return KindDump
	}
	if strings.HasPrefix(text, warcMagic) {
		return KindWARC
	}
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	if web.LooksLikeArticlePage([]byte(head)) {
		return KindPage
	}
	return KindPlain
}

// looksLikeJSON: the text's first JSON value is an object whose
// "versions" is an array, or text that starts as such an object and is
// not valid JSON (a comma lost in an edit by hand): ReadJSON then refuses
// it with the line of the fault, where plain text would have been
// refused for being one version. What follows that value is ReadJSON's
// to refuse too: the kind is already clear.
func looksLikeJSON(text string) bool {
	t := strings.TrimLeftFunc(text, unicode.IsSpace)
	if !strings.HasPrefix(t, "{") || !strings.Contains(t, `"versions"`) {
		return false
	}
	var probe struct {
		Versions *[]struct{} `json:"versions"`
	}
	if err := json.NewDecoder(strings.NewReader(t)).Decode(&probe); err != nil {
		return startsAnObject(t)
	}
	return probe.Versions != nil
}

// startsAnObject reports whether t opens as a JSON object with a key:
// `{`, a quoted key, a colon. Plain text that begins `{ "versions" was
// …` does not.
func startsAnObject(t string) bool {
	t = strings.TrimLeftFunc(strings.TrimPrefix(t, "{"), unicode.IsSpace)
	if !strings.HasPrefix(t, `"`) {
		return false
	}
	end := strings.IndexByte(t[1:], '"')
	return end >= 0 && strings.HasPrefix(strings.TrimLeftFunc(t[end+2:], unicode.IsSpace), ":")
}

// dumpHeader are the sentences a flattened NewsSniffer page may hold
// before its version line; any may be missing.
var dumpHeader = []string{
	"This article is from the source ",
	"You can find the current article at its original source at ",
	"The article has changed ",
	"There is an RSS feed of changes",
}

var dumpVersionLine = regexp.MustCompile(`^Version -?\d{1,9} Version -?\d{1,9}$`)

// looksLikeDump: a version line with nothing before it but NewsSniffer's
// header sentences. Lines are looked at one at a time from the start, and
// a line that begins with neither a header sentence nor "Version" ends
// the look: plain text is refused at its first line, never split whole.
func looksLikeDump(text string) bool {
	for rest := text; rest != ""; {
		raw, after, _ := strings.Cut(rest, "\n")
		rest = after
		start := strings.TrimLeftFunc(raw, unicode.IsSpace)
		if start == "" {
			continue
		}
		if !strings.HasPrefix(start, "Version") && !slices.ContainsFunc(dumpHeader, func(h string) bool {
			return strings.HasPrefix(start, strings.TrimSpace(h))
		}) {
			return false
		}
		l := model.CollapseSpace(raw)
		if dumpVersionLine.MatchString(l) {
			return true // a missing table is ReadDump's to report
		}
		if !slices.ContainsFunc(dumpHeader, func(h string) bool { return strings.HasPrefix(l, h) }) {
			return false
		}
	}
	return false
}
