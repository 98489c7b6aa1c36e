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
		return 0, fmt.Errorf("--%s %d: no such version (versions run from %d to %d)",
			flag, n, art.Versions[0].Number, art.Versions[len(art.Versions)-1].Number)
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
