#!/bin/sh
# fault.sh [BIN] [MAX]: the fault pass of STYLE.md section 8. Each case reruns
# one command on data/sample with the arena heap failing after N chunks
# (EL_FAIL_AFTER=N, read by main.c), for N = 0, 1, 2, ... until the command
# succeeds with its normal output (at most MAX runs, default 400), then with
# only chunk N+1 failing (EL_FAIL_AFTER=N:1) for each of those N, so that the
# run goes on after the fault (FAULT_NO_ONCE=1 skips this pass). Every run
# must either give the normal output with status 0, or exit 1 with a clean
# reason on stderr ("FILE:LINE: ..." or "eventline: ..."): no crash, no
# sanitizer report, no hang, no partial or broken JSON line, and every line
# it did write must be a line of the normal output (one that is not means an
# article was written wrong rather than skipped). Meant for the ASan build
# (`make fault` builds build-asan/eventline and runs this). FAULT_STEP=K tries every Kth N
# only; FAULT_ALL=1 adds actors, times, quotes, counts and cluster. Prints
# "fault: N passed, N failed".
bin=${1:-build-asan/eventline}
max=${2:-${FAULT_MAX:-400}}
step=${FAULT_STEP:-1}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export ASAN_OPTIONS="exitcode=99:detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="exitcode=99:print_stacktrace=1:halt_on_error=1"
unset EL_FAIL_AFTER
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL fault $1" >&2; }

# check_lines FILE REF STRICT: every line of FILE is whole, valid JSON (for
# .jsonl and stdout) and, when STRICT is 1, a line of REF. Prints the first fault.
check_lines() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
out, ref = open(sys.argv[1], 'rb').read(), open(sys.argv[2], 'rb').read()
strict = sys.argv[3] == '1'
if out and not out.endswith(b'\n'):
    sys.exit('partial last line')
known = set(ref.splitlines())
for i, line in enumerate(out.splitlines(), 1):
    if sys.argv[1].endswith('.jsonl') or sys.argv[1].endswith('.out'):
        try:
            json.loads(line)
        except Exception as e:
            sys.exit('line %d is not JSON: %s' % (i, e))
    if strict and line not in known:
        sys.exit('line %d is not in the normal output: %.120s' % (i, line))
PY
}

# outputs DIR: the text files a case leaves (stdout, and run's folder).
outputs() { ls "$1" | grep -v '\.db$' | grep -v '^err$'; }

# case_ NAME STRICT ARGS...: ARGS run with "@OUT" replaced by a fresh output
# folder. STRICT 1: a line written under faults must be one of the normal
# output (articles are skipped, not changed); 0 for run, whose ids shift
# when an article is skipped. Two passes: every chunk after the first N
# fails (EL_FAIL_AFTER=N, until the output is normal), then only chunk N+1
# fails (EL_FAIL_AFTER=N:1, for each N the first pass saw fail).
case_() {
    name=$1; strict=$2; shift 2
    mkdir -p "$t/ref"; rm -rf "$t/ref"/*
    run_ "$t/ref" "$@"
    if [ "$rc" -ne 0 ]; then bad "$name: status $rc without faults"; sed 's/^/  /' "$t/ref/err" >&2; return; fi
    n=0; runs=0
    while :; do
        if [ $runs -ge "$max" ]; then bad "$name: still failing after $runs runs (raise MAX)"; return; fi
        try "$name" "$n" "$@" || return
        runs=$((runs + 1))
        [ "$rc" -eq 0 ] && break                      # succeeds unchanged: done
        n=$((n + step))
    done
    last=$n
    if [ -z "${FAULT_NO_ONCE:-}" ]; then
        n=0
        while [ $n -lt $last ]; do
            try "$name" "$n:1" "$@" || return
            runs=$((runs + 1))
            n=$((n + step))
        done
    fi
    ok; echo "fault $name: $runs runs, normal output from N=$last" >&2
}

# try NAME SPEC ARGS...: one run with EL_FAIL_AFTER=SPEC; 1 (reported) on a fault.
try() {
    tname=$1; spec=$2; shift 2
    mkdir -p "$t/try"; rm -rf "$t/try"/*
    EL_FAIL_AFTER=$spec run_ "$t/try" "$@"
    why=""
    if [ "$rc" -eq 124 ]; then why="hang (timeout)"
    elif [ "$rc" -eq 99 ] || grep -q 'Sanitizer\|runtime error' "$t/try/err"; then why="sanitizer report"
    elif [ "$rc" -ge 128 ]; then why="crash (signal $((rc - 128)))"
    elif [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then why="status $rc"
    elif [ "$rc" -ne 0 ] && ! grep -Eq '^[^ ]+(:[0-9]+)?: .*out of memory' "$t/try/err"; then why="status 1 without an out-of-memory reason"
    elif grep -Evq '^[^ ]+(:[0-9]+)?: ' "$t/try/err"; then why="stderr line not FILE:LINE: reason"
    fi
    same=1
    for f in $(outputs "$t/ref"); do
        if [ ! -f "$t/try/$f" ]; then same=0; continue; fi
        cmp -s "$t/ref/$f" "$t/try/$f" && continue
        same=0
        [ -n "$why" ] && continue
        w=$(check_lines "$t/try/$f" "$t/ref/$f" "$strict" 2>&1) || why="$f: $w"
    done
    [ -z "$why" ] && [ "$rc" -eq 0 ] && [ $same -eq 0 ] && why="status 0 but the output differs"
    [ -z "$why" ] && return 0
    bad "$tname EL_FAIL_AFTER=$spec: $why"
    sed 's/^/  /' "$t/try/err" | head -12 >&2
    return 1
}

# run_ DIR ARGS...: run bin with ARGS ("@OUT" -> DIR/out), stdout to DIR/stdout.out.
run_() {
    dir=$1; shift
    set -- $(printf '%s\n' "$@" | sed "s|@OUT|$dir/run|")
    timeout 60 "$bin" "$@" >"$dir/stdout.out" 2>"$dir/err"; rc=$?
    if [ -d "$dir/run" ]; then
        for f in "$dir/run"/*; do [ -f "$f" ] && mv "$f" "$dir/"; done
        rm -rf "$dir/run"
    fi
}

case_ 1.articles 1 articles --meta data/sample/manifest.jsonl data/sample
case_ 2.articles_jsonl 1 articles --tokens data/sample/sample.jsonl
case_ 3.code 1 code data/sample
case_ 4.run 0 run --no-report --out @OUT data/sample
if [ -n "${FAULT_ALL:-}" ]; then                  # the other commands: about 40 s more
    case_ 5.actors 1 actors data/sample
    case_ 6.times 1 times data/sample
    case_ 7.quotes 0 quotes --link data/sample
    case_ 8.counts 0 counts --compare data/sample
    case_ 9.cluster 0 cluster data/sample
fi

echo "fault: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
