// Package export writes comparisons for sharing outside the terminal: a
// self-contained HTML page (HTML), GitHub-flavoured Markdown (Markdown) and
// the comparison itself as JSON with a versioned schema (JSON, Document).
// It also names and creates the file a page is saved to (FileName,
// CreateUnique), for the reader's "write page" key.
//
// It imports model and model/diff only — never tui, lipgloss or bubbletea
// (DESIGN.md: exporters sit beside --print and draw from model/diff), so
// a program that archives comparisons in bulk links no terminal code. The
// text format of --print is tui.Print, which draws what the reader draws.
package export
