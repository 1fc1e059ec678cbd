/*
** code.c: stage 5, who did what to whom, from one sentence at a time.
** In:  a doc with tokens and lemmas, doc->times (time stage) and
**      doc->ments (actor stage); the pattern lexicon of code_lexicon.c.
** Out: doc->events: one el_event per source-target pair of every pattern
**      that matches, with modality, date and place.
** No parser: a clause is read from token positions. The subject is the
** nearest actor left of the verb that is not inside a prepositional phrase,
** a comma insertion ("Hamas, which ..., rejected") or a reporting clause
** ("X said Y rejected Z": Y); the target is the first actor after the
** pattern. Passives ("was dismissed by N") swap the two. Coordinated actors
** ("Israel, Egypt and Qatar") give one event per pair.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "annotate_actor.h"
#include "dict.h"
#include "annotate_time.h"
#include "code_int.h"
#include "lemma.h"
#include "textutil.h"

/* One actor of a sentence, in token positions. */
typedef struct arg {
    uint32_t t0, t1;            /* tokens [t0, t1) */
    const char *code, *name;
    int entity;
    int ment;                   /* doc->ments index, or -1 */
    bool media, place, country, pronoun;
    bool modifier;              /* a role noun used as a modifier: "hostage deal" */
    bool bare;                  /* a role noun without a country: "rebels", "troops" */
    bool inherited;             /* its country came from the nearest actor, not "in X" */
    bool role_noun;             /* a bare role noun ("troops"), whatever country it got */
    bool capital;               /* a capital city: its government in subject position */
    bool person;
    const char *cty;            /* ISO alpha-3 of the actor, or NULL */
    bool object_pronoun;        /* him, her, them */
    double lat, lon;
    const char *place_country;
} arg;

typedef struct match {
    const el_pattern *p;
    uint32_t head, last;        /* token indexes */
    int tgt_arg;                /* index into args of the TGT actor, or -1 */
} match;

typedef struct coder {
    const el_engine *e;
    el_doc *doc;
    uint32_t *cls;              /* word-class bits of every token of doc */
    int32_t *arg_start;         /* per token of the sentence: the arg starting there, or -1 */
    int32_t *arg_cover;         /* ... the arg covering it, or -1 */
    const el_lexent **le;       /* what the lexicon has for every token's lemma, or NULL */
    const el_sent *s;
    arg *args;
    size_t n_args;
    EL_VEC(el_event) out;
    arg last_subject;           /* for "they", "he": the last subject seen */
    bool have_last;
    int rep_subj;               /* subject of this sentence's last reporting verb, or -1 */
    uint32_t rep_at;            /* that verb's token */
    const el_pattern *must;     /* the built-in "X said Y must" pattern, or NULL */
    size_t ment_cursor;         /* first mention of the current sentence or later */
    size_t time_lo, time_hi;    /* the current sentence's times, doc->times[lo..hi) */
} coder;

/* ---- token tests ----------------------------------------------------- */

static bool lemma_is(const el_doc *doc, const el_token *t, const char *w, size_t n) {
    if (t->lemma_len == n && memcmp(t->lemma, w, n) == 0) return true;
    size_t tl = t->end - t->start;
    return tl == n && el_ieq(doc->body + t->start, n, w);
}

/* A word list with lengths, so that most comparisons stop at the length:
** this test runs for nearly every token against a dozen lists. */
typedef struct word { const char *s; size_t n; } word;
#define W(s) {s, sizeof(s) - 1}

static const word obj_words[] = {
W("him"), W("her"), W("them"), {NULL, 0}
};

static const word subj_words[] = {
W("he"), W("she"), W("they"), W("it"), {NULL, 0}
};

static const word locative_words[] = {
W("in"), W("at"), W("near"), W("outside"), W("inside"), {NULL, 0}
};

static const word rel_words[] = {
W("who"), W("which"), W("that"), W("whose"), W("when"), W("where"), {NULL, 0}
};



static bool punct_is(const el_doc *doc, const el_token *t, const char *p) {
    size_t n = strlen(p);
    return (t->flags & EL_TOK_PUNCT) && t->end - t->start == n && memcmp(doc->body + t->start, p, n) == 0;
}

/* Words skipped between pattern words: they never change the event. */
static const word fillers[] = {
    W("a"), W("an"), W("the"), W("new"), W("fresh"), W("further"), W("more"), W("its"),
    W("their"), W("his"), W("her"), W("our"), W("any"), W("some"), W("also"), W("again"),
    W("another"), W("formal"), W("direct"), W("indirect"), W("official"), W("immediate"),
    W("first"), W("latest"), W("renewed"), W("two"), W("several"), W("high-level"), W("its"),
    {NULL, 0}
};
static const word preps[] = {
    W("of"), W("in"), W("with"), W("for"), W("from"), W("to"), W("at"), W("by"), W("on"),
    W("against"), W("between"), W("among"), W("toward"), W("towards"), W("including"),
    W("like"), W("over"), W("under"), W("near"), W("after"), W("before"), W("despite"),
    W("without"), W("into"), W("about"), W("via"), W("through"), W("than"), W("amid"),
    W("across"), {NULL, 0}
};
/* Verbs that report speech: a subject search does not cross them. */
static const word quantities[] = {
    W("thousands"), W("thousand"), W("hundreds"), W("hundred"), W("dozens"), W("dozen"),
    W("millions"), W("million"), W("scores"), W("tens"), W("some"), W("many"), W("several"),
    W("group"), W("crowd"), W("crowds"), W("members"), W("supporters"), W("hundred"), {NULL, 0}
};
static const word reporting[] = {
    W("declare"), W("reiterate"), W("conclude"), W("stress"), W("argue"), W("maintain"),
    W("assert"), W("emphasize"), W("emphasise"), W("underline"),
    W("say"), W("tell"), W("report"), W("add"), W("state"), W("claim"), W("insist"), W("note"),
    W("write"), W("quote"), W("cite"), W("according"), W("announce"), W("told"), W("said"),
    {NULL, 0}
};
static const word determiners[] = {
    W("the"), W("a"), W("an"), W("its"), W("their"), W("his"), W("her"), W("this"), W("that"),
    W("these"), W("those"), W("our"), W("whose"), {NULL, 0}
};
/* Subordinators: a subject is never found across them, going left
** ("... a delegation, after President Biden asked him"). */
static const word subordinators[] = {
    W("after"), W("before"), W("when"), W("while"), W("because"), W("since"), W("if"),
    W("although"), W("though"), W("whereas"), W("until"), W("unless"), W("once"), W("as"),
    W("so"), W("but"), W("where"), W("whether"), {NULL, 0}
};
/* Verbs after an event noun that list its participants. */
static const word inclusion[] = {
    W("include"), W("involve"), W("involving"), W("bring"), W("gather"), W("attend"),
    W("join"), {NULL, 0}
};
static const word insert_starts[] = {
    W("a"), W("an"),
    W("which"), W("who"), W("whom"), W("whose"), W("together"), W("along"), W("led"),
    W("including"), W("backed"), W("accompanied"), W("as"), W("like"), {NULL, 0}
};

/* Word classes: one bit per list. KEEP IN SYNC: class_lists[] at the end. */
enum {
    CL_obj_words,
    CL_subj_words,
    CL_locative_words,
    CL_rel_words,
    CL_fillers,
    CL_preps,
    CL_quantities,
    CL_reporting,
    CL_determiners,
    CL_subordinators,
    CL_inclusion,
    CL_insert_starts,
    CL_auxiliaries,
    CL_negators,
    CL_hypo,
    CL_future,
    CL_after_head,
    CL__COUNT
};

/* Is token t in word class cl? Classes are looked up once per token, when
** the doc is coded (el_code_doc), since these tests run for every token. */
#define in_class(c, t, cl) (((c)->cls[(t) - (c)->doc->toks] >> (cl)) & 1u)

static bool boundary(const el_doc *doc, const el_token *t) {
    return punct_is(doc, t, ";") || punct_is(doc, t, ":") || (t->flags & EL_TOK_QUOTE);
}

/* ---- matching -------------------------------------------------------- */

/* Args do not overlap and sit in token order, so collect_args() leaves, for
** each token of the sentence, the arg that starts there and the one that
** covers it: asked for nearly every token, once a scan of all args. */
static int arg_at(const coder *c, uint32_t t) { return t < c->doc->n_toks ? c->arg_start[t] : -1; }

/* The actor starting at j, or after the articles there ("by the United
** States": the mention may start at "the" or at "United"). */
static int arg_after_articles(const coder *c, uint32_t j) {
    uint32_t end = c->s->tok + c->s->n_tok;
    int a = arg_at(c, j);
    while (a < 0 && j < end && in_class(c, &c->doc->toks[j], CL_determiners)) a = arg_at(c, ++j);
    return a;
}

static int arg_covering(const coder *c, uint32_t t) { return t < c->doc->n_toks ? c->arg_cover[t] : -1; }

/* Is token k one of the item's words, by its lemma or its surface? As
** lemma_is(), by hash: the alternatives are lower case, low_h is the surface
** with A-Z lowered. */
static bool item_word_at(const el_doc *doc, uint32_t k, const pat_item *it) {
    uint64_t lh = doc->toks[k].lemma_h, sh = doc->low_h[k];
    for (int a = 0; a < it->n_alt; a++) if (it->alt_h[a] == lh || it->alt_h[a] == sh) return true;
    return false;
}

/* Match p with its head at token h; on success fill m. */
static bool match_at(const coder *c, const el_pattern *p, uint32_t h, match *m) {
    const el_doc *doc = c->doc;
    uint32_t end = c->s->tok + c->s->n_tok, i = h + 1;
    int gap = 0, tgt = -1;
    for (int k = 0; k < p->n_items; k++) {
        const pat_item *it = &p->item[k];
        if (it->kind == ITEM_GAP) { gap = 4; continue; }
        if (it->kind == ITEM_TGT) {
            int a = arg_at(c, i);               /* "the Israeli premier" may start at "the" */
            while (a < 0 && i < end && in_class(c, &doc->toks[i], CL_fillers)) a = arg_at(c, ++i);
            if (a < 0 || c->args[a].media || c->args[a].modifier) return false;
            tgt = a;
            i = c->args[a].t1;
            continue;
        }
        while (i < end && in_class(c, &doc->toks[i], CL_fillers)) i++;
        bool ok = false;
        for (int g = 0; g <= gap && i + (uint32_t)g < end; g++) {
            if (g > 0 && boundary(doc, &doc->toks[i + (uint32_t)g - 1])) break;
            if (item_word_at(doc, i + (uint32_t)g, it)) { i += (uint32_t)g + 1; ok = true; break; }
        }
        if (!ok) return false;
        gap = 0;
    }
    m->p = p;
    m->head = h;
    m->last = i - 1;
    m->tgt_arg = tgt;
    return true;
}

static const word auxiliaries[] = {
    W("to"), W("will"), W("would"), W("can"), W("could"), W("may"), W("might"), W("must"),
    W("should"), W("shall"), W("not"), W("n't"), W("do"), W("does"), W("did"), W("also"),
    W("now"), W("still"), W("again"), W("reportedly"), W("then"), W("allegedly"), W("later"),
    W("already"), W("never"), W("repeatedly"), W("jointly"), W("formally"), W("publicly"),
    W("who"), W("which"), W("that"), W("and"), W("or"), W("he"), W("she"), W("it"), W("they"),
    W("we"), W("i"), W("you"), {NULL, 0}
};

/* Without a tagger, guess whether the head at h is used as a verb. A form
** with its own inflection (-ed, irregular past, -ing) is a verb unless a
** determiner, possessive or preposition precedes it ("the meeting", "of
** killed hostages"). A bare or -s form ("release", "demands") is a verb only
** after an actor, a pronoun, an auxiliary or an adverb ("Hamas demands",
** "to release", "will not release"); else it is a noun ("hostage release
** deal", "Hamas' illusory demands") and codes by noun patterns. */
static bool used_as_noun(const coder *c, uint32_t h) {
    const el_doc *doc = c->doc;
    if (h == c->s->tok) return false;                      /* headline-style verb first */
    const el_token *t = &doc->toks[h], *p = &doc->toks[h - 1];
    if (in_class(c, p, CL_determiners) || (p->flags & EL_TOK_POSS) || in_class(c, p, CL_preps))
        return !lemma_is(doc, p, "to", 2);
    if (punct_is(doc, p, "'") || punct_is(doc, p, "\xE2\x80\x99")) return true;   /* Hamas' demands */
    size_t n = t->end - t->start;
    const char *w = doc->body + t->start;
    bool base = t->lemma_len == n;
    for (size_t i = 0; base && i < n; i++) if (el_lower((unsigned char)w[i]) != t->lemma[i]) base = false;
    bool s_form = !base && n > 1 && (w[n - 1] == 's' || w[n - 1] == 'S') && t->lemma_len < n;
    if (!base && !s_form) return false;                    /* -ed, -ing, irregular: a verb */
    if (in_class(c, p, CL_auxiliaries)) return false;
    if (el_isuffix(doc->body + p->start, p->end - p->start, "ly")) return false;
    int a = arg_covering(c, h - 1);                        /* an actor before: a verb */
    return a < 0 || c->args[a].modifier;                   /* but not "hostage release" */
}

/* ---- roles ------------------------------------------------------------ */

/* Is actor a the object of a preposition ("talks with Egypt")? A word that
** is also a subordinator ("after President Biden asked") opens a clause. */
static bool after_prep(const coder *c, const arg *a) {
    const el_doc *doc = c->doc;
    uint32_t k = a->t0;
    while (k > c->s->tok && in_class(c, &doc->toks[k - 1], CL_determiners)) k--;
    if (k <= c->s->tok || !in_class(c, &doc->toks[k - 1], CL_preps) ||
        in_class(c, &doc->toks[k - 1], CL_subordinators))
        return false;
    /* "thousands of Kenyans", "hundreds of protesters": the "of" phrase after
    ** a quantity is the subject itself. */
    if (k >= c->s->tok + 2 && lemma_is(doc, &doc->toks[k - 1], "of", 2)) {
        const el_token *q = &doc->toks[k - 2];
        if ((q->flags & EL_TOK_NUM) || in_class(c, q, CL_quantities)) return false;
    }
    return true;
}

/* The segment [from, to) starts an insertion: ", which ...", ", together with ...". */
static bool insertion(const coder *c, uint32_t from) {
    return from < c->s->tok + c->s->n_tok && in_class(c, &c->doc->toks[from], CL_insert_starts);
}

/* "once again", "as well", "so far": a subordinator's word that opens no
** clause here. */
static bool fixed_adverb(const coder *c, uint32_t k) {
    static const word second[] = {W("again"), W("more"), W("well"), W("far"), W("usual"), W("soon"),
                                  W("long"), W("much"), W("yet"), {NULL, 0}};
    if (k + 1 >= c->s->tok + c->s->n_tok) return false;
    const el_token *t = &c->doc->toks[k + 1];
    for (int i = 0; second[i].s; i++) if (lemma_is(c->doc, t, second[i].s, second[i].n)) return true;
    return false;
}

/* Subject of a verb at h: index into args, or -1. */
static int find_subject(const coder *c, uint32_t h, bool is_reporting) {
    const el_doc *doc = c->doc;
    uint32_t s0 = c->s->tok;
    uint32_t seg_end = h;               /* the current comma segment is [k, seg_end) */
    int best = -1;
    for (uint32_t k = h; k-- > s0;) {
        const el_token *t = &doc->toks[k];
        if (boundary(doc, t)) break;
        if (!is_reporting && in_class(c, t, CL_reporting) && arg_covering(c, k) < 0) break;
        if (in_class(c, t, CL_subordinators) && arg_covering(c, k) < 0 && !fixed_adverb(c, k)) break;
        if (punct_is(doc, t, ",")) {
            if (best >= 0) break;
            seg_end = k;
            continue;
        }
        int a = arg_covering(c, k);
        if (a < 0) continue;
        const arg *x = &c->args[a];
        k = x->t0;                      /* continue left of the actor */
        bool to_head = x->t1 + 1 == h && lemma_is(doc, &doc->toks[x->t1], "to", 2);
        /* "Beirut again rejected": a capital as subject is its government. */
        bool gov = x->capital && !after_prep(c, x);
        if (x->media || (x->place && !x->country && !gov) || (after_prep(c, x) && !to_head)) continue;
        if (x->modifier) continue;                        /* "hostage" in "hostage deal" */
        /* Inside ", which ... ," before the verb? Skip it. */
        uint32_t seg_start = k;
        while (seg_start > s0 && !punct_is(doc, &doc->toks[seg_start - 1], ",")) seg_start--;
        if (seg_end < h && insertion(c, seg_start)) continue;
        best = a;
        break;
    }
    (void)seg_end;
    return best;
}

static bool own_possessive(const coder *c, uint32_t k) {
    static const word own[] = {W("its"), W("their"), W("his"), W("her"), W("our"), {NULL, 0}};
    const el_token *t = &c->doc->toks[k];
    for (int i = 0; own[i].s; i++) if (lemma_is(c->doc, t, own[i].s, own[i].n)) return true;
    return false;
}

/* First actor right of the match, within the clause. */
/* Is target candidate x the subject's own agent ("Japan will send a
** delegation": the delegation took Japan's country from Japan)? */
static bool own_agent(const coder *c, const arg *x, int subj) {
    if (subj < 0 || !x->cty || !c->args[subj].cty || strcmp(x->cty, c->args[subj].cty)) return false;
    return (x->bare && x->inherited) || x->role_noun ||
           (x->role_noun == false && x->t0 > 0 && own_possessive(c, x->t0 - 1));
}

static int find_target(const coder *c, const match *m, int subj) {
    const el_doc *doc = c->doc;
    uint32_t end = c->s->tok + c->s->n_tok;
    for (uint32_t k = m->last + 1; k < end && k <= m->last + 16; k++) {
        const el_token *t = &doc->toks[k];
        if (boundary(doc, t)) break;
        if (in_class(c, t, CL_reporting) && arg_covering(c, k) < 0) break;
        if (lemma_is(doc, t, "according", 9)) break;
        int a = arg_covering(c, k);
        if (a < 0) continue;
        const arg *x = &c->args[a];
        k = x->t1 - 1;
        if (x->media || (x->place && !x->country) || x->modifier) continue;
        /* "offered its troops to Lebanon": the subject's own agents are
        ** what it acts with, not whom it acts on. */
        if (x->bare && x->t0 > m->last + 1 && own_possessive(c, x->t0 - 1)) continue;
        if (own_agent(c, x, subj)) continue;
        return a;
    }
    return -1;
}

/* An actor inside the matched words, in a gap of the pattern ("beat up
** Palestinian detainees" matched by "beat * detainee"): the target. */
static int inner_target(const coder *c, const match *m, int subj) {
    for (uint32_t k = m->head + 1; k <= m->last; k++) {
        int a = arg_covering(c, k);
        if (a < 0) continue;
        const arg *x = &c->args[a];
        if (x->media || x->place || x->modifier || x->pronoun || own_agent(c, x, subj)) {
            k = x->t1 - 1;
            continue;
        }
        return a;
    }
    return -1;
}

/* The "by" agent of a passive right of h. */
static int find_by_agent(const coder *c, uint32_t from) {
    const el_doc *doc = c->doc;
    uint32_t end = c->s->tok + c->s->n_tok;
    for (uint32_t k = from; k < end && k <= from + 6; k++) {
        if (boundary(doc, &doc->toks[k])) break;
        if (!lemma_is(doc, &doc->toks[k], "by", 2)) continue;
        int a = arg_after_articles(c, k + 1);
        if (a >= 0 && !c->args[a].media) return a;
        break;
    }
    return -1;
}

static bool is_passive(const coder *c, uint32_t h) {
    const el_doc *doc = c->doc;
    const el_token *t = &doc->toks[h];
    size_t n = t->end - t->start;
    const char *w = doc->body + t->start;
    bool participle = (n > 2 && el_isuffix(w, n, "ed")) || (n > 2 && el_isuffix(w, n, "en")) ||
                      !(t->lemma_len == n && memcmp(t->lemma, w, n) == 0);
    if (!participle || el_isuffix(w, n, "ing")) return false;
    for (uint32_t k = h; k-- > c->s->tok && k + 4 > h;) {
        const el_token *b = &doc->toks[k];
        if (lemma_is(doc, b, "be", 2) || lemma_is(doc, b, "get", 3)) return true;
        if (!(lemma_is(doc, b, "not", 3) || lemma_is(doc, b, "n't", 3) || el_isuffix(doc->body + b->start, b->end - b->start, "ly")))
            return false;
    }
    return false;
}

/* Actors coordinated with a: "Israel, Egypt, Qatar and the United States". */
static size_t coordinated(const coder *c, int a, int *out, size_t max) {
    const el_doc *doc = c->doc;
    size_t n = 0;
    out[n++] = a;
    /* walk right; an actor may start at its article ("and the prime minister") */
    uint32_t k = c->args[a].t1;
    for (;;) {
        uint32_t j = k;
        bool joined = false;
        int b = -1;
        while (j < c->s->tok + c->s->n_tok &&
               (punct_is(doc, &doc->toks[j], ",") || lemma_is(doc, &doc->toks[j], "and", 3) ||
                in_class(c, &doc->toks[j], CL_determiners))) {
            if (!in_class(c, &doc->toks[j], CL_determiners)) joined = true;
            else if (joined && (b = arg_at(c, j)) >= 0) break;
            j++;
        }
        if (b < 0) b = joined ? arg_at(c, j) : -1;
        if (b < 0 || c->args[b].media || c->args[b].place || n >= max) break;
        out[n++] = b;
        k = c->args[b].t1;
    }
    /* walk left */
    k = c->args[a].t0;
    for (;;) {
        uint32_t j = k;
        bool joined = false;
        while (j > c->s->tok && (punct_is(doc, &doc->toks[j - 1], ",") || lemma_is(doc, &doc->toks[j - 1], "and", 3) ||
                                 in_class(c, &doc->toks[j - 1], CL_determiners))) {
            if (!in_class(c, &doc->toks[j - 1], CL_determiners)) joined = true;
            j--;
        }
        int b = joined && j > c->s->tok ? arg_covering(c, j - 1) : -1;
        if (b < 0 || c->args[b].media || c->args[b].place || n >= max) break;
        out[n++] = b;
        k = c->args[b].t0;
    }
    /* In text order: "Ethiopia and Eritrea" names Ethiopia first. */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && c->args[out[j]].t0 < c->args[out[j - 1]].t0; j--) {
            int t = out[j]; out[j] = out[j - 1]; out[j - 1] = t;
        }
    return n;
}

/* ---- modality ----------------------------------------------------------- */

static const word negators[] = {
    W("not"), W("n't"), W("never"), W("no"), W("nor"), W("neither"), {NULL, 0}
};
static const word hypo[] = {
    W("could"), W("might"), W("may"), W("if"), W("unless"), W("possible"), W("possibly"),
    W("potential"), W("whether"), W("should"), {NULL, 0}
};
static const word future[] = {
    W("will"), W("'ll"), W("shall"), W("plan"), W("expect"), W("schedule"), W("due"),
    W("intend"), W("set"), W("aim"), W("prepare"), W("would"), W("going"), {NULL, 0}
};

static el_modality modality(const coder *c, const match *m, int subj) {
    const el_doc *doc = c->doc;
    uint32_t s0 = c->s->tok, end = s0 + c->s->n_tok;
    uint32_t from = subj >= 0 && !m->p->noun ? c->args[subj].t1 : (m->head > s0 + 6 ? m->head - 6 : s0);
    if (m->head > from + 8) from = m->head - 8;
    uint32_t to = m->p->noun ? (m->last + 5 < end ? m->last + 5 : end) : m->head;
    bool neg = false, hyp = false, plan = false;
    for (uint32_t k = from; k < to; k++) {
        const el_token *t = &doc->toks[k];
        if (k == m->head) continue;
        if (boundary(doc, t)) { if (k < m->head) { neg = hyp = plan = false; } else break; }
        if (in_class(c, t, CL_negators)) neg = true;
        else if (in_class(c, t, CL_hypo)) hyp = true;
        else if (in_class(c, t, CL_future)) plan = true;
    }
    /* "If Iran attacks Israel, ...": a condition opening the clause before
    ** its subject. */
    if (subj >= 0 && !m->p->noun)
        for (uint32_t k = c->args[subj].t0; k-- > s0;) {
            const el_token *t = &doc->toks[k];
            if (boundary(doc, t) || punct_is(doc, t, ",")) break;
            if (lemma_is(doc, t, "if", 2) || lemma_is(doc, t, "unless", 6)) { hyp = true; break; }
        }
    /* "without" before a gerund head: "left without reaching a deal" */
    if (m->head > s0 && lemma_is(doc, &doc->toks[m->head - 1], "without", 7)) neg = true;
    if (neg) return EL_MOD_NEGATED;
    if (hyp) return EL_MOD_HYPOTHETICAL;
    if (plan) return EL_MOD_PLANNED;
    return EL_MOD_ASSERTED;
}

/* ---- events ------------------------------------------------------------- */

static el_event_arg make_arg(const coder *c, const arg *a) {
    const el_doc *doc = c->doc;
    el_event_arg r;
    r.start = doc->toks[a->t0].start;
    r.end = doc->toks[a->t1 - 1].end;
    r.text = el_arena_strndup(doc->a, doc->body + r.start, r.end - r.start);
    r.code = a->code;
    r.name = a->name;
    r.entity = a->entity;
    r.ment = a->ment;
    r.person = a->person;
    return r;
}

/* Does a token between a and b (exclusive) open another clause: a gerund
** or infinitive ("sending ... on Thursday"), a relative pronoun, a
** subordinator? A time expression behind one belongs to that clause. */
static bool clause_between(const coder *c, uint32_t a, uint32_t b) {
    const el_doc *doc = c->doc;
    for (uint32_t k = a + 1; k < b; k++) {
        const el_token *t = &doc->toks[k];
        if (boundary(doc, t) || in_class(c, t, CL_rel_words) || in_class(c, t, CL_subordinators)) return true;
        size_t n = t->end - t->start;
        if ((t->flags & EL_TOK_WORD) && n > 4 && el_isuffix(doc->body + t->start, n, "ing") &&
            !(t->flags & EL_TOK_CAP))
            return true;
        if (lemma_is(doc, t, "to", 2) && k + 1 < b && (doc->toks[k + 1].flags & EL_TOK_WORD) &&
            !(doc->toks[k + 1].flags & EL_TOK_CAP) && !in_class(c, &doc->toks[k + 1], CL_determiners))
            return true;
    }
    return false;
}

static uint32_t tok_at(const el_doc *doc, const el_sent *s, uint32_t byte) {
    for (uint32_t k = s->tok; k < s->tok + s->n_tok; k++)
        if (doc->toks[k].end > byte) return k;
    return s->tok + s->n_tok - 1;
}

/* The date of an event: the nearest date expression of its sentence that is
** not inside another clause, else the publication date (flagged). */
static el_date event_date(const coder *c, const match *m, uint32_t si, const char **gran,
                          bool *from_pub) {
    const el_doc *doc = c->doc;
    const el_timex *best = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t i = c->time_lo; i < c->time_hi; i++) {    /* this sentence's times */
        const el_timex *tx = &doc->times[i];
        if (tx->sent != si || tx->type != EL_TIME_DATE || tx->first == EL_DATE_UNKNOWN) continue;
        uint32_t k = tok_at(doc, c->s, tx->start);
        bool after = k > m->last;
        if (after ? clause_between(c, m->last, k) : clause_between(c, k, m->head)) continue;
        uint32_t d = after ? k - m->last : m->head - k;
        if (d < best_d) { best_d = d; best = tx; }
    }
    *from_pub = best == NULL;
    if (best) { *gran = best->granularity; return best->first; }
    *gran = doc->date != EL_DATE_UNKNOWN ? "day" : "unknown";
    return doc->date;
}

/* The place of an event: a place named after "in", "at" or "near" in the
** event's own clause, the nearest to its words. None rather than a guess. */
static const arg *place_of(const coder *c, const match *m) {
    const el_doc *doc = c->doc;
    const arg *best = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t i = 0; i < c->n_args; i++) {
        const arg *a = &c->args[i];
        if (!a->place || a->country || a->t0 == c->s->tok) continue;
        if (!in_class(c, &doc->toks[a->t0 - 1], CL_locative_words) &&
            !(a->t0 >= c->s->tok + 2 && in_class(c, &doc->toks[a->t0 - 2], CL_locative_words) &&
              in_class(c, &doc->toks[a->t0 - 1], CL_determiners)))
            continue;
        bool after = a->t0 > m->last;
        if (after ? clause_between(c, m->last, a->t0 - 1) : clause_between(c, a->t1, m->head)) continue;
        uint32_t d = after ? a->t0 - m->last : m->head - a->t1;
        if (d < best_d) { best_d = d; best = a; }
    }
    return best;
}

static void emit(coder *c, const match *m, const el_code_info *code, int src, int tgt,
                 el_modality mod, uint32_t sent_idx) {
    const el_doc *doc = c->doc;
    el_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sent = sent_idx;
    ev.start = doc->toks[m->head].start;
    ev.end = doc->toks[m->last].end;
    ev.code = code;
    ev.modality = mod;
    ev.pattern = m->p->src;
    if (src >= 0) { ev.has_source = true; ev.source = make_arg(c, &c->args[src]); }
    if (tgt >= 0) { ev.has_target = true; ev.target = make_arg(c, &c->args[tgt]); }
    ev.date = event_date(c, m, sent_idx, &ev.date_granularity, &ev.date_from_pub);
    /* A date after publication makes an asserted event a planned one. */
    if (ev.modality == EL_MOD_ASSERTED && !ev.date_from_pub && doc->date != EL_DATE_UNKNOWN &&
        ev.date != EL_DATE_UNKNOWN && ev.date > doc->date)
        ev.modality = EL_MOD_PLANNED;
    const arg *pl = place_of(c, m);
    ev.lat = ev.lon = NAN;
    if (pl) {
        ev.place = el_arena_strndup(doc->a, doc->body + doc->toks[pl->t0].start,
                                    doc->toks[pl->t1 - 1].end - doc->toks[pl->t0].start);
        ev.place_country = pl->place_country;
        ev.lat = pl->lat;
        ev.lon = pl->lon;
    }
    EL_PUSH(doc->a, c->out, ev);
}

/* Give pronoun arg a the identity of its antecedent: after a reporting verb
** of this sentence, that verb's subject ("Iraq said it would allow ..."); for
** he, she, they, him, her, them, else the last subject of the article. "it"
** has no other antecedent we trust. Returns false when none. */
static bool resolve_pronoun(coder *c, int a) {
    arg *p = &c->args[a];
    const arg *ante = NULL;
    if (c->rep_subj >= 0 && c->rep_at < p->t0 && !p->object_pronoun) ante = &c->args[c->rep_subj];
    else if (c->have_last && (!lemma_is(c->doc, &c->doc->toks[p->t0], "it", 2) ||
                              (!c->last_subject.person && !c->last_subject.role_noun)))
        ante = &c->last_subject;            /* "Egypt rejected it. It also criticized Israel." */
    if (!ante || ante->pronoun) return false;
    p->code = ante->code;
    p->name = ante->name;
    p->entity = ante->entity;
    p->ment = ante->ment;
    p->country = ante->country;
    p->person = ante->person;
    p->cty = ante->cty;
    p->pronoun = false;
    return true;
}

/* The intent that announcing code now amounts to: 036 meet or negotiate,
** 031 material cooperation, 033 aid, 035 yield, 032 diplomatic cooperation,
** 138 threaten force, 131 threaten non-force action; NULL when none. */
static const el_code_info *intent_code(const coder *c, const el_code_info *code) {
    int root = (code->cameo[0] - '0') * 10 + (code->cameo[1] - '0');
    const char *to = NULL;
    switch (root) {
    case 4: to = "036"; break;
    case 5: to = "032"; break;
    case 6: to = "031"; break;
    case 7: to = "033"; break;
    case 8: to = "035"; break;
    case 15: case 18: case 19: case 20: to = "138"; break;
    case 16: case 17: to = "131"; break;
    default: return NULL;
    }
    return el_code_lookup(c->e->verbs, to);
}

/* Is the event noun at h the object of a light verb ("staged rallies",
** "launched an offensive", "held talks")? Only then is the clause's subject
** its agent: who "condemned the attack" did not attack. */
static bool light_verb_before(const coder *c, uint32_t h) {
    static const word light[] = {
        W("stage"), W("launch"), W("carry"), W("conduct"), W("hold"), W("mount"), W("begin"),
        W("continue"), W("resume"), W("start"), W("wage"), W("step"), W("intensify"),
        W("escalate"), W("lead"), W("organize"), W("organise"), W("call"), W("announce"),
        W("plan"), W("prepare"), W("join"), W("end"), W("halt"), W("out"), {NULL, 0}};
    const el_doc *doc = c->doc;
    for (uint32_t k = h, steps = 0; k-- > c->s->tok && steps < 4; steps++) {
        const el_token *t = &doc->toks[k];
        for (int i = 0; light[i].s; i++) if (lemma_is(doc, t, light[i].s, light[i].n)) return true;
        if (boundary(doc, t) || punct_is(doc, t, ",")) return false;
    }
    return false;
}

/* Is the event noun at h the object of a verb of judgement ("condemned
** the attack", "denounced the raid")? Then the clause's subject judged it
** and did not do it. */
static bool condemned_noun(const coder *c, uint32_t h) {
    const el_doc *doc = c->doc;
    for (uint32_t k = h, steps = 0; k-- > c->s->tok && steps < 4; steps++) {
        const el_token *t = &doc->toks[k];
        const el_lexent *x = c->le[k];
        /* A verb that judges (11 disapprove, 12 reject, 05 praise, 09
        ** investigate): condemn, denounce, reject, welcome, probe. */
        if (x && x->verb && (t->flags & EL_TOK_WORD)) {
            const char *cm = x->verb->code->cameo;
            int root = (cm[0] - '0') * 10 + (cm[1] - '0');
            if (root == 11 || root == 12 || root == 5 || root == 9) return true;
        }
        if (boundary(doc, t) || punct_is(doc, t, ",")) return false;
    }
    return false;
}

/* Code one match: roles, coordination, modality. */
static void code_match(coder *c, const match *m, uint32_t sent_idx) {
    if (!m->p->code->plover) return;          /* statements: not a PLOVER event */
    bool rep = in_class(c, &c->doc->toks[m->head], CL_reporting);
    int subj = -1, obj = -1;
    if (!m->p->noun && is_passive(c, m->head)) {
        obj = find_subject(c, m->head, rep);
        subj = find_by_agent(c, m->last + 1);
    } else if (m->p->noun) {
        /* "talks between A and B", "A's talks with B", "talks with B" */
        const el_doc *doc = c->doc;
        uint32_t end = c->s->tok + c->s->n_tok;
        for (uint32_t k = m->last + 1; k < end && k <= m->last + 3; k++) {
            if (lemma_is(doc, &doc->toks[k], "between", 7) || lemma_is(doc, &doc->toks[k], "among", 5)) {
                uint32_t j = k + 1;
                while (j < end && in_class(c, &doc->toks[j], CL_determiners)) j++;
                subj = arg_at(c, j);
                break;
            }
            if (lemma_is(doc, &doc->toks[k], "with", 4)) {
                uint32_t j = k + 1;
                while (j < end && in_class(c, &doc->toks[j], CL_determiners)) j++;
                obj = arg_at(c, j);
                break;
            }
        }
        if (subj < 0 && m->head > c->s->tok) {
            /* "Israel's talks", "Israeli-Palestinian talks": an actor just before */
            uint32_t k = m->head;
            while (k > c->s->tok && in_class(c, &doc->toks[k - 1], CL_fillers)) k--;
            if (k > c->s->tok && (doc->toks[k - 1].flags & EL_TOK_POSS)) k--;
            int a = k > c->s->tok ? arg_covering(c, k - 1) : -1;
            if (a >= 0 && !c->args[a].media && !(c->args[a].place && !c->args[a].country)) subj = a;
        }
        if (subj >= 0 && obj < 0) {
            int co[8];
            size_t n = coordinated(c, subj, co, 8);
            if (n >= 2) { obj = co[1]; }
        }
        /* "Tuesday's meeting included A, B and C", "talks involving A and B":
        ** the participants follow a verb of inclusion. */
        for (uint32_t k = m->last + 1; subj < 0 && obj < 0 && k < end && k <= m->last + 4; k++) {
            if (boundary(doc, &doc->toks[k])) break;
            if (!in_class(c, &doc->toks[k], CL_inclusion)) continue;
            uint32_t j = k + 1;
            if (j < end && (lemma_is(doc, &doc->toks[j], "by", 2) || lemma_is(doc, &doc->toks[j], "together", 8))) j++;
            while (j < end && in_class(c, &doc->toks[j], CL_determiners)) j++;
            subj = arg_at(c, j);
            if (subj >= 0 && (c->args[subj].media || c->args[subj].place)) subj = -1;
        }
        /* "X staged rallies", "X launched an offensive": the clause's subject
        ** is the agent of an event noun that names none of its own. */
        if (subj < 0 && obj < 0 && (light_verb_before(c, m->head) || !condemned_noun(c, m->head)))
            subj = find_subject(c, m->head, rep);
        if (subj < 0 && obj < 0) return;       /* a bare noun says too little */
    } else {
        subj = find_subject(c, m->head, rep);
        obj = m->tgt_arg >= 0 ? m->tgt_arg : inner_target(c, m, subj);
        if (obj < 0) obj = find_target(c, m, subj);
        /* An attack or a seizure "in southern Lebanon", aid delivered "to
        ** Baghdad", a curfew lifted "in Montenegro": that place's country is
        ** the target when no actor is named. */
        int rt = (m->p->code->cameo[0] - '0') * 10 + (m->p->code->cameo[1] - '0');
        if (obj < 0 && (rt >= 17 || rt == 6 || rt == 7 || rt == 8)) {
            const arg *pl = place_of(c, m);
            if (pl && pl->cty && (subj < 0 || !c->args[subj].cty || strcmp(pl->cty, c->args[subj].cty)))
                obj = (int)(pl - c->args);
        }
    }
    if (subj >= 0 && c->args[subj].pronoun && !resolve_pronoun(c, subj)) subj = -1;
    if (obj >= 0 && c->args[obj].pronoun && !resolve_pronoun(c, obj)) obj = -1;
    el_modality mod = modality(c, m, subj >= 0 ? subj : -1);
    const el_code_info *code = m->p->code;
    /* "will not give in", "did not yield": refusing to yield is an event of
    ** its own in CAMEO (124), asserted, not a negated concession. */
    if (mod == EL_MOD_NEGATED && code->cameo[0] == '0' && code->cameo[1] == '8') {
        const el_code_info *refuse = el_code_lookup(c->e->verbs, "124");
        if (refuse) { code = refuse; mod = EL_MOD_ASSERTED; }
    }
    /* "will not accept", "refused support": withholding agreement, support
    ** or aid is a rejection (12), asserted. */
    int root = (code->cameo[0] - '0') * 10 + (code->cameo[1] - '0');
    if (mod == EL_MOD_NEGATED && (root == 3 || root == 5 || root == 6 || root == 7)) {
        const el_code_info *rej = el_code_lookup(c->e->verbs, root == 3 ? "120" : root == 7 ? "122" : "121");
        if (rej) { code = rej; mod = EL_MOD_ASSERTED; }
    }
    /* A material act announced for later is also an act of its own now:
    ** an intent to cooperate (03x) for roots 04-08, a threat (13x) for
    ** 15-20. The planned act itself is kept too, marked planned. */
    const el_code_info *intent = NULL;
    if (mod == EL_MOD_PLANNED && !m->p->noun) intent = intent_code(c, code);
    int srcs[8], tgts[8];
    size_t ns = 1, nt = 1;
    srcs[0] = subj;
    tgts[0] = obj;
    if (subj >= 0) ns = coordinated(c, subj, srcs, 8);
    if (obj >= 0) nt = coordinated(c, obj, tgts, 8);
    if (m->p->noun && subj >= 0 && obj >= 0 && ns >= 2 && srcs[1] == obj) ns = 1;
    /* "Ethiopia and Eritrea signed an agreement": with no target, a joint
    ** act of cooperation is between the coordinated subjects. */
    int rt2 = (code->cameo[0] - '0') * 10 + (code->cameo[1] - '0');
    if (obj < 0 && ns >= 2 && rt2 >= 3 && rt2 <= 6) {
        for (size_t j = 1; j < ns; j++) tgts[j - 1] = srcs[j];
        nt = ns - 1;
        ns = 1;
    }
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
            if (srcs[i] >= 0 && tgts[j] >= 0 && srcs[i] == tgts[j]) continue;
            emit(c, m, code, srcs[i], tgts[j], mod, sent_idx);
            if (intent && srcs[i] >= 0) emit(c, m, intent, srcs[i], tgts[j], EL_MOD_ASSERTED, sent_idx);
        }
    if (subj >= 0) { c->last_subject = c->args[subj]; c->have_last = true; }
}

/* Is the token at h a verb by its context ("to fight", "will offer", an
** -ed form right after an actor)? Then it is no event noun. */
static bool verb_context(const coder *c, uint32_t h) {
    const el_doc *doc = c->doc;
    if (h == c->s->tok) return false;
    const el_token *p = &doc->toks[h - 1], *t = &doc->toks[h];
    if (lemma_is(doc, p, "to", 2) || in_class(c, p, CL_auxiliaries)) return true;
    size_t n = t->end - t->start;
    return el_isuffix(doc->body + t->start, n, "ed") && arg_covering(c, h - 1) >= 0;
}

/* "X said Y must Z": X demands of Y (CAMEO 10), whatever Z is. */
static void must_clause(coder *c, uint32_t h, uint32_t si) {
    const el_doc *doc = c->doc;
    uint32_t end = c->s->tok + c->s->n_tok;
    for (uint32_t k = h + 1; k < end && k <= h + 10; k++) {
        if (boundary(doc, &doc->toks[k])) return;
        int a = arg_at(c, k);
        if (a < 0) continue;
        int co[8];                      /* "US and British forces must" */
        size_t nco = coordinated(c, a, co, 8);
        uint32_t j = c->args[a].t1;
        for (size_t i = 0; i < nco; i++) if (c->args[co[i]].t1 > j) j = c->args[co[i]].t1;
        while (j < end && (in_class(c, &doc->toks[j], CL_preps) || (doc->toks[j].flags & EL_TOK_CAP)) &&
               j < c->args[a].t1 + 4 && !lemma_is(doc, &doc->toks[j], "must", 4))
            j++;                        /* "the rebels in Darfur must" */
        while (j < end && (lemma_is(doc, &doc->toks[j], "also", 4) || lemma_is(doc, &doc->toks[j], "now", 3))) j++;
        if (j >= end) return;
        const el_token *t = &doc->toks[j];
        bool must = lemma_is(doc, t, "must", 4) || lemma_is(doc, t, "should", 6) ||
                    ((lemma_is(doc, t, "have", 4) || lemma_is(doc, t, "need", 4)) && j + 1 < end &&
                     lemma_is(doc, &doc->toks[j + 1], "to", 2));
        if (!must || c->args[a].media || c->args[a].place || !c->must) return;
        match m = {.p = c->must, .head = h, .last = j, .tgt_arg = a};
        for (size_t i = 0; i < nco; i++)
            if (!c->args[co[i]].media && !c->args[co[i]].place)
                emit(c, &m, c->must->code, c->rep_subj, co[i], EL_MOD_ASSERTED, si);
        return;
    }
}

/* The words of a sentence as a 1024-bit filter of their lemma and surface
** hashes: a pattern cannot match when none of the words of its first word
** item is there, and nine in ten patterns tried used to fail at that item. */
typedef struct sent_words { uint64_t w[16]; } sent_words;

/* A word's place in the filter: the top ten bits of its hash (word, bit). */
static inline unsigned sw_bit(uint64_t h) { return (unsigned)(h >> 54); }
static inline void sw_add(sent_words *sw, uint64_t h) { sw->w[sw_bit(h) >> 6] |= 1ull << (sw_bit(h) & 63); }

static inline bool may_match(const sent_words *sw, const el_patref *r) {
    if (r->n_need == PAT_NO_NEED) return true;
    for (int a = 0; a < r->n_need; a++)
        if (sw->w[r->need_bit[a] >> 6] >> (r->need_bit[a] & 63) & 1) return true;
    return false;
}

static void code_sentence(coder *c, uint32_t si) {
    const el_doc *doc = c->doc;
    uint32_t s0 = c->s->tok, end = s0 + c->s->n_tok;
    EL_VEC(match) ms = {0};
    uint32_t covered_to = s0;
    sent_words sw = {{0}};
    for (uint32_t k = s0; k < end; k++) {
        sw_add(&sw, doc->toks[k].lemma_h);
        sw_add(&sw, doc->low_h[k]);
    }
    for (uint32_t h = s0; h < end; h++) {
        const el_token *t = &doc->toks[h];
        if (!(t->flags & EL_TOK_WORD) || h < covered_to || arg_covering(c, h) >= 0) continue;
        match best = {0}, cand;
        bool found = false;
        const el_lexent *x = c->le[h];
        if (!x || (!x->verb && !x->noun)) continue;
        /* A pattern whose first item is one word matches only if that word
        ** is the first token after the head and its fillers: its lemma or
        ** its surface. Hashes of both let most patterns go untouched. */
        uint32_t j = h + 1;
        uint64_t hl = 0, hs = 0;
        while (j < end && in_class(c, &doc->toks[j], CL_fillers)) j++;
        if (j < end) {
            hl = doc->toks[j].lemma_h;
            hs = doc->low_h[j];
        }
        const el_patref *r = x->verbs;
        uint32_t nr = used_as_noun(c, h) ? 0 : x->n_verbs;
        for (uint32_t k = 0; k < nr; k++)       /* longest first */
            if ((!r[k].w0h || r[k].w0h == hl || r[k].w0h == hs) && may_match(&sw, &r[k]) &&
                match_at(c, r[k].p, h, &cand)) {
                best = cand;
                found = true;
                break;
            }
        r = x->nouns;
        if (!found && x->n_nouns && !verb_context(c, h))
            for (uint32_t k = 0; k < x->n_nouns; k++) {
                if ((!r[k].w0h || r[k].w0h == hl || r[k].w0h == hs) && may_match(&sw, &r[k]) &&
                    match_at(c, r[k].p, h, &cand)) {
                    best = cand;
                    found = true;
                    break;
                }
            }
        if (!found) continue;
        EL_PUSH(doc->a, ms, best);
        covered_to = best.last + 1;
    }
    /* Reported speech: a reporting event yields to the event it reports, and
    ** its subject is what a later "it", "he" or "they" of the sentence means. */
    c->rep_subj = -1;
    size_t mi = 0;
    for (uint32_t h = s0; h < end; h++) {
        while (mi < ms.n && ms.v[mi].head < h) {
            bool rep = in_class(c, &doc->toks[ms.v[mi].head], CL_reporting);
            if (!rep || mi + 1 == ms.n) code_match(c, &ms.v[mi], si);
            mi++;
        }
        if (in_class(c, &doc->toks[h], CL_reporting) && arg_covering(c, h) < 0) {
            int sj = find_subject(c, h, true);
            if (sj >= 0 && !c->args[sj].pronoun) {
                c->rep_subj = sj;
                c->rep_at = h;
                must_clause(c, h, si);
            }
        }
    }
    for (; mi < ms.n; mi++) {
        bool rep = in_class(c, &doc->toks[ms.v[mi].head], CL_reporting);
        if (!rep || mi + 1 == ms.n) code_match(c, &ms.v[mi], si);
    }
}

/* ---- the actors of a sentence ------------------------------------------ */

/* Fill c->args with the actor mentions of sentence si, in token order.
** Pronouns (he, she, they) are args too, marked, so that a subject search
** stops at them and the coder can resolve them to the last subject. */
static int collect_args(coder *c, uint32_t si);

/* What the lexicon has for token k: its lemma's entry in *le (or NULL) and
** the word-class bits of its lemma and of its surface form ("told"). */
static uint32_t token_lex(const el_engine *e, const el_doc *doc, size_t k, const el_lexent **le) {
    const el_token *t = &doc->toks[k];
    *le = NULL;
    if (!(t->flags & (EL_TOK_WORD | EL_TOK_POSS))) return 0;
    uint32_t cls = 0;
    const el_lexent *x = el_strmap_get_h(e->verbs->lex, t->lemma, t->lemma_len, t->lemma_h);
    *le = x;
    if (x) cls |= x->cls;
    /* The surface form, lower-cased, when it is not the lemma ("told"). */
    size_t n = t->end - t->start;
    char low[64];
    if (n < sizeof low && doc->low_h[k] != t->lemma_h && el_strmap_may_have(e->verbs->lex, doc->low_h[k])) {
        for (size_t i = 0; i < n; i++) low[i] = (char)el_lower((unsigned char)doc->body[t->start + i]);
        if ((x = el_strmap_get_h(e->verbs->lex, low, n, doc->low_h[k]))) cls |= x->cls;
    }
    return cls;
}

int el_code_doc(const el_engine *e, el_doc *doc, el_diag *d) {
    (void)d;
    if (!e->verbs) return EL_OK;
    coder c = {.e = e, .doc = doc};
    c.must = e->verbs->must;
    c.cls = el_arena_calloc(doc->a, (doc->n_toks + 1) * sizeof *c.cls);
    c.le = el_arena_calloc(doc->a, (doc->n_toks + 1) * sizeof *c.le);
    c.arg_start = el_arena_alloc(doc->a, (doc->n_toks + 1) * sizeof *c.arg_start);
    c.arg_cover = el_arena_alloc(doc->a, (doc->n_toks + 1) * sizeof *c.arg_cover);
    if (!c.cls || !c.le || !c.arg_start || !c.arg_cover) return EL_ENOMEM;
    memset(c.arg_start, 0xff, (doc->n_toks + 1) * sizeof *c.arg_start);     /* -1 */
    memset(c.arg_cover, 0xff, (doc->n_toks + 1) * sizeof *c.arg_cover);
    for (size_t k = 0; k < doc->n_toks; k++) c.cls[k] = token_lex(e, doc, k, &c.le[k]);
    for (uint32_t si = 0; si < doc->n_sents; si++) {
        c.s = &doc->sents[si];
        while (c.time_lo < doc->n_times && doc->times[c.time_lo].sent < si) c.time_lo++;
        c.time_hi = c.time_lo;
        while (c.time_hi < doc->n_times && doc->times[c.time_hi].sent == si) c.time_hi++;
        if (collect_args(&c, si) != EL_OK) return EL_ENOMEM;
        code_sentence(&c, si);
    }
    doc->events = c.out.v;
    doc->n_events = c.out.n;
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}

static bool is_pronoun(const coder *c, const el_token *t, bool *object) {
    if (!(t->flags & EL_TOK_WORD)) return false;
    *object = in_class(c, t, CL_obj_words);
    return *object || in_class(c, t, CL_subj_words);
}

/* Words after a role noun that show it heads its phrase ("hostages were
** freed", "officials said") rather than modifying another noun ("hostage
** deal", "hostage release"). */
static const word after_head[] = {
    W("and"), W("or"), W("of"), W("who"), W("which"), W("that"), W("have"), W("has"), W("had"),
    W("were"), W("was"), W("are"), W("is"), W("will"), W("would"), W("said"), W("say"),
    W("says"), W("in"), W("on"), W("at"), W("to"), W("from"), W("with"), W("for"), W("as"),
    W("by"), W("held"), W("told"), W("could"), W("may"), W("might"), W("must"), W("should"),
    W("also"), W("not"), W("did"), W("do"), W("does"), W("still"), W("taken"), W("killed"),
    W("released"), W("freed"), W("remain"), W("remained"), {NULL, 0}
};

static bool role_modifier(const coder *c, const el_mention *m, uint32_t end) {
    const el_doc *doc = c->doc;
    if (m->kind != EL_MENT_BARE) return false;
    uint32_t k = m->tok + m->n_tok;
    if (k >= end) return false;
    const el_token *t = &doc->toks[k];
    if (!(t->flags & EL_TOK_WORD) || (t->flags & EL_TOK_CAP)) return false;
    if (in_class(c, t, CL_after_head)) return false;
    size_t n = t->end - t->start;
    if (el_isuffix(doc->body + t->start, n, "ed")) return false;
    /* "Police beat the protesters": a verb head that is not also a noun. */
    const el_lexent *x = c->le[k];
    return !(x && x->verb && !x->noun &&
             !el_lexicon_is_word_h(c->e->lex, t->lemma, t->lemma_len, t->lemma_h, 'n'));
}


/* A role noun with no country of its own takes one from its sentence:
** "rebels in the Ivory Coast" (the place or country it is in or from),
** "its troops" (the nearest country before), else the nearest country
** named in the sentence, before it first. "REB" becomes "CIVREB". */
static void place_role(coder *c, arg *a) {
    const el_doc *doc = c->doc;
    const char *cty = NULL;
    uint32_t end = c->s->tok + c->s->n_tok, k = a->t1;
    if (k < end && (lemma_is(doc, &doc->toks[k], "in", 2) || lemma_is(doc, &doc->toks[k], "from", 4) ||
                    lemma_is(doc, &doc->toks[k], "of", 2))) {
        k++;
        while (k < end && in_class(c, &doc->toks[k], CL_determiners)) k++;
        int b = arg_at(c, k);
        if (b >= 0 && !c->args[b].media) cty = c->args[b].cty;
    }
    bool near = !cty;
    for (size_t i = 0; !cty && i < c->n_args; i++) {      /* nearest before */
        size_t j = c->n_args - 1 - i;
        const arg *b = &c->args[j];
        if (b->t1 <= a->t0 && b->cty && !b->media && !b->bare) cty = b->cty;
    }
    for (size_t i = 0; !cty && i < c->n_args; i++) {      /* else after */
        const arg *b = &c->args[i];
        if (b->t0 >= a->t1 && b->cty && !b->media && !b->bare) cty = b->cty;
    }
    if (!cty) return;
    a->code = el_arena_printf(doc->a, "%s%s", cty, a->code);
    a->cty = cty;
    a->inherited = near;
}

static bool is_capital(const coder *c, const el_mention *m) {
    if (m->type != EL_ENT_PLACE || m->entry < 0 || !c->e->dict || !m->country) return false;
    const el_entry *x = el_dict_entry(c->e->dict, (uint32_t)m->entry);
    return x && x->type == EL_ENT_PLACE && x->sub == 1;
}

static int collect_args(coder *c, uint32_t si) {
    const el_doc *doc = c->doc;
    const el_sent *s = &doc->sents[si];
    EL_VEC(arg) v = {0};
    /* Mentions and sentences are both in text order: a cursor, not a scan. */
    size_t mi = c->ment_cursor;
    while (mi < doc->n_ments && doc->ments[mi].sent < si) mi++;
    c->ment_cursor = mi;
    for (uint32_t k = s->tok; k < s->tok + s->n_tok; k++) {
        /* Mentions nested in one already taken ("CIA" in "CIA director William
        ** Burns") start before k: pass them. */
        while (mi < doc->n_ments && doc->ments[mi].sent == si && doc->ments[mi].tok < k) mi++;
        if (mi < doc->n_ments && doc->ments[mi].sent == si && doc->ments[mi].tok == k) {
            const el_mention *m = &doc->ments[mi++];
            arg a = {.t0 = m->tok, .t1 = m->tok + m->n_tok, .code = m->code ? m->code : m->ent_code,
                     .name = m->name, .entity = m->entity, .ment = (int)(m - doc->ments),
                     .media = m->type == EL_ENT_MEDIA,
                     .place = m->type == EL_ENT_PLACE, .country = m->type == EL_ENT_COUNTRY,
                     .lat = m->lat, .lon = m->lon, .place_country = m->country,
                     .modifier = role_modifier(c, m, s->tok + s->n_tok),
                     .bare = m->kind == EL_MENT_BARE && !m->country, .cty = m->country,
                     .role_noun = m->kind == EL_MENT_BARE,
                     .capital = is_capital(c, m),
                     .person = m->type == EL_ENT_PERSON};
            EL_PUSH(doc->a, v, a);
            k = a.t1 - 1;
            continue;
        }
        bool object = false;
        if (is_pronoun(c, &doc->toks[k], &object)) {
            arg a = {.t0 = k, .t1 = k + 1, .entity = -1, .ment = -1, .pronoun = true, .object_pronoun = object,
                     .lat = NAN, .lon = NAN};
            EL_PUSH(doc->a, v, a);
        }
    }
    for (size_t i = 0; i < c->n_args; i++) {           /* the last sentence's, cleared */
        c->arg_start[c->args[i].t0] = -1;
        for (uint32_t k = c->args[i].t0; k < c->args[i].t1 && k < doc->n_toks; k++) c->arg_cover[k] = -1;
    }
    c->args = v.v;
    c->n_args = v.n;
    for (size_t i = c->n_args; i-- > 0;) {             /* the first arg wins, as a scan found it */
        if (c->args[i].t0 < doc->n_toks) c->arg_start[c->args[i].t0] = (int32_t)i;
        for (uint32_t k = c->args[i].t0; k < c->args[i].t1 && k < doc->n_toks; k++) c->arg_cover[k] = (int32_t)i;
    }
    for (size_t i = 0; i < c->n_args; i++)
        if (c->args[i].bare && c->args[i].code) place_role(c, &c->args[i]);
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}

static const word *const class_lists[CL__COUNT] = {
    obj_words,
    subj_words,
    locative_words,
    rel_words,
    fillers,
    preps,
    quantities,
    reporting,
    determiners,
    subordinators,
    inclusion,
    insert_starts,
    auxiliaries,
    negators,
    hypo,
    future,
    after_head,
};

/* Build the word-class map of the lexicon: word -> bits of the lists it is
** in. Called once when the lexicon loads. */
int el_code_classes_build(el_verbs *v) {
    v->classes = el_strmap_new(v->a, 512);
    if (!v->classes) return EL_ENOMEM;
    for (int cl = 0; cl < CL__COUNT; cl++)
        for (const word *w = class_lists[cl]; w->s; w++) {
            uint32_t *m = el_strmap_get(v->classes, w->s, w->n);
            if (!m) {
                m = el_arena_calloc(v->a, sizeof *m);
                if (!m || el_strmap_put(v->classes, w->s, w->n, m)) return EL_ENOMEM;
            }
            *m |= 1u << cl;
        }
    return EL_OK;
}

static el_lexent *lexent_of(el_verbs *v, const char *key, size_t len) {
    el_lexent *x = el_strmap_get(v->lex, key, len);
    if (!x && (x = el_arena_calloc(v->a, sizeof *x)) && el_strmap_put(v->lex, key, len, x)) x = NULL;
    return x;
}

/* The chain from p as an array of el_patref. */
static const el_patref *patrefs(el_verbs *v, const el_pattern *p, uint32_t *n) {
    *n = 0;
    for (const el_pattern *q = p; q; q = q->next) (*n)++;
    el_patref *r = el_arena_alloc(v->a, (*n ? *n : 1) * sizeof *r);
    if (!r) return NULL;
    uint32_t i = 0;
    for (const el_pattern *q = p; q; q = q->next) {
        const pat_item *need = NULL;
        for (int k = 0; k < q->n_items && !need; k++) if (q->item[k].kind == ITEM_WORD) need = &q->item[k];
        el_patref *x = &r[i++];
        *x = (el_patref){.w0h = q->w0h, .p = q, .n_need = need ? need->n_alt : PAT_NO_NEED};
        for (int a = 0; need && a < need->n_alt; a++) x->need_bit[a] = (uint16_t)sw_bit(need->alt_h[a]);
    }
    return r;
}

static int lex_verb(void *ud, const char *k, size_t n, void *val) {
    el_lexent *x = lexent_of(ud, k, n);
    if (!x) return EL_ENOMEM;
    x->verb = val;
    return (x->verbs = patrefs(ud, val, &x->n_verbs)) ? 0 : EL_ENOMEM;
}
static int lex_noun(void *ud, const char *k, size_t n, void *val) {
    el_lexent *x = lexent_of(ud, k, n);
    if (!x) return EL_ENOMEM;
    x->noun = val;
    return (x->nouns = patrefs(ud, val, &x->n_nouns)) ? 0 : EL_ENOMEM;
}
static int lex_cls(void *ud, const char *k, size_t n, void *val) {
    el_lexent *x = lexent_of(ud, k, n);
    return x ? (x->cls = *(uint32_t *)val, 0) : EL_ENOMEM;
}

/* One map from word to patterns and classes, so the coder looks each token
** up once. Called after the patterns and classes are loaded. */
int el_code_lex_build(el_verbs *v) {
    v->lex = el_strmap_new(v->a, 8192);
    if (!v->lex) return EL_ENOMEM;
    const el_code_info *demand = el_code_lookup(v, "10");
    if (demand) {
        el_pattern *m = el_arena_calloc(v->a, sizeof *m);
        if (!m) return EL_ENOMEM;
        m->text = "X said Y must ...";
        m->src = "code.c:must_clause";
        m->code = demand;
        v->must = m;
    }
    if (el_strmap_each(v->verb_heads, lex_verb, v) || el_strmap_each(v->noun_heads, lex_noun, v) ||
        el_strmap_each(v->classes, lex_cls, v) || el_strmap_seal(v->lex))
        return EL_ENOMEM;
    return EL_OK;
}
