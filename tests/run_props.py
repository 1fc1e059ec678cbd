#!/usr/bin/env python3
"""Properties of `eventline run` that need no ../shared (issue 7).

  run_props.py BIN

1. The same input twice: byte-identical exports, nothing doubled.
2. One thread or two: byte-identical exports.
3. Incremental: a run on part of the sample, then a run on the rest into the
   same folder, gives the database and the article set of one run on all; a
   third run on one file brings the stored articles back.
4. SIGKILL at many moments of a run, then a run to the end: the database and
   exports equal those of an uninterrupted run.
Last line: "run-props: N passed, N failed".
"""
import hashlib, json, os, shutil, signal, sqlite3, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "accept"))
from goldlib import Checks  # noqa: E402

EXPORTS = ["articles.jsonl", "entities.jsonl", "events.jsonl", "mentions.tsv", "stories.jsonl",
           "counts.jsonl", "quotes.jsonl", "comparisons.jsonl", "gdelt.events.tsv", "plover.jsonl",
           "events.csv", "report.html"]


check = Checks("run-props")


def digest(d):
    out = {}
    for f in EXPORTS:
        p = os.path.join(d, f)
        out[f] = hashlib.sha256(open(p, "rb").read()).hexdigest() if os.path.exists(p) else None
    return out


def db_rows(d):
    con = sqlite3.connect(os.path.join(d, "eventline.db"))
    rows = {t: con.execute("select count(*) from %s" % t).fetchone()[0]
            for t in ("articles", "events", "stories", "entities")}
    ids = sorted(r[0] for r in con.execute("select id from articles"))
    con.close()
    return rows, ids


def run(binary, out, *args, env=None):
    return subprocess.run([binary, "run", "--out", out] + list(args), capture_output=True, text=True, env=env)


def main():
    binary = os.path.abspath(sys.argv[1])
    sample = "data/sample"
    meta = os.path.join(sample, "manifest.jsonl")
    tmp = tempfile.mkdtemp(prefix="el-props-")
    try:
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        p = run(binary, a, "--meta", meta, sample)
        check(p.returncode == 0, "run on the sample exits 0 (%s)" % p.stderr.strip()[:200])
        first, rows1 = digest(a), db_rows(a)
        p = run(binary, a, "--meta", meta, sample)
        check(p.returncode == 0 and digest(a) == first, "same input twice: byte-identical exports")
        check(db_rows(a) == rows1, "same input twice: nothing doubled in the database %s" % (rows1[0],))
        p = run(binary, b, "--jobs", "1", "--meta", meta, sample)
        check(digest(b) == first, "one thread gives the bytes of several")
        # Incremental: the text articles first, the JSON Lines ones after.
        c = os.path.join(tmp, "c")
        txt = sorted(os.path.join(sample, f) for f in os.listdir(sample) if f.endswith(".txt"))
        p1 = run(binary, c, "--meta", meta, *txt[:3])
        p2 = run(binary, c, "--meta", meta, *txt[3:], os.path.join(sample, "sample.jsonl"))
        check(p1.returncode == 0 and p2.returncode == 0, "two incremental runs exit 0")
        rows_c, ids_c = db_rows(c)
        check(ids_c == rows1[1], "incremental runs hold every article once (%d vs %d)" % (len(ids_c), len(rows1[1])))
        arts = sorted(json.loads(l)["id"] for l in open(os.path.join(c, "articles.jsonl")))
        check(arts == rows1[1], "incremental run's articles.jsonl lists all articles")
        ev_c = sum(1 for _ in open(os.path.join(c, "events.jsonl")))
        ev_a = sum(1 for _ in open(os.path.join(a, "events.jsonl")))
        check(ev_c == ev_a, "incremental run finds as many events (%d vs %d)" % (ev_c, ev_a))
        # A third run given only a text file: the stored JSON Lines articles
        # (no raw column: their body is the text) come back from the database.
        p3 = run(binary, c, "--meta", meta, txt[0])
        check(p3.returncode == 0, "a run re-reading stored JSON Lines articles exits 0 (%d)" % p3.returncode)
        arts = sorted(json.loads(l)["id"] for l in open(os.path.join(c, "articles.jsonl")))
        check(arts == rows1[1], "that run's articles.jsonl still lists all articles")
        # SIGKILL at many moments, then complete.
        gen = os.path.join(tmp, "gen")
        subprocess.run(["cc", "-O2", "-o", gen, "bench/gen.c"], check=True)
        corpus = os.path.join(tmp, "corpus.jsonl")
        with open(corpus, "w") as f:
            subprocess.run([gen, "600"], stdout=f, check=True)
        ref = os.path.join(tmp, "ref")
        run(binary, ref, "--no-report", corpus)
        ref_d, ref_rows = digest(ref), db_rows(ref)
        k = os.path.join(tmp, "k")
        kills = 0
        for delay in (0.05, 0.15, 0.3, 0.5, 0.8, 1.2):
            proc = subprocess.Popen([binary, "run", "--out", k, "--no-report", corpus],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
            proc.wait()
        p = run(binary, k, "--no-report", corpus)
        check(p.returncode == 0, "the run after %d kills exits 0 (%s)" % (kills, p.stderr.strip()[:200]))
        check(db_rows(k) == ref_rows, "after kills the database equals an uninterrupted run's %s" % (db_rows(k)[0],))
        check(digest(k) == ref_d, "after kills the exports equal an uninterrupted run's")
        check(not os.path.exists(os.path.join(k, ".tmp")) or not os.listdir(os.path.join(k, ".tmp")),
              "no temporary files left behind")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
