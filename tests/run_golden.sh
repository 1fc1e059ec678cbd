#!/bin/sh
# run_golden.sh BUILD [--update]: golden cases. Each tests/golden/NN_name.args
# holds the arguments of one eventline run (from the repository root); its
# stdout must equal NN_name.expect byte for byte and its status the number in
# NN_name.status (0 when absent). --update rewrites the .expect files: review
# the diff before committing. Prints "golden: N passed, N failed".
build=${1:-build}
bin="$build/eventline"
pass=0; fail=0
for a in tests/golden/*.args; do
    [ -f "$a" ] || continue
    base=${a%.args}
    want=0; [ -f "$base.status" ] && want=$(cat "$base.status")
    out=$(mktemp)
    # shellcheck disable=SC2046
    "$bin" $(cat "$a") >"$out" 2>/dev/null; rc=$?
    if [ "$2" = "--update" ]; then cp "$out" "$base.expect"; fi
    if [ "$rc" -eq "$want" ] && cmp -s "$out" "$base.expect"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL golden $(basename "$base"): status $rc (want $want)" >&2
        diff "$base.expect" "$out" | head -20 >&2
    fi
    rm -f "$out"
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
