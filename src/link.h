/*
** link.h: stage 6, what links articles to each other.
** In:  segmented docs (el_link_add, one call per article while it is alive),
**      then event records from the coder (el_evlink_*, link_event.c).
** Out: per article its near-duplicates, its episode (one happening) and its
**      thread (the longer storyline); events merged across articles.
** el_link_add copies a few hundred bytes per article into run memory, so the
** doc may die right after; el_link_finish clusters. The result depends only
** on the set of articles, never on the order they came in (everything works
** in the order of date, then id).
*/
#ifndef EL_LINK_H
#define EL_LINK_H
#include <stdbool.h>
#include <stdint.h>
#include "el_int.h"

/* Tunables; el_link_params_default() gives the values tuned on ECB+ dev.
** Similarity of two groups of articles is the mean cosine over their pairs
** of articles (average linkage), TF-IDF with binary term frequencies. */
typedef struct el_link_params {
    double dup_jaccard;      /* near-duplicate when estimated Jaccard >= this */
    double episode_sim;      /* two groups are one episode while similarity >= this */
    double thread_sim;       /* two episodes are one thread while similarity >= this */
    double entity_weight;    /* weight of entity and place keys against lemma terms */
    int episode_gap_days;    /* groups merge only within this of each other's dates */
    int episode_span_days;   /* an episode never spans more than this */
    int thread_gap_days;     /* episodes join a thread within this of each other's dates */
} el_link_params;

void el_link_params_default(el_link_params *p);

typedef struct el_linker el_linker;   /* the run's link index; link.c */

/* A near-duplicate of an article, as reported. */
typedef struct el_link_dup { uint32_t article; float similarity; } el_link_dup;

/* New linker; NULL when out of memory. p NULL: defaults. lex (the engine's
** lexicon, may be NULL) tells common words from names at sentence starts. */
el_linker *el_linker_new(const el_link_params *p, const el_lexicon *lex);
void       el_linker_free(el_linker *L);     /* NULL is fine */
/* Copy what linking needs out of doc; returns the article's index (0, 1, ..
** in order of calls) or -1 when out of memory. Stages 1-3 must have run;
** doc->ments is used when the actor stage has filled it. */
long el_link_add(el_linker *L, const el_doc *doc);
/* Cluster everything added: near-duplicates, episodes, threads. Returns
** EL_OK or EL_ENOMEM. Call once; el_link_add may not follow. */
int  el_link_finish(el_linker *L);

/* Results, valid after el_link_finish, owned by the linker. Episodes and
** threads are numbered 1, 2, .. in order of their first article (by date,
** then id), so ids are deterministic. */
size_t      el_link_count(const el_linker *L);
const char *el_link_id(const el_linker *L, size_t i);
uint32_t    el_link_episode(const el_linker *L, size_t i);
uint32_t    el_link_thread(const el_linker *L, size_t i);
/* Near-duplicates of article i, most similar first, at most max; returns the count. */
size_t      el_link_dups(const el_linker *L, size_t i, el_link_dup *out, size_t max);
/* Estimated Jaccard similarity of two articles' shingle sets. */
double      el_link_similarity(const el_linker *L, size_t i, size_t j);
size_t      el_link_n_episodes(const el_linker *L);
size_t      el_link_n_threads(const el_linker *L);
size_t      el_link_bytes(const el_linker *L);   /* run memory held, for --stats */
size_t      el_link_peak_bytes(const el_linker *L);  /* el_link_finish's working memory at its peak */

/* ---- Cross-document event deduplication (link_event.c) ---- */

#define EL_EVREC_MAX_ACTORS 4

/* One event mention as the coder (or a test, or the ECB+ harness) sees it.
** Strings are borrowed: they must live until el_evlink_finish returns. */
typedef struct el_event_rec {
    uint32_t article;           /* article index (el_link_add order) */
    const char *outlet;         /* for num_sources; NULL when unknown */
    uint32_t sentence, start, end;   /* offsets into the article's body */
    const char *category;       /* PLOVER category ("CONSULT"), or NULL when uncoded */
    const char *cameo;          /* CAMEO code ("043"), or NULL */
    const char *lemma;          /* head lemma; the key when category is NULL */
    const char *source[EL_EVREC_MAX_ACTORS];   /* entity ids or CAMEO actor codes */
    const char *target[EL_EVREC_MAX_ACTORS];
    uint8_t n_source, n_target;
    el_date date_lo, date_hi;   /* the date's range by granularity (a day: lo == hi);
                                ** EL_DATE_UNKNOWN when unresolved */
    const char *place;          /* a place key (entity id or name), or NULL */
    uint8_t modality;           /* el_modality of code.h; 0 asserted */
    uint32_t episode;           /* from the linker; 0 unknown (no blocking) */
    uint64_t context[8];        /* hashed context words (a tiny bag), 0 = empty */
} el_event_rec;

typedef struct el_evlink el_evlink;

el_evlink *el_evlink_new(void);          /* NULL when out of memory */
/* Uncoded records (lemma keys) must share at least this fraction of their
** context words with an event to join it; 0 (the default) ignores context. */
void       el_evlink_set_context_min(el_evlink *v, double m);
void       el_evlink_free(el_evlink *v);
/* Add one record (copied, strings borrowed); returns its index or -1. */
long       el_evlink_add(el_evlink *v, const el_event_rec *r);
/* Merge the records into events; EL_OK or EL_ENOMEM. */
int        el_evlink_finish(el_evlink *v);
size_t     el_evlink_n_events(const el_evlink *v);
/* Event of record r (0-based, dense, in order of first mention). */
uint32_t   el_evlink_event_of(const el_evlink *v, size_t r);
/* Counts of event e: mentions, distinct articles, distinct outlets. */
void       el_evlink_counts(const el_evlink *v, size_t e, uint32_t *mentions,
                            uint32_t *articles, uint32_t *sources);
/* Records of event e in order (indices into the add order); returns the count. */
size_t     el_evlink_mentions(const el_evlink *v, size_t e, const uint32_t **recs);
/* Do the mentions of event e disagree on date, place or modality? (Kept,
** not resolved: the mentions carry each their own value.) */
bool       el_evlink_contradicts(const el_evlink *v, size_t e);

#endif
