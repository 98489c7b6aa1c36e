package tui

import (
	"fmt"

	"redline/model"
)

// StepNumbers choose the step to open on by the versions' numbers, as
// the command line's --from and --to give them. A number is a version's
// only when it was given (FromSet, ToSet): versions may be numbered −1
// or 0. By default the newest version is shown, compared with the one
// before it.
type StepNumbers struct {
	From, To       int
	FromSet, ToSet bool
}

// ResolveStep turns version numbers into version indexes: shown is --to
// (the newest by default), base is --from (-1: the version before
// shown). A number no version has, or the same version twice, is an
// error of one line.
func ResolveStep(art *model.Article, s StepNumbers) (base, shown int, err error) {
	if len(art.Versions) == 0 {
		return -1, 0, fmt.Errorf("the article has no versions")
	}
	index := func(flag string, n int) (int, error) {
		for i, v := range art.Versions {
			if v.Number == n {
				return i, nil
			}
		}
		return 0, fmt.Errorf("--%s %d: no such version (%s)", flag, n, numbersAround(art, n))
	}
	shown, base = len(art.Versions)-1, -1
	if s.ToSet {
		if shown, err = index("to", s.To); err != nil {
			return -1, 0, err
		}
	}
	if s.FromSet {
		if base, err = index("from", s.From); err != nil {
			return -1, 0, err
		}
		if base == shown {
			return -1, 0, fmt.Errorf("--from %d is the version shown: there is nothing to compare; give two different versions", s.From)
		}
	}
	return base, shown, nil
}

// numbersAround says which numbers the versions have, for n, which none
// has: "versions run from 1 to 6"; where they skip numbers (a commit that
// changed no paragraph, a capture that could not be read), the numbers
// nearest n too: "versions run from 1 to 6, not every number: 3 and 5
// are nearest".
func numbersAround(art *model.Article, n int) string {
	first, last := art.Versions[0].Number, art.Versions[len(art.Versions)-1].Number
	out := fmt.Sprintf("versions run from %d to %d", first, last)
	if last-first+1 == len(art.Versions) {
		return out
	}
	below, above, hasBelow, hasAbove := 0, 0, false, false
	for _, v := range art.Versions {
		if v.Number < n && (!hasBelow || v.Number > below) {
			below, hasBelow = v.Number, true
		}
		if v.Number > n && (!hasAbove || v.Number < above) {
			above, hasAbove = v.Number, true
		}
	}
	switch {
	case hasBelow && hasAbove:
		return fmt.Sprintf("%s, not every number: %d and %d are nearest", out, below, above)
	case hasBelow:
		return fmt.Sprintf("%s, not every number: %d is nearest", out, below)
	case hasAbove:
		return fmt.Sprintf("%s, not every number: %d is nearest", out, above)
	}
	return out
}

// openOn puts the reader on the step the numbers choose, or says in the
// footer why it cannot.
func (m *Model) openOn(s StepNumbers) {
	base, shown, err := ResolveStep(m.art, s)
	if err != nil {
		m.notice = err.Error()
		return
	}
	m.shown = shown
	if base >= 0 && base != shown-1 {
		m.pinned = base
		m.setUnpin(true)
	}
	m.refresh()
	m.cursor = m.firstParagraph()
}
