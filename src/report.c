/*
** report.c: stage 7, one self-contained report.html from a run folder.
** In:  articles, entities, events, stories, counts, quotes (.jsonl) and,
**      when present, comparisons.jsonl (the counts --compare objects).
** Out: HTML with inline CSS, SVG and a little JS (sort and filter only: the
**      page reads fine without it), sections in this order: summary,
**      threads and episodes, timeline, events, numbers, quotes, articles.
** Memory and size are bounded whatever the run (report.h has the limits):
** what is shown is kept as its JSON line, re-read when written (an event
** also keeps the few fields the stories and the timeline use: ev_meta);
** articles are read twice (what to show, then the bodies of the lines shown
** in full), never held all at once.
** Never break: every byte of input text goes through esc() (a CSP meta tag
** forbids network use besides); output order is file order, so the same
** folder gives the same bytes.
*/
#include "report.h"
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "arena.h"
#include "buf.h"
#include "date.h"
#include "el_int.h"
#include "export.h"
#include "jscan.h"
#include "strmap.h"

/* ---- What the report holds ---- */

typedef struct art_meta {
    const char *id, *title, *date, *date_source, *outlet, *file, *first;  /* first: opening words */
    bool full;                  /* shown in full (within max_articles) */
    long line;                  /* its line in articles.jsonl */
} art_meta;

enum { ANN_ENT, ANN_SENT, ANN_TRIG };

typedef struct ann {            /* one highlight in an article body */
    uint32_t s, e;              /* bytes; for ANN_SENT s is the sentence index until resolved */
    int kind;
    const char *cls, *label;    /* CSS class (entity type) and tooltip */
} ann;

typedef EL_VEC(ann) annvec;

typedef struct ent_meta { const char *name, *type, *code; } ent_meta;

/* A JSON line kept for the page (in the arena), parsed again when written:
** a few hundred bytes where jansson's tree took kilobytes. */
typedef struct line { const char *s; uint32_t len; } line;
typedef EL_VEC(line) linevec;

/* What the stories, the timeline and the event table read of a kept event,
** taken once when it is kept: parsing the line again for each of them cost
** more than all the rest of those sections. Strings are NULL when absent. */
typedef struct ev_meta {
    const char *id, *event, *modality, *date, *episode;
    const char *who;            /* actors_line() */
    const char *label;          /* event_label() */
    long quad, n_mentions, n_articles, n_sources;
} ev_meta;

typedef struct rp {
    el_arena *a;
    el_diag *d;
    const char *dir;
    el_report_opts opt;
    el_buf b, tmp;              /* the page; scratch */
    FILE *f;
    int werr;
    bool oom;
    EL_VEC(art_meta *) arts;    /* the articles kept: shown in full, listed, or referred to */
    el_strmap *art_by_id, *ent_by_id, *anns, *outlets;
    el_strmap *need, *need_ent; /* articles and entities the kept lines refer to */
    el_strmap *thread_ids;      /* every thread of stories.jsonl (episodes' parents) */
    linevec events, stories, counts, quotes, comparisons;
    EL_VEC(ev_meta) evm;        /* events.v[i]'s ev_meta */
    long n_articles, n_listed, n_events, n_entities, n_counts, n_quotes, n_cmp;   /* in the files */
    long n_threads, n_episodes, n_threads_kept, n_episodes_kept;
    el_jline j1, j2;            /* kept lines parsed again, two at a time at most */
} rp;

/* ---- Output ---- */

static void put(rp *r, const char *s) { el_buf_puts(&r->b, s); }

static void flush(rp *r) {
    if (r->b.len >= (1 << 20) && el_buf_flush(&r->b, r->f)) r->werr = 1;
}

/* HTML text and attribute values. Quotes too, so one function serves both.
** The bodies shown in full run through here: plain stretches are found
** sixteen bytes at a time (SSE2) and copied whole. */
static const unsigned char html_special[256] = {['&'] = 1, ['<'] = 2, ['>'] = 3, ['"'] = 4, ['\''] = 5};
static const char *const html_rep[] = {NULL, "&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};

/* The first byte of s[i, n) that html_special marks, or n. */
static size_t html_next(const char *s, size_t i, size_t n) {
#ifdef __SSE2__
    const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>');
    const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\'');
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, lt)),
                                 _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, dq)),
                                              _mm_cmpeq_epi8(v, sq)));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return i + (size_t)__builtin_ctz(bits);
        i += 16;
    }
#endif
    while (i < n && !html_special[(unsigned char)s[i]]) i++;
    return i;
}

static void escn(rp *r, const char *s, size_t n) {
    if (!s) return;
    el_buf *b = &r->b;
    size_t from = 0;
    for (size_t i = html_next(s, 0, n); i < n; i = html_next(s, i, n)) {
        el_buf_put(b, s + from, i - from);
        el_buf_puts(b, html_rep[html_special[(unsigned char)s[i]]]);
        from = ++i;
    }
    el_buf_put(b, s + from, n - from);
}

static void esc(rp *r, const char *s) { if (s) escn(r, s, strlen(s)); }

/* An id inside an HTML id or #fragment: anything but [A-Za-z0-9_.-] becomes
** '_' so that an odd article id can neither break the attribute nor the link. */
static void anchor(rp *r, const char *prefix, const char *id) {
    put(r, prefix);
    for (const char *p = id ? id : ""; *p; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.' || c == '-';
        el_buf_putc(&r->b, ok ? c : '_');
    }
}

/* Members of object o of a parsed line: a string (or NULL), a number (0
** when absent), an id as text. */
static const char *str(const el_jline *j, int o, const char *k) { return el_jstr(j, el_jget(j, o, k)); }

static long num(const el_jline *j, int o, const char *k) {
    int v = el_jget(j, o, k);
    return el_jis_num(j, v) ? (long)el_jnum(j, v) : 0;
}

static const char *idof(const el_jline *j, int o, const char *k, char buf[32]) {
    return el_jid(j, el_jget(j, o, k), buf);
}

static size_t utf8_chars(const char *s) {
    size_t n = 0;
    for (; s && *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Parse kept line l into j (r->j1 or r->j2). Returns 0, or -1 when memory
** ran out (the page is then not written). */
static int reparse(rp *r, el_jline *j, const line *l) {
    const char *err;
    size_t at;
    if (el_jparse(j, l->s, l->len, &err, &at) == 0) return 0;
    r->oom = true;                                           /* it parsed once: only memory fails */
    return -1;
}

/* ---- Loading ---- */

static art_meta *article_of(const rp *r, const char *id) {
    return id ? el_strmap_get(r->art_by_id, id, strlen(id)) : NULL;
}

/* Remember that the page refers to article (or entity) id. */
static void need(rp *r, el_strmap *set, const char *id) {
    if (id && !el_strmap_get(set, id, strlen(id))) el_strmap_put(set, id, strlen(id), r);
}

/* The opening words of a body, for an article without a title: up to 90
** bytes, cut at a space and never inside a UTF-8 sequence. */
static const char *opening(rp *r, const char *body) {
    size_t n = body ? strlen(body) : 0;
    if (n > 90) {
        n = 90;
        while (n > 60 && body[n] != ' ') n--;
        while (n > 0 && ((unsigned char)body[n] & 0xC0) == 0x80) n--;
    }
    const char *nl = body ? memchr(body, '\n', n) : NULL;
    if (nl) n = (size_t)(nl - body);
    return body ? el_arena_strndup(r->a, body, n) : NULL;
}

/* Articles, first reading: count them all; keep what the page shows of the
** first max_articles (in full), the next max_list (listed) and any other
** the kept lines refer to. File order: a run writes this run's inputs
** first, so the newest articles are the ones shown. */
static int on_article(const el_jline *j, long line, void *ud) {
    rp *r = ud;
    char ib[32];
    const char *id = idof(j, 0, "id", ib);
    if (!id) { el_reject(r->d, "articles.jsonl", line, "article without an id; skipped"); return 0; }
    if (article_of(r, id)) return 0;                         /* a repeated id: the first wins */
    long k = r->n_articles++;
    const char *outlet = str(j, 0, "outlet");
    if (outlet && !el_strmap_get(r->outlets, outlet, strlen(outlet))) need(r, r->outlets, outlet);
    bool full = (size_t)k < r->opt.max_articles;
    bool listed = !full && (size_t)k < r->opt.max_articles + r->opt.max_list;
    if (!full && !listed && !el_strmap_get(r->need, id, strlen(id))) return 0;
    if (listed) r->n_listed++;
    art_meta *m = el_arena_calloc(r->a, sizeof *m);
    if (!m) return 1;
    m->id = el_arena_strdup(r->a, id);
    m->title = el_arena_strdup(r->a, str(j, 0, "title"));
    m->date = el_arena_strdup(r->a, str(j, 0, "date"));
    m->date_source = el_arena_strdup(r->a, str(j, 0, "date_source"));
    m->outlet = el_arena_strdup(r->a, outlet);
    m->file = el_arena_strdup(r->a, str(j, 0, "file"));
    if (!m->title) m->first = opening(r, str(j, 0, "body"));
    m->full = full;
    m->line = line;
    if (full || listed) EL_PUSH(r->a, r->arts, m);
    el_strmap_put(r->art_by_id, m->id, strlen(m->id), m);
    return 0;
}

static void add_ann(rp *r, const char *article, ann x) {
    const art_meta *m = article_of(r, article);
    if (!m || !m->full) return;                              /* shown only in full articles */
    annvec *v = el_strmap_get(r->anns, article, strlen(article));
    if (!v) {
        if (!(v = el_arena_calloc(r->a, sizeof *v))) return;
        el_strmap_put(r->anns, m->id, strlen(m->id), v);
    }
    EL_PUSH(r->a, *v, x);
}

/* Entities: counted; names kept for quote speakers; mentions in articles
** shown in full become highlights. */
static int on_entity(const el_jline *j, long line, void *ud) {
    (void)line;
    rp *r = ud;
    char ib[32];
    const char *id = idof(j, 0, "id", ib);
    r->n_entities++;
    if (!id) return 0;
    const char *name = str(j, 0, "name"), *type = str(j, 0, "type"), *code = str(j, 0, "code");
    if (el_strmap_get(r->need_ent, id, strlen(id))) {
        ent_meta *e = el_arena_calloc(r->a, sizeof *e);
        if (!e) return 1;
        e->name = el_arena_strdup(r->a, name);
        e->type = el_arena_strdup(r->a, type);
        e->code = el_arena_strdup(r->a, code);
        el_strmap_put(r->ent_by_id, id, strlen(id), e);
    }
    const char *label = NULL, *cls = NULL;                   /* made at the first highlight */
    int ms = el_jget(j, 0, "mentions");
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        const char *art = str(j, m, "article");
        const art_meta *am = article_of(r, art);
        if (!am || !am->full) continue;
        if (!label) {
            label = el_arena_printf(r->a, "%s (%s%s%s)", name ? name : "?", type ? type : "entity",
                                    code ? ", " : "", code ? code : "");
            cls = el_arena_printf(r->a, "ent t-%s", type ? type : "other");
        }
        add_ann(r, art, (ann){(uint32_t)num(j, m, "start"), (uint32_t)num(j, m, "end"), ANN_ENT, cls, label});
    }
    return 0;
}

/* The strings parts[0..n) (NULL ones skipped) end to end, in the arena. */
static const char *join(rp *r, const char *const *parts, size_t n) {
    size_t len = 0;
    for (size_t i = 0; i < n; i++) len += parts[i] ? strlen(parts[i]) : 0;
    char *s = el_arena_alloc(r->a, len + 1), *o = s;
    if (!s) return "";
    for (size_t i = 0; i < n; i++) {
        size_t k = parts[i] ? strlen(parts[i]) : 0;
        memcpy(o, parts[i] ? parts[i] : "", k);
        o += k;
    }
    *o = '\0';
    return s;
}

/* Actor names of an event side, joined by ", "; "" when none. */
static const char *actor_names(rp *r, const el_jline *j, int arr) {
    el_buf t = {0};
    for (int a = el_jfirst(j, arr); a >= 0; a = el_jnext(j, arr, a)) {
        const char *n = str(j, a, "name");
        if (!n) n = str(j, a, "code");
        if (!n) continue;
        if (t.len) el_buf_puts(&t, ", ");
        el_buf_puts(&t, n);
    }
    const char *s = el_arena_strndup(r->a, t.p ? t.p : "", t.len);
    el_buf_free(&t);
    return s;
}

/* "A, B → C", "A", "→ C", or "" when the event names no actor. */
static const char *actors_line(rp *r, const el_jline *j) {
    const char *src = actor_names(r, j, el_jget(j, 0, "source"));
    const char *tgt = actor_names(r, j, el_jget(j, 0, "target"));
    const char *parts[] = {src, *tgt ? (*src ? " → " : "→ ") : "", tgt};
    return join(r, parts, 3);
}

/* "event EV7: AGREE 057, asserted: A → B". */
static const char *event_label(rp *r, const el_jline *j, const char *who) {
    char ib[32];
    const char *id = idof(j, 0, "id", ib), *ev = str(j, 0, "event"), *cameo = str(j, 0, "cameo");
    const char *mod = str(j, 0, "modality");
    const char *parts[] = {"event ", id ? id : "?", ": ", ev ? ev : "?", " ", cameo ? cameo : "", ", ",
                           mod ? mod : "asserted", *who ? ": " : "", who};
    return join(r, parts, sizeof parts / sizeof *parts);
}

/* The ev_meta of event line j. */
static ev_meta event_meta(rp *r, const el_jline *j) {
    char ib[32];
    ev_meta m = {
        .id = el_arena_strdup(r->a, idof(j, 0, "id", ib)),
        .event = el_arena_strdup(r->a, str(j, 0, "event")),
        .modality = el_arena_strdup(r->a, str(j, 0, "modality")),
        .date = el_arena_strdup(r->a, str(j, 0, "date")),
        .episode = el_arena_strdup(r->a, str(j, 0, "episode")),
        .who = actors_line(r, j),
        .quad = num(j, 0, "quad_class"), .n_mentions = num(j, 0, "num_mentions"),
        .n_articles = num(j, 0, "num_articles"), .n_sources = num(j, 0, "num_sources"),
    };
    m.label = event_label(r, j, m.who);
    return m;
}

/* The kept events' mentions in articles shown in full become highlights. */
/* Mentions of event j in articles shown in full become highlights. */
static void event_anns(rp *r, const el_jline *j, const char *label) {
    int ms = el_jget(j, 0, "mentions");
    for (int m = el_jfirst(j, ms); m >= 0; m = el_jnext(j, ms, m)) {
        char ib[32];
        const char *art = idof(j, m, "article", ib);
        const art_meta *am = article_of(r, art);
        if (!am || !am->full) continue;
        if (el_jtype_of(j, el_jget(j, m, "sentence")) == EL_JINT)
            add_ann(r, art, (ann){(uint32_t)num(j, m, "sentence"), 0, ANN_SENT, "evs", label});
        add_ann(r, art, (ann){(uint32_t)num(j, m, "start"), (uint32_t)num(j, m, "end"), ANN_TRIG, "trg", label});
    }
}

/* Keep line j (the whole of it) in v. */
static int keep_line(rp *r, linevec *v, const el_jline *j) {
    line l = {el_arena_strndup(r->a, j->line, j->len), (uint32_t)j->len};
    if (!l.s) return 1;
    EL_PUSH(r->a, *v, l);
    return el_arena_failed(r->a);
}

#define EVENT_MENTIONS 6         /* articles named per event in the table; the rest counted */

/* An event is kept with its first EVENT_MENTIONS mentions and their number
** ("mention_total"): a large run's events have thousands. Read after the
** articles, so that its highlights are made here, from all its mentions. */
static int on_event(const el_jline *j, long line, void *ud) {
    (void)line;
    rp *r = ud;
    if ((size_t)r->n_events++ >= r->opt.max_events) return 0;
    ev_meta meta = event_meta(r, j);
    EL_PUSH(r->a, r->evm, meta);
    event_anns(r, j, meta.label);
    el_buf *b = &r->tmp;
    b->len = 0;
    el_buf_putc(b, '{');
    const el_jtok *o = &j->t[0];
    for (uint32_t k = 1; k < o->next; k = j->t[k + 1].next) {
        size_t kn, vn;
        const char *kr = el_jraw(j, (int)k, &kn), *vr = el_jraw(j, (int)k + 1, &vn);
        if (b->len > 1) el_buf_putc(b, ',');
        el_buf_put(b, kr, kn);
        el_buf_putc(b, ':');
        if (strcmp(el_jstr(j, (int)k), "mentions") != 0 || el_jtype_of(j, (int)k + 1) != EL_JARR) {
            el_buf_put(b, vr, vn);
            continue;
        }
        int ms = (int)k + 1;
        size_t n = 0;
        el_buf_putc(b, '[');
        for (int m = el_jfirst(j, ms); m >= 0 && n < EVENT_MENTIONS; m = el_jnext(j, ms, m), n++) {
            const char *mr = el_jraw(j, m, &vn);
            if (n) el_buf_putc(b, ',');
            el_buf_put(b, mr, vn);
        }
        el_buf_puts(b, "],\"mention_total\":");
        el_buf_int(b, (long long)el_jsize(j, ms));
    }
    el_buf_putc(b, '}');
    struct line kept = {el_arena_strndup(r->a, b->p, b->len), (uint32_t)b->len};
    if (!kept.s) return 1;
    EL_PUSH(r->a, r->events, kept);
    return el_arena_failed(r->a);
}

/* Stories: every thread id is remembered (an episode whose thread is not
** in the file is listed apart); the first max_threads threads and
** max_episodes episodes are kept. */
static int on_story(const el_jline *j, long line, void *ud) {
    (void)line;
    rp *r = ud;
    const char *level = str(j, 0, "level");
    bool thread = level && !strcmp(level, "thread"), ep = level && !strcmp(level, "episode");
    char ib[32];
    const char *id = idof(j, 0, "id", ib);
    if (thread) {
        r->n_threads++;
        if (id) need(r, r->thread_ids, id);
        if (r->n_threads > (long)r->opt.max_threads) return 0;
        r->n_threads_kept++;
    } else if (ep) {
        r->n_episodes++;
        if (r->n_episodes > (long)r->opt.max_episodes) return 0;
        r->n_episodes_kept++;
    }
    if (ep) {                                                /* its articles are linked */
        int as = el_jget(j, 0, "articles");
        size_t k = 0;
        for (int a = el_jfirst(j, as); a >= 0 && k < r->opt.max_story_articles; a = el_jnext(j, as, a), k++) {
            char ab[32];
            need(r, r->need, el_jid(j, a, ab));
        }
    }
    return keep_line(r, &r->stories, j);
}

/* Counts and quotes (the first max_rows of each), comparisons (max_comparisons). */
typedef struct keep { rp *r; linevec *into; long *n; size_t max; } keep;

#define MAX_SIDES 20             /* figures shown per comparison; the rest counted */
static const char *clip(rp *r, const char *s, size_t max);

static int on_keep(const el_jline *j, long line, void *ud) {
    (void)line;
    keep *k = ud;
    rp *r = k->r;
    if ((size_t)(*k->n)++ >= k->max) return 0;
    char ab[32];
    need(r, r->need, idof(j, 0, "article", ab));
    need(r, r->need_ent, idof(j, 0, "speaker_entity", ab));
    return keep_line(r, k->into, j);
}

/* A comparison may hold thousands of figures: what the page shows of it
** (MAX_SIDES figures, the summary cut) is kept as a line of its own,
** {"kind","subject","verdict","summary","sides":[...],"n_sides"}. */
static int on_comparison(const el_jline *j, long line, void *ud) {
    (void)line;
    keep *k = ud;
    rp *r = k->r;
    if ((size_t)(*k->n)++ >= k->max) return 0;
    static const char *const keys[] = {"kind", "subject", "verdict"};
    el_buf *b = &r->tmp;
    b->len = 0;
    el_buf_putc(b, '{');
    for (size_t i = 0; i < 3; i++) {
        size_t n;
        const char *raw = el_jraw(j, el_jget(j, 0, keys[i]), &n);
        el_buf_printf(b, "\"%s\":", keys[i]);
        if (raw) el_buf_put(b, raw, n); else el_buf_puts(b, "null");
        el_buf_putc(b, ',');
    }
    const char *sum = str(j, 0, "summary");
    el_buf_puts(b, "\"summary\":");
    el_json_strz(b, sum ? clip(r, sum, 300) : NULL);
    el_buf_puts(b, ",\"sides\":[");
    int sides = el_jget(j, 0, "sides");
    size_t n_kept = 0;
    char ab[32];
    for (int c = el_jfirst(j, sides); c >= 0 && n_kept < MAX_SIDES; c = el_jnext(j, sides, c), n_kept++) {
        size_t n;
        const char *raw = el_jraw(j, c, &n);
        if (n_kept) el_buf_putc(b, ',');
        el_buf_put(b, raw, n);
        need(r, r->need, idof(j, c, "article", ab));
    }
    el_buf_printf(b, "],\"n_sides\":%zu}", el_jsize(j, sides));
    struct line kept = {el_arena_strndup(r->a, b->p, b->len), (uint32_t)b->len};
    if (!kept.s) return 1;
    EL_PUSH(r->a, *k->into, kept);
    return el_arena_failed(r->a);
}

/* Everything but the article bodies, in an order that lets each file keep
** only what the page will show: what refers to articles comes before them;
** entities, then events, after them (only then are the full articles
** known, and their highlights keep this order: entities first). */
static int load(rp *r) {
    char path[4096];
    typedef struct step { const char *file; int (*fn)(const el_jline *, long, void *); void *ud; } step;
    keep kc = {r, &r->counts, &r->n_counts, r->opt.max_rows};
    keep kq = {r, &r->quotes, &r->n_quotes, r->opt.max_rows};
    keep kx = {r, &r->comparisons, &r->n_cmp, r->opt.max_comparisons};
    const step steps[] = {
        {"stories.jsonl", on_story, r},
        {"counts.jsonl", on_keep, &kc},
        {"quotes.jsonl", on_keep, &kq},
        {"comparisons.jsonl", on_comparison, &kx},
        {"articles.jsonl", on_article, r},
        {"entities.jsonl", on_entity, r},
        {"events.jsonl", on_event, r},
    };
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        snprintf(path, sizeof path, "%s/%s", r->dir, steps[i].file);
        if (el_jsonl_each(path, steps[i].fn, steps[i].ud, r->d) < 0) return -1;
        if (el_arena_failed(r->a)) return -1;
    }
    return r->oom || el_arena_failed(r->a) ? -1 : 0;
}

/* ---- Page frame ---- */

static const char css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}"
    "main{max-width:1180px;margin:0 auto;padding:0 20px 60px}"
    "header{background:#1f2f46;color:#fff;padding:18px 20px}header h1{margin:0;font-size:22px}"
    "header p{margin:4px 0 0;opacity:.9}nav a{color:#cfe0ff;margin-right:14px}"
    "section{background:#fff;border:1px solid #dde2e8;border-radius:8px;margin:18px 0;padding:6px 18px 14px}"
    "h2{font-size:18px;border-bottom:1px solid #e6e9ee;padding-bottom:6px}"
    "table{border-collapse:collapse;width:100%;font-size:13px}"
    "th,td{border-bottom:1px solid #eceff3;padding:4px 6px;text-align:left;vertical-align:top}"
    "th{background:#f1f4f8;cursor:pointer;user-select:none;white-space:nowrap}"
    "th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}"
    "td.n{text-align:right}.filters{margin:8px 0;display:flex;gap:8px;align-items:center;flex-wrap:wrap}"
    ".filters input{padding:4px 8px;min-width:240px}.muted{color:#6b7785}"
    ".unres{color:#a33;font-style:italic}.tag{display:inline-block;padding:0 6px;border-radius:9px;font-size:12px;background:#eef1f5}"
    ".q1{background:#d8f0dd}.q2{background:#d7e7fb}.q3{background:#fde8cc}.q4{background:#f9d3d3}"
    ".thread{margin:10px 0}.thread h3{margin:6px 0;font-size:16px}.episodes{margin:4px 0 8px}"
    ".episode{margin:6px 0}.episode ul{margin:2px 0 0;padding-left:18px;font-size:13px}"
    "#tl-svg{width:100%;height:auto;background:#fcfdfe;border:1px solid #e6e9ee}.legend svg{vertical-align:-1px}"
    "#timeline .ev:hover circle,#timeline .ev:hover rect{stroke:#000;stroke-width:2}"
    ".legend span{margin-right:14px;font-size:13px}"
    "article.art{border-top:1px solid #e6e9ee;padding:8px 0}article.art h3{margin:4px 0;font-size:16px}"
    ".meta{font-size:13px;color:#56616e;margin:2px 0 6px}.dek{font-style:italic;margin:2px 0 6px}"
    ".body{white-space:pre-wrap;font-size:14px;line-height:1.55}"
    ".evs{background:#fff3b0}.trg{font-weight:700;text-decoration:underline}"
    ".ent{border-bottom:2px solid #5b7db1}.t-person{border-color:#8e44ad}.t-country{border-color:#1e8449}"
    ".t-place{border-color:#16a085}.t-organization{border-color:#2e5fa5}.t-group{border-color:#c0392b}"
    ".t-media{border-color:#7f8c8d}details.debris{margin-top:6px;font-size:13px;color:#56616e}"
    "details.debris li{margin:2px 0}.kind{font-variant:small-caps;color:#8a5a00;margin-right:6px}"
    "tr.conflict th{border-left:3px solid #c0392b;background:#fbeaea}";

/* Sort and filter for the event table. No data lives in the script: it
** only reorders and hides rows already in the page. */
static const char js[] =
    "(function(){'use strict';"
    "var t=document.getElementById('ev-table');if(!t)return;"
    "var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows);"
    "var q=document.getElementById('ev-filter'),cat=document.getElementById('ev-cat'),"
    "mod=document.getElementById('ev-mod'),shown=document.getElementById('ev-shown');"
    "function apply(){var s=q.value.toLowerCase(),c=cat.value,m=mod.value,n=0;"
    "rows.forEach(function(r){var ok=(!c||r.getAttribute('data-cat')===c)&&(!m||r.getAttribute('data-mod')===m)"
    "&&(!s||r.textContent.toLowerCase().indexOf(s)>=0);r.hidden=!ok;if(ok)n++;});"
    "shown.textContent=n+' of '+rows.length+' events shown';}"
    "[q,cat,mod].forEach(function(e){e.addEventListener('input',apply);e.addEventListener('change',apply);});"
    "var ths=t.tHead.rows[0].cells;"
    "Array.prototype.forEach.call(ths,function(th,i){th.addEventListener('click',function(){"
    "var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(ths,function(h){h.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');var nm=th.getAttribute('data-type')==='num';"
    "rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-v'),y=b.cells[i].getAttribute('data-v');"
    "if(x===null)x=a.cells[i].textContent;if(y===null)y=b.cells[i].textContent;var d;"
    "if(nm){d=(parseFloat(x)||0)-(parseFloat(y)||0);}else{d=x<y?-1:x>y?1:0;}"
    "if(d===0)d=(+a.getAttribute('data-i'))-(+b.getAttribute('data-i'));else if(!asc)d=-d;return d;});"
    "rows.forEach(function(r){tb.appendChild(r);});});});"
    "apply();})();";

static void head(rp *r) {
    put(r, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           /* Nothing may be fetched: not a font, not an image, not a script. */
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
           "<meta name=\"generator\" content=\"eventline\">\n<title>eventline report</title>\n<style>");
    put(r, css);
    put(r, "</style>\n</head>\n<body>\n");
}

/* "1 thread", "2 threads"; plural NULL: word + "s". */
static void nword(rp *r, long n, const char *word, const char *plural) {
    if (n == 1 || !plural) el_buf_printf(&r->b, "%ld %s%s", n, word, n == 1 ? "" : "s");
    else el_buf_printf(&r->b, "%ld %s", n, plural);
}

static void summary(rp *r) {
    put(r, "<header><h1>eventline report</h1><p id=\"summary\"><span id=\"n-articles\">");
    nword(r, r->n_articles, "article", NULL);
    put(r, "</span> from ");
    nword(r, (long)el_strmap_count(r->outlets), "outlet", NULL);
    put(r, " \u00b7 <span id=\"n-events\">");
    nword(r, r->n_events, "event", NULL);
    put(r, "</span> \u00b7 ");
    nword(r, r->n_entities, "entity", "entities");
    put(r, " \u00b7 ");
    nword(r, r->n_threads, "thread", NULL);
    put(r, " \u00b7 ");
    nword(r, r->n_episodes, "episode", NULL);
    put(r, " \u00b7 ");
    nword(r, r->n_counts, "number", NULL);
    put(r, " \u00b7 ");
    nword(r, r->n_quotes, "quote", NULL);
    put(r, "</p><nav><a href=\"#stories\">Threads</a><a href=\"#timeline\">Timeline</a>"
           "<a href=\"#events\">Events</a><a href=\"#numbers\">Numbers</a><a href=\"#quotes\">Quotes</a>"
           "<a href=\"#articles\">Articles</a></nav></header>\n<main>\n");
}

/* ---- Threads and episodes ---- */

static void article_link(rp *r, const char *id) {
    const art_meta *m = article_of(r, id);
    put(r, "<a href=\"#");
    anchor(r, "a-", id);
    put(r, "\">");
    if (m && m->title) esc(r, m->title);
    else if (m && m->first) { put(r, "<i>"); esc(r, m->first); put(r, "\u2026</i>"); }
    else esc(r, id);
    put(r, "</a>");
    if (m) {
        put(r, " <span class=\"muted\">");
        esc(r, m->outlet ? m->outlet : "outlet unknown");
        put(r, ", ");
        if (m->date) esc(r, m->date); else put(r, "<span class=\"unres\">date unknown</span>");
        put(r, "</span>");
    }
}

/* A short reference: the id, linked, with the title as tooltip, then the outlet. */
static void article_ref(rp *r, const char *id) {
    const art_meta *m = article_of(r, id);
    put(r, "<a href=\"#");
    anchor(r, "a-", id);
    put(r, "\" title=\"");
    if (m) esc(r, m->title ? m->title : m->first);
    put(r, "\">");
    esc(r, id);
    put(r, "</a>");
    if (m) { put(r, " <span class=\"muted\">"); esc(r, m->outlet ? m->outlet : "outlet unknown"); put(r, "</span>"); }
}

static void story_dates(rp *r, const el_jline *j) {
    const char *a = str(j, 0, "first_date"), *b = str(j, 0, "last_date");
    put(r, "<span class=\"muted\">");
    if (!a && !b) put(r, "<span class=\"unres\">dates unresolved</span>");
    else if (a && b && strcmp(a, b) == 0) esc(r, a);
    else { esc(r, a ? a : "?"); put(r, " \u2013 "); esc(r, b ? b : "?"); }
    put(r, "</span>");
}

static bool is_level(const el_jline *j, const char *level) {
    return str(j, 0, "level") && strcmp(str(j, 0, "level"), level) == 0;
}

typedef EL_VEC(size_t) storyvec;           /* indexes into r->stories */

static void episode(rp *r, const line *l, el_strmap *n_events) {
    el_jline *j = &r->j2;
    if (reparse(r, j, l)) return;
    char ib[32];
    const char *id = idof(j, 0, "id", ib);
    put(r, "<li class=\"episode\" id=\"");
    anchor(r, "s-", id);
    put(r, "\"><b>");
    esc(r, str(j, 0, "title") ? str(j, 0, "title") : id);
    put(r, "</b> ");
    story_dates(r, j);
    const size_t *ne = id ? el_strmap_get(n_events, id, strlen(id)) : NULL;
    int as = el_jget(j, 0, "articles");
    size_t n_ev = ne ? *ne : 0, na = el_jsize(j, as), k = 0;
    el_buf_printf(&r->b, " \u00b7 %zu article%s \u00b7 %zu event%s<ul>", na, na == 1 ? "" : "s", n_ev,
                  n_ev == 1 ? "" : "s");
    for (int a = el_jfirst(j, as); a >= 0 && k < r->opt.max_story_articles; a = el_jnext(j, as, a), k++) {
        char ab[32];
        put(r, "<li>");
        article_link(r, el_jid(j, a, ab));
        put(r, "</li>");
    }
    if (na > k) el_buf_printf(&r->b, "<li class=\"muted\">\u2026 and %zu more</li>", na - k);
    put(r, "</ul></li>\n");
    flush(r);
}

/* Threads with their episodes, then the episodes whose thread is not in the
** file. Episodes are grouped by parent first (one pass), so this stays
** linear however many stories a large run has. */
static void stories(rp *r) {
    put(r, "<section id=\"stories\"><h2>Threads and episodes</h2>\n");
    if (!r->stories.n) put(r, "<p class=\"muted\">No stories in this run.</p>");
    el_strmap *kids = el_strmap_new(r->a, 256), *threads = el_strmap_new(r->a, 64);
    el_strmap *n_events = el_strmap_new(r->a, 256);
    if (!kids || !threads || !n_events) return;
    el_jline *j = &r->j1;
    for (size_t i = 0; i < r->evm.n; i++) {
        const char *ep = r->evm.v[i].episode;
        if (!ep) continue;
        size_t *n = el_strmap_get(n_events, ep, strlen(ep));
        if (!n && (n = el_arena_calloc(r->a, sizeof *n)))
            el_strmap_put(n_events, ep, strlen(ep), n);
        if (n) (*n)++;
    }
    storyvec orphans = {0};
    long hidden = 0;                                         /* episodes of threads not kept */
    for (size_t i = 0; i < r->stories.n; i++) {
        if (reparse(r, j, &r->stories.v[i])) return;
        if (!is_level(j, "episode")) continue;
        const char *p = str(j, 0, "parent");
        if (!p || !el_strmap_get(r->thread_ids, p, strlen(p))) { EL_PUSH(r->a, orphans, i); continue; }
        storyvec *v = el_strmap_get(kids, p, strlen(p));
        if (!v && (v = el_arena_calloc(r->a, sizeof *v))) el_strmap_put(kids, p, strlen(p), v);
        if (v) EL_PUSH(r->a, *v, i);
    }
    for (size_t i = 0; i < r->stories.n; i++) {
        if (reparse(r, j, &r->stories.v[i])) return;
        if (!is_level(j, "thread")) continue;
        char ib[32];
        const char *tid = idof(j, 0, "id", ib);
        put(r, "<div class=\"thread\" id=\"");
        anchor(r, "s-", tid);
        put(r, "\"><h3>");
        esc(r, str(j, 0, "title") ? str(j, 0, "title") : tid);
        put(r, " ");
        story_dates(r, j);
        el_buf_printf(&r->b, " <span class=\"tag\">%zu articles</span></h3><ol class=\"episodes\">",
                      el_jsize(j, el_jget(j, 0, "articles")));
        storyvec *v = tid ? el_strmap_get(kids, tid, strlen(tid)) : NULL;
        for (size_t k = 0; v && k < v->n; k++) episode(r, &r->stories.v[v->v[k]], n_events);
        if (v) v->n = 0;                                     /* shown: not counted below */
        put(r, "</ol></div>\n");
    }
    if (orphans.n) {
        put(r, "<h3>Episodes outside any thread</h3><ol class=\"episodes\">");
        for (size_t k = 0; k < orphans.n; k++) episode(r, &r->stories.v[orphans.v[k]], n_events);
        put(r, "</ol>");
    }
    for (size_t i = 0; i < r->stories.n; i++) {
        if (reparse(r, j, &r->stories.v[i])) return;
        const char *p = is_level(j, "episode") ? str(j, 0, "parent") : NULL;
        storyvec *v = p ? el_strmap_get(kids, p, strlen(p)) : NULL;
        hidden += v && v->n;
    }
    long more_t = r->n_threads - r->n_threads_kept, more_e = r->n_episodes - r->n_episodes_kept + hidden;
    if (more_t > 0 || more_e > 0)
        el_buf_printf(&r->b, "<p id=\"stories-more\" class=\"muted\">Not shown: %ld thread%s and %ld episode%s "
                      "(the report keeps the first %zu threads and %zu episodes of stories.jsonl).</p>\n",
                      more_t, more_t == 1 ? "" : "s", more_e, more_e == 1 ? "" : "s",
                      r->opt.max_threads, r->opt.max_episodes);
    put(r, "</section>\n");
}

/* ---- Timeline ---- */

/* Lanes by PLOVER category, in the order of PLOVER's own list.
** KEEP IN SYNC with the category list of PRODUCT.md (eventline code). */
static const char *const lanes[] = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
};
#define N_LANES (sizeof lanes / sizeof *lanes)

static int lane_of(const char *cat) {
    for (size_t i = 0; cat && i < N_LANES; i++)
        if (strcmp(cat, lanes[i]) == 0) return (int)i;
    return (int)N_LANES;                                     /* anything else: "OTHER" */
}

enum { LABEL_RIGHT, LABEL_LEFT, LABEL_IN };

typedef struct tl_item {
    const ev_meta *ev;
    el_date lo, hi;
    int lane, row;
    double x0, x1, ext0, ext1;  /* glyph and its extent with the label */
    int label_pos;              /* LABEL_* */
    const char *label;
} tl_item;

static const char *quad_color(long q) {
    switch (q) {
    case 1: return "#2e9e5b";           /* verbal cooperation */
    case 2: return "#2f6fc4";           /* material cooperation */
    case 3: return "#e08a1e";           /* verbal conflict */
    case 4: return "#c0392b";           /* material conflict */
    default: return "#7f8c8d";
    }
}

static const char *short_date(rp *r, el_date t, bool with_year) {
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                      "Sep", "Oct", "Nov", "Dec"};
    int y, m, d;
    el_date_to_ymd(t, &y, &m, &d);
    return with_year ? el_arena_printf(r->a, "%s %d", mon[m - 1], y)
                     : el_arena_printf(r->a, "%s %d", mon[m - 1], d);
}

static void axis(rp *r, el_date lo, el_date hi, double left, double width, double top, double bottom) {
    long span = hi - lo;
    double scale = width / (double)(span ? span : 1);
    int y, m, d;
    el_date_to_ymd(lo, &y, &m, &d);
    /* Weekly ticks (Mondays) for two months or less, else monthly, else yearly. */
    for (el_date t = lo; t <= hi;) {
        el_date tick;
        const char *label;
        if (span <= 62) {
            tick = t + (7 - el_date_weekday(t)) % 7;
            label = short_date(r, tick, false);
            t = tick + 7;
        } else if (span <= 1100) {
            el_date_to_ymd(t, &y, &m, &d);
            if (d != 1) { if (++m > 12) { m = 1; y++; } }
            tick = el_date_from_ymd(y, m, 1);
            label = short_date(r, tick, true);
            t = tick + 28;
        } else {
            el_date_to_ymd(t, &y, &m, &d);
            if (m != 1 || d != 1) y++;
            tick = el_date_from_ymd(y, 1, 1);
            label = el_arena_printf(r->a, "%d", y);
            t = el_date_from_ymd(y + 1, 1, 1);
        }
        if (tick > hi) break;
        double x = left + (double)(tick - lo) * scale;
        el_buf_printf(&r->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e7ec\"/>"
                      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#56616e\" text-anchor=\"middle\">%s</text>\n",
                      x, top, x, bottom, x, top - 6, label);
    }
}

/* s cut to at most max characters, ending in an ellipsis when cut. */
static const char *clip(rp *r, const char *s, size_t max) {
    if (utf8_chars(s) <= max) return s;
    size_t i = 0, chars = 0;
    for (; s[i] && chars < max - 1; i++) chars += ((unsigned char)s[i + 1] & 0xC0) != 0x80;
    return el_arena_printf(r->a, "%.*s\u2026", (int)i, s);
}

static void timeline(rp *r) {
    size_t n = r->events.n, n_dated = 0;
    tl_item *it = el_arena_calloc(r->a, (n ? n : 1) * sizeof *it);
    if (!it) return;
    el_date lo = EL_DATE_UNKNOWN, hi = EL_DATE_UNKNOWN;
    for (size_t i = 0; i < n; i++) {
        const ev_meta *ev = &r->evm.v[i];
        tl_item x = {.ev = ev, .lane = lane_of(ev->event)};
        if (!el_date_period(ev->date, &x.lo, &x.hi)) continue;
        it[n_dated++] = x;
        if (lo == EL_DATE_UNKNOWN || x.lo < lo) lo = x.lo;
        if (hi == EL_DATE_UNKNOWN || x.hi > hi) hi = x.hi;
    }
    put(r, "<section id=\"timeline\"><h2>Timeline</h2>\n");
    if (n_dated) {
        if (hi - lo < 6) { lo -= 3; hi += 3; }               /* a single day still reads as a time line */
        const double W = 1120, left = 120, right = 24, top = 34, row_h = 20;
        double width = W - left - right, scale = width / (double)(hi - lo);
        /* Place each item: the first row of its lane where it and its label
        ** do not overlap what is already there. */
        double *row_end = el_arena_calloc(r->a, (N_LANES + 1) * 64 * sizeof *row_end);
        int lane_rows[N_LANES + 1] = {0};
        for (size_t i = 0; i < n_dated && row_end; i++) {
            tl_item *x = &it[i];
            /* Long actor lists are cut in the label; the tooltip has them all. */
            const char *who = clip(r, x->ev->who, 44), *mod = x->ev->modality;
            long na = x->ev->n_articles, ns = x->ev->n_sources;
            char nas[24], nss[24];
            snprintf(nas, sizeof nas, "%ld", na);
            snprintf(nss, sizeof nss, "%ld", ns);
            const char *parts[] = {*who ? who : "no actor named", mod && strcmp(mod, "asserted") ? " · " : "",
                                   mod && strcmp(mod, "asserted") ? mod : "", " · ", nas, " article",
                                   na == 1 ? "" : "s", ", ", nss, " outlet", ns == 1 ? "" : "s"};
            x->label = join(r, parts, sizeof parts / sizeof *parts);
            double lw = 6.1 * (double)utf8_chars(x->label);
            x->x0 = left + (double)(x->lo - lo) * scale;
            x->x1 = left + (double)(x->hi - lo) * scale;
            if (x->x1 - x->x0 < 1) x->x1 = x->x0;
            double r0 = x->x1 > x->x0 ? 0 : 9;
            /* The label goes inside a bar wide enough, else right of the
            ** glyph, else left of it when the right edge is too close. */
            x->label_pos = x->x1 - x->x0 >= lw + 12 ? LABEL_IN
                         : x->x1 + r0 + 6 + lw <= W - 4 || x->x0 - r0 - 6 - lw < 4 ? LABEL_RIGHT : LABEL_LEFT;
            x->ext0 = x->label_pos == LABEL_LEFT ? x->x0 - r0 - 6 - lw : x->x0 - r0;
            x->ext1 = x->label_pos == LABEL_RIGHT ? x->x1 + r0 + 6 + lw : x->x1 + r0;
            int row = 0;
            while (row < 63 && row_end[x->lane * 64 + row] > 0 && row_end[x->lane * 64 + row] + 10 > x->ext0) row++;
            x->row = row;
            row_end[x->lane * 64 + row] = x->ext1;
            if (row + 1 > lane_rows[x->lane]) lane_rows[x->lane] = row + 1;
        }
        double lane_top[N_LANES + 1], y = top + 8;
        for (size_t l = 0; l <= N_LANES; l++) {
            lane_top[l] = y;
            if (lane_rows[l]) y += lane_rows[l] * row_h + 12;
        }
        el_buf_printf(&r->b, "<svg id=\"tl-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
                      "role=\"img\" aria-label=\"Timeline of %zu dated events\">\n", W, y + 8, n_dated);
        axis(r, lo, hi, left, width, top, y);
        for (size_t l = 0; l <= N_LANES; l++) {
            if (!lane_rows[l]) continue;
            el_buf_printf(&r->b, "<line x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#d5dae1\"/>"
                          "<text class=\"lane\" x=\"8\" y=\"%.1f\" font-size=\"12\" font-weight=\"600\" fill=\"#1f2f46\">%s</text>\n",
                          lane_top[l] - 6, W, lane_top[l] - 6, lane_top[l] + 12, l < N_LANES ? lanes[l] : "OTHER");
        }
        for (size_t i = 0; i < n_dated; i++) {
            const tl_item *x = &it[i];
            const char *id = x->ev->id;
            const char *mod = x->ev->modality;
            const char *color = quad_color(x->ev->quad);
            double cy = lane_top[x->lane] + 8 + x->row * row_h;
            bool hollow = mod && strcmp(mod, "asserted") != 0;
            put(r, "<a class=\"ev\" href=\"#");
            anchor(r, "ev-", id);
            put(r, "\" data-id=\"");
            esc(r, id);
            put(r, "\"><title>");
            esc(r, x->ev->date);
            put(r, " \u00b7 ");
            esc(r, x->ev->label);
            el_buf_printf(&r->b, " \u00b7 %ld mentions in %ld articles from %ld outlets</title>",
                          x->ev->n_mentions, x->ev->n_articles, x->ev->n_sources);
            /* Modality shows in the glyph: filled asserted, hollow planned or
            ** hypothetical, hollow and struck through negated. */
            const char *fill = hollow ? "#fff" : color;
            const char *dash = mod && strcmp(mod, "hypothetical") == 0 ? " stroke-dasharray=\"2 2\"" :
                               mod && strcmp(mod, "planned") == 0 ? " stroke-dasharray=\"4 2\"" : "";
            if (x->x1 > x->x0)
                el_buf_printf(&r->b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"5\" fill=\"%s\" "
                              "stroke=\"%s\" stroke-width=\"1.5\"%s/>", x->x0, cy - 8, x->x1 - x->x0, fill, color, dash);
            else
                el_buf_printf(&r->b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" "
                              "stroke-width=\"1.5\"%s/>", x->x0, cy, 4.0 + fmin((double)x->ev->n_articles, 5.0),
                              fill, color, dash);
            if (mod && strcmp(mod, "negated") == 0)
                el_buf_printf(&r->b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>",
                              x->x0 - 7, cy + 7, x->x1 + 7, cy - 7, color);
            double r0 = x->x1 > x->x0 ? 0 : 9;
            if (x->label_pos == LABEL_IN)
                el_buf_printf(&r->b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%s\">",
                              x->x0 + 6, cy + 4, hollow ? "#2b3440" : "#fff");
            else
                el_buf_printf(&r->b, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#2b3440\"%s>",
                              x->label_pos == LABEL_LEFT ? x->x0 - r0 - 4 : x->x1 + r0 + 4, cy + 4,
                              x->label_pos == LABEL_LEFT ? " text-anchor=\"end\"" : "");
            esc(r, x->label);
            put(r, "</text></a>\n");
        }
        put(r, "</svg>\n");
    } else {
        put(r, "<p class=\"muted\">No event has a resolved date.</p>");
    }
    put(r, "<p class=\"legend\">");
    static const char *const quads[] = {"verbal cooperation", "material cooperation", "verbal conflict",
                                        "material conflict"};
    for (int q = 1; q <= 4; q++)
        el_buf_printf(&r->b, "<span><svg width=\"12\" height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"%s\"/>"
                      "</svg> %s</span>", quad_color(q), quads[q - 1]);
    put(r, "<span><svg width=\"12\" height=\"12\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"#fff\" stroke=\"#555\" "
           "stroke-dasharray=\"4 2\"/></svg> planned (dotted: hypothetical)</span>"
           "<span><svg width=\"14\" height=\"14\"><circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#fff\" stroke=\"#555\"/>"
           "<line x1=\"1\" y1=\"13\" x2=\"13\" y2=\"1\" stroke=\"#555\" stroke-width=\"2\"/></svg> negated</span>"
           "<span>size: articles · bar: a week or a month</span></p>\n");
    size_t n_undated = n - n_dated;
    el_buf_printf(&r->b, "<p id=\"tl-undated\" data-n=\"%zu\">", n_undated);
    if (n_undated) {
        el_buf_printf(&r->b, "<span class=\"unres\">%zu event%s with an unresolved date</span> (not on the timeline): ",
                      n_undated, n_undated == 1 ? "" : "s");
        bool first = true;
        for (size_t i = 0; i < n; i++) {
            const ev_meta *ev = &r->evm.v[i];
            el_date a, b;
            if (el_date_period(ev->date, &a, &b)) continue;
            put(r, first ? "" : "; ");
            first = false;
            put(r, "<a href=\"#");
            anchor(r, "ev-", ev->id);
            put(r, "\">");
            esc(r, ev->label);
            put(r, "</a>");
            if (ev->date) { put(r, " (date given as \u201c"); esc(r, ev->date); put(r, "\u201d)"); }
        }
    }
    put(r, "</p>");
    if ((size_t)r->n_events > n)
        el_buf_printf(&r->b, "<p class=\"muted\">Only the first %zu of %ld events are shown.</p>", n, r->n_events);
    put(r, "</section>\n");
}

/* ---- Event table ---- */

static void td_text(rp *r, const char *cls, const char *s) {
    if (cls) { put(r, "<td class=\""); put(r, cls); put(r, "\">"); }
    else put(r, "<td>");
    esc(r, s);
    put(r, "</td>");
}

static void td_num(rp *r, long v) {
    put(r, "<td class=\"n\" data-v=\"");
    el_buf_int(&r->b, v);
    put(r, "\">");
    el_buf_int(&r->b, v);
    put(r, "</td>");
}

static void event_table(rp *r) {
    size_t n = r->events.n, i;
    el_jline *j = &r->j1;
    put(r, "<section id=\"events\"><h2>Events</h2>\n<div class=\"filters\">"
           "<input id=\"ev-filter\" type=\"search\" placeholder=\"Filter: actor, place, text\u2026\" aria-label=\"filter events\">"
           "<select id=\"ev-cat\" aria-label=\"category\"><option value=\"\">all categories</option>");
    /* The categories and modalities present, in lane order: one pass. */
    static const char *const mods[] = {"asserted", "negated", "planned", "hypothetical"};
    bool lane_has[N_LANES + 1] = {false}, mod_has[4] = {false};
    for (i = 0; i < n; i++) {
        const char *c = r->evm.v[i].event, *mo = r->evm.v[i].modality;
        if (c) lane_has[lane_of(c)] = true;
        for (size_t m = 0; m < 4 && mo; m++) mod_has[m] |= strcmp(mo, mods[m]) == 0;
    }
    for (size_t l = 0; l < N_LANES; l++)
        if (lane_has[l]) { put(r, "<option>"); esc(r, lanes[l]); put(r, "</option>"); }
    put(r, "</select><select id=\"ev-mod\" aria-label=\"modality\"><option value=\"\">all modalities</option>");
    for (size_t m = 0; m < 4; m++)
        if (mod_has[m]) el_buf_printf(&r->b, "<option>%s</option>", mods[m]);
    el_buf_printf(&r->b, "</select><span id=\"ev-shown\" class=\"muted\">%zu of %zu events shown</span></div>\n", n, n);
    put(r, "<table id=\"ev-table\"><thead><tr><th data-type=\"num\">#</th><th>Date</th><th>Category</th>"
           "<th>CAMEO</th><th>Source</th><th>Target</th><th>Modality</th><th>Location</th>"
           "<th data-type=\"num\">Mentions</th><th data-type=\"num\">Articles</th><th data-type=\"num\">Outlets</th>"
           "<th>Episode</th><th>Where</th></tr></thead><tbody>\n");
    for (i = 0; i < n; i++) {
        if (reparse(r, j, &r->events.v[i])) return;
        char ib[32];
        const char *id = idof(j, 0, "id", ib);
        long q = num(j, 0, "quad_class");
        put(r, "<tr data-i=\"");
        el_buf_int(&r->b, (long long)i);
        put(r, "\" id=\"");
        anchor(r, "ev-", id);
        put(r, "\" data-cat=\"");
        esc(r, str(j, 0, "event"));
        put(r, "\" data-mod=\"");
        esc(r, str(j, 0, "modality"));
        put(r, "\"><td data-v=\"");
        const char *idv = id ? id : "";
        /* Numeric ids sort as numbers; others by their place in the file. */
        if (*idv && strspn(idv, "0123456789") == strlen(idv)) esc(r, idv);
        else el_buf_int(&r->b, (long long)i);
        put(r, "\">");
        esc(r, id);
        put(r, "</td>");
        const char *date = str(j, 0, "date"), *gran = str(j, 0, "date_granularity");
        el_date a, b;
        if (el_date_period(date, &a, &b)) {
            put(r, "<td data-v=\""); esc(r, date); put(r, "\">"); esc(r, date);
            if (gran && strcmp(gran, "day")) { put(r, " <span class=\"muted\">("); esc(r, gran); put(r, ")</span>"); }
            put(r, "</td>");
        } else {
            put(r, "<td data-v=\"\"><span class=\"unres\">unresolved</span>");
            if (date) { put(r, " "); esc(r, date); }
            put(r, "</td>");
        }
        put(r, "<td><span class=\"tag q");
        el_buf_int(&r->b, q);
        put(r, "\">");
        esc(r, str(j, 0, "event"));
        put(r, "</span></td>");
        td_text(r, NULL, str(j, 0, "cameo"));
        td_text(r, NULL, actor_names(r, j, el_jget(j, 0, "source")));
        td_text(r, NULL, actor_names(r, j, el_jget(j, 0, "target")));
        td_text(r, NULL, str(j, 0, "modality"));
        td_text(r, NULL, str(j, el_jget(j, 0, "location"), "name"));
        td_num(r, num(j, 0, "num_mentions"));
        td_num(r, num(j, 0, "num_articles"));
        td_num(r, num(j, 0, "num_sources"));
        td_text(r, NULL, str(j, 0, "episode"));
        put(r, "<td>");
        int ms = el_jget(j, 0, "mentions");
        size_t k = 0;
        for (int m = el_jfirst(j, ms); m >= 0 && k < EVENT_MENTIONS; m = el_jnext(j, ms, m), k++) {
            char ab[32];
            const char *art = idof(j, m, "article", ab);
            if (k) put(r, ", ");
            put(r, "<a href=\"#");
            anchor(r, "a-", art);
            put(r, "\">");
            esc(r, art);
            put(r, "</a>");
        }
        long total = num(j, 0, "mention_total");
        if (total > (long)k) el_buf_printf(&r->b, ", \u2026 %ld more", total - (long)k);
        put(r, "</td></tr>\n");
        flush(r);
    }
    put(r, "</tbody></table></section>\n");
}

/* ---- Numbers and quotes ---- */

static double count_value(const el_jline *j, int c) {
    const char *k[] = {"value", "min", "max"};
    for (int i = 0; i < 3; i++) {
        int v = el_jget(j, c, k[i]);
        if (el_jis_num(j, v)) return el_jnum(j, v);
    }
    return NAN;
}

/* One count (object c of j) as a table row. */
static void count_side(rp *r, const el_jline *j, int c) {
    char ab[32];
    const char *art = idof(j, c, "article", ab);
    const art_meta *m = article_of(r, art);
    put(r, "<tr><td>");
    put(r, "<a href=\"#"); anchor(r, "a-", art); put(r, "\">"); esc(r, art); put(r, "</a></td>");
    td_text(r, NULL, str(j, c, "outlet") ? str(j, c, "outlet") : m && m->outlet ? m->outlet : "");
    td_text(r, NULL, str(j, c, "date") ? str(j, c, "date") : m ? m->date : NULL);
    put(r, "<td><q>"); esc(r, str(j, c, "text")); put(r, "</q></td>");
    double v = count_value(j, c);
    if (isnan(v)) {
        put(r, "<td></td>");
    } else if (v == floor(v) && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
        /* A whole number (most counts): "%.0f" and "%.15g" both give its digits. */
        put(r, "<td class=\"n\" data-v=\"");
        el_buf_int(&r->b, (long long)v);
        put(r, "\">");
        el_buf_int(&r->b, (long long)v);
        put(r, "</td>");
    } else {
        el_buf_printf(&r->b, "<td class=\"n\" data-v=\"%.0f\">%.15g</td>", v, v);
    }
    td_text(r, NULL, str(j, c, "qualifier"));
    td_text(r, "muted", str(j, c, "attribution"));
    put(r, "</tr>\n");
}

static void count_row(rp *r, size_t i) {
    if (reparse(r, &r->j2, &r->counts.v[i]) == 0) count_side(r, &r->j2, 0);
}

/* Counts of one kind and subject (any case), by first appearance: a map
** from the key to its counts in file order, and a cursor into each. */
typedef struct cgroup { EL_VEC(size_t) v; size_t next; } cgroup;

static size_t count_groups(rp *r, size_t *shown) {
    size_t n = r->counts.n;
    el_strmap *by = el_strmap_new(r->a, 256);
    cgroup **of = el_arena_calloc(r->a, (n + 1) * sizeof *of);
    double *val = el_arena_calloc(r->a, (n + 1) * sizeof *val);
    const char **art = el_arena_calloc(r->a, (n + 1) * sizeof *art);
    if (!by || !of || !val || !art) return 0;
    el_jline *j = &r->j1;
    el_buf key = {0};
    for (size_t i = 0; i < n; i++) {
        if (reparse(r, j, &r->counts.v[i])) break;
        const char *kind = str(j, 0, "kind"), *subj = str(j, 0, "subject");
        if (!kind) continue;                                 /* compared with nothing */
        key.len = 0;
        el_buf_puts(&key, kind);
        el_buf_putc(&key, subj ? '\x1f' : '\x1e');
        for (const char *p = subj; p && *p; p++) el_buf_putc(&key, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
        cgroup *g = el_strmap_get(by, key.p, key.len);
        if (!g && (g = el_arena_calloc(r->a, sizeof *g)))
            el_strmap_put(by, el_arena_strndup(r->a, key.p, key.len), key.len, g);
        if (!g) break;
        EL_PUSH(r->a, g->v, i);
        of[i] = g;
        val[i] = count_value(j, 0);
        char ab[32];
        art[i] = el_arena_strdup(r->a, idof(j, 0, "article", ab));
    }
    el_buf_free(&key);
    for (size_t i = 0; i < n; i++) {
        cgroup *g = of[i];
        if (!g || g->next >= g->v.n || g->v.v[g->next] != i) continue;   /* none, or in a group already */
        size_t first = g->next, end = first + 64 < g->v.n ? first + 64 : g->v.n;
        g->next = end;
        bool other_article = false, differ = false;
        for (size_t k = first; k < end; k++) {
            size_t m = g->v.v[k];
            other_article |= art[i] && art[m] && strcmp(art[i], art[m]) != 0;
            differ |= val[i] != val[m];
        }
        if (!other_article) continue;
        if (reparse(r, j, &r->counts.v[i])) break;
        const char *kind = str(j, 0, "kind"), *subj = str(j, 0, "subject");
        el_buf_printf(&r->b, "<tbody class=\"cmp\"><tr class=\"%s\"><th colspan=\"7\">", differ ? "conflict" : "");
        esc(r, kind); put(r, ": "); esc(r, subj ? subj : "(no subject)");
        el_buf_printf(&r->b, " \u2014 <span class=\"tag\">%s</span></th></tr>\n", differ ? "differ" : "agree");
        for (size_t k = first; k < end; k++) count_row(r, g->v.v[k]);
        put(r, "</tbody>\n");
        flush(r);
        (*shown)++;
    }
    return *shown;
}

/* Comparisons: the run's own (comparisons.jsonl) when it wrote them, else
** counts of one kind and subject given by two or more articles, side by side. */
static void numbers(rp *r) {
    put(r, "<section id=\"numbers\"><h2>Numbers compared</h2>\n");
    size_t shown = 0;
    el_jline *j = &r->j1;
    put(r, "<table id=\"cmp-table\"><thead><tr><th>Article</th><th>Outlet</th><th>Date</th><th>Figure</th>"
           "<th>Value</th><th>Qualifier</th><th>Attribution</th></tr></thead>\n");
    if (r->comparisons.n) {
        for (size_t i = 0; i < r->comparisons.n; i++) {
            if (reparse(r, j, &r->comparisons.v[i])) return;
            const char *verdict = str(j, 0, "verdict");
            el_buf_printf(&r->b, "<tbody class=\"cmp\"><tr class=\"%s\"><th colspan=\"7\">",
                          verdict && strcmp(verdict, "conflicting") == 0 ? "conflict" : "");
            esc(r, str(j, 0, "kind")); put(r, ": "); esc(r, str(j, 0, "subject"));
            put(r, " \u2014 <span class=\"tag\">"); esc(r, verdict); put(r, "</span> ");
            put(r, "<span class=\"muted\">"); esc(r, str(j, 0, "summary")); put(r, "</span></th></tr>\n");
            int sides = el_jget(j, 0, "sides");
            long more = num(j, 0, "n_sides") - (long)el_jsize(j, sides);
            for (int c = el_jfirst(j, sides); c >= 0; c = el_jnext(j, sides, c)) count_side(r, j, c);
            if (more > 0)
                el_buf_printf(&r->b, "<tr><td colspan=\"7\" class=\"muted\">\u2026 and %ld more</td></tr>\n", more);
            put(r, "</tbody>\n");
            flush(r);
            shown++;
        }
    } else {
        count_groups(r, &shown);
    }
    put(r, "</table>\n");
    if ((size_t)r->n_cmp > r->comparisons.n)
        el_buf_printf(&r->b, "<p class=\"muted\">Only the first %zu of %ld comparisons are shown.</p>\n",
                      r->comparisons.n, r->n_cmp);
    el_buf_printf(&r->b, "<p id=\"cmp-n\" data-n=\"%zu\" class=\"muted\">%zu comparison%s across articles.</p>\n",
                  shown, shown, shown == 1 ? "" : "s");
    el_buf_printf(&r->b, "<details><summary>All %zu numbers</summary><table id=\"count-table\"><thead><tr>"
                  "<th>Article</th><th>Outlet</th><th>Date</th><th>Figure</th><th>Value</th><th>Qualifier</th>"
                  "<th>Attribution</th></tr></thead><tbody>\n", r->counts.n);
    for (size_t i = 0; i < r->counts.n; i++) { count_row(r, i); flush(r); }
    put(r, "</tbody></table></details>");
    if ((size_t)r->n_counts > r->counts.n)
        el_buf_printf(&r->b, "<p class=\"muted\">Only the first %zu of %ld numbers are shown.</p>",
                      r->counts.n, r->n_counts);
    put(r, "</section>\n");
}

static void quotes(rp *r) {
    el_jline *j = &r->j1;
    put(r, "<section id=\"quotes\"><h2>Quotes</h2>\n<table id=\"quote-table\"><thead><tr><th>Statement</th>"
           "<th>Speaker</th><th>Quote</th><th>Type</th><th>Article</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < r->quotes.n; i++) {
        if (reparse(r, j, &r->quotes.v[i])) return;
        char sb[32], ab[32];
        const char *ent = idof(j, 0, "speaker_entity", sb);
        const ent_meta *e = ent ? el_strmap_get(r->ent_by_id, ent, strlen(ent)) : NULL;
        const char *art = idof(j, 0, "article", ab);
        put(r, "<tr>");
        int st = el_jget(j, 0, "statement");
        if (el_jtype_of(j, st) == EL_JINT) {
            put(r, "<td class=\"n\">");
            el_buf_int(&r->b, el_jint(j, st));
            put(r, "</td>");
        } else {
            put(r, "<td></td>");
        }
        put(r, "<td>");
        esc(r, str(j, 0, "speaker"));
        if (e && e->name) { put(r, " <span class=\"muted\">("); esc(r, e->name); put(r, ")</span>"); }
        put(r, "</td><td><q>");
        esc(r, str(j, 0, "text"));
        put(r, "</q></td>");
        td_text(r, NULL, str(j, 0, "type"));
        put(r, "<td>");
        article_ref(r, art);
        put(r, "</td></tr>\n");
        flush(r);
    }
    put(r, "</tbody></table>");
    if ((size_t)r->n_quotes > r->quotes.n)
        el_buf_printf(&r->b, "<p class=\"muted\">Only the first %zu of %ld quotes are shown.</p>",
                      r->quotes.n, r->n_quotes);
    put(r, "</section>\n");
}

/* ---- Articles ---- */

/* Move an offset back onto the start of a UTF-8 character, inside [0, n]. */
static uint32_t char_start(const char *s, size_t n, uint32_t off) {
    if (off > n) off = (uint32_t)n;
    while (off > 0 && off < n && ((unsigned char)s[off] & 0xC0) == 0x80) off--;
    return off;
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The body cut at every highlight boundary; each piece gets the classes
** and tooltips of the highlights covering it. Pieces never nest, so
** overlapping highlights still give well-formed HTML. */
static void body_html(rp *r, const char *body, size_t n, annvec *v) {
    size_t na = v ? v->n : 0;
    uint32_t *cut = malloc((2 * na + 2) * sizeof *cut);
    if (!cut) { escn(r, body, n); return; }
    size_t nc = 0;
    cut[nc++] = 0;
    cut[nc++] = (uint32_t)n;
    for (size_t i = 0; i < na; i++) {
        cut[nc++] = v->v[i].s;
        cut[nc++] = v->v[i].e;
    }
    qsort(cut, nc, sizeof *cut, cmp_u32);
    put(r, "<div class=\"body\">");
    for (size_t k = 0; k + 1 < nc; k++) {
        uint32_t s = cut[k], e = cut[k + 1];
        if (s >= e) continue;
        bool sent = false, trg = false;
        const char *ent_cls = NULL;
        size_t n_titles = 0;
        for (size_t i = 0; i < na; i++) {
            const ann *x = &v->v[i];
            if (x->s > s || x->e < e) continue;
            if (x->kind == ANN_SENT) sent = true;
            else if (x->kind == ANN_TRIG) trg = true;
            else ent_cls = x->cls;
            n_titles++;
        }
        if (!n_titles) { escn(r, body + s, e - s); continue; }
        put(r, "<span class=\"");
        put(r, sent ? "evs" : "");
        put(r, sent && (trg || ent_cls) ? " " : "");
        put(r, trg ? "trg" : "");
        put(r, trg && ent_cls ? " " : "");
        put(r, ent_cls ? ent_cls : "");
        put(r, "\" title=\"");
        /* One tooltip line per highlight, events once each (a trigger and its
        ** sentence carry the same label). */
        bool first = true;
        for (size_t i = 0; i < na; i++) {
            const ann *x = &v->v[i];
            if (x->s > s || x->e < e || x->kind == ANN_TRIG) continue;
            if (!first) put(r, "&#10;");
            first = false;
            esc(r, x->label);
        }
        put(r, "\">");
        escn(r, body + s, e - s);
        put(r, "</span>");
    }
    put(r, "</div>\n");
    free(cut);
}

static int on_article_html(const el_jline *j, long line, void *ud) {
    (void)line;
    rp *r = ud;
    char ib[32];
    const char *id = idof(j, 0, "id", ib);
    art_meta *m = article_of(r, id);
    if (!m || !m->full) return 0;
    m->full = false;                                         /* a repeated id is shown once */
    int bj = el_jget(j, 0, "body");
    const char *body = el_jstr(j, bj) ? el_jstr(j, bj) : "";
    size_t n = el_jstrlen(j, bj);
    put(r, "<article class=\"art\" id=\"");
    anchor(r, "a-", id);
    put(r, "\"><h3>");
    if (m->title) esc(r, m->title);
    else { put(r, "<i class=\"muted\">(no title)</i> "); esc(r, m->first); put(r, "\u2026"); }
    put(r, "</h3><p class=\"meta\">");
    esc(r, id);
    put(r, " \u00b7 ");
    esc(r, m->outlet ? m->outlet : "outlet unknown");
    put(r, " \u00b7 ");
    if (m->date) {
        esc(r, m->date);
        const char *ev = str(j, 0, "date_evidence");
        if (m->date_source) { put(r, " <span class=\"muted\">("); esc(r, m->date_source);
                              if (ev) { put(r, ": "); esc(r, ev); } put(r, ")</span>"); }
    } else {
        put(r, "<span class=\"unres\">date unknown</span>");
    }
    if (el_jtype_of(j, el_jget(j, 0, "translated")) == EL_JTRUE) put(r, " \u00b7 <span class=\"tag\">translated</span>");
    if (m->file) { put(r, " \u00b7 <span class=\"muted\">"); esc(r, m->file); put(r, "</span>"); }
    const char *url = str(j, 0, "url");
    /* Only web links: a "javascript:" URL from the input must not become one. */
    if (url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
        put(r, " \u00b7 <a rel=\"noopener noreferrer nofollow\" href=\"");
        esc(r, url);
        put(r, "\">source</a>");
    }
    put(r, "</p>");
    if (str(j, 0, "dek")) { put(r, "<p class=\"dek\">"); esc(r, str(j, 0, "dek")); put(r, "</p>"); }
    /* Resolve highlights: sentence indexes to spans, all offsets to characters. */
    annvec *v = id ? el_strmap_get(r->anns, id, strlen(id)) : NULL;
    int sents = el_jget(j, 0, "sentences");
    for (size_t i = 0; v && i < v->n; i++) {
        ann *x = &v->v[i];
        if (x->kind == ANN_SENT) {
            int sp = el_jat(j, sents, x->s);
            x->s = el_jtype_of(j, sp) == EL_JARR ? (uint32_t)el_jint(j, el_jat(j, sp, 0)) : 0;
            x->e = el_jtype_of(j, sp) == EL_JARR ? (uint32_t)el_jint(j, el_jat(j, sp, 1)) : 0;
        }
        x->s = char_start(body, n, x->s);
        x->e = char_start(body, n, x->e);
        if (x->e < x->s) x->e = x->s;
    }
    body_html(r, body, n, v);
    int removed = el_jget(j, 0, "removed");
    if (el_jtype_of(j, removed) == EL_JARR && el_jsize(j, removed)) {
        el_buf_printf(&r->b, "<details class=\"debris\"><summary>Set aside from the page (%zu)</summary><ul>",
                      el_jsize(j, removed));
        for (int d = el_jfirst(j, removed); d >= 0; d = el_jnext(j, removed, d)) {
            put(r, "<li><span class=\"kind\">");
            esc(r, str(j, d, "kind") ? str(j, d, "kind") : "other");
            put(r, "</span>");
            esc(r, str(j, d, "text"));
            int rep = el_jget(j, d, "repeat");
            if (el_jtype_of(j, rep) == EL_JINT && el_jint(j, rep) > 1)
                el_buf_printf(&r->b, " <span class=\"muted\">(\u00d7%lld)</span>", el_jint(j, rep));
            put(r, "</li>");
        }
        put(r, "</ul></details>");
    }
    put(r, "</article>\n");
    flush(r);
    return 0;
}

static void articles(rp *r) {
    put(r, "<section id=\"articles\"><h2>Articles</h2>\n<p class=\"legend\"><span class=\"evs\">event sentence</span> "
           "<span class=\"trg\">event words</span> <span class=\"ent t-person\">person</span> "
           "<span class=\"ent t-organization\">organization</span> <span class=\"ent t-group\">group</span> "
           "<span class=\"ent t-country\">country</span> <span class=\"ent t-place\">place</span> "
           "<span class=\"muted\">(hover a highlight for details)</span></p>\n");
    char path[4096];
    snprintf(path, sizeof path, "%s/articles.jsonl", r->dir);
    /* A second pass over the file, bodies are never all in memory: over the
    ** lines of the articles shown in full alone (load() checked them; the
    ** first max_articles of arts, in file order), not the whole file. */
    size_t n_full = r->arts.n < r->opt.max_articles ? r->arts.n : r->opt.max_articles;
    long *lines = malloc((n_full ? n_full : 1) * sizeof *lines);
    if (!lines) { r->oom = true; return; }
    for (size_t i = 0; i < n_full; i++) lines[i] = r->arts.v[i]->line;
    el_jsonl_each_of(path, lines, n_full, on_article_html, r, NULL);
    free(lines);
    long rest = r->n_articles - (long)r->opt.max_articles;
    if (rest > 0) {
        el_buf_printf(&r->b, "<details><summary>%ld more articles, not shown in full</summary><ul>", rest);
        for (size_t i = r->opt.max_articles; i < r->arts.n; i++) {
            put(r, "<li>");
            article_link(r, r->arts.v[i]->id);
            put(r, "</li>");
            flush(r);
        }
        if (rest > r->n_listed)
            el_buf_printf(&r->b, "<li class=\"muted\">\u2026 and %ld more, not listed (the report lists %zu)</li>",
                          rest - r->n_listed, r->opt.max_list);
        put(r, "</ul></details>");
    }
    put(r, "</section>\n");
}

/* ---- The page ---- */

static int write_page(rp *r) {
    head(r);
    summary(r);
    stories(r);
    timeline(r);
    flush(r);
    event_table(r);
    numbers(r);
    quotes(r);
    flush(r);
    articles(r);
    put(r, "</main>\n<footer class=\"muted\" style=\"text-align:center;padding:12px\">made by eventline "
           "from the files of this folder</footer>\n<script>");
    put(r, js);
    put(r, "</script>\n</body>\n</html>\n");
    if (el_buf_flush(&r->b, r->f)) r->werr = 1;
    return r->werr || r->oom || el_arena_failed(r->a) ? -1 : 0;
}

int el_report_write_to(const char *out_dir, const char *path, const el_report_opts *opt,
                       el_diag *d) {
    rp r = {.d = d, .dir = out_dir};
    static const el_report_opts defaults = {
        .max_articles = 1000, .max_list = 5000, .max_events = 5000, .max_threads = 500,
        .max_episodes = 2000, .max_story_articles = 10, .max_rows = 5000, .max_comparisons = 1000,
    };
    r.opt = defaults;
    if (opt) {                                              /* zero: the default */
        const size_t *in = &opt->max_articles, *def = &defaults.max_articles;
        size_t *out = &r.opt.max_articles;
        for (size_t i = 0; i < sizeof defaults / sizeof(size_t); i++) out[i] = in[i] ? in[i] : def[i];
    }
    int rc = EL_OK;
    if (!(r.a = el_arena_new(NULL, 1 << 20)) || !(r.art_by_id = el_strmap_new(r.a, 1024)) ||
        !(r.ent_by_id = el_strmap_new(r.a, 256)) || !(r.anns = el_strmap_new(r.a, 1024)) ||
        !(r.outlets = el_strmap_new(r.a, 64)) || !(r.need = el_strmap_new(r.a, 1024)) ||
        !(r.need_ent = el_strmap_new(r.a, 256)) || !(r.thread_ids = el_strmap_new(r.a, 256))) {
        el_reject(d, path, 0, "out of memory starting the report");
        rc = EL_EINPUT;
    } else if (load(&r)) {
        el_reject(d, path, 0, "report not written: %s",
                  el_arena_failed(r.a) || r.oom ? "out of memory" : "the run folder could not be read");
        rc = EL_EINPUT;
    } else {
        /* Through a temporary file: a reader never sees half a report, and a
        ** failed write leaves the previous one. */
        char tmp[4200];
        snprintf(tmp, sizeof tmp, "%s.tmp", path);
        if (!(r.f = fopen(tmp, "wb"))) {
            el_reject(d, tmp, 0, "cannot write: %s", strerror(errno));
            rc = EL_EINPUT;
        } else {
            int w = write_page(&r);
            if (fclose(r.f) || w || rename(tmp, path)) {
                el_reject(d, path, 0, "cannot write: %s", w ? "write error or out of memory" : strerror(errno));
                remove(tmp);
                rc = EL_EINPUT;
            }
        }
    }
    el_buf_free(&r.b);
    el_buf_free(&r.tmp);
    el_jline_free(&r.j1);
    el_jline_free(&r.j2);
    el_arena_free(r.a);
    return rc;
}

int el_report_write(const char *out_dir, el_diag *d) {
    char path[4096];
    snprintf(path, sizeof path, "%s/report.html", out_dir);
    return el_report_write_to(out_dir, path, NULL, d);
}
