#!/bin/sh
# report_test.sh [EVENTLINE]: report.html in a real browser (headless
# Chromium). Builds the report of tests/fixtures/run, opens it through
# tests/report/check.html (sort, filter, counts; see there) and checks the
# expected counts, computed here from the fixture. Also: same bytes twice,
# nothing from article text left unescaped. Saves build/report.png.
# Skips, saying so, when chromium is absent and cannot be installed.
# Closing line: "report: N passed, N failed".
bin=${1:-build/eventline}
root=$(cd "$(dirname "$0")/.." && pwd)
fixture="$root/tests/fixtures/run"
pass=0; fail=0
ok()   { pass=$((pass + 1)); echo "ok $*"; }
bad()  { fail=$((fail + 1)); echo "FAIL $*"; }

browser=$(command -v chromium || command -v chromium-browser)
if [ -z "$browser" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "report: chromium missing; trying apt-get install chromium" >&2
    DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq chromium >/dev/null 2>&1 ||
        { timeout 300 apt-get update -qq >/dev/null 2>&1 &&
          DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq chromium >/dev/null 2>&1; }
    browser=$(command -v chromium)
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$fixture"/*.jsonl "$fixture"/mentions.tsv "$tmp"/

# 1-3: the report without a browser.
if "$bin" report --dir "$tmp" 2>"$tmp/err"; then ok "1 eventline report exits 0"; else bad "1 eventline report: $(cat "$tmp/err")"; fi
cp "$tmp/report.html" "$tmp/first.html"
"$bin" report --dir "$tmp" 2>/dev/null
if cmp -s "$tmp/report.html" "$tmp/first.html"; then ok "2 same bytes twice"; else bad "2 report differs between two runs"; fi
if grep -q "<script>alert" "$tmp/report.html" || grep -q "<img src=x" "$tmp/report.html"; then
    bad "3 article text reached the page unescaped"
else
    ok "3 article text escaped"
fi

if [ -z "$browser" ]; then
    echo "report: skipped the browser checks: chromium is not installed and could not be installed"
    echo "report: $pass passed, $fail failed"
    [ $fail -eq 0 ]; exit
fi

# What the fixture says a reader should see.
query=$(python3 - "$fixture" <<'PY'
import json, re, sys
d = sys.argv[1]
rows = lambda f: [json.loads(l) for l in open(f"{d}/{f}") if l.strip()]
ev, st, ar, co, qu = rows("events.jsonl"), rows("stories.jsonl"), rows("articles.jsonl"), rows("counts.jsonl"), rows("quotes.jsonl")
dated = [e for e in ev if e["date"] and re.match(r"^\d{4}(-\d\d(-\d\d)?|-W\d\d(-WE)?)?", e["date"])]
cat = "CONSULT"
groups = {}
for c in co:
    groups.setdefault((c["kind"], (c["subject"] or "").lower()), set()).add(c["article"])
text = "el fasher"
q = dict(dated=len(dated), undated=len(ev) - len(dated), events=len(ev),
         lanes=len({e["event"] for e in dated}), cat=cat,
         cat_n=sum(e["event"] == cat for e in ev),
         cat_planned_n=sum(e["event"] == cat and e["modality"] == "planned" for e in ev),
         text=text, text_n=sum(text in json.dumps([e["location"], e["source"], e["target"]]).lower() for e in ev),
         most_articles=max(ev, key=lambda e: (e["num_articles"], -ev.index(e)))["id"],
         first_id=min(int(e["id"]) for e in ev), last_id=max(int(e["id"]) for e in ev),
         threads=sum(s["level"] == "thread" for s in st), episodes=sum(s["level"] == "episode" for s in st),
         articles=len(ar), debris=sum(1 for a in ar if a["removed"]),
         comparisons=sum(len(a) > 1 for a in groups.values()), quotes=len(qu))
print("&".join(f"{k}={str(v).replace(' ', '%20')}" for k, v in q.items()))
PY
)
cp "$root/tests/report/check.html" "$tmp/check.html"
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
--disable-component-update --disable-sync --hide-scrollbars"
profile=$(mktemp -d)
timeout 120 "$browser" $flags --user-data-dir="$profile" --allow-file-access-from-files \
    --virtual-time-budget=5000 --dump-dom "file://$tmp/check.html?$query" >"$tmp/dom.html" 2>"$tmp/chromium.err"
rm -rf "$profile"
result=$(sed -n '/<pre id="result">/,/<\/pre>/p' "$tmp/dom.html" | sed 's/<[^>]*>//g; s/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')
if [ -z "$result" ] || [ "$result" = "not run" ]; then
    bad "4 the browser ran no check (see chromium's errors below)"
    tail -5 "$tmp/chromium.err"
else
    n=4
    printf '%s\n' "$result" | grep -v '^$' >"$tmp/result.txt"
    while IFS= read -r line; do
        case "$line" in
            ok\ *) ok "$n ${line#ok }";;
            *) bad "$n ${line#FAIL }";;
        esac
        n=$((n + 1))
    done <"$tmp/result.txt"
fi

# The screenshot for the notes.
mkdir -p "$root/build"
profile=$(mktemp -d)
timeout 120 "$browser" $flags --user-data-dir="$profile" --window-size=1280,2400 \
    --screenshot="$root/build/report.png" "file://$tmp/report.html" >/dev/null 2>&1
rm -rf "$profile"
if [ -s "$root/build/report.png" ]; then ok "$n screenshot saved to build/report.png"; else bad "$n no screenshot"; fi
echo "report: $pass passed, $fail failed"
[ $fail -eq 0 ]
