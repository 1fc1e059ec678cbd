/*
** link_int.h: what link.c, link_dedup.c and link_episode.c share (private
** to stage 6; callers use link.h).
** An article is kept as an lk_art: its id, date, up to LK_FEAT hashed
** features (lemma terms, numbers, entity keys, place keys; ascending) and a
** 32-value MinHash signature: under 400 bytes, whatever the article's length.
** Document frequencies live in one table of hashed buckets (lk_df), at most
** 4 MB however large the run. Feature hashes carry their kind in the top two
** bits; 0 is never a valid hash (it marks empty slots).
*/
#ifndef EL_LINK_INT_H
#define EL_LINK_INT_H
#include "link.h"
#include "arena.h"
#include "lemma.h"

#define LK_TERMS     48     /* lemma terms kept per article */
#define LK_NUMS      8      /* numbers ("23", "2013", "5.6") */
#define LK_ENTS      16     /* entity and place keys */
#define LK_FEAT      (LK_TERMS + LK_NUMS + LK_ENTS)
#define LK_SIG       32     /* MinHash values per article (one-permutation hashing) */
#define LK_BANDS     16     /* LSH bands of LK_SIG / LK_BANDS rows */
#define LK_KIND(h)   ((h) >> 30)
#define LK_TERM      0u     /* kinds, the top two bits of a feature hash */
#define LK_NUM       1u
#define LK_ENT       2u
#define LK_PLACE     3u
#define LK_NONE      UINT32_MAX
#define LK_STOPSET   4096   /* slots of the stop-word hash set (power of two) */
#define LK_CALSET    64     /* ... of day and month names */
#define LK_DF_BITS   20     /* document frequencies are counted per bucket of 2^20 */
#define LK_DF_DENSE  (1u << 18)  /* distinct buckets from which the table is a plain array */

typedef struct lk_art {
    const char *id;             /* run arena */
    uint32_t *feat;             /* n_feat hashes, ascending, run arena */
    el_date date;               /* EL_DATE_UNKNOWN when undated */
    uint32_t dup;               /* union-find parent over near-duplicates */
    uint32_t dup_next;          /* next member of its near-duplicate group (a ring) */
    uint32_t episode, thread;   /* internal ids until numbered */
    uint8_t n_feat;
    bool has_sig;               /* false for articles too short to shingle */
    uint16_t sig[LK_SIG];       /* low 16 bits of each bin's minimum */
} lk_art;

/* Document frequencies per bucket of feature hashes (a capped vocabulary:
** features that share a bucket share a count). Open addressing over the
** bucket ids while they are few, then a plain array of 2^LK_DF_BITS counts.
** Counts are sums, so the table does not depend on the order of the input. */
typedef struct lk_dfslot { uint32_t key, cnt; } lk_dfslot;   /* bucket + 1 (0 = empty), its count */
typedef struct lk_df {
    lk_dfslot *s;               /* sparse: open addressing, at most 3/4 full */
    size_t cap, n;
    uint32_t *dense;            /* once n reaches LK_DF_DENSE: count per bucket */
} lk_df;

struct el_linker {
    el_link_params p;
    const el_lexicon *lex;      /* may be NULL */
    uint32_t stopset[LK_STOPSET];   /* stop-word hashes, 0 = empty */
    uint32_t calset[LK_CALSET];     /* day and month names */
    el_arena *a;                /* ids, features */
    lk_art *art; size_t n, cap; /* realloc'd: grows for the whole run */
    lk_df df;
    uint32_t *slot; size_t slot_cap;  /* el_link_add's counting table (link.c), empty between
                                      ** articles, sized for the longest; freed by el_link_finish */
    uint32_t *ep_of_num, *th_of_num;  /* output numbering, set by finish */
    size_t n_episodes, n_threads;
    size_t peak_bytes;          /* peak working memory of el_link_finish */
    bool finished, failed;
};

/* link.c */
int      lk_df_add(lk_df *t, uint32_t h);             /* 0, or -1 out of memory */
uint32_t lk_df_get(const lk_df *t, uint32_t h);
void     lk_df_prefetch(const lk_df *t, uint32_t h);          /* a hint before lk_df_add */
size_t   lk_df_bytes(const lk_df *t);
void     lk_df_free(lk_df *t);
uint32_t lk_find(lk_art *art, uint32_t i);           /* union-find root with halving */
/* The k-th largest of x[0..n) (1 <= k <= n), by Hoare's selection; x is reordered. */
uint64_t lk_kth_largest(uint64_t *x, size_t n, size_t k);

/* link_dedup.c */
/* Signature of the shingles of doc's lemmas (their lemma_h) into sig;
** false when too short. */
bool   lk_signature(const el_doc *doc, uint16_t sig[LK_SIG]);
double lk_sig_similarity(const uint16_t *a, const uint16_t *b);
/* Find near-duplicate pairs by LSH banding and union them; EL_OK or EL_ENOMEM. */
int    lk_dedup(el_linker *L);

/* link_episode.c */
/* Cluster the articles (order[]: by date, undated last, then id) into
** episodes, then the episodes into threads; sets art[].episode and
** art[].thread (internal ids) and L->peak_bytes. EL_OK or EL_ENOMEM. */
int    lk_cluster(el_linker *L, const uint32_t *order, size_t n);
/* Dot product of two sparse vectors (hashes strictly ascending, weights
** aligned): the products of shared hashes summed in ascending hash order. */
double lk_dot(const uint32_t *ah, const float *aw, uint32_t an,
              const uint32_t *bh, const float *bw, uint32_t bn);

#endif
