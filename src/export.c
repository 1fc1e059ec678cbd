/*
** export.c: events out as GDELT 2.0 tables, PLOVER records and CSV.
** In:  events one at a time (events.jsonl, or the events table's JSON), and
**      an index of what they point to: articles (url, outlet, date,
**      sentences) and entities (country, mentions), from the same source.
** Out: one line per event (per mention for gdelt-mentions) on a FILE.
** Both sources go through the same writers, so an export of a folder and of
** the database made from it are byte-identical. Columns GDELT has and
** eventline lacks stay empty: docs/SCHEMA.md lists each one.
*/
#include "export.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "buf.h"
#include "date.h"
#include "el_int.h"
#include "jscan.h"
#include "strmap.h"

/* KEEP IN SYNC: el_export_format in export.h. */
static const char *const format_names[EL_EXPORT__COUNT] = {"gdelt", "gdelt-mentions", "plover", "csv"};
static const char *const export_files[EL_EXPORT__COUNT] = {
    "gdelt.events.tsv", "gdelt.mentions.tsv", "plover.jsonl", "events.csv",
};

int el_export_format_parse(const char *name) {
    for (int i = 0; i < EL_EXPORT__COUNT; i++)
        if (strcmp(name, format_names[i]) == 0) return i;
    return -1;
}

/* ---- The index: what an event's mentions and actors point to ---- */

typedef struct span32 { uint32_t s, e; } span32;

typedef struct wsent { uint32_t idx; span32 sp; } wsent;
typedef struct ment { const char *entity; span32 sp; } ment;

typedef struct art_info {
    const char *id, *url, *outlet, *file, *date, *language, *origin;
    int translated;             /* 1, 0, -1 unknown */
    uint32_t p0_end;            /* end of the first paragraph: GDELT's IsRootEvent */
    uint32_t len;               /* body bytes */
    EL_VEC(wsent) sents;        /* by index; from a folder, only those event mentions cite */
    EL_VEC(struct ment) ments;  /* entity mentions (from a folder: actors' in cited sentences) */
} art_info;

typedef struct ent_info { const char *type, *country; } ent_info;

typedef struct idref { size_t off, len; } idref;

typedef EL_VEC(uint32_t) wantvec;  /* sentence indexes an article's event mentions name */

/* KEEP IN SYNC: ev_keys[]. */
enum ev_key { K_ID, K_DATE, K_DATE_GRANULARITY, K_EVENT, K_CAMEO, K_QUAD_CLASS, K_GOLDSTEIN, K_MODALITY, K_SOURCE, K_TARGET, K_LOCATION, K_EPISODE, K_THREAD, K_NUM_MENTIONS, K_NUM_ARTICLES, K_NUM_SOURCES, K_MENTIONS, K__COUNT };

typedef struct xp {
    el_arena *a;
    el_strmap *arts;            /* article id -> art_info */
    el_strmap *ents;            /* entity id -> ent_info */
    el_strmap *countries;       /* names of country entities (ActionGeo_Type) */
    el_strmap *want;            /* from a folder: article id -> its wanted sentences (wantvec) */
    el_strmap *want_ent;        /* from a folder: the entities events name as actors */
    int format;
    FILE *f;
    el_buf b;
    long ordinal;               /* events seen, for GlobalEventID */
    const el_jline *j;          /* the event being written */
    const int *top;             /* its members (index_event) */
    el_buf tmp;                 /* scratch for one cell or one markup */
    struct idref *seen;         /* csv: the articles of one event, a hash set */
    size_t seen_cap;
    el_jline row;               /* el_export_store: the event parsed from its row */
    bool oom;
    el_diag *d;
} xp;

static char *dup(xp *x, const char *s) { return s ? el_arena_strdup(x->a, s) : NULL; }

static art_info *add_article(xp *x, const char *id) {
    art_info *ai = el_arena_calloc(x->a, sizeof *ai);
    if (!ai) return NULL;
    ai->id = dup(x, id);
    ai->translated = -1;
    if (el_strmap_put(x->arts, id, strlen(id), ai)) return NULL;
    return ai;
}

/* A mention of entity in article, kept with the article (in file order):
** an actor is looked for among the mentions of the article it is cited in. */
static void add_mention(xp *x, const char *entity, const char *article, span32 sp) {
    art_info *ai = el_strmap_get(x->arts, article, strlen(article));
    if (!ai) return;                                        /* no event cites it */
    const char *e = el_strmap_key(x->ents, entity, strlen(entity));
    if (!e && !(e = el_arena_strdup(x->a, entity))) return;
    ment m = {e, sp};
    EL_PUSH(x->a, ai->ments, m);
}

static uint32_t u32(const el_jline *j, int v) {
    return el_jtype_of(j, v) == EL_JINT && el_jint(j, v) >= 0 ? (uint32_t)el_jint(j, v) : 0;
}

static char *jdup(xp *x, const el_jline *j, int o, const char *key) {
    return dup(x, el_jstr(j, el_jget(j, o, key)));
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The span of sentence k of ai (kept sentences are in index order), or NULL. */
static const span32 *sentence_at(const art_info *ai, uint32_t k) {
    size_t lo = 0, hi = ai->sents.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ai->sents.v[mid].idx < k) lo = mid + 1;
        else hi = mid;
    }
    return lo < ai->sents.n && ai->sents.v[lo].idx == k ? &ai->sents.v[lo].sp : NULL;
}

static int dir_article(const el_jline *j, long line, void *ud) {
    (void)line;
    xp *x = ud;
    char ib[32];
    const char *id = el_jid(j, el_jget(j, 0, "id"), ib);
    if (!id || (x->want && !el_strmap_get(x->want, id, strlen(id)))) return 0;   /* no event there */
    art_info *ai = add_article(x, id);
    if (!ai) return 0;
    ai->url = jdup(x, j, 0, "url");
    ai->outlet = jdup(x, j, 0, "outlet");
    ai->file = jdup(x, j, 0, "file");
    ai->date = jdup(x, j, 0, "date");
    ai->language = jdup(x, j, 0, "language");
    ai->origin = jdup(x, j, 0, "language_of_origin");
    int t = el_jget(j, 0, "translated");
    ai->translated = el_jtype_of(j, t) == EL_JTRUE ? 1 : el_jtype_of(j, t) == EL_JFALSE ? 0 : -1;
    ai->len = (uint32_t)el_jstrlen(j, el_jget(j, 0, "body"));
    ai->p0_end = u32(j, el_jat(j, el_jat(j, el_jget(j, 0, "paragraphs"), 0), 1));
    /* The cited sentences only, in index order (want_event's list, sorted
    ** and without repeats), in an array of the exact size. */
    int sents = el_jget(j, 0, "sentences");
    wantvec *w = el_strmap_get(x->want, id, strlen(id));
    qsort(w->v, w->n, sizeof *w->v, cmp_u32);
    ai->sents.v = el_arena_alloc(x->a, (w->n ? w->n : 1) * sizeof *ai->sents.v);
    if (!ai->sents.v) return 0;
    uint32_t k = 0;
    int sp = el_jfirst(j, sents);
    for (size_t i = 0; i < w->n; i++) {
        if (i && w->v[i] == w->v[i - 1]) continue;
        while (sp >= 0 && k < w->v[i]) { sp = el_jnext(j, sents, sp); k++; }
        if (sp < 0) break;                                  /* past the article's last sentence */
        ai->sents.v[ai->sents.n++] = (wsent){k, {u32(j, el_jat(j, sp, 0)), u32(j, el_jat(j, sp, 1))}};
    }
    return 0;
}

/* Whether span sp of article art lies in a sentence an event mention names:
** only those mentions can be an event's actor (actor_in). */
static bool wanted_span(const xp *x, const char *art, span32 sp) {
    const art_info *ai = el_strmap_get(x->arts, art, strlen(art));
    for (size_t i = 0; ai && i < ai->sents.n; i++) {         /* kept: exactly the cited ones */
        const span32 *s = &ai->sents.v[i].sp;
        if (sp.s >= s->s && sp.e <= s->e) return true;
    }
    return false;
}

static int dir_entity(const el_jline *j, long line, void *ud) {
    (void)line;
    xp *x = ud;
    char ib[32];
    const char *id = el_jid(j, el_jget(j, 0, "id"), ib);
    if (!id) return 0;
    const char *name = el_jstr(j, el_jget(j, 0, "name")), *type = el_jstr(j, el_jget(j, 0, "type"));
    bool country = name && type && strcmp(type, "country") == 0;
    if (x->want_ent && !el_strmap_get(x->want_ent, id, strlen(id)) && !country) return 0;
    ent_info *e = el_arena_calloc(x->a, sizeof *e);
    if (!e || el_strmap_put(x->ents, id, strlen(id), e)) return 0;
    e->type = dup(x, type);
    e->country = jdup(x, j, 0, "country");
    if (country) el_strmap_put(x->countries, name, strlen(name), e);
    if (x->want_ent && !el_strmap_get(x->want_ent, id, strlen(id))) return 0;
    int ms = el_jget(j, 0, "mentions");
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        const char *art = el_jstr(j, el_jget(j, m, "article"));
        span32 sp = {u32(j, el_jget(j, m, "start")), u32(j, el_jget(j, m, "end"))};
        if (art && (!x->want || wanted_span(x, art, sp))) add_mention(x, id, art, sp);
    }
    return 0;
}

/* Before the index: what the events need from it, so that a large run's
** index holds the articles with events and the actors' mentions in their
** event sentences, not the whole folder. */
static int want_event(const el_jline *j, long line, void *ud) {
    (void)line;
    xp *x = ud;
    char ib[32];
    int ms = el_jget(j, 0, "mentions");
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        const char *art = el_jid(j, el_jget(j, m, "article"), ib);
        if (!art) continue;
        wantvec *w = el_strmap_get(x->want, art, strlen(art));
        if (!w && (!(w = el_arena_calloc(x->a, sizeof *w)) || el_strmap_put(x->want, art, strlen(art), w)))
            return 1;
        int k = el_jget(j, m, "sentence");
        if (el_jtype_of(j, k) == EL_JINT && el_jint(j, k) >= 0 && el_jint(j, k) <= UINT32_MAX)
            EL_PUSH(x->a, *w, (uint32_t)el_jint(j, k));
    }
    static const char *const sides[] = {"source", "target"};
    for (int r = 0; r < 2; r++) {
        int arr = el_jget(j, 0, sides[r]);
        for (int a = el_jfirst(j, arr); a >= 0; a = el_jnext(j, arr, a)) {
            const char *eid = el_jid(j, el_jget(j, a, "entity"), ib);
            if (eid && el_strmap_put(x->want_ent, eid, strlen(eid), x)) return 1;
        }
    }
    return el_arena_failed(x->a);
}

/* The index from a run folder: events (what is wanted), articles, entities.
** Bad lines are reported by the reading that writes (events) or here. */
static int dir_index(xp *x, const char *out_dir, el_diag *d) {
    char path[4200];
    if (!(x->want = el_strmap_new(x->a, 1024)) || !(x->want_ent = el_strmap_new(x->a, 256))) return EL_EINPUT;
    snprintf(path, sizeof path, "%s/events.jsonl", out_dir);
    if (el_jsonl_each(path, want_event, x, NULL) < 0 && el_arena_failed(x->a)) return EL_EINPUT;
    snprintf(path, sizeof path, "%s/articles.jsonl", out_dir);
    if (el_jsonl_each(path, dir_article, x, d) < 0) return EL_EINPUT;
    snprintf(path, sizeof path, "%s/entities.jsonl", out_dir);
    if (el_jsonl_each(path, dir_entity, x, d) < 0) return EL_EINPUT;
    return EL_OK;
}

/* ---- Field helpers ---- */

/* A TSV field: tabs and line breaks would split the row, so they become spaces. */
static void tsv(el_buf *b, const char *s) {
    while (s && *s) {
        size_t n = strcspn(s, "\t\n\r");                 /* a run of plain bytes in one copy */
        el_buf_put(b, s, n);
        s += n;
        if (*s) { el_buf_putc(b, ' '); s++; }
    }
}

static void tsv_upper(el_buf *b, const char *s) {
    for (; s && *s; s++)
        el_buf_putc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : (char)toupper((unsigned char)*s));
}

bool el_date_period(const char *v, el_date *lo, el_date *hi) {
    int y, m, d, w;
    *lo = *hi = EL_DATE_UNKNOWN;
    if (!v) return false;
    size_t n = strlen(v);
    if (n >= 10 && sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && v[4] == '-' && v[7] == '-' &&
        el_date_valid_ymd(y, m, d)) {
        *lo = *hi = el_date_from_ymd(y, m, d);
    } else if (n >= 8 && sscanf(v, "%4d-W%2d", &y, &w) == 2 && w >= 1 && w <= 53) {
        el_date jan4 = el_date_from_ymd(y, 1, 4);            /* always in ISO week 1 */
        el_date mon = jan4 - el_date_weekday(jan4) + 7 * (w - 1);
        bool we = strstr(v, "-WE") != NULL;
        *lo = we ? mon + 5 : mon;
        *hi = mon + 6;
    } else if (n == 7 && sscanf(v, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12) {
        *lo = el_date_from_ymd(y, m, 1);
        *hi = el_date_from_ymd(y, m, el_date_days_in_month(y, m));
    } else if (n == 4 && sscanf(v, "%4d", &y) == 1) {
        *lo = el_date_from_ymd(y, 1, 1);
        *hi = el_date_from_ymd(y, 12, 31);
    } else {
        return false;
    }
    return true;
}

/* The day an event's date stands for in tables that want one day: the
** first of its period (a month's first day, a week's Monday). */
static el_date period_start(const char *v) {
    el_date lo, hi;
    el_date_period(v, &lo, &hi);
    return lo;
}

/* v as printf's "%0<width>d" (v >= 0 and of at most width digits here;
** printf itself otherwise). */
static void put_pad(el_buf *b, int v, int width) {
    static const int lim[] = {1, 10, 100, 1000, 10000};
    if (v < 0 || width < 1 || width > 4 || v >= lim[width]) { el_buf_printf(b, "%0*d", width, v); return; }
    char d[4];
    for (int i = width - 1; i >= 0; i--) { d[i] = (char)('0' + v % 10); v /= 10; }
    el_buf_put(b, d, (size_t)width);
}

/* y m d as "%04d%02d%02d": GDELT's date columns. */
static void put_ymd(el_buf *b, int y, int m, int d) {
    put_pad(b, y, 4);
    put_pad(b, m, 2);
    put_pad(b, d, 2);
}

static void put_yyyymmdd(el_buf *b, el_date t, const char *suffix) {
    if (t == EL_DATE_UNKNOWN) return;
    int y, m, d;
    el_date_to_ymd(t, &y, &m, &d);
    put_ymd(b, y, m, d);
    el_buf_puts(b, suffix);
}

/* Numbers of the current event line: integers as written, reals with prec
** decimals ("%.<prec>f"). */
static void put_num(xp *x, int v, int prec) {
    if (el_jtype_of(x->j, v) == EL_JINT) el_buf_int(&x->b, el_jint(x->j, v));
    else if (el_jtype_of(x->j, v) == EL_JREAL) el_buf_fixed(&x->b, el_jnum(x->j, v), prec);
}

static void put_real(xp *x, int v, int prec) {
    if (el_jis_num(x->j, v)) el_buf_fixed(&x->b, el_jnum(x->j, v), prec);
}

/* Member key of object o of the current event line. */
static int get(const xp *x, int o, const char *key) { return el_jget(x->j, o, key); }
static const char *sget(const xp *x, int o, const char *key) { return el_jstr(x->j, el_jget(x->j, o, key)); }

/* The event object's own members, found in one pass over its keys: the
** writers ask for them a hundred times a line, and each el_jget walks
** every key. KEEP IN SYNC: enum ev_key and ev_keys[]. */
static const char *const ev_keys[K__COUNT] = {
    "id",
    "date",
    "date_granularity",
    "event",
    "cameo",
    "quad_class",
    "goldstein",
    "modality",
    "source",
    "target",
    "location",
    "episode",
    "thread",
    "num_mentions",
    "num_articles",
    "num_sources",
    "mentions",
};

/* top[k]: the value of member ev_keys[k] of the line's object (the last of
** repeated keys, as el_jget), or -1. */
static void index_event(int top[K__COUNT], const el_jline *j) {
    static const uint8_t lens[K__COUNT] = {2, 4, 16, 5, 5, 10, 9, 8, 6, 6, 8, 7, 6, 12, 12, 11, 8};
    for (int k = 0; k < K__COUNT; k++) top[k] = -1;
    const el_jtok *o = &j->t[0];
    for (uint32_t m = 1; m < o->next; m = j->t[m + 1].next) {
        const char *key = el_jstr(j, (int)m);
        size_t n = el_jstrlen(j, (int)m);
        for (int k = 0; k < K__COUNT; k++)
            if (n == lens[k] && key[0] == ev_keys[k][0] && memcmp(key, ev_keys[k], n) == 0) { top[k] = (int)m + 1; break; }
    }
}

static int top(const xp *x, int k) { return x->top[k]; }
static const char *tstr(const xp *x, int k) { return el_jstr(x->j, x->top[k]); }

/* ---- GDELT 2.0 ---- */

/* CAMEO actor-type ("role") codes: in an actor code they are types, any
** other 3-letter part after the country is a known group (HMS, UNO). */
static const char *const roles[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PTY",
    "RAD", "REB", "REF", "SEP", "SPY", "UAF", NULL,
};

static bool is_role(const char *c) {
    for (const char *const *r = roles; *r; r++)
        if (strncmp(c, *r, 3) == 0) return true;
    return false;
}

/* Actor columns 1-10 (Code, Name, CountryCode, KnownGroupCode, EthnicCode,
** Religion1Code, Religion2Code, Type1Code, Type2Code, Type3Code) of actor
** a (a token of the event line; < 0: none). */
static void gdelt_actor(xp *x, int a) {
    el_buf *b = &x->b;
    const char *code = sget(x, a, "code"), *name = sget(x, a, "name");
    char country[4] = "", group[4] = "", types[3][4] = {"", "", ""};
    size_t n = code ? strlen(code) : 0, nt = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char c[4] = {code[i], code[i + 1], code[i + 2], 0};
        if (is_role(c)) { if (nt < 3) memcpy(types[nt++], c, 4); }
        else if (i == 0) memcpy(country, c, 4);
        else if (!group[0]) memcpy(group, c, 4);
    }
    if (!country[0] && a >= 0) {        /* no country in the code: the entity's own */
        char ib[32];
        const char *eid = el_jid(x->j, get(x, a, "entity"), ib);
        const ent_info *e = eid ? el_strmap_get(x->ents, eid, strlen(eid)) : NULL;
        if (e && e->country && strlen(e->country) == 3) memcpy(country, e->country, 4);
    }
    tsv(b, code); el_buf_putc(b, '\t');
    tsv_upper(b, name); el_buf_putc(b, '\t');
    const char *cols[] = {country, "\t", group, "\t\t\t\t", types[0], "\t", types[1], "\t", types[2], "\t"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) el_buf_puts(b, cols[i]);
}

static const art_info *article(const xp *x, int m) {
    char ib[32];
    const char *id = el_jid(x->j, get(x, m, "article"), ib);
    return id ? el_strmap_get(x->arts, id, strlen(id)) : NULL;
}

/* GDELT's DATEADDED: when eventline first saw the event, i.e. the earliest
** publication date among its articles. */
static el_date first_seen(const xp *x) {
    el_date best = EL_DATE_UNKNOWN;
    int ms = top(x, K_MENTIONS);
    for (int m = el_jfirst(x->j, ms); m >= 0; m = el_jnext(x->j, ms, m)) {
        const art_info *ai = article(x, m);
        el_date t = ai && ai->date ? el_date_parse(ai->date, strlen(ai->date)) : EL_DATE_UNKNOWN;
        if (t != EL_DATE_UNKNOWN && (best == EL_DATE_UNKNOWN || t < best)) best = t;
    }
    return best;
}

/* GlobalEventID must be a number: the event id when it is one, else the
** event's position in the export (1-based). */
static long long global_id(const xp *x) {
    int v = top(x, K_ID);
    if (el_jtype_of(x->j, v) == EL_JINT) return el_jint(x->j, v);
    const char *s = el_jstr(x->j, v);
    if (s && *s && strspn(s, "0123456789") == strlen(s) && strlen(s) < 18) return atoll(s);
    return x->ordinal;
}

static void gdelt_event(xp *x) {
    el_buf *b = &x->b;
    const el_jline *j = x->j;
    el_date t = period_start(tstr(x, K_DATE));
    el_buf_int(b, global_id(x));
    el_buf_putc(b, '\t');
    if (t != EL_DATE_UNKNOWN) {
        int y, m, d;
        el_date_to_ymd(t, &y, &m, &d);
        put_ymd(b, y, m, d);
        el_buf_putc(b, '\t');
        put_pad(b, y, 4);
        put_pad(b, m, 2);
        el_buf_putc(b, '\t');
        put_pad(b, y, 4);
        el_buf_putc(b, '\t');
        /* FractionDate as GDELT's codebook defines it: (MONTH * 30 + DAY) / 365. */
        el_buf_fixed(b, y + (m * 30 + d) / 365.0, 4);
        el_buf_putc(b, '\t');
    } else {
        el_buf_puts(b, "\t\t\t\t");
    }
    gdelt_actor(x, el_jat(j, top(x, K_SOURCE), 0));
    gdelt_actor(x, el_jat(j, top(x, K_TARGET), 0));
    /* IsRootEvent: GDELT marks events of a lead paragraph. */
    int root = 0;
    int ms = top(x, K_MENTIONS);
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        const art_info *ai = article(x, m);
        if (ai && u32(j, get(x, m, "start")) < ai->p0_end) root = 1;
    }
    const char *cameo = tstr(x, K_CAMEO);
    el_buf_int(b, root);
    el_buf_putc(b, '\t');
    /* GDELT writes a root-level code as three digits ("03" is "030"). */
    char code[8] = "";
    if (cameo) snprintf(code, sizeof code, strlen(cameo) == 2 ? "%s0" : "%s", cameo);
    tsv(b, code); el_buf_putc(b, '\t');
    if (cameo) {                                              /* EventBaseCode, EventRootCode */
        el_buf_put(b, code, strnlen(code, 3));
        el_buf_putc(b, '\t');
        el_buf_put(b, code, strnlen(code, 2));
        el_buf_putc(b, '\t');
    } else {
        el_buf_puts(b, "\t\t");
    }
    put_num(x, top(x, K_QUAD_CLASS), 0); el_buf_putc(b, '\t');
    put_real(x, top(x, K_GOLDSTEIN), 1); el_buf_putc(b, '\t');
    put_num(x, top(x, K_NUM_MENTIONS), 0); el_buf_putc(b, '\t');
    put_num(x, top(x, K_NUM_SOURCES), 0); el_buf_putc(b, '\t');
    put_num(x, top(x, K_NUM_ARTICLES), 0); el_buf_putc(b, '\t');
    el_buf_puts(b, "\t");                                     /* AvgTone */
    el_buf_puts(b, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");           /* Actor1Geo_*, Actor2Geo_* */
    int loc = top(x, K_LOCATION);
    if (el_jtype_of(j, loc) == EL_JOBJ) {
        const char *name = sget(x, loc, "name");
        /* ActionGeo_Type: 1 country when the place is a country entity, else
        ** 4 world city (eventline has no finer gazetteer class). */
        bool is_country = name && el_strmap_get(x->countries, name, strlen(name));
        el_buf_puts(b, is_country ? "1\t" : "4\t");
        tsv(b, name); el_buf_putc(b, '\t');
        tsv(b, sget(x, loc, "country"));
        el_buf_puts(b, "\t\t\t");                             /* ADM1, ADM2 */
        put_real(x, get(x, loc, "lat"), 4); el_buf_putc(b, '\t');
        put_real(x, get(x, loc, "lon"), 4); el_buf_putc(b, '\t');
    } else {
        el_buf_puts(b, "\t\t\t\t\t\t\t");
    }
    el_buf_putc(b, '\t');                                     /* ActionGeo_FeatureID */
    put_yyyymmdd(b, first_seen(x), "000000");
    el_buf_putc(b, '\t');
    const art_info *ai = article(x, el_jat(j, ms, 0));
    if (ai) tsv(b, ai->url ? ai->url : ai->file ? ai->file : ai->id);
    el_buf_putc(b, '\n');
}

/* The sentence span of mention m, or NULL when its article or sentence is unknown. */
static const span32 *mention_sentence(const xp *x, int m, const art_info **ai_out) {
    const art_info *ai = article(x, m);
    *ai_out = ai;
    int k = get(x, m, "sentence");
    if (!ai || el_jtype_of(x->j, k) != EL_JINT || el_jint(x->j, k) < 0 || el_jint(x->j, k) > UINT32_MAX)
        return NULL;
    return sentence_at(ai, (uint32_t)el_jint(x->j, k));
}

/* The first mention of actor a's entity inside span sp of article ai, or NULL. */
static const span32 *actor_in(const xp *x, int a, const art_info *ai, const span32 *sp) {
    char ib[32];
    const char *eid = el_jid(x->j, get(x, a, "entity"), ib);
    if (!eid || !ai || !sp) return NULL;
    for (size_t i = 0; i < ai->ments.n; i++) {
        const ment *m = &ai->ments.v[i];
        if (m->sp.s >= sp->s && m->sp.e <= sp->e && strcmp(m->entity, eid) == 0) return &m->sp;
    }
    return NULL;
}

/* GDELT 2.0 mentions table: one row per mention of each event. */
static void gdelt_mentions(xp *x) {
    el_buf *b = &x->b;
    const el_jline *j = x->j;
    long long gid = global_id(x);
    el_date seen = first_seen(x);
    int src = el_jat(j, top(x, K_SOURCE), 0), tgt = el_jat(j, top(x, K_TARGET), 0);
    int ms = top(x, K_MENTIONS);
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        const art_info *ai;
        const span32 *sp = mention_sentence(x, m, &ai);
        el_buf_int(b, gid);
        el_buf_putc(b, '\t');
        put_yyyymmdd(b, seen, "000000");
        el_buf_putc(b, '\t');
        if (ai && ai->date) put_yyyymmdd(b, el_date_parse(ai->date, strlen(ai->date)), "000000");
        /* MentionType 1 (web) with a URL; 2 (citation only) names the file. */
        el_buf_puts(b, ai && ai->url ? "\t1\t" : "\t2\t");
        if (ai) tsv(b, ai->outlet);
        el_buf_putc(b, '\t');
        if (ai) tsv(b, ai->url ? ai->url : ai->file ? ai->file : ai->id);
        else tsv(b, sget(x, m, "article"));
        el_buf_putc(b, '\t');
        int k = get(x, m, "sentence"), st = get(x, m, "start");
        if (el_jtype_of(j, k) == EL_JINT) el_buf_int(b, el_jint(j, k) + 1);
        const span32 *a1 = actor_in(x, src, ai, sp), *a2 = actor_in(x, tgt, ai, sp);
        el_buf_putc(b, '\t');
        el_buf_int(b, a1 ? (long)a1->s : -1L);
        el_buf_putc(b, '\t');
        el_buf_int(b, a2 ? (long)a2->s : -1L);
        el_buf_putc(b, '\t');
        el_buf_int(b, el_jtype_of(j, st) == EL_JINT ? (long)el_jint(j, st) : -1L);
        el_buf_puts(b, "\t1\t\t");
        if (ai) el_buf_int(b, ai->len);
        el_buf_puts(b, "\t\t");                               /* MentionDocTone */
        if (ai && ai->translated == 1) {
            el_buf_puts(b, "srclc:");
            tsv(b, ai->origin ? ai->origin : "und");
            el_buf_puts(b, ";eng:unknown");
        }
        el_buf_puts(b, "\t\n");                               /* Extras */
    }
}

/* ---- PLOVER ---- */

/* A value as jansson writes it compactly (reals to 10 digits), so that the
** records keep the bytes they had when jansson wrote them. */
static void put_json_str(el_buf *b, const char *s, size_t n) {
    el_buf_putc(b, '"');
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        el_buf_put(b, s + from, i - from);
        from = i + 1;
        switch (c) {
        case '"': el_buf_puts(b, "\\\""); break;
        case '\\': el_buf_puts(b, "\\\\"); break;
        case '\b': el_buf_puts(b, "\\b"); break;
        case '\f': el_buf_puts(b, "\\f"); break;
        case '\n': el_buf_puts(b, "\\n"); break;
        case '\r': el_buf_puts(b, "\\r"); break;
        case '\t': el_buf_puts(b, "\\t"); break;
        default: el_buf_printf(b, "\\u%04X", c); break;
        }
    }
    el_buf_put(b, s + from, n - from);
    el_buf_putc(b, '"');
}

static void put_json_real(el_buf *b, double v) {
    char t[64];
    int n = snprintf(t, sizeof t, "%.10g", v);
    if (n < 0 || n >= (int)sizeof t - 3) { el_buf_puts(b, "null"); return; }
    if (!strchr(t, '.') && !strchr(t, 'e')) { memcpy(t + n, ".0", 3); n += 2; }
    char *e = strchr(t, 'e');
    if (e) {                            /* "1e+20" -> "1e20", "1e-05" -> "1e-5" */
        char *start = e + 1, *end = start + 1;
        if (*start == '-') start++;
        while (*end == '0') end++;
        if (end != start) memmove(start, end, strlen(end) + 1);
    }
    el_buf_puts(b, t);
}

static void put_json(const el_jline *j, el_buf *b, int v) {
    switch (el_jtype_of(j, v)) {
    case EL_JSTR: put_json_str(b, el_jstr(j, v), el_jstrlen(j, v)); break;
    case EL_JINT: el_buf_int(b, el_jint(j, v)); break;
    case EL_JREAL: put_json_real(b, el_jnum(j, v)); break;
    case EL_JTRUE: el_buf_puts(b, "true"); break;
    case EL_JFALSE: el_buf_puts(b, "false"); break;
    case EL_JARR:
        el_buf_putc(b, '[');
        for (int e = el_jfirst(j, v); e >= 0; e = el_jnext(j, v, e)) {
            if (e != v + 1) el_buf_putc(b, ',');
            put_json(j, b, e);
        }
        el_buf_putc(b, ']');
        break;
    case EL_JOBJ:
        el_buf_putc(b, '{');
        for (uint32_t k = (uint32_t)v + 1; k < j->t[v].next; k = j->t[k + 1].next) {
            if (k != (uint32_t)v + 1) el_buf_putc(b, ',');
            put_json_str(b, el_jstr(j, (int)k), el_jstrlen(j, (int)k));
            el_buf_putc(b, ':');
            put_json(j, b, (int)k + 1);
        }
        el_buf_putc(b, '}');
        break;
    default: el_buf_puts(b, "null");
    }
}

/* PLOVER's actor list: [{"actorText","code"}], or "" when there is none,
** as in the PLOVER gold-standard records. */
static void plover_actors(xp *x, int arr) {
    el_buf *b = &x->b;
    if (!el_jsize(x->j, arr)) { el_buf_puts(b, "\"\""); return; }
    el_buf_putc(b, '[');
    for (int a = el_jfirst(x->j, arr); a >= 0; a = el_jnext(x->j, arr, a)) {
        int f = 1;
        el_buf_puts(b, a != arr + 1 ? ",{" : "{");
        el_json_key_plain(b, "actorText", &f); put_json(x->j, b, get(x, a, "name"));
        el_json_key_plain(b, "code", &f); put_json(x->j, b, get(x, a, "code"));
        el_json_key_plain(b, "entity", &f); put_json(x->j, b, get(x, a, "entity"));
        el_buf_putc(b, '}');
    }
    el_buf_putc(b, ']');
}

typedef struct mark { uint32_t s, e; const char *tag; } mark;

/* textInfo.markup: the sentence with PLOVER's marks, "(SRC: Hamas) has
** (EVT: rejected) ...". Marks that overlap an earlier one are left out. */
static void plover_markup(xp *x, el_buf *b, int m, const char *text) {
    const art_info *ai;
    const span32 *sp = mention_sentence(x, m, &ai);
    size_t len = strlen(text);
    mark mk[9];
    size_t n = 0;
    if (sp && sp->e - sp->s == len) {
        uint32_t s = u32(x->j, get(x, m, "start")), e = u32(x->j, get(x, m, "end"));
        if (s >= sp->s && e <= sp->e && s < e) mk[n++] = (mark){s - sp->s, e - sp->s, "EVT"};
        static const char *const tags[2] = {"SRC", "TAR"};
        for (int r = 0; r < 2; r++)
            for (size_t i = 0; i < 4 && n < 9; i++) {
                int a = el_jat(x->j, top(x, r ? K_TARGET : K_SOURCE), i);
                const span32 *as = a >= 0 ? actor_in(x, a, ai, sp) : NULL;
                if (as) mk[n++] = (mark){as->s - sp->s, as->e - sp->s, tags[r]};
            }
    }
    for (size_t i = 1; i < n; i++)                            /* by start: insertion sort */
        for (size_t k = i; k > 0 && mk[k].s < mk[k - 1].s; k--) {
            mark t = mk[k]; mk[k] = mk[k - 1]; mk[k - 1] = t;
        }
    el_buf *out = &x->tmp;
    out->len = 0;
    uint32_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (mk[i].s < at) continue;
        el_buf_put(out, text + at, mk[i].s - at);
        el_buf_putc(out, '(');
        el_buf_puts(out, mk[i].tag);
        el_buf_puts(out, ": ");
        el_buf_put(out, text + mk[i].s, mk[i].e - mk[i].s);
        el_buf_putc(out, ')');
        at = mk[i].e;
    }
    el_buf_put(out, text + at, len - at);
    el_json_str(b, out->p ? out->p : "", out->len);
}

static void plover_record(xp *x) {
    el_buf *b = &x->b;
    const el_jline *j = x->j;
    int f = 1;
    int ms = top(x, K_MENTIONS), m0 = el_jat(j, ms, 0);
    const char *text = sget(x, m0, "text");
    const art_info *ai;
    const span32 *sp = mention_sentence(x, m0, &ai);
    el_buf_putc(b, '{');
    el_json_key_plain(b, "id", &f); put_json(j, b, top(x, K_ID));
    el_json_key_plain(b, "date", &f); put_json(j, b, top(x, K_DATE));
    el_json_key_plain(b, "source", &f); plover_actors(x, top(x, K_SOURCE));
    el_json_key_plain(b, "target", &f); plover_actors(x, top(x, K_TARGET));
    el_json_key_plain(b, "event", &f); put_json(j, b, top(x, K_EVENT));
    el_json_key_plain(b, "eventText", &f);
    uint32_t s = u32(j, get(x, m0, "start")), e = u32(j, get(x, m0, "end"));
    if (text && sp && sp->e - sp->s == strlen(text) && s >= sp->s && e <= sp->e && s <= e)
        el_json_str(b, text + (s - sp->s), e - s);
    else
        el_buf_puts(b, "\"\"");
    /* mode and context need a classifier eventline does not have yet. */
    el_json_key_plain(b, "mode", &f); el_buf_puts(b, "\"\"");
    el_json_key_plain(b, "context", &f); el_buf_puts(b, "\"\"");
    el_json_key_plain(b, "text", &f); el_json_strz(b, text);
    el_json_key_plain(b, "textInfo", &f);
    el_buf_puts(b, "{\"markup\":");
    if (text) plover_markup(x, b, m0, text); else el_buf_puts(b, "null");
    el_buf_putc(b, '}');
    int loc = top(x, K_LOCATION);
    if (el_jtype_of(j, loc) == EL_JOBJ) { el_json_key_plain(b, "eventLoc", &f); put_json(j, b, loc); }
    el_json_key_plain(b, "language", &f); el_json_strz(b, ai ? ai->language : NULL);
    el_json_key_plain(b, "publication", &f); el_json_strz(b, ai ? ai->outlet : NULL);
    el_json_key_plain(b, "coder", &f); el_json_strz(b, "eventline");
    el_json_key_plain(b, "eventline", &f);
    el_buf_putc(b, '{');
    int g = 1;
    static const int extra[] = {
        K_CAMEO, K_QUAD_CLASS, K_GOLDSTEIN, K_MODALITY, K_DATE_GRANULARITY, K_EPISODE, K_THREAD,
        K_NUM_MENTIONS, K_NUM_ARTICLES, K_NUM_SOURCES,
    };
    for (size_t i = 0; i < sizeof extra / sizeof *extra; i++) {
        el_json_key_plain(b, ev_keys[extra[i]], &g);
        put_json(j, b, top(x, extra[i]));
    }
    el_json_key_plain(b, "articles", &g);
    el_buf_putc(b, '[');
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        if (m != ms + 1) el_buf_putc(b, ',');
        put_json(j, b, get(x, m, "article"));
    }
    el_buf_puts(b, "]}}\n");
}

/* ---- CSV ---- */

/* RFC 4180 quoting. Text cells that a spreadsheet would run as a formula
** (= + - @ first) get a leading apostrophe: article text is not trusted. */
static void csv_cell(el_buf *b, const char *s, bool text) {
    if (!s) return;
    bool q = strpbrk(s, ",\"\r\n") != NULL, formula = text && strchr("=+-@\t\r", *s) && *s;
    if (q || formula) el_buf_putc(b, '"');
    if (formula) el_buf_putc(b, '\'');
    while (*s) {                                              /* runs without a quote in one copy */
        size_t n = strcspn(s, "\"");
        el_buf_put(b, s, n);
        s += n;
        if (*s) { el_buf_put(b, "\"\"", 2); s++; }
    }
    if (q || formula) el_buf_putc(b, '"');
}

static void csv_num(xp *x, int v, int prec) { put_num(x, v, prec); }

/* Actors' key (name or code) joined by "; ". */
static void csv_actors(xp *x, int arr, const char *key) {
    el_buf *t = &x->tmp;
    t->len = 0;
    for (int a = el_jfirst(x->j, arr); a >= 0; a = el_jnext(x->j, arr, a)) {
        const char *v = sget(x, a, key);
        if (t->len) el_buf_puts(t, "; ");
        el_buf_puts(t, v ? v : "");
    }
    el_buf_putc(t, '\0');
    csv_cell(&x->b, t->p, true);
}

static const char csv_header[] =
    "id,date,date_granularity,event,cameo,quad_class,goldstein,modality,source,source_code,"
    "target,target_code,location,location_country,lat,lon,episode,thread,num_mentions,"
    "num_articles,num_sources,articles,text\n";

static void csv_row(xp *x) {
    el_buf *b = &x->b;
    const el_jline *j = x->j;
    char ib[32];
    static const int str1[] = {K_DATE, K_DATE_GRANULARITY, K_EVENT, K_CAMEO};
    csv_cell(b, el_jid(j, top(x, K_ID), ib), true);
    for (int i = 0; i < 4; i++) { el_buf_putc(b, ','); csv_cell(b, tstr(x, str1[i]), true); }
    el_buf_putc(b, ','); csv_num(x, top(x, K_QUAD_CLASS), 0);
    el_buf_putc(b, ','); csv_num(x, top(x, K_GOLDSTEIN), 1);
    el_buf_putc(b, ','); csv_cell(b, tstr(x, K_MODALITY), true);
    el_buf_putc(b, ','); csv_actors(x, top(x, K_SOURCE), "name");
    el_buf_putc(b, ','); csv_actors(x, top(x, K_SOURCE), "code");
    el_buf_putc(b, ','); csv_actors(x, top(x, K_TARGET), "name");
    el_buf_putc(b, ','); csv_actors(x, top(x, K_TARGET), "code");
    int loc = top(x, K_LOCATION);
    el_buf_putc(b, ','); csv_cell(b, sget(x, loc, "name"), true);
    el_buf_putc(b, ','); csv_cell(b, sget(x, loc, "country"), true);
    el_buf_putc(b, ','); if (el_jis_num(j, get(x, loc, "lat"))) el_buf_fixed(b, el_jnum(j, get(x, loc, "lat")), 4);
    el_buf_putc(b, ','); if (el_jis_num(j, get(x, loc, "lon"))) el_buf_fixed(b, el_jnum(j, get(x, loc, "lon")), 4);
    el_buf_putc(b, ','); csv_cell(b, tstr(x, K_EPISODE), true);
    el_buf_putc(b, ','); csv_cell(b, tstr(x, K_THREAD), true);
    static const int nums[] = {K_NUM_MENTIONS, K_NUM_ARTICLES, K_NUM_SOURCES};
    for (int i = 0; i < 3; i++) { el_buf_putc(b, ','); csv_num(x, top(x, nums[i]), 0); }
    /* The distinct articles, in mention order, then the first mention's
    ** sentence. A set of the ids seen keeps this linear in the mentions. */
    el_buf *t = &x->tmp;
    t->len = 0;
    int ms = top(x, K_MENTIONS);
    /* The set holds where each id sits in t (off 0: empty slot). */
    size_t cap = 16;
    while (cap < 2 * el_jsize(j, ms)) cap *= 2;
    if (cap > x->seen_cap) {
        idref *s = realloc(x->seen, cap * sizeof *s);
        if (!s) { x->oom = true; return; }
        x->seen = s;
        x->seen_cap = cap;
    }
    memset(x->seen, 0, cap * sizeof *x->seen);
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        const char *a = el_jid(j, get(x, m, "article"), ib);
        if (!a) continue;
        size_t n = strlen(a), h = (size_t)el_hash(a, n) & (cap - 1);
        const idref *r;
        while ((r = &x->seen[h])->off && !(r->len == n && memcmp(t->p + r->off - 1, a, n) == 0))
            h = (h + 1) & (cap - 1);
        if (r->off) continue;                                 /* one entry an article */
        if (t->len) el_buf_puts(t, "; ");
        x->seen[h] = (idref){t->len + 1, n};
        el_buf_put(t, a, n);
    }
    el_buf_putc(t, '\0');
    el_buf_putc(b, ','); csv_cell(b, t->p, true);
    el_buf_putc(b, ','); csv_cell(b, sget(x, el_jat(j, ms, 0), "text"), true);
    el_buf_putc(b, '\n');
}

/* ---- Drivers ---- */

/* One event line (its object is token 0, its members in top) in x's format. */
static int write_event(xp *x, const el_jline *j, const int *top) {
    x->ordinal++;
    x->j = j;
    x->top = top;
    switch (x->format) {
    case EL_EXPORT_GDELT: gdelt_event(x); break;
    case EL_EXPORT_GDELT_MENTIONS: gdelt_mentions(x); break;
    case EL_EXPORT_PLOVER: plover_record(x); break;
    default: csv_row(x); break;
    }
    x->j = NULL;
    x->top = NULL;
    if (x->oom) return 1;
    if (x->b.len >= (1 << 20) && el_buf_flush(&x->b, x->f)) return 1;
    return 0;
}

static int on_event(const el_jline *j, long line, void *ud) {
    (void)line;
    int top[K__COUNT];
    index_event(top, j);
    return write_event(ud, j, top);
}

static int xp_init(xp *x, int format, FILE *f, el_diag *d) {
    memset(x, 0, sizeof *x);
    x->format = format;
    x->f = f;
    x->d = d;
    if (!(x->a = el_arena_new(NULL, 1 << 20)) || !(x->arts = el_strmap_new(x->a, 1024)) ||
        !(x->ents = el_strmap_new(x->a, 1024)) || !(x->countries = el_strmap_new(x->a, 64))) {
        el_arena_free(x->a);
        el_reject(d, "<memory>", 0, "out of memory starting the export");
        return EL_ENOMEM;
    }
    if (format == EL_EXPORT_CSV) el_buf_puts(&x->b, csv_header);
    return EL_OK;
}

static int xp_done(xp *x, int rc) {
    if (rc == EL_OK && (el_arena_failed(x->a) || x->oom)) {
        el_reject(x->d, "<memory>", 0, "out of memory during the export");
        rc = EL_EINPUT;
    }
    if (rc == EL_OK && (el_buf_flush(&x->b, x->f) || fflush(x->f))) {
        el_reject(x->d, "<output>", 0, "write error: %s", strerror(errno));
        rc = EL_EINPUT;
    }
    el_buf_free(&x->b);
    el_buf_free(&x->tmp);
    free(x->seen);
    el_jline_free(&x->row);
    el_arena_free(x->a);
    return rc;
}

int el_export_dir(const char *out_dir, int format, FILE *f, el_diag *d) {
    xp x;
    if (xp_init(&x, format, f, d) != EL_OK) return EL_EINPUT;
    char path[4096];
    int rc = dir_index(&x, out_dir, d);
    snprintf(path, sizeof path, "%s/events.jsonl", out_dir);
    if (rc == EL_OK) {
        int r = el_jsonl_each(path, on_event, &x, d);
        if (r == 1) el_reject(d, path, 0, "no events file: nothing to export");
        if (r != 0) rc = EL_EINPUT;
    }
    return xp_done(&x, rc);
}

static const char *coltext(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* The same index as dir_article and dir_entity build, from the tables. */
static int db_index(xp *x, sqlite3 *db) {
    sqlite3_stmt *st;
    int rc = 0;
    if (sqlite3_prepare_v2(db, "SELECT id, url, outlet, file, date, language,"
                               " json_extract(json, '$.language_of_origin'), translated,"
                               " json_extract(paragraphs, '$[0][1]'), length(CAST(body AS BLOB))"
                               " FROM articles ORDER BY seq", -1, &st, NULL) != SQLITE_OK)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        art_info *ai = add_article(x, coltext(st, 0));
        if (!ai) continue;
        ai->url = dup(x, coltext(st, 1));
        ai->outlet = dup(x, coltext(st, 2));
        ai->file = dup(x, coltext(st, 3));
        ai->date = dup(x, coltext(st, 4));
        ai->language = dup(x, coltext(st, 5));
        ai->origin = dup(x, coltext(st, 6));
        ai->translated = sqlite3_column_type(st, 7) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 7);
        ai->p0_end = (uint32_t)sqlite3_column_int64(st, 8);
        ai->len = (uint32_t)sqlite3_column_int64(st, 9);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    if (sqlite3_prepare_v2(db, "SELECT article, start, end FROM sentences ORDER BY article, idx", -1,
                           &st, NULL) != SQLITE_OK)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = coltext(st, 0);
        art_info *ai = el_strmap_get(x->arts, id, strlen(id));
        span32 sp = {(uint32_t)sqlite3_column_int64(st, 1), (uint32_t)sqlite3_column_int64(st, 2)};
        if (ai) {
            wsent ws = {(uint32_t)ai->sents.n, sp};
            EL_PUSH(x->a, ai->sents, ws);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    if (sqlite3_prepare_v2(db, "SELECT id, type, country, name FROM entities ORDER BY seq", -1, &st,
                           NULL) != SQLITE_OK)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *id = coltext(st, 0), *name = coltext(st, 3);
        ent_info *e = el_arena_calloc(x->a, sizeof *e);
        if (!e || el_strmap_put(x->ents, id, strlen(id), e)) continue;
        e->type = dup(x, coltext(st, 1));
        e->country = dup(x, coltext(st, 2));
        if (name && e->type && strcmp(e->type, "country") == 0) el_strmap_put(x->countries, name, strlen(name), e);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return -1;
    if (sqlite3_prepare_v2(db, "SELECT entity, article, start, end FROM entity_mentions ORDER BY seq",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        span32 sp = {(uint32_t)sqlite3_column_int64(st, 2), (uint32_t)sqlite3_column_int64(st, 3)};
        add_mention(x, coltext(st, 0), coltext(st, 1), sp);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int el_export_store(el_store *s, int format, FILE *f, el_diag *d) {
    xp x;
    if (xp_init(&x, format, f, d) != EL_OK) return EL_EINPUT;
    sqlite3 *db = el_store_db(s);
    sqlite3_stmt *st = NULL;
    int rc = EL_OK, src;
    /* One read transaction: the index and the events come from one snapshot
    ** even while a run writes. */
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    if (db_index(&x, db) ||
        sqlite3_prepare_v2(db, "SELECT json FROM events ORDER BY seq", -1, &st, NULL) != SQLITE_OK) {
        el_reject(d, sqlite3_db_filename(db, "main"), 0, "cannot read: %s", sqlite3_errmsg(db));
        rc = EL_EINPUT;
    }
    while (rc == EL_OK && (src = sqlite3_step(st)) == SQLITE_ROW) {
        const char *err;
        size_t at;
        int prc = el_jparse(&x.row, coltext(st, 0), (size_t)sqlite3_column_bytes(st, 0), &err, &at);
        if (prc == -2) { x.oom = true; rc = EL_EINPUT; break; }
        if (prc < 0 || el_jtype_of(&x.row, 0) != EL_JOBJ) continue;   /* the store keeps parsed lines */
        if (on_event(&x.row, 0, &x)) rc = EL_EINPUT;
    }
    if (rc == EL_OK && src != SQLITE_DONE) {
        el_reject(d, sqlite3_db_filename(db, "main"), 0, "cannot read events: %s", sqlite3_errmsg(db));
        rc = EL_EINPUT;
    }
    sqlite3_finalize(st);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    return xp_done(&x, rc);
}

/* All the formats from one reading of the run folder: the article and
** entity index is built once and shared, and each event line is parsed once
** and handed to every format in turn. */
typedef struct xp_all { xp x[EL_EXPORT__COUNT]; } xp_all;

static int on_event_all(const el_jline *ev, long line, void *ud) {
    (void)line;
    xp_all *all = ud;
    int top[K__COUNT];
    index_event(top, ev);
    for (int i = 0; i < EL_EXPORT__COUNT; i++)
        if (write_event(&all->x[i], ev, top)) return 1;
    return 0;
}

int el_export_write_all(const char *out_dir, el_diag *d) {
    xp_all all;
    FILE *f[EL_EXPORT__COUNT] = {0};
    char path[EL_EXPORT__COUNT][4096], tmp[EL_EXPORT__COUNT][4200];
    int rc = EL_OK, n_init = 0;
    for (int fmt = 0; fmt < EL_EXPORT__COUNT && rc == EL_OK; fmt++) {
        snprintf(path[fmt], sizeof path[fmt], "%s/%s", out_dir, export_files[fmt]);
        snprintf(tmp[fmt], sizeof tmp[fmt], "%s.tmp", path[fmt]);
        if (!(f[fmt] = fopen(tmp[fmt], "wb"))) {
            el_reject(d, tmp[fmt], 0, "cannot write: %s", strerror(errno));
            rc = EL_EINPUT;
        } else if (xp_init(&all.x[fmt], fmt, f[fmt], d) != EL_OK) {
            rc = EL_EINPUT;
        } else {
            n_init++;
        }
    }
    char in[4200];
    if (rc == EL_OK) rc = dir_index(&all.x[0], out_dir, d);
    if (rc == EL_OK) {
        for (int i = 1; i < EL_EXPORT__COUNT; i++) {       /* the index is shared, not copied */
            all.x[i].arts = all.x[0].arts;
            all.x[i].ents = all.x[0].ents;
            all.x[i].countries = all.x[0].countries;
        }
        snprintf(in, sizeof in, "%s/events.jsonl", out_dir);
        int r = el_jsonl_each(in, on_event_all, &all, d);
        if (r == 1) el_reject(d, in, 0, "no events file: nothing to export");
        if (r != 0) rc = EL_EINPUT;
    }
    /* Finish in reverse, so that the arena holding the shared index (the
    ** first format's) goes last. */
    for (int fmt = n_init - 1; fmt >= 0; fmt--) rc = xp_done(&all.x[fmt], rc) == EL_OK ? rc : EL_EINPUT;
    for (int fmt = 0; fmt < EL_EXPORT__COUNT; fmt++) {
        if (!f[fmt]) continue;
        if (fclose(f[fmt]) || rc != EL_OK || rename(tmp[fmt], path[fmt])) {
            if (rc == EL_OK) el_reject(d, path[fmt], 0, "cannot write: %s", strerror(errno));
            remove(tmp[fmt]);
            rc = EL_EINPUT;
        }
    }
    return rc;
}
