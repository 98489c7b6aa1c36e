#!/usr/bin/env bash
# Measures redline against its peers on the same inputs, in one run, and
# prints issue 15's table:
#   - --print --no-color on pairs of versions (3 MB, 30 MB, and the
#     pathological pairs: 50,000 shuffled paragraphs, 100,000 words
#     reversed, a 5 MB paragraph with two words inserted, 200,000 repeats
#     of one word with one changed, the 3 MB pair with every paragraph
#     edited), each beside
#     git diff --no-index --word-diff=plain -U1000000 on the same files:
#     wall and CPU (user + system) seconds and peak RSS, the median of
#     RUNS runs (default 5) taken in turn (redline, git, redline, git ...)
#     so that a machine slowing down slows both; the ratios are of the
#     medians. A run of a short command is several in a row, timed
#     together and divided: the kernel counts CPU time in 10 ms ticks;
#   - a 2,000-version history of a 60 KB document (255 paragraphs) read
#     from a folder and from git, against git log -p --word-diff and
#     dwdiff over consecutive pairs;
#   - that the 30 MB comparison prints the same bytes on every one of 10
#     runs, the last with every core kept busy.
# The inputs are generated from fixed seeds (model/diff/perf_fixtures_test.go).
# Each argument is a directory holding a pair of your own, A.txt and B.txt
# (real prose, say), and adds a row for it after the generated pairs:
#   testdata/perf/run.sh ~/pairs/prose-3mb ~/pairs/prose-30mb
# Needs Go, git and GNU time (/usr/bin/time); dwdiff is used when
# installed (apt-get install dwdiff). RUNS=3 testdata/perf/run.sh is quicker.
set -euo pipefail
extra=()
for d in "$@"; do
  if [ ! -f "$d/A.txt" ] || [ ! -f "$d/B.txt" ]; then
    echo "run.sh: $d: want a directory holding A.txt and B.txt" >&2
    exit 2
  fi
  extra+=("$(cd "$d" && pwd)")
done
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
work=$(mktemp -d)
busy=()
cleanup() {
  for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "building redline and the inputs in $work ..." >&2
go build -o "$work/redline" ./cmd/redline
REDLINE_PERF_DIR="$work" go test ./model/diff -run TestWritePerfFixtures -count=1 >/dev/null
git init -q "$work/repo"
git -C "$work/repo" fast-import --quiet < "$work/history.fast-import"
git -C "$work/repo" checkout -q main

# once [-n N] COMMAND...: N runs in a row (default 1) under one GNU time;
# prints "wall cpu peak-KB", the times per run. The kernel counts CPU
# time in ticks of 10 ms, too coarse for one run of 30 ms: a short
# command is timed over several runs at once.
once() {
  local n=1
  if [ "$1" = -n ]; then n=$2; shift 2; fi
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" \
    sh -c 'n=$1; shift; while [ "$n" -gt 0 ]; do "$@" >/dev/null 2>&1; n=$((n - 1)); done' sh "$n" "$@" || true
  tail -n 1 "$work/t" | awk -v n="$n" '{printf "%.4f %.4f %s\n", $1 / n, ($2 + $3) / n, $4}'
}

# repeats COMMAND...: how many runs in a row time it to about 0.3 s.
repeats() {
  local w
  w=$(once "$@" | cut -d' ' -f1)
  awk -v w="$w" 'BEGIN { n = int(0.3 / (w > 0.001 ? w : 0.001)); print (n < 1 ? 1 : n > 20 ? 20 : n) }'
}

# median FILE COLUMN: the median of one column of numbers.
median() {
  sort -g -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print v[int((NR + 1) / 2)]}'
}

# pair LABEL A B: redline and git diff on the same two files, in turn.
pair() {
  local label=$1 a=$2 b=$3
  : >"$work/r" && : >"$work/g"
  local nr ng
  nr=$(repeats "$work/redline" --print --no-color "$a" "$b")
  ng=$(repeats git diff --no-index --word-diff=plain -U1000000 "$a" "$b")
  for _ in $(seq "$runs"); do
    once -n "$nr" "$work/redline" --print --no-color "$a" "$b" >>"$work/r"
    once -n "$ng" git diff --no-index --word-diff=plain -U1000000 "$a" "$b" >>"$work/g"
  done
  local rw rc rm gw gc gm
  rw=$(median "$work/r" 1) rc=$(median "$work/r" 2) rm=$(median "$work/r" 3)
  gw=$(median "$work/g" 1) gc=$(median "$work/g" 2) gm=$(median "$work/g" 3)
  local mb=$(( ($(stat -c %s "$a") + $(stat -c %s "$b")) / 1000000 ))
  awk -v l="$label" -v mb="$mb" -v rw="$rw" -v rc="$rc" -v rm="$rm" -v gw="$gw" -v gc="$gc" -v gm="$gm" 'BEGIN {
    printf "| %-42s | %4d MB | %6.3f s %6.3f s %5d MB | %6.3f s %6.3f s %5d MB | %5.2f× %5.2f× |\n",
      l, mb, rw, rc, rm / 1024, gw, gc, gm / 1024, (gw > 0 ? rw / gw : 0), (gc > 0 ? rc / gc : 0)
  }'
}

echo "redline --print --no-color beside git diff --no-index --word-diff=plain -U1000000;"
echo "median of $runs runs each, taken in turn; ratios are redline over git (wall, cpu)."
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown), $(nproc) cores"
echo
echo "| work                                       | input   | redline: wall, cpu, peak RSS    | git: wall, cpu, peak RSS        | ratio wall, cpu |"
echo "|---|---|---|---|---|"
pair "3 MB pair (15,000 paragraphs, ~3% edited)" "$work/big-a.txt" "$work/big-b.txt"
pair "30 MB pair (150,000 paragraphs)" "$work/big30-a.txt" "$work/big30-b.txt"
pair "50,000 one-line paragraphs, shuffled" "$work/shuffled-a.txt" "$work/shuffled-b.txt"
pair "100,000 distinct words reversed, one ¶" "$work/reversed-a.txt" "$work/reversed-b.txt"
pair "5 MB paragraph, two words inserted" "$work/huge-a.txt" "$work/huge-b.txt"
pair "200,000 × \"the\", one changed, one ¶" "$work/repeat-a.txt" "$work/repeat-b.txt"
pair "3 MB pair, every paragraph edited" "$work/rewritten-a.txt" "$work/rewritten-b.txt"
for d in "${extra[@]}"; do
  pair "$(basename "$d")" "$d/A.txt" "$d/B.txt"
done

# measure LABEL COMMAND...: wall seconds and peak RSS, median of $runs.
measure() {
  local label=$1; shift
  : >"$work/m"
  for _ in $(seq "$runs"); do once "$@" >>"$work/m"; done
  printf "%-58s %7.3fs %8s MB\n" "$label" "$(median "$work/m" 1)" "$(( $(median "$work/m" 3) / 1024 ))"
}

echo
printf "%-58s %8s %11s\n" "" "time" "peak RSS"
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

# The same input must print the same bytes however the machine is loaded:
# no bound in the comparison reads the clock (CONVENTIONS.md, 11).
echo
sums=()
for k in $(seq 10); do
  if [ "$k" = 10 ]; then
    for _ in $(seq "$(nproc)"); do (while :; do :; done) & busy+=($!); done
  fi
  sums+=("$("$work/redline" --print --no-color "$work/big30-a.txt" "$work/big30-b.txt" | sha256sum | cut -c1-16)")
done
for p in "${busy[@]}"; do kill "$p" 2>/dev/null || true; done
busy=()
distinct=$(printf "%s\n" "${sums[@]}" | sort -u | wc -l)
if [ "$distinct" = 1 ]; then
  echo "30 MB pair: 10 runs (the last with every core busy) printed the same bytes (sha256 ${sums[0]}…)"
else
  echo "30 MB pair: 10 runs printed $distinct different outputs: ${sums[*]}"
  exit 1
fi
echo >&2
echo "in-process figures: go test -run XXX -bench . ./model/... ./tui" >&2
echo "reader's first frame on 2,000 versions: go test -run XXX -bench LongHistoryReaderFirstFrame ./cmd/redline" >&2
