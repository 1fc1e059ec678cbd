#!/usr/bin/env python3
"""Score `eventline code` on PETRARCH's unit-test sentences (event root only).

  python3 eval/eval_petr.py [--bin build/eventline] [--show N]

Reads ../shared/data/petr_unit/records.jsonl (records with "codings":
[{"source","target","event"}]). The sentences use made-up toy actors, so only
the event code's root (first two digits) is scored: a record counts as right
when some coded event has the root of one of its codings. Records without
codings count as right when nothing is coded (no-event accuracy is reported
apart). Caution: the unit tests were written against PETRARCH's toy verb
dictionary, whose codes are often not CAMEO's ("restore diplomatic ties" is
064 there, "arrested" 212); a low score here does not mean a wrong CAMEO code.
Skips, saying so, when ../shared is absent.
"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coderun import code_events  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/eventline")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    path = os.path.join("..", "shared", "data", "petr_unit", "records.jsonl")
    if not os.path.exists(path):
        print("petr_unit: skipped: %s is absent" % path)
        return 0
    recs = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        if r.get("included", True) is False or r.get("error"):
            continue
        recs.append(r)
    inp = "".join(json.dumps({"id": r["id"] + "#%d" % i, "text": r["text"]}) + "\n" for i, r in enumerate(recs))
    evs = code_events(args.bin, inp)
    if evs is None:
        return 2
    n_ev = ok_ev = n_none = ok_none = 0
    misses = []
    for i, r in enumerate(recs):
        key = r["id"] + "#%d" % i
        got = {e["cameo"][:2] for e in evs.get(key, [])}
        want = {c["event"][:2] for c in r.get("codings") or [] if c.get("event")}
        if want:
            n_ev += 1
            hit = bool(got & want)
            ok_ev += hit
        else:
            n_none += 1
            hit = not got
            ok_none += hit
        if not hit:
            misses.append((r["id"], sorted(want), sorted(got), r["text"]))
    print("petr_unit: %d records (%d with codings, %d without)" % (len(recs), n_ev, n_none))
    print("  event root accuracy  %.3f (%d/%d)" % (ok_ev / max(n_ev, 1), ok_ev, n_ev))
    print("  no-event accuracy    %.3f (%d/%d)" % (ok_none / max(n_none, 1), ok_none, n_none))
    for rid, want, got, text in misses[: args.show]:
        print("- %s want %s got %s\n  %s" % (rid, want, got, text[:200]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
