package newssniffer

import (
	"sort"

	"redline/model"
)

// ReadPages joins several saved NewsSniffer pages of one article: their
// cells are exact, so the versions they share read the same and only need
// putting in order.
//
// names[i] names texts[i] in errors; a page of another article (by URL) is
// an *InputError naming both.
func ReadPages(names []string, texts []string) (*model.Article, error) {
	var out *model.Article
	byNumber := map[int]model.Version{}
	for i, name := range names {
		a, err := ReadNewsSnifferHTML(name, []byte(texts[i]))
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = a
		} else if a.URL != "" && out.URL != "" && a.URL != out.URL {
			return nil, model.InputErrorf(name, 0, "a page of another article than %s (%s, not %s)", names[0], a.URL, out.URL)
		}
		for _, v := range a.Versions {
			if old, ok := byNumber[v.Number]; !ok || (old.Time == "" && v.Time != "") {
				byNumber[v.Number] = v
			}
		}
	}
	numbers := make([]int, 0, len(byNumber))
	for n := range byNumber {
		numbers = append(numbers, n)
	}
	sort.Ints(numbers)
	out.Versions = nil
	for _, n := range numbers {
		out.Versions = append(out.Versions, byNumber[n])
	}
	out.Gaps = model.NumberGaps(out.Versions)
	out.Title = out.Versions[len(out.Versions)-1].Headline
	return out, nil
}
