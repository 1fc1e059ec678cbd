#!/usr/bin/env python3
"""Acceptance checks for `eventline cluster` (stage 6) on the seeds.

  cluster.py BIN   runs BIN cluster --meta ../shared/seeds/manifest.jsonl
                   ../shared/seeds and checks the episodes and the thread of
                   ../shared/gold/seeds.json ("stories"); skips, saying so,
                   when ../shared is absent.

Partitions are compared as sets of article ids, whatever the ids of the
episodes. Then `cluster --mentions` on two articles written here: the head
of each mention (a verb phrase's verb, a noun phrase's last word, a noun as
the verb it names when WordNet's files are there) and one event for the
same head in one episode. Each failed check prints one FAIL line; the last
line is "cluster: N passed, N failed"; exit status 1 if any check failed.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import Checks  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared")


check = Checks("cluster")


def partition(rows, key):
    g = {}
    for r in rows:
        g.setdefault(r[key], set()).add(r["article"])
    return sorted(sorted(s) for s in g.values())


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "build/eventline"
    seeds, gold_path = os.path.join(SHARED, "seeds"), os.path.join(SHARED, "gold", "seeds.json")
    if not os.path.isdir(seeds) or not os.path.exists(gold_path):
        print("skipped: ../shared is absent")
        print("cluster: 0 passed, 0 failed")
        return 0
    gold = json.load(open(gold_path, encoding="utf-8"))["stories"]
    p = subprocess.run([binary, "cluster", "--meta", os.path.join(seeds, "manifest.jsonl"), seeds],
                       capture_output=True, text=True)
    check(p.returncode == 0, "1 exit status 0 (got %d: %s)" % (p.returncode, p.stderr.strip()[-300:]))
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    check(len(rows) == 5, "2 one object per article (got %d)" % len(rows))
    check(all({"article", "episode", "thread", "near_duplicates"} <= set(r) for r in rows),
          "3 every object has article, episode, thread, near_duplicates")
    want_ep = sorted(sorted(e) for e in gold["episodes"])
    got_ep = partition(rows, "episode")
    check(got_ep == want_ep, "4 episodes %s (got %s)" % (want_ep, got_ep))
    want_th = sorted(sorted(t) for t in gold["thread"])
    got_th = partition(rows, "thread")
    check(got_th == want_th, "5 threads %s (got %s)" % (want_th, got_th))
    ids = {r["article"]: r for r in rows}
    check(ids.get("000", {}).get("episode") == "E1" and ids.get("000", {}).get("thread") == "T1",
          "6 ids numbered from the earliest article: 000 is in E1, T1")
    q = subprocess.run([binary, "cluster", "--meta", os.path.join(seeds, "manifest.jsonl")]
                       + [os.path.join(seeds, f) for f in sorted(os.listdir(seeds), reverse=True)
                          if f.endswith(".txt")], capture_output=True, text=True)
    rows_r = sorted((json.loads(l) for l in q.stdout.splitlines()), key=lambda r: r["article"])
    check([(r["article"], r["episode"], r["thread"]) for r in rows_r]
          == [(r["article"], r["episode"], r["thread"]) for r in sorted(rows, key=lambda r: r["article"])],
          "7 the same ids when the files come in reverse order")
    mentions_checks(binary)
    return check.finish()


def mentions_checks(binary):
    docs = [("h1", "The singer checked into a clinic on Friday after a heart attack. "
                   "His death on Sunday shocked fans."),
            ("h2", "Fans mourned the singer, who checked into a clinic after a heart attack "
                   "and died on Sunday.")]
    spans = {"h1": ["checked into", "heart attack", "death"], "h2": ["checked into", "heart attack", "died"]}
    with tempfile.TemporaryDirectory() as tmp:
        inp, men = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "m.jsonl")
        with open(inp, "w") as f:
            for i, t in docs:
                f.write(json.dumps({"id": i, "text": t}) + "\n")
        with open(men, "w") as f:
            for i, t in docs:
                ms = []
                for k, w in enumerate(spans[i]):
                    s = t.encode().index(w.encode())
                    ms.append({"m_id": "%s-%d" % (i, k), "start": s, "end": s + len(w.encode())})
                f.write(json.dumps({"doc": i, "mentions": ms}) + "\n")
        p = subprocess.run([binary, "cluster", "--mentions", men, inp], capture_output=True, text=True)
    check(p.returncode == 0, "8 cluster --mentions exits 0 (got %d: %s)" % (p.returncode, p.stderr.strip()[-300:]))
    rows = {r["m_id"]: r for r in map(json.loads, p.stdout.splitlines())}
    head = {k: r.get("head") for k, r in rows.items()}
    check(head.get("h1-0") == "check" and head.get("h1-1") == "attack",
          "9 heads: 'checked into' -> check, 'heart attack' -> attack (got %s)" % head)
    check(rows.get("h1-0", {}).get("lemma") == "check" and rows.get("h1-1", {}).get("lemma") == "heart",
          "10 lemma: the first word's, for the baselines (got %s)" % {k: r.get("lemma") for k, r in rows.items()})
    if os.path.exists("/usr/share/wordnet/data.noun") or os.environ.get("EL_WORDNET"):
        check(head.get("h1-2") == "die", "11 'death' names the verb 'die' (got %s)" % head.get("h1-2"))
        check(rows.get("h1-2", {}).get("event") == rows.get("h2-2", {}).get("event"),
              "12 'death' and 'died' in one episode are one event")
    check(rows.get("h1-1", {}).get("event") == rows.get("h2-1", {}).get("event"),
          "13 the two heart attacks are one event")


if __name__ == "__main__":
    sys.exit(main())
