package main

import (
	"redline/model"
	"redline/model/source"
	"redline/model/source/gitlog"
)

// A long history in a folder or in git shows its newest step first:
// --print reads the two versions it prints, and the reader opens on them
// while the rest is read beside it (tui.Loader.Newest). Only the default
// step is read this way: --from and --to may name any version, --all
// and the other formats show every step, and --json writes them all.

// readNewest reads the newest two versions of the folder or git history
// the sources name, and how many versions the whole history has; nil
// when the sources are not such a history (a URL, the sample, a dump, a
// file named on its own), when the default step is not what is asked
// for, or when the history is too short to gain anything.
func readNewest(o options) (*model.Article, int, error) {
	if o.fromSet || o.toSet {
		return nil, 0, nil
	}
	if o.git != "" {
		if len(o.args) > 0 {
			return nil, 0, nil // load refuses this in its own words
		}
		art, total, ok, err := gitlog.ReadGitNewest(o.git, 2)
		if !ok {
			return nil, 0, err
		}
		return art, total, nil
	}
	if _, isURL := webURL(o); isURL || len(o.inputs) < 3 {
		return nil, 0, nil
	}
	n, ok, err := source.ReadNewest(o.inputs, 2)
	if !ok {
		return nil, 0, err
	}
	return n.Article, n.Total, nil
}

// printsNewestOnly reports whether the command prints one step, the
// default, as text: what the newest two versions are enough for.
func printsNewestOnly(o options) bool {
	return !o.json && !o.all && o.textFormat() && !o.fromSet && !o.toSet
}

// padded is the newest versions of a history of total versions, with the
// older ones standing as numbers only: what --print needs to say
// "Version 2000 of 2000" of a step it reads two versions for. It is for
// printing that step and nothing else.
func padded(newest *model.Article, total int) *model.Article {
	art := *newest
	art.Versions = make([]model.Version, total)
	k := total - len(newest.Versions)
	for i := range k {
		art.Versions[i].Number = newest.Versions[0].Number - k + i
	}
	copy(art.Versions[k:], newest.Versions)
	return &art
}
