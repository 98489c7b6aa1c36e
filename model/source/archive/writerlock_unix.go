//go:build unix

package archive

import (
	"os"
	"syscall"
)

// sqliteReservedByte is the byte of the database file on which SQLite's
// unix VFS takes a write lock for as long as a writer's transaction lasts
// (RESERVED, held on through PENDING and EXCLUSIVE): PENDING_BYTE + 1.
const sqliteReservedByte = 0x40000001

// writerHoldsLock reports whether another process holds SQLite's write
// lock on the database at path. It asks the kernel's lock table (F_GETLK)
// and takes no lock, opens no file but the database itself, read-only,
// and so changes nothing: unlike a SQLite connection, which opens a
// leftover -journal to see whether it is hot and, running as root, hands
// that journal to the database's owner (fchown). Locks of this process
// are not seen (POSIX locks are per process).
func writerHoldsLock(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_RDLCK, Whence: 0, Start: sqliteReservedByte, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil {
		return false
	}
	return lk.Type != syscall.F_UNLCK
}
