#!/usr/bin/env python3
"""Score `eventline code` on the PLOVER gold-standard records.

  python3 eval/eval_plover.py [--split dev] [--show N] [--bin build/eventline]

Per record: does some coded event have the gold PLOVER category; do source and
target match the gold codes on their first three letters; does one event have
all three right. The gold records use older PLOVER names, mapped as the PLOVER
manual does (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
ASSAULT). A gold record without a target is matched by any target.
Skips, saying so, when ../shared is absent.
"""
import argparse, collections, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from coderun import code_events  # noqa: E402

OLD = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
       "COOPERATION": "COOPERATE"}


def codes(x):
    if not x:
        return []
    if isinstance(x, dict):
        x = [x]
    return [a.get("code", "") for a in x if a.get("code")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--bin", default="build/eventline")
    ap.add_argument("--show", type=int, default=0, help="print N misses")
    args = ap.parse_args()
    path = os.path.join("..", "shared", "data", "plover_gsr", args.split + ".jsonl")
    if not os.path.exists(path):
        print("plover: skipped: %s is absent" % path)
        return 0
    recs = [json.loads(l) for l in open(path, encoding="utf-8")]
    inp = "".join(json.dumps({"id": r["id"], "text": r["text"], "date": r.get("date")}) + "\n" for r in recs)
    evs = code_events(args.bin, inp)
    if evs is None:
        return 2
    n = len(recs)
    cat = src = tgt = full = none = 0
    per = collections.Counter()
    per_ok = collections.Counter()
    misses = []
    for r in recs:
        gold = OLD.get(r["event"], r["event"])
        gs = {c[:3] for c in codes(r.get("source"))}
        gt = {c[:3] for c in codes(r.get("target"))}
        es = evs.get(r["id"], [])
        per[gold] += 1
        if not es:
            none += 1
        c_ok = any(e["event"] == gold for e in es)

        def s_ok(e):
            return any((a.get("code") or "")[:3] in gs for a in e["source"]) if gs else True

        def t_ok(e):
            return any((a.get("code") or "")[:3] in gt for a in e["target"]) if gt else True

        cat += c_ok
        per_ok[gold] += c_ok
        src += any(s_ok(e) for e in es)
        tgt += any(t_ok(e) for e in es)
        f_ok = any(e["event"] == gold and s_ok(e) and t_ok(e) for e in es)
        full += f_ok
        if not f_ok:
            misses.append((r, gold, gs, gt, es))
    print("plover %s: %d records" % (args.split, n))
    print("  category accuracy  %.3f (%d)" % (cat / n, cat))
    print("  source right       %.3f" % (src / n))
    print("  target right       %.3f" % (tgt / n))
    print("  all three right    %.3f (%d)" % (full / n, full))
    print("  no event coded     %.3f (%d)" % (none / n, none))
    print("  per category: " + ", ".join("%s %d/%d" % (k, per_ok[k], per[k]) for k in sorted(per)))
    for r, gold, gs, gt, es in misses[: args.show]:
        print("\n- %s gold %s %s -> %s\n  %s" % (r["id"], gold, sorted(gs), sorted(gt), r["text"]))
        for e in es:
            print("  got %s %s %s -> %s (%s) %s" % (e["event"], e["cameo"], [a["code"] for a in e["source"]],
                                                 [a["code"] for a in e["target"]], e["modality"], e.get("pattern")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
