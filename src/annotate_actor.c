/*
** annotate_actor.c: stage 4, actors, places and media, with coreference.
** In:  a segmented doc; the run's el_dict (dict.h).
** Out: doc->ments (annotate_actor.h), and the run-wide entity index.
** One pass per sentence, left to right. At each token we first try a
** composed phrase ([the] [country|body['s]]* [Title words] title+ [Name]:
** "Israeli Prime Minister Benjamin Netanyahu", "Mossad's Mr. Barnea", "the
** premier", "Qatari mediators", "the director of the CIA, William Burns"),
** else the longest valid dictionary match. State kept while reading (who
** was named, with which titles) lets later mentions refer back. Never
** emits overlapping mentions; offsets are into doc->body.
*/
#include "annotate_actor.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include "lemma.h"
#include "strmap.h"
#include "textutil.h"

/* KEEP IN SYNC with el_ment_kind. */
const char *const el_ment_kind_names[EL_MENT__COUNT] = {
    "name", "unknown", "surname", "description", "metonym", "agent", "bare", "inner",
};

#define MAX_HITS 16

typedef struct lent {           /* an entity of this article */
    int32_t entry;              /* dictionary entry, or -1 */
    const char *name;
    const char *code;           /* its own code at the article's date */
    const char *country;
    uint32_t last;              /* token of its latest mention: recency for references */
    uint64_t surname;           /* hash of its folded last name, 0 when none */
    uint32_t titles[4];         /* title aliases it was named with ("prime minister") */
    uint32_t org;               /* body it was named with ("Mossad"), or EL_NONE */
    uint8_t n_titles, type;
} lent;

typedef struct item {           /* one reading of the text at a token */
    uint32_t s, e;              /* tokens [s, e) */
    uint32_t entry;             /* dictionary reading, or EL_NONE */
    uint32_t met;               /* metonym reading of the same words, or EL_NONE */
    uint32_t alias;
    int32_t ref;                /* an entity of this article it refers back to, or -1 */
    uint8_t akind;
} item;

typedef struct actx {
    const el_engine *e;
    const el_dict *D;
    el_doc *doc;
    const el_token *t;
    el_dict_tok *dt;
    bool *may_start;            /* per token: el_dict_may_start() of its hash */
    uint32_t sent, sent_start;
    EL_VEC(lent) ents;
    EL_VEC(el_mention) ments;
    uint32_t first_in_sent;     /* first mention of the current sentence */
    uint32_t version;           /* bumped at each mention: readings depend on who was named */
    uint32_t *memo_ver;         /* per token: version of memo_item, 0 none */
    item *memo_item;
    struct { const char *c; uint32_t n; } cc[8];   /* countries counted, for context */
} actx;

/* ---------------------------------------------------------------- text */

/* Is token i the word w (lower case, ASCII), in any case? The first-letter
** test keeps the closed-class lists below cheap: they are asked often. */
static inline bool is_w(const actx *c, uint32_t i, const char *w) {
    if (i >= c->doc->n_toks) return false;
    const el_token *t = &c->t[i];
    size_t n = t->end - t->start;
    if (n != strlen(w)) return false;   /* w is nearly always a literal: no call */
    const char *s = c->doc->body + t->start;
    for (size_t k = 0; k < n; k++)
        if (el_lower((unsigned char)s[k]) != w[k]) return false;
    return true;
}

static bool in_set(const actx *c, uint32_t i, const char *const *set) {
    if (i >= c->doc->n_toks || c->t[i].end - c->t[i].start > 14) return false;
    char c0 = (char)el_lower((unsigned char)c->doc->body[c->t[i].start]);
    for (int k = 0; set[k]; k++) if (set[k][0] == c0 && is_w(c, i, set[k])) return true;
    return false;
}

static bool is_cap(const actx *c, uint32_t i) {
    return (c->t[i].flags & (EL_TOK_WORD | EL_TOK_CAP)) == (EL_TOK_WORD | EL_TOK_CAP);
}

/* Lower-case words inside names: "Mohammed bin Abdulrahman", "al Sisi". */
static const char *const particles[] = {
    "bin", "bint", "ibn", "al", "el", "abu", "abd", "de", "del", "della", "da", "di", "van",
    "von", "der", "den", "ben", "la", "le", "du", "dos", "das", "y", "ul", "ud", "of", "the", "and",
    "for", "on", "in", "at", "to", "a", "an", NULL,
};

/* Lower-case words inside a person's name. */
static const char *const name_particles[] = {
    "bin", "bint", "ibn", "al", "el", "abu", "abd", "de", "del", "della", "da", "di", "van",
    "von", "der", "den", "ben", "la", "le", "du", "dos", "das", "y", "ul", "ud", NULL,
};

/* Role nouns that name bodies, not people: "company Petrel Resources" is
** no person. */
static const char *const body_nouns[] = {
    "company", "companies", "firm", "government", "administration", "ministry", "cabinet", "army",
    "military", "court", "parliament", "police", "agency", "group", "council", "authorities",
    "authority", "party", "team", "delegation", "forces", "navy", "union", "committee",
    "commission", "board", "service", "department", "office", "bank", "club", "media",
    "newspaper", "network", "channel", "station", "regime", "militia", "organization",
    "organisation", "movement", NULL,
};

/* Last words of names of things, not people ("Bridgepoint Capital"). */
static const char *const thing_words[] = {
    "capital", "resources", "airport", "airlines", "airways", "group", "bank", "holdings",
    "partners", "inc", "ltd", "corp", "company", "international", "university", "college",
    "council", "party", "club", "foundation", "institute", "association", "agency", "fund",
    "trust", "energy", "oil", "motors", "systems", "technologies", "media", "news", "times",
    "post", "journal", "paper", "officer", "street", "square", "road", "hospital", "school",
    "stadium", "park", "bridge", "house", "hotel", "centre", "center", "museum", "festival",
    "awards", "cup", "league", "fc", "united", "city", "county", "river", NULL,
};

/* Capitalised words that open sentences but never a title phrase. */
static const char *const openers[] = {
    "the", "a", "an", "then", "but", "and", "or", "so", "in", "on", "at", "as", "after", "before",
    "when", "while", "if", "meanwhile", "however", "also", "now", "today", "yesterday", "earlier",
    "later", "last", "next", "this", "that", "these", "those", "his", "her", "their", "its", "our",
    "my", "your", "some", "many", "most", "several", "both", "former", "new", "top", "senior", NULL,
};

/* Before a place, a preposition says "location", not "actor" (FORMAT.md,
** metonyms). */
static const char *const locative[] = {
    "in", "at", "to", "from", "near", "inside", "outside", "into", "toward", "towards", "across",
    "around", "via", "through", "throughout", "within", "over", "back", "of", "between", "for",
    "a", "an", NULL,
};

/* Words that end a noun phrase: "the IDF should", "the Mossad and". */
static const char *const function_words[] = {
    "in", "on", "at", "to", "from", "of", "for", "with", "by", "as", "and", "or", "but", "a", "an",
    "the", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "has", "have",
    "had", "is", "are", "was", "were", "be", "been", "said", "says", "that", "which", "who", "over",
    "after", "before", "during", "since", "about", "against", "into", "through", "under", "also",
    "not", "did", "does", "do", "while", "when", "where", "if", "than", "then", "last", "this", NULL,
};

static const char *const group_nouns[] = {
    "group", "organization", "organisation", "movement", "faction", "militia", NULL,
};

/* A one-word name that is also an English word ("Bar", "Nice", "Reading",
** "David"): never first in a sentence, and a small town of that name only
** after a locative preposition ("in Bar"). */
static bool common_ok(const actx *c, const el_alias *a, uint32_t i) {
    if (c->t[i].flags & EL_TOK_SSTART) return false;
    const el_entry *e = el_dict_entry(c->D, a->entry);
    if (e->src != EL_SRC_GAZETTEER || e->pop >= 500000) return true;
    return i > c->sent_start && in_set(c, i - 1, locative) && !is_w(c, i - 1, "a") && !is_w(c, i - 1, "an");
}

/* A one-word gazetteer reading (a town) is rather a person's
** name when a capitalised word stands before it ("Kevin Murphy") or it
** speaks ("Murphy said"). */
static bool weak_ok(const actx *c, uint32_t i, uint32_t lim) {
    static const char *const speech[] = {"said", "says", "told", "added", "explained", "insisted",
                                         "argued", "warned", "wrote", NULL};
    if (i + 1 < lim && in_set(c, i + 1, speech)) return false;
    if (i > c->sent_start && is_cap(c, i - 1) && !(c->t[i - 1].flags & EL_TOK_SSTART) &&
        !in_set(c, i - 1, openers))
        return false;
    return true;
}

/* Does the alias text match the text's casing (FORMAT.md, "Case rule")? */
static bool cased_ok(const actx *c, const el_alias *a, uint32_t s, uint32_t e) {
    if (a->cased == EL_CASE_ANY) return true;
    const char *at = a->toks;
    for (uint32_t i = s; i < e; i++) {
        const el_token *t = &c->t[i];
        const char *w = c->doc->body + t->start;
        size_t wl = t->end - t->start;
        if (a->cased == EL_CASE_EXACT) {
            char buf[256];
            size_t k = el_dict_fold(w, wl, buf, sizeof buf, false);
            size_t al = strlen(at);
            if (k != al || memcmp(buf, at, k)) return false;
            at += al + 1;
        } else if ((t->flags & EL_TOK_WORD) && !(t->flags & EL_TOK_CAP) && !in_set(c, i, particles)) {
            return false;                                 /* EL_CASE_CAPS: names are capitalised */
        }
    }
    return true;
}

static int32_t find_lent(const actx *c, uint32_t entry) {
    for (size_t i = 0; i < c->ents.n; i++) if (c->ents.v[i].entry == (int32_t)entry) return (int32_t)i;
    return -1;
}

/* The entity of this article whose surname the token is, most recent first. */
static int32_t surname_of(const actx *c, uint32_t i) {
    if (!is_cap(c, i)) return -1;
    int32_t best = -1;
    for (size_t k = 0; k < c->ents.n; k++)
        if (c->ents.v[k].surname == c->dt[i].h && (best < 0 || c->ents.v[k].last > c->ents.v[best].last))
            best = (int32_t)k;
    return best;
}

static item best_at_(const actx *c, uint32_t i, uint32_t lim);

/* The best reading at token i under the current state: the longest match
** with a valid alias; at equal length a back-reference to someone already
** named beats a plain alias, which beats a metonym. Remembered until the
** next mention changes the state (composition asks several times). */
static item best_at(const actx *c, uint32_t i, uint32_t lim) {
    if (i >= lim) return best_at_(c, i, lim);
    /* Most words: no alias starts with them and, not capitalised, they are
    ** nobody's surname. */
    if (!c->may_start[i] && !is_cap(c, i)) return (item){i, i, EL_NONE, EL_NONE, EL_NONE, -1, 0};
    if (c->memo_ver[i] == c->version) return c->memo_item[i];
    item it = best_at_(c, i, lim);
    c->memo_ver[i] = c->version;
    c->memo_item[i] = it;
    return it;
}

static item best_at_(const actx *c, uint32_t i, uint32_t lim) {
    item it = {i, i, EL_NONE, EL_NONE, EL_NONE, -1, 0};
    if (i >= lim) return it;
    el_dict_hit h[MAX_HITS];
    size_t nh = el_dict_match(c->D, c->dt, i, lim, h, MAX_HITS);
    for (size_t k = nh; k-- > 0;) {
        uint32_t plain = EL_NONE, back = EL_NONE, met = EL_NONE;
        int32_t back_ref = -1;
        for (uint32_t a = h[k].alias; a != EL_NONE; a = el_dict_alias(c->D, a)->next) {
            const el_alias *al = el_dict_alias(c->D, a);
            if ((al->flags & EL_ALIAS_COMMON) && !common_ok(c, al, i)) continue;
            if ((al->flags & EL_ALIAS_WEAK) && h[k].end == i + 1 &&
                el_dict_entry(c->D, al->entry)->src == EL_SRC_GAZETTEER && !weak_ok(c, i, lim))
                continue;
            if (!cased_ok(c, al, i, h[k].end)) continue;
            if (al->kind == EL_ALIAS_BACKREF) {
                int32_t r = find_lent(c, al->entry);
                if (r >= 0 && (back_ref < 0 || c->ents.v[r].last > c->ents.v[back_ref].last)) { back = a; back_ref = r; }
            } else if (al->kind == EL_ALIAS_METONYM) {
                if (met == EL_NONE) met = a;
            } else if (plain == EL_NONE) {
                plain = a;
            }
        }
        it.e = h[k].end;
        if (back != EL_NONE) {
            it.alias = back;
            it.entry = el_dict_alias(c->D, back)->entry;
            it.ref = back_ref;
            it.akind = EL_ALIAS_BACKREF;
            return it;
        }
        if (plain != EL_NONE) {
            const el_alias *al = el_dict_alias(c->D, plain);
            /* A surname of someone already named beats a weak one-word reading
            ** ("Alon" the place, after "Nitzan Alon"). */
            int32_t r;
            if ((al->flags & EL_ALIAS_WEAK) && h[k].end == i + 1 && (r = surname_of(c, i)) >= 0) {
                it.ref = r;
                return it;
            }
            it.alias = plain;
            it.entry = al->entry;
            it.akind = EL_ALIAS_PLAIN;
            if (met != EL_NONE) it.met = el_dict_alias(c->D, met)->entry;
            return it;
        }
        if (met != EL_NONE) {
            it.alias = met;
            it.entry = it.met = el_dict_alias(c->D, met)->entry;
            it.akind = EL_ALIAS_METONYM;
            return it;
        }
    }
    int32_t r = surname_of(c, i);
    if (r >= 0) { it.e = i + 1; it.ref = r; }
    else it.e = i;
    return it;
}

static const el_entry *ent_of(const actx *c, const item *it) {
    return it->entry == EL_NONE ? NULL : el_dict_entry(c->D, it->entry);
}

static bool is_title(const actx *c, const item *it) {
    const el_entry *e = ent_of(c, it);
    return e && e->type == EL_ENT_AGENT && it->akind == EL_ALIAS_PLAIN && !(e->flags & EL_ENTRY_BLOCK);
}

static bool plural_at(const actx *c, const item *it) {
    return it->alias != EL_NONE && (el_dict_alias(c->D, it->alias)->flags & EL_ALIAS_PLURAL);
}

/* May this reading qualify a title or role noun ("Israeli", "Mossad's",
** "Kremlin")? Countries, bodies, groups, and metonyms. */
static bool is_modifier(const actx *c, const item *it) {
    const el_entry *e = ent_of(c, it);
    if (!e || (e->flags & EL_ENTRY_BLOCK)) return false;
    if (it->met != EL_NONE) return true;
    if (it->akind != EL_ALIAS_PLAIN) return false;
    return e->type == EL_ENT_COUNTRY || e->type == EL_ENT_ORG || e->type == EL_ENT_GROUP;
}

/* ---------------------------------------------------------- entities */

static const char *concat(actx *c, const char *a, const char *b) {
    if (!a) return b;
    if (!b) return a;
    return el_arena_printf(c->doc->a, "%s%s", a, b);
}

static uint64_t last_word_hash(const char *name) {
    const char *w = strrchr(name, ' ');
    if (!w) return 0;
    w++;
    size_t n = strlen(w);
    if (!n || el_ieq(w, n, "Jr.") || el_ieq(w, n, "Sr.") || el_ieq(w, n, "II") || el_ieq(w, n, "III")) return 0;
    char buf[128];
    size_t k = el_dict_fold(w, n, buf, sizeof buf, true);
    return k ? el_hash(buf, k) : 0;
}

static int32_t new_lent(actx *c, int32_t entry, const char *name, const char *code, const char *country,
                        uint8_t type) {
    lent L = {entry, name, code, country, 0, 0, {0}, EL_NONE, 0, type};
    if (type == EL_ENT_PERSON && name) L.surname = last_word_hash(name);
    EL_PUSH(c->doc->a, c->ents, L);
    return el_arena_failed(c->doc->a) ? -1 : (int32_t)c->ents.n - 1;
}

static int32_t lent_entry(actx *c, uint32_t entry) {
    int32_t r = find_lent(c, entry);
    if (r >= 0) return r;
    const el_entry *e = el_dict_entry(c->D, entry);
    return new_lent(c, (int32_t)entry, e->name, el_dict_code_at(c->D, entry, c->doc->date), e->country, e->type);
}

/* An unknown person, by the full name as written. */
static int32_t lent_name(actx *c, uint32_t s, uint32_t e, const char *code, const char *country) {
    char buf[512];
    size_t k = 0;
    for (uint32_t i = s; i < e && k < sizeof buf - 1; i++) {
        const el_token *t = &c->t[i];
        size_t n = t->end - t->start;
        if (k && k + 1 < sizeof buf) buf[k++] = ' ';
        if (k + n >= sizeof buf) break;
        memcpy(buf + k, c->doc->body + t->start, n);
        k += n;
    }
    for (size_t i = 0; i < c->ents.n; i++) {
        const lent *L = &c->ents.v[i];
        if (L->entry < 0 && L->name && el_ieq(buf, k, L->name)) return (int32_t)i;
    }
    const char *name = el_arena_strndup(c->doc->a, buf, k);
    return name ? new_lent(c, -1, name, code, country, EL_ENT_PERSON) : -1;
}

static void count_country(actx *c, const char *iso) {
    if (!iso) return;
    for (int i = 0; i < 8; i++) {
        if (c->cc[i].c == iso) { c->cc[i].n++; return; }
        if (!c->cc[i].c) { c->cc[i].c = iso; c->cc[i].n = 1; return; }
    }
}

/* Emit a mention of entity ent (or a bare role noun when ent < 0) over
** tokens [s, e). */
static void emit(actx *c, uint32_t s, uint32_t e, int32_t ent, uint32_t entry, const char *code, int kind) {
    el_mention m = {0};
    c->version++;
    m.start = c->t[s].start;
    m.end = c->t[e - 1].end;
    m.tok = s;
    m.n_tok = e - s;
    m.sent = c->sent;
    m.ent = ent;
    m.entity = -1;
    m.code = code;
    m.kind = (uint8_t)kind;
    m.lat = m.lon = NAN;
    if (ent >= 0) {
        lent *L = &c->ents.v[ent];
        L->last = s;
        m.entry = L->entry;
        m.name = L->name;
        m.ent_code = L->code;
        m.country = L->country;
        m.type = L->type;
        if (L->entry >= 0 && (L->type == EL_ENT_PLACE || L->type == EL_ENT_COUNTRY)) {
            const el_entry *de = el_dict_entry(c->D, (uint32_t)L->entry);
            m.lat = de->lat;
            m.lon = de->lon;
        }
        count_country(c, L->country);
    } else {
        m.entry = (int32_t)entry;
        m.name = entry != EL_NONE ? el_dict_entry(c->D, entry)->name : NULL;
        m.type = EL_ENT_AGENT;
    }
    EL_PUSH(c->doc->a, c->ments, m);
}

/* A country for an unknown person from context: the nearest country named
** in the sentence (before, then after), else the article's most named. */
static const char *context_country(actx *c, uint32_t pos, uint32_t lim) {
    for (size_t k = c->ments.n; k-- > c->first_in_sent;)
        if (c->ments.v[k].country && c->ments.v[k].type != EL_ENT_AGENT) return c->ments.v[k].country;
    for (uint32_t k = pos; k < lim && k < pos + 20;) {
        item it = best_at(c, k, lim);
        const el_entry *e = ent_of(c, &it);
        if (e && e->country && e->type != EL_ENT_AGENT && e->type != EL_ENT_MEDIA) return e->country;
        k = it.e > k ? it.e : k + 1;
    }
    const char *best = NULL;
    uint32_t n = 0;
    for (int i = 0; i < 8; i++) if (c->cc[i].c && c->cc[i].n > n) { best = c->cc[i].c; n = c->cc[i].n; }
    return best;
}

/* ---------------------------------------------------------- metonyms */

static bool verb_like(const actx *c, uint32_t i, bool inflected_only) {
    static const char *const aux[] = {
        "says", "said", "has", "have", "had", "is", "was", "will", "would", "could", "should", "can",
        "may", "might", "must", "did", "does", "to", "also", "has", NULL,
    };
    if (i >= c->doc->n_toks || !(c->t[i].flags & EL_TOK_WORD) || (c->t[i].flags & EL_TOK_CAP)) return false;
    if (in_set(c, i, aux)) return true;
    const el_token *t = &c->t[i];
    const el_lexicon *lex = c->e->lex;
    if (!lex || !el_lexicon_is_word_h(lex, t->lemma, t->lemma_len, t->lemma_h, 'v')) return false;
    bool inflected = t->lemma_len != t->end - t->start || memcmp(t->lemma, c->doc->body + t->start, t->lemma_len);
    return inflected || !inflected_only;
}

/* Does the metonym at it stand where an actor stands (FORMAT.md)? Before a
** possessive or a role noun, yes ("Washington's", "Cairo mediators"); after
** a locative preposition, no; before a verb ("Jerusalem agreed", "Jerusalem
** to recall"), yes. "the Cairo talks" is a place. */
static bool actor_position(const actx *c, const item *it, uint32_t lim) {
    uint32_t e = it->e;
    if (e < lim && (c->t[e].flags & EL_TOK_POSS)) return true;
    item nx = best_at(c, e, lim);
    if (is_title(c, &nx) && el_dict_entry(c->D, nx.entry)->sub == EL_AGENT_ROLE) return true;
    uint32_t p = it->s;
    bool the = p > c->sent_start && is_w(c, p - 1, "the");
    if (the) p--;
    if (p > c->sent_start && in_set(c, p - 1, locative)) return false;
    if (the && it->entry != EL_NONE && el_dict_entry(c->D, it->entry)->type == EL_ENT_PLACE &&
        el_dict_entry(c->D, it->entry)->sub)
        return false;                                   /* "the Cairo talks" */
    uint32_t v = e;
    if (v < lim && el_isuffix(c->doc->body + c->t[v].start, c->t[v].end - c->t[v].start, "ly")) v++;
    if (verb_like(c, v, true)) return true;
    /* "seen Jerusalem release": object of a verb, then a bare verb. */
    return p > c->sent_start && verb_like(c, p - 1, true) && verb_like(c, v, false);
}

/* --------------------------------------------------------- composition */

/* Is token i a capitalised word that may be part of a title phrase
** ("National Security spokesperson")? */
static bool capword(const actx *c, uint32_t i, uint32_t lim) {
    size_t l;
    const char *w = c->doc->body + c->t[i].start;
    size_t n = c->t[i].end - c->t[i].start;
    if (!is_cap(c, i) || in_set(c, i, openers) || el_weekday_at(w, n, &l, false) >= 0 || el_month_at(w, n, &l, false))
        return false;
    item it = best_at(c, i, lim);
    return it.entry == EL_NONE && it.ref < 0;
}

/* Capitalised name words from j: returns how many, *end after the last. */
static int scan_name(const actx *c, uint32_t j, uint32_t lim, uint32_t *end) {
    int words = 0;
    uint32_t last = EL_NONE;
    size_t l;
    for (uint32_t k = j; k < lim && k < j + 7; k++) {
        const el_token *t = &c->t[k];
        const char *w = c->doc->body + t->start;
        size_t n = t->end - t->start;
        if (is_cap(c, k) && !(t->flags & EL_TOK_UPPER && n > 4) && el_weekday_at(w, n, &l, false) < 0 &&
            !el_month_at(w, n, &l, false) && !in_set(c, k, openers) && !in_set(c, k, function_words)) {
            item it = best_at(c, k, lim);
            const el_entry *e = ent_of(c, &it);
            if (e && !(el_dict_alias(c->D, it.alias)->flags & EL_ALIAS_WEAK) && it.s == k) break;
            words++;
            last = k;
            continue;
        }
        if (last != EL_NONE && (t->flags & EL_TOK_WORD) && in_set(c, k, name_particles)) continue;
        break;
    }
    if (last == EL_NONE) return 0;
    *end = last + 1;
    if (in_set(c, last, thing_words)) return 0;          /* "Bridgepoint Capital" */
    if (words > 1 && c->e->lex) {                        /* "Best Buy", "White Paper": words, no name */
        bool all = true;
        for (uint32_t k = j; k <= last && all; k++) {
            const el_token *t = &c->t[k];
            if (in_set(c, k, name_particles)) continue;
            all = el_lexicon_is_word_h(c->e->lex, t->lemma, t->lemma_len, t->lemma_h, 'n') ||
                  el_lexicon_is_word_h(c->e->lex, t->lemma, t->lemma_len, t->lemma_h, 'a') ||
                  el_lexicon_is_word_h(c->e->lex, t->lemma, t->lemma_len, t->lemma_h, 'v');
        }
        if (all) return 0;
    }
    return words;
}

/* The dictionary person a lone surname after a title means ("Mr Brown",
** "President Putin"): among the people of that last name, those holding an
** office at the article's date and of the context's country; EL_NONE
** unless exactly one is left. */
static uint32_t surname_person(actx *c, uint32_t k, uint32_t lim) {
    char key[128];
    const el_token *t = &c->t[k];
    size_t n = el_dict_fold(c->doc->body + t->start, t->end - t->start, key, sizeof key, true);
    uint32_t first = n ? el_dict_surname(c->D, key, n) : EL_NONE;
    if (first == EL_NONE) return EL_NONE;
    const char *iso = NULL;
    bool iso_done = false;
    uint32_t pick = EL_NONE;
    int n_pick = 0;
    for (uint32_t p = first; p != EL_NONE; p = el_dict_surname_next(c->D, p)) {
        const el_entry *e = el_dict_entry(c->D, p);
        if (c->doc->date != EL_DATE_UNKNOWN && e->n_roles) {
            bool holds = false;
            for (uint32_t r = 0; r < e->n_roles; r++)
                holds |= (e->roles[r].from == EL_DATE_UNKNOWN || e->roles[r].from <= c->doc->date) &&
                         (e->roles[r].to == EL_DATE_UNKNOWN || c->doc->date <= e->roles[r].to);
            if (!holds) continue;
        }
        if (first != EL_NONE && el_dict_surname_next(c->D, first) != EL_NONE) {   /* several: need the country */
            if (!iso_done) { iso = context_country(c, k + 1, lim); iso_done = true; }
            if (iso && e->country != iso) continue;
        }
        if (pick == EL_NONE || (e->src == EL_SRC_OURS && el_dict_entry(c->D, pick)->src != EL_SRC_OURS)) {
            if (pick != EL_NONE && e->src == EL_SRC_OURS) n_pick = 0;
            pick = p;
        }
        n_pick++;
    }
    return n_pick == 1 ? pick : EL_NONE;
}

/* Titles that name the same office. agents.txt groups role nouns by code
** ("president", "king" and "chancellor" are all GOV), so the office is told
** by the words. */
static const char *const title_synonyms[][6] = {
    {"premier", "prime minister", NULL},
    {"spokesman", "spokeswoman", "spokesperson", NULL},
    {"chief", "head", "director", "leader", "boss", NULL},
    {"defense minister", "defence minister", "defense secretary", "defence secretary", "minister of defense", NULL},
    {"foreign minister", "foreign secretary", "secretary of state", "minister of foreign affairs", NULL},
};

/* The alias as lower-case words joined by spaces. */
static size_t alias_words(const actx *c, uint32_t alias, char *buf, size_t cap) {
    const el_alias *a = el_dict_alias(c->D, alias);
    size_t k = 0;
    const char *t = a->toks;
    for (int i = 0; i < a->n_tok; i++) {
        size_t n = strlen(t);
        if (k + n + 1 >= cap) break;
        if (i) buf[k++] = ' ';
        for (size_t j = 0; j < n; j++) buf[k++] = (char)el_lower((unsigned char)t[j]);
        t += n + 1;
    }
    buf[k] = '\0';
    return k;
}

static int synonym_group(const char *w) {
    for (size_t g = 0; g < sizeof title_synonyms / sizeof *title_synonyms; g++)
        for (int i = 0; title_synonyms[g][i]; i++)
            if (!strcmp(title_synonyms[g][i], w)) return (int)g;
    return -1;
}

static bool same_title(const actx *c, uint32_t a, uint32_t b) {
    if (a == b) return true;
    char x[128], y[128];
    alias_words(c, a, x, sizeof x);
    alias_words(c, b, y, sizeof y);
    if (!strcmp(x, y)) return true;
    int g = synonym_group(x);
    return g >= 0 && g == synonym_group(y);
}

/* Does a dictionary role ("Prime Minister of Israel") name this title? */
static bool role_says(const actx *c, const char *role, uint32_t alias) {
    char x[128];
    alias_words(c, alias, x, sizeof x);
    if (el_ifind(role, strlen(role), x) >= 0) return true;
    int g = synonym_group(x);
    for (int i = 0; g >= 0 && title_synonyms[g][i]; i++)
        if (el_ifind(role, strlen(role), title_synonyms[g][i]) >= 0) return true;
    return false;
}

/* A person already named that "the [Israeli] premier" or "the Mossad
** chief" can mean, or a group for "the terror group"; -1 when none. */
static int32_t resolve_descr(actx *c, const item *title, const item *mods, int nm) {
    const el_entry *te = el_dict_entry(c->D, title->entry);
    bool group = in_set(c, title->e - 1, group_nouns);
    const char *country = NULL;
    uint32_t org = EL_NONE;
    for (int i = 0; i < nm; i++) {
        const el_entry *me = el_dict_entry(c->D, mods[i].entry);
        if (me->type == EL_ENT_COUNTRY || mods[i].met != EL_NONE) country = me->country;
        else { org = mods[i].entry; if (me->country) country = me->country; }
    }
    int32_t best = -1;
    for (size_t k = 0; k < c->ents.n; k++) {
        lent *L = &c->ents.v[k];
        if (best >= 0 && L->last <= c->ents.v[best].last) continue;
        if (country && L->country != country) continue;
        if (group) {
            if (L->type == EL_ENT_GROUP || (L->code && strstr(L->code, "REB"))) best = (int32_t)k;
            continue;
        }
        if (L->type != EL_ENT_PERSON) continue;
        bool titled = false;
        for (int t = 0; t < L->n_titles; t++) titled |= same_title(c, L->titles[t], title->alias);
        if (te->sub == EL_AGENT_RELATIVE) {
            /* "the Mossad chief": someone named with that body and a relative title. */
            if (org != EL_NONE && L->org == org && L->n_titles) best = (int32_t)k;
            continue;
        }
        if (org != EL_NONE && L->org != org) continue;
        if (!titled && L->entry >= 0) {
            /* Named without this title here: does the dictionary's role say it? */
            const el_entry *pe = el_dict_entry(c->D, (uint32_t)L->entry);
            const char *role = pe->role;
            for (uint32_t r = 0; r < pe->n_roles; r++) {
                const el_role *ro = &pe->roles[r];
                if ((ro->from == EL_DATE_UNKNOWN || c->doc->date == EL_DATE_UNKNOWN || ro->from <= c->doc->date) &&
                    (ro->to == EL_DATE_UNKNOWN || c->doc->date == EL_DATE_UNKNOWN || c->doc->date <= ro->to)) {
                    role = ro->role;
                    break;
                }
            }
            titled = role && role_says(c, role, title->alias);
        }
        if (titled) best = (int32_t)k;
    }
    return best;
}

static void add_title(lent *L, uint32_t alias) {
    for (int i = 0; i < L->n_titles; i++) if (L->titles[i] == alias) return;
    if (L->n_titles < 4) L->titles[L->n_titles++] = alias;
}

/* The code a role noun gives with its country or body: "QAT"+"GOV". */
static const char *role_code(actx *c, const el_entry *mod, bool metonym, const el_entry *agent) {
    if (mod->type != EL_ENT_COUNTRY && !metonym) return mod->code;    /* "Hamas official": Hamas */
    const char *iso = mod->country ? mod->country : mod->code;
    if (!agent || !agent->code) return metonym ? concat(c, iso, "GOV") : iso;
    if (agent->flags & EL_ENTRY_PREFIX) return concat(c, agent->code, iso);
    return concat(c, iso, agent->code);
}

/* The bodies and countries named inside a composed mention, as inner
** mentions of their own entities ("Mossad" in "Mossad Director David Barnea"). */
static void inner(actx *c, const item *mods, int nm) {
    for (int m = 0; m < nm; m++) {
        uint32_t entry = mods[m].met != EL_NONE && el_dict_entry(c->D, mods[m].entry)->type == EL_ENT_PLACE
                             ? mods[m].met : mods[m].entry;
        int32_t L = lent_entry(c, entry);
        if (L >= 0) emit(c, mods[m].s, mods[m].e, L, EL_NONE, c->ents.v[L].code, EL_MENT_INNER);
    }
}

/* Try a composed phrase at token i; on success emit it and set *next. */
static bool compose(actx *c, uint32_t i, uint32_t lim, uint32_t *next) {
    uint32_t j = i;
    bool the = is_w(c, j, "the");
    if (!the && !is_cap(c, i)) {                         /* most tokens: nothing starts here */
        item it = best_at(c, i, lim);
        if (it.entry == EL_NONE) return false;
    }
    if (the) j++;
    item mods[4], coord[6];
    int nm = 0, nc = 0;
    while (j < lim && nm < 3) {
        item it = best_at(c, j, lim);
        if (!is_modifier(c, &it)) break;
        uint32_t q = it.e;
        /* "Egyptian and Qatari mediators", "Egyptian, Qatari and American delegations" */
        if (nm == 0 && el_dict_entry(c->D, it.entry)->type == EL_ENT_COUNTRY) {
            item list[6];
            int nl = 0;
            list[nl++] = it;
            while (q < lim && nl < 6 && (is_w(c, q, ",") || is_w(c, q, "and") || is_w(c, q, "or"))) {
                uint32_t q2 = q + 1 + (is_w(c, q, ",") && (is_w(c, q + 1, "and") || is_w(c, q + 1, "or")));
                item nx = best_at(c, q2, lim);
                if (nx.entry == EL_NONE || el_dict_entry(c->D, nx.entry)->type != EL_ENT_COUNTRY ||
                    nx.akind != EL_ALIAS_PLAIN)
                    break;
                list[nl++] = nx;
                q = nx.e;
            }
            item tt = best_at(c, q, lim);
            if (nl > 1 && is_title(c, &tt) && el_dict_entry(c->D, tt.entry)->sub == EL_AGENT_ROLE) {
                for (int k = 0; k < nl - 1; k++) coord[nc++] = list[k];
                it = list[nl - 1];
            } else {
                q = it.e;
            }
        }
        mods[nm++] = it;
        j = q;
        if (j < lim && (c->t[j].flags & EL_TOK_POSS)) j++;
    }
    /* Capitalised words before a title ("National Security spokesperson"):
    ** look for the title first (cheap), then check the words before it. */
    uint32_t cw = j, q = j;
    while (q < lim && q < cw + 3 && is_cap(c, q)) {
        item tq = best_at(c, q, lim);
        if (is_title(c, &tq)) break;
        q++;
    }
    if (q > cw && q < lim) {
        item tq = best_at(c, q, lim);
        bool ok = is_title(c, &tq);
        for (uint32_t w = cw; ok && w < q; w++) ok = capword(c, w, lim);
        if (ok) j = q;
    }
    item tit[4];
    int nt = 0;
    uint32_t k = j;
    while (k < lim && nt < 4) {
        item it = best_at(c, k, lim);
        if (!is_title(c, &it)) break;
        uint8_t sub = el_dict_entry(c->D, it.entry)->sub;
        if (nt && (sub == EL_AGENT_HONORIFIC || sub == EL_AGENT_RANK)) {
            uint8_t prev = el_dict_entry(c->D, tit[nt - 1].entry)->sub;
            if (prev == EL_AGENT_ROLE || prev == EL_AGENT_RELATIVE) break;   /* "the government | Mr Blunkett" */
        }
        tit[nt++] = it;
        k = it.e;
    }
    if (nt && j > cw) {                                  /* "Thursday Mr Blair": no title phrase before Mr */
        uint8_t sub = el_dict_entry(c->D, tit[0].entry)->sub;
        if (sub == EL_AGENT_HONORIFIC || sub == EL_AGENT_RANK) return false;
    }
    bool title_mod = false;                              /* the last modifier is really a title */
    if (!nt && nm && j == cw && mods[nm - 1].e - mods[nm - 1].s > 1) {
        /* An imported body that ends in a title ("US President", Phoenix's
        ** US_PRESIDENT) followed by a name: that title introduces the name. */
        item lt = best_at(c, mods[nm - 1].e - 1, lim);
        if (is_title(c, &lt) && lt.e == mods[nm - 1].e) {
            item nx = best_at(c, k, lim);
            const el_entry *pe = ent_of(c, &nx);
            if (pe && pe->type == EL_ENT_PERSON) { tit[nt++] = lt; title_mod = true; }
        }
    }
    if (!nt) return false;
    const el_entry *last = el_dict_entry(c->D, tit[nt - 1].entry);
    /* After "Mr."/"Gen." one word is a name ("Mr Brown"); after "General"
    ** or "Sir" it must not be an English word ("the General Election"). */
    bool honor = false;
    for (int t = 0; t < nt; t++) {
        const el_entry *te = el_dict_entry(c->D, tit[t].entry);
        size_t tl = te->name ? strlen(te->name) : 0;
        if ((te->sub == EL_AGENT_HONORIFIC || te->sub == EL_AGENT_RANK) && tl && te->name[tl - 1] == '.') honor = true;
    }
    /* The name after the titles: someone in the dictionary or named before,
    ** else capitalised words. */
    int32_t person = -1;
    uint32_t nend = 0, ns = k;
    bool unknown = false;
    item nmi = best_at(c, k, lim);
    const el_entry *ne = ent_of(c, &nmi);
    /* Bodies and plural role nouns do not introduce one person's name. */
    bool names = !in_set(c, tit[nt - 1].e - 1, body_nouns) &&
                 (!plural_at(c, &tit[nt - 1]) || last->sub == EL_AGENT_RELATIVE);
    if (!names) {
        ne = NULL;
        nmi.ref = -1;
    }
    if (ne && ne->type == EL_ENT_PERSON && nmi.akind != EL_ALIAS_METONYM) {
        person = nmi.ref >= 0 ? nmi.ref : lent_entry(c, nmi.entry);
        nend = nmi.e;
    } else if (!ne && nmi.ref >= 0 && c->ents.v[nmi.ref].type == EL_ENT_PERSON) {
        person = nmi.ref;
        nend = nmi.e;
    } else if (names) {
        int w = scan_name(c, k, lim, &nend);
        const el_token *t0 = &c->t[k];
        uint32_t sp = w == 1 ? surname_person(c, k, lim) : EL_NONE;
        if (sp != EL_NONE) {
            person = lent_entry(c, sp);                  /* "Mr Brown": Gordon Brown */
        } else {
            unknown = w >= 2 || (w == 1 && t0->end - t0->start > 2 &&          /* not "Mr P." */
                                 (honor || !(c->e->lex && el_lexicon_is_word_h(c->e->lex, t0->lemma, t0->lemma_len, t0->lemma_h, 'n'))));
            if (w >= 1 && !unknown) nend = 0;
        }
    }
    /* "the director of the CIA, William Burns": title, "of", body, ",", name. */
    uint32_t after = k;
    if (person < 0 && !unknown && k < lim && is_w(c, k, "of") && nm < 3) {
        uint32_t q = k + 1 + is_w(c, k + 1, "the");
        item it = best_at(c, q, lim);
        if (is_modifier(c, &it)) {
            mods[nm++] = it;
            after = it.e;
            if (after < lim && is_w(c, after, ",")) {
                ns = after + 1;
                item p2 = best_at(c, ns, lim);
                const el_entry *pe = ent_of(c, &p2);
                if (pe && pe->type == EL_ENT_PERSON && p2.akind != EL_ALIAS_METONYM) {
                    person = p2.ref >= 0 ? p2.ref : lent_entry(c, p2.entry);
                    nend = p2.e;
                } else if (!pe && p2.ref >= 0 && c->ents.v[p2.ref].type == EL_ENT_PERSON) {
                    person = p2.ref;
                    nend = p2.e;
                } else if (scan_name(c, ns, lim, &nend) >= 2) {
                    unknown = true;
                }
            }
        }
    }
    uint32_t start = the || nm || nc ? i : cw;
    if (nc) start = mods[0].s;                           /* coordinated countries were emitted first */
    const el_entry *org = NULL, *country = NULL;
    bool met = false;
    uint32_t org_entry = EL_NONE;
    for (int m = 0; m < nm; m++) {
        const el_entry *me = el_dict_entry(c->D, mods[m].entry);
        if (me->type == EL_ENT_COUNTRY) { country = me; met = false; }
        else if (mods[m].met != EL_NONE) { country = el_dict_entry(c->D, mods[m].met); met = true; }
        else { org = me; org_entry = mods[m].entry; }
    }
    for (int q = 0; q < nc; q++) {
        const el_entry *ce = el_dict_entry(c->D, coord[q].entry);
        int32_t L = lent_entry(c, coord[q].entry);
        if (L >= 0) emit(c, q == 0 && the ? i : coord[q].s, coord[q].e, L, EL_NONE, role_code(c, ce, false, last), EL_MENT_AGENT);
    }
    if (person >= 0 || unknown) {
        if (unknown) {
            const char *code = NULL, *iso = NULL;
            const char *role = NULL;
            for (int t = 0; t < nt; t++) {
                const el_entry *te = el_dict_entry(c->D, tit[t].entry);
                if (te->code && !role) role = te->code;
            }
            if (org) { code = el_dict_code_at(c->D, org_entry, c->doc->date); iso = org->country; }
            else {
                /* A role ("spokesperson John Kriby") belongs to a country the
                ** sentence names; "Mr Levy" alone says nothing of one. */
                iso = country ? (country->country ? country->country : country->code)
                              : role ? context_country(c, nend, lim) : NULL;
                code = iso ? concat(c, iso, role ? role : (country && met ? "GOV" : NULL)) : role;
            }
            person = lent_name(c, ns, nend, code, iso);
            if (person < 0) return false;
        }
        lent *L = &c->ents.v[person];
        for (int t = 0; t < nt; t++)                     /* "government spokeswoman X": not "the government" */
            if (!in_set(c, tit[t].e - 1, body_nouns)) add_title(L, tit[t].alias);
        if (org_entry != EL_NONE && L->org == EL_NONE) L->org = org_entry;
        int kind = unknown ? EL_MENT_UNKNOWN : nmi.akind == EL_ALIAS_BACKREF || nmi.ref >= 0 ? EL_MENT_SURNAME : EL_MENT_NAME;
        emit(c, start, nend, person, EL_NONE, L->code, kind);
        inner(c, mods, nm - title_mod);
        *next = nend;
        return true;
    }
    uint32_t dend = after > k ? after : k;
    if (the && !plural_at(c, &tit[nt - 1]) && !(nc)) {
        int32_t r = resolve_descr(c, &tit[nt - 1], mods, nm);
        if (r >= 0) {
            emit(c, i, dend, r, EL_NONE, c->ents.v[r].code, EL_MENT_DESCR);
            inner(c, mods, nm);
            *next = dend;
            return true;
        }
    }
    if (nm && last->sub != EL_AGENT_HONORIFIC && last->sub != EL_AGENT_RANK) {
        const item *mod = &mods[0];
        for (int m = 0; m < nm; m++) if (mods[m].met == EL_NONE && el_dict_entry(c->D, mods[m].entry)->type != EL_ENT_COUNTRY) mod = &mods[m];
        bool is_met = mod->met != EL_NONE && el_dict_entry(c->D, mod->entry)->type != EL_ENT_COUNTRY;
        uint32_t me = is_met ? mod->met : mod->entry;
        int32_t L = lent_entry(c, me);
        if (L < 0) return false;
        const el_entry *mde = el_dict_entry(c->D, me);
        const char *code = mde->type == EL_ENT_COUNTRY
                               ? role_code(c, mde, false, last->sub == EL_AGENT_ROLE ? last : NULL)
                               : el_dict_code_at(c->D, me, c->doc->date);
        if (mde->type == EL_ENT_COUNTRY && last->sub != EL_AGENT_ROLE) code = concat(c, mde->code, "GOV");
        emit(c, start, dend, L, EL_NONE, code, EL_MENT_AGENT);
        for (int m = 0; m < nm; m++)                    /* the others: "[Egypt]'s Mossad officials" */
            if (&mods[m] != mod) inner(c, &mods[m], 1);
        *next = dend;
        return true;
    }
    return false;
}

/* --------------------------------------------------------------- lexical */

/* Does the noun phrase go on after token e ("the Cairo talks", "the Axios
** website")? Then a name before it is a modifier and "the" is not its own. */
static bool np_goes_on(const actx *c, uint32_t e, uint32_t lim) {
    if (e >= lim || !(c->t[e].flags & EL_TOK_WORD) || in_set(c, e, function_words)) return false;
    if (c->t[e].flags & EL_TOK_CAP) return true;
    const el_token *t = &c->t[e];
    return c->e->lex && el_lexicon_is_word_h(c->e->lex, t->lemma, t->lemma_len, t->lemma_h, 'n');
}

/* Emit the plain reading at it; returns the token after it. */
static uint32_t emit_item(actx *c, const item *it, uint32_t lim) {
    if (it->entry == EL_NONE) {
        if (it->ref >= 0) {
            emit(c, it->s, it->e, it->ref, EL_NONE, c->ents.v[it->ref].code, EL_MENT_SURNAME);
            return it->e;
        }
        return it->s + 1;
    }
    const el_entry *e = el_dict_entry(c->D, it->entry);
    if (e->flags & EL_ENTRY_BLOCK) return it->e;
    if (it->akind == EL_ALIAS_BACKREF) {
        emit(c, it->s, it->e, it->ref, EL_NONE, c->ents.v[it->ref].code, EL_MENT_SURNAME);
        return it->e;
    }
    if (it->met != EL_NONE && actor_position(c, it, lim)) {
        const el_entry *me = el_dict_entry(c->D, it->met);
        int32_t L = lent_entry(c, it->met);
        if (L >= 0)
            emit(c, it->s > c->sent_start && is_w(c, it->s - 1, "the") ? it->s - 1 : it->s, it->e, L, EL_NONE,
                 me->type == EL_ENT_COUNTRY ? concat(c, me->code, "GOV") : el_dict_code_at(c->D, it->met, c->doc->date),
                 EL_MENT_METONYM);
        return it->e;
    }
    if (it->akind == EL_ALIAS_METONYM) return it->e;      /* a metonym out of actor position, no place */
    if (e->type == EL_ENT_AGENT) {
        if (e->sub == EL_AGENT_ROLE) emit(c, it->s, it->e, -1, it->entry, e->code, EL_MENT_BARE);
        return it->e;
    }
    uint32_t s = it->s;
    if (e->type != EL_ENT_PERSON && s > c->sent_start && is_w(c, s - 1, "the") && !np_goes_on(c, it->e, lim) &&
        !(c->ments.n && c->ments.v[c->ments.n - 1].tok + c->ments.v[c->ments.n - 1].n_tok > s - 1))
        s--;                                              /* "the United States", not "the [Cairo talks]" */
    int32_t L = lent_entry(c, it->entry);
    if (L < 0) return it->e;
    emit(c, s, it->e, L, EL_NONE, c->ents.v[L].code, EL_MENT_NAME);
    return it->e;
}

/* Fold and hash every token once. */
static bool prepare(actx *c) {
    el_doc *doc = c->doc;
    c->dt = el_arena_alloc(doc->a, (doc->n_toks + 1) * sizeof *c->dt);
    c->memo_ver = el_arena_calloc(doc->a, (doc->n_toks + 1) * sizeof *c->memo_ver);
    c->memo_item = el_arena_alloc(doc->a, (doc->n_toks + 1) * sizeof *c->memo_item);
    c->may_start = el_arena_alloc(doc->a, (doc->n_toks + 1) * sizeof *c->may_start);
    c->version = 1;
    if (!c->dt || !c->memo_ver || !c->memo_item || !c->may_start) return false;
    bool stems = el_dict_has_stems(c->D);
    char buf[256];
    for (size_t i = 0; i < doc->n_toks; i++) {
        const el_token *t = &doc->toks[i];
        size_t tl = t->end - t->start;
        c->dt[i].fold = NULL;
        c->dt[i].fold_len = 0;
        /* An ASCII token folds to its text with A-Z lowered, whose hash the
        ** segmenter left in low_h, unless a final period goes ("Gen."). */
        if (!stems && !(t->flags & EL_TOK_NONASCII) && tl <= 256 && doc->body[t->end - 1] != '.') {
            c->dt[i].h = doc->low_h[i];
            c->may_start[i] = el_dict_may_start(c->D, c->dt[i].h);
            continue;
        }
        size_t n = el_dict_fold(doc->body + t->start, tl, buf, sizeof buf, true);
        c->dt[i].h = el_hash(buf, n);
        c->may_start[i] = el_dict_may_start(c->D, c->dt[i].h);
        if (stems && n && (t->flags & EL_TOK_WORD)) {  /* kept for TABARI stems */
            char *f = el_arena_strndup(doc->a, buf, n);
            c->dt[i].fold = f;
            c->dt[i].fold_len = f ? (uint16_t)n : 0;
        }
    }
    return !el_arena_failed(doc->a);
}

int el_actors_annotate(const el_engine *e, el_doc *doc, el_diag *d) {
    (void)d;
    doc->ments = NULL;
    doc->n_ments = 0;
    if (!e->dict || !doc->n_toks) return EL_OK;
    actx c = {.e = e, .D = e->dict, .doc = doc, .t = doc->toks};
    if (!prepare(&c)) return EL_ENOMEM;
    for (size_t s = 0; s < doc->n_sents; s++) {
        const el_sent *se = &doc->sents[s];
        uint32_t i = se->tok, lim = se->tok + se->n_tok;
        c.sent = (uint32_t)s;
        c.sent_start = i;
        c.first_in_sent = (uint32_t)c.ments.n;
        while (i < lim) {
            uint32_t nx;
            if (compose(&c, i, lim, &nx)) { i = nx; continue; }
            item it = best_at(&c, i, lim);
            i = emit_item(&c, &it, lim);
            if (i <= it.s) i = it.s + 1;
        }
    }
    if (el_arena_failed(doc->a)) return EL_ENOMEM;
    doc->ments = c.ments.v;
    doc->n_ments = c.ments.n;
    return EL_OK;
}

/* ---------------------------------------------------------- run index */

struct el_actor_index {
    el_arena *a;                /* names, texts, keys */
    el_strmap *keys;            /* entity key -> id */
    el_strmap *strs;            /* interned codes, countries and article ids */
    el_entity *v;
    size_t n, cap;
    bool keep;
};

el_actor_index *el_actor_index_new(bool keep) {
    el_actor_index *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    x->a = el_arena_new(NULL, 1 << 20);
    x->keep = keep;
    if (!x->a || !(x->keys = el_strmap_new(x->a, 1024)) || !(x->strs = el_strmap_new(x->a, 1024))) {
        el_actor_index_free(x);
        return NULL;
    }
    return x;
}

static const char *intern(el_actor_index *x, const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    const char *k = el_strmap_key(x->strs, s, n);
    if (k) return k;
    if (el_strmap_put(x->strs, s, n, NULL)) return NULL;
    return el_strmap_key(x->strs, s, n);
}

/* The identity of a doc entity across articles: its dictionary entry, else
** its full name folded ("john kirby"). */
static size_t ent_key(const el_mention *m, char *buf, size_t cap) {
    if (m->entry >= 0) return (size_t)snprintf(buf, cap, "#%d", m->entry);
    size_t k = 0;
    buf[k++] = '@';
    if (m->name) k += el_dict_fold(m->name, strlen(m->name), buf + k, cap - k, true);
    return k;
}

int el_actor_index_add(el_actor_index *x, el_doc *doc) {
    size_t n_local = 0;
    for (size_t i = 0; i < doc->n_ments; i++)
        if (doc->ments[i].ent >= 0 && (size_t)doc->ments[i].ent + 1 > n_local) n_local = (size_t)doc->ments[i].ent + 1;
    int *ids = n_local ? el_arena_calloc(doc->a, n_local * sizeof *ids) : NULL;
    if (n_local && !ids) return EL_ENOMEM;
    const char *article = NULL;
    for (size_t i = 0; i < doc->n_ments; i++) {
        el_mention *m = &doc->ments[i];
        if (m->ent < 0) continue;
        int id = ids[m->ent];
        if (!id) {
            char key[600];
            size_t kl = ent_key(m, key, sizeof key);
            void *v = el_strmap_get(x->keys, key, kl);
            if (v) {
                id = (int)(intptr_t)v;
            } else {
                if (!el_heap_reserve((void **)&x->v, &x->cap, x->n, sizeof *x->v, 256)) return EL_ENOMEM;
                el_entity *E = &x->v[x->n];
                memset(E, 0, sizeof *E);
                E->id = (int)++x->n;
                E->name = m->name ? el_arena_strdup(x->a, m->name) : NULL;
                E->code = intern(x, m->ent_code);
                E->country = intern(x, m->country);
                E->lat = m->lat;
                E->lon = m->lon;
                E->type = m->type;
                id = E->id;
                if (el_strmap_put(x->keys, key, kl, (void *)(intptr_t)id)) return EL_ENOMEM;
            }
            ids[m->ent] = id;
        }
        m->entity = id;
        if (!x->keep) continue;
        el_entity *E = &x->v[id - 1];
        if (!el_heap_reserve((void **)&E->ments, &E->cap_ments, E->n_ments, sizeof *E->ments, 4))
            return EL_ENOMEM;
        if (!article) article = intern(x, doc->id ? doc->id : doc->base);
        E->ments[E->n_ments++] = (el_entity_ment){article, m->start, m->end,
                                                  el_arena_strndup(x->a, doc->body + m->start, m->end - m->start),
                                                  intern(x, m->code)};
    }
    return el_arena_failed(x->a) ? EL_ENOMEM : EL_OK;
}

size_t el_actor_index_count(const el_actor_index *x) { return x->n; }
const el_entity *el_actor_index_get(const el_actor_index *x, size_t i) { return &x->v[i]; }

void el_actor_index_free(el_actor_index *x) {
    if (!x) return;
    for (size_t i = 0; i < x->n; i++) free(x->v[i].ments);
    free(x->v);
    el_arena_free(x->a);
    free(x);
}
