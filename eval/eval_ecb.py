#!/usr/bin/env python3
"""eval_ecb.py: stage 6 against ECB+ (development topics), ours beside baselines.

  python3 eval/eval_ecb.py [--bin build/eventline] [--data DIR] [--no-baseline] [--distractors]

In:  ../shared/data/ecbplus/dev.jsonl (documents, topic, subtopic),
     dev.event_mentions.jsonl (gold event mentions), dev.coreference_sentences.csv.
Out: on stdout, two tables:
  1. Episodes: `eventline cluster` over all documents at once, converted on the
     fly to our JSON Lines input ({"id","text"}; ECB+ has no dates, so every
     article is undated), scored against the gold subtopics: B-cubed and
     pairwise P/R/F1 and ARI; beside it the TF-IDF average-linkage baseline
     (baseline_tfidf.py) and, as a check on order, ours with ids renamed at
     random (our order is by id). Threads are scored against topics.
  2. Cross-document event linking: the gold event mentions as input spans,
     linked by `eventline cluster --mentions` (head + context + our
     episodes), scored with MUC, B-cubed, CEAF-e and CoNLL F1 against the gold
     `instance` ids (within-document chains and singletons as their own
     entities), on the sentences the release marks as annotated; beside it
     the same-lemma baseline (the lemma of the mention's first word that is
     no auxiliary) within gold subtopics and within our episodes, and, for
     comparison, the same with our heads (a noun phrase's last word, nouns as
     the verbs they name).
  3. With --distractors: the episodes again with the ECB+ documents mixed
     into the unrelated articles of ../shared/data/corpora (BBC, Reuters),
     scored on the ECB+ documents (a distractor in an ECB+ episode counts
     against its precision): how much the IDF of a larger run moves things.
Exits 0; skips, saying so, when the data is absent. Standard library only.
"""
import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def default_data():
    return os.path.join(HERE, "..", "..", "shared", "data", "ecbplus")


def load_docs(data):
    docs = [json.loads(l) for l in open(os.path.join(data, "dev.jsonl"), encoding="utf-8")]
    return docs, {d["id"]: d["subtopic"] for d in docs}


# ---- clustering scores ----

def _clusters_to_map(clusters):
    return {x: k for k, c in enumerate(clusters) for x in c}


def bcubed(sys_of, gold_of):
    """B-cubed P, R, F1 over the items of gold_of (items missing from sys_of
    count as singletons)."""
    sys_sets, gold_sets = {}, {}
    for x in gold_of:
        sys_sets.setdefault(sys_of.get(x, ("single", x)), set()).add(x)
        gold_sets.setdefault(gold_of[x], set()).add(x)
    p = r = 0.0
    for x in gold_of:
        s = sys_sets[sys_of.get(x, ("single", x))]
        g = gold_sets[gold_of[x]]
        inter = len(s & g)
        p += inter / len(s)
        r += inter / len(g)
    n = len(gold_of)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _comb2(n):
    return n * (n - 1) // 2


def pairwise_and_ari(sys_of, gold_of):
    items = list(gold_of)
    cont, a, b = {}, {}, {}
    for x in items:
        s, g = sys_of.get(x, ("single", x)), gold_of[x]
        cont[(s, g)] = cont.get((s, g), 0) + 1
        a[s] = a.get(s, 0) + 1
        b[g] = b.get(g, 0) + 1
    tp = sum(_comb2(v) for v in cont.values())
    sp = sum(_comb2(v) for v in a.values())
    gp = sum(_comb2(v) for v in b.values())
    p = tp / sp if sp else 0.0
    r = tp / gp if gp else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    n2 = _comb2(len(items))
    exp = sp * gp / n2 if n2 else 0.0
    mx = (sp + gp) / 2
    ari = (tp - exp) / (mx - exp) if mx != exp else 1.0
    return (p, r, f), ari


def cluster_scores(clusters, gold_of):
    sys_of = _clusters_to_map(clusters)
    pair, ari = pairwise_and_ari(sys_of, gold_of)
    return {"b3": bcubed(sys_of, gold_of), "pair": pair, "ari": ari,
            "n": len(set(sys_of[x] for x in gold_of if x in sys_of))}


# ---- coreference scores (MUC, B-cubed, CEAF-e) ----

def _chains(of):
    ch = {}
    for x, k in of.items():
        ch.setdefault(k, set()).add(x)
    return list(ch.values())


def muc(key, resp):
    def part(a_chains, b_of):
        num = den = 0
        for c in a_chains:
            parts = set(b_of.get(x, ("single", x)) for x in c)
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0
    r = part(_chains(key), resp)
    p = part(_chains(resp), key)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _hungarian_max(w):
    """Maximum-weight assignment on a rectangular matrix (rows <= cols after
    transposing if needed); returns the total. O(n^3), for small blocks."""
    n, m = len(w), len(w[0]) if w else 0
    if n == 0 or m == 0:
        return 0.0
    if n > m:
        w = [list(col) for col in zip(*w)]
        n, m = m, n
    INF = float("inf")
    cost = [[-x for x in row] for row in w]
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    p, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [INF] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], INF, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return sum(w[p[j] - 1][j - 1] for j in range(1, m + 1) if p[j])


def ceafe(key, resp):
    """CEAF with the entity similarity phi4 = 2|K & R| / (|K| + |R|); the best
    alignment is solved per connected block of key and response entities."""
    kc, rc = _chains(key), _chains(resp)
    r_of = {}
    for j, c in enumerate(rc):
        for x in c:
            r_of[x] = j
    # blocks: union-find over key chains linked through shared response chains
    parent = list(range(len(kc)))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a
    owner = {}
    for i, c in enumerate(kc):
        for x in c:
            j = r_of.get(x)
            if j is None:
                continue
            if j in owner:
                ra, rb = find(owner[j]), find(i)
                if ra != rb:
                    parent[ra] = rb
            else:
                owner[j] = i
    blocks = {}
    for i in range(len(kc)):
        blocks.setdefault(find(i), []).append(i)
    total = 0.0
    for rows in blocks.values():
        cols = sorted({r_of[x] for i in rows for x in kc[i] if x in r_of})
        if not cols:
            continue
        w = [[2 * len(kc[i] & rc[j]) / (len(kc[i]) + len(rc[j])) for j in cols] for i in rows]
        total += _hungarian_max(w)
    r = total / len(kc) if kc else 0.0
    p = total / len(rc) if rc else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def conll(key, resp):
    m, b, c = muc(key, resp), bcubed(resp, key), ceafe(key, resp)
    return {"muc": m, "b3": b, "ceafe": c, "conll": (m[2] + b[2] + c[2]) / 3}


# ---- running eventline ----

def write_input(docs, path, rename=None):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": rename[d["id"]] if rename else d["id"], "text": d["text"]}) + "\n")


def run_cluster(binary, docs, tmp, rename=None, extra=()):
    inp = os.path.join(tmp, "ecb.jsonl")
    write_input(docs, inp, rename)
    p = subprocess.run([binary, "cluster", *extra, inp], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit("eventline cluster failed (%d): %s" % (p.returncode, p.stderr[-2000:]))
    return [json.loads(l) for l in p.stdout.splitlines()], p.stderr


def groups(rows, key, back=None):
    g = {}
    for r in rows:
        a = back[r["article"]] if back else r["article"]
        g.setdefault(r[key], []).append(a)
    return list(g.values())


def fmt3(t):
    return "%.3f %.3f %.3f" % t


def episode_table(binary, docs, gold, baseline, tmp):
    rows, _ = run_cluster(binary, docs, tmp)
    ours = groups(rows, "episode")
    topic_of = {d["id"]: d["topic"] for d in docs}
    out = [("eventline cluster (episodes)", cluster_scores(ours, gold))]
    rnd = random.Random(7)
    ids = [d["id"] for d in docs]
    shuffled = ids[:]
    rnd.shuffle(shuffled)
    rename = {a: "doc%04d" % k for k, a in enumerate(shuffled)}
    back = {v: k for k, v in rename.items()}
    rows_r, _ = run_cluster(binary, docs, tmp, rename)
    out.append(("  same, ids renamed at random", cluster_scores(groups(rows_r, "episode", back), gold)))
    if baseline:
        import baseline_tfidf
        bl = baseline_tfidf.cluster([(d["id"], d["text"]) for d in docs])
        out.append(("TF-IDF average linkage (t=%.2f)" % baseline_tfidf.DEFAULT_THRESHOLD,
                    cluster_scores(bl, gold)))
    print("Episodes vs gold subtopics (%d docs, %d subtopics)" % (len(docs), len(set(gold.values()))))
    print("%-34s %8s  %-17s  %-17s  %5s" % ("system", "clusters", "B3 P R F1", "pairwise P R F1", "ARI"))
    for name, m in out:
        print("%-34s %8d  %s  %s  %.3f" % (name, m["n"], fmt3(m["b3"]), fmt3(m["pair"]), m["ari"]))
    th = cluster_scores(groups(rows, "thread"), topic_of)
    print("%-34s %8d  %s  %s  %.3f" % ("threads vs gold topics", th["n"], fmt3(th["b3"]),
                                         fmt3(th["pair"]), th["ari"]))
    return rows


# ---- event linking ----

def load_mentions(data, docs):
    """Gold event mentions on the annotated sentences, with byte offsets."""
    keep = set()
    for r in csv.DictReader(open(os.path.join(data, "dev.coreference_sentences.csv"), encoding="utf-8")):
        keep.add((r["Topic"], r["File"], int(r["Sentence Number"])))
    text = {d["id"]: d["text"] for d in docs}
    out = {}
    for line in open(os.path.join(data, "dev.event_mentions.jsonl"), encoding="utf-8"):
        d = json.loads(line)
        topic, f = d["doc"].split("_", 1)
        t = text[d["doc"]]
        for m in d["mentions"]:
            if (topic, f, m["sentence"]) not in keep:
                continue
            bs = len(t[:m["start"]].encode("utf-8"))
            be = bs + len(t[m["start"]:m["end"]].encode("utf-8"))
            out.setdefault(d["doc"], []).append(dict(m, bstart=bs, bend=be))
    return out


def gold_chains(ments):
    gold = {}
    for doc, ms in ments.items():
        for m in ms:
            key = (doc, m["m_id"])
            if m["instance"]:
                gold[key] = m["instance"]
            elif m["intra_chain"]:
                gold[key] = (doc, "intra", m["intra_chain"])
            else:
                gold[key] = key
    return gold


def lemma_baseline(ments, cluster_of, lemma_of):
    """Same head lemma within the same document cluster."""
    resp = {}
    for doc, ms in ments.items():
        for m in ms:
            resp[(doc, m["m_id"])] = (cluster_of[doc], lemma_of[(doc, m["m_id"])])
    return resp


def event_table(binary, docs, gold_sub, ep_rows, data, tmp):
    ments = load_mentions(data, docs)
    mpath = os.path.join(tmp, "mentions.jsonl")
    with open(mpath, "w", encoding="utf-8") as f:
        for doc, ms in ments.items():
            f.write(json.dumps({"doc": doc, "mentions": [
                {"m_id": m["m_id"], "start": m["bstart"], "end": m["bend"]} for m in ms]}) + "\n")
    rows, err = run_cluster(binary, docs, tmp, extra=("--mentions", mpath))
    resp = {(r["article"], r["m_id"]): r["event"] for r in rows}
    lemma_of = {(r["article"], r["m_id"]): r.get("lemma") for r in rows}
    head_of = {(r["article"], r["m_id"]): r.get("head", r.get("lemma")) for r in rows}
    key = gold_chains(ments)
    missing = [k for k in key if k not in resp]
    if missing:
        print("warning: %d mentions got no answer" % len(missing), file=sys.stderr)
    our_ep = {r["article"]: r["episode"] for r in ep_rows}
    res = [("eventline cluster --mentions", conll(key, resp)),
           ("same lemma within gold subtopic", conll(key, lemma_baseline(ments, gold_sub, lemma_of))),
           ("same lemma within our episodes", conll(key, lemma_baseline(ments, our_ep, lemma_of))),
           ("same head within gold subtopic", conll(key, lemma_baseline(ments, gold_sub, head_of))),
           ("same head within our episodes", conll(key, lemma_baseline(ments, our_ep, head_of)))]
    nchains = len(set(key.values()))
    print()
    print("Cross-document event linking (%d gold mentions on annotated sentences, %d gold chains)"
          % (len(key), nchains))
    print("%-34s %-17s  %-17s  %-17s  %6s" % ("system", "MUC P R F1", "B3 P R F1", "CEAF-e P R F1", "CoNLL"))
    for name, m in res:
        print("%-34s %s  %s  %s  %.3f" % (name, fmt3(m["muc"]), fmt3(m["b3"]), fmt3(m["ceafe"]), m["conll"]))


def distractor_table(binary, docs, gold, data, tmp):
    corpora = os.path.join(data, "..", "corpora")
    paths = [os.path.join(corpora, f) for f in ("bbc.jsonl", "reuters_partial.jsonl")]
    if not all(os.path.exists(p) for p in paths):
        print("\ndistractors skipped: ../shared/data/corpora is absent")
        return
    inp = os.path.join(tmp, "mix.jsonl")
    n = 0
    with open(inp, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "text": d["text"]}) + "\n")
        for p in paths:
            for line in open(p, encoding="utf-8"):
                o = json.loads(line)
                f.write(json.dumps({"id": "x:" + o["id"], "text": o["text"]}) + "\n")
                n += 1
    p = subprocess.run([binary, "cluster", inp], capture_output=True, text=True)
    rows = [json.loads(l) for l in p.stdout.splitlines()]
    members = {}
    for r in rows:
        members.setdefault(r["episode"], set()).add(r["article"])
    gold_sets = {}
    for x, s in gold.items():
        gold_sets.setdefault(s, set()).add(x)
    ep_of = {r["article"]: r["episode"] for r in rows}
    pr = rc = 0.0
    for x in gold:
        s, g = members[ep_of[x]], gold_sets[gold[x]]
        pr += len(s & g) / len(s)
        rc += len(s & g) / len(g)
    pr, rc = pr / len(gold), rc / len(gold)
    mixed = sum(1 for s in members.values() if any(x in gold for x in s) and any(x not in gold for x in s))
    print()
    print("Episodes with %d unrelated articles mixed in: B3 P R F1 %.3f %.3f %.3f; "
          "episodes mixing ECB+ and others: %d" % (n, pr, rc, 2 * pr * rc / (pr + rc), mixed))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "build", "eventline"))
    ap.add_argument("--data", default=default_data())
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--distractors", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.data, "dev.jsonl")):
        print("skipped: ../shared is absent")
        return 0
    docs, gold = load_docs(a.data)
    with tempfile.TemporaryDirectory() as tmp:
        rows = episode_table(a.bin, docs, gold, not a.no_baseline, tmp)
        event_table(a.bin, docs, gold, rows, a.data, tmp)
        if a.distractors:
            distractor_table(a.bin, docs, gold, a.data, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
