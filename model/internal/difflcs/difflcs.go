// Package difflcs is the longest-common-subsequence matching of Ruby's
// diff-lcs gem, which NewsSniffer lays its comparison pages out with,
// ported literally so that among several longest common subsequences it
// picks the one diff-lcs picks. The dump reader checks its readings
// against it (newssniffer's cells) and the test renderer lays pages out
// with it (dumpgen); it imports nothing of redline's.
package difflcs

// Vector ports Diff::LCS::Internals.lcs: v[i] is the index in b matched
// to a[i], or -1. The port is literal (common prefix and suffix first, then
// Hunt–Szymanski over the middle, walking each element's positions in b
// from the last) because among several longest common subsequences the
// rendered page shows the one this procedure picks.
func Vector(a, b []string) []int {
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
			j := bm[x]
			k := replaceNextLarger(&thresh, j)
			if k < 0 {
				continue
			}
			var prev *link
			if k > 0 {
				prev = links[k-1]
			}
			l := &link{prev, i, j}
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

// replaceNextLarger ports diff-lcs's helper of the same name: it puts value
// in place of the smallest element larger than it (or appends it) and
// returns that index, or -1 when value is already present.
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
