#!/bin/sh
# run.sh [SECONDS] [TARGET...]: build the libFuzzer targets and run each for
# SECONDS (default $FUZZ_SECONDS, else 60). Not part of `make test`.
#
#   fuzz_read      stages 1-3 on any bytes: plain text, a JSON Lines file, a record's text
#   fuzz_pipeline  one article through every stage up to the coder
#   fuzz_load      the manifest, dictionary (ours, gazetteer, TABARI, PETRARCH) and
#                  pattern loaders on any file content
#   fuzz_runfolder a run folder's files (--dir of store, export, report): the
#                  store, the exports and the HTML report
#
# Builds the library with clang and ASan+UBSan+fuzzer coverage in build-fuzz/
# (FUZZ_JOBS parallel make jobs). Corpora grow in build-fuzz/corpus/<target>
# (seeded from data/ and tests/cases by seeds.py) and are kept between runs;
# a crash is saved as build-fuzz/crashes/<target>-crash-* and makes the exit
# status 1. Rerun one: build-fuzz/fuzz/<target> FILE. Needs clang and
# libclang-rt-14-dev (sh scripts/setup.sh does not install them: apt-get
# install -y clang libclang-rt-14-dev).
set -u
cd "$(dirname "$0")/../.." || exit 2
secs=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
targets=${*:-fuzz_read fuzz_pipeline fuzz_load fuzz_runfolder}
B=build-fuzz
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
command -v clang >/dev/null || { echo "fuzz: clang is not installed" >&2; exit 2; }
make -s -j"${FUZZ_JOBS:-2}" BUILD=$B CC=clang CFLAGS="-O1 -g $SAN -fsanitize=fuzzer-no-link" $B/libeventline.a || exit 2
mkdir -p $B/fuzz $B/crashes
for t in $targets; do
    clang -O1 -g $SAN -fsanitize=fuzzer -std=c11 -D_GNU_SOURCE -Isrc -Itests/fuzz \
        $(pkg-config --cflags jansson yajl libutf8proc libxxhash sqlite3) \
        -o $B/fuzz/$t tests/fuzz/$t.c $B/libeventline.a \
        $(pkg-config --libs jansson yajl libutf8proc libxxhash sqlite3) -lm -lpthread || exit 2
done
python3 tests/fuzz/seeds.py $B/seeds || exit 2
status=0
for t in $targets; do
    mkdir -p $B/corpus/$t
    echo "fuzz: $t for ${secs}s"
    mkdir -p $B/tmp                          # the targets' scratch files (fz_dir)
    TMPDIR=$B/tmp ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    $B/fuzz/$t -max_total_time="$secs" -max_len="${FUZZ_MAX_LEN:-65536}" -timeout=20 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=$B/crashes/$t- \
        $B/corpus/$t $B/seeds/$t >$B/fuzz/$t.log 2>&1
    rc=$?
    rm -rf $B/tmp
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^#[0-9]+.*DONE' $B/fuzz/$t.log | tail -4 | sed 's/^/  /'
    echo "  corpus: $(ls $B/corpus/$t | wc -l) files"
    if [ $rc -ne 0 ]; then
        status=1
        echo "FAIL fuzz $t (exit $rc): see $B/fuzz/$t.log"
        grep -E 'ERROR|SUMMARY|fuzz check failed|Test unit written' $B/fuzz/$t.log | head -5 | sed 's/^/  /'
    fi
done
exit $status
