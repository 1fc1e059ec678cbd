#!/bin/sh
# bench/million.sh BUILD [COUNT]: the scale run of PRODUCT.md: COUNT (default
# 1,000,000) generated articles through `eventline run --jobs 2`, timed end
# to end, with the peak resident memory of the whole process (GNU time) and
# the run's own phase timings. Not part of `make bench`: it takes minutes
# and needs ~5 GB of disk per million articles for the input plus the run
# folder. Writes bench/out/million.txt and prints it; removes the run folder.
set -eu
build=${1:-build}
count=${2:-1000000}
bin="$build/eventline"
out=bench/out
mkdir -p "$out"
cc -O2 -Wall -Wextra -o "$out/gen" bench/gen.c
input="$out/gen$count.jsonl"
[ -f "$input" ] || "$out/gen" "$count" >"$input"
rm -rf "$out/million-run"
/usr/bin/time -f 'time: wall_s=%e user_s=%U sys_s=%S peak_rss_kB=%M' \
    "$bin" run --jobs 2 --stats --out "$out/million-run" "$input" >/dev/null 2>"$out/million.err" || {
    tail -5 "$out/million.err" >&2; exit 1; }
{
    echo "eventline run, $count generated articles, --jobs 2 ($(date -u +%Y-%m-%d), $(nproc) cores)"
    echo "input: $(du -m "$input" | cut -f1) MB; run folder: $(du -sm "$out/million-run" | cut -f1) MB"
    grep -E '^(stats|time):' "$out/million.err"
} | tee "$out/million.txt"
rm -rf "$out/million-run"
