#!/usr/bin/env python3
"""Acceptance for the event coder on the seeds (per article, before linking).

  events_seeds.py BIN

Runs `BIN code --meta manifest seeds/` (every article through all stages) and
checks each gold event of ../shared/gold/seeds.json: coded in one of its
articles with the right category, source (and target where the gold has one)
of the right root, the right date where the gold gives one, the modality
where the gold asks one, two participants where the gold lists them; and the
events_must_not rules. Required events count as checks; optional ones are
reported. Last line: "events: N passed, N failed". Skips without ../shared.
"""
import json, os, subprocess, sys

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def roots(args):
    return [(a.get("code") or "") for a in args]


def has(codes, wanted):
    """Any code of codes matches a gold root: country prefix, or HMS anywhere."""
    for c in codes:
        for w in wanted:
            if (w == "HMS" and "HMS" in c) or c[:3] == w:
                return True
    return False


def matches(e, g, why):
    cats = g["event"]
    mods = None
    if e["event"] not in cats:
        alt = g.get("also_accepted")
        if alt and e["event"] in alt["event"]:
            mods = alt["modality"]
        else:
            return False
    if mods and e["modality"] not in mods:
        return False
    if "modality" in g and e["modality"] not in g["modality"]:
        why.append("modality %s" % e["modality"])
        return False
    src, tgt = roots(e["source"]), roots(e["target"])
    if "source_any" in g and not has(src, g["source_any"]):
        why.append("source %s" % src)
        return False
    if "target_any" in g and not has(tgt, g["target_any"]):
        why.append("target %s" % tgt)
        return False
    if "participants_any_two_of" in g:
        parts = {c[:3] if "HMS" not in c else "HMS" for c in src + tgt if c}
        if len(parts & set(g["participants_any_two_of"])) < 2:
            why.append("participants %s" % sorted(parts))
            return False
    if "date" in g and e["date"] not in g["date"]:
        why.append("date %s" % e["date"])
        return False
    return True


def main():
    binary = sys.argv[1]
    sd = os.path.join("..", "shared", "seeds")
    gold_path = os.path.join("..", "shared", "gold", "seeds.json")
    if not os.path.exists(gold_path):
        print("events: skipped: ../shared is absent")
        print("events: 0 passed, 0 failed")
        return 0
    gold = json.load(open(gold_path, encoding="utf-8"))
    p = subprocess.run([binary, "code", "--meta", os.path.join(sd, "manifest.jsonl"), sd],
                       capture_output=True, text=True)
    check(p.returncode == 0, "code on seeds exits 0 (%d: %s)" % (p.returncode, p.stderr.strip()[:200]))
    evs = [json.loads(l) for l in p.stdout.splitlines()]
    for g in gold["events"]:
        cands = [e for e in evs if e["input"] in g["reported_in"]]
        why = []
        ok = any(matches(e, g, why) for e in cands)
        if g.get("required"):
            check(ok, "%s %s: %s" % (g["key"], g["what"], "; ".join(sorted(set(why)))[:300]))
        else:
            print("optional %s: %s" % (g["key"], "found" if ok else "not found"))
    # events_must_not
    media = {m.lower() for m in gold.get("media_not_actors", [])}
    bad = [e for e in evs for a in e["source"] + e["target"] if a["text"].lower().strip() in media]
    check(not bad, "no media outlet as source or target (%s)" % [(e["input"], e["text"][:60]) for e in bad][:3])
    hypo = [e for e in evs if e["input"] == "000" and "could lead to an Israeli operation" in e["text"]
            and e["modality"] == "asserted" and e["start"] > e["text"].find("could")]
    check(not hypo, "the 'could lead to an Israeli operation' clause is not asserted")
    print("events: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
