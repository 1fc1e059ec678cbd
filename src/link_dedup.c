/*
** link_dedup.c: near-duplicate articles (wire copy republished, lightly
** edited reprints) by MinHash and LSH banding.
** In:  a segmented doc and its tokens' lemma hashes (lk_signature), then every kept signature (lk_dedup).
** Out: a 32-value signature per article (low 16 bits of each value, 64
**      bytes), and near-duplicate groups: union-find over pairs whose
**      estimated Jaccard similarity reaches dup_jaccard, plus a ring per group.
** Shingles are 4 consecutive lemmas of words and numbers, so "said"/"says"
** and punctuation edits do not break a match. One-permutation hashing with
** rotation densification: one hash per shingle, not 32.
*/
#include "link_int.h"
#include "sort.h"
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#define SHINGLE 4
#define ROWS (LK_SIG / LK_BANDS)

static uint64_t mix64(uint64_t x) {            /* splitmix64's finaliser */
    x ^= x >> 30; x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27; x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

bool lk_signature(const el_doc *doc, uint16_t sig[LK_SIG]) {
    uint64_t bin[LK_SIG];
    const uint64_t empty = UINT64_MAX, C = 0x9e3779b97f4a7c15ULL;
    uint64_t top = 1;                                   /* C^(SHINGLE-1): the oldest word's weight */
    for (int j = 1; j < SHINGLE; j++) top *= C;
    for (int b = 0; b < LK_SIG; b++) bin[b] = empty;
    _Static_assert(SHINGLE == 4, "the window is w1..w4");
    size_t nw = 0;
    uint64_t roll = 0;          /* w4 * C^3 + w3 * C^2 + w2 * C + w1: a rolling polynomial */
    uint64_t w1 = 0, w2 = 0, w3 = 0, w4 = 0;            /* the last words, w1 newest; 0 before the first */
    for (size_t k = 0; k < doc->n_toks; k++) {
        const el_token *t = &doc->toks[k];
        if (!(t->flags & (EL_TOK_WORD | EL_TOK_NUM))) continue;
        /* The shingle's hash, oldest word first (order matters), updated as
        ** the window slides instead of recomputed: the same value mod 2^64.
        ** The word leaving the window is w4 (0 while the window fills). */
        uint64_t x = t->lemma_h;
        roll = (roll - w4 * top) * C + x;
        w4 = w3; w3 = w2; w2 = w1; w1 = x;
        if (++nw < SHINGLE) continue;
        uint64_t y = mix64(roll);
        int b = (int)(y >> 59);                         /* top 5 bits pick the bin */
        uint64_t v = y & ((1ULL << 59) - 1);
        if (v < bin[b]) bin[b] = v;
    }
    if (nw < SHINGLE) { memset(sig, 0, LK_SIG * sizeof *sig); return false; }
    /* Densify: an empty bin borrows the next non-empty bin to its right, shifted
    ** by the distance, so two docs with the same set still agree bin for bin. */
    for (int b = 0; b < LK_SIG; b++) {
        uint64_t v = bin[b];
        int d = 0;
        while (v == empty) { d++; v = bin[(b + d) % LK_SIG]; }
        sig[b] = (uint16_t)(mix64(v + (uint64_t)d * 0x9e3779b97f4a7c15ULL) >> 48);
    }
    return true;
}

double lk_sig_similarity(const uint16_t *a, const uint16_t *b) {
    int same = 0;
    for (int k = 0; k < LK_SIG; k++) same += a[k] == b[k];
    return (double)same / LK_SIG;
}


static void try_pair(el_linker *L, uint32_t i, uint32_t j) {
    uint32_t ri = lk_find(L->art, i), rj = lk_find(L->art, j);
    if (ri == rj) return;
    if (lk_sig_similarity(L->art[i].sig, L->art[j].sig) < L->p.dup_jaccard) return;
    if (ri < rj) L->art[rj].dup = ri; else L->art[ri].dup = rj;   /* earliest is root */
}

/* Band by band, sort (band key, article) and verify the articles that share
** a key. A bucket of wire copy may be large: up to 64 members are compared
** pairwise, beyond that each with its 16 predecessors (they are all alike,
** so the chain still unites them). Temporary memory: 32 bytes per article. */
int lk_dedup(el_linker *L) {
    el_keyed *e = malloc(L->n * sizeof *e), *tmp = malloc(L->n * sizeof *tmp);
    if (!e || !tmp) { free(e); free(tmp); return EL_ENOMEM; }
    for (int b = 0; b < LK_BANDS; b++) {
        size_t n = 0;
        for (size_t i = 0; i < L->n; i++) {
            if (!L->art[i].has_sig) continue;
            const uint16_t *s = L->art[i].sig + b * ROWS;
            uint64_t key = (uint64_t)b << 48;
            for (int r = 0; r < ROWS; r++) key = key * 65537 + s[r];
            e[n++] = (el_keyed){mix64(key), (uint32_t)i, 0};
        }
        el_sort_keyed(e, tmp, n);                       /* by key, then article */
        for (size_t s = 0, t; s < n; s = t) {
            for (t = s + 1; t < n && e[t].key == e[s].key; t++) {}
            for (size_t x = s + 1; x < t; x++) {
                size_t from = t - s <= 64 ? s : (x > s + 16 ? x - 16 : s);
                for (size_t y = from; y < x; y++) try_pair(L, e[y].a, e[x].a);
            }
        }
    }
    free(e);
    free(tmp);
    for (uint32_t i = 0; i < L->n; i++) {               /* rings, for el_link_dups */
        uint32_t r = lk_find(L->art, i);
        if (r != i) { L->art[i].dup_next = L->art[r].dup_next; L->art[r].dup_next = i; }
    }
    return EL_OK;
}
