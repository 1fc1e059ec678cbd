/*
** link.c: stage 6, the linker's front: what each article leaves behind, and
** the order the clustering sees.
** In:  segmented docs, one el_link_add() each while the doc is alive; the
**      actor stage's doc->ments when it has run.
** Out: lk_art records (link_int.h) in run memory; after el_link_finish(),
**      near-duplicates (link_dedup.c), episodes and threads (link_episode.c)
**      numbered E1.., T1.. in order of their first article by date, then id.
** Features are chosen from the article alone (term counts, a stop list, word
** length), never from corpus statistics, so what is kept does not depend on
** the order of the input; IDF comes from the whole run at finish.
*/
#include "link_int.h"
#include "annotate_actor.h"
#include <stdlib.h>
#include <string.h>
#define XXH_INLINE_ALL             /* a hash per token: no call into the library */
#include <xxhash.h>

void el_link_params_default(el_link_params *p) {
    p->dup_jaccard = 0.5;
    p->episode_sim = 0.11;        /* mean cosine between two groups' articles (ECB+ dev) */
    p->thread_sim = 0.02;
    p->entity_weight = 1.0;
    p->episode_gap_days = 4;      /* a round of talks, a trial day, a disaster's first week */
    p->episode_span_days = 10;
    p->thread_gap_days = 90;      /* storylines pause for weeks between rounds */
}

static void stop_build(el_linker *L);

el_linker *el_linker_new(const el_link_params *p, const el_lexicon *lex) {
    el_linker *L = calloc(1, sizeof *L);
    if (!L) return NULL;
    if (p) L->p = *p; else el_link_params_default(&L->p);
    L->lex = lex;
    stop_build(L);
    L->a = el_arena_new(NULL, 1 << 20);
    if (!L->a) { free(L); return NULL; }
    return L;
}

void el_linker_free(el_linker *L) {
    if (!L) return;
    el_arena_free(L->a);
    free(L->art);
    lk_df_free(&L->df);
    free(L->slot);
    free(L->ep_of_num);
    free(L->th_of_num);
    free(L);
}

/* ---- document frequencies ---- */

static uint32_t df_bucket(uint32_t h) { return (h * 0x9E3779B1u) >> (32 - LK_DF_BITS); }

static size_t df_slot(const lk_dfslot *s, size_t cap, uint32_t k) {
    size_t i = (k * 2654435761u) & (cap - 1);
    while (s[i].key && s[i].key != k) i = (i + 1) & (cap - 1);
    return i;
}

/* From sparse to a plain array of counts: the table's largest form. */
static int df_densify(lk_df *t) {
    uint32_t *d = calloc((size_t)1 << LK_DF_BITS, sizeof *d);
    if (!d) return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->s[i].key) d[t->s[i].key - 1] = t->s[i].cnt;
    free(t->s);
    t->s = NULL;
    t->cap = 0;
    t->dense = d;
    return 0;
}

/* Room for one more bucket: a table twice the size, or the plain array. */
static int df_grow(lk_df *t) {
    if (t->n + 1 > LK_DF_DENSE) return df_densify(t);
    size_t cap = t->cap ? t->cap * 2 : 4096;
    lk_dfslot *s = calloc(cap, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->s[i].key) s[df_slot(s, cap, t->s[i].key)] = t->s[i];
    free(t->s);
    t->s = s; t->cap = cap;
    return 0;
}

/* lk_df_add, inlined where el_link_add counts an article's features. */
static inline int df_add(lk_df *t, uint32_t h) {
    uint32_t b = df_bucket(h);
    if (!t->dense && (t->n + 1) * 4 > t->cap * 3 && df_grow(t)) return -1;
    if (t->dense) { t->dense[b]++; return 0; }
    size_t i = df_slot(t->s, t->cap, b + 1);
    if (!t->s[i].key) { t->s[i].key = b + 1; t->n++; }
    t->s[i].cnt++;
    return 0;
}

int lk_df_add(lk_df *t, uint32_t h) { return df_add(t, h); }

/* Ask for h's counter ahead of lk_df_add: the table is megabytes, read at
** random, so an article's hundred-odd counts overlap their cache misses. */
void lk_df_prefetch(const lk_df *t, uint32_t h) {
    uint32_t b = df_bucket(h);
    if (t->dense) { __builtin_prefetch(&t->dense[b], 1); return; }
    if (!t->cap) return;
    __builtin_prefetch(&t->s[((b + 1) * 2654435761u) & (t->cap - 1)], 1);
}

uint32_t lk_df_get(const lk_df *t, uint32_t h) {
    uint32_t b = df_bucket(h);
    if (t->dense) return t->dense[b];
    if (!t->cap) return 0;
    size_t i = df_slot(t->s, t->cap, b + 1);
    return t->s[i].key ? t->s[i].cnt : 0;
}

size_t lk_df_bytes(const lk_df *t) {
    return t->dense ? ((size_t)1 << LK_DF_BITS) * sizeof *t->dense : t->cap * sizeof *t->s;
}

void lk_df_free(lk_df *t) {
    free(t->s); free(t->dense);
    memset(t, 0, sizeof *t);
}

uint32_t lk_find(lk_art *art, uint32_t i) {
    while (art[i].dup != i) {
        art[i].dup = art[art[i].dup].dup;
        i = art[i].dup;
    }
    return i;
}

/* ---- features ---- */

/* Words that say nothing about which happening an article reports: function
** words and the verbs and nouns of news reporting itself ("said", "report",
** "official"). Sorted, for bsearch. */
static const char *const stop[] = {
    "about", "above", "according", "across", "after", "again", "against", "ago", "all",
    "almost", "along", "already", "also", "although", "always", "among", "and", "another",
    "any", "anyone", "anything", "are", "around", "ask", "away", "back", "because", "become",
    "been", "before", "begin", "behind", "being", "believe", "below", "between", "both",
    "but", "call", "can", "come", "could", "day", "despite", "did", "do", "does", "done",
    "down", "during", "each", "early", "either", "else", "end", "enough", "even", "ever",
    "every", "few", "find", "first", "for", "former", "from", "further", "get", "give",
    "going", "good", "great", "had", "has", "have", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "however", "include", "into", "its", "itself", "just",
    "keep", "know", "last", "late", "later", "least", "less", "let", "like", "likely",
    "little", "long", "look", "made", "make", "many", "may", "mean", "might", "more",
    "most", "mr", "mrs", "ms", "much", "must", "near", "need", "never", "new", "news",
    "next", "nor", "not", "now", "off", "official", "often", "one", "only", "onto", "other",
    "our", "ours", "out", "over", "own", "part", "people", "per", "perhaps", "place",
    "put", "rather", "really", "recent", "recently", "report", "right", "said", "same",
    "say", "see", "seem", "she", "should", "show", "since", "some", "something", "still",
    "such", "take", "tell", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "thing", "think", "this", "those", "though",
    "three", "through", "thus", "time", "today", "together", "told", "too", "toward",
    "towards", "two", "under", "until", "upon", "use", "very", "want", "was", "way", "week",
    "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "within", "without", "would", "year", "yes", "yesterday",
    "yet", "you", "your", "yours",
};

/* Day and month names are capitalised but name no one (a set, as
** the stop list). */
static const char *const calendar[] = {
    "april", "august", "december", "february", "friday", "january", "july", "june", "march",
    "may", "monday", "november", "october", "saturday", "september", "sunday", "thursday",
    "tuesday", "wednesday",
};

static uint32_t fhash(const char *s, size_t n, uint32_t kind) {
    uint32_t h = ((uint32_t)XXH3_64bits(s, n) & 0x3fffffffu) | kind << 30;
    return h ? h : 1;
}

/* The stop list (and the calendar) as sets of term hashes, built once per
** linker: a token's hash is needed anyway, and a probe is cheaper than a
** binary search of strings. */
static void set_add(uint32_t *set, size_t cap, uint32_t h) {
    size_t j = (h * 2654435761u) & (cap - 1);
    while (set[j]) j = (j + 1) & (cap - 1);
    set[j] = h;
}

static bool set_has(const uint32_t *set, size_t cap, uint32_t h) {
    size_t j = (h * 2654435761u) & (cap - 1);
    while (set[j]) {
        if (set[j] == h) return true;
        j = (j + 1) & (cap - 1);
    }
    return false;
}

static void stop_build(el_linker *L) {
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
        set_add(L->stopset, LK_STOPSET, fhash(stop[i], strlen(stop[i]), LK_TERM));
    for (size_t i = 0; i < sizeof calendar / sizeof *calendar; i++)
        set_add(L->calset, LK_CALSET, fhash(calendar[i], strlen(calendar[i]), LK_TERM));
}

static bool is_stop(const el_linker *L, uint32_t h) { return set_has(L->stopset, LK_STOPSET, h); }

/* A term's hash from its lemma's XXH3 (as fhash would give it). */
static uint32_t term_hash(uint64_t x) {
    uint32_t h = (uint32_t)x & 0x3fffffffu;
    return h ? h : 1;
}

/* An article's feature counts: entries in order of first sight, in the
** doc's arena, each kind in its own run of e; found through the linker's
** table of slots (L->slot), which every article leaves empty again by
** clearing the slots it used, so none pays for clearing the table whole. */
typedef struct cnt_ent { uint32_t h, slot; uint16_t tf, len; } cnt_ent;
typedef struct counts {
    cnt_ent *e;
    uint32_t *slot;             /* index into e + 1; 0 = empty */
    uint32_t mask;              /* this article's part of the table */
} counts;

/* Slots for up to n entries, at most half full. */
static int counts_init(el_linker *L, counts *c, cnt_ent *e, size_t n) {
    size_t cap = 1024;
    while (cap < 2 * n) cap *= 2;
    if (cap > UINT32_MAX) return -1;
    if (cap > L->slot_cap) {
        uint32_t *s = calloc(cap, sizeof *s);
        if (!s) return -1;
        free(L->slot);
        L->slot = s;
        L->slot_cap = cap;
    }
    *c = (counts){e, L->slot, (uint32_t)(cap - 1)};
    return 0;
}

/* One more occurrence of h in the run `at`, which has *n entries. */
static inline void count(counts *c, cnt_ent *at, size_t *n, uint32_t h, size_t len) {
    uint32_t i = (h * 2654435761u) & c->mask;
    for (uint32_t s; (s = c->slot[i]) != 0; i = (i + 1) & c->mask) {
        cnt_ent *e = &c->e[s - 1];
        if (e->h == h) {
            if (e->tf < 65535) e->tf++;
            return;
        }
    }
    cnt_ent *e = &at[(*n)++];
    *e = (cnt_ent){h, i, 1, (uint16_t)(len > 65535 ? 65535 : len)};
    c->slot[i] = (uint32_t)(e - c->e) + 1;
}

static void counts_clear(counts *c, const cnt_ent *at, size_t n) {
    for (size_t i = 0; i < n; i++) c->slot[at[i].slot] = 0;
}

/* Most telling first: more occurrences, then longer words (long words are
** rarer in English, a corpus-free stand-in for IDF), then lower hash: one
** number, larger is better, never equal for two features. */
static uint64_t cnt_key(const cnt_ent *e) {
    return (uint64_t)e->tf << 48 | (uint64_t)e->len << 32 | (uint32_t)~e->h;
}

uint64_t lk_kth_largest(uint64_t *x, size_t n, size_t k) {
    int64_t lo = 0, hi = (int64_t)n - 1, want = (int64_t)k - 1;
    while (lo < hi) {
        uint64_t p = x[lo + (hi - lo) / 2];
        int64_t i = lo - 1, j = hi + 1;
        for (;;) {
            do i++; while (x[i] > p);
            do j--; while (x[j] < p);
            if (i >= j) break;
            uint64_t t = x[i]; x[i] = x[j]; x[j] = t;
        }
        if (want <= j) hi = j; else lo = j + 1;
    }
    return x[want];
}

/* May the capitalised word t, off the stop list and no day or month name,
** belong to a name? A capital at the start of a sentence proves nothing
** unless the word is not a common word ("The", "Police"): those are names
** only mid-sentence. */
static bool name_word(const el_linker *L, const el_token *t) {
    if (t->lemma_len < 2 && !(t->flags & EL_TOK_UPPER)) return false;
    if (!(t->flags & EL_TOK_SSTART) || !L->lex) return true;
    return !(el_lexicon_is_word_h(L->lex, t->lemma, t->lemma_len, t->lemma_h, 'n')
             || el_lexicon_is_word_h(L->lex, t->lemma, t->lemma_len, t->lemma_h, 'v')
             || el_lexicon_is_word_h(L->lex, t->lemma, t->lemma_len, t->lemma_h, 'a')
             || el_lexicon_is_word_h(L->lex, t->lemma, t->lemma_len, t->lemma_h, 'r'));
}

/* One pass over the tokens, a hash probe or two each: lemma terms (words
** of three letters or more, off the stop list) and numbers ("23 pirates",
** "2013", "5.6"), since the figures often tell two similar happenings
** apart; and the words that may belong to a name (name[k] = 1, their
** positions in cand). Returns the count of cand. */
static size_t token_keys(const el_linker *L, const el_doc *doc, counts *c, cnt_ent *terms, size_t *n_terms,
                         cnt_ent *nums, size_t *n_nums, uint8_t *name, uint32_t *cand) {
    size_t n_cand = 0;
    for (size_t k = 0; k < doc->n_toks; k++) {
        const el_token *t = &doc->toks[k];
        uint16_t f = t->flags;
        name[k] = 0;
        if (f & EL_TOK_NUM) {
            if (!(f & EL_TOK_PUNCT)) count(c, nums, n_nums, term_hash(t->lemma_h) | LK_NUM << 30, t->lemma_len);
            continue;
        }
        if ((f & (EL_TOK_WORD | EL_TOK_PUNCT)) != EL_TOK_WORD) continue;
        uint32_t h = term_hash(t->lemma_h);
        if (is_stop(L, h)) continue;
        if (t->lemma_len >= 3) count(c, terms, n_terms, h, t->lemma_len);
        if ((f & (EL_TOK_CAP | EL_TOK_UPPER)) && !set_has(L->calset, LK_CALSET, h) && name_word(L, t)) {
            name[k] = 1;
            cand[n_cand++] = (uint32_t)k;
        }
    }
    return n_cand;
}

/* Entity keys from the actor stage's mentions: the entity's canonical name
** ("Benjamin Netanyahu" for "Mr. Netanyahu" too), lower-cased, places as
** their own kind. Role nouns and media name no participant. The tokens
** the mentions cover are no name words any more (name[k] = 0). */
static void mention_keys(const el_doc *doc, counts *c, cnt_ent *at, size_t *n, uint8_t *name) {
    char buf[256];
    for (size_t i = 0; i < doc->n_ments; i++) {
        const el_mention *m = &doc->ments[i];
        for (uint32_t k = m->tok; k < m->tok + m->n_tok && k < doc->n_toks; k++) name[k] = 0;
        if (m->ent < 0 || m->type == EL_ENT_AGENT || m->type == EL_ENT_MEDIA) continue;
        const char *s = m->name ? m->name : doc->body + m->start;
        size_t len = m->name ? strlen(m->name) : m->end - m->start;
        if (len >= sizeof buf) len = sizeof buf - 1;
        for (size_t j = 0; j < len; j++) buf[j] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] + 32 : s[j]);
        count(c, at, n, fhash(buf, len, m->type == EL_ENT_PLACE ? LK_PLACE : LK_ENT), len);
    }
}

/* Entity keys from capitalised token runs ("Tara Reid", "CIA") that no
** mention covers: names the dictionaries do not know. Each run gives its
** whole name and, for a run of two or more, its last word, so "Reid" alone
** still meets "Tara Reid". Runs start at name words (cand, ascending). */
static void proxy_keys(const el_doc *doc, counts *c, cnt_ent *at, size_t *n, const uint8_t *name,
                       const uint32_t *cand, size_t n_cand) {
    char buf[256];
    for (size_t i = 0; i < n_cand;) {
        size_t k = cand[i];
        if (!name[k]) { i++; continue; }                /* inside a mention */
        size_t e = k + 1;
        while (e < doc->n_toks && name[e] && e - k < 6 && !(doc->toks[e].flags & EL_TOK_SSTART)) e++;
        const el_token *last = &doc->toks[e - 1];
        if (e - k == 1 && (size_t)last->lemma_len + 1 < sizeof buf) {  /* one word: its lemma_h is that XXH3 */
            count(c, at, n, ((uint32_t)last->lemma_h & 0x3fffffffu) | LK_ENT << 30, last->lemma_len);
        } else {
            size_t len = 0;
            for (size_t j = k; j < e; j++) {
                const el_token *t = &doc->toks[j];
                if (len + t->lemma_len + 1 < sizeof buf) {
                    if (len) buf[len++] = ' ';
                    memcpy(buf + len, t->lemma, t->lemma_len);
                    len += t->lemma_len;
                }
            }
            count(c, at, n, fhash(buf, len, LK_ENT), len);
        }
        if (e - k >= 2) count(c, at, n, term_hash(last->lemma_h) | LK_ENT << 30, last->lemma_len);
        while (i < n_cand && cand[i] < e) i++;
    }
}

/* Count every entry's DF, then keep the best max of at[0..n) into feat;
** keys and cls have room for n values. The best are found by class first,
** (tf, len) with both capped (tf >= CL_TF one top class; len >= CL_LEN
** with the longest): every key of a class is above every key of a lower
** one, so only the class holding the max-th best needs its keys compared. */
#define CL_TF  7
#define CL_LEN 16
static size_t keep_best(el_linker *L, const cnt_ent *at, size_t n, uint64_t *keys, uint8_t *cls,
                        uint32_t *feat, size_t max) {
    for (size_t i = 0; i < n; i++) lk_df_prefetch(&L->df, at[i].h);
    for (size_t i = 0; i < n; i++)
        if (df_add(&L->df, at[i].h)) L->failed = true;
    if (n <= max) {
        for (size_t i = 0; i < n; i++) feat[i] = at[i].h;
        return n;
    }
    uint32_t in_tf[CL_TF + 1] = {0}, in[CL_TF * CL_LEN] = {0};
    for (size_t i = 0; i < n; i++) {
        unsigned t = at[i].tf < CL_TF ? at[i].tf : CL_TF, l = at[i].len < CL_LEN ? at[i].len : CL_LEN - 1;
        in_tf[t]++;
        if (t < CL_TF) in[t * CL_LEN + l]++;
        cls[i] = (uint8_t)(t < CL_TF ? t * CL_LEN + l : CL_TF * CL_LEN);
    }
    size_t above = 0;
    unsigned t = CL_TF, b;                      /* b: the class of the max-th best */
    while (above + in_tf[t] < max) above += in_tf[t--];
    if (t == CL_TF) b = CL_TF * CL_LEN;
    else for (b = t * CL_LEN + CL_LEN - 1; above + in[b] < max; b--) above += in[b];
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (cls[i] == b) keys[m++] = cnt_key(&at[i]);
    uint64_t cut = lk_kth_largest(keys, m, max - above);
    size_t k = 0;
    for (size_t i = 0; i < n && k < max; i++)
        if (cls[i] > b || (cls[i] == b && cnt_key(&at[i]) >= cut)) feat[k++] = at[i].h;
    return k;
}

/* Sort x[0..n) (n <= LK_FEAT) ascending: a counting pass on the top six
** bits (the kind and four more), then insertion, which has little left to
** do; a plain insertion sort of 72 hashes costs four times as much. */
static void sort_feat(uint32_t *x, size_t n) {
    uint32_t y[LK_FEAT];
    uint8_t at[65] = {0};
    _Static_assert(LK_FEAT < 256, "counts fit a byte");
    for (size_t i = 0; i < n; i++) at[(x[i] >> 26) + 1]++;
    for (int b = 0; b < 64; b++) at[b + 1] = (uint8_t)(at[b + 1] + at[b]);
    for (size_t i = 0; i < n; i++) y[at[x[i] >> 26]++] = x[i];
    for (size_t i = 0; i < n; i++) {
        uint32_t v = y[i];
        size_t j = i;
        for (; j > 0 && x[j - 1] > v; j--) x[j] = x[j - 1];
        x[j] = v;
    }
}

long el_link_add(el_linker *L, const el_doc *doc) {
    EL_ASSERT(!L->finished);
    if (L->failed) return -1;
    if (L->n == L->cap) {
        size_t cap = L->cap + L->cap / 4 + 1024;
        lk_art *na = realloc(L->art, cap * sizeof *na);   /* one block, grows all run */
        if (!na) { L->failed = true; return -1; }
        L->art = na; L->cap = cap;
    }
    lk_art *r = &L->art[L->n];
    memset(r, 0, sizeof *r);
    r->id = doc->id ? el_arena_strdup(L->a, doc->id)
                    : el_arena_printf(L->a, "%s:%ld", doc->base ? doc->base : "?", doc->line);
    r->date = doc->date;
    r->dup = r->dup_next = (uint32_t)L->n;
    /* Terms and numbers take at most one entry a token, entity keys one a
    ** mention and at most one a token of a name. */
    size_t nt = doc->n_toks, nm = doc->n_ments;
    uint8_t *name = el_arena_alloc(doc->a, nt + 1);
    uint32_t *cand = el_arena_alloc(doc->a, (nt + 1) * sizeof *cand);
    cnt_ent *e = el_arena_alloc(doc->a, (3 * nt + nm + 1) * sizeof *e);
    uint64_t *keys = el_arena_alloc(doc->a, (nt + nm + 1) * sizeof *keys);
    uint8_t *cls = el_arena_alloc(doc->a, nt + nm + 1);
    counts c;
    if (!name || !cand || !e || !keys || !cls || counts_init(L, &c, e, 2 * nt + nm)) {
        L->failed = true;
        return -1;
    }
    r->has_sig = lk_signature(doc, r->sig);
    cnt_ent *terms = e, *nums = e + nt, *ents = e + 2 * nt;
    size_t n_terms = 0, n_nums = 0, n_ents = 0;
    size_t n_cand = token_keys(L, doc, &c, terms, &n_terms, nums, &n_nums, name, cand);
    mention_keys(doc, &c, ents, &n_ents, name);
    proxy_keys(doc, &c, ents, &n_ents, name, cand, n_cand);
    uint32_t feat[LK_FEAT];
    size_t n = keep_best(L, terms, n_terms, keys, cls, feat, LK_TERMS);
    n += keep_best(L, nums, n_nums, keys, cls, feat + n, LK_NUMS);
    n += keep_best(L, ents, n_ents, keys, cls, feat + n, LK_ENTS);
    counts_clear(&c, terms, n_terms);
    counts_clear(&c, nums, n_nums);
    counts_clear(&c, ents, n_ents);
    sort_feat(feat, n);
    r->feat = el_arena_alloc(L->a, n * sizeof *r->feat + 1);
    if (!r->id || !r->feat || L->failed) { L->failed = true; return -1; }
    memcpy(r->feat, feat, n * sizeof *feat);
    r->n_feat = (uint8_t)n;
    return (long)L->n++;
}

/* ---- finish ---- */

/* Dated articles first, by date; undated after; ties by id, then input order. */
static int cmp_order(const void *pa, const void *pb, void *ud) {
    const lk_art *art = ud;
    const lk_art *a = &art[*(const uint32_t *)pa], *b = &art[*(const uint32_t *)pb];
    bool ua = a->date == EL_DATE_UNKNOWN, ub = b->date == EL_DATE_UNKNOWN;
    if (ua != ub) return ua ? 1 : -1;
    if (a->date != b->date) return a->date < b->date ? -1 : 1;
    int c = strcmp(a->id, b->id);
    if (c) return c;
    return *(const uint32_t *)pa < *(const uint32_t *)pb ? -1 : 1;
}

/* Renumber internal ids (link_episode.c's) to 1.. in order of first
** article in `order`. */
static int number(el_linker *L, const uint32_t *order) {
    size_t ne = 0, nt = 0;
    for (size_t i = 0; i < L->n; i++) {
        if (L->art[i].episode + 1 > ne) ne = L->art[i].episode + 1;
        if (L->art[i].thread + 1 > nt) nt = L->art[i].thread + 1;
    }
    L->ep_of_num = calloc(ne + 1, sizeof *L->ep_of_num);
    L->th_of_num = calloc(nt + 1, sizeof *L->th_of_num);
    if (!L->ep_of_num || !L->th_of_num) return EL_ENOMEM;
    uint32_t nextE = 0, nextT = 0;
    for (size_t k = 0; k < L->n; k++) {
        const lk_art *r = &L->art[order[k]];
        if (!L->ep_of_num[r->episode]) L->ep_of_num[r->episode] = ++nextE;
        if (!L->th_of_num[r->thread]) L->th_of_num[r->thread] = ++nextT;
    }
    L->n_episodes = nextE;
    L->n_threads = nextT;
    return EL_OK;
}

int el_link_finish(el_linker *L) {
    EL_ASSERT(!L->finished);
    L->finished = true;
    free(L->slot);                              /* el_link_add's table: no more articles */
    L->slot = NULL;
    L->slot_cap = 0;
    if (L->failed || el_arena_failed(L->a)) return EL_ENOMEM;
    if (!L->n) return EL_OK;
    uint32_t *order = malloc(L->n * sizeof *order);
    if (!order) return EL_ENOMEM;
    for (size_t i = 0; i < L->n; i++) order[i] = (uint32_t)i;
    qsort_r(order, L->n, sizeof *order, cmp_order, L->art);
    int rc = lk_dedup(L);
    if (rc == EL_OK) rc = lk_cluster(L, order, L->n);
    L->peak_bytes += L->n * sizeof *order;
    if (rc == EL_OK) rc = number(L, order);
    free(order);
    return rc;
}

size_t el_link_count(const el_linker *L) { return L->n; }
const char *el_link_id(const el_linker *L, size_t i) { return L->art[i].id; }
uint32_t el_link_episode(const el_linker *L, size_t i) { return L->ep_of_num[L->art[i].episode]; }
uint32_t el_link_thread(const el_linker *L, size_t i) { return L->th_of_num[L->art[i].thread]; }
size_t el_link_n_episodes(const el_linker *L) { return L->n_episodes; }
size_t el_link_n_threads(const el_linker *L) { return L->n_threads; }

double el_link_similarity(const el_linker *L, size_t i, size_t j) {
    const lk_art *a = &L->art[i], *b = &L->art[j];
    if (!a->has_sig || !b->has_sig) return 0.0;
    return lk_sig_similarity(a->sig, b->sig);
}

static int cmp_dup(const void *pa, const void *pb) {
    const el_link_dup *a = pa, *b = pb;
    if (a->similarity != b->similarity) return a->similarity > b->similarity ? -1 : 1;
    return a->article < b->article ? -1 : a->article > b->article;
}

/* Members of i's near-duplicate group (a ring through dup_next, built by
** lk_dedup) that are themselves similar enough to i: a group is transitive,
** similarity is not. Groups of wire copy can be large; we look at 256. */
size_t el_link_dups(const el_linker *L, size_t i, el_link_dup *out, size_t max) {
    el_link_dup tmp[256];
    size_t nt = 0;
    for (uint32_t j = L->art[i].dup_next; j != i && nt < 256; j = L->art[j].dup_next) {
        double s = el_link_similarity(L, i, j);
        if (s >= L->p.dup_jaccard) tmp[nt++] = (el_link_dup){j, (float)s};
    }
    qsort(tmp, nt, sizeof *tmp, cmp_dup);
    size_t n;
    for (n = 0; n < nt && n < max; n++) out[n] = tmp[n];
    return n;
}

size_t el_link_bytes(const el_linker *L) {
    return el_arena_used(L->a) + L->cap * sizeof *L->art + lk_df_bytes(&L->df) + L->slot_cap * sizeof *L->slot;
}

size_t el_link_peak_bytes(const el_linker *L) { return L->peak_bytes; }
