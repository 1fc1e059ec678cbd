#!/bin/sh
# bench/run.sh BUILD: throughput and peak memory of `eventline articles`
# (read, clean, segment, lemmatise), median of 5 runs each, on
#   1. generated articles of ~4 KB (bench/gen.c, deterministic), 5k and 20k
#      of them (peak memory must not grow with the count), and
#   2. the real corpora in ../shared/data/corpora when present.
# Writes bench/out/results.txt and prints it.
set -eu
build=${1:-build}
bin="$build/eventline"
out=bench/out
mkdir -p "$out"
cc -O2 -Wall -Wextra -o "$out/gen" bench/gen.c
[ -f "$out/gen5k.jsonl" ] || "$out/gen" 5000 >"$out/gen5k.jsonl"
[ -f "$out/gen20k.jsonl" ] || "$out/gen" 20000 >"$out/gen20k.jsonl"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
bench() {   # bench NAME CMD...: 5 runs, medians of articles/s, MB/s, sentences/s, peak kB
    name=$1; shift
    : >"$out/runs"
    for i in 1 2 3 4 5; do "$@" --stats 2>&1 >/dev/null | grep '^stats:' >>"$out/runs"; done
    printf '%-28s articles/s %8s  sentences/s %9s  MB/s %6s  peak_rss_kB %7s\n' "$name" \
        "$(field articles_per_s <"$out/runs" | median)" "$(field sentences_per_s <"$out/runs" | median)" \
        "$(field mb_per_s <"$out/runs" | median)" "$(field peak_rss_kb <"$out/runs" | median)"
}
{
    echo "eventline articles, one core, median of 5 runs ($(date -u +%Y-%m-%d), $(nproc) cores)"
    bench "generated 5k x 4KB" "$bin" articles "$out/gen5k.jsonl"
    bench "generated 20k x 4KB" "$bin" articles "$out/gen20k.jsonl"
    if [ -d ../shared/data/corpora ]; then
        bench "bbc (2225 docs)" "$bin" articles ../shared/data/corpora/bbc.jsonl
        bench "reuters (2784 docs)" "$bin" articles ../shared/data/corpora/reuters_partial.jsonl
    else
        echo "corpora: skipped: ../shared/data/corpora is absent"
    fi
} | tee "$out/results.txt"
