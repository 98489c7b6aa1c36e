package tui

import (
	"sync"

	"redline/model"
	"redline/model/diff"
)

// comparisons computes each comparison of two versions once and keeps it.
// It is safe to use from commands running beside the event loop, which
// prepare the neighbours of the shown version ahead of the reader.
type comparisons struct {
	art *model.Article
	mu  sync.Mutex
	m   map[[2]int]*diff.Comparison
	// order remembers the pairs from oldest use to newest, so the cache
	// can stay bounded on long histories by evicting the least recently
	// used.
	order [][2]int
}

// maxComparisons bounds the cache: enough for stepping back and forth
// across a long stretch of history, small next to the article itself.
const maxComparisons = 256

func newComparisons(art *model.Article) *comparisons {
	return &comparisons{art: art, m: map[[2]int]*diff.Comparison{}}
}

// get returns the comparison of version index a (the base) with b.
func (c *comparisons) get(a, b int) *diff.Comparison {
	key := [2]int{a, b}
	c.mu.Lock()
	if cmp, ok := c.m[key]; ok {
		c.used(key)
		c.mu.Unlock()
		return cmp
	}
	art := c.art
	c.mu.Unlock()
	cmp := diff.Compare(art.Versions[a], art.Versions[b])
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.keep(key, cmp)
}

// put keeps cmp as the comparison of version index a with b, made
// elsewhere (unless one is kept already).
func (c *comparisons) put(a, b int, cmp *diff.Comparison) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.keep([2]int{a, b}, cmp)
}

// keep stores cmp under key, the newest used, evicting the least
// recently used past maxComparisons; a comparison kept already under
// key (made meanwhile on another goroutine) stays and is returned. c.mu
// is held.
func (c *comparisons) keep(key [2]int, cmp *diff.Comparison) *diff.Comparison {
	if old, ok := c.m[key]; ok {
		c.used(key)
		return old
	}
	c.m[key] = cmp
	c.order = append(c.order, key)
	if len(c.order) > maxComparisons {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	return cmp
}

// used moves key to the newest end of the order: the cache evicts the
// comparison used longest ago. The order holds at most maxComparisons
// pairs, so the search is short next to any comparison. c.mu is held.
func (c *comparisons) used(key [2]int) {
	for i, k := range c.order {
		if k == key {
			copy(c.order[i:], c.order[i+1:])
			c.order[len(c.order)-1] = key
			return
		}
	}
}

// grow follows the article as it grows: versions are only appended, so
// every cached comparison stays good.
func (c *comparisons) grow(art *model.Article) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.art = art
}

// peek is the comparison if it is cached, else a fresh one that is not
// kept: measuring every step of a long history must not push out the
// comparisons the reader is looking at.
func (c *comparisons) peek(a, b int) *diff.Comparison {
	c.mu.Lock()
	cmp, ok := c.m[[2]int{a, b}]
	art := c.art
	c.mu.Unlock()
	if ok {
		return cmp
	}
	return diff.Compare(art.Versions[a], art.Versions[b])
}

// has reports whether the comparison is ready.
func (c *comparisons) has(a, b int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.m[[2]int{a, b}]
	return ok
}
