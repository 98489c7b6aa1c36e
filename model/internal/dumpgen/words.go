package dumpgen

// Word-level edits: the small revisions an editor makes inside a sentence
// between two updates (a figure revised, a word swapped, an adverb added or
// cut, an attribution appended).

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
)

// synonyms are interchangeable words and phrases editors swap; each pair
// works both ways in the contexts the templates use them.
var synonyms = [][2]string{
	{"trying", "attempting"}, {"seized", "captured"}, {"announced", "declared"}, {"nearly", "almost"}, {"officials", "authorities"}, {"media outlets", "news outlets"}, {"state media", "state television"}, {"struggled", "failed"},
	{"warned", "cautioned"}, {"criticized", "condemned"}, {"rejected", "dismissed"}, {"urged", "called on"},
	{"began", "started"}, {"appeared", "appear"}, {"said", "added"}, {"large", "big"}, {"quickly", "swiftly"},
	{"plan", "proposal"}, {"expected", "likely"}, {"decision", "move"}, {"statement", "communiqué"},
	{"show", "suggest"}, {"several", "a number of"}, {"deeply", "very"}, {"government", "administration"},
	{"residents", "people"}, {"the capital", "the city"}, {"last week", "on Monday"},
	{"this week", "in recent days"}, {"described", "called"}, {"mounting", "growing"},
}

// wordRE matches phrase as whole words.
func wordRE(phrase string) *regexp.Regexp {
	return regexp.MustCompile(`\b` + regexp.QuoteMeta(phrase) + `\b`)
}

// synonymREs[k] matches synonyms[k/2][k%2].
var synonymREs = func() []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, p := range synonyms {
		out = append(out, wordRE(p[0]), wordRE(p[1]))
	}
	return out
}()

var (
	numberRE = regexp.MustCompile(`\b\d[\d,]*(\.\d+)?\b`)
	// auxRE finds where an adverb can go: after a modal or a form of "be",
	// or between "has" and its participle (never "has 58 days").
	auxRE      = regexp.MustCompile(`\b(is|are|was|were|will|would|could) |\b(has|have|had) ([a-z]+(ed|en|wn)|been|made|met|told|said|sought|held|left|lost|led|kept|sent|set|spent|struck|won|found|brought|built|become|come)\b`)
	droppable  = regexp.MustCompile(`\b(also|now|still|already|reportedly|recently|largely|widely|quickly|sharply|immediately|publicly|privately|senior|top|major|new|fragile|growing|mounting|heavy|intense) `)
	trailingRE = regexp.MustCompile(`(, (officials|diplomats|analysts|the ministry|the statement|he|she) said|, according to [^,]{3,40}| (on|late on|early on) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)| (this|last) (week|month))\.$`)
	weekdayRE  = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)
	adverbs    = []string{"also", "now", "still", "already", "reportedly"}
	adjuncts   = []string{" on Monday", " on Tuesday", " on Wednesday", " on Thursday", " on Friday", ", officials said",
		", according to the ministry", ", the statement said", " this week", ", diplomats said", " last week", ", analysts said"}
	nounAdjectives = [][2]string{
		{"officials", "senior"}, {"talks", "direct"}, {"statement", "joint"}, {"agreement", "tentative"},
		{"protests", "large"}, {"attack", "deadly"}, {"government", "new"}, {"forces", "government"},
		{"troops", "foreign"}, {"economy", "fragile"}, {"crisis", "deepening"}, {"pressure", "growing"},
	}
	nounREs = func() []*regexp.Regexp {
		var out []*regexp.Regexp
		for _, p := range nounAdjectives {
			out = append(out, wordRE(p[0]))
		}
		return out
	}()
)

// wordEdit makes one small edit of the kind an editor makes between
// updates and reports whether it found a place for one.
func (w *writer) wordEdit(s string) (string, bool) {
	rng := w.rng
	for try := 0; try < 8; try++ {
		var t string
		switch rng.IntN(8) {
		case 0, 1:
			t = w.swapSynonym(s)
		case 2:
			t = replaceOne(rng, s, numberRE, func(m string) string { return tweakNumber(rng, m) })
		case 3:
			t = replaceOne(rng, s, weekdayRE, func(string) string { return pick(rng, weekdays) })
		case 4:
			t = replaceOne(rng, s, auxRE, func(m string) string {
				aux, rest, _ := strings.Cut(m, " ")
				return aux + " " + pick(rng, adverbs) + " " + rest
			})
		case 5:
			t = replaceOne(rng, s, droppable, func(string) string { return "" })
		case 6:
			if strings.HasSuffix(s, ".") && !endsInAbbrev(s) && !strings.HasSuffix(s, "said.") {
				if loc := trailingRE.FindStringIndex(s); loc != nil {
					t = s[:loc[0]] + "."
				} else {
					adj := pick(rng, adjuncts)
					if weekdayRE.MatchString(s) && weekdayRE.MatchString(adj) {
						break // one day per sentence
					}
					t = strings.TrimSuffix(s, ".") + adj + "."
				}
			}
		case 7:
			k := rng.IntN(len(nounAdjectives))
			pair := nounAdjectives[k]
			t = replaceOne(rng, s, nounREs[k], func(m string) string { return pair[1] + " " + m })
			if strings.Contains(t, pair[1]+" "+pair[1]) {
				t = s
			}
		}
		t = fixArticles(collapse(t))
		if t != "" && t != s && words(t) >= 3 && !stutters(t) {
			return capitalize(t), true
		}
	}
	return s, false
}

var (
	aBeforeVowel = regexp.MustCompile(`\b([Aa]) ([aei]|o(?:[^n]|n[^ce]))`)
	anBeforeCons = regexp.MustCompile(`\b([Aa])n ([b-df-gj-np-tv-z])`)
)

// fixArticles mends "a"/"an" after an edit put a new word behind one ("a
// growing investigation" less "growing"). It leaves words whose sound the
// spelling hides ("a one-time", "an hour", "a U.S. official") alone.
func fixArticles(s string) string {
	s = aBeforeVowel.ReplaceAllString(s, "${1}n $2")
	return anBeforeCons.ReplaceAllString(s, "$1 $2")
}

// stutters reports whether s says a word twice in a row ("has already
// already"), which an insertion next to its own twin produces.
func stutters(s string) bool {
	f := strings.Fields(s)
	for i := 1; i < len(f); i++ {
		if strings.EqualFold(f[i], f[i-1]) {
			return true
		}
	}
	return false
}

func (w *writer) swapSynonym(s string) string {
	for _, k := range w.rng.Perm(len(synonymREs)) {
		to := synonyms[k/2][1-k%2]
		if re := synonymREs[k]; re.MatchString(s) {
			return replaceOne(w.rng, s, re, func(string) string { return to })
		}
	}
	return s
}

// replaceOne replaces one match of re in s, chosen at random.
func replaceOne(rng *rand.Rand, s string, re *regexp.Regexp, f func(string) string) string {
	locs := re.FindAllStringIndex(s, -1)
	if len(locs) == 0 {
		return s
	}
	l := pick(rng, locs)
	return s[:l[0]] + f(s[l[0]:l[1]]) + s[l[1]:]
}

// tweakNumber revises a figure the way updates do (a toll rises, an
// estimate firms up), keeping its format; years are left alone.
func tweakNumber(rng *rand.Rand, m string) string {
	plain := strings.ReplaceAll(m, ",", "")
	if len(plain) == 4 && !strings.Contains(m, ",") && (strings.HasPrefix(plain, "19") || strings.HasPrefix(plain, "20")) {
		return m
	}
	if intPart, frac, ok := strings.Cut(plain, "."); ok {
		n, _ := strconv.Atoi(intPart)
		f, _ := strconv.Atoi(frac[:1])
		f = (f + 1 + rng.IntN(8)) % 10
		return strconv.Itoa(n) + "." + strconv.Itoa(f)
	}
	n, err := strconv.Atoi(plain)
	if err != nil {
		return m
	}
	d := max(1, n/5)
	n2 := n + 1 + rng.IntN(d)
	if strings.Contains(m, ",") || n2 >= 1000 {
		return thousands(n2)
	}
	return strconv.Itoa(n2)
}
