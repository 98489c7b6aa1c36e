#!/usr/bin/env bash
# Measures redline against its peers on the same inputs, in one run:
#   - --print --no-color on two ~3 MB versions, against
#     git diff --no-index --word-diff=plain -U1000000;
#   - a 2,000-version history of a 60 KB document (255 paragraphs) read
#     from a folder and from git, against git log -p --word-diff and
#     dwdiff over consecutive pairs;
#   - peak memory (RSS) of each.
# The inputs are generated from fixed seeds (model/diff/perf_fixtures_test.go).
# Needs Go and git; dwdiff is used when installed (apt-get install dwdiff).
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building redline and the inputs in $work ..." >&2
go build -o "$work/redline" ./cmd/redline
REDLINE_PERF_DIR="$work" go test ./model/diff -run TestWritePerfFixtures -count=1 >/dev/null
git init -q "$work/repo"
git -C "$work/repo" fast-import --quiet < "$work/history.fast-import"
git -C "$work/repo" checkout -q main

# measure LABEL COMMAND...: wall-clock seconds and peak RSS, best of 3.
measure() {
  local label=$1; shift
  local best="" rss=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true
    read -r s kb < <(tail -n 1 "$work/t") # time notes a non-zero exit above
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best=$s; rss=$kb; fi
  done
  printf "%-58s %7ss %8s MB\n" "$label" "$best" "$((rss / 1024))"
}

printf "%-58s %8s %11s\n" "" "time" "peak RSS"
measure "redline --print --no-color, two 3 MB versions" "$work/redline" --print --no-color "$work/big-a.txt" "$work/big-b.txt"
measure "git diff --no-index --word-diff=plain, same files" git diff --no-index --word-diff=plain -U1000000 "$work/big-a.txt" "$work/big-b.txt"
measure "redline --json, folder of 2,000 versions (60 KB each)" "$work/redline" --json "$work/history"
measure "redline --print, the same folder" "$work/redline" --print --no-color "$work/history"
measure "redline --print --git, 2,000 commits of the same document" "$work/redline" --print --no-color --git "$work/repo/article.txt"
measure "redline --json --git, the same" "$work/redline" --json --git "$work/repo/article.txt"
# Read what is shown first (issue 15, part B): the default --print step of
# a long history reads its newest two versions; --print --from/--to reads
# the whole history, for comparison; the reader's first frame is
# BenchmarkLongHistoryReaderFirstFrame in ./cmd/redline.
measure "redline --print --from 1999 --to 2000, folder (reads all)" "$work/redline" --print --no-color --from 1999 --to 2000 "$work/history"
measure "redline --print --git --from 1999 --to 2000 (reads all)" "$work/redline" --print --no-color --from 1999 --to 2000 --git "$work/repo/article.txt"
measure "git log -p --word-diff, same history" git -C "$work/repo" log -p --word-diff=plain -- article.txt
if command -v dwdiff >/dev/null; then
  dw() { local prev=""; for f in "$work"/history/*.txt; do [ -n "$prev" ] && dwdiff "$prev" "$f" >/dev/null; prev=$f; done; true; }
  export -f dw; export work
  measure "dwdiff over the 1,999 consecutive pairs" bash -c dw
fi
echo >&2
echo "in-process figures: go test -run XXX -bench . ./model/... ./tui" >&2
echo "reader's first frame on 2,000 versions: go test -run XXX -bench LongHistoryReaderFirstFrame ./cmd/redline" >&2
