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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import Checks, matches  # noqa: E402

check = Checks("events")


def main():
    binary = sys.argv[1]
    sd = os.path.join("..", "shared", "seeds")
    gold_path = os.path.join("..", "shared", "gold", "seeds.json")
    if not os.path.exists(gold_path):
        print("events: skipped: ../shared is absent")
        return check.finish()
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
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
