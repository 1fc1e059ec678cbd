#!/bin/sh
# cli.sh BIN: the command-line contract and bad input, case by numbered case.
# Each case runs BIN on input made here and checks the exit status, the
# FILE:LINE message on stderr and what still reached stdout. Prints
# "cli: N passed, N failed".
bin=${1:-build/eventline}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0; fail=0
ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL cli $1" >&2; }
# expect NAME STATUS STDOUT_LINES STDERR_REGEX -- ARGS...
expect() {
    name=$1 want=$2 lines=$3 pat=$4; shift 5
    "$bin" "$@" >"$t/out" 2>"$t/err"; rc=$?
    n=$(wc -l <"$t/out" | tr -d ' ')
    if [ "$rc" -ne "$want" ]; then bad "$name: status $rc, want $want"; sed 's/^/  /' "$t/err" >&2; return; fi
    if [ "$lines" != "-" ] && [ "$n" -ne "$lines" ]; then bad "$name: $n output lines, want $lines"; return; fi
    if [ -n "$pat" ] && ! grep -Eq "$pat" "$t/err"; then bad "$name: stderr lacks /$pat/"; sed 's/^/  /' "$t/err" >&2; return; fi
    ok
}

good="$t/good.txt"
printf 'Talks resumed in Cairo on Sunday, officials said.\n' >"$good"

# 1. usage
expect 1.1 2 0 'unknown command' -- nosuch
expect 1.2 2 0 'no input' -- articles
expect 1.3 2 0 'unknown option' -- articles --bogus "$good"
expect 1.4 0 - '' -- articles --help
expect 1.5 2 0 'needs a value' -- articles "$good" --meta
expect 1.6 0 - '' -- --help

# 2. files that are not articles: rejected with FILE:LINE, the rest goes on
: >"$t/empty.txt"
expect 2.1 1 1 'empty.txt:?[0-9]*:? ?empty file' -- articles "$t/empty.txt" "$good"
head -c 3000 /dev/urandom | tr -d '\n' >"$t/bin.txt"; printf '\000\001\002\003' >>"$t/bin.txt"
printf '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' >"$t/zero.txt"
expect 2.2 1 1 'zero.txt:1: binary' -- articles "$t/zero.txt" "$good"
expect 2.3 1 1 'missing.txt: cannot read' -- articles "$t/missing.txt" "$good"
printf '   \n\n  \n' >"$t/blank.txt"
expect 2.4 1 1 'blank.txt:1: no article text' -- articles "$t/blank.txt" "$good"

# 3. text that is repaired and read (warning, exit 0)
printf 'Talks \377\376 resumed in Cairo.\nThey went \303( on.\n' >"$t/badutf.txt"
expect 3.1 0 1 'badutf.txt:1: invalid UTF-8 at byte 6' -- articles "$t/badutf.txt"
grep -q 'Talks \\ufffd\|Talks �' "$t/out" && ok || bad "3.1b: U+FFFD in body"
printf 'Talks resumed\000 in Cairo.\n' >"$t/nul.txt"
expect 3.2 0 1 'nul.txt:1: NUL byte' -- articles "$t/nul.txt"
grep -q '"body":"Talks resumed in Cairo."' "$t/out" && ok || bad "3.2b: NUL dropped from body"

# 4. JSON Lines: a bad line is rejected with its line number, the others read
cat >"$t/a.jsonl" <<'J'
{"id":"a1","title":"One","body":"Talks resumed in Cairo on Sunday.","date":"2024-03-31"}

{"id":"a2","text":"Second article text here.","outlet":"Wire"
not json at all
{"id":"a3","title":"No body"}
{"id":"a4","text":"Fourth article.","translated":true,"date":"31 March"}
["an","array"]
J
expect 4.1 1 2 'a.jsonl:3: malformed JSON' -- articles "$t/a.jsonl"
grep -q 'a.jsonl:4: malformed JSON' "$t/err" && ok || bad "4.2: line 4 reported"
grep -q 'a.jsonl:5: no "text" or "body"' "$t/err" && ok || bad "4.3: line 5 reported"
grep -q 'a.jsonl:6: date .31 March. is not YYYY-MM-DD' "$t/err" && ok || bad "4.4: bad date warned"
grep -q 'a.jsonl:7: malformed JSON (not an object)' "$t/err" && ok || bad "4.5: array rejected"
grep -q '"id":"a1".*"date":"2024-03-31","date_source":"header"' "$t/out" && ok || bad "4.6: record date used"
printf '{"id":"t1","text":"Truncated article' >"$t/trunc.jsonl"
expect 4.7 1 0 'trunc.jsonl:1: malformed JSON' -- articles "$t/trunc.jsonl"
# The record reader keeps top-level members only, the last of a repeated
# one, numbers as ids, and refuses what jansson refused: \u0000, a second
# value on the line, a scalar.
cat >"$t/edge.jsonl" <<'J'
{"id":7,"meta":{"title":"nested","text":"not this"},"text":"First text.","text":"Talks resumed in Cairo."}
{"id":"n1","text":"Null \u0000 inside."}
{"id":"x1","text":"One value."} {"id":"x2"}
42
{"id":"big","text":"Big id.","title":123456789012345678901234567890}
{"id":"nt","text":["not","a","string"],"body":"The body wins when text is not a string."}
J
expect 4.8 1 2 'edge.jsonl:2: malformed JSON' -- articles "$t/edge.jsonl"
grep -q '^{"id":"7",.*"body":"Talks resumed in Cairo."' "$t/out" && ok || bad "4.9: integer id, nested skipped, last member kept"
grep -q 'edge.jsonl:3: malformed JSON' "$t/err" && ok || bad "4.10: second value on a line refused"
grep -q 'edge.jsonl:4: malformed JSON (not an object)' "$t/err" && ok || bad "4.11: scalar refused"
grep -q 'edge.jsonl:5: malformed JSON' "$t/err" && ok || bad "4.12: integer too big refused"
grep -q '"id":"nt",.*"body":"The body wins' "$t/out" && ok || bad "4.13: body when text is not a string"
# Each line is read on its own: a line cut short must not run into the next.
printf '{"id":"a","text":"Cut\n{"id":"b","text":"Good."}\n42\n{"id":"c","text":"Good too."}\n' >"$t/cut.jsonl"
expect 4.14 1 2 'cut.jsonl:1: malformed JSON \(the line ends inside the object\)' -- articles "$t/cut.jsonl"
grep -q 'cut.jsonl:3: malformed JSON (not an object)' "$t/err" && grep -q '"id":"c"' "$t/out" && ok ||
    bad "4.15: a scalar line, then the next read"

# 5. manifests: matched on file or id; bad lines rejected, the rest applies;
#    a manifest that cannot be opened is a usage error
printf ' date 2024-02-14 Officials met in Cairo.\n' >"$t/m1.txt"
cat >"$t/meta.jsonl" <<'J'
{"file":"m1.txt","id":"M1","date":"2024-02-15","outlet":"Wire","translated":true}
{broken
{"id":"a1","outlet":"Other"}
J
expect 5.1 1 3 'meta.jsonl:2: malformed manifest' -- articles --meta "$t/meta.jsonl" "$t/m1.txt" "$t/a.jsonl"
grep -q '"id":"M1".*"date":"2024-02-15","date_source":"meta","date_evidence":"manifest [^"]*differs"' "$t/out" && ok || bad "5.2: manifest wins, header kept as evidence"
grep -q '"id":"a1".*"outlet":"Other"' "$t/out" && ok || bad "5.3: matched on id"
expect 5.4 2 0 'nometa.jsonl: cannot open' -- articles --meta "$t/nometa.jsonl" "$good"

# 6. folders: walked in name order, non-article files skipped
mkdir -p "$t/dir/sub"
printf 'Second one in the folder.\n' >"$t/dir/b.txt"
printf 'First one in the folder.\n' >"$t/dir/a.txt"
printf 'Nested one.\n' >"$t/dir/sub/c.txt"
printf '# notes\n' >"$t/dir/README.md"
printf '{"file":"a.txt"}\n' >"$t/dir/manifest.jsonl"
expect 6.1 0 3 '' -- articles "$t/dir"
[ "$(grep -o '"id":"[a-z]*"' "$t/out" | tr '\n' ' ')" = '"id":"a" "id":"b" "id":"c" ' ] && ok || bad "6.2: name order"

# 7. the same input twice gives byte-identical output
"$bin" articles "$t/dir" "$t/a.jsonl" >"$t/o1" 2>/dev/null
"$bin" articles "$t/dir" "$t/a.jsonl" >"$t/o2" 2>/dev/null
cmp -s "$t/o1" "$t/o2" && ok || bad "7.1: deterministic output"

# 8. a 100 MB article: read whole, memory linear (no quadratic step)
if [ "${EL_SKIP_BIG:-0}" = 1 ]; then
    echo "cli 8: skipped (EL_SKIP_BIG=1)"
else
    awk 'BEGIN { s = "Negotiators met in Cairo on Tuesday and agreed to meet again, officials said. ";
                 for (i = 0; i < 14; i++) s = s s;
                 for (j = 0; j < 80; j++) { print s; print "" } }' >"$t/big.txt"
    "$bin" articles --stats "$t/big.txt" >"$t/out" 2>"$t/err"; rc=$?
    kb=$(sed -n 's/.*peak_rss_kb=\([0-9]*\).*/\1/p' "$t/err")
    mb=$(( $(wc -c <"$t/big.txt") / 1000000 ))
    # The budget: a few copies of the text (read, repaired, cleaned, written
    # out) and 32 bytes a token (offsets, lemma and its hash, flags,
    # paragraph), about 5 tokens a 32-byte stretch of this text: under 15x
    # the input, ASan's own overhead included. A quadratic step would not be.
    if [ "$rc" -eq 0 ] && [ -n "$kb" ] && [ "$kb" -lt $((mb * 1000 * 15)) ]; then ok
    else bad "8.1: ${mb} MB article: status $rc, peak ${kb} kB"; fi
fi

# 9. faults found by fuzzing and fault injection (tests/fuzz, tests/fault.sh)
valid_json() { python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1], "rb")]' "$1" 2>/dev/null; }
mkdir -p "$t/names"
printf 'Talks resumed in Cairo.\n' >"$t/names/$(printf 'a\261b.txt')"
expect 9.1 0 1 '' -- articles "$t/names"
valid_json "$t/out" && grep -q '"id":"a\\ufffdb\|"id":"a�b"' "$t/out" && ok || bad "9.1b: a file name that is not UTF-8 prints as valid JSON"
# 9.2 out of memory (EL_FAIL_AFTER=0: the arena heap refuses every chunk) is
# status 1 with a reason, not 2 (usage) or a silent 1; fault.sh does every N.
export EL_FAIL_AFTER=0
expect 9.2a 1 0 '^eventline: out of memory opening the engine' -- articles "$good"
expect 9.2b 1 0 '^eventline: out of memory' -- code "$good"
expect 9.2c 1 0 '^eventline: out of memory' -- quotes --link "$good"
expect 9.2d 1 0 '^eventline: out of memory' -- cluster "$good"
unset EL_FAIL_AFTER

# 9.3 quotes on a long article: linear, not quadratic (each quote's speaker
# was looked up by scanning every mention). CPU seconds of 8x the text must
# stay under 12x those of 1x (quadratic was over 30x).
if [ "${EL_SKIP_BIG:-0}" = 1 ]; then
    echo "cli 9.3: skipped (EL_SKIP_BIG=1)"
else
    for i in $(seq 1 50); do cat data/sample/s0*.txt; done >"$t/q1.txt"       # 0.7 MB
    for i in 1 2 3 4 5 6 7 8; do cat "$t/q1.txt"; done >"$t/q8.txt"
    cpu() { python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime)' "$@"; }
    c1=$(cpu "$bin" quotes "$t/q1.txt"); c8=$(cpu "$bin" quotes "$t/q8.txt")
    python3 -c "import sys; sys.exit(0 if $c8 < 12 * max($c1, 0.05) else 1)" && ok || bad "9.3: quotes took ${c8}s on 8x the text, ${c1}s on 1x"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
