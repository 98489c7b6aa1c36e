// Package archive opens the SQLite archives that diffengine writes and the
// NewsEdits corpus ships: the list of their articles (Catalog, streamed as
// it is scanned) and any one article's versions. Archives are opened
// read-only and immutable; nothing beside them is ever written.
//
// It imports model, modernc.org/sqlite and golang.org/x/net/html; it never
// imports a terminal package. Only this package links SQLite.
package archive
