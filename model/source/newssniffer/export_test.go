package newssniffer

import "redline/model"

// ReadDumpWithAlternatives reads a dump as ReadDump does and also returns
// its body rows and the alternative readings that made it flag guesses,
// for the property test's measure of honest guesses.
func ReadDumpWithAlternatives(file string, data []byte) (*model.Article, []string, [][2][]string, error) {
	d, err := parseDump(file, data)
	if err != nil {
		return nil, nil, nil, err
	}
	d.rows.RecordAlternatives()
	d.rows.Solve()
	art := d.article()
	return art, d.rows.Texts(), d.rows.Alternatives(), nil
}

// ScoresOfTruth reads a dump and returns its reading's score and the
// score, under the same model, of the reading that gives the true
// versions old and new (ok false when no reading of the rows gives
// them): the property test's measure of a search that got stuck.
func ScoresOfTruth(file string, data []byte, old, new []string) (read, truth float64, ok bool) {
	d, err := parseDump(file, data)
	if err != nil {
		return 0, 0, false
	}
	d.rows.Solve()
	read = d.rows.JointScore(d.rows.Reading())
	states, ok := d.rows.Constrained(old, new)
	if !ok {
		return read, 0, false
	}
	return read, d.rows.JointScore(states), true
}

// MissKinds counts the rows whose reading differs from the truth's: a
// one-cell row on the other side, a two-cell row cut elsewhere, and a
// row read with one cell where the truth has two or the other way round.
func MissKinds(data []byte, old, new []string) (side, cut, shape int) {
	d, err := parseDump("x", data)
	if err != nil {
		return
	}
	d.rows.Solve()
	read := d.rows.Reading()
	truth, ok := d.rows.Constrained(old, new)
	if !ok {
		return
	}
	for i := range read {
		r, t := read[i], truth[i]
		switch {
		case r.Bound() < 0 && t.Bound() < 0 && r != t && !d.rows.Matched(i):
			side++
		case r.Bound() >= 0 && t.Bound() >= 0 && r != t:
			cut++
		case (r.Bound() < 0) != (t.Bound() < 0) && !d.rows.Matched(i):
			shape++
		}
	}
	return
}
