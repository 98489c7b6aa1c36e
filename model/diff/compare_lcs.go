package diff

import "math/bits"

// masks are the match masks of one word sequence a, for the bit-parallel
// LCS (Allison–Dix/Hyyrö): bit k of word x's mask is set when a[k] is x.
//
// Up to 128 words (two uint64s: nearly every news paragraph) the masks
// are dense, slot-major, and the kernels run unrolled. Longer sequences
// keep only the non-zero uint64s of each mask (sparse rows): a dense
// table costs distinct words × ⌈len(a)/64⌉ uint64s, quadratic — 1.25 GB
// for one paragraph of 100,000 distinct words — while the sparse rows
// hold at most one entry per word of a, so memory stays linear in the
// input. The LCS they give is the same; so is the budget charged (the
// dense cost, ⌈len(a)/64⌉ per word of b), so no answer depends on the
// layout.
type masks struct {
	built []int32 // the sequence the masks describe, to clear slot
	width int     // uint64s per mask: ⌈len(built)/64⌉
	slot  []int32 // vocab id -> slot of the built masks; 0, an all-zero mask, if absent

	dense []uint64 // width ≤ 2: slot-major masks

	start []int32  // width > 2: slot s's entries are [start[s], start[s+1])
	at    []int32  // the index of each entry's uint64 in the mask
	bits  []uint64 // each entry's bits
	v     []uint64 // scratch row
}

// build makes the masks of a, replacing the previous ones.
func (m *masks) build(a []int32) {
	for _, id := range m.built {
		m.slot[id] = 0
	}
	m.built = a
	w := (len(a) + 63) / 64
	m.width = w
	var slots int32 = 1
	for _, id := range a {
		if m.slot[id] == 0 {
			m.slot[id] = slots
			slots++
		}
	}
	if w <= 2 {
		m.dense = append(m.dense[:0], make([]uint64, int(slots)*w)...)
		for k, id := range a {
			m.dense[int(m.slot[id])*w+k/64] |= 1 << (k % 64)
		}
		return
	}
	// Sparse rows, in counting-sort order: count entries per slot (an
	// entry per distinct (slot, uint64) pair), then fill.
	m.start = append(m.start[:0], make([]int32, slots+1)...)
	last := make([]int32, slots) // last uint64 index counted per slot, +1
	for k, id := range a {
		sl := m.slot[id]
		if last[sl] != int32(k/64)+1 {
			last[sl] = int32(k/64) + 1
			m.start[sl+1]++
		}
	}
	for sl := 1; sl <= int(slots); sl++ {
		m.start[sl] += m.start[sl-1]
	}
	n := m.start[slots]
	m.at = append(m.at[:0], make([]int32, n)...)
	m.bits = append(m.bits[:0], make([]uint64, n)...)
	fill := append([]int32(nil), m.start[:slots]...)
	clear(last)
	for k, id := range a {
		sl := m.slot[id]
		if last[sl] != int32(k/64)+1 {
			last[sl] = int32(k/64) + 1
			m.at[fill[sl]] = int32(k / 64)
			fill[sl]++
		}
		m.bits[fill[sl]-1] |= 1 << (k % 64)
	}
}

// lcs is the length of the longest common subsequence of the built
// sequence and b.
func (m *masks) lcs(b []int32) int {
	switch m.width {
	case 0:
		return 0
	case 1:
		return m.lcs1(b)
	case 2:
		return m.lcs2(b)
	}
	return m.lcsSparse(b)
}

// The kernels: V starts all ones; for each word of b with match mask M,
// U = V & M and V = (V + U) | (V &^ U); the LCS is the number of zero
// bits left.

func (m *masks) lcs1(b []int32) int {
	v := ^uint64(0)
	dense, slot := m.dense, m.slot
	for _, id := range b {
		// Branch-free: a word a lacks has the zero mask and leaves v as
		// it is, which is cheaper than a mispredicted test.
		u := v & dense[slot[id]]
		v = (v + u) | (v &^ u)
	}
	return 64 - bits.OnesCount64(v)
}

func (m *masks) lcs2(b []int32) int {
	v0, v1 := ^uint64(0), ^uint64(0)
	dense, slot := m.dense, m.slot
	for _, id := range b {
		k := 2 * int(slot[id])
		mk := dense[k : k+2 : k+2]
		u0, u1 := v0&mk[0], v1&mk[1]
		sum0, carry := bits.Add64(v0, u0, 0)
		sum1, _ := bits.Add64(v1, u1, carry)
		v0, v1 = sum0|(v0&^u0), sum1|(v1&^u1)
	}
	return 128 - bits.OnesCount64(v0) - bits.OnesCount64(v1)
}

// lcsSparse runs the kernel over a mask's non-zero uint64s only: where
// the mask is zero, U is zero and V changes only by a carry coming in,
// which is passed along until it stops.
func (m *masks) lcsSparse(b []int32) int {
	w := m.width
	if cap(m.v) < w {
		m.v = make([]uint64, w)
	}
	v := m.v[:w]
	for k := range v {
		v[k] = ^uint64(0)
	}
	for _, id := range b {
		sl := m.slot[id]
		if sl == 0 {
			continue // a word a lacks changes nothing
		}
		var carry uint64
		next := 0 // first uint64 not yet updated for this word
		for e := m.start[sl]; e < m.start[sl+1]; e++ {
			k := int(m.at[e])
			for ; carry != 0 && next < k; next++ {
				x := v[next]
				var sum uint64
				sum, carry = bits.Add64(x, 0, carry)
				v[next] = sum | x
			}
			x := v[k]
			u := x & m.bits[e]
			var sum uint64
			sum, carry = bits.Add64(x, u, carry)
			v[k] = sum | (x &^ u)
			next = k + 1
		}
		for ; carry != 0 && next < w; next++ {
			x := v[next]
			var sum uint64
			sum, carry = bits.Add64(x, 0, carry)
			v[next] = sum | x
		}
	}
	lcs := w * 64
	for _, x := range v {
		lcs -= bits.OnesCount64(x)
	}
	return lcs
}

// middleLCS is the LCS of what lies between the shared ends of a pair,
// computed with masks of its own (the cached masks of an old paragraph
// cover the whole of it); ok is false when the budget cannot pay for it,
// and the budget is then spent.
func (s *pairScorer) middleLCS(ma, mb []int32) (lcs int, ok bool) {
	if len(ma) == 0 || len(mb) == 0 {
		return 0, true
	}
	if !s.spend((len(ma) + 63) / 64 * len(mb)) {
		return 0, false
	}
	s.build(ma)
	s.loaded = -1 // the masks no longer describe a whole paragraph
	return s.lcs(mb), true
}
