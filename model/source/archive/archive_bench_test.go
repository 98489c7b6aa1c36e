package archive_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"redline/model/source/archive"
)

// The archive budgets (see the issue): on a NewsEdits-shaped archive of
// 100,000 articles and 400,000 versions, the list's first screen within
// 1 s, a filter keystroke within 50 ms, opening an article within 100 ms.
const (
	benchArticles = 100_000
	benchVersions = 400_000
)

// BenchmarkArchive holds the archive budgets. The archive is generated
// once, into the parent benchmark's temporary folder, and shared by the
// sub-benchmarks: a benchmark that calls b.Run runs its own body once, so
// the generation is not repeated and the folder is removed at the end.
func BenchmarkArchive(b *testing.B) {
	path := filepath.Join(b.TempDir(), "newsedits.db")
	start := time.Now()
	keys, err := writeNewsEditsArchive(path, benchArticles, benchVersions, 1)
	if err != nil {
		b.Fatal(err)
	}
	if fi, err := os.Stat(path); err == nil {
		b.Logf("generated %d articles, %d versions, %d MB in %v", benchArticles, benchVersions,
			fi.Size()>>20, time.Since(start).Round(time.Millisecond))
	}

	// FirstScreen: open the archive and wait for the scan's first report,
	// the moment the picker can draw its first page.
	b.Run("FirstScreen", func(b *testing.B) {
		for b.Loop() {
			a, err := archive.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			first := make(chan *archive.Catalog, 1)
			go a.Scan(ctx, func(p archive.ScanProgress) {
				select {
				case first <- p.Articles:
				default:
				}
			})
			c := <-first
			if c.Len() == 0 {
				b.Fatal("first report lists no articles")
			}
			cancel()
			a.Close()
		}
	})

	// OpenDuringScan: the top article of the first screen, opened while
	// the rest of the list is still being read (the picker's case when
	// the reader presses enter at once).
	b.Run("OpenDuringScan", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			a, err := archive.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			first := make(chan *archive.Catalog, 1)
			go a.Scan(ctx, func(p archive.ScanProgress) {
				select {
				case first <- p.Articles:
				default:
				}
			})
			top := (<-first).At(0).Key
			b.StartTimer()
			if _, err := a.Article(top); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			cancel()
			a.Close()
			b.StartTimer()
		}
	})

	// FullList: the whole scan, for the report.
	b.Run("FullList", func(b *testing.B) {
		for b.Loop() {
			a, err := archive.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			c, err := a.Scan(context.Background(), nil)
			if err != nil {
				b.Fatal(err)
			}
			if c.Len() != benchArticles {
				b.Fatalf("listed %d articles, want %d", c.Len(), benchArticles)
			}
			a.Close()
		}
	})

	a, err := archive.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	cat, err := a.Scan(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}

	// Filter: the catalog's part of a keystroke, over every article.
	b.Run("FilterKeystroke", func(b *testing.B) {
		cat.Filter("warm") // the first filter folds the text once
		queries := []string{"m", "mi", "min", "mini", "minis", "minister"}
		for b.Loop() {
			for _, q := range queries {
				if len(cat.Filter(q)) == 0 {
					b.Fatalf("%q matches nothing", q)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(queries))/1000, "ms/keystroke")
	})

	// OpenArticle: an article the picker lists, after the scan.
	b.Run("OpenArticle", func(b *testing.B) {
		rng := rand.New(rand.NewPCG(3, 3))
		for b.Loop() {
			k := keys[rng.IntN(len(keys))]
			if _, err := a.Article(k); err != nil && !strings.Contains(err.Error(), "only one version") {
				b.Fatal(err)
			}
		}
	})

	// OpenArticleCold: --article KEY, no scan before it.
	b.Run("OpenArticleCold", func(b *testing.B) {
		rng := rand.New(rand.NewPCG(4, 4))
		for b.Loop() {
			cold, err := archive.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			k := keys[rng.IntN(len(keys))]
			if _, err := cold.Article(k); err != nil && !strings.Contains(err.Error(), "only one version") {
				b.Fatal(err)
			}
			cold.Close()
		}
	})
}

// benchWords is the vocabulary of generated articles.
var benchWords = strings.Fields(`the a of to in and for on with said that by at from as was has
have will be are its their his her after over minister government police city officials people
year week president court report election vote council company shares market bank rates
health hospital school students workers union strike talks deal plan budget tax climate storm
flood fire border troops ceasefire protest leaders party campaign spokesman statement
investigation charges trial judge jury evidence witnesses according percent million billion
Tuesday Wednesday Thursday Friday Monday morning night earlier later new former senior local
national international`)

var benchHosts = []string{"www.nytimes.com", "www.bbc.co.uk", "www.theguardian.com",
	"www.washingtonpost.com", "www.reuters.com", "apnews.com", "www.independent.co.uk",
	"www.telegraph.co.uk", "www.cbc.ca", "www.latimes.com"}

// sentence writes one generated sentence from rng.
func sentence(b *strings.Builder, rng *rand.Rand) {
	n := 8 + rng.IntN(18)
	for i := 0; i < n; i++ {
		w := benchWords[rng.IntN(len(benchWords))]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	b.WriteString(". ")
}

// benchSummary is version v of generated article id as NewsEdits stores
// it: paragraphs joined by </p><p>. Paragraph j keeps its text until an
// edit, which comes at a version chosen by a hash, so every version can
// be made alone, in any order, without remembering the others.
func benchSummary(id, v int) string {
	base := rand.New(rand.NewPCG(uint64(id), 11))
	paras := 10 + base.IntN(16)
	var b strings.Builder
	b.WriteString("<p>")
	for j := 0; j < paras; j++ {
		edit := 0
		for u := v; u > 0; u-- {
			if (id*31+j*17+u*7)%5 == 0 {
				edit = u
				break
			}
		}
		if j > 0 {
			b.WriteString("</p><p>")
		}
		rng := rand.New(rand.NewPCG(uint64(id)<<20|uint64(j)<<8|uint64(edit), 5))
		for s := 1 + rng.IntN(3); s > 0; s-- {
			sentence(&b, rng)
		}
		if j%7 == 3 {
			b.WriteString("&ldquo;Quote&rdquo; &amp; more")
		}
	}
	b.WriteString("</p>")
	return b.String()
}

// writeNewsEditsArchive generates a NewsEdits-shaped archive: articles
// with a skewed number of versions (many with two or three, a few with
// dozens, some with one), rows in the order a crawler saw them, which
// interleaves articles. It returns every article's key.
func writeNewsEditsArchive(path string, articles, versions int, seed uint64) ([]string, error) {
	rng := rand.New(rand.NewPCG(seed, 99))
	counts := make([]int, articles)
	total := 0
	for i := range counts {
		counts[i] = 1 + int(rng.ExpFloat64()*2.2)
		total += counts[i]
	}
	for total != versions { // adjust to the exact total, keeping the shape
		i := rng.IntN(articles)
		if total < versions {
			counts[i]++
			total++
		} else if counts[i] > 1 {
			counts[i]--
			total--
		}
	}
	type row struct {
		id, v int
		seen  time.Time
	}
	rows := make([]row, 0, versions)
	epoch := time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	keys := make([]string, articles)
	for i, n := range counts {
		id := 1000 + i
		keys[i] = fmt.Sprint(id)
		t := epoch.Add(time.Duration(rng.Int64N(int64(2 * 365 * 24 * time.Hour))))
		for v := 0; v < n; v++ {
			rows = append(rows, row{id, v, t})
			t = t.Add(time.Duration(10+rng.IntN(600)) * time.Minute)
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].seen.Before(rows[j].seen) })

	db, err := sql.Open("sqlite", path+"?_pragma=journal_mode(off)&_pragma=synchronous(off)")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if _, err := db.Exec(newsEditsDDL); err != nil {
		return nil, err
	}
	tx, err := db.Begin()
	if err != nil {
		return nil, err
	}
	ins, err := tx.Prepare(`INSERT INTO entryversion (entry_id, version, created, title, url, num_versions, summary, archive_url)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		hr := rand.New(rand.NewPCG(uint64(r.id), 1))
		host := benchHosts[hr.IntN(len(benchHosts))]
		var title strings.Builder
		sentence(&title, hr)
		headline := strings.TrimSuffix(title.String(), ". ")
		if r.v > 0 && r.v%3 == 0 {
			headline += " (updated)"
		}
		url := fmt.Sprintf("https://%s/%d/%02d/article-%d.html", host, r.seen.Year(), r.seen.Month(), r.id)
		_, err := ins.Exec(r.id, r.v, r.seen.Format("2006-01-02 15:04:05"), headline, url, counts[r.id-1000],
			benchSummary(r.id, r.v), "https://web.archive.org/web/"+r.seen.Format("20060102150405")+"/"+url)
		if err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return keys, db.Close()
}
