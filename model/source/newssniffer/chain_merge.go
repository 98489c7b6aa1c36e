package newssniffer

// This file widens what two neighbouring dumps offer for the version
// they share. Each dump's readings differ from the truth in their own
// places, so neither dump may offer the truth whole: one reads a label
// row right and a moved paragraph wrong, the other the other way round.
// Taking each stretch where their versions differ from one or the other
// builds the versions in between, and each is offered to both dumps.

// Work bounds of merging, in readings and versions, never in time.
const (
	// mergeSources is how many of each dump's best readings lend their
	// shared version to the merge.
	mergeSources = 4
	// maxMergeHunks bounds the stretches combined into one version.
	maxMergeHunks = 3
	// maxMerges bounds the versions built and tried per link.
	maxMerges = 48
)

// hunk replaces base[from:to] with with.
type hunk struct {
	from, to int
	with     []string
}

// mergeShared offers p (as its new version) and q (as its old one) every
// version made of the base — p's best reading of it — with up to
// maxMergeHunks of the stretches where another reading differs.
func mergeShared(p, q *readings) {
	var versions [][]string
	for _, r := range best(p, mergeSources) {
		versions = append(versions, paragraphs(r.newKey))
	}
	for _, r := range best(q, mergeSources) {
		versions = append(versions, paragraphs(r.oldKey))
	}
	if len(versions) < 2 {
		return
	}
	base := versions[0]
	var hunks []hunk
	seen := map[string]bool{}
	for _, v := range versions[1:] {
		for _, h := range diffHunks(base, v) {
			k := versionKey(h.with) + string(rune(h.from)) + string(rune(h.to))
			if !seen[k] {
				seen[k] = true
				hunks = append(hunks, h)
			}
		}
	}
	tried := 0
	var pick func(start int, chosen []hunk)
	pick = func(start int, chosen []hunk) {
		if tried >= maxMerges {
			return
		}
		if len(chosen) >= 2 { // one hunk alone is a reading offered already
			tried++
			v := applyHunks(base, chosen)
			key := versionKey(v)
			if !seen[key] {
				seen[key] = true
				if st, ok := q.d.rows.Constrained(v, nil); ok {
					q.add(st)
				}
				if st, ok := p.d.rows.Constrained(nil, v); ok {
					p.add(st)
				}
			}
		}
		if len(chosen) == maxMergeHunks {
			return
		}
		for i := start; i < len(hunks); i++ {
			if len(chosen) > 0 && hunks[i].from < chosen[len(chosen)-1].to {
				continue // overlaps, or out of order
			}
			if len(chosen) > 0 && hunks[i].from == chosen[len(chosen)-1].from {
				continue
			}
			pick(i+1, append(chosen, hunks[i]))
		}
	}
	// Hunks in page order, so that a combination is taken in order.
	for i := 1; i < len(hunks); i++ {
		for j := i; j > 0 && (hunks[j].from < hunks[j-1].from || (hunks[j].from == hunks[j-1].from && hunks[j].to < hunks[j-1].to)); j-- {
			hunks[j], hunks[j-1] = hunks[j-1], hunks[j]
		}
	}
	pick(0, nil)
}

// applyHunks builds base with the hunks, which are in order and apart.
func applyHunks(base []string, hs []hunk) []string {
	var out []string
	at := 0
	for _, h := range hs {
		out = append(out, base[at:h.from]...)
		out = append(out, h.with...)
		at = h.to
	}
	return append(out, base[at:]...)
}

// diffHunks lists the stretches where v differs from base, by their
// longest common subsequence of paragraphs.
func diffHunks(base, v []string) []hunk {
	n, m := len(base), len(v)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if base[i] == v[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	var out []hunk
	i, j := 0, 0
	for i < n || j < m {
		if i < n && j < m && base[i] == v[j] {
			i++
			j++
			continue
		}
		h := hunk{from: i}
		wj := j
		for (i < n || j < m) && !(i < n && j < m && base[i] == v[j]) {
			if j >= m || (i < n && dp[i+1][j] >= dp[i][j+1]) {
				i++
			} else {
				j++
			}
		}
		h.to, h.with = i, append([]string(nil), v[wj:j]...)
		out = append(out, h)
	}
	return out
}
