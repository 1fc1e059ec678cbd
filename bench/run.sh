#!/bin/sh
# bench/run.sh BUILD: throughput and peak memory, per stage and end to end,
# median of N runs (N=5, or $BENCH_RUNS), on
#   1. generated articles of ~4 KB (bench/gen.c, deterministic): 5k and 20k
#      for `articles` (peak memory must not grow with the count), 5k for the
#      stage commands and `run`;
#   2. the real corpora in ../shared/data/corpora when present;
#   3. `code` on one sentence per input line (the rate TABARI is quoted at),
#      from the generated articles and from the BBC corpus.
# The million-article run is bench/million.sh (minutes, not part of this).
# A host probe (bench/probe.c) is printed first and last: this machine's
# speed drifts by a third from minute to minute.
# Writes bench/out/results.txt and prints it. One core unless a line says
# --jobs 2.
set -eu
build=${1:-build}
bin="$build/eventline"
out=bench/out
runs=${BENCH_RUNS:-5}
mkdir -p "$out"
cc -O2 -Wall -Wextra -o "$out/gen" bench/gen.c
cc -O2 -Wall -Wextra -o "$out/probe" bench/probe.c
[ -f "$out/gen5k.jsonl" ] || "$out/gen" 5000 >"$out/gen5k.jsonl"
[ -f "$out/gen20k.jsonl" ] || "$out/gen" 20000 >"$out/gen20k.jsonl"
if [ ! -f "$out/sentences.jsonl" ]; then
    # One sentence per line, from the generated articles, as `code` input.
    "$bin" articles "$out/gen5k.jsonl" | python3 bench/one_sentence.py >"$out/sentences.jsonl"
fi
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p"; }
bench() {   # bench NAME BIN COMMAND ARGS...: medians of articles/s, sentences/s, MB/s, peak kB
    name=$1; shift
    cmd=; prev=                                 # the stats line to read: "stats: COMMAND articles=..."
    for a in "$@"; do [ "$prev" = "$bin" ] && [ -z "$cmd" ] && cmd=$a; prev=$a; done
    : >"$out/runs"
    i=0
    while [ $i -lt "$runs" ]; do
        rm -rf "$out/run-dir"
        "$@" --stats 2>&1 >/dev/null | grep '^stats: ' >>"$out/runs" || true
        i=$((i + 1))
    done
    grep "^stats: $cmd articles=" "$out/runs" >"$out/main" || true
    printf '%-38s articles/s %8s  sentences/s %9s  MB/s %6s  peak_rss_kB %7s\n' "$name" \
        "$(field articles_per_s <"$out/main" | median)" "$(field sentences_per_s <"$out/main" | median)" \
        "$(field mb_per_s <"$out/main" | median)" "$(field peak_rss_kb <"$out/main" | median)"
    # cluster: the linking stage alone, by the linking thread's CPU time (steady on a busy machine)
    if grep -q '^stats: link ' "$out/runs"; then
        grep '^stats: link ' "$out/runs" >"$out/link"
        printf '%-38s articles/s %8s  (CPU: %s)  bytes/article %s\n' "  linking (near-dups, episodes)" \
            "$(field articles_per_s <"$out/link" | median)" "$(field cpu_articles_per_s <"$out/link" | median)" \
            "$(field link_bytes_per_article <"$out/link" | median)"
    fi
    # run: the output phases' own CPU seconds (they run side by side)
    if grep -q '^stats: run phases cpu seconds' "$out/runs"; then
        grep '^stats: run phases cpu seconds' "$out/runs" >"$out/phases"
        printf '%-38s files %s  store %s  exports %s  report %s\n' "  output phases, CPU s" \
            "$(field files <"$out/phases" | median)" "$(field store <"$out/phases" | median)" \
            "$(field exports <"$out/phases" | median)" "$(field report <"$out/phases" | median)"
    fi
}
# One core for real: pinned with taskset when it is there.
one_core() { if command -v taskset >/dev/null; then taskset -c "$(($(nproc) - 1))" "$@"; else "$@"; fi; }
{
    echo "eventline, median of $runs runs ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
    # The host's own speed now and at the end (bench/probe.c): rates of two
    # benches compare only next to these.
    printf '%-38s %s Msteps/s at %s\n' "host probe, start" "$("$out/probe")" "$(date -u +%H:%M)"
    bench "articles gen 5k x 4KB" "$bin" articles "$out/gen5k.jsonl"
    bench "articles gen 20k x 4KB" "$bin" articles "$out/gen20k.jsonl"
    bench "times gen 5k" "$bin" times "$out/gen5k.jsonl"
    bench "actors gen 5k" "$bin" actors "$out/gen5k.jsonl"
    bench "counts gen 5k" "$bin" counts "$out/gen5k.jsonl"
    bench "code gen 5k (articles)" "$bin" code "$out/gen5k.jsonl"
    bench "code one sentence a line" "$bin" code "$out/sentences.jsonl"
    bench "cluster gen 5k" "$bin" cluster "$out/gen5k.jsonl"
    bench "run gen 5k --jobs 1 (all outputs)" "$bin" run --jobs 1 --out "$out/run-dir" "$out/gen5k.jsonl"
    bench "run gen 5k --jobs 2 (all outputs)" "$bin" run --jobs 2 --out "$out/run-dir" "$out/gen5k.jsonl"
    if [ -d ../shared/data/corpora ]; then
        bench "articles bbc (2225 docs)" "$bin" articles ../shared/data/corpora/bbc.jsonl
        bench "articles reuters (2784 docs)" "$bin" articles ../shared/data/corpora/reuters_partial.jsonl
        bench "code bbc" "$bin" code ../shared/data/corpora/bbc.jsonl
        # The way TABARI's rate is quoted: every BBC sentence as its own record.
        [ -f "$out/bbc_sentences.jsonl" ] || "$bin" articles ../shared/data/corpora/bbc.jsonl |
            python3 bench/one_sentence.py >"$out/bbc_sentences.jsonl"
        bench "code bbc one sentence a record" "$bin" code "$out/bbc_sentences.jsonl"
        bench "cluster bbc" "$bin" cluster ../shared/data/corpora/bbc.jsonl
        bench "run bbc --jobs 1, one core (taskset)" one_core "$bin" run --jobs 1 --out "$out/run-dir" ../shared/data/corpora/bbc.jsonl
        bench "run bbc --jobs 2 (all outputs)" "$bin" run --jobs 2 --out "$out/run-dir" ../shared/data/corpora/bbc.jsonl
    else
        echo "corpora: skipped: ../shared/data/corpora is absent"
    fi
    printf '%-38s %s Msteps/s at %s\n' "host probe, end" "$("$out/probe")" "$(date -u +%H:%M)"
} | tee "$out/results.txt"
rm -rf "$out/run-dir"
