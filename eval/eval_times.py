#!/usr/bin/env python3
"""eval_times.py: score `eventline times` on the seed articles against the gold.

In:  ../shared/seeds (articles + manifest.jsonl) and ../shared/gold/seeds.json
     ("times": article, text, occurrence or context, accepted values).
Out: found-and-right / found-wrong / missed for eventline, each miss listed
     with why, and the same numbers for the baseline a user would otherwise
     reach for: Debian's python3-dateparser (search_dates, publication date
     as RELATIVE_BASE, PREFER_DATES_FROM past).
A gold time is "found" when a predicted expression overlaps its span in the
body; "right" when eventline's value is one of the accepted values exactly.
dateparser only returns datetimes, so it is scored leniently: right when its
day falls inside any accepted value's period (a week, a month, a range).
Skips, saying so, when ../shared is absent. Python 3 standard library only
(dateparser optional). EL_EXE overrides the binary (default build/eventline).
Exit status 0 when at least 33 of the gold times are right, else 1.
"""
import datetime as dt
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
SEEDS = os.path.join(SHARED, "seeds")
MANIFEST = os.path.join(SEEDS, "manifest.jsonl")
GOLD = os.path.join(SHARED, "gold", "seeds.json")
EXE = os.environ.get('EL_EXE') or os.path.join(ROOT, 'build', 'eventline')


def run_jsonl(args):
    out = subprocess.run([EXE] + args, capture_output=True, check=False).stdout
    return [json.loads(l) for l in out.decode("utf-8").splitlines() if l.strip()]


def gold_span(body, g):
    """Byte span [s, e) of a gold time in body (bytes), or None."""
    text = g["text"].encode("utf-8")
    if g.get("context"):
        ctx = g["context"].encode("utf-8")
        c = body.find(ctx)
        if c < 0:
            return None
        t = ctx.find(text)
        return None if t < 0 else (c + t, c + t + len(text))
    pos = -1
    for _ in range(g.get("occurrence", 1)):
        pos = body.find(text, pos + 1)
        if pos < 0:
            return None
    return (pos, pos + len(text))


def best_overlap(span, preds):
    """The prediction (start, end, value) overlapping span the most, or None."""
    best, best_ov = None, 0
    for p in preds:
        ov = min(span[1], p[1]) - max(span[0], p[0])
        if ov > best_ov:
            best, best_ov = p, ov
    return best


def period(value):
    """Calendar days (first, last) an accepted TIMEX value covers, or None."""
    if "/" in value:
        a, b = value.split("/")
        pa, pb = period(a), period(b)
        return (pa[0], pb[1]) if pa and pb else None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        d = dt.date(*map(int, m.groups()))
        return (d, d)
    m = re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value)
    if m:
        mon = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return (mon + dt.timedelta(days=5), mon + dt.timedelta(days=6)) if m.group(3) else \
            (mon, mon + dt.timedelta(days=6))
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
        return (dt.date(y, mo, 1), nxt - dt.timedelta(days=1))
    m = re.fullmatch(r"(\d{4})", value)
    if m:
        return (dt.date(int(value), 1, 1), dt.date(int(value), 12, 31))
    return None                                  # durations, sets


def score(name, gold, bodies, preds, right_fn):
    ok, wrong, missed = [], [], []
    for g in gold:
        body = bodies.get(g["article"])
        span = gold_span(body, g) if body is not None else None
        label = "%s %r%s" % (g["article"], g["text"],
                             " (%s)" % g["context"] if g.get("context") else "")
        if span is None:
            missed.append((label, "gold text not found in the body eventline kept"))
            continue
        p = best_overlap(span, preds.get(g["article"], []))
        if p is None:
            missed.append((label, "no expression found at bytes %d-%d" % span))
        elif right_fn(p[2], g["value"]):
            ok.append(label)
        else:
            wrong.append((label, "%r -> %s, accepted %s" % (p[3], p[2], "|".join(g["value"]))))
    print("%-12s found-and-right %2d / %d   found-wrong %2d   missed %2d" %
          (name, len(ok), len(gold), len(wrong), len(missed)))
    return ok, wrong, missed


def dateparser_search(items):
    """[(article, text, pub "YYYY-MM-DD")] -> {article: [(substring, "YYYY-MM-DD")]}."""
    from dateparser.search import search_dates
    res = {}
    for art, text, pub in items:
        base = dt.datetime.combine(dt.date.fromisoformat(pub), dt.time(12)) if pub else dt.datetime.now()
        found = search_dates(text, languages=["en"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        res[art] = [(sub, when.date().isoformat()) for sub, when in found]
    return res


def dateparser_preds(bodies, pubs):
    """Baseline predictions as byte spans, or None when dateparser is missing.
    Debian's package sits in /usr/lib/python3/dist-packages, which a pyenv or
    venv python3 does not see: then /usr/bin/python3 runs the search."""
    items = [(a, b.decode("utf-8"), pubs[a].isoformat() if pubs.get(a) else None)
             for a, b in bodies.items()]
    try:
        import dateparser  # noqa: F401
        found = dateparser_search(items)
    except ImportError:
        sysp = "/usr/bin/python3"
        if not os.access(sysp, os.X_OK) or os.path.realpath(sysp) == os.path.realpath(sys.executable):
            return None
        r = subprocess.run([sysp, os.path.abspath(__file__), "--dateparser-worker"],
                           input=json.dumps(items).encode(), capture_output=True, check=False)
        if r.returncode != 0:
            return None
        found = json.loads(r.stdout)
    preds = {}
    for art, body in bodies.items():
        out, pos = [], 0
        for sub, day in found.get(art, []):   # substrings come in text order; find their bytes
            b = sub.encode("utf-8")
            at = body.find(b, pos)
            if at < 0:
                at = body.find(b)
            if at < 0:
                continue
            pos = at + len(b)
            out.append((at, at + len(b), day, sub))
        preds[art] = out
    return preds


def main():
    if not os.path.isdir(SEEDS) or not os.path.exists(GOLD):
        print("eval_times: skipped: %s not found (the shared seeds and gold are absent)" % SHARED)
        return 0
    if not os.access(EXE, os.X_OK):
        print("eval_times: %s missing; run make first" % EXE, file=sys.stderr)
        return 2
    gold = json.load(open(GOLD, encoding="utf-8"))["times"]
    arts = run_jsonl(["articles", "--meta", MANIFEST, SEEDS])
    bodies = {a["id"]: a["body"].encode("utf-8") for a in arts}
    pubs = {a["id"]: dt.date.fromisoformat(a["date"]) if a.get("date") else None for a in arts}
    ours = {}
    for t in run_jsonl(["times", "--meta", MANIFEST, SEEDS]):
        ours.setdefault(t["article"], []).append((t["start"], t["end"], t["value"], t["text"]))

    print("gold: %d times in %d articles" % (len(gold), len({g['article'] for g in gold})))
    ok, wrong, missed = score("eventline", gold, bodies, ours,
                              lambda v, acc: v is not None and v in acc)
    for label, why in wrong:
        print("  wrong   %s: %s" % (label, why))
    for label, why in missed:
        print("  missed  %s: %s" % (label, why))

    dp = dateparser_preds(bodies, pubs)
    if dp is None:
        print("dateparser   skipped: python3-dateparser not installed "
              "(apt-get install -y python3-dateparser)")
    else:
        def inside(v, acc):
            d = dt.date.fromisoformat(v)
            return any(p and p[0] <= d <= p[1] for p in map(period, acc))
        _, dwrong, dmissed = score("dateparser", gold, bodies, dp, inside)
        if "-v" in sys.argv:
            for label, why in dwrong:
                print("  wrong   %s: %s" % (label, why))
            for label, why in dmissed:
                print("  missed  %s: %s" % (label, why))
    return 0 if len(ok) >= 33 else 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--dateparser-worker"]:
        json.dump(dateparser_search(json.load(sys.stdin)), sys.stdout)
        sys.exit(0)
    sys.exit(main())
