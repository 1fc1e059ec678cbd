/*
** link_episode.c: episodes (articles about one happening) and threads
** (episodes of one storyline), by average linkage over a sparse graph of
** candidate pairs.
** In:  lk_art records with features and near-duplicate groups, and the
**      order link.c gives (by date, undated last; ties by id).
** Out: art[].episode and art[].thread, internal ids (the position in that
**      order of the first article of the episode; the index of the first
**      episode of the thread).
** 1. Each article is a unit TF-IDF vector: binary term frequencies, IDF
**    squared (rare names and figures are what tell two similar happenings
**    apart), features seen in one article only left out.
** 2. Candidates: each article's NEIGH most similar articles within its
**    date window, scored through an inverted index of every article's QUERY
**    heaviest features, lists read from the shortest until SCAN postings:
**    bounded work per article, never all pairs (an article whose every list
**    is longer than that finds no partner).
** 3. Average linkage over those pairs: the two groups with the highest mean
**    pairwise cosine merge while it is at least episode_sim and their dates
**    fit. The mean is exact through sums, (sum A).(sum B) / |A||B|, each sum
**    kept to its CENT_CAP heaviest features. Near-duplicates start together.
** 4. Threads: the same over episodes, with thread_sim and thread_gap_days;
**    candidates are the articles' pairs and, for dated episodes, a search
**    over episodes within thread_gap_days.
** Memory: the work arrays live only during el_link_finish (about 400 bytes
** an article plus the pairs' queue); the peak is kept for --stats.
** Ties are broken by position in that order, so the result depends on the
** set of articles, never on the order they came in.
*/
#include "link_int.h"
#include "sort.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define QUERY     16     /* features of an item filed in the inverted index */
#define SCAN      512    /* postings read per item, shortest lists first */
#define NEIGH     8      /* candidates kept per item */
#define CENT_CAP  128    /* features a group's sum keeps */
_Static_assert(CENT_CAP <= 256 && LK_FEAT <= 256, "search keeps feature positions in a byte");

/* ---- working memory, counted for --stats ---- */

typedef struct mem { size_t cur, peak; } mem;

static void *mem_alloc(mem *m, size_t n) {
    size_t *p = malloc(n + sizeof(size_t) * 2);
    if (!p) return NULL;
    p[0] = n;
    m->cur += n;
    if (m->cur > m->peak) m->peak = m->cur;
    return p + 2;
}

static void *mem_calloc(mem *m, size_t n) {
    void *p = mem_alloc(m, n);
    if (p) memset(p, 0, n);
    return p;
}

static void mem_free(mem *m, void *q) {
    if (!q) return;
    size_t *p = (size_t *)q - 2;
    m->cur -= p[0];
    free(p);
}

static void *mem_grow(mem *m, void *q, size_t n) {
    size_t old = q ? ((size_t *)q - 2)[0] : 0;
    size_t *p = realloc(q ? (size_t *)q - 2 : NULL, n + sizeof(size_t) * 2);
    if (!p) return NULL;
    p[0] = n;
    m->cur += n - old;
    if (m->cur > m->peak) m->peak = m->cur;
    return p + 2;
}

/* ---- sparse vectors: hashes ascending ---- */

typedef struct svec { uint32_t *h; float *w; uint32_t n; bool own; } svec;

#ifdef __SSE2__
/* Bit i set when lane i of x equals some lane of y (four rotations of y). */
static inline unsigned lanes_in(__m128i x, __m128i y) {
    __m128i m = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi32(x, y), _mm_cmpeq_epi32(x, _mm_shuffle_epi32(y, _MM_SHUFFLE(0, 3, 2, 1)))),
        _mm_or_si128(_mm_cmpeq_epi32(x, _mm_shuffle_epi32(y, _MM_SHUFFLE(1, 0, 3, 2))),
                     _mm_cmpeq_epi32(x, _mm_shuffle_epi32(y, _MM_SHUFFLE(2, 1, 0, 3)))));
    return (unsigned)_mm_movemask_ps(_mm_castsi128_ps(m));
}
#endif

/* Sum of w_a * w_b over the hashes a and b share, added in ascending hash
** order (so every way of finding the pairs gives the same double). With
** SSE2, four hashes of a are compared with four of b at once and the block
** whose last hash is lower moves on: a pair is seen in exactly one block
** pair, and block pairs come in ascending order of the hashes they can share.
** Within a block the k-th shared hash of a's lanes is the k-th of b's (both
** ascend). What is left over (fewer than four on a side) goes through the
** plain merge. */
double lk_dot(const uint32_t *ah, const float *aw, uint32_t an,
              const uint32_t *bh, const float *bw, uint32_t bn) {
    double s = 0;
    const uint32_t *pa = ah, *pb = bh;
#ifdef __SSE2__
    if (an >= 4 && bn >= 4) {
        const uint32_t *la = ah + an - 4, *lb = bh + bn - 4;
        while (pa <= la && pb <= lb) {
            __m128i va = _mm_loadu_si128((const __m128i *)(const void *)pa);
            __m128i vb = _mm_loadu_si128((const __m128i *)(const void *)pb);
            unsigned ma = lanes_in(va, vb);
            if (ma) {
                unsigned mb = lanes_in(vb, va);
                const float *wa = aw + (pa - ah), *wb = bw + (pb - bh);
                do {
                    s += (double)wa[__builtin_ctz(ma)] * wb[__builtin_ctz(mb)];
                    ma &= ma - 1;
                    mb &= mb - 1;
                } while (ma);
            }
            uint32_t x = pa[3], y = pb[3];
            pa += (size_t)(x <= y) * 4;
            pb += (size_t)(y <= x) * 4;
        }
    }
#endif
    for (uint32_t i = (uint32_t)(pa - ah), j = (uint32_t)(pb - bh); i < an && j < bn;) {
        uint32_t x = ah[i], y = bh[j];            /* steps without branches */
        s += x == y ? (double)aw[i] * bw[j] : 0.0;
        i += x <= y;
        j += y <= x;
    }
    return s;
}

static double svec_dot(const svec *a, const svec *b) {
    return lk_dot(a->h, a->w, a->n, b->h, b->w, b->n);
}

static double svec_norm(const svec *v) {
    double s = 0;
    for (uint32_t i = 0; i < v->n; i++) s += (double)v->w[i] * v->w[i];
    return sqrt(s);
}

static void svec_free(mem *m, svec *v) {
    if (v->own) { mem_free(m, v->h); mem_free(m, v->w); }
    memset(v, 0, sizeof *v);
}

typedef struct hw { uint32_t h; float w; } hw;

/* A weight's rank key: positive floats order as their bits; ties go to the
** lower hash. */
static uint64_t wkey(float w, uint32_t h) {
    uint32_t b;
    memcpy(&b, &w, sizeof b);
    return (uint64_t)b << 32 | (uint32_t)~h;
}

/* out = a + b, kept to the CENT_CAP heaviest features (ties: lower hashes);
** tmp and wt hold a->n + b->n. */
static int svec_sum(mem *m, const svec *a, const svec *b, svec *out, hw *tmp, uint64_t *wt) {
    uint32_t n = 0, i = 0, j = 0;
    while (i < a->n || j < b->n) {
        hw x;
        if (j == b->n || (i < a->n && a->h[i] < b->h[j])) { x = (hw){a->h[i], a->w[i]}; i++; }
        else if (i == a->n || b->h[j] < a->h[i]) { x = (hw){b->h[j], b->w[j]}; j++; }
        else { x = (hw){a->h[i], a->w[i] + b->w[j]}; i++; j++; }
        if (x.w > 0) tmp[n++] = x;          /* weightless features (seen once) go */
    }
    if (n > CENT_CAP) {
        for (uint32_t k = 0; k < n; k++) wt[k] = wkey(tmp[k].w, tmp[k].h);
        uint64_t cut = lk_kth_largest(wt, n, CENT_CAP);
        uint32_t k = 0;
        for (uint32_t x = 0; x < n; x++) if (wkey(tmp[x].w, tmp[x].h) >= cut) tmp[k++] = tmp[x];
        n = k;
    }
    out->h = mem_alloc(m, n * sizeof *out->h + 1);
    out->w = mem_alloc(m, n * sizeof *out->w + 1);
    if (!out->h || !out->w) { mem_free(m, out->h); mem_free(m, out->w); return -1; }
    for (uint32_t k = 0; k < n; k++) { out->h[k] = tmp[k].h; out->w[k] = tmp[k].w; }
    out->n = n;
    out->own = true;
    return 0;
}

/* ---- dates ---- */

/* May groups dated [alo, ahi] and [blo, bhi] be one? Within gap days of each
** other, and spanning no more than span together. Undated fits anywhere. */
static bool dates_fit(el_date alo, el_date ahi, el_date blo, el_date bhi, int gap, int span) {
    if (alo == EL_DATE_UNKNOWN || blo == EL_DATE_UNKNOWN) return true;
    el_date lo = alo < blo ? alo : blo, hi = ahi > bhi ? ahi : bhi;
    el_date in_lo = alo > blo ? alo : blo, in_hi = ahi < bhi ? ahi : bhi;
    return (int64_t)in_lo - in_hi <= gap && (int64_t)hi - lo <= span;
}

/* ---- candidate pairs ---- */

/* What to search: n items, dated ones first in order of lo, each with its
** vector (any scale; scores use it divided by its norm). */
typedef struct items {
    size_t n, n_dated;
    const svec *v;
    const el_date *lo, *hi;
    int gap;                    /* partners within gap days ... */
    int maxspan;                /* ... of an item spanning up to this */
    bool dated_only;            /* undated items have been searched already */
} items;

typedef struct edges { uint64_t *e; size_t n, cap; } edges;   /* a << 32 | b, a < b */

static int edge_add(mem *m, edges *E, uint32_t a, uint32_t b) {
    if (E->n == E->cap) {
        size_t cap = E->cap ? E->cap * 2 : 4096;
        uint64_t *ne = mem_grow(m, E->e, cap * sizeof *ne);
        if (!ne) return -1;
        E->e = ne; E->cap = cap;
    }
    E->e[E->n++] = a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
    return 0;
}

/* Sort and drop repeats; -1 when out of memory. */
static int edges_unique(mem *m, edges *E) {
    if (!E->n) return 0;
    uint64_t *tmp = mem_alloc(m, E->n * sizeof *tmp);
    if (!tmp) return -1;
    el_sort_u64(E->e, tmp, E->n);
    mem_free(m, tmp);
    size_t k = 1;
    for (size_t i = 1; i < E->n; i++)
        if (E->e[i] != E->e[k - 1]) E->e[k++] = E->e[i];
    E->n = k;
    return 0;
}

/* The inverted index: feature -> the items that file it, in item order.
** Open addressing over features; each slot owns P[off, off + n). */
typedef struct post { uint32_t item; float w; } post;
typedef struct pslot { uint32_t f, off, n; } pslot;
typedef struct pindex { pslot *s; size_t cap, n; post *P; } pindex;

static pslot *pindex_slot(const pindex *x, uint32_t f) {
    size_t i = (f * 2654435761u) & (x->cap - 1);
    while (x->s[i].f && x->s[i].f != f) i = (i + 1) & (x->cap - 1);
    return &x->s[i];
}

/* Count one more posting for f, growing the table at 3/4 load. */
static int pindex_count(mem *m, pindex *x, uint32_t f) {
    if ((x->n + 1) * 2 > x->cap) {
        pindex old = *x;
        x->cap = old.cap ? old.cap * 2 : 1024;
        x->s = mem_calloc(m, x->cap * sizeof *x->s);
        if (!x->s) { x->s = old.s; x->cap = old.cap; return -1; }
        for (size_t i = 0; i < old.cap; i++)
            if (old.s[i].f) *pindex_slot(x, old.s[i].f) = old.s[i];
        mem_free(m, old.s);
    }
    pslot *ps = pindex_slot(x, f);
    if (!ps->f) { ps->f = f; x->n++; }
    ps->n++;
    return 0;
}

/* One feature of a query item: its list's window, dated part [lo, hi) and
** undated part [ulo, uhi). */
typedef struct qfeat { uint32_t lo, hi, ulo, uhi; float w; } qfeat;

/* First index in p[lo, hi) whose item's date is >= d (items sorted by lo). */
static uint32_t lower_date(const post *p, uint32_t lo, uint32_t hi, const el_date *dlo, el_date d) {
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (dlo[p[mid].item] < d) lo = mid + 1; else hi = mid;
    }
    return lo;
}

static uint32_t lower_item(const post *p, uint32_t lo, uint32_t hi, uint32_t item) {
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (p[mid].item < item) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/* Where v's QUERY heaviest features are, into out (in hash order);
** returns their count. */
static uint32_t top_features(const svec *v, uint64_t *keys, uint32_t *out) {
    uint32_t k = 0;
    for (uint32_t j = 0; j < v->n; j++) if (v->w[j] > 0) keys[k++] = wkey(v->w[j], v->h[j]);
    uint64_t cut = k > QUERY ? lk_kth_largest(keys, k, QUERY) : 1;
    k = 0;
    for (uint32_t j = 0; j < v->n; j++) if (v->w[j] > 0 && wkey(v->w[j], v->h[j]) >= cut) out[k++] = j;
    return k;
}

/* Each item's NEIGH best partners (see the file header) into E. */
static int search(mem *m, const items *it, edges *E) {
    size_t n = it->n, np = 0, maxn = 0;
    int rc = -1;
    pindex X = {0};
    uint32_t *touched = NULL, *sel = NULL;
    float *acc = NULL, *inv = mem_alloc(m, (n + 1) * sizeof *inv);
    qfeat *qf = NULL;
    uint64_t *keys = NULL, *qord = NULL;
    uint8_t *fsel = mem_alloc(m, n * QUERY + 1), *nsel = mem_alloc(m, n + 1);
    if (!inv || !fsel || !nsel) goto out;
    for (size_t i = 0; i < n; i++) {
        double nr = svec_norm(&it->v[i]);
        inv[i] = nr > 0 ? (float)(1.0 / nr) : 0.0f;
        np += it->v[i].n < QUERY ? it->v[i].n : QUERY;
        if (it->v[i].n > maxn) maxn = it->v[i].n;
    }
    X.P = mem_alloc(m, (np + 1) * sizeof *X.P);
    keys = mem_alloc(m, (maxn + 1) * sizeof *keys);
    sel = mem_alloc(m, (maxn + 1) * sizeof *sel);
    acc = mem_calloc(m, (n + 1) * sizeof *acc);
    touched = mem_alloc(m, (SCAN + 1) * sizeof *touched);
    qf = mem_alloc(m, (maxn + 1) * sizeof *qf);
    qord = mem_alloc(m, (maxn + 1) * sizeof *qord);
    if (!X.P || !keys || !sel || !acc || !touched || !qf || !qord) goto out;
    /* The index: every item's QUERY heaviest features (chosen once, kept
    ** as positions in its vector); count, place, fill. */
    for (size_t i = 0; i < n; i++) {
        const svec *v = &it->v[i];
        uint32_t k = top_features(v, keys, sel);
        nsel[i] = (uint8_t)k;
        for (uint32_t j = 0; j < k; j++) {
            fsel[i * QUERY + j] = (uint8_t)sel[j];
            if (pindex_count(m, &X, v->h[sel[j]])) goto out;
        }
    }
    if (!X.cap) goto done;
    uint32_t off = 0;
    for (size_t i = 0; i < X.cap; i++) if (X.s[i].f) { X.s[i].off = off; off += X.s[i].n; X.s[i].n = 0; }
    for (size_t i = 0; i < n; i++) {
        const svec *v = &it->v[i];
        for (uint32_t j = 0; j < nsel[i]; j++) {
            uint32_t at = fsel[i * QUERY + j];
            pslot *ps = pindex_slot(&X, v->h[at]);
            X.P[ps->off + ps->n++] = (post){(uint32_t)i, v->w[at] * inv[i]};
        }
    }
    for (size_t q = 0; q < (it->dated_only ? it->n_dated : n); q++) {
        const svec *v = &it->v[q];
        el_date qlo = it->lo[q], qhi = it->hi[q];
        size_t nq = 0;
        for (uint32_t j = 0; j < v->n; j++) {
            if (v->w[j] <= 0) continue;
            const pslot *ps = pindex_slot(&X, v->h[j]);
            if (!ps->f) continue;
            uint32_t s = ps->off, e = s + ps->n;
            qfeat x = {s, e, e, e, v->w[j]};
            uint32_t len = e - s;
            if (qlo != EL_DATE_UNKNOWN) {        /* dated partners in the window, and the undated */
                uint32_t u = lower_item(X.P, s, e, (uint32_t)it->n_dated);
                x.lo = lower_date(X.P, s, u, it->lo, qlo - it->gap - it->maxspan);
                x.hi = lower_date(X.P, x.lo, u, it->lo, qhi + it->gap + 1);
                x.ulo = u;
                len = (x.hi - x.lo) + (e - u);
            }
            if (!len) continue;                   /* nothing to read */
            /* Shortest lists first, ties in hash order (j ascends with the
            ** hash): sorted as 8-byte keys, the entries stay put. */
            uint64_t key = (uint64_t)len << 32 | nq;
            qf[nq] = x;
            size_t at = nq++;
            while (at > 0 && qord[at - 1] > key) { qord[at] = qord[at - 1]; at--; }
            qord[at] = key;
        }
        size_t used = 0, nt = 0;
        for (size_t o = 0; o < nq && used + (qord[o] >> 32) <= SCAN; o++) {
            used += qord[o] >> 32;
            const qfeat *f = &qf[(uint32_t)qord[o]];
            for (int part = 0; part < 2; part++) {
                uint32_t s = part ? f->ulo : f->lo, e = part ? f->uhi : f->hi;
                for (uint32_t x = s; x < e; x++) {
                    uint32_t p = X.P[x].item;
                    if (p == q) continue;
                    if (qlo != EL_DATE_UNKNOWN && it->lo[p] != EL_DATE_UNKNOWN
                        && it->hi[p] + it->gap < qlo) continue;     /* a long item ended before */
                    if (acc[p] == 0.0f) touched[nt++] = p;
                    acc[p] += f->w * X.P[x].w;
                    if (acc[p] == 0.0f) acc[p] = 1e-30f;
                }
            }
        }
        /* the NEIGH best, ties by position */
        uint32_t best[NEIGH];
        size_t nb = 0;
        for (size_t j = 0; j < nt; j++) {
            uint32_t p = touched[j];
            float sc = acc[p];
            size_t at = nb;
            while (at > 0 && (acc[best[at - 1]] < sc || (acc[best[at - 1]] == sc && best[at - 1] > p))) at--;
            if (at < NEIGH) {
                if (nb < NEIGH) nb++;
                memmove(best + at + 1, best + at, (nb - 1 - at) * sizeof *best);
                best[at] = p;
            }
        }
        for (size_t j = 0; j < nb; j++)
            if (edge_add(m, E, (uint32_t)q, best[j])) goto out;
        for (size_t j = 0; j < nt; j++) acc[touched[j]] = 0.0f;
    }
done:
    if (edges_unique(m, E)) goto out;
    rc = 0;
out:
    mem_free(m, X.s); mem_free(m, X.P); mem_free(m, keys); mem_free(m, sel); mem_free(m, acc);
    mem_free(m, touched); mem_free(m, qf); mem_free(m, qord); mem_free(m, inv);
    mem_free(m, fsel); mem_free(m, nsel);
    return rc;
}

/* ---- average linkage ---- */

typedef struct clus {
    svec S;                     /* sum of the members' unit vectors */
    uint32_t n;                 /* members (articles) */
    el_date lo, hi;             /* EL_DATE_UNKNOWN when no member is dated */
    uint32_t changed;           /* merge count when it last changed */
    uint32_t parent;
} clus;

/* A queued pair: its linkage when queued, and the merge count then.
** Merging only averages linkages ((A+B).X lies between A.X and B.X), so an
** entry whose sides have changed since still bounds their linkage from
** above: it is re-scored when it comes out, never before. */
typedef struct hent { float s; uint32_t a, b, stamp; } hent;
typedef struct heap { hent *h; size_t n, cap; } heap;

static bool hent_before(const hent *x, const hent *y) {
    if (x->s != y->s) return x->s > y->s;
    if (x->a != y->a) return x->a < y->a;
    return x->b < y->b;
}

static int heap_push(mem *m, heap *H, hent e) {
    if (H->n == H->cap) {
        size_t cap = H->cap ? H->cap * 2 : 4096;
        hent *nh = mem_grow(m, H->h, cap * sizeof *nh);
        if (!nh) return -1;
        H->h = nh; H->cap = cap;
    }
    size_t i = H->n++;
    while (i > 0 && hent_before(&e, &H->h[(i - 1) / 2])) { H->h[i] = H->h[(i - 1) / 2]; i = (i - 1) / 2; }
    H->h[i] = e;
    return 0;
}

static hent heap_pop(heap *H) {
    hent top = H->h[0], last = H->h[--H->n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= H->n) break;
        if (c + 1 < H->n && hent_before(&H->h[c + 1], &H->h[c])) c++;
        if (!hent_before(&H->h[c], &last)) break;
        H->h[i] = H->h[c];
        i = c;
    }
    if (H->n) H->h[i] = last;
    return top;
}

typedef struct hac {
    mem *m;
    clus *c;
    size_t n;
    size_t compact_at;          /* heap size that triggers compaction */
    uint32_t merges;            /* merges so far, from 1 (stamps) */
    double t;
    int gap, span;
    heap H;
    hw *tmp;                    /* 2 * CENT_CAP + 2 * LK_FEAT */
    uint64_t *wt;               /* as many */
} hac;

static uint32_t cfind(clus *c, uint32_t i) {
    while (c[i].parent != i) {
        c[i].parent = c[c[i].parent].parent;
        i = c[i].parent;
    }
    return i;
}

static int cmp_hent_pair(const void *pa, const void *pb) {
    const hent *x = pa, *y = pb;
    if (x->a != y->a) return x->a < y->a ? -1 : 1;
    if (x->b != y->b) return x->b < y->b ? -1 : 1;
    return x->s > y->s ? -1 : x->s < y->s;
}

/* Entries pile up when groups grow (each merge leaves bounds behind): name
** each entry by its groups as they are now and keep the highest bound per
** pair (it still bounds their linkage), then heap again. */
static void heap_compact(hac *X) {
    heap *H = &X->H;
    size_t k = 0;
    for (size_t i = 0; i < H->n; i++) {
        hent e = H->h[i];
        uint32_t a = cfind(X->c, e.a), b = cfind(X->c, e.b);
        if (a == b) continue;
        if (a != e.a || b != e.b) e.stamp = 0;       /* re-score when out */
        if (a > b) { uint32_t t = a; a = b; b = t; }
        e.a = a; e.b = b;
        H->h[k++] = e;
    }
    qsort(H->h, k, sizeof *H->h, cmp_hent_pair);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || H->h[i].a != H->h[u - 1].a || H->h[i].b != H->h[u - 1].b) H->h[u++] = H->h[i];
    H->n = u;
    for (size_t i = u / 2; i-- > 0;) {          /* sift down from the last parent */
        hent e = H->h[i];
        size_t j = i;
        for (;;) {
            size_t c = 2 * j + 1;
            if (c >= u) break;
            if (c + 1 < u && hent_before(&H->h[c + 1], &H->h[c])) c++;
            if (!hent_before(&H->h[c], &e)) break;
            H->h[j] = H->h[c];
            j = c;
        }
        H->h[j] = e;
    }
    if (X->compact_at < 2 * u) X->compact_at = 2 * u;
}

/* Score the pair (a, b) of live groups into e; false when it may not merge. */
static bool score(hac *X, uint32_t a, uint32_t b, hent *e) {
    clus *ca = &X->c[a], *cb = &X->c[b];
    if (!dates_fit(ca->lo, ca->hi, cb->lo, cb->hi, X->gap, X->span)) return false;
    double s = svec_dot(&ca->S, &cb->S) / ((double)ca->n * cb->n);
    if (s < X->t) return false;
    if (a > b) { uint32_t t = a; a = b; b = t; }
    *e = (hent){(float)s, a, b, X->merges + 1};
    return true;
}

static int queue(hac *X, hent e) {
    if (X->H.n >= X->compact_at) heap_compact(X);
    return heap_push(X->m, &X->H, e);
}

/* Queue the pair (a, b) of live groups, scored now, when it may merge. */
static int offer(hac *X, uint32_t a, uint32_t b) {
    hent e;
    return score(X, a, b, &e) ? queue(X, e) : 0;
}

/* Merge groups a and b (live, different) into the one first in order. */
static int merge(hac *X, uint32_t a, uint32_t b) {
    if (b < a) { uint32_t t = a; a = b; b = t; }
    clus *ca = &X->c[a], *cb = &X->c[b];
    svec S;
    if (svec_sum(X->m, &ca->S, &cb->S, &S, X->tmp, X->wt)) return -1;
    svec_free(X->m, &ca->S);
    svec_free(X->m, &cb->S);
    ca->S = S;
    ca->n += cb->n;
    if (cb->lo != EL_DATE_UNKNOWN) {
        if (ca->lo == EL_DATE_UNKNOWN || cb->lo < ca->lo) ca->lo = cb->lo;
        if (ca->hi == EL_DATE_UNKNOWN || cb->hi > ca->hi) ca->hi = cb->hi;
    }
    cb->parent = a;
    ca->changed = ++X->merges;
    return 0;
}

/* Cluster X->c (groups with parent = self) over the pairs of E.
** pre[i] != LK_NONE asks for item i to start in the group of pre[i] (a
** near-duplicate) when dates allow. */
static int hac_run(hac *X, const edges *E, const uint32_t *pre) {
    clus *c = X->c;
    int rc = -1;
    X->compact_at = E->n + E->n / 2 + 4096;
    X->tmp = mem_alloc(X->m, (2 * CENT_CAP + 2 * LK_FEAT) * sizeof *X->tmp);
    X->wt = mem_alloc(X->m, (2 * CENT_CAP + 2 * LK_FEAT) * sizeof *X->wt);
    if (!X->tmp || !X->wt) goto out;
    if (pre)
        for (size_t i = 0; i < X->n; i++) {
            if (pre[i] == LK_NONE) continue;
            uint32_t a = cfind(c, (uint32_t)i), b = cfind(c, pre[i]);
            if (a != b && dates_fit(c[a].lo, c[a].hi, c[b].lo, c[b].hi, X->gap, X->span)
                && merge(X, a, b))
                goto out;
        }
    for (size_t i = 0; i < E->n; i++) {
        uint32_t a = cfind(c, (uint32_t)(E->e[i] >> 32)), b = cfind(c, (uint32_t)E->e[i]);
        if (a != b && offer(X, a, b)) goto out;
    }
    while (X->H.n) {
        hent e = heap_pop(&X->H);
        if (c[e.a].parent == e.a && c[e.b].parent == e.b && c[e.a].changed < e.stamp
            && c[e.b].changed < e.stamp) {
            if (merge(X, e.a, e.b)) goto out;    /* current: the best pair there is */
            continue;
        }
        uint32_t a = cfind(c, e.a), b = cfind(c, e.b);     /* a bound: score it afresh */
        hent f;
        if (a == b || !score(X, a, b, &f)) continue;
        bool best = !X->H.n || !hent_before(&X->H.h[0], &f);   /* still first: merge now */
        if (best ? merge(X, f.a, f.b) : queue(X, f)) goto out;
    }
    rc = 0;
out:
    mem_free(X->m, X->H.h);
    X->H = (heap){0};
    mem_free(X->m, X->tmp);
    mem_free(X->m, X->wt);
    return rc;
}

/* ---- articles as vectors ---- */

/* Unit vectors of the articles, in order (see the file header): their
** feature arrays, with weights in W aligned to them (0 for a feature no
** other article has). */
static int article_vectors(const el_linker *L, const uint32_t *order, mem *m, svec *v, float **W) {
    size_t tot = 0;
    for (size_t i = 0; i < L->n; i++) tot += L->art[i].n_feat;
    *W = mem_alloc(m, (tot + 1) * sizeof **W);
    if (!*W) return -1;
    double N = (double)L->n;
    /* The squared IDF of each small DF, computed once: a log per feature
    ** was a tenth of el_link_finish. */
    enum { MEMO = 4096 };
    double *memo = mem_alloc(m, MEMO * sizeof *memo);
    if (!memo) return -1;
    for (size_t i = 0; i < MEMO; i++) memo[i] = -1.0;
    size_t off = 0;
    for (size_t p = 0; p < L->n; p++) {
        const lk_art *r = &L->art[order[p]];
        float *w = *W + off;
        double ss = 0;
        for (uint32_t j = 0; j < r->n_feat; j++) {
            uint32_t f = r->feat[j], df = lk_df_get(&L->df, f);
            double x = df < MEMO ? memo[df] : -1.0;
            if (x < 0) {
                double idf = log((N + 1) / (df + 1.0)) + 1.0;     /* smoothed: small runs stay sane */
                x = df < 2 ? 0.0 : idf * idf;                    /* shared with no other article */
                if (df < MEMO) memo[df] = x;
            }
            if (LK_KIND(f) == LK_ENT || LK_KIND(f) == LK_PLACE) x *= L->p.entity_weight;
            w[j] = (float)x;
            ss += x * x;
        }
        double nr = ss > 0 ? sqrt(ss) : 1.0;
        for (uint32_t j = 0; j < r->n_feat; j++) w[j] = (float)(w[j] / nr);
        v[p] = (svec){r->feat, w, r->n_feat, false};
        off += r->n_feat;
    }
    mem_free(m, memo);
    return 0;
}

/* Episodes, then threads; see the file header. */
int lk_cluster(el_linker *L, const uint32_t *order, size_t n) {
    mem m = {0, 0};
    const el_link_params *P = &L->p;
    int rc = EL_ENOMEM;
    uint32_t *pos = NULL, *pre = NULL, *ep = NULL;
    float *W = NULL;
    el_date *lo = NULL, *hi = NULL;
    svec *v = mem_calloc(&m, (n + 1) * sizeof *v);
    clus *c = mem_calloc(&m, (n + 1) * sizeof *c);
    clus *t = NULL;
    size_t ne = 0;
    edges E = {0}, TE = {0};
    if (!v || !c || article_vectors(L, order, &m, v, &W)) goto out;
    lo = mem_alloc(&m, (n + 1) * sizeof *lo);
    hi = mem_alloc(&m, (n + 1) * sizeof *hi);
    pos = mem_alloc(&m, (n + 1) * sizeof *pos);
    pre = mem_alloc(&m, (n + 1) * sizeof *pre);
    if (!lo || !hi || !pos || !pre) goto out;
    size_t nd = 0;
    for (size_t p = 0; p < n; p++) {
        lo[p] = hi[p] = L->art[order[p]].date;
        if (lo[p] != EL_DATE_UNKNOWN) nd++;
        pos[order[p]] = (uint32_t)p;
    }
    /* Episodes. */
    items it = {n, nd, v, lo, hi, P->episode_gap_days, 0, false};
    if (search(&m, &it, &E)) goto out;
    for (size_t p = 0; p < n; p++) {
        uint32_t r = pos[lk_find(L->art, order[p])];
        pre[p] = r == p ? LK_NONE : r;
        c[p] = (clus){.S = v[p], .n = 1, .lo = lo[p], .hi = hi[p], .parent = (uint32_t)p};
    }
    hac X = {.m = &m, .c = c, .n = n, .t = P->episode_sim, .gap = P->episode_gap_days,
             .span = P->episode_span_days};
    if (hac_run(&X, &E, pre)) goto out;
    /* Threads: the episodes, in order of their first article, which is the
    ** order of their first date. */
    ep = mem_alloc(&m, (n + 1) * sizeof *ep);           /* episode root -> its index */
    if (!ep) goto out;
    for (size_t p = 0; p < n; p++) if (cfind(c, (uint32_t)p) == p) ep[p] = (uint32_t)ne++;
    t = mem_calloc(&m, (ne + 1) * sizeof *t);
    svec *tv = mem_calloc(&m, (ne + 1) * sizeof *tv);
    el_date *tlo = mem_alloc(&m, (ne + 1) * sizeof *tlo), *thi = mem_alloc(&m, (ne + 1) * sizeof *thi);
    if (!t || !tv || !tlo || !thi) { mem_free(&m, tv); mem_free(&m, tlo); mem_free(&m, thi); goto out; }
    size_t tnd = 0;
    for (size_t p = 0; p < n; p++) {
        if (c[p].parent != p) continue;
        uint32_t e = ep[p];
        t[e] = (clus){.S = c[p].S, .n = c[p].n, .lo = c[p].lo, .hi = c[p].hi, .parent = e};
        c[p].S = (svec){0};                       /* moved */
        tv[e] = t[e].S;
        tlo[e] = t[e].lo; thi[e] = t[e].hi;
        if (tlo[e] != EL_DATE_UNKNOWN) tnd++;
    }
    /* Undated articles were matched with every article above; what is
    ** left to find is dated episodes beyond the articles' window. */
    items ti = {ne, tnd, tv, tlo, thi, P->thread_gap_days, P->episode_span_days, true};
    int src = search(&m, &ti, &TE);
    for (size_t i = 0; src == 0 && i < E.n; i++) {     /* and the articles' own pairs */
        uint32_t a = ep[cfind(c, (uint32_t)(E.e[i] >> 32))], b = ep[cfind(c, (uint32_t)E.e[i])];
        if (a != b && edge_add(&m, &TE, a, b)) src = -1;
    }
    if (src == 0) src = edges_unique(&m, &TE);
    mem_free(&m, tv); mem_free(&m, tlo); mem_free(&m, thi);
    if (src) goto out;
    hac Y = {.m = &m, .c = t, .n = ne, .t = P->thread_sim, .gap = P->thread_gap_days,
             .span = INT32_MAX / 2};
    if (hac_run(&Y, &TE, NULL)) goto out;
    for (size_t p = 0; p < n; p++) {
        uint32_t r = cfind(c, (uint32_t)p);
        L->art[order[p]].episode = r;
        L->art[order[p]].thread = cfind(t, ep[r]);
    }
    rc = EL_OK;
out:
    if (t) for (size_t i = 0; i < ne; i++) svec_free(&m, &t[i].S);
    for (size_t p = 0; p < n && c; p++) svec_free(&m, &c[p].S);
    mem_free(&m, t);
    mem_free(&m, E.e); mem_free(&m, TE.e);
    mem_free(&m, c); mem_free(&m, v); mem_free(&m, W);
    mem_free(&m, lo); mem_free(&m, hi); mem_free(&m, pos); mem_free(&m, pre); mem_free(&m, ep);
    L->peak_bytes = m.peak;
    return rc;
}
