#!/bin/sh
# export_test.sh [EVENTLINE]: the store, search and export commands on the
# fixture run folder (tests/fixtures/run), as a user calls them: exit
# codes, JSON Lines out, GDELT column counts, CSV and PLOVER that parse,
# exports from the database equal to exports from the folder, and a
# second store that changes nothing. Closing line "export: N passed, N failed".
bin=${1:-build/eventline}
root=$(cd "$(dirname "$0")/.." && pwd)
fixture="$root/tests/fixtures/run"
pass=0; fail=0; n=0
t() {   # t NAME COMMAND...: a numbered case passes when COMMAND succeeds
    n=$((n + 1)); name=$1; shift
    if "$@" >/dev/null 2>&1; then pass=$((pass + 1)); echo "ok $n $name"
    else fail=$((fail + 1)); echo "FAIL $n $name"; fi
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$fixture"/*.jsonl "$tmp"/
db="$tmp/eventline.db"

t "store exits 0" "$bin" store --dir "$tmp"
t "database is SQLite with FTS5" python3 -c "
import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); assert c.execute('pragma user_version').fetchone()[0]>=2
assert c.execute(\"select count(*) from articles_fts where articles_fts match 'jeddah'\").fetchone()[0]==3" "$db"
sqlite3_dump() { python3 -c "
import sqlite3,sys; c=sqlite3.connect(sys.argv[1])
for (t,) in c.execute(\"select name from sqlite_master where type='table' and name not like 'articles_fts%' order by name\"):
    for r in c.execute(f'select * from {t} order by 1,2'): print(t, r)" "$1"; }
sqlite3_dump "$db" >"$tmp/d1"
t "store again exits 0" "$bin" store --dir "$tmp"
sqlite3_dump "$db" >"$tmp/d2"
t "store twice: same content" cmp -s "$tmp/d1" "$tmp/d2"

"$bin" search --db "$db" talks >"$tmp/s1"
t "search gives JSON Lines hits" python3 -c "
import json,sys; h=[json.loads(l) for l in open(sys.argv[1])]; assert len(h)==4
assert all(set(x)>={'id','title','date','outlet','score','snippet'} for x in h)
assert all('[talks]' in x['snippet'].lower() or '[talks]' in x['snippet'] or '[Talks]' in x['snippet'] for x in h)" "$tmp/s1"
t "search --outlet --from" sh -c "test \$('$bin' search --db '$db' talks --outlet 'harbor wire' --from 2024-05-07 | wc -l) -eq 1"
t "search --actor alias" sh -c "test \$('$bin' search --db '$db' talks --actor RSF | wc -l) -eq 3"
t "search --limit" sh -c "test \$('$bin' search --db '$db' talks --limit 2 | wc -l) -eq 2"
t "search without query: usage error 2" sh -c "'$bin' search --db '$db'; test \$? -eq 2"
t "search on a missing database: 1" sh -c "'$bin' search --db '$tmp/none.db' talks; test \$? -eq 1"
t "search leaves no database behind" test ! -e "$tmp/none.db"

for f in gdelt gdelt-mentions plover csv; do
    "$bin" export --format $f --dir "$tmp" >"$tmp/$f.dir"
    "$bin" export --format $f --db "$db" >"$tmp/$f.db"
    t "export $f: folder and database agree" cmp -s "$tmp/$f.dir" "$tmp/$f.db"
done
t "gdelt: 61 columns, one row per event" python3 -c "
import sys; r=[l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
assert len(r)==7 and all(len(x)==61 for x in r); assert r[0][26]=='046' and r[0][27]=='046' and r[0][28]=='04'
assert r[0][1]=='20240506' and r[0][5]=='SDNMIL' and r[0][7]=='SDN' and r[0][12]=='MIL'" "$tmp/gdelt.dir"
t "gdelt-mentions: 16 columns, one row per mention" python3 -c "
import sys; r=[l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
assert len(r)==10 and all(len(x)==16 for x in r) and r[0][6]=='1'" "$tmp/gdelt-mentions.dir"
t "plover: JSON records with PLOVER fields" python3 -c "
import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]
assert len(r)==7 and all({'id','date','source','target','event','mode','context','text','textInfo'}<=set(x) for x in r)
assert '(EVT: met)' in r[0]['textInfo']['markup'] and r[0]['source'][0]['code']=='SDNMIL'" "$tmp/plover.dir"
t "csv: parses, header plus one row per event" python3 -c "
import csv,sys; r=list(csv.reader(open(sys.argv[1], newline='')))
assert r[0][0]=='id' and len(r)==8 and len({len(x) for x in r})==1" "$tmp/csv.dir"
t "export without --format: usage error 2" sh -c "'$bin' export --dir '$tmp'; test \$? -eq 2"
t "export unknown format: usage error 2" sh -c "'$bin' export --format xml --dir '$tmp'; test \$? -eq 2"
printf '{"id": "9", "event": "AGREE", "mentions": []}\n{"truncated": \n' >>"$tmp/events.jsonl"
t "export with a bad line: exit 1, rest written" sh -c "'$bin' export --format csv --dir '$tmp' >'$tmp/bad.csv' 2>'$tmp/bad.err'; test \$? -eq 1 && test \$(wc -l <'$tmp/bad.csv') -eq 9 && grep -q 'events.jsonl:9:' '$tmp/bad.err'"
echo "export: $pass passed, $fail failed"
[ $fail -eq 0 ]
