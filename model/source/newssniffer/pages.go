package newssniffer

import (
	"fmt"
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
	from := map[int]string{} // the page each version's reading is taken from
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
			old, ok := byNumber[v.Number]
			if !ok {
				byNumber[v.Number], from[v.Number] = v, name
				continue
			}
			keep, other, keptFrom := old, v, from[v.Number]
			if old.Time == "" && v.Time != "" {
				keep, other, keptFrom = v, old, name
			}
			// Two pages that give one version differently (a page
			// edited, or saved from a changed site): the kept reading's
			// paragraphs the other lacks are marked guessed and the
			// notes say so. Before, one page's reading was kept in
			// silence, and the steps on either side showed an edit and
			// its undoing that no page shows.
			if differ := markDisputed(&keep, other); differ > 0 {
				otherName := name
				if keptFrom == name {
					otherName = from[v.Number]
				}
				out.Notes = append(out.Notes, fmt.Sprintf("%s and %s give Version %d differently: %s's reading is kept, its parts the other lacks marked guessed (%d)",
					model.Visible(keptFrom), model.Visible(otherName), v.Number, model.Visible(keptFrom), differ))
			}
			byNumber[v.Number], from[v.Number] = keep, keptFrom
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

// markDisputed marks guessed the paragraphs (and headline) of keep that
// other, another page's reading of the same version, does not hold, and
// returns how many differ.
func markDisputed(keep *model.Version, other model.Version) int {
	held := map[string]bool{}
	for _, p := range other.Paragraphs {
		held[p] = true
	}
	var marked []int
	for k, p := range keep.Paragraphs {
		if !held[p] {
			marked = append(marked, k)
		}
	}
	keep.Guessed = unionInts(keep.Guessed, marked)
	differ := len(marked)
	if len(other.Paragraphs) > len(keep.Paragraphs) && differ == 0 {
		differ = len(other.Paragraphs) - len(keep.Paragraphs) // the other holds more: none of keep's to mark
	}
	if keep.Headline != other.Headline {
		keep.HeadlineGuessed = true
		differ++
	}
	return differ
}
