//go:build !unix

package archive

// writerHoldsLock cannot ask the lock table here without taking a lock;
// the archive is then read as it is.
func writerHoldsLock(string) bool { return false }
