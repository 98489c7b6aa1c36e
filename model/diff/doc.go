// Package diff compares two versions of an article: it aligns their
// paragraphs (kept, edited, added, removed, moved), marks the word edits
// inside each pair (go-diff on word tokens, bounded by work, never by the
// clock), says what each is about (edit kinds: a figure, a quotation, a
// name, an attribution, a correction note…, by explainable rules in
// kinds*.go), counts them, and follows one paragraph through every version
// (History) or every paragraph of one version back to where it came from
// (Annotate).
//
// It imports model and nothing of redline's readers or interface: a
// program that only compares links neither SQLite nor a terminal library.
package diff
