#!/bin/sh
# run_all.sh BUILD: every test layer, one closing line "tests: N passed, N
# failed, N skipped". Layers: cmocka unit tests, the CLI and bad-input cases,
# golden outputs, and the acceptance checks against the bundled sample and,
# when ../shared is there, the seeds gold.
build=${1:-build}
bin="$build/eventline"
total_p=0; total_f=0; skipped=0; status=0
tally() {   # tally OUTPUT: add the "name: N passed, N failed" line of OUTPUT
    line=$(printf '%s\n' "$1" | grep -E '^[a-z_-]+: [0-9]+ passed, [0-9]+ failed' | tail -1)
    p=$(printf '%s' "$line" | sed -n 's/.*: \([0-9]*\) passed.*/\1/p')
    f=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) failed.*/\1/p')
    total_p=$((total_p + ${p:-0})); total_f=$((total_f + ${f:-0}))
    [ -n "$line" ] && echo "$line"
}
layer() {   # layer CMD...: run one layer, tally it, remember failure
    out=$("$@" 2>&1); rc=$?
    printf '%s\n' "$out" | grep -E '^(FAIL|  )|skipped' 
    tally "$out"
    if [ $rc -ne 0 ]; then
        status=1
        printf '%s\n' "$out" | grep -qE 'passed, [0-9]+ failed' || { total_f=$((total_f + 1)); echo "layer failed: $*"; }
    fi
    case "$out" in *"skipped: ../shared is absent"*) skipped=$((skipped + 1));; esac
}
layer sh tests/run_unit.sh "$build"
layer sh tests/cli.sh "$bin"
layer sh tests/run_golden.sh "$build"
layer python3 tests/accept/articles.py sample "$bin"
layer python3 tests/accept/articles.py seeds "$bin"
layer python3 tests/accept/actors.py "$bin"
layer python3 tests/accept/cluster.py "$bin"
layer python3 tests/accept/counts.py "$bin"
layer python3 tests/accept/events_seeds.py "$bin"
layer python3 tests/accept/run_seeds.py "$bin"
layer python3 tests/run_props.py "$bin"
layer sh tests/export_test.sh "$bin"
layer sh tests/report_test.sh "$bin"
for s in tests/accept/*.sh; do [ -f "$s" ] && layer sh "$s" "$bin"; done
echo "tests: $total_p passed, $total_f failed, $skipped skipped"
exit $status
