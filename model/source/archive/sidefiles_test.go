//go:build linux

package archive_test

import (
	"bytes"
	"context"
	"os"
	"syscall"
	"testing"

	"redline/model/source/archive"
)

// sideState is everything about a file that opening an archive must not
// change: owner, mode, change time and contents.
type sideState struct {
	uid, gid uint32
	mode     uint32
	ctime    syscall.Timespec
	data     []byte
}

func stateOf(t *testing.T, path string) sideState {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sideState{uid: st.Uid, gid: st.Gid, mode: st.Mode, ctime: st.Ctim, data: data}
}

// A leftover -journal owned by another user, the archive opened by root:
// SQLite, opening a journal as root, hands it to the database's owner
// (fchown). Nothing about the archive or the files beside it may change.
func TestOpeningLeavesSideFilesAsTheyWere(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root: the ownership change happens only to root")
	}
	path := diffengineArchive(t)
	journal := path + "-journal"
	// A journal left by a committed transaction in PERSIST mode: its
	// header zeroed, not live.
	if err := os.WriteFile(journal, make([]byte, 512), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(journal, 4242, 4242); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 0, 0); err != nil {
		t.Fatal(err)
	}
	before := map[string]sideState{path: stateOf(t, path), journal: stateOf(t, journal)}
	a, err := archive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a.Scan(context.Background(), nil)
	a.Article("1")
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	for p, was := range before {
		is := stateOf(t, p)
		if is.uid != was.uid || is.gid != was.gid || is.mode != was.mode || is.ctime != was.ctime || !bytes.Equal(is.data, was.data) {
			t.Errorf("%s changed: owner %d:%d mode %o ctime %v, was %d:%d %o %v",
				p, is.uid, is.gid, is.mode, is.ctime, was.uid, was.gid, was.mode, was.ctime)
		}
	}
}
