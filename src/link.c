/*
** link.c: stage 6, the linker's front: what each article leaves behind, and
** the order the clustering sees.
** In:  segmented docs, one el_link_add() each while the doc is alive.
** Out: lk_art records (link_int.h) in run memory; after el_link_finish(),
**      near-duplicates (link_dedup.c), episodes and threads (link_episode.c)
**      numbered E1.., T1.. in order of their first article by date, then id.
** Features are chosen from the article alone (term counts, a stop list, word
** length), never from corpus statistics, so what is kept does not depend on
** the order of the input; IDF comes from the whole run at finish.
*/
#include "link_int.h"
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

void el_link_params_default(el_link_params *p) {
    p->dup_jaccard = 0.5;
    p->episode_sim = 0.25;
    p->thread_sim = 0.20;
    p->entity_weight = 2.0;
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
    free(L->df.key);
    free(L->df.cnt);
    free(L->ep_of_num);
    free(L->th_of_num);
    free(L);
}

/* ---- document frequencies ---- */

static size_t df_slot(const uint32_t *key, size_t cap, uint32_t h) {
    size_t i = (h * 2654435761u) & (cap - 1);
    while (key[i] && key[i] != h) i = (i + 1) & (cap - 1);
    return i;
}

int lk_df_add(lk_df *t, uint32_t h) {
    if ((t->n + 1) * 2 > t->cap) {
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
    size_t i = df_slot(t->key, t->cap, h);
    if (!t->key[i]) { t->key[i] = h; t->n++; }
    t->cnt[i]++;
    return 0;
}

uint32_t lk_df_get(const lk_df *t, uint32_t h) {
    if (!t->cap) return 0;
    size_t i = df_slot(t->key, t->cap, h);
    return t->key[i] ? t->cnt[i] : 0;
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

static uint32_t fhash(const char *s, size_t n, bool entity) {
    uint32_t h = (uint32_t)XXH3_64bits(s, n) & ~LK_ENT_BIT;
    if (entity) h |= LK_ENT_BIT;
    return h ? h : 1;
}

/* The stop list as a set of term hashes, built once per linker: a token's
** hash is needed anyway, and a probe is cheaper than a binary search of strings. */
static void stop_build(el_linker *L) {
    for (size_t i = 0; i < sizeof stop / sizeof *stop; i++) {
        uint32_t h = fhash(stop[i], strlen(stop[i]), false);
        size_t j = (h * 2654435761u) & (LK_STOPSET - 1);
        while (L->stopset[j]) j = (j + 1) & (LK_STOPSET - 1);
        L->stopset[j] = h;
    }
}

static bool is_stop(const el_linker *L, uint32_t h) {
    size_t j = (h * 2654435761u) & (LK_STOPSET - 1);
    while (L->stopset[j]) {
        if (L->stopset[j] == h) return true;
        j = (j + 1) & (LK_STOPSET - 1);
    }
    return false;
}

static uint32_t lemma_hash(const el_token *t) { return fhash(t->lemma, t->lemma_len, false); }

/* A small counting table in the doc's arena (freed with the doc). */
typedef struct cnt_ent { uint32_t h; uint16_t tf, len; } cnt_ent;
typedef struct counter { cnt_ent *e; size_t cap, n; } counter;

static int counter_init(counter *c, el_arena *a, size_t expect) {
    c->cap = 64;
    while (c->cap < expect * 2) c->cap *= 2;
    c->n = 0;
    c->e = el_arena_calloc(a, c->cap * sizeof *c->e);
    return c->e ? 0 : -1;
}

static void counter_add(counter *c, uint32_t h, size_t len) {
    if ((c->n + 1) * 2 > c->cap) return;     /* sized for the doc: cannot happen */
    size_t i = (h * 2654435761u) & (c->cap - 1);
    while (c->e[i].h && c->e[i].h != h) i = (i + 1) & (c->cap - 1);
    if (!c->e[i].h) { c->e[i].h = h; c->e[i].len = (uint16_t)(len > 65535 ? 65535 : len); c->n++; }
    if (c->e[i].tf < 65535) c->e[i].tf++;
}

/* Most telling first: more occurrences, then longer words (long words are
** rarer in English, a corpus-free stand-in for IDF), then hash for a total order. */
static int cmp_cnt(const void *pa, const void *pb) {
    const cnt_ent *a = pa, *b = pb;
    if (a->tf != b->tf) return a->tf > b->tf ? -1 : 1;
    if (a->len != b->len) return a->len > b->len ? -1 : 1;
    return a->h < b->h ? -1 : a->h > b->h;
}

static bool word_tok(const el_token *t) {
    return (t->flags & EL_TOK_WORD) && !(t->flags & (EL_TOK_NUM | EL_TOK_PUNCT));
}

/* Is token k a capitalised word that may belong to a name? A capital at the
** start of a sentence proves nothing unless the word is not a common word
** ("The", "Police"): those are names only mid-sentence. */
static bool name_tok(const el_linker *L, const el_doc *doc, size_t k) {
    const el_token *t = &doc->toks[k];
    const el_lexicon *lex = L->lex;
    if (!word_tok(t) || !(t->flags & (EL_TOK_CAP | EL_TOK_UPPER))) return false;
    if (t->lemma_len < 2 && !(t->flags & EL_TOK_UPPER)) return false;
    if (is_stop(L, lemma_hash(t))) return false;
    if (t->flags & EL_TOK_SSTART) {
        if (lex && (el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'n')
                    || el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'v')
                    || el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'a')
                    || el_lexicon_is_word(lex, t->lemma, t->lemma_len, 'r')))
            return false;
    }
    return true;
}

/* Entity keys, for now from capitalised token runs ("Tara Reid", "CIA").
** Each run gives its whole name and, for a run of two or more, its last word,
** so "Reid" alone still meets "Tara Reid". HOOK: once the actor stage fills
** doc->ments, key on each mention's entity id instead (same counter, same
** LK_ENT_BIT), and keep this as the fallback for unknown names. */
static void entity_keys(const el_linker *L, const el_doc *doc, counter *c) {
    char buf[256];
    for (size_t k = 0; k < doc->n_toks;) {
        if (!name_tok(L, doc, k)) { k++; continue; }
        size_t e = k, n = 0;
        while (e < doc->n_toks && name_tok(L, doc, e) && e - k < 6
               && (e == k || !(doc->toks[e].flags & EL_TOK_SSTART))) {
            const el_token *t = &doc->toks[e];
            if (n + t->lemma_len + 1 < sizeof buf) {
                if (n) buf[n++] = ' ';
                memcpy(buf + n, t->lemma, t->lemma_len);
                n += t->lemma_len;
            }
            e++;
        }
        counter_add(c, fhash(buf, n, true), n);
        if (e - k >= 2) {
            const el_token *last = &doc->toks[e - 1];
            counter_add(c, fhash(last->lemma, last->lemma_len, true), last->lemma_len);
        }
        k = e;
    }
}

static void lemma_terms(const el_linker *L, const el_doc *doc, counter *c) {
    for (size_t k = 0; k < doc->n_toks; k++) {
        const el_token *t = &doc->toks[k];
        if (!word_tok(t) || t->lemma_len < 3) continue;
        uint32_t h = lemma_hash(t);
        if (!is_stop(L, h)) counter_add(c, h, t->lemma_len);
    }
}

/* Keep at most max of c's entries, best first; count every entry's DF. */
static size_t keep_best(el_linker *L, counter *c, uint32_t *feat, uint8_t *tf, size_t max) {
    size_t n = 0;
    for (size_t i = 0; i < c->cap; i++)
        if (c->e[i].h) {
            c->e[n++] = c->e[i];
            if (lk_df_add(&L->df, c->e[i].h)) L->failed = true;
        }
    qsort(c->e, n, sizeof *c->e, cmp_cnt);
    if (n > max) n = max;
    for (size_t i = 0; i < n; i++) {
        feat[i] = c->e[i].h;
        tf[i] = (uint8_t)(c->e[i].tf > 255 ? 255 : c->e[i].tf);
    }
    return n;
}

long el_link_add(el_linker *L, const el_doc *doc) {
    EL_ASSERT(!L->finished);
    if (L->failed) return -1;
    if (L->n == L->cap) {
        size_t cap = L->cap ? L->cap * 2 : 1024;
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
    r->has_sig = lk_signature(doc, r->sig);
    counter terms, ents;
    if (counter_init(&terms, doc->a, doc->n_toks) || counter_init(&ents, doc->a, doc->n_toks)) {
        L->failed = true;
        return -1;
    }
    lemma_terms(L, doc, &terms);
    entity_keys(L, doc, &ents);
    uint32_t feat[LK_TERMS + LK_ENTS];
    uint8_t tf[LK_TERMS + LK_ENTS];
    size_t n = keep_best(L, &terms, feat, tf, LK_TERMS);
    n += keep_best(L, &ents, feat + n, tf + n, LK_ENTS);
    r->feat = el_arena_alloc(L->a, n * sizeof *r->feat + 1);
    r->tf = el_arena_alloc(L->a, n + 1);
    if (!r->id || !r->feat || !r->tf || L->failed) { L->failed = true; return -1; }
    memcpy(r->feat, feat, n * sizeof *feat);
    memcpy(r->tf, tf, n);
    r->n_feat = (uint16_t)n;
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

/* Renumber internal ids (in order of creation) to 1.. in order of first
** article in `order`, which is creation order already; kept as a map so the
** numbering rule stays written down here. */
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
    return el_arena_used(L->a) + L->cap * sizeof *L->art
           + L->df.cap * 2 * sizeof(uint32_t) + L->index_bytes;
}
