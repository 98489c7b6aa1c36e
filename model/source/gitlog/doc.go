// Package gitlog reads the versions of one file from its git history by
// running the user's git: three processes for any length of history, the
// repository only read. It imports model only.
package gitlog
