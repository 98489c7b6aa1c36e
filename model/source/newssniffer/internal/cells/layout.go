package cells

import "redline/model/internal/difflcs"

// This file lays two versions out as NewsSniffer's table does, to check
// a reading against the page: among several longest common subsequences
// of two versions' paragraphs, NewsSniffer's diff library (diff-lcs)
// shows the one its procedure picks, so which of two swapped paragraphs
// stayed matched tells which of them moved. A reading that would lay out
// otherwise than the page cannot be the page's.
//
// The procedure is diff-lcs's Diff::LCS::Internals.lcs: common prefix and
// suffix first, then Hunt–Szymanski over the middle, walking each
// paragraph's positions in the new version from the last. The test
// generator (model/internal/dumpgen) ports it separately, so that the
// reader is checked against an independent renderer.

// laysOut reports whether versions old and new, laid out as NewsSniffer
// lays them out, give exactly the reader's rows (each row equal up to the
// one space or none between its cells).
func (r *Reader) laysOut(old, new []string) bool {
	match := difflcs.Vector(old, new)
	row, ai, bj := 0, 0, 0
	ok := true
	emit := func(left, right string) {
		if !ok || row >= len(r.rows) {
			ok = false
			return
		}
		t := r.rows[row].text
		row++
		switch {
		case left == "":
			ok = t == right
		case right == "":
			ok = t == left
		default:
			ok = len(t) >= len(left)+len(right) && t[:len(left)] == left && t[len(t)-len(right):] == right &&
				(len(t) == len(left)+len(right) || (len(t) == len(left)+len(right)+1 && t[len(left)] == ' '))
		}
	}
	flush := func(ma, mb int) {
		for ok && (ai < ma || bj < mb) {
			switch {
			case ai < ma && bj < mb:
				emit(old[ai], new[bj])
				ai++
				bj++
			case ai < ma:
				emit(old[ai], "")
				ai++
			default:
				emit("", new[bj])
				bj++
			}
		}
	}
	for ma, mb := range match {
		if mb < 0 {
			continue
		}
		flush(ma, mb)
		emit(old[ma], new[mb])
		ai, bj = ma+1, mb+1
	}
	flush(len(old), len(new))
	return ok && row == len(r.rows)
}

// LaysOut reports whether versions old and new, the rows read as some
// states (VersionsOf), lay out as the page (see laysOut): a reading that
// does not is no reading of this page.
func (r *Reader) LaysOut(old, new []string) bool { return r.laysOut(old, new) }
