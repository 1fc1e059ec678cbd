#!/usr/bin/env python3
"""Acceptance checks for `eventline articles` (stages 1-3).

  articles.py sample BIN   the bundled sample against data/sample/EXPECT.md
  articles.py seeds BIN    ../shared/seeds against ../shared/gold/seeds.json
                           (skips, saying so, when ../shared is absent)

Each check is one line: ok/FAIL and what was checked. The last line is
"<name>: N passed, N failed" and the exit status is 1 if any check failed.
"""
import json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import Checks  # noqa: E402



check = Checks("articles")


def run(binary, args):
    p = subprocess.run([binary, "articles"] + args, capture_output=True, text=True)
    docs = {}
    for line in p.stdout.splitlines():
        d = json.loads(line)
        docs[d["id"]] = d
    return p.returncode, docs, p.stderr


def by_file(docs):
    return {d["file"]: d for d in docs.values()}


def body_has_line(doc, text):
    """Does text stand as a whole line (paragraph) of the body?"""
    return ("\n" + text + "\n") in ("\n" + doc["body"] + "\n")


def removed_has(doc, text, kind=None):
    return any(r["text"] == text and (kind is None or r["kind"] == kind) for r in doc["removed"])


def parse_expect(path):
    """Sections of EXPECT.md: file name -> dict(title, dek, date, meta_source, debris, keep)."""
    secs, cur, in_tsv = {}, None, False
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"## (\S+\.txt) \(id `(\w+)`\)", line)
        if m:
            cur = secs.setdefault(m.group(1), {"id": m.group(2), "debris": [], "keep": []})
            continue
        m = re.match(r"## sample\.jsonl `(\w+)`", line)
        if m:
            cur = secs.setdefault("jsonl:" + m.group(1), {"id": m.group(1), "debris": [], "keep": []})
            continue
        if line.startswith("## "):
            cur = None
        if cur is None:
            continue
        if line.startswith("```tsv"):
            in_tsv = True
            continue
        if line.startswith("```"):
            in_tsv = False
            continue
        if in_tsv:
            f = line.split("\t")
            if f[0] != "line" and len(f) == 4:
                cur["debris"].append({"line": int(f[0]), "kind": f[1], "req": f[2], "text": f[3]})
            continue
        for key in ("title", "dek"):
            m = re.match(r"- %s: (.*)$" % key, line)
            if m:
                cur[key] = None if m.group(1) == "null" else json.loads(m.group(1))
        m = re.match(r'- date: (null|"([\d-]+)")', line)
        if m:
            cur["date"] = m.group(2)
        m = re.match(r"- keep: (.*)$", line)
        if m:
            cur["keep"] = re.findall(r"`([^`]*)`", m.group(1))
    return secs


def sample(binary):
    root = "data/sample"
    secs = parse_expect(os.path.join(root, "EXPECT.md"))
    rc, docs, err = run(binary, ["--meta", os.path.join(root, "manifest.jsonl"), root])
    check(rc == 0, "sample: exit status 0 (%d; %s)" % (rc, err.strip()[:200]))
    files = by_file(docs)
    for name, e in secs.items():
        doc = docs.get(e["id"]) if name.startswith("jsonl:") else files.get(name)
        check(doc is not None, "sample %s: article present" % name)
        if doc is None:
            continue
        for key in ("title", "dek", "date"):
            if key in e:
                check(doc[key] == e[key], "sample %s: %s %r (got %r)" % (name, key, e[key], doc[key]))
        seen = set()
        for d in e["debris"]:
            if d["req"] != "required":
                continue
            check(removed_has(doc, d["text"], d["kind"]) and not body_has_line(doc, d["text"]),
                  "sample %s: line %d removed as %s: %s" % (name, d["line"], d["kind"], d["text"][:70]))
            if d["text"] in seen:   # listed twice: one entry seen twice
                check(any(r["text"] == d["text"] and r.get("repeat", 1) == 2 for r in doc["removed"]),
                      "sample %s: repeated line kept once with repeat 2" % name)
            seen.add(d["text"])
        for k in e["keep"]:
            check(k in doc["body"], "sample %s: body keeps %r" % (name, k))
    # Without the manifest: s02 inferred with evidence, s06 none.
    rc, docs, err = run(binary, [root])
    files = by_file(docs)
    s02, s06 = files.get("s02_cairo_no_breakthrough.txt"), files.get("s06_exchange_flights.txt")
    check(s02 and s02["date"] == "2025-03-12" and s02["date_source"] == "inferred" and s02["date_evidence"],
          "sample s02: date inferred without manifest, with evidence")
    check(s06 and s06["date"] is None and s06["date_source"] == "none", "sample s06: no date without evidence")


def seeds(binary):
    shared = os.path.join("..", "shared")
    gold_path = os.path.join(shared, "gold", "seeds.json")
    if not os.path.exists(gold_path):
        print("seeds: skipped: ../shared is absent")
        return True
    gold = json.load(open(gold_path, encoding="utf-8"))
    sd = os.path.join(shared, "seeds")
    rc, docs, err = run(binary, ["--meta", os.path.join(sd, "manifest.jsonl"), sd])
    check(rc == 0, "seeds: exit status 0 (%d)" % rc)
    opt_hit = opt_all = 0
    for g in gold["articles"]:
        doc = docs.get(g["id"])
        check(doc is not None, "seeds %s: present" % g["id"])
        if not doc:
            continue
        check(doc["title"] == g["title"], "seeds %s: title %r (got %r)" % (g["id"], g["title"], doc["title"]))
        check(doc["dek"] == g.get("dek"), "seeds %s: dek %r (got %r)" % (g["id"], g.get("dek"), doc["dek"]))
        check(doc["date"] == g["date"], "seeds %s: date %s (got %s)" % (g["id"], g["date"], doc["date"]))
        check(not doc["body"].startswith(" date") and " date 20" not in doc["body"][:20],
              "seeds %s: header line not in body" % g["id"])
        for t in g["debris_required"]:
            check(removed_has(doc, t) and not body_has_line(doc, t),
                  "seeds %s: debris removed: %s" % (g["id"], t[:70]))
        for t in g["body_must_keep"]:
            check(t in doc["body"], "seeds %s: body keeps %r" % (g["id"], t))
        for t in g.get("debris_optional", []):
            opt_all += 1
            opt_hit += removed_has(doc, t)
    print("seeds: debris_optional caught: %d of %d" % (opt_hit, opt_all))
    rc, docs, err = run(binary, [sd])
    byprefix = {d["file"][:3]: d for d in docs.values()}
    for a in ("001", "003"):
        g = next(x for x in gold["articles"] if x["id"] == a)
        d = byprefix.get(a)
        check(d and d["date"] == g["date"] and d["date_source"] == "inferred" and d["date_evidence"],
              "seeds %s: date inferred without manifest, with evidence (got %s)" % (a, d and d["date"]))
    d = byprefix.get("004")
    check(d and d["date"] is None and d["date_source"] == "none", "seeds 004: no date without manifest")
    return True


def main():
    mode, binary = sys.argv[1], sys.argv[2]
    {"sample": sample, "seeds": seeds}[mode](binary)
    check.name = mode
    sys.exit(check.finish())


if __name__ == "__main__":
    main()
