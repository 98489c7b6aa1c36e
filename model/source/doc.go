// Package source turns what the user names — files, folders, standard
// input — into one model.Article. It recognises each input's kind from its
// content, not its name (Detect), reads plain-text versions itself, and
// hands the formats of a family to that family's package: newssniffer for
// comparison dumps and saved NewsSniffer pages, model's own ReadJSON for
// redline's JSON.
//
// Git histories (gitlog) and SQLite archives (archive) are opened by name,
// not by content, and are wired by the command line. source imports model
// and model/source/newssniffer; it never imports a terminal package.
package source
