package gitlog

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"

	"redline/model"
)

// ReadGitNewest reads the newest n versions of the file at path from its
// git history, and of the older commits only what `git log` lists: the
// newest step is shown after a few blobs are read, not the whole
// history. The versions are those ReadGit gives, with the same numbers
// (each the change of the file's blob it began at), and total is how
// many versions the whole history has — counted from the list, where
// two commits in a row with the same blob are one version. ReadGit also
// skips a commit whose blob differs but whose paragraphs do not (a
// re-wrapped line); one among the older commits is found only by reading
// them, so total can then run higher than ReadGit's count.
//
// It reports false, with no error, when the history has no more than n
// versions, a blob it reads has no text, or a version it reads begins
// with a headline but for its full stop that none of them settles
// (model.AgreePlainHeadlines: an older blob's headline may): ReadGit
// then reads it whole.
func ReadGitNewest(path string, n int) (art *model.Article, total int, ok bool, err error) {
	h, err := openHistory(path)
	if err != nil {
		return nil, 0, false, err
	}
	// runs are the indexes of blobs that differ from the one before.
	var runs []int
	for i, b := range h.blobs {
		if i == 0 || b.blob != h.blobs[i-1].blob {
			runs = append(runs, i)
		}
	}
	if n < 1 || len(runs) <= n {
		return nil, 0, false, nil
	}
	batch, err := h.g.startBatch()
	if err != nil {
		return nil, 0, false, err
	}
	defer batch.close()
	// Newest first: each version is the oldest run of equal paragraphs,
	// so a version is known once the run before it differs (or the
	// history begins).
	pr := newParagraphReader()
	var versions []model.Version // newest first
	var legacy, mended []bool    // by versions: read as Windows-1252; with bytes read as U+FFFD
	var paras []string
	headline := ""
	merged := 0
	for j := len(runs) - 1; j >= 0 && len(versions) <= n; j-- {
		b := h.blobs[runs[j]]
		h, p, problem, err := batch.read(b.blob, pr)
		if err != nil {
			return nil, 0, false, err
		}
		if problem != "" {
			return nil, 0, false, nil
		}
		v := commitVersion(b.commit, h, p)
		v.Number = b.change // the change of the blob it began at, as ReadGit numbers it
		if len(versions) > 0 && slices.Equal(p, paras) && h == headline {
			merged++
			versions[len(versions)-1] = v // the older commit of the two
			legacy[len(versions)-1], mended[len(versions)-1] = pr.windows1252, pr.replaced
			continue
		}
		paras, headline = p, h
		versions = append(versions, v)
		legacy, mended = append(legacy, pr.windows1252), append(mended, pr.replaced)
	}
	if len(versions) > n {
		versions, legacy, mended = versions[:n], legacy[:n], mended[:n]
	}
	windows1252, replaced := 0, 0 // of the versions given
	for k := range legacy {
		if legacy[k] {
			windows1252++
		}
		if mended[k] {
			replaced++
		}
	}
	total = len(runs) - merged
	slices.Reverse(versions)
	art = &model.Article{Source: "git", Title: h.title, Notes: h.notes, Versions: versions}
	if n := encodingNote(windows1252); n != "" {
		art.Notes = append(art.Notes, n)
	}
	if n := replacedNote(replaced); n != "" {
		art.Notes = append(art.Notes, n)
	}
	titleFromHeadline(art)
	if model.AgreePlainHeadlines(art.Versions) {
		// A first line that only an older version's headline can tell
		// from a paragraph: ReadGit reads them all.
		return nil, 0, false, nil
	}
	return art, total, true, nil
}

// commitVersion is the version the file's headline and paragraphs make
// at commit c.
func commitVersion(c *gitCommit, headline string, paras []string) model.Version {
	return model.Version{
		Headline: headline,
		Time:     c.date,
		Label:    strings.ToValidUTF8(c.subject, "\uFFFD"),
		Author:   strings.ToValidUTF8(c.author, "\uFFFD"),
		Commit:   c.hash,
		// Each version owns its slice (a revert reads a blob seen
		// before); the strings in it are shared.
		Paragraphs: slices.Clone(paras),
	}
}

// catFile is one `git cat-file --batch` asked for one blob at a time.
type catFile struct {
	g      gitRunner
	w      *bufio.Writer
	r      *bufio.Reader
	close  func()
	stderr *bytes.Buffer
	buf    []byte
}

// startBatch starts `git cat-file --batch` for questions one at a time.
func (g gitRunner) startBatch() (*catFile, error) {
	cmd := g.command("cat-file", "--batch")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, model.InputErrorf(g.file, 0, "git: %v", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, model.InputErrorf(g.file, 0, "git: %v", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, model.InputErrorf(g.file, 0, "git: %v", err)
	}
	return &catFile{g: g, w: bufio.NewWriter(stdin), r: bufio.NewReaderSize(stdout, 1<<16), stderr: &stderr,
		close: func() { stdin.Close(); cmd.Wait() }}, nil
}

// read asks for one blob and returns its headline and paragraphs, or why
// it has none.
func (c *catFile) read(id string, pr *paragraphReader) (headline string, paras []string, problem string, err error) {
	fmt.Fprintln(c.w, id)
	if err := c.w.Flush(); err != nil {
		return "", nil, "", model.InputErrorf(c.g.file, 0, "git: %v", err)
	}
	c.buf, err = readBatchObject(c.r, id, c.buf)
	if err != nil {
		if msg := gitFirstLine(c.stderr.Bytes()); msg != "" {
			return "", nil, "", model.InputErrorf(c.g.file, 0, "git: %s", model.Visible(msg))
		}
		return "", nil, "", model.InputErrorf(c.g.file, 0, "reading git objects: %v", err)
	}
	headline, paras, problem = pr.read(c.buf)
	return headline, paras, problem, nil
}
