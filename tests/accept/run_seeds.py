#!/usr/bin/env python3
"""Acceptance for `eventline run` on the seeds (issue 7).

  run_seeds.py BIN

Runs `BIN run --out TMP --meta manifest seeds/` and checks: every file of the
contract is written; events.jsonl holds the gold events E1-E8 of
../shared/gold/seeds.json with their category, date, actors, modality and the
articles their mentions come from; stories.jsonl has the gold episodes and
thread; a second run on the same input changes no byte of the exports; the
database holds the five articles; the report names the events. Last line:
"run: N passed, N failed". Skips without ../shared.
"""
import hashlib, json, os, shutil, sqlite3, subprocess, sys, tempfile

FILES = ["articles.jsonl", "entities.jsonl", "events.jsonl", "mentions.tsv", "stories.jsonl",
         "counts.jsonl", "quotes.jsonl", "report.html", "eventline.db"]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import Checks, matches  # noqa: E402

check = Checks("run")


def fits(e, g):
    """A gold event of the run: matched, with mentions from all its articles."""
    return matches(e, g) and set(g["reported_in"]) <= {m["article"] for m in e["mentions"]}


def digest(d):
    h = {}
    for f in FILES:
        if f.endswith(".jsonl") or f.endswith(".tsv") or f.endswith(".html"):
            p = os.path.join(d, f)
            h[f] = hashlib.sha256(open(p, "rb").read()).hexdigest() if os.path.exists(p) else None
    return h


def main():
    binary = sys.argv[1]
    sd = os.path.join("..", "shared", "seeds")
    gold_path = os.path.join("..", "shared", "gold", "seeds.json")
    if not os.path.exists(gold_path):
        print("run: skipped: ../shared is absent")
        return check.finish()
    gold = json.load(open(gold_path, encoding="utf-8"))
    out = tempfile.mkdtemp(prefix="el-run-")
    try:
        args = [binary, "run", "--out", out, "--meta", os.path.join(sd, "manifest.jsonl"), sd]
        p = subprocess.run(args, capture_output=True, text=True)
        check(p.returncode == 0, "run exits 0 (%d: %s)" % (p.returncode, p.stderr.strip()[:300]))
        for f in FILES:
            check(os.path.exists(os.path.join(out, f)), "writes " + f)
        events = [json.loads(l) for l in open(os.path.join(out, "events.jsonl"), encoding="utf-8")]
        for g in gold["events"]:
            if not g.get("required"):
                continue
            ok = [e for e in events if fits(e, g)]
            check(bool(ok), "%s %s: one event with its category, date, actors, modality and mentions from %s"
                  % (g["key"], g["what"][:60], g["reported_in"]))
        stories = [json.loads(l) for l in open(os.path.join(out, "stories.jsonl"), encoding="utf-8")]
        eps = sorted(sorted(s["articles"]) for s in stories if s["level"] == "episode")
        check(eps == sorted(sorted(x) for x in gold["stories"]["episodes"]), "episodes %s" % eps)
        ths = [sorted(s["articles"]) for s in stories if s["level"] == "thread"]
        check(ths == [sorted(gold["stories"]["thread"][0])], "one thread of all five %s" % ths)
        con = sqlite3.connect(os.path.join(out, "eventline.db"))
        n = con.execute("select count(*) from articles").fetchone()[0]
        check(n == 5, "database holds 5 articles (%d)" % n)
        con.close()
        report = open(os.path.join(out, "report.html"), encoding="utf-8").read()
        check(all(e["id"] in report for e in events[:20]), "report names the events")
        before = digest(out)
        p = subprocess.run(args, capture_output=True, text=True)
        check(p.returncode == 0 and digest(out) == before, "a second run changes no byte of the exports")
        con = sqlite3.connect(os.path.join(out, "eventline.db"))
        n = con.execute("select count(*) from articles").fetchone()[0]
        check(n == 5, "second run doubles nothing (%d articles)" % n)
        con.close()
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
