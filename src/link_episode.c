/*
** link_episode.c: episodes (articles about one happening) and threads
** (episodes of one storyline), by single-pass online clustering.
** In:  lk_art records with features and near-duplicate groups, in the order
**      link.c gives (by date, undated last; ties by id).
** Out: art[].episode and art[].thread, internal ids in order of creation.
** Each article is compared with a few candidate episodes only: those filed in
** an inverted index under its most telling features (rare lemmas, names),
** scanned newest first and cut at CAND_SCAN entries per feature; it joins the
** best one whose centroid is close enough and whose dates fit, else starts a
** new episode. Nothing is reclustered. Threads do the same over episodes.
*/
#include "link_int.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define QUERY      16     /* features of an article used to find and file episodes */
#define CAND_SCAN  256    /* postings read per feature, newest first */
#define CENT_CAP   600    /* features an open episode's centroid keeps */
#define CLOSED_CAP 24     /* ... once its time window has passed; also per episode in threads */
#define THREAD_CAP 96     /* features a thread's centroid keeps */

typedef struct vec { uint32_t *h; float *w; uint32_t n, cap; } vec;


typedef struct cluster {
    vec c;                      /* sum of members' unit vectors */
    el_date first, last;        /* member dates; EL_DATE_UNKNOWN when none dated */
    uint32_t n, stamp;
    uint32_t parent;            /* itself, or the episode it was merged into */
} cluster;

/* Unit TF-IDF vectors of all articles, computed once at the start of the pass
** (IDF of the whole run): weights in w[off[i] .. off[i] + art[i].n_feat). */
typedef struct weights { float *w; size_t *off; } weights;

typedef struct post { uint32_t key, n, cap; uint32_t *ids; } post;

/* An inverted index: feature hash -> ids of clusters filed under it. */
typedef struct invidx {
    post *p; size_t cap, n;
    size_t bytes;
} invidx;

typedef struct pool { cluster *c; size_t n, cap; } pool;

/* ---- sparse vectors ---- */

static int vec_reserve(vec *v, uint32_t cap) {
    if (v->cap >= cap) return 0;
    uint32_t *h = realloc(v->h, cap * sizeof *h);
    if (!h) return -1;
    v->h = h;
    float *w = realloc(v->w, cap * sizeof *w);
    if (!w) return -1;
    v->w = w;
    v->cap = cap;
    return 0;
}

static void vec_free(vec *v) { free(v->h); free(v->w); }

/* Give back the room past v->n (after a truncation that is for good). */
static void vec_shrink(vec *v) {
    if (!v->n || v->n == v->cap) return;
    uint32_t *h = realloc(v->h, v->n * sizeof *h);
    if (h) v->h = h;
    float *w = realloc(v->w, v->n * sizeof *w);
    if (w) v->w = w;
    if (h && w) v->cap = v->n;
}

static double vec_norm(const vec *v) {
    double s = 0;
    for (uint32_t i = 0; i < v->n; i++) s += (double)v->w[i] * v->w[i];
    return sqrt(s);
}

/* Keep the top `keep` weights of v (partial selection by sorting pairs). */
typedef struct hw { uint32_t h; float w; } hw;
static int cmp_hw(const void *pa, const void *pb) {
    const hw *a = pa, *b = pb;
    if (a->w != b->w) return a->w > b->w ? -1 : 1;
    return a->h < b->h ? -1 : a->h > b->h;
}

static void vec_truncate(vec *v, uint32_t keep, hw *tmp) {
    if (v->n <= keep) return;
    for (uint32_t i = 0; i < v->n; i++) tmp[i] = (hw){v->h[i], v->w[i]};
    qsort(tmp, v->n, sizeof *tmp, cmp_hw);
    for (uint32_t i = 0; i < keep; i++) { v->h[i] = tmp[i].h; v->w[i] = tmp[i].w; }
    v->n = keep;
}

/* A small open-addressing lookup of one article's (or episode's) features,
** so a dot product with a centroid is one probe per centroid feature. */
#define LOOK 1024
typedef struct look { uint32_t h[LOOK]; float w[LOOK]; } look;

static void look_fill(look *t, const vec *v) {
    memset(t->h, 0, sizeof t->h);
    for (uint32_t i = 0; i < v->n; i++) {
        uint32_t j = (v->h[i] * 2654435761u) & (LOOK - 1);
        while (t->h[j]) j = (j + 1) & (LOOK - 1);
        t->h[j] = v->h[i];
        t->w[j] = v->w[i];
    }
}

static float look_get(const look *t, uint32_t h) {
    uint32_t j = (h * 2654435761u) & (LOOK - 1);
    while (t->h[j]) {
        if (t->h[j] == h) return t->w[j];
        j = (j + 1) & (LOOK - 1);
    }
    return 0.0f;
}

static double cosine(const look *a, const vec *c) {
    double dot = 0;
    for (uint32_t i = 0; i < c->n; i++) dot += look_get(a, c->h[i]) * (double)c->w[i];
    double nc = vec_norm(c);
    return nc > 0 ? dot / nc : 0.0;
}

/* c += v; v is small (an article, or an episode's top features). */
static int vec_add(vec *c, const vec *v, uint32_t cap, hw *tmp) {
    if (vec_reserve(c, c->n + v->n)) return -1;
    for (uint32_t i = 0; i < v->n; i++) {
        uint32_t j;
        for (j = 0; j < c->n && c->h[j] != v->h[i]; j++) {}
        if (j == c->n) { c->h[j] = v->h[i]; c->w[j] = 0; c->n++; }
        c->w[j] += v->w[i];
    }
    vec_truncate(c, cap, tmp);
    return 0;
}

/* ---- the inverted index ---- */

static post *index_slot(invidx *x, uint32_t key) {
    size_t i = (key * 2654435761u) & (x->cap - 1);
    while (x->p[i].key && x->p[i].key != key) i = (i + 1) & (x->cap - 1);
    return &x->p[i];
}

static post *index_find(const invidx *x, uint32_t key) {
    if (!x->cap) return NULL;
    post *p = index_slot((invidx *)x, key);
    return p->key ? p : NULL;
}

/* File cluster id under key (once: a repeat of the newest entry is skipped). */
static int index_put(invidx *x, uint32_t key, uint32_t id) {
    if ((x->n + 1) * 2 > x->cap) {
        size_t cap = x->cap ? x->cap * 2 : 1024;
        post *np = calloc(cap, sizeof *np);
        if (!np) return -1;
        invidx old = *x;
        x->p = np; x->cap = cap;
        for (size_t i = 0; i < old.cap; i++)
            if (old.p[i].key) *index_slot(x, old.p[i].key) = old.p[i];
        x->bytes += (cap - old.cap) * sizeof *np;
        free(old.p);
    }
    post *p = index_slot(x, key);
    if (!p->key) { p->key = key; x->n++; }
    if (p->n && p->ids[p->n - 1] == id) return 0;
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 2;
        uint32_t *ids = realloc(p->ids, cap * sizeof *ids);
        if (!ids) return -1;
        x->bytes += (cap - p->cap) * sizeof *ids;
        p->ids = ids; p->cap = cap;
    }
    p->ids[p->n++] = id;
    return 0;
}

static void index_free(invidx *x) {
    for (size_t i = 0; i < x->cap; i++) free(x->p[i].ids);
    free(x->p);
}

/* ---- articles as vectors ---- */

/* TF-IDF over the article's kept features, names weighted by entity_weight,
** unit length: into W for every article. */
static int all_weights(const el_linker *L, weights *W) {
    size_t tot = 0;
    W->off = malloc((L->n + 1) * sizeof *W->off);
    if (!W->off) return -1;
    for (size_t i = 0; i < L->n; i++) { W->off[i] = tot; tot += L->art[i].n_feat; }
    W->w = malloc((tot + 1) * sizeof *W->w);
    if (!W->w) return -1;
    double N = (double)L->n;
    for (size_t i = 0; i < L->n; i++) {
        const lk_art *r = &L->art[i];
        float *w = W->w + W->off[i];
        double ss = 0;
        for (uint32_t k = 0; k < r->n_feat; k++) {
            uint32_t h = r->feat[k];
            double x = (1.0 + log(r->tf[k])) * (log((N + 1) / (lk_df_get(&L->df, h) + 1.0)) + 1.0);
            if (h & LK_ENT_BIT) x *= L->p.entity_weight;
            w[k] = (float)x;
            ss += x * x;
        }
        double nrm = ss > 0 ? sqrt(ss) : 1.0;
        for (uint32_t k = 0; k < r->n_feat; k++) w[k] = (float)(w[k] / nrm);
    }
    return 0;
}

/* Article i as a vector sorted by weight (most telling first: the query features). */
static void art_vec(const el_linker *L, const weights *W, size_t i, vec *v, hw *tmp) {
    const lk_art *r = &L->art[i];
    for (uint32_t k = 0; k < r->n_feat; k++) tmp[k] = (hw){r->feat[k], W->w[W->off[i] + k]};
    qsort(tmp, r->n_feat, sizeof *tmp, cmp_hw);
    for (uint32_t k = 0; k < r->n_feat; k++) { v->h[k] = tmp[k].h; v->w[k] = tmp[k].w; }
    v->n = r->n_feat;
}

/* Can an item dated d join a cluster spanning [first, last]? Undated items
** and clusters fit anywhere: their content alone decides. */
static bool dates_fit(el_date d, const cluster *c, int gap, int span) {
    if (d == EL_DATE_UNKNOWN || c->first == EL_DATE_UNKNOWN) return true;
    if (d > c->last + gap || d < c->first - gap) return false;
    el_date lo = d < c->first ? d : c->first, hi = d > c->last ? d : c->last;
    return hi - lo <= span;
}

static void widen(cluster *c, el_date d) {
    if (d == EL_DATE_UNKNOWN) return;
    if (c->first == EL_DATE_UNKNOWN || d < c->first) c->first = d;
    if (c->last == EL_DATE_UNKNOWN || d > c->last) c->last = d;
}

static long pool_new(pool *p) {
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 256;
        cluster *nc = realloc(p->c, cap * sizeof *nc);
        if (!nc) return -1;
        p->c = nc; p->cap = cap;
    }
    cluster *c = &p->c[p->n];
    memset(c, 0, sizeof *c);
    c->first = c->last = EL_DATE_UNKNOWN;
    c->parent = (uint32_t)p->n;
    return (long)p->n++;
}

static uint32_t cfind(pool *p, uint32_t i) {
    while (p->c[i].parent != i) {
        p->c[i].parent = p->c[p->c[i].parent].parent;
        i = p->c[i].parent;
    }
    return i;
}

static void pool_free(pool *p) {
    for (size_t i = 0; i < p->n; i++) vec_free(&p->c[i].c);
    free(p->c);
}

/* The best cluster for item vector v (dated d), among those filed under its
** first QUERY features, by cosine with their centroid (for a centroid that
** sums unit vectors, about the mean similarity with the members); -1 when
** none reaches min_sim. Ties go to the older cluster. */
static long best_cluster(pool *p, const invidx *x, const vec *v, const look *lv, el_date d,
                         int gap, int span, double min_sim, uint32_t stamp, double *sim) {
    long best = -1;
    double bs = min_sim;
    for (uint32_t q = 0; q < v->n && q < QUERY; q++) {
        const post *ps = index_find(x, v->h[q]);
        if (!ps) continue;
        for (uint32_t k = ps->n, seen = 0; k-- > 0 && seen < CAND_SCAN; seen++) {
            uint32_t id = cfind(p, ps->ids[k]);
            cluster *c = &p->c[id];
            if (c->stamp == stamp) continue;
            c->stamp = stamp;
            if (!dates_fit(d, c, gap, span)) continue;
            double s = cosine(lv, &c->c);
            if (s > bs || (s == bs && best >= 0 && id < (uint32_t)best)) { bs = s; best = id; }
        }
    }
    *sim = bs;
    return best;
}

/* Episodes, then threads; see the file header. */
int lk_cluster(el_linker *L, const uint32_t *order, size_t n) {
    pool eps = {0}, ths = {0};
    invidx ex = {0}, tx = {0};
    vec v = {0}, top = {0};
    look *lv = malloc(sizeof *lv);
    hw *tmp = malloc((CENT_CAP + LK_TERMS + LK_ENTS + THREAD_CAP) * sizeof *tmp);
    uint32_t *dup_ep = malloc(L->n * sizeof *dup_ep);    /* episode of a dup group */
    weights W = {0};
    int rc = EL_ENOMEM;
    if (!lv || !tmp || !dup_ep || all_weights(L, &W) || vec_reserve(&v, LK_TERMS + LK_ENTS)
        || vec_reserve(&top, CENT_CAP))
        goto out;
    for (size_t i = 0; i < L->n; i++) dup_ep[i] = LK_NONE;
    const el_link_params *P = &L->p;
    uint32_t stamp = 0;
    size_t swept = 0;
    el_date now = EL_DATE_UNKNOWN;
    for (size_t k = 0; k < n; k++) {
        lk_art *r = &L->art[order[k]];
        art_vec(L, &W, order[k], &v, tmp);
        look_fill(lv, &v);
        /* A near-duplicate of an article already placed goes where it went:
        ** a reprint is the same report, whatever its words' weights. */
        uint32_t root = lk_find(L->art, order[k]);
        long e = -1;
        double sim = 0;
        if (dup_ep[root] != LK_NONE) dup_ep[root] = cfind(&eps, dup_ep[root]);
        if (dup_ep[root] != LK_NONE
            && dates_fit(r->date, &eps.c[dup_ep[root]], P->episode_gap_days, P->episode_span_days))
            e = dup_ep[root];
        else
            e = best_cluster(&eps, &ex, &v, lv, r->date, P->episode_gap_days,
                             P->episode_span_days, P->episode_sim, ++stamp, &sim);
        if (e < 0 && (e = pool_new(&eps)) < 0) goto out;
        cluster *c = &eps.c[e];
        if (vec_add(&c->c, &v, CENT_CAP, tmp)) goto out;
        widen(c, r->date);
        c->n++;
        r->episode = (uint32_t)e;
        if (dup_ep[root] == LK_NONE) dup_ep[root] = (uint32_t)e;
        for (uint32_t q = 0; q < v.n && q < QUERY; q++)
            if (index_put(&ex, v.h[q], (uint32_t)e)) goto out;
        /* Episodes whose window has passed will take no more dated articles:
        ** shrink their centroids to what threads need. Swept every 1024
        ** articles from the oldest not yet swept, so memory stays flat. */
        if (r->date != EL_DATE_UNKNOWN) now = r->date;
        if (now != EL_DATE_UNKNOWN && (k & 1023) == 1023) {
            while (swept < eps.n && (eps.c[swept].parent != swept || eps.c[swept].last != EL_DATE_UNKNOWN)
                   && eps.c[swept].last + P->episode_gap_days < now) {
                vec_truncate(&eps.c[swept].c, CLOSED_CAP, tmp);
                vec_shrink(&eps.c[swept].c);
                swept++;
            }
        }
    }
    /* Threads: episodes in order of creation (their first article's order),
    ** each as its CLOSED_CAP top features, joined to the closest thread whose
    ** last date is within thread_gap_days. */
    uint32_t *th_of = malloc((eps.n + 1) * sizeof *th_of);
    if (!th_of) goto out;
    for (size_t i = 0; i < eps.n; i++) {
        cluster *c = &eps.c[i];
        if (c->parent != i) continue;           /* merged away */
        top.n = 0;
        vec_add(&top, &c->c, CENT_CAP, tmp);          /* copy, then keep the top */
        vec_truncate(&top, CLOSED_CAP, tmp);
        double nrm = vec_norm(&top);
        for (uint32_t j = 0; j < top.n; j++) top.w[j] = (float)(top.w[j] / (nrm > 0 ? nrm : 1));
        for (uint32_t j = 0; j < top.n; j++) tmp[j] = (hw){top.h[j], top.w[j]};
        qsort(tmp, top.n, sizeof *tmp, cmp_hw);
        for (uint32_t j = 0; j < top.n; j++) { top.h[j] = tmp[j].h; top.w[j] = tmp[j].w; }
        look_fill(lv, &top);
        double sim;
        long t = best_cluster(&ths, &tx, &top, lv, c->first, P->thread_gap_days, INT32_MAX / 2,
                              P->thread_sim, ++stamp, &sim);
        if (t < 0 && (t = pool_new(&ths)) < 0) { free(th_of); goto out; }
        cluster *tc = &ths.c[t];
        if (vec_add(&tc->c, &top, THREAD_CAP, tmp)) { free(th_of); goto out; }
        widen(tc, c->first);
        widen(tc, c->last);
        tc->n++;
        th_of[i] = (uint32_t)t;
        for (uint32_t q = 0; q < top.n && q < QUERY; q++)
            if (index_put(&tx, top.h[q], (uint32_t)t)) { free(th_of); goto out; }
    }
    for (size_t i = 0; i < L->n; i++) {
        L->art[i].episode = cfind(&eps, L->art[i].episode);
        L->art[i].thread = th_of[L->art[i].episode];
    }
    free(th_of);
    size_t cb = 0;
    for (size_t i = 0; i < eps.n; i++) cb += eps.c[i].c.cap * 8 + sizeof(cluster);
    for (size_t i = 0; i < ths.n; i++) cb += ths.c[i].c.cap * 8 + sizeof(cluster);
    L->index_bytes = cb + ex.bytes + tx.bytes;
    rc = EL_OK;
out:
    pool_free(&eps); pool_free(&ths);
    index_free(&ex); index_free(&tx);
    vec_free(&v); vec_free(&top);
    free(lv); free(tmp); free(dup_ep);
    free(W.w); free(W.off);
    return rc;
}
