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
    free(L->ep_of_num);
    free(L->th_of_num);
    free(L);
}

/* ---- document frequencies ---- */

static uint32_t df_bucket(uint32_t h) { return (h * 0x9E3779B1u) >> (32 - LK_DF_BITS); }

static size_t df_slot(const uint32_t *key, size_t cap, uint32_t k) {
    size_t i = (k * 2654435761u) & (cap - 1);
    while (key[i] && key[i] != k) i = (i + 1) & (cap - 1);
    return i;
}

/* From sparse to a plain array of counts: the table's largest form. */
static int df_densify(lk_df *t) {
    uint32_t *d = calloc((size_t)1 << LK_DF_BITS, sizeof *d);
    if (!d) return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->key[i]) d[t->key[i] - 1] = t->cnt[i];
    free(t->key); free(t->cnt);
    t->key = t->cnt = NULL;
    t->cap = 0;
    t->dense = d;
    return 0;
}

int lk_df_add(lk_df *t, uint32_t h) {
    uint32_t b = df_bucket(h);
    if (t->dense) { t->dense[b]++; return 0; }
    if ((t->n + 1) * 4 > t->cap * 3) {
        if (t->n + 1 > LK_DF_DENSE) {
            if (df_densify(t)) return -1;
            t->dense[b]++;
            return 0;
        }
        size_t cap = t->cap ? t->cap * 2 : 4096;
        uint32_t *k = calloc(cap, sizeof *k), *c = calloc(cap, sizeof *c);
        if (!k || !c) { free(k); free(c); return -1; }
        for (size_t i = 0; i < t->cap; i++)
            if (t->key[i]) {
                size_t j = df_slot(k, cap, t->key[i]);
                k[j] = t->key[i];
                c[j] = t->cnt[i];
            }
        free(t->key); free(t->cnt);
        t->key = k; t->cnt = c; t->cap = cap;
    }
    size_t i = df_slot(t->key, t->cap, b + 1);
    if (!t->key[i]) { t->key[i] = b + 1; t->n++; }
    t->cnt[i]++;
    return 0;
}

/* Ask for h's counter ahead of lk_df_add: the table is megabytes, read at
** random, so an article's hundred-odd counts overlap their cache misses. */
void lk_df_prefetch(const lk_df *t, uint32_t h) {
    uint32_t b = df_bucket(h);
    if (t->dense) { __builtin_prefetch(&t->dense[b], 1); return; }
    if (!t->cap) return;
    size_t i = ((b + 1) * 2654435761u) & (t->cap - 1);
    __builtin_prefetch(&t->key[i], 1);
    __builtin_prefetch(&t->cnt[i], 1);
}

uint32_t lk_df_get(const lk_df *t, uint32_t h) {
    uint32_t b = df_bucket(h);
    if (t->dense) return t->dense[b];
    if (!t->cap) return 0;
    size_t i = df_slot(t->key, t->cap, b + 1);
    return t->key[i] ? t->cnt[i] : 0;
}

size_t lk_df_bytes(const lk_df *t) {
    return t->dense ? ((size_t)1 << LK_DF_BITS) * sizeof *t->dense : t->cap * 2 * sizeof(uint32_t);
}

void lk_df_free(lk_df *t) {
    free(t->key); free(t->cnt); free(t->dense);
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

/* A small counting table in the doc's arena (freed with the doc): entries
** in order of first sight, found through a hash table of their indices. */
typedef struct cnt_ent { uint32_t h; uint16_t tf, len; } cnt_ent;
typedef struct counter { cnt_ent *e; uint32_t *slot; size_t cap, n, max; } counter;

static int counter_init(counter *c, el_arena *a, size_t expect) {
    c->cap = 16;
    while (c->cap < expect * 2) c->cap *= 2;
    c->n = 0;
    c->max = expect;
    c->slot = el_arena_calloc(a, c->cap * sizeof *c->slot);   /* index + 1; 0 = empty */
    c->e = el_arena_alloc(a, (expect + 1) * sizeof *c->e);
    return c->slot && c->e ? 0 : -1;
}

static void counter_add(counter *c, uint32_t h, size_t len) {
    size_t i = (h * 2654435761u) & (c->cap - 1);
    while (c->slot[i] && c->e[c->slot[i] - 1].h != h) i = (i + 1) & (c->cap - 1);
    if (!c->slot[i]) {
        if (c->n == c->max) return;           /* sized for the doc: cannot happen */
        c->e[c->n] = (cnt_ent){h, 0, (uint16_t)(len > 65535 ? 65535 : len)};
        c->slot[i] = (uint32_t)++c->n;
    }
    cnt_ent *e = &c->e[c->slot[i] - 1];
    if (e->tf < 65535) e->tf++;
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

static bool word_tok(const el_token *t) {
    return (t->flags & EL_TOK_WORD) && !(t->flags & (EL_TOK_NUM | EL_TOK_PUNCT));
}

/* What the feature passes ask of a token, found once per token. */
#define TK_WORD 1       /* word_tok() */
#define TK_STOP 2       /* on the stop list */
#define TK_CAL  4       /* a capitalised day or month name */

/* Is token k a capitalised word that may belong to a name? A capital at the
** start of a sentence proves nothing unless the word is not a common word
** ("The", "Police"): those are names only mid-sentence. */
static bool name_tok(const el_linker *L, const el_doc *doc, const uint8_t *cls, size_t k) {
    const el_token *t = &doc->toks[k];
    const el_lexicon *lex = L->lex;
    if ((cls[k] & (TK_WORD | TK_STOP | TK_CAL)) != TK_WORD || !(t->flags & (EL_TOK_CAP | EL_TOK_UPPER)))
        return false;
    if (t->lemma_len < 2 && !(t->flags & EL_TOK_UPPER)) return false;
    if (t->flags & EL_TOK_SSTART) {
        if (lex && (el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'n')
                    || el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'v')
                    || el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'a')
                    || el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'r')))
            return false;
    }
    return true;
}

/* Entity keys from the actor stage's mentions: the entity's canonical name
** ("Benjamin Netanyahu" for "Mr. Netanyahu" too), lower-cased, places as
** their own kind. Role nouns and media name no participant. Marks the
** tokens the mentions cover in `taken`. */
static void mention_keys(const el_doc *doc, counter *c, uint8_t *taken) {
    char buf[256];
    for (size_t i = 0; i < doc->n_ments; i++) {
        const el_mention *m = &doc->ments[i];
        for (uint32_t k = m->tok; k < m->tok + m->n_tok && k < doc->n_toks; k++) taken[k] = 1;
        if (m->ent < 0 || m->type == EL_ENT_AGENT || m->type == EL_ENT_MEDIA) continue;
        const char *s = m->name ? m->name : doc->body + m->start;
        size_t n = m->name ? strlen(m->name) : m->end - m->start;
        if (n >= sizeof buf) n = sizeof buf - 1;
        for (size_t j = 0; j < n; j++) buf[j] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] + 32 : s[j]);
        counter_add(c, fhash(buf, n, m->type == EL_ENT_PLACE ? LK_PLACE : LK_ENT), n);
    }
}

/* Entity keys from capitalised token runs ("Tara Reid", "CIA") that no
** mention covers: names the dictionaries do not know. Each run gives its
** whole name and, for a run of two or more, its last word, so "Reid" alone
** still meets "Tara Reid". */
static void proxy_keys(const el_linker *L, const el_doc *doc, const uint64_t *th, const uint8_t *cls,
                       counter *c, const uint8_t *taken) {
    char buf[256];
    for (size_t k = 0; k < doc->n_toks;) {
        if (taken[k] || !name_tok(L, doc, cls, k)) { k++; continue; }
        size_t e = k, n = 0;
        while (e < doc->n_toks && !taken[e] && name_tok(L, doc, cls, e) && e - k < 6
               && (e == k || !(doc->toks[e].flags & EL_TOK_SSTART))) {
            const el_token *t = &doc->toks[e];
            if (n + t->lemma_len + 1 < sizeof buf) {
                if (n) buf[n++] = ' ';
                memcpy(buf + n, t->lemma, t->lemma_len);
                n += t->lemma_len;
            }
            e++;
        }
        counter_add(c, fhash(buf, n, LK_ENT), n);
        if (e - k >= 2) {
            const el_token *last = &doc->toks[e - 1];
            counter_add(c, term_hash(th[e - 1]) | LK_ENT << 30, last->lemma_len);
        }
        k = e;
    }
}

/* Lemma terms (words of three letters or more, off the stop list) and
** numbers ("23 pirates", "2013", "5.6"): the figures often tell two similar
** happenings apart. */
static void lemma_terms(const el_doc *doc, const uint64_t *th, const uint8_t *cls, counter *terms,
                        counter *nums) {
    for (size_t k = 0; k < doc->n_toks; k++) {
        const el_token *t = &doc->toks[k];
        if (t->flags & EL_TOK_NUM) {
            if (!(t->flags & EL_TOK_PUNCT))
                counter_add(nums, term_hash(th[k]) | LK_NUM << 30, t->lemma_len);
            continue;
        }
        if ((cls[k] & (TK_WORD | TK_STOP)) != TK_WORD || t->lemma_len < 3) continue;
        counter_add(terms, term_hash(th[k]), t->lemma_len);
    }
}

/* Keep the best max of c's entries; count every entry's DF. keys has room
** for c->n values. */
static size_t keep_best(el_linker *L, counter *c, uint64_t *keys, uint32_t *feat, size_t max) {
    for (size_t i = 0; i < c->n; i++) {
        keys[i] = cnt_key(&c->e[i]);
        lk_df_prefetch(&L->df, c->e[i].h);
    }
    for (size_t i = 0; i < c->n; i++)
        if (lk_df_add(&L->df, c->e[i].h)) L->failed = true;
    uint64_t cut = c->n > max ? lk_kth_largest(keys, c->n, max) : 0;
    size_t k = 0;
    for (size_t i = 0; i < c->n && k < max; i++)
        if (cnt_key(&c->e[i]) >= cut) feat[k++] = c->e[i].h;
    return k;
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
    counter terms, nums, ents;
    size_t n_word = 0, n_num = 0, n_cap = 0;
    uint8_t *taken = el_arena_calloc(doc->a, doc->n_toks + 1);
    uint8_t *cls = el_arena_alloc(doc->a, doc->n_toks + 1);
    uint64_t *th = el_arena_alloc(doc->a, (doc->n_toks + doc->n_ments + 1) * sizeof *th);
    if (th && cls)
        for (size_t k = 0; k < doc->n_toks; k++) {  /* one hash and one look-up per token */
            const el_token *t = &doc->toks[k];
            uint16_t f = t->flags;
            if (f & EL_TOK_NUM) n_num++;
            else if (f & EL_TOK_WORD) n_word++;
            if (f & (EL_TOK_CAP | EL_TOK_UPPER)) n_cap++;
            th[k] = t->lemma_h;                 /* XXH3 of the lemma, from the segmenter */
            cls[k] = 0;
            if (!word_tok(t)) continue;
            uint32_t h = term_hash(th[k]);
            cls[k] = TK_WORD | (is_stop(L, h) ? TK_STOP : 0);
            if ((f & (EL_TOK_CAP | EL_TOK_UPPER)) && set_has(L->calset, LK_CALSET, h)) cls[k] |= TK_CAL;
        }
    if (!taken || !cls || !th || counter_init(&terms, doc->a, n_word) || counter_init(&nums, doc->a, n_num)
        || counter_init(&ents, doc->a, n_cap + doc->n_ments)) {
        L->failed = true;
        return -1;
    }
    r->has_sig = lk_signature(doc, th, r->sig);
    lemma_terms(doc, th, cls, &terms, &nums);
    mention_keys(doc, &ents, taken);
    proxy_keys(L, doc, th, cls, &ents, taken);
    uint32_t feat[LK_FEAT];
    size_t n = keep_best(L, &terms, th, feat, LK_TERMS);     /* th is free again */
    n += keep_best(L, &nums, th, feat + n, LK_NUMS);
    n += keep_best(L, &ents, th, feat + n, LK_ENTS);
    for (size_t i = 1; i < n; i++) {            /* ascending; kinds differ in the top bits */
        uint32_t x = feat[i];
        size_t j = i;
        for (; j > 0 && feat[j - 1] > x; j--) feat[j] = feat[j - 1];
        feat[j] = x;
    }
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
    return el_arena_used(L->a) + L->cap * sizeof *L->art + lk_df_bytes(&L->df);
}

size_t el_link_peak_bytes(const el_linker *L) { return L->peak_bytes; }
