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
