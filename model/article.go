// Package model holds what every part of redline shares: an article and
// its versions (Article, Version), their JSON form (ReadJSON, WriteJSON),
// the error every reader reports (InputError), the one sanitiser of text
// bound for a terminal (Visible), and the text helpers the readers share
// (DecodeText, CollapseSpace, SplitParagraphs, NaturalLess), and Spread,
// the one way work is spread over the cores (a chunk's panic raised on
// the caller).
//
// Its sub-packages each hold one concern and import model, never the other
// way round:
//
//	model/diff               comparing two versions; histories; annotate
//	model/source             recognising inputs and reading them into an Article
//	model/source/newssniffer NewsSniffer dumps, chains of dumps, saved pages
//	model/source/gitlog      a file's versions from its git history
//	model/source/archive     diffengine and NewsEdits SQLite archives
//
// model imports only the standard library, and nothing under model
// imports a terminal package (bubbletea, lipgloss).
package model

// Article is one document followed through its versions, oldest first.
type Article struct {
	// Title is the article's current headline (the newest version's).
	Title string `json:"title"`
	// Source names the publisher or archive the versions came from
	// (NewsSniffer's source, a git repository, a folder).
	Source string `json:"source"`
	// URL is where the article lives at its publisher, when known.
	URL string `json:"url"`
	// FirstSeen is the date the source says the article was first
	// published or seen, as the source wrote it; empty when unknown.
	FirstSeen string `json:"first_seen,omitempty"`
	// Changes is the number of versions the source says the article has
	// ("The article has changed 7 times"); 0 when the source does not say.
	Changes int `json:"changes,omitempty"`
	// Versions are every version read, oldest first.
	Versions []Version `json:"versions"`
	// Gaps lists the places where the timeline misses versions: a gap
	// after Versions[i] is recorded as i. Empty for a complete timeline.
	Gaps []int `json:"gaps,omitempty"`
	// Notes are what the reader found worth telling the user about the
	// input: readings that disagree, versions that were skipped.
	Notes []string `json:"notes,omitempty"`
}

// NumberGaps are the Gaps of versions numbered in order by their source
// (NewsSniffer, NewsEdits): after each version the next of which is
// numbered more than one higher. Two versions numbered one apart miss
// nothing between them, whatever linked them.
func NumberGaps(vs []Version) []int {
	var gaps []int
	for i := 1; i < len(vs); i++ {
		if vs[i].Number > vs[i-1].Number+1 {
			gaps = append(gaps, i-1)
		}
	}
	return gaps
}

// Version is the article's text at one moment.
type Version struct {
	// Number is the version's number as the source printed it
	// (NewsSniffer numbers from 0); readers that have no numbers count
	// from 1.
	Number int `json:"number"`
	// Headline is the version's headline; empty when the source has none.
	Headline string `json:"headline"`
	// Time is when the version was seen, RFC 3339, or empty when unknown.
	Time string `json:"time"`
	// Elapsed is how much later than the version before it this one was
	// seen, as the source wrote it ("about 2 hours later").
	Elapsed string `json:"elapsed"`
	// Label is a short name for the version: a commit subject, a file name.
	Label string `json:"label"`
	// Author is who made the version, when the source records it.
	Author string `json:"author,omitempty"`
	// Commit is the full hash of the git commit the version was read
	// from (--git); empty for other sources.
	Commit string `json:"commit,omitempty"`
	// ArchiveURL is where a web archive keeps this version (diffengine
	// records the Wayback Machine's snapshot of each version), when the
	// source records one.
	ArchiveURL string `json:"archive_url,omitempty"`
	// Paragraphs are the body, in reading order, whitespace-collapsed.
	Paragraphs []string `json:"paragraphs"`
	// Guessed lists the indexes of paragraphs whose text the reader had
	// to guess: the source left more than one reading open and the
	// likeliest was taken.
	Guessed []int `json:"guessed,omitempty"`
	// HeadlineGuessed is true when the headline's extent was guessed.
	HeadlineGuessed bool `json:"headline_guessed,omitempty"`
}

// IsGuessed reports whether paragraph i of v was guessed by its reader.
func (v Version) IsGuessed(i int) bool {
	for _, g := range v.Guessed {
		if g == i {
			return true
		}
	}
	return false
}
