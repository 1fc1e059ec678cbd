#!/usr/bin/env python3
"""baseline_tfidf.py: the plain document-clustering baseline for eval_ecb.py.

In:  documents as (id, text) pairs.
Out: a clustering (list of lists of ids): TF-IDF vectors (lower-cased word
     tokens, English stop words out, sublinear tf, smoothed idf, L2 norm),
     cosine similarity, agglomerative average linkage, cut where the best
     remaining average similarity falls below a threshold.
All pairs, O(n^2) memory: fine for ECB+ (772 docs), which is the point of a
baseline. Standard library only. `python3 eval/baseline_tfidf.py` tunes the
threshold on the ECB+ development topics and prints the sweep.
"""
import math
import re

STOP = set("""a about above after again against all am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves said says say also
s t""".split())

WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def tokens(text):
    return [w for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 1]


def tfidf(docs):
    """docs: list of (id, text) -> list of sparse L2-normalised dicts."""
    tfs = []
    df = {}
    for _, text in docs:
        tf = {}
        for w in tokens(text):
            tf[w] = tf.get(w, 0) + 1
        tfs.append(tf)
        for w in tf:
            df[w] = df.get(w, 0) + 1
    n = len(docs)
    vecs = []
    for tf in tfs:
        v = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    return vecs


def cosine_matrix(vecs):
    """Dense similarity matrix through an inverted index (sparse dot products)."""
    n = len(vecs)
    post = {}
    for i, v in enumerate(vecs):
        for w, x in v.items():
            post.setdefault(w, []).append((i, x))
    sim = [[0.0] * n for _ in range(n)]
    for i, v in enumerate(vecs):
        row = sim[i]
        for w, x in v.items():
            for j, y in post[w]:
                row[j] += x * y
    return sim


def average_linkage(sim, threshold):
    """Agglomerative clustering, average linkage (Lance-Williams update).
    Returns clusters as lists of indices."""
    n = len(sim)
    s = [row[:] for row in sim]
    size = [1] * n
    members = [[i] for i in range(n)]
    alive = set(range(n))

    def best_of(i):
        b, bj = -1.0, -1
        row = s[i]
        for j in alive:
            if j != i and row[j] > b:
                b, bj = row[j], j
        return b, bj

    best = {i: best_of(i) for i in alive}
    while len(alive) > 1:
        i = max(alive, key=lambda k: (best[k][0], -k))
        b, j = best[i]
        if b < threshold:
            break
        if j < i:
            i, j = j, i
        ni, nj = size[i], size[j]
        for k in alive:
            if k != i and k != j:
                v = (ni * s[i][k] + nj * s[j][k]) / (ni + nj)
                s[i][k] = s[k][i] = v
        alive.discard(j)
        del best[j]
        size[i] += nj
        members[i] += members[j]
        for k in alive:
            bk, bjk = best[k]
            if k == i or bjk in (i, j):
                best[k] = best_of(k)
            elif s[k][i] > bk:
                best[k] = (s[k][i], i)
    return [sorted(members[i]) for i in sorted(alive)]


def cluster(docs, threshold=None, sim=None):
    """docs: list of (id, text). Returns a list of clusters of ids."""
    if threshold is None:
        threshold = DEFAULT_THRESHOLD
    if sim is None:
        sim = cosine_matrix(tfidf(docs))
    return [[docs[i][0] for i in c] for c in average_linkage(sim, threshold)]


# Tuned on the ECB+ development topics (subtopic B-cubed F1), see __main__.
DEFAULT_THRESHOLD = 0.19


if __name__ == "__main__":
    import os
    import sys
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import eval_ecb
    docs, gold = eval_ecb.load_docs(eval_ecb.default_data())
    pairs = [(d["id"], d["text"]) for d in docs]
    sim = cosine_matrix(tfidf(pairs))
    for t in [x / 100 for x in range(10, 27)]:
        c = cluster(pairs, t, sim)
        m = eval_ecb.cluster_scores(c, gold)
        print("threshold %.2f  clusters %3d  B3 F1 %.3f  pairwise F1 %.3f  ARI %.3f"
              % (t, len(c), m["b3"][2], m["pair"][2], m["ari"]))
