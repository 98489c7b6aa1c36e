package cells

// This file keeps, for tests that measure the reader, the alternative
// readings that made it flag guesses: a test renders each alternative
// back into a dump and checks whether it gives the same page, which is
// what makes a guess genuinely undecidable.

// maxAlternatives bounds the readings kept for one page.
const maxAlternatives = 64

// RecordAlternatives asks Solve to keep every alternative reading that
// scored within GuessMargin of the chosen one.
func (r *Reader) RecordAlternatives() { r.recording = true }

func (r *Reader) record() {
	if !r.recording || len(r.alts) >= maxAlternatives {
		return
	}
	st := make([]State, len(r.rows))
	for i := range r.rows {
		st[i] = r.rows[i].state
	}
	r.alts = append(r.alts, st)
}

// Alternatives lists the two versions' paragraphs under each kept
// alternative reading.
func (r *Reader) Alternatives() [][2][]string {
	var out [][2][]string
	for _, st := range r.alts {
		m := r.mark()
		r.Apply(st)
		old, _, new, _ := r.Versions()
		r.rollback(m)
		out = append(out, [2][]string{old, new})
	}
	return out
}

// Texts lists the body rows as the reader was given them.
func (r *Reader) Texts() []string {
	out := make([]string, len(r.rows))
	for i := range r.rows {
		out[i] = r.rows[i].text
	}
	return out
}
