#!/bin/sh
# bench/ab.sh [ROUNDS] BIN...: the binaries take turns running `run --jobs 1`
# on the BBC corpus, pinned to one core (the last), each in a fresh folder,
# ROUNDS times each (default 15); prints for each the best, the quarter point
# and the median of the run's own seconds (--stats) and articles/s.
# Alternating in the same minutes is what makes two binaries comparable on a
# host whose speed drifts by a third; the best and the quarter point move
# less with the host than the median. Run it from the repository (the
# binaries find data/ as eventline does).
set -eu
rounds=15
case "${1:-}" in ''|*[!0-9]*) ;; *) rounds=$1; shift ;; esac
[ $# -ge 1 ] || { echo "usage: bench/ab.sh [ROUNDS] BIN..." >&2; exit 2; }
corpus=../shared/data/corpora/bbc.jsonl
[ -f "$corpus" ] || { echo "bench/ab.sh: $corpus is absent" >&2; exit 2; }
core=$(($(nproc) - 1))
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
while [ $i -lt "$rounds" ]; do
    for b in "$@"; do
        rm -rf "$dir/run"
        s=$(taskset -c "$core" "$b" run --jobs 1 --stats --out "$dir/run" "$corpus" 2>&1 >/dev/null |
            sed -n 's/^stats: run articles=\([0-9]*\) .* seconds=\([0-9.]*\) .*/\1 \2/p')
        echo "$b $s"
    done
    i=$((i + 1))
done | sort -k1,1 -k3,3n | awk '
    function show() { if (n) printf "%-28s best %.3f s (%.0f/s)  quarter %.3f s (%.0f/s)  median %.3f s (%.0f/s)  n=%d\n",
        bin, t[1], a / t[1], t[int((n + 3) / 4)], a / t[int((n + 3) / 4)], t[int((n + 1) / 2)], a / t[int((n + 1) / 2)], n }
    $1 != bin { show(); bin = $1; n = 0 }
    { a = $2; t[++n] = $3 }
    END { show() }'
