/*
** compare.c: counts compared across articles, quotes linked into statements.
** In:  docs after the count and quote stages (el_cmp_add_doc copies them).
** Out: el_comparison records and a statement id per quote (compare.h).
** Both rest on one wording measure: the content lemmas of a passage, mapped
** through a small synonym table (syn[]) so that translations meet ("will not
** submit to Hamas' illusory demands" / "will not give in to Hamas's
** delusional demands"), with negation kept as a feature of its own.
** Memory is the set's arena; pairs are found through bounded windows (see
** el_cmp_counts and el_cmp_statements), never by comparing everything with
** everything: work is linear in the set, whatever the size of one story.
*/
#include "compare.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annotate_count.h"
#include "annotate_quote.h"
#include "sort.h"
#include "strmap.h"
#include "textutil.h"

/* KEEP IN SYNC: enum el_verdict in compare.h. */
static const char *const verdict_names[] = {"agree", "compatible", "changed", "conflicting"};
const char *el_verdict_name(int v) { return v >= 0 && v <= 3 ? verdict_names[v] : "?"; }

/* ---- The wording measure --------------------------------------------------- */

/* Words that say the same thing in news about conflict and negotiation,
** mapped to one form. Each entry is a claim about meaning: keep it short. */
static const char *const syn[][2] = {
    {"yield", "submit"}, {"capitulate", "submit"}, {"surrender", "submit"},
    {"succumb", "submit"}, {"bow", "submit"}, {"cave", "submit"},
    {"illusory", "delusional"}, {"unrealistic", "delusional"}, {"fantastical", "delusional"},
    {"imaginary", "delusional"}, {"delusive", "delusional"}, {"ludicrous", "delusional"},
    {"request", "demand"}, {"advance", "progress"}, {"headway", "progress"},
    {"negotiation", "talk"}, {"negotiate", "talk"}, {"talks", "talk"}, {"slay", "kill"},
    {"murder", "kill"}, {"kidnap", "abduct"}, {"captive", "hostage"}, {"abductee", "hostage"},
    {"abductees", "hostage"}, {"inmate", "prisoner"}, {"detainee", "prisoner"},
    {"free", "release"}, {"liberate", "release"}, {"ceasefire", "truce"},
    {"cease-fire", "truce"}, {"armistice", "truce"}, {"offer", "proposal"},
    {"plan", "proposal"}, {"initiative", "proposal"}, {"framework", "proposal"},
    {"propose", "proposal"}, {"refuse", "reject"}, {"dismiss", "reject"},
    {"rebuff", "reject"}, {"accept", "agree"}, {"assault", "attack"},
    {"offensive", "attack"}, {"fighting", "war"}, {"hostility", "war"}, {"get", "receive"},
    {"fresh", "new"}, {"stance", "position"}, {"stand", "position"}, {"permit", "allow"},
    {"enable", "allow"}, {"let", "allow"}, {"shift", "change"}, {"never", "not"},
    {"no", "not"}, {"n't", "not"}, {"premier", "minister"}, {"jail", "prison"},
    {"terrorist", "militant"}, {"gunman", "militant"}, {"fighter", "militant"},
};
/* Two-word forms: "give in" = submit, "move forward" = progress. */
static const char *const syn2[][3] = {
    {"give", "in", "submit"}, {"move", "forward", "progress"}, {"set", "free", "release"},
    {"turn", "down", "reject"}, {"go", "ahead", "progress"}, {"back", "down", "submit"},
};
static const char *const stop[] = {
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "and",
    "or", "but", "that", "this", "these", "those", "it", "its", "be", "will", "would", "can",
    "could", "should", "may", "might", "must", "shall", "do", "have", "which", "who", "whom",
    "what", "there", "their", "they", "he", "she", "his", "her", "we", "our", "us", "i", "my",
    "you", "your", "him", "them", "than", "then", "so", "such", "also", "about", "into",
    "over", "any", "all", "more", "most", "regard", "regarding", "'s", "\xE2\x80\x99s", "up",
    "out", "if", "just", "very", "say", "tell", "state", "add", "insist", "include", "mr.",
    "mrs.", "ms.", "while", "when", "where", "since", "after", "before", "during", "still",
    "now", "other", "another", "some", "one", "two", "each", "said", NULL,
};

typedef struct feat { uint32_t h; bool ent; } feat;

/* Feature hash of a (canonical) lemma. */
static uint32_t fhash(const char *s, size_t n) { return (uint32_t)el_hash(s, n) | 1u; }

/* A word of the tables above, in one map looked up by the lemma hash the
** segmenter already computed: features() asks about every word of every
** count's sentence and every quote, and scanning the lists for each word
** cost more than all the comparing. */
typedef struct word {
    const char *s;
    size_t n;
    uint32_t fh;                    /* fhash(s) */
    bool stop, count;               /* in stop[], in count_words[] */
    uint8_t syn2;                   /* bit i: syn2[i] starts with this word */
    const struct word *syn;         /* the first syn[] entry's canonical form, or NULL */
} word;

/* Lemmas that say what a count counts: shared by every count of a kind, so
** they say nothing about whether two counts are about the same thing. */
static const char *const count_words[] = {
    "kill", "die", "dead", "death", "hostage", "prisoner", "release", "people", "person",
    "civilian", "abduct", "wound", "injure", "hold", "least", "number", "figure", "report",
    "accord", "official", "source", NULL,
};

#define N_SYN2 (sizeof syn2 / sizeof syn2[0])

/* Shared features of two sorted lists; *ents gets the shared entities. */
static size_t overlap(const feat *a, size_t na, const feat *b, size_t nb, size_t *ents) {
    size_t i = 0, j = 0, n = 0;
    *ents = 0;
    while (i < na && j < nb) {
        if (a[i].h < b[j].h) i++;
        else if (a[i].h > b[j].h) j++;
        else { n++; if (a[i].ent && b[j].ent) (*ents)++; i++; j++; }
    }
    return n;
}

/* ---- The set --------------------------------------------------------------- */

#define CFEATS 40
#define QFEATS 48

typedef struct ccount {
    el_count c;                     /* strings copied into the set */
    const char *article, *outlet, *group, *text, *figure, *attr, *src;
    uint32_t doc, thread;           /* thread: 0 until el_cmp_group_by_thread */
    uint8_t nf;
    feat *f;                        /* nf of them, in the set's arena */
} ccount;

typedef struct cquote {
    el_quote q;
    const char *article, *group, *text;
    uint32_t doc, thread;
    long statement;
} cquote;

typedef struct cclause {            /* one sentence of a quote, for linking */
    uint32_t quote;
    uint8_t nf;
    bool neg;                       /* has the feature "not" (negation kept apart) */
    feat *f;                        /* nf of them, in the set's arena */
} cclause;

/* The three lists grow for the whole run: on the heap (EL_HEAP_PUSH), not in
** the arena, where each doubling would leave the old copy behind. Features are
** stored at their own length: a clause has 15 or so, not the 48 it may. */
struct el_cmp {
    el_arena *a;
    el_strmap *words;               /* syn, syn2, stop and count_words: word entries */
    const word *syn2_to[N_SYN2];    /* syn2[i][2]'s entry */
    EL_VEC(ccount) counts;
    EL_VEC(cquote) quotes;
    EL_VEC(cclause) clauses;
    uint32_t n_docs;
    bool failed;
};

/* Content features of tokens [a, b) of doc, at most max, sorted and unique.
** skip0..skip1 is a token range left out (a count's own phrase); count_skip
** leaves out count_words[] too. */
static size_t features(const el_cmp *c, const el_doc *d, size_t a, size_t b, size_t skip0, size_t skip1,
                       bool count_skip, feat *out, size_t max) {
    size_t n = 0;
    for (size_t k = a; k < b && n < max; k++) {
        if (k >= skip0 && k < skip1) continue;
        const el_token *t = &d->toks[k];
        if (!(t->flags & EL_TOK_WORD)) continue;
        const char *l = t->lemma;
        size_t ln = t->lemma_len;
        const word *w = ln ? el_strmap_get_h(c->words, l, ln, t->lemma_h) : NULL;
        bool mapped = false;                                 /* w's form replaces the lemma */
        if (w && w->syn2 && k + 1 < b) {                     /* two-word forms */
            const el_token *u = &d->toks[k + 1];
            for (size_t i = 0; i < N_SYN2; i++)
                if ((w->syn2 >> i & 1) && el_ieq(d->body + u->start, u->end - u->start, syn2[i][1])) {
                    w = c->syn2_to[i]; mapped = true; k++;
                    break;
                }
        }
        if (w && w->syn) { w = w->syn; mapped = true; }
        if (w && (w->stop || (count_skip && w->count))) continue;
        if (mapped) { l = w->s; ln = w->n; }
        if (ln < 2) continue;
        uint32_t h = mapped ? w->fh : (uint32_t)t->lemma_h | 1u;   /* fhash, known */
        feat f = {h, (t->flags & EL_TOK_CAP) && !(t->flags & EL_TOK_SSTART)};
        out[n++] = f;
    }
    /* sort by hash, unique (insertion sort: passages are short) */
    for (size_t i = 1; i < n; i++) {
        feat x = out[i];
        size_t j = i;
        while (j > 0 && out[j - 1].h > x.h) { out[j] = out[j - 1]; j--; }
        out[j] = x;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && out[m - 1].h == out[i].h) { out[m - 1].ent |= out[i].ent; continue; }
        out[m++] = out[i];
    }
    return m;
}

/* Keep n features of tmp in the arena. */
static feat *keep_feats(el_arena *a, const feat *tmp, size_t n) {
    feat *f = el_arena_alloc(a, (n ? n : 1) * sizeof *f);
    if (f && n) memcpy(f, tmp, n * sizeof *f);
    return f;
}

/* The entry of word s, made on first sight; NULL when the arena failed. */
static word *word_of(el_cmp *c, const char *s) {
    size_t n = strlen(s);
    word *w = el_strmap_get(c->words, s, n);
    if (w) return w;
    if (!(w = el_arena_calloc(c->a, sizeof *w)) || el_strmap_put(c->words, s, n, w)) return NULL;
    w->s = s;
    w->n = n;
    w->fh = fhash(s, n);
    return w;
}

/* The word map, from the tables (first syn[] entry of a word wins, as the
** tables read in order). Returns 0, or -1 when the arena failed. */
static int words_new(el_cmp *c) {
    if (!(c->words = el_strmap_new(c->a, 256))) return -1;
    for (size_t i = 0; i < sizeof syn / sizeof syn[0]; i++) {
        word *w = word_of(c, syn[i][0]), *to = word_of(c, syn[i][1]);
        if (!w || !to) return -1;
        if (!w->syn) w->syn = to;
    }
    for (size_t i = 0; i < N_SYN2; i++) {
        word *w = word_of(c, syn2[i][0]);
        if (!w || !(c->syn2_to[i] = word_of(c, syn2[i][2]))) return -1;
        w->syn2 |= (uint8_t)(1u << i);
    }
    for (size_t i = 0; stop[i]; i++) {
        word *w = word_of(c, stop[i]);
        if (!w) return -1;
        w->stop = true;
    }
    for (size_t i = 0; count_words[i]; i++) {
        word *w = word_of(c, count_words[i]);
        if (!w) return -1;
        w->count = true;
    }
    return el_strmap_seal(c->words);
}

el_cmp *el_cmp_new(void) {
    el_cmp *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->a = el_arena_new(NULL, 1 << 20);
    if (!c->a || words_new(c)) { el_arena_free(c->a); free(c); return NULL; }
    return c;
}

void el_cmp_free(el_cmp *c) {
    if (!c) return;
    el_arena_free(c->a);
    free(c->counts.v);
    free(c->quotes.v);
    free(c->clauses.v);
    free(c);
}

static const char *cp(el_arena *a, const char *s) { return s ? el_arena_strdup(a, s) : NULL; }
static const char *cps(el_arena *a, const el_doc *d, uint32_t s, uint32_t e) {
    return e > s ? el_arena_strndup(a, d->body + s, e - s) : NULL;
}

/* Token index at or after byte pos in [a, b). */
static size_t tok_at(const el_doc *d, size_t a, size_t b, uint32_t pos) {
    while (a < b && d->toks[a].end <= pos) a++;
    return a;
}


int el_cmp_add_doc(el_cmp *c, const el_doc *d, const char *group) {
    el_arena *a = c->a;
    const char *article = cp(a, d->id ? d->id : d->base);
    const char *outlet = cp(a, d->outlet);
    const char *grp = cp(a, group);
    for (size_t i = 0; i < d->n_counts; i++) {
        const el_count *k = &d->counts[i];
        ccount x = {.c = *k, .article = article, .outlet = outlet, .group = grp, .doc = c->n_docs};
        x.c.subject = cp(a, k->subject);
        x.c.head = cp(a, k->head);
        x.c.place = cp(a, k->place);
        x.c.date = cp(a, k->date);
        x.text = cps(a, d, k->start, k->end);
        x.figure = cps(a, d, k->start, k->fig_end);
        x.attr = cps(a, d, k->attr_start, k->attr_end);
        x.src = cps(a, d, k->src_start, k->src_end);
        const el_sent *s = &d->sents[k->sent];
        size_t t0 = tok_at(d, s->tok, s->tok + s->n_tok, k->start);
        size_t t1 = tok_at(d, s->tok, s->tok + s->n_tok, k->end);
        feat tmp[CFEATS];
        x.nf = (uint8_t)features(c, d, s->tok, s->tok + s->n_tok, t0, t1, true, tmp, CFEATS);
        x.f = keep_feats(a, tmp, x.nf);
        if (!EL_HEAP_PUSH(c->counts, x, 64)) c->failed = true;
    }
    for (size_t i = 0; i < d->n_quotes; i++) {
        const el_quote *q = &d->quotes[i];
        cquote x = {.q = *q, .article = article, .group = grp, .doc = c->n_docs, .statement = -1};
        x.q.speaker = cp(a, q->speaker);
        x.q.entity = cp(a, q->entity);
        x.text = cps(a, d, q->start, q->end);
        uint32_t qi = (uint32_t)c->quotes.n;
        if (!EL_HEAP_PUSH(c->quotes, x, 64)) c->failed = true;
        /* One clause per sentence of the quote. */
        size_t k = 0;
        while (k < d->n_sents && d->sents[k].end <= q->start) k++;
        for (; k < d->n_sents && d->sents[k].start < q->end; k++) {
            const el_sent *s = &d->sents[k];
            size_t t0 = tok_at(d, s->tok, s->tok + s->n_tok, q->start);
            size_t t1 = tok_at(d, s->tok, s->tok + s->n_tok, q->end);
            cclause cl = {.quote = qi};
            feat tmp[QFEATS];
            cl.nf = (uint8_t)features(c, d, t0, t1, 0, 0, false, tmp, QFEATS);
            if (cl.nf < 4) continue;
            cl.f = keep_feats(a, tmp, cl.nf);
            uint32_t neg = fhash("not", 3);
            for (size_t j = 0; j < cl.nf; j++) cl.neg |= tmp[j].h == neg;
            if (!EL_HEAP_PUSH(c->clauses, cl, 64)) c->failed = true;
        }
    }
    c->n_docs++;
    return el_arena_failed(a) || c->failed ? EL_ENOMEM : EL_OK;
}

/* ---- Union-find ------------------------------------------------------------ */

static uint32_t uf_find(uint32_t *p, uint32_t x) {
    while (p[x] != x) { p[x] = p[p[x]]; x = p[x]; }
    return x;
}
static void uf_union(uint32_t *p, uint32_t x, uint32_t y) {
    x = uf_find(p, x); y = uf_find(p, y);
    if (x != y) { if (x < y) p[y] = x; else p[x] = y; }
}

static bool same_group(const char *a, const char *b) {
    return (!a && !b) || (a && b && !strcmp(a, b));
}

void el_cmp_group_by_thread(el_cmp *c, const el_linker *L) {
    if (el_link_count(L) != c->n_docs) return;
    for (size_t i = 0; i < c->counts.n; i++) c->counts.v[i].thread = el_link_thread(L, c->counts.v[i].doc);
    for (size_t i = 0; i < c->quotes.n; i++) c->quotes.v[i].thread = el_link_thread(L, c->quotes.v[i].doc);
}

/* Strings compared as keys: NULL first. */
static int cmp_str(const char *a, const char *b) {
    if (!a || !b) return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

/* ---- Counts ---------------------------------------------------------------- */

/* The interval a figure allows. strict: approximations stay points;
** otherwise "some", "about", "roughly", "nearly" widen by 10%. */
static void interval(const el_count *c, bool strict, double *lo, double *hi) {
    double v = c->value;
    if (!isnan(v)) {
        *lo = *hi = v;
        if (!strict) {
            if (c->qual == EL_QUAL_ABOUT || c->qual == EL_QUAL_SOME || c->qual == EL_QUAL_ROUGHLY) {
                *lo = v * 0.9; *hi = v * 1.1;
            } else if (c->qual == EL_QUAL_NEARLY) {
                *lo = v * 0.9;
            }
        }
        return;
    }
    *lo = isnan(c->min) ? 0 : c->min;
    *hi = isnan(c->max) ? INFINITY : c->max;
    if (c->qual == EL_QUAL_MORE_THAN && !isnan(c->min)) *lo = c->min + (c->min >= 1 ? 1 : 0);
    if (c->qual == EL_QUAL_FEWER_THAN && !isnan(c->max)) *hi = c->max - (c->max >= 1 ? 1 : 0);
}

/* A single number standing for the figure, for the size test. */
static double rep(const el_count *c) {
    if (!isnan(c->value)) return c->value;
    if (!isnan(c->min) && !isnan(c->max)) return (c->min + c->max) / 2;
    if (!isnan(c->min)) return c->min;
    if (!isnan(c->max)) return c->max;
    return NAN;
}

static bool same_figure(const el_count *a, const el_count *b) {
    bool va = !isnan(a->value), vb = !isnan(b->value);
    if (va && vb) return a->value == b->value;
    if (va || vb) return false;
    return ((isnan(a->min) && isnan(b->min)) || a->min == b->min) &&
           ((isnan(a->max) && isnan(b->max)) || a->max == b->max) && a->qual == b->qual;
}

/* Kinds whose totals only grow: a later, smaller figure contradicts. */
static bool cumulative(int kind) {
    return kind == EL_KIND_KILLED || kind == EL_KIND_WOUNDED || kind == EL_KIND_KIDNAPPED ||
           kind == EL_KIND_ARRESTED || kind == EL_KIND_RELEASED;
}

/* Reports less than this many days apart describe the same moment. */
#define SAME_TIME_DAYS 7

static int pair_verdict(const ccount *a, const ccount *b) {
    if (same_figure(&a->c, &b->c)) return EL_VERDICT_AGREE;
    double alo, ahi, blo, bhi;
    bool dated = a->c.day != EL_DATE_UNKNOWN && b->c.day != EL_DATE_UNKNOWN;
    long gap = dated ? labs((long)a->c.day - (long)b->c.day) : 0;
    if (gap >= SAME_TIME_DAYS) {
        interval(&a->c, true, &alo, &ahi);
        interval(&b->c, true, &blo, &bhi);
        if (alo <= bhi && blo <= ahi) return EL_VERDICT_COMPATIBLE;
        const ccount *early = a->c.day < b->c.day ? a : b, *late = early == a ? b : a;
        if (cumulative(a->c.kind) && rep(&late->c) < rep(&early->c) * 0.9) return EL_VERDICT_CONFLICTING;
        return EL_VERDICT_CHANGED;
    }
    interval(&a->c, false, &alo, &ahi);
    interval(&b->c, false, &blo, &bhi);
    return alo <= bhi && blo <= ahi ? EL_VERDICT_COMPATIBLE : EL_VERDICT_CONFLICTING;
}

/* Are two counts about the same thing? Same kind, head and stance; figures
** within a factor of 3 of each other; and, across articles, at least two
** shared content words around them (MIN_SHARED). Inside one article only
** figures from different sources a sentence or two apart are compared
** ("800 per Channel 12, 700 per other Hebrew media"). */
#define MIN_SHARED 2
#define MAX_FACTOR 3.0
#define COUNT_WINDOW 256    /* counts after one in size order that it is compared with */

static bool linkable(const ccount *a, const ccount *b) {
    if (a->c.kind != b->c.kind || a->c.stance != b->c.stance) return false;
    if (a->c.qual == EL_QUAL_RELATIVE || b->c.qual == EL_QUAL_RELATIVE) return false;
    if (a->thread != b->thread || !same_group(a->group, b->group)) return false;
    if (strcmp(a->c.head, b->c.head) && *a->c.head && *b->c.head) return false;
    if (a->c.kind == EL_KIND_OTHER && (!*a->c.head || !*b->c.head)) return false;
    double ra = rep(&a->c), rb = rep(&b->c);
    if (isnan(ra) || isnan(rb) || ra <= 0 || rb <= 0) return false;
    if (ra > rb * MAX_FACTOR || rb > ra * MAX_FACTOR) return false;
    if (a->doc == b->doc) {
        if (!a->src || !b->src || !strcmp(a->src, b->src)) return false;
        long ds = (long)a->c.sent - (long)b->c.sent;
        return ds >= -2 && ds <= 2;
    }
    size_t ents;
    return overlap(a->f, a->nf, b->f, b->nf, &ents) >= MIN_SHARED;
}

static int cmp_count_ptr(const void *x, const void *y) {
    const ccount *a = *(const ccount *const *)x, *b = *(const ccount *const *)y;
    if (a->thread != b->thread) return a->thread < b->thread ? -1 : 1;
    int g = cmp_str(a->group, b->group);
    if (g) return g;
    if (a->c.kind != b->c.kind) return a->c.kind - b->c.kind;
    double ra = rep(&a->c), rb = rep(&b->c);
    if (isnan(ra)) ra = -1;
    if (isnan(rb)) rb = -1;
    return ra < rb ? -1 : ra > rb ? 1 : (a < b ? -1 : a > b);
}

static void fmt_num(char *out, size_t n, double v) {
    if (v == floor(v) && fabs(v) < 1e15) {
        char raw[32];
        snprintf(raw, sizeof raw, "%.0f", v);
        size_t len = strlen(raw), o = 0;
        for (size_t i = 0; i < len && o + 2 < n; i++) {
            out[o++] = raw[i];
            if ((len - i - 1) % 3 == 0 && i + 1 < len && raw[0] != '-') out[o++] = ',';
        }
        out[o] = '\0';
    } else {
        snprintf(out, n, "%g", v);
    }
}

static const char *summary(el_arena *a, int verdict, ccount **m, size_t n) {
    char buf[1024];
    size_t o = 0;
    if (verdict == EL_VERDICT_AGREE) {
        char num[64];
        if (!isnan(m[0]->c.value)) fmt_num(num, sizeof num, m[0]->c.value);
        else snprintf(num, sizeof num, "%s", m[0]->figure ? m[0]->figure : "");
        return el_arena_printf(a, "%s", num);
    }
    for (size_t i = 0; i < n && o < sizeof buf - 200; i++) {
        const ccount *x = m[i];
        const char *sep = i ? (verdict == EL_VERDICT_COMPATIBLE ? "; " : ", ") : "";
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", sep, x->figure ? x->figure : "?");
        if (verdict == EL_VERDICT_CHANGED && x->c.date)
            o += (size_t)snprintf(buf + o, sizeof buf - o, " on %s", x->c.date);
        else if (verdict == EL_VERDICT_CONFLICTING && x->src)
            o += (size_t)snprintf(buf + o, sizeof buf - o, " per %s", x->src);
        else if (verdict == EL_VERDICT_CONFLICTING)
            o += (size_t)snprintf(buf + o, sizeof buf - o, " in %s", x->article);
    }
    return el_arena_strndup(a, buf, o);
}

static int by_date(const void *x, const void *y) {
    const ccount *a = *(const ccount *const *)x, *b = *(const ccount *const *)y;
    if (a->c.day != b->c.day) return a->c.day < b->c.day ? -1 : 1;
    int r = strcmp(a->article, b->article);
    if (r) return r;
    return a->c.start < b->c.start ? -1 : a->c.start > b->c.start;
}

typedef struct root_order { const uint32_t *root, *first; } root_order;

static int cmp_by_root(const void *pa, const void *pb, void *ud) {
    const root_order *o = ud;
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    uint32_t fa = o->first[o->root[a]], fb = o->first[o->root[b]];
    if (fa != fb) return fa < fb ? -1 : 1;
    return a < b ? -1 : a > b;
}

size_t el_cmp_counts(el_cmp *c, el_comparison **out) {
    size_t n = c->counts.n;
    *out = NULL;
    if (n < 2) return 0;
    uint32_t *parent = el_arena_alloc(c->a, n * sizeof *parent);
    uint32_t *size = el_arena_alloc(c->a, n * sizeof *size);
    ccount **ord = el_arena_alloc(c->a, n * sizeof *ord);
    if (!parent || !size || !ord) return 0;
    for (size_t i = 0; i < n; i++) { parent[i] = (uint32_t)i; size[i] = 1; ord[i] = &c->counts.v[i]; }
    /* Sorted by thread, kind, then size, a count is compared only with the
    ** next COUNT_WINDOW counts, at most MAX_FACTOR times larger; a cluster
    ** stops growing at EL_CMP_SIDES_MAX. Linear on any set. */
    qsort(ord, n, sizeof *ord, cmp_count_ptr);
    for (size_t i = 0; i < n; i++) {
        double ri = rep(&ord[i]->c);
        if (isnan(ri)) continue;
        for (size_t j = i + 1; j < n && j < i + COUNT_WINDOW; j++) {
            if (ord[j]->c.kind != ord[i]->c.kind || ord[j]->thread != ord[i]->thread
                || rep(&ord[j]->c) > ri * MAX_FACTOR) break;
            if (!linkable(ord[i], ord[j])) continue;
            uint32_t x = uf_find(parent, (uint32_t)(ord[i] - c->counts.v));
            uint32_t y = uf_find(parent, (uint32_t)(ord[j] - c->counts.v));
            if (x == y || size[x] + size[y] > EL_CMP_SIDES_MAX) continue;
            if (x < y) { parent[y] = x; size[x] += size[y]; }
            else { parent[x] = y; size[y] += size[x]; }
        }
    }
    /* Gather each cluster of two or more. */
    EL_VEC(el_comparison) res = {0};
    uint32_t *seen = el_arena_calloc(c->a, n * sizeof *seen);
    ccount **mem = el_arena_alloc(c->a, n * sizeof *mem);
    if (!seen || !mem) return 0;
    /* Members of each cluster in index order, clusters in order of their
    ** first member: one sort, not a scan of the whole set per cluster. */
    uint32_t *root = el_arena_alloc(c->a, n * sizeof *root);
    uint32_t *byroot = el_arena_alloc(c->a, n * sizeof *byroot);
    uint32_t *first = el_arena_alloc(c->a, n * sizeof *first);
    if (!root || !byroot || !first) return 0;
    for (size_t i = 0; i < n; i++) first[i] = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        root[i] = uf_find(parent, (uint32_t)i);
        if (first[root[i]] == UINT32_MAX) first[root[i]] = (uint32_t)i;
        byroot[i] = (uint32_t)i;
    }
    root_order ro = {root, first};
    qsort_r(byroot, n, sizeof *byroot, cmp_by_root, &ro);
    for (size_t bi = 0; bi < n;) {
        uint32_t r = root[byroot[bi]];
        size_t be = bi;
        while (be < n && root[byroot[be]] == r) be++;
        size_t run_lo = bi;
        bi = be;
        if (seen[r]) continue;
        seen[r] = 1;
        size_t m = 0;
        for (size_t q = run_lo; q < be; q++) {
            size_t j = byroot[q];
            /* One article repeating its own figure counts once. */
            bool dup = false;
            for (size_t k = 0; k < m && !dup; k++)
                dup = mem[k]->doc == c->counts.v[j].doc && same_figure(&mem[k]->c, &c->counts.v[j].c) &&
                      ((!mem[k]->src && !c->counts.v[j].src) ||
                       (mem[k]->src && c->counts.v[j].src && !strcmp(mem[k]->src, c->counts.v[j].src)));
            if (!dup) mem[m++] = &c->counts.v[j];
        }
        if (m < 2) continue;
        qsort(mem, m, sizeof *mem, by_date);
        int verdict = EL_VERDICT_AGREE;
        for (size_t x = 0; x < m; x++)
            for (size_t y = x + 1; y < m; y++) {
                int v = pair_verdict(mem[x], mem[y]);
                if (v > verdict) verdict = v;
            }
        el_comparison cmpx = {.verdict = verdict, .kind = mem[0]->c.kind, .n_sides = m};
        cmpx.subject = mem[0]->c.subject;
        for (size_t x = 1; x < m && !cmpx.subject; x++) cmpx.subject = mem[x]->c.subject;
        cmpx.summary = summary(c->a, verdict, mem, m);
        cmpx.sides = el_arena_alloc(c->a, m * sizeof *cmpx.sides);
        if (!cmpx.sides) break;
        for (size_t x = 0; x < m; x++) {
            const ccount *k = mem[x];
            cmpx.sides[x] = (el_cmp_side){
                .article = k->article, .outlet = k->outlet, .date = k->c.date, .sentence = k->c.sent,
                .start = k->c.start, .end = k->c.end, .text = k->text, .figure = k->figure,
                .value = k->c.value, .min = k->c.min, .max = k->c.max, .qual = k->c.qual,
                .attribution = k->attr, .source = k->src};
        }
        EL_PUSH(c->a, res, cmpx);
    }
    *out = res.v;
    return res.n;
}

/* ---- Statements ------------------------------------------------------------ */

/* Two quotes from different articles are one statement when one of their
** sentences shares at least LINK_MIN_SHARED content features with one of the
** other's, and the shared part covers at least LINK_COVER of the shorter
** sentence (containment, so "Netanyahu insists that Israel will not give in
** to ..." contains "Israel will not submit to ..."). Each shared named entity
** adds LINK_ENT_BONUS, at most two of them. A negation on one side only
** ("will not accept" / "will accept") forbids the link. Tuned on the seeds:
** the two translations of the Netanyahu statement score 1.0 and 0.86; the
** closest unrelated pair of the same story (two passages on Gazans returning
** to the north) scores 0.67. */
#define LINK_MIN_SHARED 4
#define LINK_COVER 0.8
#define LINK_ENT_BONUS 0.05

/* A clause is compared with the nearest STATEMENT_WINDOW earlier clauses
** of its thread per feature it has: a quote reprinted by hundreds of outlets
** still links (each copy to its predecessors; the union chains them), at a
** bounded cost per clause. */
#define STATEMENT_WINDOW 32

static double clause_score(const cclause *a, const cclause *b) {
    if (a->neg != b->neg) return 0;
    size_t ents, sh = overlap(a->f, a->nf, b->f, b->nf, &ents);
    size_t mn = a->nf < b->nf ? a->nf : b->nf;
    if (sh < LINK_MIN_SHARED || !mn) return 0;
    return (double)sh / (double)mn + LINK_ENT_BONUS * (double)(ents > 2 ? 2 : ents);
}

size_t el_cmp_statements(el_cmp *c) {
    size_t nq = c->quotes.n, nc = c->clauses.n;
    if (!nq) return 0;
    uint32_t *parent = el_arena_alloc(c->a, nq * sizeof *parent);
    if (!parent) return 0;
    for (size_t i = 0; i < nq; i++) parent[i] = (uint32_t)i;
    /* Thread by thread (quotes are only linked within one), so the posting
    ** lists of one thread are in memory at a time, not a whole run's. The
    ** clauses of a thread keep their order: ids ascending. */
    uint32_t *hits = el_arena_calloc(c->a, (nc ? nc : 1) * sizeof *hits);
    uint32_t *touched = el_arena_alloc(c->a, (nc ? nc : 1) * sizeof *touched);
    el_keyed *by = malloc((nc ? nc : 1) * 2 * sizeof *by);
    if (!hits || !touched || !by) { free(by); return nq; }
    for (size_t i = 0; i < nc; i++) by[i] = (el_keyed){c->quotes.v[c->clauses.v[i].quote].thread, (uint32_t)i, 0};
    el_sort_keyed(by, by + nc, nc);
    size_t most = 0;                            /* the largest thread's postings */
    for (size_t s0 = 0, s1, np; s0 < nc; s0 = s1) {
        np = 0;
        for (s1 = s0; s1 < nc && by[s1].key == by[s0].key; s1++) np += c->clauses.v[by[s1].a].nf;
        if (np > most) most = np;
    }
    el_keyed *p = malloc((most ? most : 1) * 2 * sizeof *p);
    uint32_t *where = malloc((most ? most : 1) * sizeof *where);
    if (!p || !where) { free(by); free(p); free(where); return nq; }
    for (size_t s0 = 0, s1; s0 < nc; s0 = s1) {
        for (s1 = s0; s1 < nc && by[s1].key == by[s0].key; s1++) {}
        /* Posting lists: one (feature, clause, post number) record per
        ** feature of each clause, sorted by feature and, within one, by
        ** clause (made in clause order; the sort is stable). where[post
        ** number] is the record's place after the sort. */
        size_t np = 0;
        for (size_t x = s0; x < s1; x++) {
            const cclause *cl = &c->clauses.v[by[x].a];
            for (size_t j = 0; j < cl->nf; j++, np++) p[np] = (el_keyed){cl->f[j].h, by[x].a, (uint32_t)np};
        }
        el_sort_keyed(p, p + np, np);
        for (size_t q = 0; q < np; q++) where[p[q].b] = (uint32_t)q;
        /* Clause by clause, count shared features with the nearest earlier
        ** clauses of each of its posting lists, then score the promising
        ** pairs exactly. */
        size_t first = 0;                       /* post number of the clause's first feature */
        for (size_t x = s0; x < s1; x++) {
            const cclause *a = &c->clauses.v[by[x].a];
            size_t nt = 0;
            for (size_t j = 0; j < a->nf; j++) {
                size_t lo = where[first + j];   /* this feature's own record */
                for (size_t q = lo, w = 0; q > 0 && p[q - 1].key == p[lo].key && w < STATEMENT_WINDOW; q--, w++) {
                    uint32_t cl = p[q - 1].a;
                    if (!hits[cl]) touched[nt++] = cl;
                    hits[cl]++;
                }
            }
            const cquote *qa = &c->quotes.v[a->quote];
            for (size_t t = 0; t < nt; t++) {
                uint32_t h = hits[touched[t]];
                hits[touched[t]] = 0;
                if (h < 2) continue;            /* before touching the clause: most stop here */
                const cclause *b = &c->clauses.v[touched[t]];
                const cquote *qb = &c->quotes.v[b->quote];
                if (qa->doc != qb->doc && same_group(qa->group, qb->group) && clause_score(a, b) >= LINK_COVER)
                    uf_union(parent, a->quote, b->quote);
            }
            first += a->nf;
        }
    }
    free(by);
    free(p);
    free(where);
    for (size_t i = 0; i < nq; i++) c->quotes.v[i].statement = (long)uf_find(parent, (uint32_t)i);
    return nq;
}

const el_quote *el_cmp_quote(const el_cmp *c, size_t i, const char **article, const char **text,
                             long *statement) {
    if (i >= c->quotes.n) return NULL;
    const cquote *q = &c->quotes.v[i];
    *article = q->article;
    *text = q->text;
    *statement = q->statement;
    return &q->q;
}

/* ---- Output ---------------------------------------------------------------- */

static void num_or_null(el_buf *b, double v) {
    if (isnan(v) || isinf(v)) el_buf_puts(b, "null");
    else if (v == floor(v) && fabs(v) < 1e15) el_json_int(b, (long long)v);
    else el_json_double(b, v, 6);
}

void el_write_comparison(el_buf *b, const el_comparison *x, size_t id) {
    int f = 1;
    el_buf_putc(b, '{');
    el_json_key_plain(b, "comparison", &f); el_json_int(b, (long long)id);
    el_json_key_plain(b, "kind", &f); el_json_strz(b, el_count_kind_name(x->kind));
    el_json_key_plain(b, "subject", &f); el_json_strz(b, x->subject);
    el_json_key_plain(b, "verdict", &f); el_json_strz(b, el_verdict_name(x->verdict));
    el_json_key_plain(b, "summary", &f); el_json_strz(b, x->summary);
    el_json_key_plain(b, "articles", &f);
    el_buf_putc(b, '[');
    for (size_t i = 0, n = 0; i < x->n_sides; i++) {
        bool dup = false;
        for (size_t j = 0; j < i; j++) dup |= !strcmp(x->sides[j].article, x->sides[i].article);
        if (dup) continue;
        if (n++) el_buf_putc(b, ',');
        el_json_strz(b, x->sides[i].article);
    }
    el_buf_putc(b, ']');
    el_json_key_plain(b, "sides", &f);
    el_buf_putc(b, '[');
    for (size_t i = 0; i < x->n_sides; i++) {
        const el_cmp_side *s = &x->sides[i];
        int g = 1;
        el_buf_puts(b, i ? ",{" : "{");
        el_json_key_plain(b, "article", &g); el_json_strz(b, s->article);
        el_json_key_plain(b, "outlet", &g); el_json_strz(b, s->outlet);
        el_json_key_plain(b, "date", &g); el_json_strz(b, s->date);
        el_json_key_plain(b, "sentence", &g); el_json_int(b, s->sentence);
        el_json_key_plain(b, "start", &g); el_json_int(b, s->start);
        el_json_key_plain(b, "end", &g); el_json_int(b, s->end);
        el_json_key_plain(b, "text", &g); el_json_strz(b, s->text);
        el_json_key_plain(b, "value", &g); num_or_null(b, s->value);
        el_json_key_plain(b, "min", &g); num_or_null(b, s->min);
        el_json_key_plain(b, "max", &g); num_or_null(b, s->max);
        el_json_key_plain(b, "qualifier", &g); el_json_strz(b, el_qual_name(s->qual));
        el_json_key_plain(b, "attribution", &g); el_json_strz(b, s->attribution);
        el_buf_putc(b, '}');
    }
    el_buf_puts(b, "]}");
}
