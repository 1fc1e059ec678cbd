/*
** annotate_count.c: stage 4 helper, numbers in news text and what they count.
** In:  a segmented el_doc (tokens, lemmas, sentences); doc->times if present.
** Out: doc->counts (see annotate_count.h), in body order, in doc->a.
** Two steps per sentence. el_numbers_find() recognises every number form
** ("1,500", "1.4 million", "thirty", "a dozen", "35 to 40", "tens of
** thousands", "twice as many") with its qualifier and sorts out the numbers
** that are not counts (years, dates, ages, times, phones, ordinals, names).
** annotate_sentence() then finds the group counted, the kind, the date, the
** place and the attribution. Word tables are read through per-document bit
** filters, so a token that is no number costs a table load or a hash.
*/
#include "annotate_count.h"
#include "kwfilter.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "annotate_quote.h"
#include "annotate_time.h"
#include "textutil.h"

/* KEEP IN SYNC: enum el_num_class, el_count_kind and el_qual in annotate_count.h. */
static const char *const num_class_names[EL_NUM__COUNT] = {
    "count", "money", "percent", "year", "date", "time", "age", "ordinal", "phone",
    "duration", "measure", "name", "other",
};
static const char *const kind_names[EL_KIND__COUNT] = {
    "killed", "wounded", "hostage", "kidnapped", "released", "prisoner", "displaced",
    "arrested", "protesters", "affected", "other", "money", "percent",
};
static const char *const qual_names[EL_QUAL__COUNT] = {
    NULL, "about", "some", "roughly", "nearly", "at least", "more than", "up to",
    "as many as", "fewer than", "relative",
};

const char *el_num_class_name(int c) { return c >= 0 && c < EL_NUM__COUNT ? num_class_names[c] : "?"; }
const char *el_count_kind_name(int k) { return k >= 0 && k < EL_KIND__COUNT ? kind_names[k] : "?"; }
const char *el_qual_name(int q) { return q > 0 && q < EL_QUAL__COUNT ? qual_names[q] : NULL; }

/* ---- Token tests ---------------------------------------------------------- */

/* Word tables and their filter: kwfilter.h. */

typedef struct sx {                 /* one sentence being read */
    const el_doc *doc;
    const el_token *t;
    size_t a, b;                    /* its tokens [a, b) */
    const el_kwfilter *nf;          /* words that may start a number */
    const el_kwfilter *cf;          /* cue lemmas of every kind */
    const el_kwfilter *lf;          /* unit, currency and time words after a figure */
} sx;

static size_t tl(const sx *x, size_t k) { return x->t[k].end - x->t[k].start; }
static const char *tt(const sx *x, size_t k) { return x->doc->body + x->t[k].start; }
static bool in(const sx *x, size_t k) { return k >= x->a && k < x->b; }
static bool isnum(const sx *x, size_t k) { return in(x, k) && (x->t[k].flags & EL_TOK_NUM); }
static bool isword(const sx *x, size_t k) { return in(x, k) && (x->t[k].flags & EL_TOK_WORD); }
static bool iscap(const sx *x, size_t k) { return in(x, k) && (x->t[k].flags & EL_TOK_CAP); }

/* Token k is the lower-case word w[0..n) (ASCII case ignored). is() takes a literal. */
static inline bool is_n(const sx *x, size_t k, const char *w, size_t n) {
    return in(x, k) && tl(x, k) == n && eq_lower(tt(x, k), w, n);
}
#define is(x, k, w) is_n((x), (k), (w), sizeof(w) - 1)
/* Token k's lemma is l[0..n). lem() takes a literal. */
static bool lem_n(const sx *x, size_t k, const char *l, size_t n) {
    return in(x, k) && x->t[k].lemma_len == n && memcmp(x->t[k].lemma, l, n) == 0;
}
#define lem(x, k, l) lem_n((x), (k), (l), sizeof(l) - 1)
/* Index of token k's text (or lemma) in a table, or -1. */
static int word_in(const sx *x, size_t k, const kw *list) {
    if (!in(x, k)) return -1;
    size_t n = tl(x, k);
    for (int i = 0; list[i].w; i++) if (list[i].n == n && eq_lower(tt(x, k), list[i].w, n)) return i;
    return -1;
}
static int lem_in(const sx *x, size_t k, const kw *list) {
    if (!in(x, k)) return -1;
    size_t n = x->t[k].lemma_len;
    for (int i = 0; list[i].w; i++)
        if (list[i].n == n && memcmp(x->t[k].lemma, list[i].w, n) == 0) return i;
    return -1;
}
static bool punct_n(const sx *x, size_t k, const char *p, size_t n) {
    return in(x, k) && (x->t[k].flags & EL_TOK_PUNCT) && tl(x, k) == n && memcmp(tt(x, k), p, n) == 0;
}
#define punct(x, k, p) punct_n((x), (k), (p), sizeof(p) - 1)
/* A dash or hyphen standing alone: - – — */
static bool dash(const sx *x, size_t k) {
    return punct(x, k, "-") || punct(x, k, "\xE2\x80\x93") || punct(x, k, "\xE2\x80\x94");
}

/* ---- Number words --------------------------------------------------------- */

static const kw units[] = {
    K("zero"), K("one"), K("two"), K("three"), K("four"), K("five"), K("six"), K("seven"), K("eight"), K("nine"), K("ten"),
    K("eleven"), K("twelve"), K("thirteen"), K("fourteen"), K("fifteen"), K("sixteen"), K("seventeen"),
    K("eighteen"), K("nineteen"), K_END,
};
static const kw tens[] = {
    K("twenty"), K("thirty"), K("forty"), K("fifty"), K("sixty"), K("seventy"), K("eighty"), K("ninety"), K_END,
};
/* Value of a unit, a ten or "twenty-five" in s[0..n); -1 if none. */
static int small_number(const char *s, size_t n) {
    for (int i = 0; units[i].w; i++) if (units[i].n == n && eq_lower(s, units[i].w, n)) return i;
    for (int i = 0; tens[i].w; i++) {
        size_t m = tens[i].n;
        if (m == n && eq_lower(s, tens[i].w, n)) return 20 + 10 * i;
        if (n > m + 1 && s[m] == '-' && eq_lower(s, tens[i].w, m)) {
            for (int u = 1; u <= 9; u++)
                if (units[u].n == n - m - 1 && eq_lower(s + m + 1, units[u].w, n - m - 1)) return 20 + 10 * i + u;
        }
    }
    return -1;
}
static double scale_word(const sx *x, size_t k) {
    if (is(x, k, "hundred")) return 1e2;
    if (is(x, k, "thousand")) return 1e3;
    if (is(x, k, "million") || is(x, k, "mln")) return 1e6;
    if (is(x, k, "billion") || is(x, k, "bn")) return 1e9;
    if (is(x, k, "trillion")) return 1e12;
    return 0;
}

/* Words that may start a number besides units and tens; with them they
** fill the filter may_start() reads. */
static const kw num_starts[] = {
    K("hundred"), K("thousand"), K("million"), K("billion"), K("trillion"), K("mln"), K("bn"),
    K("dozen"), K("dozens"), K("scores"), K("hundreds"), K("thousands"), K("millions"),
    K("billions"), K("tens"), K("several"), K("twice"), K("double"), K("half"), K("handful"),
    K("few"), K_END,
};

static void num_filter(kwbits *f) {
    memset(f, 0, sizeof *f);
    kw_fill(f, units);
    kw_fill(f, tens);
    kw_fill(f, num_starts);
    /* "twenty-five": the filter reads the length and two letters at each end */
    for (int t = 0; tens[t].w; t++)
        for (int u = 1; u <= 9; u++)
            kw_set(f, kw_mix(tens[t].n + 1 + units[u].n, tens[t].w[0], tens[t].w[1],
                             units[u].w[units[u].n - 2], units[u].w[units[u].n - 1]),
                   tens[t].w[0], tens[t].w[1], tens[t].n + 1 + units[u].n);
}

/* Can token k start a number? One bit of the filter decides for almost
** every word; "a"/"an" only before a number word ("a dozen", "a few"). */
static bool may_start(const sx *x, size_t k) {
    const el_token *t = &x->t[k];
    if (t->flags & EL_TOK_NUM) return true;
    if (!(t->flags & EL_TOK_WORD)) return false;
    const char *s = tt(x, k);
    size_t n = tl(x, k);
    /* "a" or "an", in any case: asked of every token, so by hand */
    if (n <= 2 && (s[0] | 0x20) == 'a' && (n == 1 || (s[1] | 0x20) == 'n'))
        return in(x, k + 1) && (x->t[k + 1].flags & EL_TOK_WORD) && kw_maybe(x->nf, tt(x, k + 1), tl(x, k + 1));
    return kw_maybe(x->nf, s, n);
}

/* Parse a digit token ("1,500", "1.4", "28,000", "1.4m", "1.500"): the
** value, and in *suffix the letters after the digits (empty when none).
** Returns false when the token is not a plain figure (dates, times, ranges
** and compounds are told apart by the caller from *shape). */
enum { SH_COMMA = 1, SH_DOT = 2, SH_COLON = 4, SH_HYPHEN = 8, SH_EURO = 16, SH_BADCOMMA = 32 };
static double parse_digits(const char *s, size_t n, size_t *used, int *shape) {
    double v = 0;
    size_t i = 0, intdig = 0, group = 0;
    *shape = 0;
    while (i < n && (el_is_digit((unsigned char)s[i]) || s[i] == ',')) {
        if (s[i] == ',') {
            if (group != 3 && (*shape & SH_COMMA)) *shape |= SH_BADCOMMA;
            if (intdig > 3 && !(*shape & SH_COMMA)) *shape |= SH_BADCOMMA;
            *shape |= SH_COMMA;
            group = 0;
        } else {
            v = v * 10 + (s[i] - '0');
            intdig++;
            group++;
        }
        i++;
    }
    if ((*shape & SH_COMMA) && group != 3) *shape |= SH_BADCOMMA;
    if (i < n && s[i] == '.' && i + 1 < n && el_is_digit((unsigned char)s[i + 1])) {
        size_t d0 = ++i;
        double f = 0.1;
        while (i < n && el_is_digit((unsigned char)s[i])) { v += (s[i] - '0') * f; f /= 10; i++; }
        *shape |= SH_DOT;
        /* "1.500 prisoners" in a translation from Spanish: a thousands dot. */
        if (i - d0 == 3 && !(*shape & SH_COMMA) && intdig <= 3 && (i == n || s[i] != '.'))
            *shape |= SH_EURO;
    }
    if (i < n && s[i] == ':') *shape |= SH_COLON;
    if (i < n && (s[i] == '-' || s[i] == '.' || s[i] == '/')) *shape |= SH_HYPHEN;
    *used = i;
    return v;
}

/* Words after a number that make it something other than a count. */
static const kw time_units[] = {
    K("second"), K("minute"), K("hour"), K("day"), K("week"), K("month"), K("year"), K("decade"), K("century"),
    K("fortnight"), K("night"), K("weekend"), K("morning"), K("evening"), K_END,
};
static const kw measure_units[] = {
    K("km"), K("kilometre"), K("kilometer"), K("kilometres"), K("kilometers"), K("mile"), K("metre"), K("meter"),
    K("kg"), K("kilogram"), K("ton"), K("tonne"), K("foot"), K("feet"), K("inch"), K("acre"), K("hectare"), K("litre"),
    K("liter"), K("gallon"), K("barrel"), K("degree"), K("mph"), K("kph"), K("mm"), K("cm"), K("sq"), K("square"),
    K("cubic"), K("megawatt"), K("mw"), K("gw"), K("kw"), K("calorie"), K("yard"), K("lb"), K("lbs"), K("ounce"),
    K("gram"), K("byte"), K("megabyte"), K("gigabyte"), K("mb"), K("gb"), K("tb"), K("pixel"), K("point"), K("goal"),
    K("run"), K("wicket"), K("vote"), K("seat"), K_END,
};
static const kw currencies[] = {
    K("dollar"), K("euro"), K("pound"), K("shekel"), K("yen"), K("yuan"), K("rupee"), K("riyal"), K("dinar"), K("franc"),
    K("rouble"), K("ruble"), K("lira"), K("dirham"), K("peso"), K("krone"), K("krona"), K("won"), K("cent"), K("penny"),
    K("pence"), K("usd"), K("nis"), K("eur"), K("gbp"), K("buck"), K("sterling"), K("dlr"), K("dlrs"), K("cts"), K_END,
};
static const kw currency_signs[] = {
    K("$"), K("\xE2\x82\xAC"), K("\xC2\xA3"), K("\xC2\xA5"), K("\xE2\x82\xAA"), K("usd"), K("nis"), K("eur"), K("gbp"),
    K("us$"), K_END,
};
static const kw time_marks[] = {
    K("a.m."), K("p.m."), K("am"), K("pm"), K("gmt"), K("utc"), K("o'clock"), K("o\xE2\x80\x99" "clock"), K("hrs"), K("est"), K("edt"), K("bst"), K("cet"), K_END,
};
/* Words before a number that make it a name or a label. */
static const kw label_words[] = {
    K("no."), K("number"), K("nos."), K("#"), K("page"), K("chapter"), K("article"), K("section"), K("resolution"),
    K("route"), K("highway"), K("flight"), K("channel"), K("room"), K("gate"), K("platform"), K("bus"), K("line"),
    K("unit"), K("brigade"), K("division"), K("battalion"), K("apartment"), K("building"), K("version"), K_END,
};

static void unit_filter(kwbits *f) {
    memset(f, 0, sizeof *f);
    kw_fill(f, currencies);
    kw_fill(f, time_marks);
    kw_fill(f, time_units);
    kw_fill(f, measure_units);
}

/* Nouns for people and groups of people: a count of these is worth
** reporting even without a kind ("some 10,000 Hamas terrorists"). Lemmas. */
static const kw population[] = {
    K("people"), K("person"), K("civilian"), K("resident"), K("child"), K("children"), K("woman"), K("women"), K("man"),
    K("men"), K("soldier"), K("troop"), K("fighter"), K("militant"), K("terrorist"), K("gunman"), K("gunmen"),
    K("citizen"), K("villager"), K("family"), K("worker"), K("student"), K("journalist"), K("patient"), K("refugee"),
    K("migrant"), K("settler"), K("individual"), K("member"), K("officer"), K("police"), K("policeman"),
    K("personnel"), K("staff"), K("doctor"), K("nurse"), K("baby"), K("infant"), K("minor"), K("teenager"), K("boy"),
    K("girl"), K("employee"), K("passenger"), K("victim"), K("combatant"), K("others"), K("hostage"), K("captive"),
    K("abductee"), K("abductees"), K("prisoner"), K("inmate"), K("detainee"), K("protester"), K("demonstrator"),
    K("casualty"), K("evacuee"), K("israeli"), K("palestinian"), K("gazan"), K("inhabitant"), K("adult"),
    K("elderly"), K("pilgrim"), K("worshipper"), K("voter"), K("sailor"), K("crew"), K("body"), K("dead"),
    K("wounded"), K("injured"), K("displaced"), K("youth"), K("teen"), K("fatality"), K_END,
};

/* ---- Recognising numbers -------------------------------------------------- */

typedef struct core {
    size_t end;                 /* first token after the figure */
    double v, lo, hi;           /* v: point value; lo/hi: vague bounds */
    bool vague, digits, plain;  /* plain: an integer of digits, no comma */
    int cls;                    /* a class the token itself decides, else -1 */
    int shape;
} core;

/* Words for vague amounts: "dozens", "hundreds", "thousands" ... */
static bool vague_at(const sx *x, size_t k, core *c) {
    static const struct { kw w; double lo, hi; } v[] = {
        {K("dozens"), 24, 99}, {K("scores"), 40, 99}, {K("hundreds"), 200, 999},
        {K("thousands"), 2000, 9999}, {K("millions"), 2e6, 9.99e6}, {K("billions"), 2e9, 9.99e9},
    };
    /* "tens of thousands", "hundreds of thousands" */
    if ((is(x, k, "tens") || is(x, k, "hundreds")) && is(x, k + 1, "of") &&
        (is(x, k + 2, "thousands") || is(x, k + 2, "millions"))) {
        double base = is(x, k + 2, "thousands") ? 1e3 : 1e6;
        double m = is(x, k, "tens") ? 10 : 100;
        *c = (core){.end = k + 3, .v = NAN, .lo = 2 * m * base, .hi = 10 * m * base - 1,
                    .vague = true, .cls = -1};
        return true;
    }
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (is_n(x, k, v[i].w.w, v[i].w.n)) {
            *c = (core){.end = k + 1, .v = NAN, .lo = v[i].lo, .hi = v[i].hi, .vague = true, .cls = -1};
            return true;
        }
    /* "several hundred", "a few thousand", "a handful" */
    size_t j = k;
    if (is(x, k, "several")) j = k + 1;
    else if (is(x, k, "a") && is(x, k + 1, "few")) j = k + 2;
    if (j > k) {
        double s = scale_word(x, j);
        if (!s && is(x, j, "dozen")) s = 12;
        if (s) {
            *c = (core){.end = j + 1, .v = NAN, .lo = 3 * s, .hi = 9 * s, .vague = true, .cls = -1};
            return true;
        }
    }
    if (is(x, k, "a") && is(x, k + 1, "handful")) {
        *c = (core){.end = k + 2, .v = NAN, .lo = 2, .hi = 5, .vague = true, .cls = -1};
        return true;
    }
    return false;
}

/* Words making a number: "two hundred and fifty", "a dozen", "half a
** million", "one", "thirty". */
static bool words_at(const sx *x, size_t k, core *c) {
    double total = 0, cur = 0;
    bool any = false, last_scale = false;
    size_t j = k;
    if ((is(x, j, "a") || is(x, j, "an") || is(x, j, "one")) && (scale_word(x, j + 1) || is(x, j + 1, "dozen"))) {
        cur = 1; any = true; j++;
    } else if (is(x, j, "half") && (is(x, j + 1, "a") || is(x, j + 1, "an")) && scale_word(x, j + 2) >= 1e3) {
        total = 0.5 * scale_word(x, j + 2);
        *c = (core){.end = j + 3, .v = total, .cls = -1};
        return true;
    }
    while (in(x, j) && (x->t[j].flags & EL_TOK_WORD)) {
        int sn = small_number(tt(x, j), tl(x, j));
        double s = scale_word(x, j);
        if (sn >= 0) {
            if (any && !last_scale && cur >= 20 && fmod(cur, 10) == 0 && sn < 10) cur += sn;
            else if (any && !last_scale) break;                 /* "two three": not one number */
            else cur += sn;
            any = true; last_scale = false;
        } else if (s == 1e2 && any) {
            cur = (cur ? cur : 1) * 100; last_scale = true;
        } else if (s >= 1e3 && any) {
            total += (cur ? cur : 1) * s; cur = 0; last_scale = true;
        } else if (is(x, j, "dozen") && any) {
            cur = (cur ? cur : 1) * 12; last_scale = true;
        } else if (is(x, j, "and") && any && last_scale && small_number(tt(x, j + 1), tl(x, j + 1)) >= 0) {
            last_scale = false;                                 /* "one hundred and five" */
        } else {
            break;
        }
        j++;
    }
    if (!any) return false;
    *c = (core){.end = j, .v = total + cur, .cls = -1};
    return true;
}

/* A figure of digits, with a scale word after it ("1.4 million"). */
static bool digits_at(const sx *x, size_t k, core *c) {
    const char *s = tt(x, k);
    size_t n = tl(x, k), used;
    int shape;
    double v = parse_digits(s, n, &used, &shape);
    *c = (core){.end = k + 1, .v = v, .digits = true, .cls = -1, .shape = shape};
    const char *suf = s + used;
    size_t sl = n - used;
    c->plain = !(shape & (SH_COMMA | SH_DOT)) && sl == 0;
    if (shape & SH_COLON) { c->cls = EL_NUM_TIME; return true; }
    if (shape & SH_BADCOMMA) { c->cls = EL_NUM_OTHER; return true; }    /* "1,2,3,4": a list */
    if (shape & SH_HYPHEN) {
        /* 2024-02-13, 49-year-old, 35-40, 6-week, 555-1234, 2023-24 */
        int parts = 1, hy = 0;
        bool letters = false;
        for (size_t i = used; i < n; i++) {
            if (s[i] == '-' || s[i] == '.' || s[i] == '/') { parts++; hy++; }
            else if (!el_is_digit((unsigned char)s[i])) letters = true;
        }
        if (letters) {
            if (el_ifind(s, n, "-year") >= 0 && el_ifind(s, n, "old") >= 0) c->cls = EL_NUM_AGE;
            else if (el_ifind(s, n, "-month-old") >= 0 || el_ifind(s, n, "-week-old") >= 0 ||
                     el_ifind(s, n, "-day-old") >= 0) c->cls = EL_NUM_AGE;
            else {
                c->cls = EL_NUM_OTHER;           /* a compound: "6-week", "3-phase", "10-member" */
                for (int i = 0; time_units[i].w; i++)
                    if (el_iprefix(s + used + 1, n - used - 1, time_units[i].w)) c->cls = EL_NUM_DURATION;
            }
            return true;
        }
        if (parts == 3 && used == 4) { c->cls = EL_NUM_DATE; return true; }      /* 2024-02-13 */
        if (parts == 3 && s[used] == '/') { c->cls = EL_NUM_DATE; return true; }
        if (parts >= 3) { c->cls = EL_NUM_PHONE; return true; }
        /* Two parts: a range, a year span, a phone number or a score. */
        size_t u2;
        int sh2;
        double w = parse_digits(s + used + 1, n - used - 1, &u2, &sh2);
        if (used == 4 && v >= 1800 && v <= 2100 && (u2 == 2 || u2 == 4)) { c->cls = EL_NUM_YEAR; return true; }
        if (used >= 3 && u2 >= 4 && !(shape & SH_COMMA)) { c->cls = EL_NUM_PHONE; return true; }
        if (s[used] == '/') { c->cls = EL_NUM_OTHER; return true; }       /* 9/11, 24/7 */
        if (w > v) { c->lo = v; c->hi = w; c->v = NAN; return true; }
        c->cls = EL_NUM_OTHER;                                          /* 3-1: a score */
        return true;
    }
    if (sl) {
        if (el_ieq(suf, sl, "st") || el_ieq(suf, sl, "nd") || el_ieq(suf, sl, "rd") || el_ieq(suf, sl, "th"))
            c->cls = EL_NUM_ORDINAL;
        else if (el_ieq(suf, sl, "am") || el_ieq(suf, sl, "pm") || el_ieq(suf, sl, "h") || el_ieq(suf, sl, "hrs"))
            c->cls = EL_NUM_TIME;
        else if (el_ieq(suf, sl, "m") || el_ieq(suf, sl, "mn") || el_ieq(suf, sl, "mln")) c->v = v * 1e6;
        else if (el_ieq(suf, sl, "bn") || el_ieq(suf, sl, "b")) c->v = v * 1e9;
        else if (el_ieq(suf, sl, "k")) c->v = v * 1e3;
        else if (el_ieq(suf, sl, "s") && used == 4) c->cls = EL_NUM_YEAR;    /* the 1990s */
        else if (el_ieq(suf, sl, "s")) c->cls = EL_NUM_AGE;                  /* in their 20s */
        else {
            c->cls = EL_NUM_MEASURE;                                         /* 10km, 5kg */
            for (int i = 0; measure_units[i].w; i++)
                if (measure_units[i].n == sl && eq_lower(suf, measure_units[i].w, sl)) return true;
            c->cls = EL_NUM_OTHER;
        }
        return true;
    }
    double sc = scale_word(x, k + 1);
    if (sc >= 1e3 || (sc == 1e2 && c->plain)) {
        c->v = v * sc;
        c->end = k + 2;
        if (sc == 1e2 && scale_word(x, k + 2) >= 1e3) { c->v *= scale_word(x, k + 2); c->end++; }
        c->plain = false;
    } else if (shape & SH_EURO) {
        /* 1.500 with no scale after it: a thousands dot, read as 1500. */
        c->v = round(v * 1000);
        c->plain = false;
    }
    return true;
}

/* Any figure starting at token k. */
static bool core_at(const sx *x, size_t k, core *c) {
    if (!in(x, k) || !may_start(x, k)) return false;
    if (x->t[k].flags & EL_TOK_NUM) return digits_at(x, k, c);
    if (vague_at(x, k, c)) return true;
    if (!words_at(x, k, c)) return false;
    /* A number word glued to a noun by a hyphen is a compound adjective
    ** ("six-week", "two-state", "three-phase"): words_at() never takes those
    ** because small_number() sees the whole token. */
    return true;
}

/* Qualifiers before a figure, longest first. KEEP the canonical names in
** qual_names[]. */
typedef struct qpat { kw w[3]; uint8_t n, q; } qpat;
static const qpat quals[] = {
    {{K("no"), K("fewer"), K("than")}, 3, EL_QUAL_AT_LEAST},
    {{K("no"), K("less"), K("than")}, 3, EL_QUAL_AT_LEAST},
    {{K("not"), K("less"), K("than")}, 3, EL_QUAL_AT_LEAST},
    {{K("a"), K("minimum"), K("of")}, 3, EL_QUAL_AT_LEAST},
    {{K("no"), K("more"), K("than")}, 3, EL_QUAL_UP_TO},
    {{K("not"), K("more"), K("than")}, 3, EL_QUAL_UP_TO},
    {{K("a"), K("maximum"), K("of")}, 3, EL_QUAL_UP_TO},
    {{K("in"), K("excess"), K("of")}, 3, EL_QUAL_MORE_THAN},
    {{K("as"), K("many"), K("as")}, 3, EL_QUAL_AS_MANY_AS},
    {{K("as"), K("much"), K("as")}, 3, EL_QUAL_AS_MANY_AS},
    {{K("as"), K("few"), K("as")}, 3, EL_QUAL_AT_LEAST},
    {{K("at"), K("least")}, 2, EL_QUAL_AT_LEAST},
    {{K("at"), K("most")}, 2, EL_QUAL_UP_TO},
    {{K("more"), K("than")}, 2, EL_QUAL_MORE_THAN},
    {{K("greater"), K("than")}, 2, EL_QUAL_MORE_THAN},
    {{K("upwards"), K("of")}, 2, EL_QUAL_MORE_THAN},
    {{K("just"), K("over")}, 2, EL_QUAL_MORE_THAN},
    {{K("well"), K("over")}, 2, EL_QUAL_MORE_THAN},
    {{K("fewer"), K("than")}, 2, EL_QUAL_FEWER_THAN},
    {{K("less"), K("than")}, 2, EL_QUAL_FEWER_THAN},
    {{K("just"), K("under")}, 2, EL_QUAL_NEARLY},
    {{K("close"), K("to")}, 2, EL_QUAL_NEARLY},
    {{K("up"), K("to")}, 2, EL_QUAL_UP_TO},
    {{K("an"), K("estimated")}, 2, EL_QUAL_ABOUT},
    {{K("some")}, 1, EL_QUAL_SOME},
    {{K("about")}, 1, EL_QUAL_ABOUT},
    {{K("around")}, 1, EL_QUAL_ABOUT},
    {{K("approximately")}, 1, EL_QUAL_ABOUT},
    {{K("approx.")}, 1, EL_QUAL_ABOUT},
    {{K("estimated")}, 1, EL_QUAL_ABOUT},
    {{K("circa")}, 1, EL_QUAL_ABOUT},
    {{K("roughly")}, 1, EL_QUAL_ROUGHLY},
    {{K("nearly")}, 1, EL_QUAL_NEARLY},
    {{K("almost")}, 1, EL_QUAL_NEARLY},
    {{K("over")}, 1, EL_QUAL_MORE_THAN},
    {{K("above")}, 1, EL_QUAL_MORE_THAN},
    {{K("under")}, 1, EL_QUAL_FEWER_THAN},
    {{K("below")}, 1, EL_QUAL_FEWER_THAN},
};

/* Qualifier ending just before token k: sets *q, returns its first token (k if none). */
static size_t qual_before(const sx *x, size_t k, uint8_t *q) {
    *q = EL_QUAL_NONE;
    if (k <= x->a || !(x->t[k - 1].flags & EL_TOK_WORD)) return k;
    size_t ln = tl(x, k - 1);
    int c0 = el_lower((unsigned char)tt(x, k - 1)[0]);
    for (size_t p = 0; p < sizeof quals / sizeof quals[0]; p++) {
        size_t n = quals[p].n;
        const kw *last = &quals[p].w[n - 1];
        if (last->n != ln || last->w[0] != c0 || k < x->a + n) continue;     /* quick no */
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) ok = is_n(x, k - n + i, quals[p].w[i].w, quals[p].w[i].n);
        if (ok) { *q = quals[p].q; return k - n; }
    }
    return k;
}

/* "twice as many", "three times as many", "double the number of". */
static bool relative_at(const sx *x, size_t k, el_number *n) {
    double f = 0;
    size_t j = k;
    if (is(x, k, "twice")) { f = 2; j = k + 1; }
    else if (is(x, k, "double") && is(x, k + 1, "the") && is(x, k + 2, "number")) { f = 2; j = k + 1; }
    else if (is(x, k, "half") && is(x, k + 1, "as")) { f = 0.5; j = k + 1; }
    else if (is(x, k + 1, "times") && is(x, k + 2, "as")) {
        core c;
        if (!core_at(x, k, &c) || c.end != k + 1 || isnan(c.v)) return false;
        f = c.v; j = k + 2;
    }
    if (!f) return false;
    size_t e;
    if (is(x, j, "as") && (is(x, j + 1, "many") || is(x, j + 1, "much"))) e = j + 2;
    else if (is(x, j, "the") && is(x, j + 1, "number")) e = j + 2;
    else return false;
    *n = (el_number){.tok = (uint32_t)k, .tok_end = (uint32_t)e, .core = (uint32_t)k,
                     .cls = EL_NUM_COUNT, .qual = EL_QUAL_RELATIVE, .value = NAN, .min = NAN,
                     .max = NAN, .factor = f};
    return true;
}

/* May token k be a unit, currency or time word (text or lemma)? */
static bool unit_word(const sx *x, size_t k) {
    return in(x, k) && (x->t[k].flags & EL_TOK_WORD) &&
           (kw_maybe(x->lf, tt(x, k), tl(x, k)) || kw_maybe(x->lf, x->t[k].lemma, x->t[k].lemma_len));
}

/* Classify a figure by its neighbours; returns an el_num_class. */
static int classify(const sx *x, const el_number *n, const core *c, size_t qstart, bool money_sign) {
    size_t k = n->core, e = n->tok_end;
    if (c->cls >= 0) return c->cls;
    if (money_sign) return EL_NUM_MONEY;
    /* After the figure: %, percent, currencies, time marks, units. */
    if (punct(x, e, "%") || is(x, e, "percent") || is(x, e, "pct") || is(x, e, "percentage") ||
        (is(x, e, "per") && is(x, e + 1, "cent")))
        return EL_NUM_PERCENT;
    bool listed = unit_word(x, e);                      /* most figures: nothing to look up */
    if (listed && (lem_in(x, e, currencies) >= 0 || word_in(x, e, currencies) >= 0)) return EL_NUM_MONEY;
    if (listed && word_in(x, e, time_marks) >= 0 && c->digits) return EL_NUM_TIME;
    size_t u = e;
    while (is(x, u, "more") || is(x, u, "additional") || is(x, u, "full") || is(x, u, "extra") ||
           is(x, u, "consecutive") || is(x, u, "straight") || is(x, u, "whole") || is(x, u, "long"))
        u++;
    if (unit_word(x, u) && lem_in(x, u, time_units) >= 0 && !(x->t[u].flags & EL_TOK_CAP)) {
        if ((is(x, u, "years") || is(x, u, "year")) && is(x, u + 1, "old")) return EL_NUM_AGE;
        return EL_NUM_DURATION;
    }
    if (listed && lem_in(x, e, measure_units) >= 0 && !(x->t[e].flags & EL_TOK_CAP)) return EL_NUM_MEASURE;
    /* Dates: "October 7", "7 October", "Oct. 7", "February 12, 2024". */
    size_t ml;
    if (c->digits && c->plain && c->v >= 1 && c->v <= 31 && in(x, k - 1) &&
        el_month_at(tt(x, k - 1), tl(x, k - 1), &ml, false) && ml == tl(x, k - 1) && qstart == k)
        return EL_NUM_DATE;
    if (c->digits && c->plain && c->v >= 1 && c->v <= 31 && in(x, e) &&
        el_month_at(tt(x, e), tl(x, e), &ml, false) && ml == tl(x, e))
        return EL_NUM_DATE;
    if (c->digits && c->plain && c->v >= 1800 && c->v <= 2100 && tl(x, k) == 4) {
        /* A year, unless people are counted: "2000 people". */
        size_t h = e;
        while (iscap(x, h) && !(x->t[h].flags & EL_TOK_SSTART) && h < e + 2) h++;
        if (lem_in(x, h, population) < 0 || qstart != k) return EL_NUM_YEAR;
    }
    /* Ages: "aged 49", "men older than 60", "Ohad Yahalomi, 49,". */
    if (is(x, qstart - 1, "aged") || is(x, qstart - 1, "age") || is(x, qstart - 1, "ages"))
        return EL_NUM_AGE;
    if ((is(x, k - 1, "than") && (is(x, k - 2, "older") || is(x, k - 2, "younger"))) ||
        (is(x, k - 1, "of") && is(x, k - 2, "age")))
        return EL_NUM_AGE;
    if (c->digits && c->plain && c->v <= 120 && punct(x, k - 1, ",") && iscap(x, k - 2) &&
        !(x->t[k - 2].flags & EL_TOK_SSTART) && (punct(x, e, ",") || punct(x, e, ".")) &&
        lem_in(x, e + 1, population) < 0 && !isnum(x, k - 3) && qstart == k)
        return EL_NUM_AGE;
    /* Labels and names: "Channel 12", "No. 10", "Resolution 2334". */
    if (c->digits && c->plain && qstart == k && in(x, k - 1)) {
        if (word_in(x, k - 1, label_words) >= 0) return EL_NUM_NAME;
        if ((x->t[k - 1].flags & EL_TOK_CAP) && !(x->t[k - 1].flags & EL_TOK_SSTART) &&
            el_weekday_at(tt(x, k - 1), tl(x, k - 1), &ml, false) < 0)
            return EL_NUM_NAME;
    }
    /* Phone numbers: "+972 3 555 1234", "(02) 555 1234". */
    if (c->digits && (punct(x, qstart - 1, "+") || (punct(x, k - 1, ")") && isnum(x, k - 2))))
        return EL_NUM_PHONE;
    if (c->digits && c->plain && isnum(x, e) && (x->t[e].flags & EL_TOK_NUM) && tl(x, e) >= 3)
        return EL_NUM_PHONE;
    if (c->digits && c->plain && isnum(x, k - 1)) return EL_NUM_PHONE;
    return EL_NUM_COUNT;
}

/* A second figure after "to", "-", "or" makes a range ("35 to 40",
** "two or three", "1 to 2 million"). Updates n and c. */
static void range_after(const sx *x, el_number *n, core *c) {
    size_t e = n->tok_end;
    if (!(is(x, e, "to") || is(x, e, "or") || dash(x, e) ||
          (is(x, e, "and") && (is(x, n->tok, "between") || is(x, n->tok - 1, "between")))))
        return;
    core d;
    if (!core_at(x, e + 1, &d) || d.cls >= 0 || d.vague || c->vague || isnan(c->v)) return;
    double lo = c->v, hi = d.v;
    /* "1 to 2 million": the scale of the second applies to the first. */
    if (hi >= 1e3 && lo < hi / 100 && !c->digits == !d.digits && c->end == n->core + 1) {
        double s = hi >= 1e9 ? 1e9 : hi >= 1e6 ? 1e6 : 1e3;
        if (lo * s <= hi) lo *= s;
    }
    if (!(hi > lo)) return;
    c->lo = lo; c->hi = hi; c->v = NAN; c->plain = false;
    n->tok_end = (uint32_t)d.end;
}

/* The word filters a document is read with: the engine's (el_word_filters),
** or, without an engine, a set of its own. */
typedef el_word_filters filters;

/* Figures of sentence s. */
static size_t numbers_find(const el_doc *doc, const filters *F, uint32_t s, el_number *out, size_t max) {
    const el_sent *st = &doc->sents[s];
    sx x = {.doc = doc, .t = doc->toks, .a = st->tok, .b = st->tok + st->n_tok, .nf = &F->num, .lf = &F->unit};
    size_t count = 0;
    for (size_t k = x.a; k < x.b; k++) {
        el_number n;
        if (!may_start(&x, k)) continue;
        if (relative_at(&x, k, &n)) {
            n.start = x.t[n.tok].start; n.end = x.t[n.tok_end - 1].end;
            if (count < max) out[count] = n;
            count++;
            k = n.tok_end - 1;
            continue;
        }
        core c;
        if (!core_at(&x, k, &c)) continue;
        /* "a" alone, "one" as a pronoun: "one of the main stumbling blocks". */
        if (!c.digits && !c.vague && c.end == k + 1 && is(&x, k, "one") &&
            (is(&x, k + 1, "of") || is(&x, k + 1, "another") || !isword(&x, k + 1)))
            continue;
        n = (el_number){.core = (uint32_t)k, .tok_end = (uint32_t)c.end, .value = NAN,
                        .min = NAN, .max = NAN};
        /* A currency sign just before: "$5 million", "more than $5 million". */
        size_t qk = k;
        bool money = false;
        if (in(&x, k - 1) && word_in(&x, k - 1, currency_signs) >= 0) { money = true; qk = k - 1; }
        if (is(&x, qk - 1, "us") && money) qk--;
        n.tok = (uint32_t)qual_before(&x, qk, &n.qual);
        /* "between 35 and 40" */
        if (is(&x, n.tok - 1, "between")) n.tok--;
        range_after(&x, &n, &c);
        n.cls = (uint8_t)classify(&x, &n, &c, n.tok, money);
        if (n.cls == EL_NUM_YEAR || n.cls == EL_NUM_DATE || n.cls == EL_NUM_AGE ||
            n.cls == EL_NUM_TIME || n.cls == EL_NUM_PHONE || n.cls == EL_NUM_NAME) {
            n.qual = EL_QUAL_NONE;                  /* "over 60" of an age is no qualifier */
            n.tok = (uint32_t)(money ? k - 1 : k);
        }
        if (n.cls == EL_NUM_PHONE)
            while (isnum(&x, n.tok_end)) n.tok_end++;
        if (n.cls == EL_NUM_PERCENT)
            n.tok_end += punct(&x, n.tok_end, "%") || is(&x, n.tok_end, "percent") ||
                         is(&x, n.tok_end, "pct") ? 1 : is(&x, n.tok_end, "per") ? 2 : 0;
        n.vague = c.vague;
        if (c.vague || !isnan(c.lo)) {
            if (c.vague || c.lo || c.hi) { n.min = c.lo; n.max = c.hi; }
        }
        if (!isnan(c.v)) n.value = c.v;
        if (!c.vague && isnan(c.v) && c.hi > c.lo) { n.min = c.lo; n.max = c.hi; }
        /* A qualifier turns the figure into a bound. */
        switch (n.qual) {
        case EL_QUAL_AT_LEAST: case EL_QUAL_MORE_THAN:
            if (!isnan(n.value)) { n.min = n.value; n.value = NAN; }
            break;
        case EL_QUAL_UP_TO: case EL_QUAL_FEWER_THAN:
            if (!isnan(n.value)) { n.max = n.value; n.value = NAN; }
            break;
        case EL_QUAL_AS_MANY_AS:
            /* The reported figure, stressed as high: keep it as the value. */
            if (!isnan(n.value)) n.max = n.value;
            break;
        default: break;
        }
        n.start = x.t[n.tok].start;
        n.end = x.t[n.tok_end - 1].end;
        if (count < max) out[count] = n;
        count++;
        k = n.tok_end - 1;
    }
    return count;
}

size_t el_numbers_find(const el_doc *doc, uint32_t s, el_number *out, size_t max) {
    filters F;
    el_count_filters(&F);
    return numbers_find(doc, &F, s, out, max);
}

/* ---- What a count counts -------------------------------------------------- */

/* Cue lemmas near a figure, by kind. The first table wins over the others
** (death and injury outrank a hostage head: "30 of them dead"). */
static const kw cue_killed[] = {
    K("kill"), K("die"), K("dead"), K("death"), K("murder"), K("slay"), K("slain"), K("execute"), K("perish"),
    K("fatality"), K("toll"), K("behead"), K("massacre"), K_END,
};
static const kw cue_wounded[] = {K("wound"), K("injure"), K("hurt"), K("maim"), K("injury"), K_END};
static const kw cue_kidnapped[] = {K("kidnap"), K("abduct"), K("seize"), K("snatch"), K_END};
static const kw cue_released[] = {K("release"), K("free"), K("rescue"), K("liberate"), K_END};
static const kw cue_arrested[] = {K("arrest"), K("detain"), K("apprehend"), K("jail"), K("imprison"), K_END};
static const kw cue_displaced[] = {
    K("displace"), K("flee"), K("fled"), K("evacuate"), K("uproot"), K("homeless"), K("shelter"), K_END,
};
static const kw cue_protest[] = {K("protest"), K("demonstrate"), K("rally"), K("march"), K_END};
static const kw cue_affected[] = {
    K("famine"), K("starvation"), K("hunger"), K("starve"), K("affect"), K("malnourish"), K("malnutrition"),
    K("need"), K("risk"), K("lack"), K("outbreak"), K("flood"), K_END,
};
static const kw cue_held[] = {K("hold"), K("captivity"), K("remain"), K_END};
static const kw cue_demand[] = {K("demand"), K("ask"), K("want"), K("seek"), K("insist"), K("require"), K("call"), K_END};
static const kw cue_offer[] = {K("offer"), K("will"), K("willing"), K("prepare"), K("agree"), K("accept"), K("propose"), K("ready"), K_END};

/* Head nouns (lemmas) and the kind they carry, with their canonical form
** for comparing outlets. */
typedef struct headk { kw lemma; const char *canon; uint8_t kind; } headk;
static const headk heads[] = {
    {K("hostage"), "hostage", EL_KIND_HOSTAGE}, {K("captive"), "hostage", EL_KIND_HOSTAGE},
    {K("abductee"), "hostage", EL_KIND_HOSTAGE}, {K("abductees"), "hostage", EL_KIND_HOSTAGE},
    {K("prisoner"), "prisoner", EL_KIND_PRISONER}, {K("inmate"), "prisoner", EL_KIND_PRISONER},
    {K("detainee"), "prisoner", EL_KIND_PRISONER}, {K("protester"), "protester", EL_KIND_PROTESTERS},
    {K("protestor"), "protester", EL_KIND_PROTESTERS}, {K("demonstrator"), "protester", EL_KIND_PROTESTERS},
    {K("refugee"), "refugee", EL_KIND_DISPLACED}, {K("evacuee"), "refugee", EL_KIND_DISPLACED},
    {K("casualty"), "casualty", EL_KIND_KILLED}, {K("fatality"), "dead", EL_KIND_KILLED},
    {K("dead"), "dead", EL_KIND_KILLED}, {K("body"), "dead", EL_KIND_KILLED},
    {K("death"), "dead", EL_KIND_KILLED}, {K("wounded"), "wounded", EL_KIND_WOUNDED},
    {K("injured"), "wounded", EL_KIND_WOUNDED}, {K("injury"), "wounded", EL_KIND_WOUNDED},
    {K("arrest"), "arrest", EL_KIND_ARRESTED},
    {K("people"), "people", EL_KIND_OTHER}, {K("person"), "people", EL_KIND_OTHER},
    {K("others"), "", EL_KIND_OTHER}, {K("individual"), "people", EL_KIND_OTHER},
};

/* Words that end a noun phrase after a figure. */
static const kw np_stop[] = {
    K("the"), K("a"), K("an"), K("of"), K("in"), K("on"), K("at"), K("to"), K("from"), K("for"), K("with"), K("by"), K("as"), K("and"),
    K("or"), K("but"), K("who"), K("which"), K("that"), K("whom"), K("whose"), K("were"), K("was"), K("are"), K("is"), K("be"),
    K("been"), K("have"), K("has"), K("had"), K("will"), K("would"), K("could"), K("should"), K("may"), K("might"),
    K("still"), K("mostly"), K("including"), K("among"), K("since"), K("during"), K("after"), K("before"), K("than"),
    K("into"), K("under"), K("over"), K("while"), K("when"), K("where"), K("there"), K("they"), K("their"), K("it"), K("its"),
    K("this"), K("these"), K("those"), K("said"), K("says"), K("say"), K("according"), K("per"), K("each"), K("more"),
    K("not"), K("no"), K("also"), K("now"), K("reportedly"), K("believed"), K("remain"), K("remained"), K("held"),
    K("inside"), K("outside"), K("across"), K("near"), K("through"), K("against"), K("between"), K_END,
};

typedef struct att {                /* the result of reading a figure's context */
    size_t ph0, ph1;                /* the noun phrase [ph0, ph1) */
    int kind;
    const char *canon;              /* canonical head */
    bool pronoun;                   /* "of them", "of whom" */
    bool definite;                  /* "the 40": refers back */
    bool known;                     /* the head is in heads[] */
} att;

static bool clause_stop(const sx *x, size_t k) {
    if (!in(x, k)) return true;
    const el_token *t = &x->t[k];
    if (t->flags & EL_TOK_PUNCT)
        return punct(x, k, ",") || punct(x, k, ";") || punct(x, k, ":") || dash(x, k) ||
               punct(x, k, "(") || punct(x, k, ")") || (t->flags & EL_TOK_QUOTE);
    size_t n = t->end - t->start;
    int c = el_lower((unsigned char)x->doc->body[t->start]);
    if (n < 3 || n > 7 || (c != 'w' && c != 'b' && c != 'a')) return false;   /* quick no */
    return is(x, k, "which") || is(x, k, "who") || is(x, k, "whose") || is(x, k, "while") ||
           is(x, k, "but") || is(x, k, "and") || is(x, k, "whereas");
}

/* Token index of byte pos in the sentence. */
static size_t tok_of(const sx *x, uint32_t pos) {
    size_t k = x->a;
    while (k < x->b && x->t[k].end <= pos) k++;
    return k;
}

/* Is there a clause break strictly between tokens i and j (either order)?
** Commas, semicolons, colons, dashes, brackets, quotation marks, and the
** conjunctions "and", "but", "while"; a relative "which" does not break
** ("a deal in November which saw 105 civilians released"). */
static bool clause_between(const sx *x, size_t i, size_t j) {
    if (i > j) { size_t t = i; i = j; j = t; }
    for (size_t k = i + 1; k < j; k++) {
        if (x->t[k].flags & EL_TOK_PUNCT) {
            if (punct(x, k, ",") || punct(x, k, ";") || punct(x, k, ":") || dash(x, k) ||
                punct(x, k, "(") || punct(x, k, ")") || (x->t[k].flags & EL_TOK_QUOTE))
                return true;
        } else if (is(x, k, "and") || is(x, k, "but") || is(x, k, "while")) {
            return true;
        }
    }
    return false;
}

/* Lemmas that are plural or collective as they stand. */
static const kw plurals[] = {
    K("people"), K("police"), K("personnel"), K("staff"), K("others"), K("crew"), K("dead"),
    K("wounded"), K("injured"), K("elderly"), K("children"), K("child"), K("women"),
    K("woman"), K("men"), K("man"), K("gunmen"), K("gunman"), K("youth"), K("displaced"), K_END,
};

static bool plural_noun(const sx *x, size_t k) {
    const el_token *t = &x->t[k];
    size_t n = tl(x, k);
    if (lem_in(x, k, plurals) >= 0)
        return !(t->lemma_len == 5 && memcmp(t->lemma, "child", 5) == 0 && n == 5) &&
               !(t->lemma_len == 5 && memcmp(t->lemma, "woman", 5) == 0 && n == 5) &&
               !(t->lemma_len == 3 && memcmp(t->lemma, "man", 3) == 0 && n == 3);
    return n > 2 && el_lower((unsigned char)tt(x, k)[n - 1]) == 's' && t->lemma_len < n;
}

static bool is_cue(const sx *x, size_t k) {
    return lem_in(x, k, cue_killed) >= 0 || lem_in(x, k, cue_wounded) >= 0 ||
           lem_in(x, k, cue_kidnapped) >= 0 || lem_in(x, k, cue_released) >= 0 ||
           lem_in(x, k, cue_arrested) >= 0 || lem_in(x, k, cue_displaced) >= 0 ||
           is(x, k, "captive") || is(x, k, "hostage") || is(x, k, "alive");
}

/* The noun phrase after a figure ("displaced Palestinians", "of the
** hostages", "others"): sets a->ph0/ph1, a->pronoun. */
static void noun_phrase(const sx *x, const el_number *n, att *a) {
    size_t k = n->tok_end;
    while (is(x, k, "more") || is(x, k, "other") || is(x, k, "additional") || is(x, k, "further") ||
           is(x, k, "fewer") || is(x, k, "new"))
        k++;
    if (is(x, k, "of")) {
        k++;
        if (is(x, k, "them") || is(x, k, "whom") || is(x, k, "those") || is(x, k, "these") ||
            is(x, k, "us")) {
            a->pronoun = true;
            a->ph0 = a->ph1 = k + 1;
            return;
        }
        if (is(x, k, "the") || is(x, k, "their") || is(x, k, "its") || is(x, k, "his") ||
            is(x, k, "her") || is(x, k, "our") || is(x, k, "those") || is(x, k, "these"))
            k++;
    }
    a->ph0 = k;
    size_t j = k;
    while (isword(x, j) && j < k + 5) {
        if (word_in(x, j, np_stop) >= 0) break;
        if (j > k && is_cue(x, j)) break;
        size_t len = tl(x, j);
        const char *w = tt(x, j);
        /* A participle after the noun starts a clause: "civilians released". */
        if (j > k && !(x->t[j].flags & EL_TOK_CAP) && len > 4 &&
            (el_isuffix(w, len, "ed") || el_isuffix(w, len, "ing")))
            break;
        j++;
        if (plural_noun(x, j - 1)) break;              /* the head noun ends the phrase */
    }
    a->ph1 = j;
    /* A participle alone is the verb, not the group: "dozens killed" (but
    ** "50 wounded", "the dead" stay: they are in heads[]). */
    if (j == k + 1 && !(x->t[k].flags & EL_TOK_CAP) && tl(x, k) > 4 &&
        (el_isuffix(tt(x, k), tl(x, k), "ed") || el_isuffix(tt(x, k), tl(x, k), "ing"))) {
        bool noun = false;
        for (size_t i = 0; i < sizeof heads / sizeof heads[0] && !noun; i++)
            noun = lem_n(x, k, heads[i].lemma.w, heads[i].lemma.n) || is_n(x, k, heads[i].lemma.w, heads[i].lemma.n);
        if (!noun) a->ph1 = a->ph0;
    }
}

/* The strongest kind cue among tokens [from, to), skipping the figure and its
** phrase; death outranks injury, injury outranks capture, and so on.
** *take is set by "take"/"took" (captive, hostage: a kidnapping). */
static int scan_cues(const sx *x, const el_number *n, size_t ph_end, size_t from, size_t to, bool *take) {
    int cue = -1, rank = 99;
    bool neg = false;
    for (size_t k = from; k < to; k++) {
        if (k >= n->tok && k < ph_end) continue;
        if (k > n->tok_end && isnum(x, k)) break;      /* another figure's words */
        if (lem(x, k, "take")) *take = true;
        if (is(x, k, "no") || is(x, k, "not") || is(x, k, "longer")) neg = true;
        if (!kw_maybe(x->cf, x->t[k].lemma, x->t[k].lemma_len) && !is(x, k, "captive") &&
            !is(x, k, "hostage") && !is(x, k, "alive"))
            continue;                                   /* no cue word: one filter test */
        int r = 99, kd = -1;
        if (is(x, k - 1, "of") || is(x, k - 1, "for")) continue;   /* "convicted of murder" */
        if (lem_in(x, k, cue_killed) >= 0 || (is(x, k, "alive") && neg)) { r = 0; kd = EL_KIND_KILLED; }
        else if (lem_in(x, k, cue_wounded) >= 0) { r = 1; kd = EL_KIND_WOUNDED; }
        else if (lem_in(x, k, cue_kidnapped) >= 0 ||
                 ((is(x, k, "captive") || is(x, k, "hostage")) && *take)) { r = 2; kd = EL_KIND_KIDNAPPED; }
        else if (lem_in(x, k, cue_arrested) >= 0) { r = 3; kd = EL_KIND_ARRESTED; }
        else if (lem_in(x, k, cue_displaced) >= 0) { r = 4; kd = EL_KIND_DISPLACED; }
        else if (lem_in(x, k, cue_released) >= 0) { r = 5; kd = EL_KIND_RELEASED; }
        else if (lem_in(x, k, cue_protest) >= 0 && !(x->t[k].flags & EL_TOK_CAP)) { r = 6; kd = EL_KIND_PROTESTERS; }
        else if (lem_in(x, k, cue_held) >= 0 || is(x, k, "captive")) { r = 7; kd = EL_KIND_HOSTAGE; }
        else if (lem_in(x, k, cue_affected) >= 0) { r = 8; kd = EL_KIND_AFFECTED; }
        if (kd >= 0 && r < rank) { rank = r; cue = kd; }
    }
    return cue;
}

/* The filter of every cue lemma, for scan_cues(). */
static void cue_filter(kwbits *f) {
    memset(f, 0, sizeof *f);
    kw_fill(f, cue_killed); kw_fill(f, cue_wounded); kw_fill(f, cue_kidnapped);
    kw_fill(f, cue_released); kw_fill(f, cue_arrested); kw_fill(f, cue_displaced);
    kw_fill(f, cue_protest); kw_fill(f, cue_held); kw_fill(f, cue_affected);
}

/* The kind of a count from its head and the cue words around it. */
static int kind_of(const sx *x, const el_number *n, att *a, size_t c0, size_t c1) {
    int head_kind = -1;
    a->canon = NULL;                                    /* NULL: not in heads[] */
    if (a->ph1 > a->ph0) {
        size_t h = a->ph1 - 1;
        for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
            if (lem_n(x, h, heads[i].lemma.w, heads[i].lemma.n)) {
                head_kind = heads[i].kind; a->canon = heads[i].canon; a->known = true; break;
            }
        for (size_t k = a->ph0; k < a->ph1; k++) {      /* "displaced Palestinians" */
            if (lem(x, k, "displace") || is(x, k, "displaced")) head_kind = EL_KIND_DISPLACED;
            if (lem(x, k, "wound") || lem(x, k, "injure")) head_kind = EL_KIND_WOUNDED;
            if (lem(x, k, "dead") || lem(x, k, "kill")) head_kind = EL_KIND_KILLED;
        }
        if (head_kind == EL_KIND_OTHER) head_kind = -1;
    }
    /* Cue words: a few before the figure, and after the phrase up to the
    ** clause end. A figure right after "and" shares the verb before it when
    ** its own clause has none ("killed 9 soldiers and 10 civilians"). */
    size_t ph_end = a->ph1 > n->tok_end ? a->ph1 : n->tok_end;
    size_t from = n->tok > c0 + 5 ? n->tok - 5 : c0;
    size_t to = ph_end + 10 < c1 ? ph_end + 10 : c1;
    bool take = false;
    int cue = scan_cues(x, n, ph_end, from, to, &take);
    if (cue < 0 && n->tok == c0 && is(x, c0 - 1, "and")) {
        size_t p = c0 - 1;
        while (p > x->a && p + 12 > c0 && !clause_stop(x, p - 1)) p--;
        cue = scan_cues(x, n, ph_end, p, c0 - 1, &take);
    }
    /* "taking 253 others captive": take ... captive after the phrase;
    ** "took 40 hostages": the taking, not the holding. */
    if (cue == EL_KIND_HOSTAGE && take) cue = EL_KIND_KIDNAPPED;
    if (head_kind == EL_KIND_HOSTAGE && take && (cue < 0 || cue == EL_KIND_HOSTAGE)) cue = EL_KIND_KIDNAPPED;
    if (cue == EL_KIND_KILLED || cue == EL_KIND_WOUNDED) return cue;
    if (head_kind == EL_KIND_HOSTAGE || head_kind == EL_KIND_PRISONER) {
        /* "took 240 hostages": the taking, not the holding. */
        if (cue == EL_KIND_KIDNAPPED) return cue;
        if (head_kind == EL_KIND_PRISONER && cue == EL_KIND_ARRESTED) return cue;
        return head_kind;                     /* "35 to 40 hostages released": still hostages */
    }
    /* Protesters arrested, refugees killed: the event outranks the group. */
    if ((head_kind == EL_KIND_PROTESTERS || head_kind == EL_KIND_DISPLACED) &&
        (cue == EL_KIND_ARRESTED || cue == EL_KIND_KIDNAPPED || cue == EL_KIND_RELEASED))
        return cue;
    if (head_kind >= 0) return head_kind;
    if (cue == EL_KIND_HOSTAGE && !(a->ph1 > a->ph0)) return EL_KIND_OTHER;   /* "remains" alone */
    return cue >= 0 ? cue : EL_KIND_OTHER;
}

/* ---- Place, date, attribution --------------------------------------------- */

static const kw directions[] = {
    K("northern"), K("southern"), K("eastern"), K("western"), K("central"), K("north"), K("south"), K("east"), K("west"),
    K("northeastern"), K("northwestern"), K("southeastern"), K("southwestern"), K("occupied"), K_END,
};

/* "in Rafah", "in the Gaza Strip", "in northern Gaza": the nearest such
** phrase to the figure in its sentence, after it first. */
static const char *place_of(const sx *x, const el_number *n, el_arena *ar) {
    size_t best0 = 0, best1 = 0;
    long best = -1;
    for (size_t k = x->a; k + 1 < x->b; k++) {
        if (!(x->t[k + 1].flags & EL_TOK_WORD) || !(x->t[k].flags & EL_TOK_WORD) || tl(x, k) > 10)
            continue;                                   /* quick no */
        if (!(is(x, k, "in") || is(x, k, "at") || is(x, k, "near") || is(x, k, "inside") ||
              is(x, k, "across") || is(x, k, "throughout") || is(x, k, "outside") || is(x, k, "through")))
            continue;
        size_t j = k + 1;
        if (is(x, j, "the")) j++;
        size_t p0 = j;
        if (word_in(x, j, directions) >= 0 && !(x->t[j].flags & EL_TOK_CAP)) j++;
        size_t c0 = j, ml;
        while (iscap(x, j) && j < c0 + 4 && !el_month_at(tt(x, j), tl(x, j), &ml, false) &&
               el_weekday_at(tt(x, j), tl(x, j), &ml, false) < 0 && !(x->t[j].flags & EL_TOK_UPPER && tl(x, j) > 4))
            j++;
        if (j == c0) continue;
        if (is(x, k + 1, "the") && p0 == c0) p0 = k + 1;      /* keep "the Gaza Strip" */
        if (p0 == k + 1 && is(x, p0, "the") && j == c0 + 1) p0 = c0;   /* "the Gaza" -> "Gaza" */
        long d = k >= n->tok_end ? (long)(k - n->tok_end) : (long)(n->tok - k) + 20;
        if (best < 0 || d < best) { best = d; best0 = p0; best1 = j; }
    }
    if (best < 0) return NULL;
    return el_arena_strndup(ar, tt(x, best0), x->t[best1 - 1].end - x->t[best0].start);
}

/* The date a figure holds for: the nearest date expression of its sentence
** (not one after "since", which starts a period that runs to the time of
** writing), else the publication date. */
static void date_of(const el_doc *doc, const sx *x, uint32_t sent, const el_number *n, el_count *c) {
    const el_timex *best = NULL;
    long bestd = 0;
    for (size_t i = 0; i < doc->n_times; i++) {
        const el_timex *tx = &doc->times[i];
        if (tx->sent != sent || tx->type != EL_TIME_DATE || !tx->value || tx->first == EL_DATE_UNKNOWN)
            continue;
        size_t k = x->a;
        while (k < x->b && x->t[k].start < tx->start) k++;
        bool since = false;
        for (size_t j = k > x->a + 3 ? k - 3 : x->a; j < k; j++)
            if (is(x, j, "since") || is(x, j, "until") || is(x, j, "till")) since = true;
        if (since) continue;
        /* Only a date of the figure's own clause, or one that opens the
        ** sentence for all of it ("On Tuesday, ..."). */
        size_t ke = tok_of(x, tx->end > 0 ? tx->end - 1 : 0);
        bool opener = k <= x->a + 2 && punct(x, ke + 1, ",");
        if (!opener && clause_between(x, k < n->core ? ke : k, n->core)) continue;
        long d = labs((long)tx->start - (long)n->start);
        if (!best || d < bestd) { best = tx; bestd = d; }
    }
    if (best) {
        c->date = best->value;
        c->day = best->first;
        c->date_from_pub = false;
        return;
    }
    c->day = doc->date;
    c->date_from_pub = true;
    if (doc->date != EL_DATE_UNKNOWN) {
        char buf[11];
        el_date_format(doc->date, buf);
        c->date = el_arena_strdup(doc->a, buf);
    }
}

/* The attribution frame nearest the figure in its sentence. */
static void attribution_of(const el_doc *doc, const el_frame *fr, size_t nf, uint32_t sent,
                           const el_number *n, el_count *c) {
    long best = -1;
    const el_sent *st = &doc->sents[sent];
    sx xx = {.doc = doc, .t = doc->toks, .a = st->tok, .b = st->tok + st->n_tok}, *x = &xx;
    for (size_t i = 0; i < nf; i++) {
        if (fr[i].subj <= n->core && n->core < fr[i].subj_end) continue;   /* the figure is the source */
        size_t f0 = fr[i].form == EL_FRAME_SUBJ_VERB ? fr[i].subj : fr[i].verb;
        size_t f1 = fr[i].form == EL_FRAME_SUBJ_VERB ? fr[i].verb + 1 : fr[i].subj_end;
        /* Which figures does a frame cover? Those of its own clause; all of
        ** the sentence when it opens it ("According to a Channel 12 report,")
        ** or closes it (", the IDF said."); and what its verb reports
        ** ("Israel says it has killed ..."). */
        size_t rest = 0;
        for (size_t k = f1; k < x->b; k++) if (x->t[k].flags & EL_TOK_WORD) rest++;
        bool own = !clause_between(x, f0 < n->tok ? f1 - 1 : f0, f0 < n->tok ? n->tok : n->tok_end - 1);
        bool opens = f0 <= x->a + 1;
        bool closes = f0 > x->a && punct(x, f0 - 1, ",") && rest <= 3 && f0 > n->tok;
        bool reports = fr[i].form == EL_FRAME_SUBJ_VERB && fr[i].verb < n->tok;
        if (!own && !opens && !closes && !reports) continue;
        uint32_t s = doc->toks[fr[i].subj].start, e = doc->toks[fr[i].subj_end - 1].end;
        if (s <= n->start && n->end <= e) continue;
        long d = fr[i].start > n->end ? (long)(fr[i].start - n->end) : (long)(n->start - fr[i].end);
        if (d < 0) d = 0;
        if (best < 0 || d < best) {
            best = d;
            c->attr_start = fr[i].start; c->attr_end = fr[i].end;
            c->src_start = s; c->src_end = e;
        }
    }
}

/* ---- The stage ------------------------------------------------------------ */

typedef EL_VEC(el_count) count_vec;

static bool population_head(const sx *x, const att *a) {
    if (a->ph1 <= a->ph0) return false;
    size_t h = a->ph1 - 1;
    if (lem_in(x, h, population) >= 0) return true;
    /* Capitalised plurals with a demonym's ending are peoples: "Palestinians",
    ** "Israelis", "Gazans", "Kurds", "Britons", "Lebanese" (not "Industries"). */
    if (!(x->t[h].flags & EL_TOK_CAP)) return false;
    const char *w = tt(x, h);
    size_t n = tl(x, h);
    return el_isuffix(w, n, "ans") || el_isuffix(w, n, "is") || el_isuffix(w, n, "ese") ||
           el_isuffix(w, n, "ds") || el_isuffix(w, n, "ons") || el_isuffix(w, n, "ks");
}

/* Stance of a prisoner figure: demanded or offered, from the sentence so far. */
static uint8_t stance_of(const sx *x, const el_number *n) {
    uint8_t st = EL_STANCE_NONE;
    for (size_t k = x->a; k < n->tok; k++) {
        if (lem_in(x, k, cue_demand) >= 0) st = EL_STANCE_DEMANDED;
        else if (lem_in(x, k, cue_offer) >= 0 && !(is(x, k, "will"))) st = EL_STANCE_OFFERED;
        else if (is(x, k, "willing")) st = EL_STANCE_OFFERED;
    }
    return st;
}

/* The clause [c0, c1) around the figure: up to a comma, a dash, a bracket,
** a quotation mark or a conjunction on either side ("killing 1,200 people,
** mostly civilians, and taking 253 others captive" has three). */
static void clause_of(const sx *x, const el_number *n, size_t *c0, size_t *c1) {
    size_t k = n->tok;
    while (k > x->a && !clause_stop(x, k - 1)) k--;
    *c0 = k;
    k = n->tok_end;
    while (k < x->b && !clause_stop(x, k)) k++;
    *c1 = k;
}

/* The group of the count before, for figures that refer to it. */
typedef struct prev { const char *subject, *canon; bool here; /* from this sentence */ } prev;

/* The group a figure counts when no noun follows it, or when the noun is
** "others": "the number of prisoners ..., more than a thousand", "thirty of
** them", "another 253", "253 others". Fills c (subject, head, kind) and
** a, *has_np. Returns false when the figure only refers back to one already
** counted ("in return for the 40") and must be dropped.
**   x, n      the sentence and the figure
**   a, c      its phrase and its count, updated
**   has_np    OUT: a group was found
**   c0, c1    the figure's clause (for the kind cues)
**   p         the last group counted
**   ar        where new strings go */
static bool borrow_subject(const sx *x, const el_number *n, att *a, el_count *c, bool *has_np,
                           size_t c0, size_t c1, const prev *p, el_arena *ar) {
    if (*has_np && !*a->canon && p->subject) {                  /* "253 others" */
        c->subject = p->subject;
        c->head = a->canon = p->canon;
        return true;
    }
    if (*has_np && *a->canon) return true;
    if (a->definite && !a->pronoun) return false;              /* "for the 40": refers back */
    size_t k = x->a;
    for (; k + 2 < n->tok; k++)
        if (is(x, k, "number") && is(x, k + 1, "of")) break;
    if (a->pronoun && p->subject) k = n->tok;                  /* "thirty of them": the last group */
    if (k + 2 < n->tok) {
        att b = {0};
        el_number fake = {.tok_end = (uint32_t)(k + 1)};
        noun_phrase(x, &fake, &b);
        if (b.ph1 <= b.ph0) return true;
        c->subject = el_arena_strndup(ar, tt(x, b.ph0), x->t[b.ph1 - 1].end - x->t[b.ph0].start);
        a->ph0 = b.ph0; a->ph1 = b.ph1;
        c->kind = (uint8_t)kind_of(x, n, a, c0, c1);           /* sets a->canon from heads[] */
        if (!a->canon) a->canon = el_arena_strndup(ar, x->t[b.ph1 - 1].lemma, x->t[b.ph1 - 1].lemma_len);
        c->head = a->canon;
        *has_np = true;
    } else if (p->subject && (p->here || a->pronoun)) {
        c->subject = p->subject;
        c->head = a->canon = p->canon;
        *has_np = true;
        /* The borrowed head may carry the kind ("thirty of them" hostages). */
        if (c->kind == EL_KIND_OTHER)
            for (size_t q = 0; q < sizeof heads / sizeof heads[0]; q++)
                if (!strcmp(heads[q].canon, p->canon) && heads[q].kind != EL_KIND_OTHER) {
                    c->kind = heads[q].kind;
                    break;
                }
    }
    return true;
}

/* The counts of sentence s, appended to out: each figure that counts
** people (or money, a percentage) with its group, kind, place, date and
** attribution. */
static void annotate_sentence(const el_doc *doc, const filters *F, uint32_t s, count_vec *out) {
    el_number nums[32];
    size_t nn = numbers_find(doc, F, s, nums, 32);
    if (!nn) return;
    if (nn > 32) nn = 32;
    el_frame fr[8];
    size_t nfr = 0;
    bool frames_done = false;           /* found at the first count, for all of them */

    const el_sent *st = &doc->sents[s];
    sx x = {.doc = doc, .t = doc->toks, .a = st->tok, .b = st->tok + st->n_tok, .nf = &F->num, .cf = &F->cue,
            .lf = &F->unit};
    const char *prev_subject = NULL, *prev_canon = NULL;
    bool prev_here = false;             /* prev_* come from this sentence */
    /* The subject of the previous sentence's last count, for "of them" only. */
    if (out->n && out->v[out->n - 1].sent + 1 >= s && out->v[out->n - 1].subject) {
        prev_subject = out->v[out->n - 1].subject;
        prev_canon = out->v[out->n - 1].head;
    }
    for (size_t i = 0; i < nn; i++) {
        const el_number *n = &nums[i];
        if (n->cls != EL_NUM_COUNT && n->cls != EL_NUM_MONEY && n->cls != EL_NUM_PERCENT) continue;
        att a = {0};
        el_count c = {.sent = s, .qual = n->qual, .vague = n->vague, .value = n->value,
                      .min = n->min, .max = n->max, .head = "", .day = EL_DATE_UNKNOWN};
        noun_phrase(&x, n, &a);
        a.definite = is(&x, n->tok - 1, "the") && !a.pronoun;
        size_t c0, c1;
        clause_of(&x, n, &c0, &c1);
        if (n->cls == EL_NUM_MONEY) c.kind = EL_KIND_MONEY;
        else if (n->cls == EL_NUM_PERCENT) c.kind = EL_KIND_PERCENT;
        else c.kind = (uint8_t)kind_of(&x, n, &a, c0, c1);
        if (n->cls != EL_NUM_COUNT) a.canon = NULL;
        bool has_np = a.ph1 > a.ph0;
        if (has_np) {
            c.subject = el_arena_strndup(doc->a, tt(&x, a.ph0), x.t[a.ph1 - 1].end - x.t[a.ph0].start);
            if (!a.canon) {
                const el_token *h = &x.t[a.ph1 - 1];
                a.canon = el_arena_strndup(doc->a, h->lemma, h->lemma_len);
            }
            c.head = a.canon;
        }
        if (n->cls == EL_NUM_COUNT) {
            prev p = {prev_subject, prev_canon, prev_here};
            if (!borrow_subject(&x, n, &a, &c, &has_np, c0, c1, &p, doc->a)) continue;
            /* A count of things, not people ("2 rights", "10 shares"): the
            ** cue words around it say nothing about casualties. */
            if (a.ph1 > a.ph0 && !a.known && !population_head(&x, &a)) continue;
            if (c.kind == EL_KIND_OTHER && !population_head(&x, &a) &&
                !(has_np && c.head && !strcmp(c.head, "people")))
                continue;                                   /* not a count of people */
            if (c.kind == EL_KIND_PRISONER || c.kind == EL_KIND_RELEASED) c.stance = stance_of(&x, n);
        }
        /* The count phrase runs to the end of its noun phrase when that follows. */
        c.start = n->start;
        c.end = c.fig_end = n->end;
        if (a.ph1 > a.ph0 && a.ph0 >= n->tok_end && a.ph0 <= n->tok_end + 3)
            c.end = x.t[a.ph1 - 1].end;
        c.place = place_of(&x, n, doc->a);
        date_of(doc, &x, s, n, &c);
        if (!frames_done) {
            nfr = el_frames_find(doc, &F->frames, s, fr, 8);
            if (nfr > 8) nfr = 8;
            frames_done = true;
        }
        attribution_of(doc, fr, nfr, s, n, &c);
        if (c.subject && n->cls == EL_NUM_COUNT) { prev_subject = c.subject; prev_canon = c.head; prev_here = true; }
        EL_PUSH(doc->a, *out, c);
    }
}

void el_count_filters(el_word_filters *w) {
    num_filter(&w->num);
    unit_filter(&w->unit);
    cue_filter(&w->cue);
}

int el_counts_annotate(const el_engine *e, el_doc *doc, el_diag *d) {
    (void)d;
    count_vec v = {0};
    const filters *F = el_word_filters_of(e, doc->a);
    if (!F) return EL_ENOMEM;
    for (size_t s = 0; s < doc->n_sents; s++) annotate_sentence(doc, F, (uint32_t)s, &v);
    doc->counts = v.v;
    doc->n_counts = v.n;
    return el_arena_failed(doc->a) ? EL_ENOMEM : EL_OK;
}
