/*
** link_event.c: one event, many mentions: cross-document event deduplication.
** In:  event records (el_event_rec, link.h), one per coded mention, each with
**      its category (or head lemma when uncoded), actors, date range, place,
**      modality, episode and article; added in any order.
** Out: events: every record belongs to exactly one; per event its mentions,
**      num_mentions, num_articles, num_sources (distinct outlets).
** Records are blocked by (episode, category or lemma): an event never spans
** two episodes, so candidates are few, never all pairs. Inside a block a
** record joins the compatible event sharing most actors among the
** BLOCK_SCAN events of the block last joined (a big episode's block may
** hold thousands; reports of one happening sit close in article order). Details that
** disagree within their tolerance (a day's slack, an unknown place) merge and
** stay visible on the mentions; el_evlink_contradicts() says so.
*/
#include "link.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EV_ACTORS 8     /* actors an event remembers per role */
#define EV_CTX    32    /* context hashes an event remembers */
#define BLOCK_SCAN 256  /* events of a block a record is compared with */

typedef struct ev {
    const char *src[EV_ACTORS], *tgt[EV_ACTORS];
    uint8_t n_src, n_tgt;
    el_date lo, hi;              /* intersection of the mentions' known ranges */
    const char *place;
    uint8_t modality;
    uint32_t n_rec, first;       /* mentions; first record (by order) */
    uint64_t ctx[EV_CTX];
    uint32_t n_ctx;
    bool contradicts;
} ev;

struct el_evlink {
    el_event_rec *r; size_t n, cap;
    uint32_t *event_of;          /* per record */
    ev *e; size_t ne;
    uint32_t *mem, *mem_off;     /* records of event k: mem[mem_off[k] .. mem_off[k+1]) */
    double context_min;
};

el_evlink *el_evlink_new(void) {
    el_evlink *v = calloc(1, sizeof *v);
    return v;
}

void el_evlink_set_context_min(el_evlink *v, double m) { v->context_min = m; }

void el_evlink_free(el_evlink *v) {
    if (!v) return;
    free(v->r); free(v->event_of); free(v->e); free(v->mem); free(v->mem_off);
    free(v);
}

long el_evlink_add(el_evlink *v, const el_event_rec *r) {
    if (!el_heap_reserve((void **)&v->r, &v->cap, v->n, sizeof *v->r, 256)) return -1;
    v->r[v->n] = *r;
    return (long)v->n++;
}

static const char *key_of(const el_event_rec *r) {
    return r->category ? r->category : r->lemma ? r->lemma : "";
}

/* Block order: episode, category (or lemma), then the record's place in the
** text, so the result does not depend on the order of el_evlink_add calls. */
static int cmp_rec(const void *pa, const void *pb, void *ud) {
    const el_event_rec *R = ud;
    const el_event_rec *a = &R[*(const uint32_t *)pa], *b = &R[*(const uint32_t *)pb];
    if (a->episode != b->episode) return a->episode < b->episode ? -1 : 1;
    int c = strcmp(key_of(a), key_of(b));
    if (c) return c;
    if (a->article != b->article) return a->article < b->article ? -1 : 1;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return *(const uint32_t *)pa < *(const uint32_t *)pb ? -1 : 1;
}

/* Actor codes match when equal or when one refines the other: "USA" and
** "USAGOV" are the same side at two levels of detail; entity ids are equal
** or not. */
/* Actor keys are CAMEO codes, optionally with "#" and a person's entity id
** ("USASPY#p9"). Two persons match only as the same person; otherwise codes
** match when one is a prefix of the other ("USA" and "USAGOV"). */
static const char *person_of(const char *a) { return strchr(a, '#'); }

static bool actor_match(const char *a, const char *b) {
    const char *pa = person_of(a), *pb = person_of(b);
    if (pa && pb) return strcmp(pa, pb) == 0;
    size_t na = pa ? (size_t)(pa - a) : strlen(a), nb = pb ? (size_t)(pb - b) : strlen(b);
    if (na == nb) return memcmp(a, b, na) == 0;
    size_t m = na < nb ? na : nb;
    return m >= 3 && memcmp(a, b, m) == 0;
}

static bool has_person(const char *const *a, int n) {
    for (int i = 0; i < n; i++) if (person_of(a[i])) return true;
    return false;
}

/* Persons of list a that are not persons of list b. */
static int unmatched_persons(const char *const *a, int na, const char *const *b, int nb) {
    int u = 0;
    for (int i = 0; i < na; i++) {
        const char *pa = person_of(a[i]);
        if (!pa) continue;
        int j;
        for (j = 0; j < nb; j++) {
            const char *pb = person_of(b[j]);
            if (pb && !strcmp(pa, pb)) break;
        }
        u += j == nb;
    }
    return u;
}

static int shared(const char *const *a, int na, const char *const *b, int nb) {
    int s = 0;
    for (int i = 0; i < na; i++)
        for (int j = 0; j < nb; j++)
            if (actor_match(a[i], b[j])) { s++; break; }
    return s;
}

/* Symmetric categories: "A met B" and "B met A" are one meeting. */
static bool symmetric(const char *cat) {
    return cat && (!strcmp(cat, "CONSULT") || !strcmp(cat, "COOPERATE") || !strcmp(cat, "AGREE"));
}

/* Uncoded heads that name no particular happening: reporting and light verbs
** ("said", "told", "according") recur for many statements in one episode, so
** only their context can tell which statement is meant. Sorted. */
static const char *const light_heads[] = {
    "accord", "announce", "be", "call", "claim", "comment", "confirm", "do", "get", "give",
    "have", "make", "report", "say", "state", "statement", "take", "tell",
};

static int cmp_sv(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static bool light(const el_event_rec *r) {
    if (r->category || !r->lemma) return false;
    return bsearch(&r->lemma, light_heads, sizeof light_heads / sizeof *light_heads,
                   sizeof *light_heads, cmp_sv) != NULL;
}

static double ctx_overlap(const el_event_rec *r, const ev *e) {
    int nr = 0, hit = 0;
    for (int i = 0; i < 8 && r->context[i]; i++) {
        nr++;
        for (uint32_t j = 0; j < e->n_ctx; j++)
            if (e->ctx[j] == r->context[i]) { hit++; break; }
    }
    return nr && e->n_ctx ? (double)hit / nr : -1.0;      /* -1: nothing to compare */
}

/* Can record r be a mention of event e? Returns -1 when not, else a score
** (shared actors, then context) to choose among several. */
static double compatible(const el_evlink *v, const el_event_rec *r, const ev *e) {
    /* Dates: known ranges must meet, give or take a day (a report dated the
    ** 14th may put a Tuesday-evening meeting on the 13th or the 14th). */
    if (r->date_lo != EL_DATE_UNKNOWN && e->lo != EL_DATE_UNKNOWN
        && (r->date_lo > e->hi + 1 || r->date_hi + 1 < e->lo))
        return -1;
    if (r->place && e->place && strcmp(r->place, e->place) != 0) return -1;
    if (r->modality != e->modality) return -1;    /* planned talks are not the talks held */
    int s;
    if (symmetric(r->category)) {
        const char *ra[2 * EL_EVREC_MAX_ACTORS], *ea[2 * EV_ACTORS];
        int nra = 0, nea = 0;
        for (int i = 0; i < r->n_source; i++) ra[nra++] = r->source[i];
        for (int i = 0; i < r->n_target; i++) ra[nra++] = r->target[i];
        for (int i = 0; i < e->n_src; i++) ea[nea++] = e->src[i];
        for (int i = 0; i < e->n_tgt; i++) ea[nea++] = e->tgt[i];
        s = shared(ra, nra, ea, nea);
        /* Two participants each: two in common. One meeting of four is not
        ** every meeting one of them had that week. */
        if (nra && nea && s < (nra >= 2 && nea >= 2 ? 2 : 1)) return -1;
        /* A person leading one side and absent from the other's persons
        ** makes another meeting ("Sisi received Burns and Al-Thani" is not
        ** "Burns, Al-Thani, Barnea and Kamel met"); so does each side naming
        ** a person the other does not. */
        if ((has_person(ea, nea) && unmatched_persons(r->source, r->n_source, ea, nea)) ||
            (has_person(ra, nra) && unmatched_persons(e->src, e->n_src, ra, nra)))
            return -1;
        if (unmatched_persons(ra, nra, ea, nea) && unmatched_persons(ea, nea, ra, nra)) return -1;
    } else {
        int ss = shared(r->source, r->n_source, e->src, e->n_src);
        int st = shared(r->target, r->n_target, e->tgt, e->n_tgt);
        if ((r->n_source && e->n_src && !ss) || (r->n_target && e->n_tgt && !st)) return -1;
        s = ss + st;
    }
    double c = ctx_overlap(r, e);
    if (c >= 0 && c < v->context_min && light(r)) return -1;
    return s + (c > 0 ? c : 0);
}

static void add_actors(const char **dst, uint8_t *n, const char *const *src, int ns) {
    for (int i = 0; i < ns; i++) {
        int j;
        for (j = 0; j < *n && strcmp(dst[j], src[i]); j++) {}
        if (j == *n && *n < EV_ACTORS) dst[(*n)++] = src[i];
    }
}

static void join(ev *e, const el_event_rec *r, uint32_t ri) {
    if (!e->n_rec) {
        e->lo = r->date_lo; e->hi = r->date_hi;
        e->modality = r->modality;
        e->first = ri;
    } else if (r->date_lo != EL_DATE_UNKNOWN) {
        if (e->lo == EL_DATE_UNKNOWN) { e->lo = r->date_lo; e->hi = r->date_hi; }
        else {
            if (r->date_lo != e->lo || r->date_hi != e->hi) e->contradicts = true;
            if (r->date_lo > e->lo) e->lo = r->date_lo;     /* narrow to what all allow */
            if (r->date_hi < e->hi) e->hi = r->date_hi;
            if (e->lo > e->hi) e->hi = e->lo;               /* a day apart: keep the later */
        }
    }
    if (r->place && !e->place) e->place = r->place;
    add_actors(e->src, &e->n_src, r->source, r->n_source);
    add_actors(e->tgt, &e->n_tgt, r->target, r->n_target);
    for (int i = 0; i < 8 && r->context[i]; i++) {
        uint32_t j;
        for (j = 0; j < e->n_ctx && e->ctx[j] != r->context[i]; j++) {}
        if (j == e->n_ctx && e->n_ctx < EV_CTX) e->ctx[e->n_ctx++] = r->context[i];
    }
    e->n_rec++;
}

int el_evlink_finish(el_evlink *v) {
    uint32_t *order = malloc((v->n + 1) * sizeof *order);
    uint32_t *blk_ev = malloc((v->n + 1) * sizeof *blk_ev);    /* events of the current block */
    v->event_of = malloc((v->n + 1) * sizeof *v->event_of);
    v->e = calloc(v->n + 1, sizeof *v->e);
    if (!order || !blk_ev || !v->event_of || !v->e) { free(order); free(blk_ev); return EL_ENOMEM; }
    for (size_t i = 0; i < v->n; i++) order[i] = (uint32_t)i;
    qsort_r(order, v->n, sizeof *order, cmp_rec, v->r);
    size_t nb = 0;
    for (size_t k = 0; k < v->n; k++) {
        const el_event_rec *r = &v->r[order[k]];
        if (k == 0 || r->episode != v->r[order[k - 1]].episode
            || strcmp(key_of(r), key_of(&v->r[order[k - 1]])) != 0)
            nb = 0;                                          /* a new block */
        /* blk_ev[0..nb) holds the block's events, most recently joined
        ** last; the scan is the last BLOCK_SCAN of them. */
        long best = -1;
        size_t at = 0;
        double bs = -1;
        for (size_t j = nb > BLOCK_SCAN ? nb - BLOCK_SCAN : 0; j < nb; j++) {
            double s = compatible(v, r, &v->e[blk_ev[j]]);
            if (s > bs || (s == bs && s >= 0 && blk_ev[j] < (uint32_t)best)) { bs = s; best = blk_ev[j]; at = j; }
        }
        if (best < 0) { best = (long)v->ne++; at = nb++; }
        else if (nb > BLOCK_SCAN) memmove(blk_ev + at, blk_ev + at + 1, (nb - 1 - at) * sizeof *blk_ev);
        else at = SIZE_MAX;                 /* small block: order does not matter */
        if (at != SIZE_MAX) blk_ev[nb - 1] = (uint32_t)best;
        join(&v->e[best], r, order[k]);
        v->event_of[order[k]] = (uint32_t)best;
    }
    free(order);
    free(blk_ev);
    /* Number events by their first record in add order, and list members. */
    uint32_t *renum = malloc((v->ne + 1) * sizeof *renum);
    v->mem = malloc((v->n + 1) * sizeof *v->mem);
    v->mem_off = calloc(v->ne + 2, sizeof *v->mem_off);
    ev *ne = calloc(v->ne + 1, sizeof *ne);
    if (!renum || !v->mem || !v->mem_off || !ne) { free(renum); free(ne); return EL_ENOMEM; }
    for (size_t k = 0; k < v->ne; k++) renum[k] = UINT32_MAX;
    uint32_t next = 0;
    for (size_t i = 0; i < v->n; i++) {
        uint32_t e = v->event_of[i];
        if (renum[e] == UINT32_MAX) { renum[e] = next; ne[next++] = v->e[e]; }
        v->event_of[i] = renum[e];
        v->mem_off[renum[e] + 1]++;
    }
    for (size_t k = 0; k < v->ne; k++) v->mem_off[k + 1] += v->mem_off[k];
    uint32_t *fill = calloc(v->ne + 1, sizeof *fill);
    if (!fill) { free(renum); free(ne); return EL_ENOMEM; }
    for (size_t i = 0; i < v->n; i++) {
        uint32_t e = v->event_of[i];
        v->mem[v->mem_off[e] + fill[e]++] = (uint32_t)i;
    }
    free(fill);
    free(renum);
    free(v->e);
    v->e = ne;
    return EL_OK;
}

size_t el_evlink_n_events(const el_evlink *v) { return v->ne; }
uint32_t el_evlink_event_of(const el_evlink *v, size_t r) { return v->event_of[r]; }

size_t el_evlink_mentions(const el_evlink *v, size_t e, const uint32_t **recs) {
    *recs = v->mem + v->mem_off[e];
    return v->mem_off[e + 1] - v->mem_off[e];
}

static int cmp_u32(const void *x, const void *y) {
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return a < b ? -1 : a > b;
}

static int cmp_str(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Distinct articles and outlets by sorting: an event reprinted by hundreds
** of outlets stays n log n. Out of memory: a pairwise count over the first
** mentions only (an undercount, never a crash). */
void el_evlink_counts(const el_evlink *v, size_t e, uint32_t *mentions, uint32_t *articles,
                      uint32_t *sources) {
    const uint32_t *m;
    size_t n = el_evlink_mentions(v, e, &m);
    uint32_t na = 0, ns = 0;
    uint32_t *art = malloc((n + 1) * sizeof *art);
    const char **out = malloc((n + 1) * sizeof *out);
    if (art && out) {
        size_t no = 0;
        for (size_t i = 0; i < n; i++) {
            art[i] = v->r[m[i]].article;
            if (v->r[m[i]].outlet) out[no++] = v->r[m[i]].outlet;
        }
        qsort(art, n, sizeof *art, cmp_u32);
        qsort(out, no, sizeof *out, cmp_str);
        for (size_t i = 0; i < n; i++) na += !i || art[i] != art[i - 1];
        for (size_t i = 0; i < no; i++) ns += !i || strcmp(out[i], out[i - 1]) != 0;
    } else {
        size_t cap = n < 64 ? n : 64;
        for (size_t i = 0; i < cap; i++) {
            const el_event_rec *r = &v->r[m[i]];
            size_t j;
            for (j = 0; j < i && v->r[m[j]].article != r->article; j++) {}
            if (j == i) na++;
            if (!r->outlet) continue;
            for (j = 0; j < i && !(v->r[m[j]].outlet && !strcmp(v->r[m[j]].outlet, r->outlet)); j++) {}
            if (j == i) ns++;
        }
    }
    free(art);
    free(out);
    *mentions = (uint32_t)n;
    *articles = na;
    *sources = ns;
}

bool el_evlink_contradicts(const el_evlink *v, size_t e) {
    if (v->e[e].contradicts) return true;
    const uint32_t *m;
    size_t n = el_evlink_mentions(v, e, &m);
    const char *place = NULL;
    for (size_t i = 0; i < n; i++) {       /* a place given by one and not another is no clash */
        const char *p = v->r[m[i]].place;
        if (p && place && strcmp(p, place)) return true;
        if (p) place = p;
    }
    return false;
}
