#!/usr/bin/env python3
"""Acceptance checks for `eventline actors` against ../shared/gold/seeds.json.

  actors.py BIN     (skips, saying so, when ../shared is absent)

Checks, one per line when failing:
  1. every (gold actor, article) pair: the article's output has the entity
     (its name, or a mention reading as one of the gold's seen_as forms) with
     one of the accepted codes (Hamas: any code containing HMS), on the
     entity or on that mention;
  2. a gold actor named in several articles is one entity (one id) across them;
  3. no name of media_not_actors is typed anything but media;
  4. every gold place is found as a place of the right country, with lat/lon;
  5. the public dictionaries load (Phoenix, GLOBALNET) with a report and exit 0.
The last line is "actors: N passed, N failed"; exit status 1 if any failed.
"""
import json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import Checks  # noqa: E402

SHARED = os.path.join("..", "shared")


check = Checks("actors")


def norm(s):
    s = s.replace("\u2019", "'").replace("-", " ").lower()
    s = re.sub(r"'s?$", "", s.strip())
    s = re.sub(r"^the ", "", s)
    return re.sub(r"\s+", " ", s).strip()


def run(binary, extra=()):
    seeds = os.path.join(SHARED, "seeds")
    p = subprocess.run([binary, "actors", "--meta", os.path.join(seeds, "manifest.jsonl")] + list(extra) + [seeds],
                       capture_output=True, text=True)
    return p.returncode, [json.loads(l) for l in p.stdout.splitlines()], p.stderr


def code_ok(code, accepted):
    if not code:
        return False
    if any("HMS" in a for a in accepted):
        return "HMS" in code
    return code in accepted


def find_actor(ents, gold, art):
    """Entities of article art that read as gold; each with the codes seen there."""
    forms = {norm(x) for x in gold["seen_as"] + [gold["name"]]}
    out = []
    for e in ents:
        ms = [m for m in e["mentions"] if m["article"] == art]
        if not ms:
            continue
        if norm(e["name"] or "") == norm(gold["name"]) or any(norm(m["text"]) in forms for m in ms):
            out.append((e, [e["code"]] + [m.get("code") for m in ms]))
    return out


def main():
    if len(sys.argv) < 2:
        print("usage: actors.py BIN", file=sys.stderr)
        return 2
    binary = sys.argv[1]
    gold_path = os.path.join(SHARED, "gold", "seeds.json")
    if not os.path.exists(gold_path):
        print("actors: skipped: ../shared is absent")
        print("actors: 0 passed, 0 failed")
        return 0
    gold = json.load(open(gold_path, encoding="utf-8"))
    rc, ents, err = run(binary)
    check(rc == 0, "exit status 0 on the seeds (got %d): %s" % (rc, err.strip()[:300]))

    pairs = found = 0
    for g in gold["actors"]:
        ids = set()
        for art in g["articles"]:
            pairs += 1
            hits = find_actor(ents, g, art)
            good = [e for e, codes in hits if any(code_ok(c, g["code"]) for c in codes)]
            found += bool(good)
            check(bool(good), "actor %s in %s with a code in %s (found: %s)" % (
                g["name"], art, g["code"], [(e["name"], e["code"]) for e, _ in hits] or "nothing"))
            if good:
                ids.add(good[0]["id"])
        if len(g["articles"]) > 1:
            check(len(ids) <= 1, "actor %s is one entity across %s (ids %s)" % (g["name"], g["articles"], sorted(ids)))

    for name in gold["media_not_actors"]:
        bad = [(e["name"], e["type"]) for e in ents for m in e["mentions"]
               if norm(m["text"]) == norm(name) and e["type"] != "media"]
        check(not bad, "media %r typed only media (also: %s)" % (name, bad))

    for p in gold["places"]:
        hit = [e for e in ents if e["type"] == "place" and e["country"] == p["country"] and
               e["lat"] is not None and e["lon"] is not None and
               (norm(e["name"]) == norm(p["name"]) or any(norm(m["text"]) == norm(p["name"]) for m in e["mentions"]))]
        check(bool(hit), "place %s found in %s with coordinates" % (p["name"], p["country"]))

    dicts = os.path.join(SHARED, "dictionaries")
    for sub in ("phoenix", "globalnet"):
        path = os.path.join(dicts, sub)
        if not os.path.isdir(path):
            continue
        rc2, ents2, err2 = run(binary, ["--dict", path])
        reports = [l for l in err2.splitlines() if " blocks read " in l or " agents, " in l]
        check(rc2 == 0 and reports and ents2, "--dict %s loads (exit %d, %d report lines)" % (sub, rc2, len(reports)))

    print("actors: gold (actor, article) pairs found %d/%d" % (found, pairs))
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
