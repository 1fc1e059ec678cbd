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
#include "annotate_time.h"
#include "code_int.h"
#include "textutil.h"

/* One actor of a sentence, in token positions. */
typedef struct arg {
    uint32_t t0, t1;            /* tokens [t0, t1) */
    const char *code, *name;
    int entity;
    bool media, place, country, pronoun;
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
    const el_sent *s;
    arg *args;
    size_t n_args;
    EL_VEC(el_event) out;
    arg last_subject;           /* for "they", "he": the last subject seen */
    bool have_last;
} coder;

/* ---- token tests ----------------------------------------------------- */

static bool lemma_is(const el_doc *doc, const el_token *t, const char *w, size_t n) {
    if (t->lemma_len == n && memcmp(t->lemma, w, n) == 0) return true;
    size_t tl = t->end - t->start;
    return tl == n && el_ieq(doc->body + t->start, n, w);
}

static bool lemma_in(const el_doc *doc, const el_token *t, const char *const *list) {
    for (int i = 0; list[i]; i++)
        if (lemma_is(doc, t, list[i], strlen(list[i]))) return true;
    return false;
}

static bool punct_is(const el_doc *doc, const el_token *t, const char *p) {
    size_t n = strlen(p);
    return (t->flags & EL_TOK_PUNCT) && t->end - t->start == n && memcmp(doc->body + t->start, p, n) == 0;
}

/* Words skipped between pattern words: they never change the event. */
static const char *const fillers[] = {
    "a", "an", "the", "new", "fresh", "further", "more", "its", "their", "his", "her", "our",
    "any", "some", "also", "again", "another", "formal", "direct", "indirect", "official",
    "immediate", "first", "latest", "renewed", "two", "several", "high-level", "its", NULL,
};
static const char *const preps[] = {
    "of", "in", "with", "for", "from", "to", "at", "by", "on", "against", "between", "among",
    "toward", "towards", "including", "like", "over", "under", "near", "after", "before",
    "despite", "without", "into", "about", "via", "through", "than", "amid", "across", NULL,
};
/* Verbs that report speech: a subject search does not cross them. */
static const char *const reporting[] = {
    "say", "tell", "report", "add", "state", "claim", "insist", "note", "write", "quote",
    "cite", "according", "announce", "told", "said", NULL,
};
static const char *const determiners[] = {
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our",
    "whose", NULL,
};
static const char *const insert_starts[] = {
    "which", "who", "whom", "whose", "together", "along", "led", "including", "backed",
    "accompanied", "as", "like", NULL,
};

static bool boundary(const el_doc *doc, const el_token *t) {
    return punct_is(doc, t, ";") || punct_is(doc, t, ":") || (t->flags & EL_TOK_QUOTE);
}

/* ---- matching -------------------------------------------------------- */

static int arg_at(const coder *c, uint32_t t) {
    for (size_t i = 0; i < c->n_args; i++) if (c->args[i].t0 == t) return (int)i;
    return -1;
}

static int arg_covering(const coder *c, uint32_t t) {
    for (size_t i = 0; i < c->n_args; i++) if (c->args[i].t0 <= t && t < c->args[i].t1) return (int)i;
    return -1;
}

static bool item_word_at(const el_doc *doc, const el_token *t, const pat_item *it) {
    for (int k = 0; k < it->n_alt; k++) if (lemma_is(doc, t, it->alt[k], it->alt_len[k])) return true;
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
        while (i < end && lemma_in(doc, &doc->toks[i], fillers)) i++;
        if (it->kind == ITEM_TGT) {
            int a = arg_at(c, i);
            if (a < 0 || c->args[a].media) return false;
            tgt = a;
            i = c->args[a].t1;
            continue;
        }
        bool ok = false;
        for (int g = 0; g <= gap && i + (uint32_t)g < end; g++) {
            const el_token *t = &doc->toks[i + (uint32_t)g];
            if (g > 0 && boundary(doc, &doc->toks[i + (uint32_t)g - 1])) break;
            if (item_word_at(doc, t, it)) { i += (uint32_t)g + 1; ok = true; break; }
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

/* A verb head used as a noun ("the meeting", "talks of") codes by noun
** patterns instead. */
static bool used_as_noun(const coder *c, uint32_t h) {
    const el_doc *doc = c->doc;
    if (h > c->s->tok && lemma_in(doc, &doc->toks[h - 1], determiners)) return true;
    if (h > c->s->tok && (doc->toks[h - 1].flags & EL_TOK_POSS)) return true;
    return false;
}

/* ---- roles ------------------------------------------------------------ */

static bool after_prep(const coder *c, const arg *a) {
    const el_doc *doc = c->doc;
    uint32_t k = a->t0;
    while (k > c->s->tok && lemma_in(doc, &doc->toks[k - 1], determiners)) k--;
    return k > c->s->tok && lemma_in(doc, &doc->toks[k - 1], preps);
}

/* The segment [from, to) starts an insertion: ", which ...", ", together with ...". */
static bool insertion(const coder *c, uint32_t from) {
    return from < c->s->tok + c->s->n_tok && lemma_in(c->doc, &c->doc->toks[from], insert_starts);
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
        if (!is_reporting && lemma_in(doc, t, reporting) && arg_covering(c, k) < 0) break;
        if (punct_is(doc, t, ",")) {
            if (best >= 0) break;
            seg_end = k;
            continue;
        }
        int a = arg_covering(c, k);
        if (a < 0) continue;
        const arg *x = &c->args[a];
        k = x->t0;                      /* continue left of the actor */
        if (x->media || (x->place && !x->country) || after_prep(c, x)) continue;
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

/* First actor right of the match, within the clause. */
static int find_target(const coder *c, const match *m) {
    const el_doc *doc = c->doc;
    uint32_t end = c->s->tok + c->s->n_tok;
    for (uint32_t k = m->last + 1; k < end && k <= m->last + 16; k++) {
        const el_token *t = &doc->toks[k];
        if (boundary(doc, t)) break;
        if (lemma_in(doc, t, reporting) && arg_covering(c, k) < 0) break;
        if (lemma_is(doc, t, "according", 9)) break;
        int a = arg_covering(c, k);
        if (a < 0) continue;
        const arg *x = &c->args[a];
        k = x->t1 - 1;
        if (x->media || (x->place && !x->country)) continue;
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
        uint32_t j = k + 1;
        while (j < end && lemma_in(doc, &doc->toks[j], determiners)) j++;
        int a = arg_at(c, j);
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
    /* walk right */
    uint32_t k = c->args[a].t1;
    for (;;) {
        uint32_t j = k;
        bool joined = false;
        while (j < c->s->tok + c->s->n_tok &&
               (punct_is(doc, &doc->toks[j], ",") || lemma_is(doc, &doc->toks[j], "and", 3) ||
                lemma_in(doc, &doc->toks[j], determiners))) {
            if (!lemma_in(doc, &doc->toks[j], determiners)) joined = true;
            j++;
        }
        int b = joined ? arg_at(c, j) : -1;
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
                                 lemma_in(doc, &doc->toks[j - 1], determiners))) {
            if (!lemma_in(doc, &doc->toks[j - 1], determiners)) joined = true;
            j--;
        }
        int b = joined && j > c->s->tok ? arg_covering(c, j - 1) : -1;
        if (b < 0 || c->args[b].media || c->args[b].place || n >= max) break;
        out[n++] = b;
        k = c->args[b].t0;
    }
    return n;
}

/* ---- modality ----------------------------------------------------------- */

static const char *const negators[] = {"not", "n't", "never", "no", "nor", "neither", NULL};
static const char *const hypo[] = {"could", "might", "may", "if", "unless", "possible", "possibly",
                                   "potential", "whether", "should", NULL};
static const char *const future[] = {"will", "'ll", "shall", "plan", "expect", "schedule", "due",
                                     "intend", "set", "aim", "prepare", "would", "going", NULL};

static el_modality modality(const coder *c, const match *m, int subj) {
    const el_doc *doc = c->doc;
    uint32_t s0 = c->s->tok, end = s0 + c->s->n_tok;
    uint32_t from = subj >= 0 ? c->args[subj].t1 : (m->head > s0 + 6 ? m->head - 6 : s0);
    if (m->head > from + 8) from = m->head - 8;
    uint32_t to = m->p->noun ? (m->last + 5 < end ? m->last + 5 : end) : m->head;
    bool neg = false, hyp = false, plan = false;
    for (uint32_t k = from; k < to; k++) {
        const el_token *t = &doc->toks[k];
        if (k == m->head) continue;
        if (boundary(doc, t)) { if (k < m->head) { neg = hyp = plan = false; } else break; }
        if (lemma_in(doc, t, negators)) neg = true;
        else if (lemma_in(doc, t, hypo)) hyp = true;
        else if (lemma_in(doc, t, future)) plan = true;
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
    return r;
}

static const arg *place_of(const coder *c) {
    for (size_t i = 0; i < c->n_args; i++) if (c->args[i].place && !c->args[i].country) return &c->args[i];
    return NULL;
}

static void emit(coder *c, const match *m, int src, int tgt, el_modality mod, uint32_t sent_idx) {
    const el_doc *doc = c->doc;
    el_event ev;
    memset(&ev, 0, sizeof ev);
    ev.sent = sent_idx;
    ev.start = doc->toks[m->head].start;
    ev.end = doc->toks[m->last].end;
    ev.code = m->p->code;
    ev.modality = mod;
    ev.pattern = m->p->src;
    if (src >= 0) { ev.has_source = true; ev.source = make_arg(c, &c->args[src]); }
    else if (src == -2 && c->have_last) { ev.has_source = true; ev.source = make_arg(c, &c->last_subject); }
    if (tgt >= 0) { ev.has_target = true; ev.target = make_arg(c, &c->args[tgt]); }
    ev.date = el_time_for_span(doc, doc->times, doc->n_times, sent_idx, ev.start,
                               &ev.date_granularity, &ev.date_from_pub);
    /* A date after publication makes an asserted event a planned one. */
    if (ev.modality == EL_MOD_ASSERTED && !ev.date_from_pub && doc->date != EL_DATE_UNKNOWN &&
        ev.date != EL_DATE_UNKNOWN && ev.date > doc->date)
        ev.modality = EL_MOD_PLANNED;
    const arg *pl = place_of(c);
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

/* Code one match: roles, coordination, modality. */
static void code_match(coder *c, const match *m, uint32_t sent_idx) {
    if (!m->p->code->plover) return;          /* statements: not a PLOVER event */
    bool rep = lemma_in(c->doc, &c->doc->toks[m->head], reporting);
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
                while (j < end && lemma_in(doc, &doc->toks[j], determiners)) j++;
                subj = arg_at(c, j);
                break;
            }
            if (lemma_is(doc, &doc->toks[k], "with", 4)) {
                uint32_t j = k + 1;
                while (j < end && lemma_in(doc, &doc->toks[j], determiners)) j++;
                obj = arg_at(c, j);
                break;
            }
        }
        if (subj < 0 && m->head > c->s->tok) {
            /* "Israel's talks", "Israeli-Palestinian talks": an actor just before */
            uint32_t k = m->head;
            while (k > c->s->tok && lemma_in(doc, &doc->toks[k - 1], fillers)) k--;
            if (k > c->s->tok && (doc->toks[k - 1].flags & EL_TOK_POSS)) k--;
            int a = k > c->s->tok ? arg_covering(c, k - 1) : -1;
            if (a >= 0 && !c->args[a].media && !(c->args[a].place && !c->args[a].country)) subj = a;
        }
        if (subj >= 0 && obj < 0) {
            int co[8];
            size_t n = coordinated(c, subj, co, 8);
            if (n >= 2) { obj = co[1]; }
        }
        if (subj < 0 && obj < 0) return;       /* a bare noun says too little */
    } else {
        subj = find_subject(c, m->head, rep);
        obj = m->tgt_arg >= 0 ? m->tgt_arg : find_target(c, m);
    }
    /* Pronoun subject: the last subject seen in this article. */
    if (subj >= 0 && c->args[subj].pronoun) subj = c->have_last ? -2 : -1;
    el_modality mod = modality(c, m, subj >= 0 ? subj : -1);
    int srcs[8], tgts[8];
    size_t ns = 1, nt = 1;
    srcs[0] = subj;
    tgts[0] = obj;
    if (subj >= 0) ns = coordinated(c, subj, srcs, 8);
    if (obj >= 0) nt = coordinated(c, obj, tgts, 8);
    if (m->p->noun && subj >= 0 && obj >= 0 && ns >= 2 && srcs[1] == obj) ns = 1;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) {
            if (srcs[i] >= 0 && tgts[j] >= 0 && srcs[i] == tgts[j]) continue;
            emit(c, m, srcs[i], tgts[j], mod, sent_idx);
        }
    if (subj >= 0) { c->last_subject = c->args[subj]; c->have_last = true; }
}

static void code_sentence(coder *c, uint32_t si) {
    const el_doc *doc = c->doc;
    const el_verbs *v = c->e->verbs;
    uint32_t s0 = c->s->tok, end = s0 + c->s->n_tok;
    EL_VEC(match) ms = {0};
    uint32_t covered_to = s0;
    for (uint32_t h = s0; h < end; h++) {
        const el_token *t = &doc->toks[h];
        if (!(t->flags & EL_TOK_WORD) || h < covered_to || arg_covering(c, h) >= 0) continue;
        match best = {0}, cand;
        bool found = false;
        const el_pattern *p = used_as_noun(c, h) ? NULL : el_strmap_get(v->verb_heads, t->lemma, t->lemma_len);
        for (; p; p = p->next)
            if (match_at(c, p, h, &cand)) { best = cand; found = true; break; }   /* longest first */
        if (!found)
            for (p = el_strmap_get(v->noun_heads, t->lemma, t->lemma_len); p; p = p->next)
                if (match_at(c, p, h, &cand)) { best = cand; found = true; break; }
        if (!found) continue;
        EL_PUSH(doc->a, ms, best);
        covered_to = best.last + 1;
    }
    /* Reported speech: a reporting event yields to the event it reports. */
    for (size_t i = 0; i < ms.n; i++) {
        bool rep = lemma_in(doc, &doc->toks[ms.v[i].head], reporting);
        if (rep && i + 1 < ms.n) continue;
        code_match(c, &ms.v[i], si);
    }
}

/* ---- the actors of a sentence ------------------------------------------ */

/* Fill c->args with the actor mentions of sentence si, in token order.
** Pronouns (he, she, they) are args too, marked, so that a subject search
** stops at them and the coder can resolve them to the last subject. */
static int collect_args(coder *c, uint32_t si);

int el_code_doc(const el_engine *e, el_doc *doc, el_diag *d) {
    (void)d;
    if (!e->verbs) return EL_OK;
    coder c = {.e = e, .doc = doc};
    for (uint32_t si = 0; si < doc->n_sents; si++) {
        c.s = &doc->sents[si];
        if (collect_args(&c, si) != EL_OK) return EL_ENOMEM;
        code_sentence(&c, si);
    }
    doc->events = c.out.v;
    doc->n_events = c.out.n;
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}

static bool is_pronoun(const el_doc *doc, const el_token *t) {
    static const char *const pron[] = {"he", "she", "they", NULL};
    return (t->flags & EL_TOK_WORD) && lemma_in(doc, t, pron);
}

static int collect_args(coder *c, uint32_t si) {
    const el_doc *doc = c->doc;
    const el_sent *s = &doc->sents[si];
    EL_VEC(arg) v = {0};
    size_t mi = 0;
    while (mi < doc->n_ments && doc->ments[mi].sent < si) mi++;   /* ments are in text order */
    for (uint32_t k = s->tok; k < s->tok + s->n_tok; k++) {
        if (mi < doc->n_ments && doc->ments[mi].sent == si && doc->ments[mi].tok == k) {
            const el_mention *m = &doc->ments[mi++];
            arg a = {.t0 = m->tok, .t1 = m->tok + m->n_tok, .code = m->code ? m->code : m->ent_code,
                     .name = m->name, .entity = m->entity, .media = m->type == EL_ENT_MEDIA,
                     .place = m->type == EL_ENT_PLACE, .country = m->type == EL_ENT_COUNTRY,
                     .lat = m->lat, .lon = m->lon, .place_country = m->country};
            EL_PUSH(doc->a, v, a);
            k = a.t1 - 1;
            continue;
        }
        if (is_pronoun(doc, &doc->toks[k])) {
            arg a = {.t0 = k, .t1 = k + 1, .entity = -1, .pronoun = true, .lat = NAN, .lon = NAN};
            EL_PUSH(doc->a, v, a);
        }
    }
    c->args = v.v;
    c->n_args = v.n;
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}
