/*
** segment.c: stage 3, tokens with byte offsets, sentences and lemmas.
** In:  an el_doc from clean.c (body and paragraphs set).
** Out: doc->toks (every token of body, in order) and doc->sents (each with
**      its token range); each word token carries its lemma.
** Sentences never cross a paragraph. Abbreviations keep their period in the
** token ("Gen.", "U.S.", "Feb."); titles never end a sentence, other
** abbreviations do only before a capitalised function word ("in the U.S. The
** talks ..."). Closing quotes and brackets stay with the sentence they close.
*/
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "el_int.h"
#include "lemma.h"
#include "strmap.h"
#include "textutil.h"
#include "utf8.h"

/* Abbreviations that precede a name or number: never a sentence end.
** KEEP IN SYNC with the "title" cases of tests/cases/sentences.tsv.
** No entry here or in abbrevs[] is longer than ABBR_MAX bytes: every word
** before a period is asked, and most are longer. */
#define ABBR_MAX 6
static const char *const titles[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Gen", "Maj", "Lt", "Col", "Capt", "Cmdr",
    "Cdr", "Adm", "Sgt", "Cpl", "Pvt", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Pres",
    "Rev", "Hon", "Fr", "St", "Mt", "Ft", "Supt", "Insp", "Amb", "Gens", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "vs",
    "v", "Art", "Vol", "Fig", "pp", "cf", "approx", NULL,
};
/* Abbreviations that may also end a sentence; before a capital they
** usually do ("sugar, etc. More will follow"). */
static const char *const abbrevs[] = {
    "Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr", "etc", "Dept", "Univ", "Assn", "Ave",
    "Blvd", "Rd", "est", "al", "Govt", "Intl", NULL,
};
/* Dotted abbreviations that name places and bodies, not people (their
** final period is not part of these strings). */
static const char *const dotted_names[] = {
    "U.S", "U.K", "U.N", "E.U", "D.C", "U.A.E", "U.S.A", "U.S.S.R", "N.Y", "L.A", "S.A",
    "P.A", "N.A.T.O", NULL,
};
/* Capitalised nouns that continue a name after "U.S." or "U.N.":
** "the U.S. Army said" is one sentence. */
static const char *const name_heads[] = {
    "Army", "Navy", "Air", "Marines", "Marine", "Embassy", "Congress", "Senate", "House",
    "Treasury", "Forces", "Force", "Government", "Ambassador", "Envoy", "President",
    "Secretary", "Security", "General", "Special", "Central", "Command", "Department",
    "State", "Justice", "Supreme", "Court", "Coast", "Guard", "Mission", "Agency", "Office",
    "Council", "Commission", "Agency", "Representative", "Rapporteur", "Relief", "Food",
    "Human", "Refugee", "Children", "Development", "Peacekeeping", "Peacekeepers", NULL,
};
/* Capitalised words that start sentences; after an abbreviation they mean a
** new sentence ("the U.S. The talks"), where a name would not. */
static const char *const starters[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so",
    "in", "on", "at", "as", "this", "that", "these", "those", "its", "his", "her", "their",
    "our", "there", "however", "meanwhile", "yet", "if", "when", "while", "after", "before",
    "since", "also", "both", "some", "many", "most", "no", "not", "what", "who", "why", "how",
    "then", "still", "for", "from", "by", "with", "to", "earlier", "later", "last", "next",
    "one", "two", "three", "several", "mr", "mrs", "ms", "neither", "nobody", "none",
    "more", "few", "all", "each", "every", "such", "only", "another", "other", "here",
    "now", "today", "yesterday", "tomorrow", "my", "your", "nothing", "everyone", NULL,
};

static bool in_list(const char *s, size_t n, const char *const *list) {
    if (!n) return false;
    for (int i = 0; list[i]; i++)
        if (list[i][0] == s[0] && strlen(list[i]) == n && memcmp(s, list[i], n) == 0) return true;
    return false;
}

static bool in_list_icase(const char *s, size_t n, const char *const *list) {
    for (int i = 0; list[i]; i++) if (el_ieq(s, n, list[i])) return true;
    return false;
}

typedef enum { C_SPACE, C_WORD, C_PUNCT } cclass;

/* Class of the code point at p; *len its byte length. */
/* ASCII classes: asked of every byte of every article, so a table and no
** call; the rest of Unicode goes to utf8proc below. */
#define SP C_SPACE
#define WD C_WORD
#define PU C_PUNCT
static const uint8_t ascii_class[128] = {
    PU, PU, PU, PU, PU, PU, PU, PU, PU, SP, SP, PU, SP, SP, PU, PU,     /* \t \n \f \r */
    PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU,
    SP, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU, PU,     /* ' ' */
    WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, PU, PU, PU, PU, PU, PU,     /* 0-9 */
    PU, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD,     /* A-O */
    WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, PU, PU, PU, PU, PU,     /* P-Z */
    PU, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD,     /* a-o */
    WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, WD, PU, PU, PU, PU, PU,     /* p-z */
};
#undef SP
#undef WD
#undef PU

static cclass char_class_utf8(const char *p, size_t n, size_t *len, uint32_t *cpo);

static inline cclass char_class(const char *p, size_t n, size_t *len, uint32_t *cpo) {
    unsigned char c = (unsigned char)p[0];
    if (c < 0x80) {
        *len = 1;
        *cpo = c;
        return (cclass)ascii_class[c];
    }
    return char_class_utf8(p, n, len, cpo);
}

static cclass char_class_utf8(const char *p, size_t n, size_t *len, uint32_t *cpo) {
    uint32_t cp;
    *len = (size_t)el_utf8_decode(p, n, &cp);
    *cpo = cp;
    if (cp == 0xAD) return C_WORD;                       /* soft hyphen: inside words */
    if (cp == 0x200B || cp == 0xFEFF) return C_SPACE;    /* zero-width space, BOM */
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return C_WORD;
    default:
        return C_PUNCT;
    }
}

static bool is_apos(uint32_t cp) { return cp == '\'' || cp == 0x2019; }
static bool is_quote_cp(uint32_t cp) {
    return cp == '"' || cp == '\'' || (cp >= 0x2018 && cp <= 0x201F) || cp == 0xAB || cp == 0xBB ||
           cp == 0x2039 || cp == 0x203A;
}

typedef EL_VEC(el_sent) sent_vec;

typedef struct seg {
    const el_engine *e;
    el_doc *doc;
    EL_VEC(el_token) t;
} seg;

/* el_hash of s[0..n) with A-Z lowered: the token's second key (el_doc.low_h). */
static uint64_t low_hash(seg *g, const char *s, size_t n, uint64_t h_as_is) {
    size_t i = 0;
    while (i < n && !(s[i] >= 'A' && s[i] <= 'Z')) i++;
    if (i == n) return h_as_is;                          /* nothing to lower */
    char *c = el_arena_strndup(g->doc->a, s, n);          /* long or rare: tokens that are no words */
    if (!c) return h_as_is;
    for (; i < n; i++) c[i] = (char)el_lower((unsigned char)c[i]);
    return el_hash(c, n);
}

/* Set the lemma of a token, its hash, its NONASCII flag, and return the hash
** of its text with A-Z lowered. The hash of the lower-cased form, asked of
** the lemma map anyway, is the lemma's when no form is found. */
static uint64_t set_lemma(seg *g, el_token *t) {
    const char *s = g->doc->body + t->start;
    size_t n = t->end - t->start;
    t->lemma = s;
    t->lemma_len = (uint16_t)(n > 65535 ? 65535 : n);
    if (!(t->flags & EL_TOK_WORD) || n > 120) {
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] >= 0x80) { t->flags |= EL_TOK_NONASCII; break; }
        t->lemma_h = el_hash(t->lemma, t->lemma_len);
        return t->lemma_len == n ? low_hash(g, s, n, t->lemma_h) : low_hash(g, s, n, el_hash(s, n));
    }
    char low[128];
    size_t k = 0;
    bool changed = false, ascii = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) ascii = false;
        if (c >= 'A' && c <= 'Z') { c += 32; changed = true; }
        low[k++] = (char)c;
    }
    uint64_t low_h = 0;
    if (!ascii) {                                        /* full case folding for the rare case */
        t->flags |= EL_TOK_NONASCII;
        low_h = el_hash(low, k);
        utf8proc_uint8_t *f = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
                                          UTF8PROC_CASEFOLD | UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m > 0 && (size_t)m < sizeof low && f) {
            changed = (size_t)m != n || memcmp(f, s, n) != 0;
            memcpy(low, f, (size_t)m);
            k = (size_t)m;
        }
        free(f);
    }
    /* The possessive and "n't" need no lookup; apostrophes compare as '. */
    size_t ll;
    uint64_t hl = el_hash(low, k);
    if (ascii) low_h = hl;
    const char *lem = el_lemma_h(g->e ? g->e->lex : NULL, low, k, hl, &ll);
    if (lem) { t->lemma = lem; t->lemma_len = (uint16_t)ll; t->lemma_h = el_hash(lem, ll); return low_h; }
    if (changed) {
        char *c = el_arena_strndup(g->doc->a, low, k);
        if (c) { t->lemma = c; t->lemma_len = (uint16_t)k; }
    }
    /* The lemma is now low's bytes, or (memory failed) the surface's. */
    t->lemma_h = changed && t->lemma == s ? el_hash(t->lemma, t->lemma_len) : hl;   /* unchanged: low is s */
    return low_h;
}

static inline void push(seg *g, uint32_t start, uint32_t end, uint16_t flags) {
    el_token t = {.start = start, .end = end, .flags = flags};
    EL_PUSH(g->doc->a, g->t, t);
}

/* Length of a URL or e-mail address at s (a whole non-space run less
** trailing punctuation), or 0. Asked of every word: the run is only scanned
** when it opens like a URL, or when an '@' lies ahead in the paragraph
** (at_ahead), which is rare. */
static size_t url_at(const char *s, size_t n, bool at_ahead) {
    /* The prefixes hold no space, so testing them against all of s is
    ** testing them against the run. */
    bool url = (s[0] == 'h' || s[0] == 'H' || s[0] == 'w' || s[0] == 'W') &&
               (el_iprefix(s, n, "http://") || el_iprefix(s, n, "https://") || el_iprefix(s, n, "www."));
    if (!url && !at_ahead) return 0;
    size_t e = 0;
    while (e < n && !el_is_space((unsigned char)s[e])) e++;
    if (!url) {
        const char *at = memchr(s, '@', e);
        if (!at || at == s || !memchr(at, '.', (size_t)(s + e - at))) return 0;
        for (const char *p = s; p < at; p++)
            if (!el_is_alpha((unsigned char)*p) && !el_is_digit((unsigned char)*p) && !strchr("._-+", *p))
                return 0;
    }
    while (e && strchr(".,;:!?)]\"'", s[e - 1])) e--;
    return e;
}

/* Tokenise one paragraph [ps, pe) of body. */
static void tokenize_para(seg *g, uint32_t ps, uint32_t pe, uint32_t para) {
    const char *b = g->doc->body;
    size_t i = ps;
    size_t first = g->t.n;
    const char *q0 = memchr(b + ps, '@', pe - ps);
    size_t at = q0 ? (size_t)(q0 - b) : pe;     /* the next '@' at or after i, or pe */
    while (i < pe) {
        size_t len;
        uint32_t cp;
        cclass c = char_class(b + i, pe - i, &len, &cp);
        if (c == C_SPACE) { i += len; continue; }
        if (at < i) {
            const char *q = memchr(b + i, '@', pe - i);
            at = q ? (size_t)(q - b) : pe;
        }
        size_t u = (cp == 'h' || cp == 'H' || cp == 'w' || cp == 'W' || (c == C_WORD && at < pe))
                       ? url_at(b + i, pe - i, at < pe) : 0;
        if (u) { push(g, (uint32_t)i, (uint32_t)(i + u), EL_TOK_WORD); i += u; continue; }
        if (c == C_PUNCT) {
            size_t j = i + len;
            uint16_t fl = EL_TOK_PUNCT | (is_quote_cp(cp) ? EL_TOK_QUOTE : 0);
            if (cp == '.' || cp == '-') while (j < pe && b[j] == (char)cp) j++;   /* ... -- */
            push(g, (uint32_t)i, (uint32_t)j, fl);
            i = j;
            continue;
        }
        /* A word or number: letters/digits, inner hyphens, inner apostrophes,
        ** and for numbers inner , . : before a digit. */
        bool num = cp < 0x80 && el_is_digit((int)cp);
        size_t j = i + len;
        for (;;) {
            if (j >= pe) break;
            size_t l2;
            uint32_t c2;
            cclass k2 = char_class(b + j, pe - j, &l2, &c2);
            if (k2 == C_WORD) { j += l2; continue; }
            if (k2 != C_PUNCT || j + l2 >= pe) break;
            size_t l3;
            uint32_t c3;
            cclass k3 = char_class(b + j + l2, pe - j - l2, &l3, &c3);
            if (k3 != C_WORD) break;
            if (c2 == '-' || c2 == 0x2010 || c2 == 0x2011) { j += l2; continue; }
            if (num && (c2 == ',' || c2 == '.' || c2 == ':') && c3 < 0x80 && el_is_digit((int)c3)) { j += l2; continue; }
            if (is_apos(c2)) {
                /* 's at the end of a word is the possessive (or "is"): split it. */
                bool s_end = (c3 == 's' || c3 == 'S') &&
                             (j + l2 + 1 >= pe || char_class(b + j + l2 + 1, pe - j - l2 - 1, &l3, &c3) != C_WORD);
                if (s_end) break;
                j += l2;
                continue;
            }
            break;
        }
        uint16_t fl = num ? EL_TOK_NUM : EL_TOK_WORD;
        /* Possessive split off. */
        size_t wl = j - i;
        /* Abbreviation with its period? */
        if (!num && j < pe && b[j] == '.') {
            const char *w = b + i;
            bool dotted = false;
            size_t k = j;
            /* U.S. / e.g. / a.m. / D.C.: single letters joined by periods. */
            if (wl == 1 && k + 2 < pe && el_is_alpha((unsigned char)b[k + 1]) && b[k + 2] == '.') {
                while (k + 2 < pe && el_is_alpha((unsigned char)b[k + 1]) && b[k + 2] == '.') k += 2;
                dotted = true;
            }
            if (dotted) { j = k + 1; fl |= EL_TOK_ABBR; }
            else if ((wl <= ABBR_MAX && (in_list(w, wl, titles) || in_list(w, wl, abbrevs))) ||
                     (wl == 1 && el_is_upper((unsigned char)w[0]))) {
                j++;
                fl |= EL_TOK_ABBR;
            }
        }
        unsigned char f0 = (unsigned char)b[i];
        bool upper_first = el_is_upper(f0) || (f0 >= 0x80 && utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU);
        if (!num && upper_first) {
            fl |= EL_TOK_CAP;
            size_t letters = 0, uppers = 0;
            for (size_t q = i; q < j; q++) {
                unsigned char ch = (unsigned char)b[q];
                if (el_is_upper(ch)) { uppers++; letters++; }
                else if (el_is_lowerc(ch)) letters++;
            }
            if (letters > 1 && uppers == letters) fl |= EL_TOK_UPPER;
        }
        push(g, (uint32_t)i, (uint32_t)j, fl);
        i = j;
        /* The possessive 's / ’s as its own token. */
        if (i < pe) {
            size_t la;
            uint32_t ca;
            if (char_class(b + i, pe - i, &la, &ca) == C_PUNCT && is_apos(ca) && i + la < pe &&
                (b[i + la] == 's' || b[i + la] == 'S') &&
                (i + la + 1 >= pe || char_class(b + i + la + 1, pe - i - la - 1, &len, &cp) != C_WORD)) {
                push(g, (uint32_t)i, (uint32_t)(i + la + 1), EL_TOK_POSS);
                i += la + 1;
            }
        }
    }
    for (size_t k = first; k < g->t.n; k++) g->t.v[k].para = para;
}

static bool tok_is(const el_doc *doc, const el_token *t, const char *s) {
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(doc->body + t->start, s, n) == 0;
}

/* Is the quote token t closing (it follows text) rather than opening? */
static bool closing_quote(const el_doc *doc, const el_token *t) {
    const char *b = doc->body;
    unsigned char c0 = (unsigned char)b[t->start];
    if (c0 == 0xE2 && (unsigned char)b[t->start + 2] == 0x9D) return true;   /* ” */
    if (c0 == 0xE2 && (unsigned char)b[t->start + 2] == 0x99) return true;   /* ’ */
    if (c0 == 0xE2 && ((unsigned char)b[t->start + 2] == 0x9C ||
                       (unsigned char)b[t->start + 2] == 0x98)) return false; /* “ ‘ */
    if (c0 == 0xC2 && (unsigned char)b[t->start + 1] == 0xBB) return true;   /* » */
    /* Straight quote: closing when glued to the text before it. */
    return t->start > 0 && !el_is_space((unsigned char)b[t->start - 1]);
}

static bool is_terminal(const el_doc *doc, const el_token *t) {
    if (!(t->flags & EL_TOK_PUNCT)) return false;
    return tok_is(doc, t, ".") || tok_is(doc, t, "?") || tok_is(doc, t, "!") ||
           tok_is(doc, t, "...") || tok_is(doc, t, "\xE2\x80\xA6") || tok_is(doc, t, "?!") ||
           tok_is(doc, t, "..");
}

/* Does token t begin a new sentence? */
static bool starts_sentence(const el_doc *doc, const el_token *t, const el_token *end) {
    if (t->flags & (EL_TOK_CAP | EL_TOK_NUM)) return true;
    if (t->flags & EL_TOK_QUOTE || tok_is(doc, t, "(") || tok_is(doc, t, "[")) {
        const el_token *n = t + 1;          /* an opening bracket or quote, then a capital */
        return n < end && (n->flags & (EL_TOK_CAP | EL_TOK_NUM));
    }
    return false;
}

/* Does the abbreviation a end its sentence, given the next two tokens? */
static bool abbrev_ends(const el_doc *doc, const el_token *a, const el_token *nx,
                        const el_token *nx2) {
    const char *w = doc->body + a->start, *nw = doc->body + nx->start;
    size_t wl = a->end - a->start - 1, nl = nx->end - nx->start, k;
    if (in_list(w, wl, titles) || !(nx->flags & EL_TOK_CAP)) return false;
    if (in_list_icase(nw, nl, starters)) return true;
    if (el_weekday_at(nw, nl, &k, false) >= 0 || el_month_at(nw, nl, &k, false)) return false;
    if (in_list(w, wl, abbrevs)) return true;
    if (wl == 1) return false;                   /* an initial: "John F. Kennedy" */
    /* Dotted capitals are initials ("J.R.R. Tolkien") unless a known place
    ** or body; lower-case ones (a.m., p.m., e.g.) fall through. */
    if (el_is_upper((unsigned char)w[0]) && memchr(w, '.', wl) && !in_list(w, wl, dotted_names))
        return false;
    /* "the U.N. Neither party", "11 a.m. Results were": a capital, then lower case. */
    return nx2 && !in_list(nw, nl, name_heads) && (nx2->flags & EL_TOK_WORD) &&
           !(nx2->flags & EL_TOK_CAP);
}

static void split_sentences(el_doc *doc, size_t pf, size_t pl, uint32_t para, sent_vec *out) {
    el_token *t = doc->toks;
    size_t s0 = pf;
    for (size_t i = pf; i < pl; i++) {
        bool end = false;
        size_t last = i;
        if (is_terminal(doc, &t[i]) || (t[i].flags & EL_TOK_ABBR)) {
            /* Absorb closing quotes and brackets. */
            size_t j = i + 1;
            while (j < pl && (((t[j].flags & EL_TOK_QUOTE) && closing_quote(doc, &t[j])) ||
                              tok_is(doc, &t[j], ")") || tok_is(doc, &t[j], "]")))
                j++;
            last = j - 1;
            if (j >= pl) {
                end = true;
            } else if (t[i].flags & EL_TOK_ABBR) {
                end = abbrev_ends(doc, &t[i], &t[j], j + 1 < pl ? &t[j + 1] : NULL);
                if (last > i && !in_list(doc->body + t[i].start, t[i].end - t[i].start - 1, titles))
                    end = starts_sentence(doc, &t[j], t + pl);        /* U.S." Then */
            } else if (tok_is(doc, &t[i], ".") && i == s0 + 1 && (t[s0].flags & EL_TOK_NUM)) {
                end = false;                                          /* "1. A ceasefire." */
            } else {
                end = starts_sentence(doc, &t[j], t + pl);
            }
        }
        if (end) {
            el_sent s = {t[s0].start, t[last].end, (uint32_t)s0, (uint32_t)(last + 1 - s0), para};
            EL_PUSH(doc->a, *out, s);
            s0 = last + 1;
            i = last;
        }
    }
    if (s0 < pl) {
        el_sent s = {t[s0].start, t[pl - 1].end, (uint32_t)s0, (uint32_t)(pl - s0), para};
        EL_PUSH(doc->a, *out, s);
    }
}

int el_segment_doc(const el_engine *e, el_doc *doc, el_diag *d) {
    (void)d;
    seg g = {.e = e, .doc = doc};
    /* About one token per 5.5 bytes of news text: reserve to avoid regrowth. */
    size_t guess = doc->body_len / 5 + 16;
    g.t.v = el_arena_alloc(doc->a, guess * sizeof(el_token));
    g.t.cap = g.t.v ? guess : 0;
    EL_VEC(size_t) pstart = {0};
    for (size_t p = 0; p < doc->n_paras; p++) {
        EL_PUSH(doc->a, pstart, g.t.n);
        tokenize_para(&g, doc->paras[p].start, doc->paras[p].end, (uint32_t)p);
    }
    EL_PUSH(doc->a, pstart, g.t.n);
    if (el_arena_failed(doc->a)) return EL_ENOMEM;
    doc->toks = g.t.v;
    doc->n_toks = g.t.n;
    doc->low_h = el_arena_alloc(doc->a, (doc->n_toks + 1) * sizeof *doc->low_h);
    if (!doc->low_h) return EL_ENOMEM;
    for (size_t k = 0; k < doc->n_toks; k++) doc->low_h[k] = set_lemma(&g, &doc->toks[k]);
    sent_vec s = {0};
    for (size_t p = 0; p < doc->n_paras; p++)
        if (pstart.v[p + 1] > pstart.v[p])
            split_sentences(doc, pstart.v[p], pstart.v[p + 1], (uint32_t)p, &s);
    doc->sents = s.v;
    doc->n_sents = s.n;
    for (size_t k = 0; k < s.n; k++) doc->toks[s.v[k].tok].flags |= EL_TOK_SSTART;
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}
