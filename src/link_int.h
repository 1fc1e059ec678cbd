/*
** link_int.h: what link.c, link_dedup.c and link_episode.c share (private
** to stage 6; callers use link.h).
** An article is kept as an lk_art: its id, date, up to LK_TERMS weighted
** features (lemma terms and entity keys, hashed) and a 32-value MinHash
** signature: about 300 bytes in all, whatever the article's length.
** Feature hashes: bit 31 set marks an entity key, clear a lemma term; 0 is
** never a valid hash (it marks empty slots).
*/
#ifndef EL_LINK_INT_H
#define EL_LINK_INT_H
#include "link.h"
#include "arena.h"
#include "lemma.h"

#define LK_TERMS     64     /* lemma terms kept per article */
#define LK_ENTS      16     /* entity keys kept per article */
#define LK_SIG       32     /* MinHash values per article (one-permutation hashing) */
#define LK_BANDS     16     /* LSH bands of LK_SIG / LK_BANDS rows */
#define LK_ENT_BIT   0x80000000u
#define LK_NONE      UINT32_MAX
#define LK_STOPSET   1024   /* slots of the stop-word hash set (power of two) */

typedef struct lk_art {
    const char *id;             /* run arena */
    el_date date;               /* EL_DATE_UNKNOWN when undated */
    uint32_t *feat;             /* n_feat hashes, run arena */
    uint8_t *tf;                /* their counts (capped at 255) */
    uint16_t n_feat;
    bool has_sig;               /* false for articles too short to shingle */
    uint16_t sig[LK_SIG];       /* low 16 bits of each bin's minimum */
    uint32_t dup;               /* union-find parent over near-duplicates */
    uint32_t dup_next;          /* next member of its near-duplicate group (a ring) */
    uint32_t episode, thread;   /* 0-based internal ids until numbered */
} lk_art;

/* Document frequencies of feature hashes: open addressing, grows at 1/2 load. */
typedef struct lk_df { uint32_t *key, *cnt; size_t cap, n; } lk_df;

struct el_linker {
    el_link_params p;
    const el_lexicon *lex;      /* may be NULL */
    uint32_t stopset[LK_STOPSET];   /* stop-word hashes, 0 = empty */
    el_arena *a;                /* ids, features */
    lk_art *art; size_t n, cap; /* realloc'd: grows for the whole run */
    lk_df df;
    uint32_t *ep_of_num, *th_of_num;  /* output numbering, set by finish */
    size_t n_episodes, n_threads;
    size_t index_bytes;         /* peak bytes of the episode/thread index */
    bool finished, failed;
};

/* link.c */
int      lk_df_add(lk_df *t, uint32_t h);             /* 0, or -1 out of memory */
uint32_t lk_df_get(const lk_df *t, uint32_t h);
uint32_t lk_find(lk_art *art, uint32_t i);           /* union-find root with halving */

/* link_dedup.c */
/* Signature of the shingles of doc's lemmas into a; false when too short. */
bool   lk_signature(const el_doc *doc, uint16_t sig[LK_SIG]);
double lk_sig_similarity(const uint16_t *a, const uint16_t *b);
/* Find near-duplicate pairs by LSH banding and union them; EL_OK or EL_ENOMEM. */
int    lk_dedup(el_linker *L);

/* link_episode.c */
/* Online clustering of the articles in order[] into episodes, then of the
** episodes into threads; sets art[].episode and art[].thread (0-based, in
** order of creation). Returns EL_OK or EL_ENOMEM. */
int    lk_cluster(el_linker *L, const uint32_t *order, size_t n);

#endif
