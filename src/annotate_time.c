/*
** annotate_time.c: stage 4 helper, find temporal expressions and resolve them
** against the publication date ("last Monday", "October 7", "two weeks ago").
** In:  a segmented el_doc (tokens with lemmas, sentences) and doc->date.
** Out: el_timex records in body order, in doc->a (see annotate_time.h).
** One pass over the tokens. Only a "head" token starts a match: a weekday or
** month name, a number, a unit word ("week"), a deictic ("yesterday"); the
** match then grows left over modifiers ("last", "nearly") and right over
** qualifiers ("ago", "night"). Tense is looked up only for a relative weekday,
** month or day, by scanning the clause around it. Nothing is invented: without
** a publication date a relative expression is vague, with no value.
*/
#include "annotate_time.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lemma.h"
#include "textutil.h"

enum { T_NONE, T_PAST, T_PRES, T_FUT, T_IRR };                 /* tense near an expression */
enum { U_NONE, U_HOUR, U_DAY, U_WEEK, U_MONTH, U_YEAR, U_DECADE }; /* units */
#define Q_NONE (-1000000)   /* no quantity; far from any real count or shift */
#define Q_VAGUE (-1000001)  /* "a few", "several" */

typedef struct tx_ctx {
    const el_lexicon *lex;      /* NULL: verb forms guessed from suffixes */
    el_doc *doc;
    const char *b;              /* doc->body */
    const el_token *t;          /* doc->toks */
    uint32_t s0, s1;            /* tokens of the current sentence */
    uint32_t sent;
    uint32_t claimed;           /* tokens before this are inside an expression */
    el_date pub;
    el_date anchor;             /* first day of the last date named, for "a day earlier" */
    int anchor_unit;            /* its granularity as a unit: U_DAY .. U_DECADE */
    const uint32_t *head_first, *head_last;  /* see el_time_heads(); HEAD_MAX + 1 each */
    EL_VEC(el_timex) out;
} tx_ctx;

/* ---- Token tests ---------------------------------------------------------- */

static size_t tlen(const tx_ctx *c, uint32_t k) { return c->t[k].end - c->t[k].start; }
static const char *ts(const tx_ctx *c, uint32_t k) { return c->b + c->t[k].start; }
static bool in_sent(const tx_ctx *c, uint32_t k) { return k >= c->s0 && k < c->s1; }
/* May an expression take in token k (not yet inside another one)? */
static bool free_at(const tx_ctx *c, uint32_t k) { return in_sent(c, k) && k >= c->claimed; }
static bool cap(const tx_ctx *c, uint32_t k) { return c->t[k].flags & EL_TOK_CAP; }
static bool sstart(const tx_ctx *c, uint32_t k) { return c->t[k].flags & EL_TOK_SSTART; }

/* A word of a table with its length, so that a look-up compares lengths
** before letters: the tense scan tests each token against ~100 words. */
typedef struct kw { const char *w; uint8_t n; uint8_t cls; } kw;
#define K(s) {s, sizeof(s) - 1, 0}
#define KC(s, c) {s, sizeof(s) - 1, c}
#define K_END {NULL, 0, 0}

/* s[0..n) equals the lower-case word w[0..n), ASCII case ignored. */
static bool eq_lower(const char *s, const char *w, size_t n) {
    for (size_t i = 0; i < n; i++) if (el_lower((unsigned char)s[i]) != w[i]) return false;
    return true;
}

/* Is token k the word w (a literal; ASCII case ignored)? False outside the sentence. */
static bool is_n(const tx_ctx *c, uint32_t k, const char *w, size_t n) {
    return in_sent(c, k) && tlen(c, k) == n && eq_lower(ts(c, k), w, n);
}
#define is(c, k, w) is_n((c), (k), (w), sizeof(w) - 1)

/* The entry of list that token k is, or NULL. */
static const kw *kw_find(const tx_ctx *c, uint32_t k, const kw *list) {
    if (!in_sent(c, k)) return NULL;
    size_t n = tlen(c, k);
    const char *s = ts(c, k);
    for (const kw *e = list; e->w; e++) if (e->n == n && eq_lower(s, e->w, n)) return e;
    return NULL;
}

static bool is_any(const tx_ctx *c, uint32_t k, const kw *list) {
    return kw_find(c, k, list) != NULL;
}

/* "this" 0, "last"/"past" -1, "next"/"coming" 1 at token k; REL_NONE otherwise. */
#define REL_NONE 9
static int rel_offset(const tx_ctx *c, uint32_t k) {
    if (is(c, k, "this")) return 0;
    if (is(c, k, "last") || is(c, k, "past")) return -1;
    if (is(c, k, "next") || is(c, k, "coming")) return 1;
    return REL_NONE;
}

/* kw_find in a table split by first letter (bucket(ch) gives the part). */
static const kw *kw_find_by(const tx_ctx *c, uint32_t k, const kw *(*bucket)(int)) {
    if (!in_sent(c, k)) return NULL;
    const kw *list = bucket(el_lower((unsigned char)ts(c, k)[0]));
    return list ? kw_find(c, k, list) : NULL;
}

/* A lower-case word, or a capitalised one that starts its sentence. */
static bool plain_word(const tx_ctx *c, uint32_t k) {
    return in_sent(c, k) && (c->t[k].flags & EL_TOK_WORD) && (!cap(c, k) || sstart(c, k)) &&
           !(c->t[k].flags & EL_TOK_UPPER);
}

/* Value of a run of n ASCII digits, or -1. */
static int digits(const char *s, size_t n) {
    if (n == 0 || n > 4) return -1;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!el_is_digit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static const char *const num_words[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", NULL,
};
static const char *const tens_words[] = {
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL,
};

/* A number written as digits or words ("six", "twenty-four"), or -1. */
static int number_text(const char *s, size_t n) {
    int v = digits(s, n);
    if (v >= 0) return v;
    for (int i = 0; num_words[i]; i++) if (el_ieq(s, n, num_words[i])) return i;
    for (int i = 0; tens_words[i]; i++) {
        size_t m = strlen(tens_words[i]);
        if (n < m || !el_ieq(s, m, tens_words[i])) continue;
        if (n == m) return 30 + 10 * i;
        if (s[m] != '-') return -1;
        for (int u = 1; u <= 9; u++)
            if (el_ieq(s + m + 1, n - m - 1, num_words[u])) return 30 + 10 * i + u;
        return -1;
    }
    if (n > 7 && el_iprefix(s, n, "twenty-"))
        for (int u = 1; u <= 9; u++) if (el_ieq(s + 7, n - 7, num_words[u])) return 20 + u;
    return -1;
}

/* Unit named by the singular word s ("week"), or U_NONE; fortnight sets *mult 2. */
static int unit_word(const char *s, size_t n, int *mult) {
    *mult = 1;
    switch (n) {
    case 3: return eq_lower(s, "day", 3) ? U_DAY : U_NONE;
    case 4:
        if (eq_lower(s, "week", 4)) return U_WEEK;
        if (eq_lower(s, "year", 4)) return U_YEAR;
        return eq_lower(s, "hour", 4) ? U_HOUR : U_NONE;
    case 5: return eq_lower(s, "month", 5) ? U_MONTH : U_NONE;
    case 6: return eq_lower(s, "decade", 6) ? U_DECADE : U_NONE;
    case 9: if (eq_lower(s, "fortnight", 9)) { *mult = 2; return U_WEEK; } return U_NONE;
    default: return U_NONE;
    }
}

/* Part of the day named by token k: "MO", "AF", "EV", "NI" or NULL. The
** surface is tested, not the lemma: the lemmatiser reads "evening" as "even". */
static const char *part_at(const tx_ctx *c, uint32_t k) {
    if (!free_at(c, k) || cap(c, k)) return NULL;
    if (is(c, k, "morning")) return "MO";
    if (is(c, k, "afternoon")) return "AF";
    if (is(c, k, "evening")) return "EV";
    if (is(c, k, "night") || is(c, k, "overnight")) return "NI";
    return NULL;
}

/* Could s (n bytes, capitalised) be a month name? Three letters decide for
** most names ("Minister", "Sony") before textutil's full table is asked. */
static bool month_prefix(const char *s, size_t n) {
    static const char pre[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (n < 3 || n > 10) return false;
    for (int i = 0; i < 36; i += 3)
        if (s[0] == pre[i] && s[1] == pre[i + 1] && s[2] == pre[i + 2]) return true;
    return false;
}

/* Month name token (capitalised, whole token: "March", "Feb.", "Sept"): 1..12 or 0. */
static int month_tok(const tx_ctx *c, uint32_t k) {
    if (!in_sent(c, k) || !cap(c, k) || (c->t[k].flags & EL_TOK_UPPER)) return 0;
    if (!month_prefix(ts(c, k), tlen(c, k))) return 0;
    size_t n = tlen(c, k), ml = 0;
    int m = el_month_at(ts(c, k), n, &ml, false);
    return m && ml == n ? m : 0;
}

/* A 4-digit year 1900..2099 at token k, or 0. */
static int year_tok(const tx_ctx *c, uint32_t k) {
    if (!in_sent(c, k) || !(c->t[k].flags & EL_TOK_NUM)) return 0;
    int v = digits(ts(c, k), tlen(c, k));
    return tlen(c, k) == 4 && v >= 1900 && v <= 2099 ? v : 0;
}

/* A day of the month at token k ("7", "07", "7th"), or 0. */
static int mday_tok(const tx_ctx *c, uint32_t k) {
    if (!in_sent(c, k) || !(c->t[k].flags & EL_TOK_NUM)) return 0;
    const char *s = ts(c, k);
    size_t n = tlen(c, k), d = 0;
    while (d < n && el_is_digit((unsigned char)s[d])) d++;
    if (d < n && !(n - d == 2 && (el_ieq(s + d, 2, "st") || el_ieq(s + d, 2, "nd") ||
                                  el_ieq(s + d, 2, "rd") || el_ieq(s + d, 2, "th"))))
        return 0;
    int v = d <= 2 ? digits(s, d) : -1;
    return v >= 1 && v <= 31 ? v : 0;
}

/* Punctuation that closes a clause for the tense scan. */
static bool stopper(const tx_ctx *c, uint32_t k) {
    if (!(c->t[k].flags & EL_TOK_PUNCT)) return false;
    const char *s = ts(c, k);
    size_t n = tlen(c, k);
    if (n == 1) return *s == ';' || *s == ':' || *s == '(' || *s == ')' || *s == '[' || *s == ']';
    return n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] == 0x94 || (unsigned char)s[2] == 0x93);   /* em, en dash */
}

/* ---- Tense around an expression ------------------------------------------- */

/* What a word of a verb group says: will, would, had/was, is, to, an adverb
** that may stand inside the group, a cue of plans, a form of "have". */
enum { A_FUT = 1, A_MODAL = 2, A_PAST = 4, A_PRES = 8, A_TO = 16, A_ADV = 32, A_CUE = 64,
       A_HAVE = 128 };

/* Words of a verb group, by what they say about time. "expected", "due" and
** the like mark a planned event: "is expected to attend on Sunday". Split by
** first letter because the tense scan looks up every token it passes.
** KEEP IN SYNC: a new first letter needs its case in aux_for(). */
static const kw aux_a[] = {
    KC("are", A_PRES), KC("am", A_PRES), KC("aren't", A_PRES), KC("also", A_ADV),
    KC("already", A_ADV), KC("allegedly", A_ADV), KC("apparently", A_ADV), KC("again", A_ADV),
    KC("all", A_ADV), KC("about", A_CUE), KC("aims", A_CUE), K_END,
};
static const kw aux_b[] = {
    KC("been", A_PAST), KC("be", A_ADV), KC("being", A_ADV), KC("both", A_ADV), K_END,
};
static const kw aux_c[] = {
    KC("could", A_MODAL), KC("can", A_MODAL), KC("cannot", A_MODAL), KC("can't", A_MODAL),
    KC("couldn't", A_MODAL), K_END,
};
static const kw aux_d[] = {
    KC("did", A_PAST), KC("didn't", A_PAST), KC("does", A_PRES), KC("do", A_PRES),
    KC("doesn't", A_PRES), KC("don't", A_PRES), KC("due", A_CUE), K_END,
};
static const kw aux_e[] = {
    KC("even", A_ADV), KC("eventually", A_ADV), KC("ever", A_ADV), KC("expected", A_CUE), K_END,
};
static const kw aux_f[] = {
    KC("finally", A_ADV), KC("formally", A_ADV), KC("first", A_ADV), K_END,
};
static const kw aux_g[] = {
    KC("gonna", A_FUT), KC("going", A_CUE), K_END,
};
static const kw aux_h[] = {
    KC("had", A_PAST), KC("hadn't", A_PAST), KC("has", A_PAST | A_HAVE),
    KC("have", A_PAST | A_HAVE), KC("hasn't", A_PAST | A_HAVE), KC("haven't", A_PAST | A_HAVE),
    KC("having", A_HAVE), KC("hopes", A_CUE), KC("hoping", A_CUE), K_END,
};
static const kw aux_i[] = {
    KC("is", A_PRES), KC("isn't", A_PRES), KC("initially", A_ADV), KC("intends", A_CUE),
    KC("intend", A_CUE), K_END,
};
static const kw aux_j[] = {
    KC("just", A_ADV), K_END,
};
static const kw aux_l[] = {
    KC("likely", A_ADV), K_END,
};
static const kw aux_m[] = {
    KC("might", A_MODAL), KC("may", A_MODAL), KC("must", A_MODAL), K_END,
};
static const kw aux_n[] = {
    KC("not", A_ADV), KC("never", A_ADV), KC("now", A_ADV), K_END,
};
static const kw aux_o[] = {
    KC("only", A_ADV), KC("officially", A_ADV), KC("originally", A_ADV), KC("once", A_ADV), K_END,
};
static const kw aux_p[] = {
    KC("probably", A_ADV), KC("possibly", A_ADV), KC("previously", A_ADV), KC("planned", A_CUE),
    KC("plans", A_CUE), KC("plan", A_CUE), KC("planning", A_CUE), KC("poised", A_CUE),
    KC("preparing", A_CUE), K_END,
};
static const kw aux_q[] = {
    KC("quietly", A_ADV), K_END,
};
static const kw aux_r[] = {
    KC("reportedly", A_ADV), K_END,
};
static const kw aux_s[] = {
    KC("shall", A_FUT), KC("should", A_MODAL), KC("shouldn't", A_MODAL), KC("still", A_ADV),
    KC("soon", A_ADV), KC("scheduled", A_CUE), KC("slated", A_CUE), KC("set", A_CUE),
    KC("seeks", A_CUE), K_END,
};
static const kw aux_t[] = {
    KC("to", A_TO), KC("then", A_ADV), K_END,
};
static const kw aux_u[] = {
    KC("unlikely", A_ADV), K_END,
};
static const kw aux_w[] = {
    KC("will", A_FUT), KC("won't", A_FUT), KC("wo", A_FUT), KC("would", A_MODAL),
    KC("wouldn't", A_MODAL), KC("was", A_PAST), KC("were", A_PAST), KC("wasn't", A_PAST),
    KC("weren't", A_PAST), KC("wants", A_CUE), K_END,
};

/* The entries of aux that start with letter ch (lower case), or NULL. */
static const kw *aux_for(int ch) {
    switch (ch) {
    case 'a': return aux_a;
    case 'b': return aux_b;
    case 'c': return aux_c;
    case 'd': return aux_d;
    case 'e': return aux_e;
    case 'f': return aux_f;
    case 'g': return aux_g;
    case 'h': return aux_h;
    case 'i': return aux_i;
    case 'j': return aux_j;
    case 'l': return aux_l;
    case 'm': return aux_m;
    case 'n': return aux_n;
    case 'o': return aux_o;
    case 'p': return aux_p;
    case 'q': return aux_q;
    case 'r': return aux_r;
    case 's': return aux_s;
    case 't': return aux_t;
    case 'u': return aux_u;
    case 'w': return aux_w;
    default: return NULL;
    }
}

/* Cue words that announce a planned event on their own, without "to". */
static const kw strong_cues[] = {
    K("expected"), K("scheduled"), K("due"), K("slated"), K_END,
};

/* The A_* classes of token k (0: not a word of a verb group). */
static int aux_class(const tx_ctx *c, uint32_t k) {
    if (!in_sent(c, k) || !(c->t[k].flags & EL_TOK_WORD) || (cap(c, k) && !sstart(c, k)))
        return 0;
    const char *s = ts(c, k);
    size_t n = tlen(c, k);
    if (n > 11) return 0;                              /* longer than any entry */
    if (n > 3 && (el_isuffix(s, n, "'ll") || el_isuffix(s, n, "\xE2\x80\x99ll"))) return A_FUT;
    const kw *e = kw_find_by(c, k, aux_for);
    return e ? e->cls : 0;
}

/* Prepositions and determiners: the word before a gerund or a noun in -ing.
** Split by first letter as the auxiliaries are. KEEP IN SYNC: pre_noun_for(). */
static const kw pre_noun_a[] = {
    K("a"), K("an"), K("any"), K("another"), K("after"), K("at"), K("as"), K("about"),
    K("against"), K("amid"), K("among"), K("ahead"), K("and"), K_END,
};
static const kw pre_noun_b[] = {
    K("before"), K("by"), K("between"), K("but"), K_END,
};
static const kw pre_noun_d[] = {
    K("despite"), K("during"), K_END,
};
static const kw pre_noun_e[] = {
    K("each"), K("every"), K_END,
};
static const kw pre_noun_f[] = {
    K("following"), K("for"), K("from"), K_END,
};
static const kw pre_noun_h[] = {
    K("his"), K("her"), K_END,
};
static const kw pre_noun_i[] = {
    K("its"), K("in"), K("including"), K("into"), K_END,
};
static const kw pre_noun_m[] = {
    K("my"), K_END,
};
static const kw pre_noun_n[] = {
    K("no"), K_END,
};
static const kw pre_noun_o[] = {
    K("our"), K("of"), K("on"), K("over"), K("or"), K_END,
};
static const kw pre_noun_s[] = {
    K("some"), K("since"), K_END,
};
static const kw pre_noun_t[] = {
    K("the"), K("this"), K("that"), K("these"), K("those"), K("their"), K("through"), K("toward"),
    K("towards"), K("than"), K_END,
};
static const kw pre_noun_u[] = {
    K("upon"), K("until"), K_END,
};
static const kw pre_noun_w[] = {
    K("while"), K("when"), K("without"), K("with"), K_END,
};
static const kw pre_noun_y[] = {
    K("your"), K_END,
};

/* The entries of pre_noun that start with letter ch (lower case), or NULL. */
static const kw *pre_noun_for(int ch) {
    switch (ch) {
    case 'a': return pre_noun_a;
    case 'b': return pre_noun_b;
    case 'd': return pre_noun_d;
    case 'e': return pre_noun_e;
    case 'f': return pre_noun_f;
    case 'h': return pre_noun_h;
    case 'i': return pre_noun_i;
    case 'm': return pre_noun_m;
    case 'n': return pre_noun_n;
    case 'o': return pre_noun_o;
    case 's': return pre_noun_s;
    case 't': return pre_noun_t;
    case 'u': return pre_noun_u;
    case 'w': return pre_noun_w;
    case 'y': return pre_noun_y;
    default: return NULL;
    }
}

/* Can token k's lemma be a verb? Without a lexicon, say yes: the suffix
** tests of verb_form() then decide alone. */
static bool is_verb(const tx_ctx *c, uint32_t k) {
    const el_token *t = &c->t[k];
    if (!c->lex) return true;
    return el_lexicon_is_word_h(c->lex, t->lemma, t->lemma_len, t->lemma_h, 'v') != 0;
}

enum { F_NONE, F_PAST, F_ING, F_BARE, F_AUX, F_PRES };

/* What kind of verb form token k is, judged from its lemma. Past forms are
** those whose lemma differs and that do not end in -s or -ing. A form in -s
** is a present verb only when its lemma is never a noun ("arrives", "begins"):
** "talks" and "reports" are mostly plurals in news. */
static int verb_form(const tx_ctx *c, uint32_t k) {
    if (!plain_word(c, k)) return F_NONE;
    int cls = aux_class(c, k);
    if (cls & (A_FUT | A_MODAL | A_PAST | A_PRES)) return F_AUX;
    if (cls || kw_find_by(c, k, pre_noun_for)) return F_NONE;
    const el_token *t = &c->t[k];
    const char *s = ts(c, k);
    size_t n = tlen(c, k);
    /* Compare by length: a lemma equal to its word points into body, unterminated. */
    bool same = t->lemma_len == n;
    for (size_t q = 0; same && q < n; q++)
        same = el_lower((unsigned char)s[q]) == (unsigned char)t->lemma[q];
    if (same) {
        if (!c->lex && n > 4 && el_isuffix(s, n, "ed")) return F_PAST;
        if (!c->lex && n > 5 && el_isuffix(s, n, "ing")) return F_ING;
        return is_verb(c, k) ? F_BARE : F_NONE;
    }
    if (!is_verb(c, k)) return F_NONE;
    if (n > 4 && el_isuffix(s, n, "ing")) return F_ING;
    if (s[n - 1] == 's' || s[n - 1] == 'S')
        return c->lex && !el_lexicon_is_word_h(c->lex, t->lemma, t->lemma_len, t->lemma_h, 'n') ? F_PRES : F_NONE;
    return F_PAST;
}

/* Walk left from token k over a verb group's auxiliaries and adverbs and
** return the union of their classes; *cue is set by "expected", "plans to". */
static int chain_left(const tx_ctx *c, uint32_t k, bool *cue) {
    int acc = 0;
    *cue = false;
    for (uint32_t n = 0; in_sent(c, k) && n < 8; k--, n++) {
        int cls = aux_class(c, k);
        if (!cls) break;
        if (cls & A_CUE) {
            if (!is(c, k + 1, "to") && !is_any(c, k, strong_cues)) break;
            *cue = true;
        }
        acc |= cls;
    }
    return acc;
}

/* Tense from a verb group's classes (acc), a plan cue and its head's form;
** -1 when nothing in it tells. Order matters: "will have met" is future. */
static int decide(int acc, bool cue, int head) {
    if ((acc & A_FUT) || cue) return T_FUT;
    if (acc & A_MODAL)                                           /* "would have seen": past */
        return (acc & A_HAVE) && head == F_PAST ? T_PAST : T_IRR;
    if (acc & A_TO) return T_IRR;
    if (acc & A_PAST) return T_PAST;
    if (acc & A_PRES) return T_PRES;
    if (head == F_PAST) return T_PAST;
    if (head == F_ING) return T_IRR;
    if (head == F_PRES) return T_PRES;
    return -1;
}

/* Tense of the verb group whose rightmost word is token k, or -1 when k is
** not a verb (a noun in -ing, a bare noun, a gerund after a preposition). */
static int group_back(const tx_ctx *c, uint32_t k) {
    int f = verb_form(c, k);
    bool cue = false;
    if (f == F_NONE) {
        int cls = aux_class(c, k);        /* "is expected in Cairo on Sunday" */
        return (cls & A_CUE) && is_any(c, k, strong_cues) ? T_FUT : -1;
    }
    if (f == F_AUX) return decide(chain_left(c, k, &cue), cue, F_AUX);
    int acc = chain_left(c, k - 1, &cue);
    if (f == F_BARE) return (acc & ~A_ADV) ? decide(acc, cue, f) : -1;
    if (f == F_ING && !(acc & ~A_ADV)) {
        /* A gerund governed by a verb ("did not approve sending ... on
        ** Thursday") looks ahead; "a preparatory meeting Monday" is a noun
        ** and "as saying" a gerund inside a phrase: both are skipped. */
        uint32_t p = k - 1;
        while (in_sent(c, p) && (aux_class(c, p) & A_ADV)) p--;
        if (!in_sent(c, p)) return -1;
        /* "with Biden telling Netanyahu on Sunday": a participle after a name
        ** dates its own clause; without a tense, the nearest day. */
        if (cap(c, p) && !sstart(c, p) && (c->t[p].flags & EL_TOK_WORD)) return T_IRR;
        if (!plain_word(c, p) || kw_find_by(c, p, pre_noun_for)) return -1;
        return is_verb(c, p) ? T_IRR : -1;
    }
    return decide(acc, cue, f);
}

/* Tense of the first verb group to the right of an expression (for
** "On Tuesday, the heads of the CIA ... met"), or -1. */
static int group_fwd(const tx_ctx *c, uint32_t k) {
    int cls = aux_class(c, k);
    if (cls & A_FUT) return T_FUT;
    if (cls & A_MODAL) return aux_class(c, k + 1) & A_HAVE ? T_PAST : T_IRR;
    if (cls & A_PRES) {
        uint32_t j = k + 1;
        while (aux_class(c, j) & A_ADV) j++;
        if ((aux_class(c, j) & A_CUE) || verb_form(c, j) == F_ING) return T_FUT;
        return T_PRES;
    }
    if (cls & A_PAST) return is(c, k + 1, "to") ? T_IRR : T_PAST;
    if ((cls & A_CUE) && is_any(c, k, strong_cues)) return T_FUT;
    int f = verb_form(c, k);
    return f == F_PAST ? T_PAST : f == F_PRES ? T_PRES : -1;
}

/* After a comma, words that open a clause of its own: the verb of the
** clause before does not date what follows. */
static const kw clause_open[] = {
    K("with"), K("while"), K("whereas"), K("although"), K("though"), K("which"), K("who"),
    K("where"), K("when"), K("after"), K("before"), K("as"), K("but"), K_END,
};

/* Words of a noun phrase that date it before the verb does. */
static const kw np_past[] = {
    K("previous"), K("earlier"), K("former"), K("prior"), K("since"), K_END,
};
static const kw np_future[] = {
    K("upcoming"), K("forthcoming"), K("planned"), K_END,
};

/* Tense of the clause around tokens [l, r): the nearest verb group to the
** left, else to the right, within the sentence and before a clause stop. */
static int tense_of(const tx_ctx *c, uint32_t l, uint32_t r) {
    if (is(c, l - 1, "since")) return T_PAST;
    for (uint32_t k = l - 1, n = 0; in_sent(c, k) && n < 16; k--, n++) {
        if (stopper(c, k)) break;
        if (is(c, k - 1, ",") && is_any(c, k, clause_open)) break;   /* ", with Biden telling" */
        if (is_any(c, k, np_past)) return T_PAST;        /* "a previous deal in November" */
        if (is_any(c, k, np_future)) return T_FUT;       /* "the upcoming talks on Sunday" */
        int t = group_back(c, k);
        if (t >= 0) return t;
    }
    for (uint32_t k = r, n = 0; in_sent(c, k) && n < 20; k++, n++) {
        if (stopper(c, k)) break;
        if (k == r && verb_form(c, k) == F_ING) continue;   /* "a Thursday meeting" */
        int t = group_fwd(c, k);
        if (t >= 0) return t;
    }
    return T_NONE;
}

/* ---- Calendar helpers ----------------------------------------------------- */

static void ymd(el_date t, int *y, int *m, int *d) { el_date_to_ymd(t, y, m, d); }

/* Weekday wd nearest pub looking back (past), forward (future) or either way. */
static el_date weekday_near(el_date pub, int wd, int tense) {
    int back = (el_date_weekday(pub) - wd + 7) % 7;
    if (back == 0) return pub;             /* "reported on Saturday" in a Saturday paper */
    int fwd = 7 - back;
    if (tense == T_FUT || tense == T_PRES) return pub + fwd;
    if (tense == T_IRR) return fwd < back ? pub + fwd : pub - back;
    return pub - back;
}

/* Year for month m, day d (0: the month as a whole) relative to pub: the
** latest on or before pub in the past, the earliest on or after in the future,
** the nearest when the clause only plans or supposes. 0 when none (29 Feb). */
static int year_for(el_date pub, int m, int d, int tense) {
    int py, pm, pd;
    ymd(pub, &py, &pm, &pd);
    int best = 0;
    long best_diff = 0;
    for (int y = py - 8; y <= py + 8; y++) {
        if (d && !el_date_valid_ymd(y, m, d)) continue;
        long diff = d ? (long)(el_date_from_ymd(y, m, d) - pub)      /* days, or months */
                      : (long)(y * 12 + m) - (py * 12 + pm);
        bool ok;
        if (tense == T_FUT || tense == T_PRES) ok = diff >= 0 && (!best || diff < best_diff);
        else if (tense == T_IRR) ok = !best || labs(diff) < labs(best_diff);
        else ok = diff <= 0 && (!best || diff > best_diff);
        if (ok) { best = y; best_diff = diff; }
    }
    return best;
}

/* Month m of the year y shifted by k months. */
static void month_add(int *y, int *m, int k) {
    int v = *y * 12 + (*m - 1) + k;
    *y = v / 12;
    *m = v % 12 + 1;
}

/* ---- Emitting ------------------------------------------------------------- */

/* The unit a granularity counts in, for shifting from an anchor. */
static int gran_unit(const char *gran) {
    switch (gran[0]) {
    case 'd': return gran[1] == 'a' ? U_DAY : U_DECADE;       /* day, decade */
    case 'p': return U_DAY;                                   /* part_of_day */
    case 'w': return U_WEEK;                                  /* week, weekend */
    case 'm': case 's': return U_MONTH;                       /* month, season */
    case 'y': return U_YEAR;
    default: return U_NONE;
    }
}

static void emit(tx_ctx *c, uint32_t l, uint32_t r, el_time_type type, const char *value,
                 const char *gran, el_date first, el_date last, const char *part) {
    el_timex x = {.start = c->t[l].start, .end = c->t[r - 1].end, .sent = c->sent,
                  .type = type, .value = value, .granularity = gran, .part = part,
                  .first = first, .last = last};
    EL_PUSH(c->doc->a, c->out, x);
    c->claimed = r;
    if (type == EL_TIME_DATE && first != EL_DATE_UNKNOWN) {
        c->anchor = first;
        c->anchor_unit = gran_unit(gran);
    }
}

/* The anchor for a shift counted in unit: "a year earlier" may follow "in
** 1986" or "on March 3", "a day earlier" only a day. */
static el_date anchor_for(const tx_ctx *c, int unit) {
    return c->anchor_unit && c->anchor_unit <= unit ? c->anchor : EL_DATE_UNKNOWN;
}

static uint32_t emit_vague(tx_ctx *c, uint32_t l, uint32_t r, const char *gran) {
    emit(c, l, r, EL_TIME_VAGUE, NULL, gran, EL_DATE_UNKNOWN, EL_DATE_UNKNOWN, NULL);
    return r;
}

static uint32_t emit_day(tx_ctx *c, uint32_t l, uint32_t r, el_date t, const char *part) {
    const char *gran = part ? "part_of_day" : "day";
    if (t == EL_DATE_UNKNOWN) return emit_vague(c, l, r, gran);
    char v[11];
    el_date_format(t, v);
    emit(c, l, r, EL_TIME_DATE, el_arena_strdup(c->doc->a, v), gran, t, t, part);
    return r;
}

/* The ISO week holding day t. */
static uint32_t emit_week(tx_ctx *c, uint32_t l, uint32_t r, el_date t) {
    if (t == EL_DATE_UNKNOWN) return emit_vague(c, l, r, "week");
    int wy, wn;
    el_date_iso_week(t, &wy, &wn);
    el_date mon = t - el_date_weekday(t);
    emit(c, l, r, EL_TIME_DATE, el_arena_printf(c->doc->a, "%04d-W%02d", wy, wn), "week",
         mon, mon + 6, NULL);
    return r;
}

/* The weekend (Saturday and Sunday) of the ISO week holding day t. */
static uint32_t emit_weekend(tx_ctx *c, uint32_t l, uint32_t r, el_date t) {
    if (t == EL_DATE_UNKNOWN) return emit_vague(c, l, r, "weekend");
    int wy, wn;
    el_date_iso_week(t, &wy, &wn);
    el_date sat = t - el_date_weekday(t) + 5;
    emit(c, l, r, EL_TIME_DATE, el_arena_printf(c->doc->a, "%04d-W%02d-WE", wy, wn), "weekend",
         sat, sat + 1, NULL);
    return r;
}

static uint32_t emit_month(tx_ctx *c, uint32_t l, uint32_t r, int y, int m) {
    if (!y) return emit_vague(c, l, r, "month");
    el_date f = el_date_from_ymd(y, m, 1);
    emit(c, l, r, EL_TIME_DATE, el_arena_printf(c->doc->a, "%04d-%02d", y, m), "month", f,
         f + el_date_days_in_month(y, m) - 1, NULL);
    return r;
}

static uint32_t emit_year(tx_ctx *c, uint32_t l, uint32_t r, int y) {
    if (!y) return emit_vague(c, l, r, "year");
    emit(c, l, r, EL_TIME_DATE, el_arena_printf(c->doc->a, "%04d", y), "year",
         el_date_from_ymd(y, 1, 1), el_date_from_ymd(y, 12, 31), NULL);
    return r;
}

static uint32_t emit_decade(tx_ctx *c, uint32_t l, uint32_t r, int y0) {
    emit(c, l, r, EL_TIME_DATE, el_arena_printf(c->doc->a, "%03d", y0 / 10), "decade",
         el_date_from_ymd(y0, 1, 1), el_date_from_ymd(y0 + 9, 12, 31), NULL);
    return r;
}

/* Seasons, northern and meteorological: winter y runs December y to February y+1. */
static const char *const season_code[4] = {"SP", "SU", "FA", "WI"};

static el_date season_start(int y, int s) { return el_date_from_ymd(y, 3 + 3 * s, 1); }
static el_date season_end(int y, int s) {
    int ey = y, em = 3 + 3 * s;
    month_add(&ey, &em, 3);
    return el_date_from_ymd(ey, em, 1) - 1;
}

static uint32_t emit_season(tx_ctx *c, uint32_t l, uint32_t r, int y, int s) {
    if (!y) return emit_vague(c, l, r, "season");
    emit(c, l, r, EL_TIME_DATE, el_arena_printf(c->doc->a, "%04d-%s", y, season_code[s]),
         "season", season_start(y, s), season_end(y, s), NULL);
    return r;
}

static const char unit_letter[] = {'?', 'H', 'D', 'W', 'M', 'Y', '?'};

/* Duration of q units (Q_VAGUE: "PXD"). */
static uint32_t emit_dur(tx_ctx *c, uint32_t l, uint32_t r, int q, int unit) {
    const char *v;
    el_arena *a = c->doc->a;
    const char *pre = unit == U_HOUR ? "PT" : "P";
    if (unit == U_DECADE) v = q == Q_VAGUE ? "PXDE" : el_arena_printf(a, "P%dDE", q);
    else if (q == Q_VAGUE) v = el_arena_printf(a, "%sX%c", pre, unit_letter[unit]);
    else v = el_arena_printf(a, "%s%d%c", pre, q, unit_letter[unit]);
    emit(c, l, r, EL_TIME_DURATION, v, "duration", EL_DATE_UNKNOWN, EL_DATE_UNKNOWN, NULL);
    return r;
}

static uint32_t emit_set(tx_ctx *c, uint32_t l, uint32_t r, const char *v) {
    emit(c, l, r, EL_TIME_SET, v, "set", EL_DATE_UNKNOWN, EL_DATE_UNKNOWN, NULL);
    return r;
}

/* The date q units from base (q < 0: before), at the unit's granularity. */
static uint32_t emit_shift(tx_ctx *c, uint32_t l, uint32_t r, el_date base, int q, int unit) {
    const char *gran[] = {"unknown", "day", "day", "week", "month", "year", "decade"};
    if (base == EL_DATE_UNKNOWN || q == Q_VAGUE) return emit_vague(c, l, r, gran[unit]);
    int y, m, d;
    ymd(base, &y, &m, &d);
    switch (unit) {
    case U_HOUR: return emit_day(c, l, r, base + (q <= -24 || q >= 24 ? q / 24 : 0), NULL);
    case U_DAY: return emit_day(c, l, r, base + q, NULL);
    case U_WEEK: return emit_week(c, l, r, base + 7 * q);
    case U_MONTH: month_add(&y, &m, q); return emit_month(c, l, r, y, m);
    case U_YEAR: return emit_year(c, l, r, y + q);
    default: return emit_decade(c, l, r, (y + 10 * q) / 10 * 10);
    }
}

/* ---- Matchers: each takes its head token and returns the end token of what
** it emitted, or 0 when the head is not a temporal expression here. -------- */

/* MONTH [DAY] [[,] YEAR] at k: the end token, with *m, *d (0: none), *y (0: none). */
static uint32_t month_date_at(const tx_ctx *c, uint32_t k, int *y, int *m, int *d) {
    *m = month_tok(c, k);
    *y = *d = 0;
    if (!*m) return 0;
    uint32_t r = k + 1;
    if ((*d = mday_tok(c, r)) != 0) {
        r++;
        uint32_t j = is(c, r, ",") ? r + 1 : r;
        if ((*y = year_tok(c, j)) != 0) r = j + 1;
    } else if ((*y = year_tok(c, r)) != 0) {
        r++;
    } else if (is(c, r, "of") && (*y = year_tok(c, r + 1)) != 0) {
        r += 2;
    }
    return r;
}

/* Words after which a bare month name is a month ("in March"), not a verb or a name. */
static const kw month_ctx[] = {
    K("in"), K("since"), K("until"), K("till"), K("by"), K("from"), K("through"), K("during"),
    K("early"), K("late"), K("mid"), K("last"), K("next"), K("this"), K("of"), K("before"),
    K("after"), K("around"), K("throughout"), K("to"), K("between"), K("and"), K("or"), K("as"),
    K("for"), K("every"), K("each"), K_END,
};

/* "early", "mid", "late", "the end of", ... before a month or year: the
** first token of the modifier, or k when there is none. */
static uint32_t period_mod(const tx_ctx *c, uint32_t k) {
    static const kw edge[] = {
        K("early"), K("mid"), K("late"), K_END,
    };
    static const kw part[] = {
        K("end"), K("beginning"), K("start"), K("middle"), K("turn"), K_END,
    };
    if (free_at(c, k - 1) && is_any(c, k - 1, edge)) return k - 1;
    if (free_at(c, k - 2) && is(c, k - 1, "of") && is_any(c, k - 2, part))
        return free_at(c, k - 3) && is(c, k - 3, "the") ? k - 3 : k - 2;
    return k;
}

/* "last year", "this year", "next year" (unit "year") or the same with
** "week" at token k: the offset -1, 0, 1 through *off, or false. */
static bool rel_unit_at(const tx_ctx *c, uint32_t k, const char *unit, size_t ul, int *off) {
    if (!free_at(c, k + 1) || !is_n(c, k + 1, unit, ul)) return false;
    *off = rel_offset(c, k);
    return *off != REL_NONE;
}

/* Resolve a day-month with or without year and emit [l, r). */
static uint32_t emit_dm(tx_ctx *c, uint32_t l, uint32_t r, int y, int m, int d) {
    int off;
    /* "March 5 last year" */
    if (!y && c->pub != EL_DATE_UNKNOWN && rel_unit_at(c, r, "year", 4, &off)) {
        int py, pm, pd;
        ymd(c->pub, &py, &pm, &pd);
        y = py + off;
        r += 2;
    }
    if (y) {
        if (!el_date_valid_ymd(y, m, d)) return 0;                 /* "Feb. 29, 2023" */
        return emit_day(c, l, r, el_date_from_ymd(y, m, d), NULL);
    }
    if (d > el_date_days_in_month(2024, m)) return 0;        /* "February 30" */
    if (c->pub == EL_DATE_UNKNOWN) return emit_vague(c, l, r, "day");
    y = year_for(c->pub, m, d, tense_of(c, l, r));
    return y ? emit_day(c, l, r, el_date_from_ymd(y, m, d), NULL) : emit_vague(c, l, r, "day");
}

/* A month name as head: "March 30, 2024", "March 2024", "in March", "last
** December", "May last year". */
static uint32_t at_month(tx_ctx *c, uint32_t i) {
    int y, m, d;
    uint32_t r = month_date_at(c, i, &y, &m, &d);
    if (!r) return 0;
    if (d) return emit_dm(c, i, r, y, m, d);
    uint32_t l = period_mod(c, i);
    if (y) return emit_month(c, l, r, y, m);
    /* A bare month name needs a preposition or modifier: "May" the verb,
    ** "June" the name and "the March deadline" have none. */
    if (l == i && !is_any(c, i - 1, month_ctx)) return 0;
    if (c->pub == EL_DATE_UNKNOWN) return emit_vague(c, l, r, "month");
    int py, pm, pd, off;
    ymd(c->pub, &py, &pm, &pd);
    if (rel_unit_at(c, r, "year", 4, &off))                        /* "May last year" */
        return emit_month(c, l, r + 2, py + off, m);
    if (free_at(c, i - 1) && l == i) {
        if (is(c, i - 1, "last")) return emit_month(c, i - 1, r, m < pm ? py : py - 1, m);
        if (is(c, i - 1, "next")) return emit_month(c, i - 1, r, m > pm ? py : py + 1, m);
        if (is(c, i - 1, "this")) return emit_month(c, i - 1, r, py, m);
    }
    return emit_month(c, l, r, year_for(c->pub, m, 0, tense_of(c, l, r)), m);
}

/* Capitalised words before a weekday that make it part of a name
** ("Black Friday", "Super Tuesday") are caught by the capital test; these
** after it make it a title ("Sunday Times", "Monday Night Football"). */
static const kw weekday_names_after[] = {
    K("times"), K("telegraph"), K("express"), K("mirror"), K("post"), K("herald"), K("tribune"),
    K("world"), K("people"), K("independent"), K("star"), K("mail"), K("observer"), K("sport"),
    K("night"), K("review"), K("business"), K("magazine"), K("edition"), K("show"), K("club"),
    K_END,
};
/* Capitalised words that may stand before a weekday mid-sentence. */
static const kw weekday_ok_before[] = {
    K("on"), K("last"), K("next"), K("this"), K("since"), K("by"), K("until"), K("every"),
    K("each"), K("early"), K("late"), K("coming"), K("past"), K("through"), K("from"), K("before"),
    K("after"), K_END,
};

/* Words before a weekday that, with a capital after it, make it a name. */
static const kw name_before[] = {
    K("the"), K("a"), K("an"), K("old"), K("new"), K("great"), K("grand"), K("historic"), K_END,
};

/* Is the weekday at token i part of a name ("Good Friday", "Sunday Times")? */
static bool weekday_is_name(const tx_ctx *c, uint32_t i) {
    uint32_t p = i - 1;
    if (in_sent(c, p) && cap(c, p) && !sstart(c, p) && !is_any(c, p, weekday_ok_before) &&
        !month_tok(c, p))
        return true;
    if (is(c, p, "on") && is(c, p - 1, "mail")) return true;         /* Mail on Sunday */
    uint32_t n = i + 1;
    if (!in_sent(c, n) || !cap(c, n)) return false;
    if (is_any(c, n, weekday_names_after)) return true;
    /* "the (old) Friday Mosque": a determiner or adjective before, a
    ** capital after; "said Friday Hamas would ..." has a verb before. */
    return !sstart(c, n) && is_any(c, p, name_before);
}

/* Weekday wd of the ISO week of pub, moved a week when the tense says the
** speaker meant the other one (translated copy says "this Tuesday" for a
** day already past). */
static el_date weekday_this(el_date pub, int wd, int tense) {
    el_date v = pub - el_date_weekday(pub) + wd;
    if ((tense == T_FUT || tense == T_PRES) && v < pub) v += 7;
    if (tense == T_PAST && v - pub >= 4) v -= 7;
    return v;
}

/* A weekday name as head, with what may surround it: "last Monday",
** "this Tuesday", "Friday night", "Tuesday, Feb. 13", "every Monday". */
static uint32_t at_weekday(tx_ctx *c, uint32_t i, int wd) {
    if (weekday_is_name(c, i)) return 0;
    uint32_t l = i, r = i + 1;
    int mod = 0;                              /* 'l' last, 'n' next, 't' this */
    uint32_t p = i - 1;
    if (free_at(c, p) && (is(c, p, "every") || is(c, p, "each")))
        return emit_set(c, p, r, el_arena_printf(c->doc->a, "XXXX-WXX-%d", wd + 1));
    if (free_at(c, p) && (is(c, p, "last") || is(c, p, "past"))) mod = 'l', l = p;
    else if (free_at(c, p) && (is(c, p, "next") || is(c, p, "coming"))) mod = 'n', l = p;
    else if (free_at(c, p) && is(c, p, "this")) mod = 't', l = p;
    else if (free_at(c, p) && (is(c, p, "early") || is(c, p, "late"))) l = p;
    if (mod && mod != 't' && free_at(c, l - 1) && is(c, l - 1, "this")) l--;  /* this past Sunday */
    const char *part = part_at(c, r);
    if (part) r++;
    /* "Tuesday, Feb. 13, 2024": the date decides. */
    int y, m, d;
    uint32_t j = is(c, r, ",") ? r + 1 : r;
    uint32_t e = month_date_at(c, j, &y, &m, &d);
    if (e && d) return emit_dm(c, l, e, y, m, d);
    el_date pub = c->pub;
    if (pub == EL_DATE_UNKNOWN) return emit_day(c, l, r, EL_DATE_UNKNOWN, part);
    int back = (el_date_weekday(pub) - wd + 7) % 7, off;
    if (!mod && rel_unit_at(c, r, "week", 4, &off))                 /* Monday next week */
        return emit_day(c, l, r + 2, pub - el_date_weekday(pub) + 7 * off + wd, part);
    if (mod == 'l') return emit_day(c, l, r, pub - (back ? back : 7), part);
    if (mod == 'n') return emit_day(c, l, r, pub + (back ? 7 - back : 7), part);
    int tense = tense_of(c, l, r);
    if (mod == 't') return emit_day(c, l, r, weekday_this(pub, wd, tense), part);
    return emit_day(c, l, r, weekday_near(pub, wd, tense), part);
}

/* "Mondays" as in "on Mondays": a set. */
static uint32_t at_weekdays(tx_ctx *c, uint32_t i) {
    size_t n = tlen(c, i), wl = 0;
    if (n < 7 || ts(c, i)[n - 1] != 's') return 0;
    int wd = el_weekday_at(ts(c, i), n - 1, &wl, false);
    if (wd < 0 || wl != n - 1 || weekday_is_name(c, i)) return 0;
    return emit_set(c, i, i + 1, el_arena_printf(c->doc->a, "XXXX-WXX-%d", wd + 1));
}

/* today, yesterday, tomorrow, tonight [morning|...]; "earlier today". */
static uint32_t at_deictic(tx_ctx *c, uint32_t i, int off, const char *part) {
    if (in_sent(c, i - 1) && cap(c, i - 1) && !sstart(c, i - 1)) return 0;    /* USA Today */
    uint32_t l = i, r = i + 1;
    const char *p2 = part ? NULL : part_at(c, r);
    if (p2) { part = p2; r++; }
    if (free_at(c, i - 1) && (is(c, i - 1, "earlier") || is(c, i - 1, "later"))) l--;
    return emit_day(c, l, r, c->pub == EL_DATE_UNKNOWN ? EL_DATE_UNKNOWN : c->pub + off, part);
}

/* "this morning", "last night", "this evening". */
static uint32_t at_part(tx_ctx *c, uint32_t i, const char *part) {
    uint32_t p = i - 1;
    if (!free_at(c, p)) return 0;
    el_date pub = c->pub;
    if (is(c, p, "this")) return emit_day(c, p, i + 1, pub, part);
    if (is(c, p, "last") && (part[0] == 'N' || part[0] == 'E'))
        return emit_day(c, p, i + 1, pub == EL_DATE_UNKNOWN ? pub : pub - 1, part);
    return 0;
}

/* Which weekend: the tense decides between the one before and the one ahead. */
static uint32_t at_weekend(tx_ctx *c, uint32_t i) {
    uint32_t p = i - 1;
    if (!free_at(c, p) || cap(c, i)) return 0;
    int off = rel_offset(c, p);
    uint32_t l = p;
    if (off == REL_NONE && !is(c, p, "the")) return 0;
    bool ext = free_at(c, p - 1) && (is(c, p - 1, "the") || is(c, p - 1, "this"));
    if ((off == -1 || off == 1) && ext) l = p - 1;             /* "the past weekend" */
    el_date pub = c->pub;
    if (pub == EL_DATE_UNKNOWN) return emit_vague(c, l, i + 1, "weekend");
    int wd = el_date_weekday(pub);
    if (off == -1 || off == 1) return emit_weekend(c, l, i + 1, pub + 7 * off);
    int tense = tense_of(c, l, i + 1);
    /* A plan or supposition midweek is as near the weekend gone as the one to
    ** come; news mostly reports, so ties go to the one gone. */
    bool ahead = tense == T_FUT || tense == T_PRES || (tense == T_IRR && wd >= 3);
    if (off == 0) return emit_weekend(c, l, i + 1, tense == T_PAST && wd <= 1 ? pub - 7 : pub);
    /* "over the weekend": the one just gone, unless it is Sunday (still on). */
    return emit_weekend(c, l, i + 1, ahead || wd == 6 ? pub : pub - 7);
}

/* summer, winter, spring, autumn (and "fall" only after this/last/next). */
static uint32_t at_season(tx_ctx *c, uint32_t i, int s) {
    uint32_t p = i - 1, l = i, r = i + 1;
    int y = 0, mod = 0;
    if (year_tok(c, r)) y = year_tok(c, r), r++;
    else if (is(c, r, "of") && year_tok(c, r + 1)) y = year_tok(c, r + 1), r += 2;
    int off = free_at(c, p) ? rel_offset(c, p) : REL_NONE;
    if (off != REL_NONE) mod = off == 0 ? 't' : off < 0 ? 'l' : 'n', l = p;
    else if (free_at(c, p) && (is(c, p, "early") || is(c, p, "late") || is(c, p, "mid")))
        l = p;
    if (free_at(c, l - 1) && is(c, l - 1, "the")) l--;
    if (y) return emit_season(c, l, r, y, s);
    if (!mod && l == i) return 0;               /* a bare "spring" is not a date */
    if (s == 2 && !mod && !is(c, i, "autumn")) return 0;     /* "the fall" of a city */
    el_date pub = c->pub;
    if (pub == EL_DATE_UNKNOWN) return emit_vague(c, l, r, "season");
    int py, pm, pd;
    ymd(pub, &py, &pm, &pd);
    int tense = mod ? 0 : tense_of(c, l, r);
    int best = 0;
    for (int yy = py - 2; yy <= py + 1; yy++) {
        el_date a = season_start(yy, s), b = season_end(yy, s);
        bool ok;
        if (mod == 'l') ok = b < pub;
        else if (mod == 'n') ok = a > pub && !best;
        else if (mod == 't')          /* the one under way, else the one of this year */
            ok = (a <= pub && pub <= b) || (yy == (s == 3 && pm <= 2 ? py - 1 : py) && !best);
        else if (tense == T_FUT || tense == T_PRES || tense == T_IRR) ok = b >= pub && !best;
        else ok = a <= pub;
        if (ok) best = yy;
    }
    return emit_season(c, l, r, best, s);
}

/* Sets spelt as one adverb: weekly, daily ... */
static uint32_t at_set_word(tx_ctx *c, uint32_t i, const char *v) {
    if (cap(c, i) && !sstart(c, i)) return 0;                        /* Daily Mail */
    return emit_set(c, i, i + 1, v);
}

/* Words before a number that belong to a duration ("nearly six months"),
** and those that do only after "the" ("the last two years", but "will last
** two decades"). */
static const kw dur_mods[] = {
    K("nearly"), K("almost"), K("about"), K("around"), K("some"), K("roughly"), K("approximately"),
    K("over"), K("under"), K("only"), K("just"), K("barely"), K("another"), K_END,
};
static const kw dur_the_mods[] = {
    K("past"), K("last"), K("next"), K("first"), K("final"), K("coming"), K("previous"),
    K("initial"), K("full"), K_END,
};

/* Extend l leftwards over duration modifiers ("more than", "the past"). */
static uint32_t dur_left(const tx_ctx *c, uint32_t l) {
    uint32_t p = l - 1;
    if (free_at(c, p) && is_any(c, p, dur_mods)) {
        l = p;
    } else if (free_at(c, p - 1) && is_any(c, p, dur_the_mods) && is(c, p - 1, "the")) {
        l = p - 1;
    } else if (free_at(c, p - 1) && is(c, p, "than") &&
               (is(c, p - 1, "more") || is(c, p - 1, "less") || is(c, p - 1, "fewer"))) {
        l = p - 1;
    } else if (free_at(c, p - 1) && (is(c, p, "least") || is(c, p, "to")) &&
               (is(c, p - 1, "at") || is(c, p - 1, "up"))) {
        l = p - 1;
    }
    return l;
}

/* A quantity ending at token k: "six", "48", "a", "a few", "a couple of".
** Returns the number (Q_VAGUE for few/several), Q_NONE when none; *l is its
** first token and *art is set when it is just the article "a"/"an". */
static int quantity_before(const tx_ctx *c, uint32_t k, uint32_t *l, bool *art) {
    *art = false;
    *l = k;
    if (!free_at(c, k)) return Q_NONE;
    if (is(c, k, "a") || is(c, k, "an") || is(c, k, "one")) { *art = !is(c, k, "one"); return 1; }
    if (is(c, k, "few") || is(c, k, "several") || is(c, k, "many")) {
        if (free_at(c, k - 1) && is(c, k - 1, "a")) *l = k - 1;
        return Q_VAGUE;
    }
    if (is(c, k, "of") && free_at(c, k - 1) && is(c, k - 1, "couple")) {
        *l = free_at(c, k - 2) && is(c, k - 2, "a") ? k - 2 : k - 1;
        return 2;
    }
    if (is(c, k, "dozen")) {
        *l = free_at(c, k - 1) && is(c, k - 1, "a") ? k - 1 : k;
        return 12;
    }
    if (!(c->t[k].flags & (EL_TOK_NUM | EL_TOK_WORD)) || (cap(c, k) && !sstart(c, k)))
        return Q_NONE;
    int v = number_text(ts(c, k), tlen(c, k));
    return v >= 0 ? v : Q_NONE;
}

/* Words between a number and its unit: "three more days". */
static const kw qty_fill[] = {
    K("more"), K("additional"), K("further"), K("full"), K("straight"), K("consecutive"),
    K("whole"), K("extra"), K("long"), K("successive"), K("short"), K_END,
};
/* Words before an article-quantity ("a week") that make it a time span. */
static const kw art_ctx[] = {
    K("for"), K("within"), K("in"), K("after"), K("nearly"), K("almost"), K("about"), K("over"),
    K("under"), K("than"), K("just"), K("only"), K("around"), K("barely"), K("roughly"),
    K("least"), K_END,
};

/* A number + unit, with what surrounds it: "two weeks ago", "in three days",
** "a day earlier", "every two weeks", "nearly six months". */
static uint32_t at_quantity(tx_ctx *c, uint32_t i, int unit, int mult, uint32_t ql, int q,
                            bool art) {
    uint32_t r = i + 1, l = ql;
    if (q > 0) q *= mult;
    if (free_at(c, l - 1) && (is(c, l - 1, "every") || is(c, l - 1, "each"))) {
        if (q == Q_VAGUE) return 0;
        const char *t = unit == U_HOUR ? "T" : "";
        const char *v = el_arena_printf(c->doc->a, "P%s%d%c", t, q, unit_letter[unit]);
        return emit_set(c, l - 1, r, v);
    }
    bool times = is(c, l - 1, "times");                       /* "three times a year" */
    if (art && free_at(c, l - 1) && (times || is(c, l - 1, "once") || is(c, l - 1, "twice")))
        return emit_set(c, times && free_at(c, l - 2) ? l - 2 : l - 1, r,
                        el_arena_printf(c->doc->a, "P1%c", unit_letter[unit]));
    if (is(c, r, "ago") || (is(c, r, "back") && !is(c, r + 1, "to")))
        return emit_shift(c, l, r + 1, c->pub, q == Q_VAGUE ? q : -q, unit);
    if (is(c, r, "earlier") || is(c, r, "later")) {
        el_date base = anchor_for(c, unit);  /* "a day earlier" than the last day named */
        return emit_shift(c, l, r + 1, base, q == Q_VAGUE ? q : (is(c, r, "later") ? q : -q), unit);
    }
    if (is(c, r, "from") && is(c, r + 1, "now"))
        return emit_shift(c, l, r + 2, c->pub, q, unit);
    /* "in three days" is a date ahead, unless the clause is past ("killed
    ** 40 people in three days"). */
    if (is(c, l - 1, "in") && !is(c, r, "of") && !is(c, r, "and") && q != Q_VAGUE) {
        int t = tense_of(c, l, r);
        if (t != T_PAST) return emit_shift(c, l, r, c->pub, q, unit);
    }
    if (art && !is_any(c, l - 1, art_ctx) && !is_any(c, l - 1, dur_mods) &&
        !(is_any(c, l - 1, dur_the_mods) && is(c, l - 2, "the")))
        return 0;
    return emit_dur(c, dur_left(c, l), r, q, unit);
}

/* A unit word as head: with a quantity (above) or with this/last/next. */
static uint32_t at_unit(tx_ctx *c, uint32_t i, int unit, int mult) {
    if (cap(c, i) && !sstart(c, i)) return 0;                    /* Election Day */
    const char *s = ts(c, i);
    bool plural = s[tlen(c, i) - 1] == 's' || s[tlen(c, i) - 1] == 'S';
    uint32_t k = i - 1, ql;
    bool art;
    if (free_at(c, k) && is_any(c, k, qty_fill)) k--;
    int q = quantity_before(c, k, &ql, &art);
    if (q == Q_NONE && k != i - 1) q = quantity_before(c, k = i - 1, &ql, &art);
    if (q != Q_NONE && (!art || !plural)) return at_quantity(c, i, unit, mult, ql, q, art);
    if (mult != 1 || unit == U_HOUR) return 0;
    uint32_t p = i - 1, r = i + 1;
    /* The anchor, not publication: "the following day" with no day named
    ** before it is vague. */
    el_date pub = c->pub, base = anchor_for(c, unit);
    if (plural) {
        /* "weeks ago", "days earlier", "months before": vague. "for weeks": a vague span. */
        if (is(c, r, "ago") || is(c, r, "earlier") || is(c, r, "later") || is(c, r, "before"))
            return emit_vague(c, i, r + 1, "unknown");
        if (free_at(c, p) && is(c, p, "recent")) return emit_vague(c, p, r, "unknown");
        int off = free_at(c, p - 1) && is(c, p - 1, "the") ? rel_offset(c, p) : REL_NONE;
        if (off == -1 || off == 1) return emit_vague(c, p - 1, r, "unknown");  /* the coming days */
        if (free_at(c, p) && is(c, p, "for")) return emit_dur(c, i, r, Q_VAGUE, unit);
        return 0;
    }
    if (!free_at(c, p)) return 0;
    if (is(c, p, "every") || is(c, p, "each"))
        return emit_set(c, p, r, el_arena_printf(c->doc->a, "P1%c", unit_letter[unit]));
    /* "the following week", "the next day", "the previous month": counted
    ** from the last day the text named (the anchor); vague without one. */
    bool the = free_at(c, p - 1) && is(c, p - 1, "the");
    if (the && (is(c, p, "following") || is(c, p, "previous") || is(c, p, "same") ||
                (unit == U_DAY && is(c, p, "next"))))
        return emit_shift(c, p - 1, r, base, is(c, p, "previous") ? -1 : is(c, p, "same") ? 0 : 1,
                          unit);
    if (unit == U_DAY) {
        if (!is(c, p, "the") || !(is(c, r, "before") || is(c, r, "after"))) return 0;
        int dir = is(c, r, "before") ? -1 : 1;
        if (is(c, r + 1, "yesterday") || is(c, r + 1, "tomorrow"))   /* the day before yesterday */
            return emit_day(c, p, r + 2, pub == EL_DATE_UNKNOWN ? pub : pub + 2 * dir, NULL);
        return emit_day(c, p, r + 1, base == EL_DATE_UNKNOWN ? base : base + dir, NULL);
    }
    int off = rel_offset(c, p);
    if (the && (off == -1 || off == 1)) return emit_dur(c, p - 1, r, 1, unit);   /* the past week */
    if (off == REL_NONE) return 0;
    uint32_t l = p;
    if (off == -1 && free_at(c, l - 1) && is(c, l - 1, "this")) l--;        /* this past week */
    if (free_at(c, l - 1) && (is(c, l - 1, "earlier") || is(c, l - 1, "later") ||
                              is(c, l - 1, "early") || is(c, l - 1, "late") || is(c, l - 1, "mid")))
        l--;
    else l = period_mod(c, l);
    return emit_shift(c, l, r, pub, off, unit);
}

/* A token with hyphens: "six-week", "48-hour", "week-long", "mid-March",
** "mid-2023", "late-1990s". Ages ("13-year-old") are not times. */
static uint32_t at_compound(tx_ctx *c, uint32_t i) {
    const char *s = ts(c, i);
    size_t n = tlen(c, i);
    const char *h = memchr(s, '-', n);
    if (!h) return 0;
    size_t a = (size_t)(h - s);
    const char *rest = h + 1;
    size_t rn = n - a - 1;
    if (el_ieq(s, a, "mid") || el_ieq(s, a, "early") || el_ieq(s, a, "late")) {
        size_t ml;
        int m = el_month_at(rest, rn, &ml, false);
        int y = rn == 4 ? digits(rest, 4) : -1;
        if (m && ml == rn) {
            if (year_tok(c, i + 1)) return emit_month(c, i, i + 2, year_tok(c, i + 1), m);
            if (c->pub == EL_DATE_UNKNOWN) return emit_vague(c, i, i + 1, "month");
            return emit_month(c, i, i + 1, year_for(c->pub, m, 0, tense_of(c, i, i + 1)), m);
        }
        if (y >= 1900 && y <= 2099) return emit_year(c, i, i + 1, y);
        if (rn == 5 && rest[4] == 's' && (y = digits(rest, 4)) >= 1900 && y % 10 == 0)
            return emit_decade(c, i, i + 1, y);
        return 0;
    }
    if (el_isuffix(s, n, "-old") || el_isuffix(s, n, "-olds")) return 0;
    /* unit-long, number-unit[-long], number-number-unit[-long] */
    int q = 1, mult;
    const char *u = s;
    size_t un = a;
    int unit = unit_word(u, un, &mult);
    for (const char *h2 = h; !unit && h2; h2 = memchr(h2 + 1, '-', (size_t)(s + n - h2 - 1))) {
        q = number_text(s, (size_t)(h2 - s));                /* "six", "twenty-four" */
        if (q < 0) continue;
        u = h2 + 1;
        const char *h3 = memchr(u, '-', (size_t)(s + n - u));
        un = h3 ? (size_t)(h3 - u) : (size_t)(s + n - u);
        unit = unit_word(u, un, &mult);
    }
    if (!unit || q <= 0) return 0;
    size_t tail = (size_t)(s + n - (u + un));
    if (tail && !el_ieq(u + un, tail, "-long")) return 0;
    return emit_dur(c, i, i + 1, q * mult, unit);
}

/* A number token: ISO date, day-first date, year, decade. */
static uint32_t at_number(tx_ctx *c, uint32_t i) {
    const char *s = ts(c, i);
    size_t n = tlen(c, i);
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        el_date t = el_date_parse(s, n);
        return t != EL_DATE_UNKNOWN ? emit_day(c, i, i + 1, t, NULL) : 0;
    }
    if (memchr(s, '-', n)) return at_compound(c, i);
    int d = mday_tok(c, i), y, m;
    if (d) {                                         /* 30 March 2024, 7th of October */
        uint32_t k = is(c, i + 1, "of") ? i + 2 : i + 1;
        if ((m = month_tok(c, k)) != 0) {
            uint32_t r = k + 1;
            uint32_t j = is(c, r, ",") ? r + 1 : r;
            if ((y = year_tok(c, j)) != 0) r = j + 1;
            return emit_dm(c, i, r, y, m, d);
        }
        return 0;
    }
    static const kw year_ctx[] = {
        K("in"), K("since"), K("until"), K("till"), K("by"), K("from"), K("through"), K("during"),
        K("before"), K("after"), K("of"), K("throughout"), K("between"), K("early"), K("late"),
        K("mid"), K("around"), K("to"), K("and"), K_END,
    };
    if ((y = year_tok(c, i)) != 0) {
        uint32_t l = period_mod(c, i);
        if (l == i && !is_any(c, i - 1, year_ctx)) return 0;
        /* "in 2000 cases": a count, not a year */
        uint32_t nx = i + 1;
        if (in_sent(c, nx) && plain_word(c, nx) && !cap(c, nx)) {
            const char *w = ts(c, nx);
            size_t wn = tlen(c, nx);
            if (wn > 3 && (w[wn - 1] == 's') && c->t[nx].lemma_len < wn) return 0;
        }
        return emit_year(c, l, i + 1, y);
    }
    if (n == 5 && s[4] == 's' && (y = digits(s, 4)) >= 1900 && y <= 2090 && y % 10 == 0 &&
        (is(c, i - 1, "the") || is_any(c, i - 1, year_ctx))) {
        uint32_t l = is(c, i - 1, "the") && free_at(c, i - 1) ? i - 1 : i;
        return emit_decade(c, period_mod(c, l), i + 1, y);
    }
    return 0;
}

/* Lower-case head words and what each starts. Plurals are listed: the
** surface is matched, not the lemma, because a lemma from the lexicon lies
** elsewhere in memory (a cache miss) and every head is regular. */
enum { H_UNIT = 1, H_TODAY, H_TOMORROW, H_YESTERDAY, H_TONIGHT, H_MORNING, H_AFTERNOON,
       H_EVENING, H_NIGHT, H_WEEKEND, H_SPRING, H_SUMMER, H_AUTUMN, H_WINTER, H_FALL,
       H_DAILY, H_WEEKLY, H_MONTHLY, H_YEARLY, H_HOURLY, H_NIGHTLY, H_ANNUALLY, H_VAGUE };
static const kw heads[] = {
    KC("day", H_UNIT), KC("days", H_UNIT), KC("week", H_UNIT), KC("weeks", H_UNIT),
    KC("month", H_UNIT), KC("months", H_UNIT), KC("year", H_UNIT), KC("years", H_UNIT),
    KC("hour", H_UNIT), KC("hours", H_UNIT), KC("decade", H_UNIT), KC("decades", H_UNIT),
    KC("fortnight", H_UNIT), KC("fortnights", H_UNIT), KC("today", H_TODAY),
    KC("tomorrow", H_TOMORROW), KC("yesterday", H_YESTERDAY), KC("tonight", H_TONIGHT),
    KC("morning", H_MORNING), KC("afternoon", H_AFTERNOON), KC("evening", H_EVENING),
    KC("night", H_NIGHT), KC("weekend", H_WEEKEND), KC("spring", H_SPRING), KC("summer", H_SUMMER),
    KC("autumn", H_AUTUMN), KC("winter", H_WINTER), KC("fall", H_FALL), KC("daily", H_DAILY),
    KC("weekly", H_WEEKLY), KC("monthly", H_MONTHLY), KC("yearly", H_YEARLY),
    KC("hourly", H_HOURLY), KC("nightly", H_NIGHTLY), KC("annually", H_ANNUALLY),
    KC("recently", H_VAGUE), KC("currently", H_VAGUE), KC("lately", H_VAGUE), K_END,
};
#define HEAD_MAX 10     /* longest entry of heads[] */
_Static_assert(sizeof ((el_engine *)0)->time_heads[0] / sizeof(uint32_t) == HEAD_MAX + 1,
               "el_engine.time_heads holds a mask per length up to HEAD_MAX");

/* Bits by length of the first and of the last letters of heads[]: two
** tests turn away nearly every word of a text without reading a table.
** A function of heads[] alone, so the engine keeps them (a document of one
** sentence paid as much for working them out as for its reading). */
void el_time_heads(uint32_t masks[2][HEAD_MAX + 1]) {
    memset(masks, 0, 2 * (HEAD_MAX + 1) * sizeof masks[0][0]);
    for (const kw *h = heads; h->w; h++) {
        EL_ASSERT(h->n <= HEAD_MAX);
        masks[0][h->n] |= 1u << (h->w[0] - 'a');
        masks[1][h->n] |= 1u << (h->w[h->n - 1] - 'a');
    }
}

/* Might the word s (n bytes) be in heads[]? */
static bool maybe_head(const tx_ctx *c, const char *s, size_t n) {
    if (n < 3 || n > HEAD_MAX) return false;
    unsigned f = (unsigned)(el_lower((unsigned char)s[0]) - 'a');
    unsigned l = (unsigned)((unsigned char)s[n - 1] - 'a');
    return f < 26 && l < 26 && (c->head_first[n] >> f & 1) && (c->head_last[n] >> l & 1);
}

/* Dispatch on a lower-case head word. */
static uint32_t at_word(tx_ctx *c, uint32_t i) {
    const kw *h = kw_find(c, i, heads);
    if (!h) return 0;
    int mult, unit;
    switch (h->cls) {
    case H_UNIT:
        unit = unit_word(h->w, h->w[h->n - 1] == 's' ? h->n - 1u : h->n, &mult);
        return at_unit(c, i, unit, mult);
    case H_TODAY: return at_deictic(c, i, 0, NULL);
    case H_TOMORROW: return at_deictic(c, i, 1, NULL);
    case H_YESTERDAY: return at_deictic(c, i, -1, NULL);
    case H_TONIGHT: return at_deictic(c, i, 0, "NI");
    case H_MORNING: return at_part(c, i, "MO");
    case H_AFTERNOON: return at_part(c, i, "AF");
    case H_EVENING: return at_part(c, i, "EV");
    case H_NIGHT: return at_part(c, i, "NI");
    case H_WEEKEND: return at_weekend(c, i);
    case H_SPRING: return at_season(c, i, 0);
    case H_SUMMER: return at_season(c, i, 1);
    case H_AUTUMN: return at_season(c, i, 2);
    case H_WINTER: return at_season(c, i, 3);
    case H_FALL:                 /* "the fall of the city": a season only after this/last/next */
        return free_at(c, i - 1) && rel_offset(c, i - 1) != REL_NONE ? at_season(c, i, 2) : 0;
    case H_DAILY: return at_set_word(c, i, "P1D");
    case H_WEEKLY: return at_set_word(c, i, "P1W");
    case H_MONTHLY: return at_set_word(c, i, "P1M");
    case H_YEARLY: case H_ANNUALLY: return at_set_word(c, i, "P1Y");
    case H_HOURLY: return at_set_word(c, i, "PT1H");
    case H_NIGHTLY: return at_set_word(c, i, "P1D");
    default: return emit_vague(c, i, i + 1, "unknown");
    }
}

/* Could s be a compound at_compound() reads? Those start "mid-", "early-",
** "late-" or end in a unit or "-long" (day, week, month, year, hour, decade,
** long): a look at two letters spares most words the scan for a hyphen. */
static bool maybe_compound(const char *s, size_t n) {
    int first = el_lower((unsigned char)s[0]), last = (unsigned char)s[n - 1];
    bool unit_end = last == 'y' || last == 'k' || last == 'h' || last == 'r' || last == 'e' || last == 'g';
    if (!unit_end && first != 'm' && first != 'e' && first != 'l') return false;
    for (size_t i = 1; i + 1 < n; i++) if (s[i] == '-') return true;
    return false;
}

/* Try every matcher whose head is token i. */
static uint32_t at_token(tx_ctx *c, uint32_t i) {
    const el_token *t = &c->t[i];
    if (t->flags & EL_TOK_NUM) return at_number(c, i);
    if (!(t->flags & EL_TOK_WORD)) return 0;
    const char *s = ts(c, i);
    size_t n = tlen(c, i);
    if ((t->flags & EL_TOK_CAP) && !(t->flags & EL_TOK_UPPER)) {
        /* Most capitalised words are names: test the shape before the tables. */
        size_t wl;
        if (n >= 6 && n <= 10 && (s[n - 1] == 'y' || s[n - 1] == 's')) {
            int wd = el_weekday_at(s, n, &wl, false);
            if (wd >= 0 && wl == n) return at_weekday(c, i, wd);
            if (wd < 0 && s[n - 1] == 's') { uint32_t r = at_weekdays(c, i); if (r) return r; }
        }
        if (month_tok(c, i)) return at_month(c, i);
        if (!(t->flags & EL_TOK_SSTART)) return 0;
    }
    if (t->flags & EL_TOK_UPPER) return 0;
    if (n >= 5 && maybe_compound(s, n)) return at_compound(c, i);
    return maybe_head(c, s, n) ? at_word(c, i) : 0;
}

int el_time_annotate(const el_engine *e, el_doc *doc, el_timex **out, size_t *n_out) {
    tx_ctx c = {.lex = e ? e->lex : NULL, .doc = doc, .b = doc->body, .t = doc->toks,
                .pub = doc->date, .anchor = EL_DATE_UNKNOWN};
    uint32_t own[2][HEAD_MAX + 1];
    if (!e) el_time_heads(own);             /* no engine (unit tests): work them out here */
    c.head_first = e ? e->time_heads[0] : own[0];
    c.head_last = e ? e->time_heads[1] : own[1];
    for (size_t si = 0; si < doc->n_sents; si++) {
        const el_sent *s = &doc->sents[si];
        c.s0 = s->tok;
        c.s1 = s->tok + s->n_tok;
        c.sent = (uint32_t)si;
        c.claimed = c.s0;
        for (uint32_t i = c.s0; i < c.s1; i++) {
            if (i < c.claimed) continue;
            at_token(&c, i);
        }
    }
    *out = c.out.v;
    *n_out = c.out.n;
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}

/* Is there a clause break (";", a dash, a new sentence) between bytes a and b? */
static bool clause_break(const el_doc *doc, uint32_t a, uint32_t b) {
    if (a > b) { uint32_t x = a; a = b; b = x; }
    for (uint32_t k = a; k < b && k < doc->body_len; k++) {
        unsigned char ch = (unsigned char)doc->body[k];
        if (ch == ';') return true;
        if (ch == 0xE2 && k + 2 < doc->body_len && (unsigned char)doc->body[k + 1] == 0x80 &&
            ((unsigned char)doc->body[k + 2] == 0x94 || (unsigned char)doc->body[k + 2] == 0x93))
            return true;
    }
    return false;
}

el_date el_time_for_span(const el_doc *doc, const el_timex *tx, size_t n_tx, uint32_t sent,
                         uint32_t at, const char **granularity, bool *from_pub) {
    const el_timex *best = NULL;
    long best_cost = 0;
    for (size_t k = 0; k < n_tx; k++) {
        const el_timex *x = &tx[k];
        if (x->sent != sent || x->type != EL_TIME_DATE || x->first == EL_DATE_UNKNOWN) continue;
        long cost;
        if (at == UINT32_MAX) cost = (long)k;                  /* the sentence: its first date */
        else {
            uint32_t mid = at < x->start ? x->start : at > x->end ? x->end : at;
            cost = labs((long)mid - (long)at);
            if (clause_break(doc, at, mid)) cost += 1L << 30;
        }
        if (!best || cost < best_cost) { best = x; best_cost = cost; }
    }
    if (best) {
        if (granularity) *granularity = best->granularity;
        if (from_pub) *from_pub = false;
        return best->first;
    }
    if (from_pub) *from_pub = doc->date != EL_DATE_UNKNOWN;
    if (granularity) *granularity = doc->date != EL_DATE_UNKNOWN ? "day" : "unknown";
    return doc->date;
}
