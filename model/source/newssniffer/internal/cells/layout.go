package cells

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
	match := lcsMatch(old, new)
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

// lcsMatch gives, for each paragraph of a, the index in b it is matched
// to, or -1, as diff-lcs picks them.
func lcsMatch(a, b []string) []int {
	v := make([]int, len(a))
	for i := range v {
		v[i] = -1
	}
	aStart, bStart := 0, 0
	aFinish, bFinish := len(a)-1, len(b)-1
	for aStart <= aFinish && bStart <= bFinish && a[aStart] == b[bStart] {
		v[aStart] = bStart
		aStart++
		bStart++
	}
	for aStart <= aFinish && bStart <= bFinish && a[aFinish] == b[bFinish] {
		v[aFinish] = bFinish
		aFinish--
		bFinish--
	}
	positions := map[string][]int{}
	for j := bStart; j <= bFinish; j++ {
		positions[b[j]] = append(positions[b[j]], j)
	}
	type link struct {
		prev *link
		i, j int
	}
	var thresh []int
	var links []*link
	for i := aStart; i <= aFinish; i++ {
		bm := positions[a[i]]
		for x := len(bm) - 1; x >= 0; x-- {
			k := replaceNextLarger(&thresh, bm[x])
			if k < 0 {
				continue
			}
			var prev *link
			if k > 0 {
				prev = links[k-1]
			}
			l := &link{prev, i, bm[x]}
			if k < len(links) {
				links[k] = l
			} else {
				links = append(links, l)
			}
		}
	}
	if len(thresh) > 0 {
		for l := links[len(thresh)-1]; l != nil; l = l.prev {
			v[l.i] = l.j
		}
	}
	return v
}

// replaceNextLarger puts value in place of the smallest element of enum
// larger than it (or appends it) and returns that index, or -1 when value
// is already there: diff-lcs's helper of the same name.
func replaceNextLarger(enum *[]int, value int) int {
	e := *enum
	if len(e) == 0 || value > e[len(e)-1] {
		*enum = append(e, value)
		return len(e)
	}
	lo, hi := 0, len(e)-1
	for lo <= hi {
		mid := (lo + hi) >> 1
		switch {
		case value == e[mid]:
			return -1
		case value > e[mid]:
			lo = mid + 1
		default:
			hi = mid - 1
		}
	}
	e[lo] = value
	return lo
}

// LaysOut reports whether the rows read as states lay out as the page
// (see laysOut): a reading that does not is no reading of this page.
func (r *Reader) LaysOut(states []State) bool {
	old, new := r.VersionsOf(states)
	return r.laysOut(old, new)
}
