#!/usr/bin/env python3
"""Evaluate `eventline actors` on the seeds against ../shared/gold/seeds.json,
in detail: for each gold actor and article, what was found (entity, code,
mention texts); then media, places, and entities the gold does not list.

  eval_actors.py [--bin build/eventline] [--dict PATH]... [--quiet]

Prints a summary line per part and, unless --quiet, every miss. Reads
../shared only; skips, saying so, when it is absent. The acceptance test
(tests/accept/actors.py) uses the same matching rules.
"""
import argparse, json, os, re, subprocess, sys

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")


def norm(s):
    s = (s or "").replace("\u2019", "'").replace("-", " ").lower()
    s = re.sub(r"'s?$", "", s.strip())
    s = re.sub(r"^the ", "", s)
    return re.sub(r"\s+", " ", s).strip()


def code_ok(code, accepted):
    if not code:
        return False
    if any("HMS" in a for a in accepted):
        return "HMS" in code
    return code in accepted


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "eventline"))
    ap.add_argument("--dict", action="append", default=[])
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    gold_path = os.path.join(SHARED, "gold", "seeds.json")
    if not os.path.exists(gold_path):
        print("eval_actors: skipped: ../shared is absent")
        return 0
    gold = json.load(open(gold_path, encoding="utf-8"))
    seeds = os.path.join(SHARED, "seeds")
    cmd = [a.bin, "actors", "--meta", os.path.join(seeds, "manifest.jsonl")]
    for d in a.dict:
        cmd += ["--dict", d]
    p = subprocess.run(cmd + [seeds], capture_output=True, text=True)
    ents = [json.loads(l) for l in p.stdout.splitlines()]
    print("exit status %d, %d entities" % (p.returncode, len(ents)))

    pairs = found = 0
    used = set()
    for g in gold["actors"]:
        forms = {norm(x) for x in g["seen_as"] + [g["name"]]}
        ids = set()
        for art in g["articles"]:
            pairs += 1
            hits = []
            for e in ents:
                ms = [m for m in e["mentions"] if m["article"] == art]
                if ms and (norm(e["name"]) == norm(g["name"]) or any(norm(m["text"]) in forms for m in ms)):
                    hits.append((e, ms))
            good = [(e, ms) for e, ms in hits
                    if code_ok(e["code"], g["code"]) or any(code_ok(m.get("code"), g["code"]) for m in ms)]
            if good:
                found += 1
                ids.add(good[0][0]["id"])
                used.update(e["id"] for e, _ in good)
            elif not a.quiet:
                print("MISS %-35s %s accepted %s; found %s" % (g["name"], art, g["code"],
                      [(e["name"], e["code"], [m["text"] for m in ms][:3]) for e, ms in hits] or "nothing"))
        if len(ids) > 1 and not a.quiet:
            print("SPLIT %s: ids %s" % (g["name"], sorted(ids)))
    print("actors: (actor, article) pairs found %d/%d (%.1f%%)" % (found, pairs, 100.0 * found / max(pairs, 1)))

    ok = 0
    for name in gold["media_not_actors"]:
        bad = [(e["name"], e["type"]) for e in ents for m in e["mentions"]
               if norm(m["text"]) == norm(name) and e["type"] != "media"]
        ok += not bad
        if bad and not a.quiet:
            print("MEDIA %s typed %s" % (name, bad))
    print("media: %d/%d never typed as anything but media" % (ok, len(gold["media_not_actors"])))

    ok = 0
    for pl in gold["places"]:
        hit = [e for e in ents if e["type"] == "place" and e["country"] == pl["country"] and e["lat"] is not None
               and (norm(e["name"]) == norm(pl["name"]) or any(norm(m["text"]) == norm(pl["name"]) for m in e["mentions"]))]
        ok += bool(hit)
        if not hit and not a.quiet:
            print("PLACE %s %s not found" % (pl["name"], pl["country"]))
    print("places: %d/%d found with country and coordinates" % (ok, len(gold["places"])))

    if not a.quiet:
        extra = [e for e in ents if e["id"] not in used and e["type"] in ("person", "organization", "group")]
        print("entities of type person/organization/group not in the gold (%d):" % len(extra))
        for e in extra:
            print("  %s %s %s %s" % (e["id"], e["type"], e["code"], e["name"]),
                  sorted({m["text"] for m in e["mentions"]})[:4])
    return 0


if __name__ == "__main__":
    sys.exit(main())
