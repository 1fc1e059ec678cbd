#!/bin/sh
# bench/million.sh BUILD [COUNT] [SIZE]: the scale run of PRODUCT.md: COUNT
# (default 1,000,000) generated articles of about SIZE bytes (default 2200,
# the mean body length of the BBC corpus) through `eventline run --jobs 2`,
# timed end to end, with the peak resident memory of the whole process (GNU
# time) and the run's own phase timings. Not part of `make bench`: it takes
# minutes and needs about 35 GB of disk a million 2.2 KB articles (input,
# run folder, database). Writes bench/out/million.txt and prints it; removes
# the run folder.
set -eu
build=${1:-build}
count=${2:-1000000}
size=${3:-2200}
bin="$build/eventline"
out=bench/out
mkdir -p "$out"
cc -O2 -Wall -Wextra -o "$out/gen" bench/gen.c
input="$out/gen$count-$size.jsonl"
[ -f "$input" ] || "$out/gen" --size "$size" "$count" >"$input"
rm -rf "$out/million-run"
/usr/bin/time -f 'time: wall_s=%e user_s=%U sys_s=%S peak_rss_kB=%M' \
    "$bin" run --jobs 2 --stats --out "$out/million-run" "$input" >/dev/null 2>"$out/million.err" || {
    tail -5 "$out/million.err" >&2; exit 1; }
{
    echo "eventline run, $count generated articles of ~$size bytes, --jobs 2 ($(date -u +%Y-%m-%d), $(nproc) cores)"
    echo "input: $(du -m "$input" | cut -f1) MB; run folder: $(du -sm "$out/million-run" | cut -f1) MB"
    grep -E '^(stats|time):' "$out/million.err"
} | tee "$out/million.txt"
rm -rf "$out/million-run"
