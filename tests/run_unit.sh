#!/bin/sh
# run_unit.sh BUILD: run every cmocka test binary in BUILD/tests and print one
# closing line "N passed, N failed". Exits 1 if any test failed.
build=${1:-build}
pass=0; fail=0; failed=""
for t in "$build"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1); rc=$?
    p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
    if [ $rc -ne 0 ]; then
        [ -z "$f" ] && fail=$((fail + 1))
        failed="$failed $(basename "$t")"
        printf '%s\n' "$out" | grep -v '^\[ *\(RUN\|OK\) *\]' >&2
    fi
    printf '%-28s %s\n' "$(basename "$t")" "$(printf '%s\n' "$out" | grep -c '^\[       OK \]') ok" >&2
done
echo "unit: $pass passed, $fail failed"
[ -z "$failed" ] || { echo "failing:$failed" >&2; exit 1; }
