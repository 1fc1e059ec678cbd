/*
** report.c: stage 7, one self-contained report.html from a run folder.
** In:  articles, entities, events, stories, counts, quotes (.jsonl) and,
**      when present, comparisons.jsonl (the counts --compare objects).
** Out: HTML with inline CSS, SVG and a little JS (sort and filter only: the
**      page reads fine without it), sections in this order: summary,
**      threads and episodes, timeline, events, numbers, quotes, articles.
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
#include "arena.h"
#include "buf.h"
#include "date.h"
#include "el_int.h"
#include "export.h"
#include "store.h"
#include "strmap.h"

/* ---- What the report holds ---- */

typedef struct art_meta {
    const char *id, *title, *date, *date_source, *outlet, *file, *first;  /* first: opening words */
    bool full;                  /* shown in full (within max_articles) */
} art_meta;

enum { ANN_ENT, ANN_SENT, ANN_TRIG };

typedef struct ann {            /* one highlight in an article body */
    uint32_t s, e;              /* bytes; for ANN_SENT s is the sentence index until resolved */
    int kind;
    const char *cls, *label;    /* CSS class (entity type) and tooltip */
} ann;

typedef EL_VEC(ann) annvec;

typedef struct ent_meta { const char *name, *type, *code; } ent_meta;

typedef struct rp {
    el_arena *a;
    el_diag *d;
    const char *dir;
    el_report_opts opt;
    el_buf b;
    FILE *f;
    int werr;
    EL_VEC(art_meta *) arts;
    el_strmap *art_by_id, *ent_by_id, *anns, *outlets;
    json_t *events, *stories, *counts, *quotes, *comparisons;
    long n_events, n_entities, n_counts, n_quotes;   /* in the files, kept or not */
} rp;

/* ---- Output ---- */

static void put(rp *r, const char *s) { el_buf_puts(&r->b, s); }

static void flush(rp *r) {
    if (r->b.len >= (1 << 20) && el_buf_flush(&r->b, r->f)) r->werr = 1;
}

/* HTML text and attribute values. Quotes too, so one function serves both. */
static void escn(rp *r, const char *s, size_t n) {
    el_buf *b = &r->b;
    size_t from = 0;
    for (size_t i = 0; s && i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        el_buf_put(b, s + from, i - from);
        el_buf_puts(b, rep);
        from = i + 1;
    }
    if (s) el_buf_put(b, s + from, n - from);
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

/* An id as text, whether written as a string or a number. */
static const char *idtext(const json_t *v, char buf[32]) {
    if (json_is_string(v)) return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, 32, "%lld", (long long)json_integer_value(v));
        return buf;
    }
    return NULL;
}

static const char *str(const json_t *o, const char *k) { return el_json_get_str(o, k); }

static long num(const json_t *o, const char *k) {
    const json_t *v = json_object_get(o, k);
    return json_is_number(v) ? (long)json_number_value(v) : 0;
}

static size_t utf8_chars(const char *s) {
    size_t n = 0;
    for (; s && *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ---- Loading ---- */

static art_meta *article_of(const rp *r, const char *id) {
    return id ? el_strmap_get(r->art_by_id, id, strlen(id)) : NULL;
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

static int on_article(json_t *o, long line, void *ud) {
    rp *r = ud;
    char ib[32];
    const char *id = idtext(json_object_get(o, "id"), ib);
    if (!id) { el_reject(r->d, "articles.jsonl", line, "article without an id; skipped"); return 0; }
    if (article_of(r, id)) return 0;                         /* a repeated id: the first wins */
    art_meta *m = el_arena_calloc(r->a, sizeof *m);
    if (!m) return 1;
    m->id = el_arena_strdup(r->a, id);
    m->title = el_arena_strdup(r->a, str(o, "title"));
    m->date = el_arena_strdup(r->a, str(o, "date"));
    m->date_source = el_arena_strdup(r->a, str(o, "date_source"));
    m->outlet = el_arena_strdup(r->a, str(o, "outlet"));
    m->file = el_arena_strdup(r->a, str(o, "file"));
    if (!m->title) m->first = opening(r, str(o, "body"));
    m->full = r->arts.n < r->opt.max_articles;
    EL_PUSH(r->a, r->arts, m);
    el_strmap_put(r->art_by_id, m->id, strlen(m->id), m);
    if (m->outlet) el_strmap_put(r->outlets, m->outlet, strlen(m->outlet), m);
    return 0;
}

static void add_ann(rp *r, const char *article, ann x) {
    const art_meta *m = article_of(r, article);
    if (!m || !m->full) return;                              /* shown only in full articles */
    annvec *v = el_strmap_get(r->anns, article, strlen(article));
    if (!v) {
        if (!(v = el_arena_calloc(r->a, sizeof *v))) return;
        el_strmap_put(r->anns, article, strlen(article), v);
    }
    EL_PUSH(r->a, *v, x);
}

static int on_entity(json_t *o, long line, void *ud) {
    (void)line;
    rp *r = ud;
    char ib[32];
    const char *id = idtext(json_object_get(o, "id"), ib);
    r->n_entities++;
    if (!id) return 0;
    ent_meta *e = el_arena_calloc(r->a, sizeof *e);
    if (!e) return 1;
    e->name = el_arena_strdup(r->a, str(o, "name"));
    e->type = el_arena_strdup(r->a, str(o, "type"));
    e->code = el_arena_strdup(r->a, str(o, "code"));
    el_strmap_put(r->ent_by_id, id, strlen(id), e);
    const char *label = el_arena_printf(r->a, "%s (%s%s%s)", e->name ? e->name : "?",
                                        e->type ? e->type : "entity", e->code ? ", " : "",
                                        e->code ? e->code : "");
    const char *cls = el_arena_printf(r->a, "ent t-%s", e->type ? e->type : "other");
    size_t i;
    const json_t *m;
    json_array_foreach(json_object_get(o, "mentions"), i, m) {
        const char *art = str(m, "article");
        if (art) add_ann(r, art, (ann){(uint32_t)num(m, "start"), (uint32_t)num(m, "end"), ANN_ENT, cls, label});
    }
    return 0;
}

/* Actor names of an event side, joined by ", "; "" when none. */
static const char *actor_names(rp *r, const json_t *arr) {
    el_buf t = {0};
    size_t i;
    const json_t *a;
    json_array_foreach(arr, i, a) {
        const char *n = str(a, "name");
        if (!n) n = str(a, "code");
        if (!n) continue;
        if (t.len) el_buf_puts(&t, ", ");
        el_buf_puts(&t, n);
    }
    const char *s = el_arena_strndup(r->a, t.p ? t.p : "", t.len);
    el_buf_free(&t);
    return s;
}

/* "A, B → C", "A", "→ C", or "" when the event names no actor. */
static const char *actors_line(rp *r, const json_t *ev) {
    const char *src = actor_names(r, json_object_get(ev, "source"));
    const char *tgt = actor_names(r, json_object_get(ev, "target"));
    return el_arena_printf(r->a, "%s%s%s", src, *tgt ? (*src ? " → " : "→ ") : "", tgt);
}

static const char *event_label(rp *r, const json_t *ev) {
    char ib[32];
    const char *id = idtext(json_object_get(ev, "id"), ib), *who = actors_line(r, ev);
    return el_arena_printf(r->a, "event %s: %s %s, %s%s%s", id ? id : "?",
                           str(ev, "event") ? str(ev, "event") : "?",
                           str(ev, "cameo") ? str(ev, "cameo") : "",
                           str(ev, "modality") ? str(ev, "modality") : "asserted",
                           *who ? ": " : "", who);
}

static int on_event(json_t *o, long line, void *ud) {
    (void)line;
    rp *r = ud;
    if ((size_t)r->n_events++ >= r->opt.max_events) return 0;
    json_array_append(r->events, o);
    const char *label = event_label(r, o);
    size_t i;
    const json_t *m;
    json_array_foreach(json_object_get(o, "mentions"), i, m) {
        char ib[32];
        const char *art = idtext(json_object_get(m, "article"), ib);
        if (!art) continue;
        if (json_is_integer(json_object_get(m, "sentence")))
            add_ann(r, art, (ann){(uint32_t)num(m, "sentence"), 0, ANN_SENT, "evs", label});
        add_ann(r, art, (ann){(uint32_t)num(m, "start"), (uint32_t)num(m, "end"), ANN_TRIG, "trg", label});
    }
    return 0;
}

typedef struct keep { rp *r; json_t *into; long *n; size_t max; } keep;

static int on_keep(json_t *o, long line, void *ud) {
    (void)line;
    keep *k = ud;
    if ((size_t)(*k->n)++ < k->max) json_array_append(k->into, o);
    return 0;
}

static int load(rp *r) {
    char path[4096];
    long n_stories = 0, n_cmp = 0;
    typedef struct step { const char *file; int (*fn)(json_t *, long, void *); void *ud; } step;
    step steps[7];
    keep ks = {r, r->stories, &n_stories, (size_t)-1};
    keep kc = {r, r->counts, &r->n_counts, 50000};
    keep kq = {r, r->quotes, &r->n_quotes, 50000};
    keep kx = {r, r->comparisons, &n_cmp, 50000};
    int n = 0;
    steps[n++] = (step){"articles.jsonl", on_article, r};
    steps[n++] = (step){"entities.jsonl", on_entity, r};
    steps[n++] = (step){"events.jsonl", on_event, r};
    steps[n++] = (step){"stories.jsonl", on_keep, &ks};
    steps[n++] = (step){"counts.jsonl", on_keep, &kc};
    steps[n++] = (step){"quotes.jsonl", on_keep, &kq};
    steps[n++] = (step){"comparisons.jsonl", on_keep, &kx};
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", r->dir, steps[i].file);
        if (el_jsonl_each(path, steps[i].fn, steps[i].ud, r->d) < 0) return -1;
        if (el_arena_failed(r->a)) return -1;
    }
    return 0;
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

static size_t count_level(const rp *r, const char *level) {
    size_t n = 0, i;
    const json_t *s;
    json_array_foreach(r->stories, i, s) n += str(s, "level") && strcmp(str(s, "level"), level) == 0;
    return n;
}

/* "1 thread", "2 threads"; plural NULL: word + "s". */
static void nword(rp *r, long n, const char *word, const char *plural) {
    if (n == 1 || !plural) el_buf_printf(&r->b, "%ld %s%s", n, word, n == 1 ? "" : "s");
    else el_buf_printf(&r->b, "%ld %s", n, plural);
}

static void summary(rp *r) {
    put(r, "<header><h1>eventline report</h1><p id=\"summary\"><span id=\"n-articles\">");
    nword(r, (long)r->arts.n, "article", NULL);
    put(r, "</span> from ");
    nword(r, (long)el_strmap_count(r->outlets), "outlet", NULL);
    put(r, " \u00b7 <span id=\"n-events\">");
    nword(r, r->n_events, "event", NULL);
    put(r, "</span> \u00b7 ");
    nword(r, r->n_entities, "entity", "entities");
    put(r, " \u00b7 ");
    nword(r, (long)count_level(r, "thread"), "thread", NULL);
    put(r, " \u00b7 ");
    nword(r, (long)count_level(r, "episode"), "episode", NULL);
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

static void story_dates(rp *r, const json_t *s) {
    const char *a = str(s, "first_date"), *b = str(s, "last_date");
    put(r, "<span class=\"muted\">");
    if (!a && !b) put(r, "<span class=\"unres\">dates unresolved</span>");
    else if (a && b && strcmp(a, b) == 0) esc(r, a);
    else { esc(r, a ? a : "?"); put(r, " \u2013 "); esc(r, b ? b : "?"); }
    put(r, "</span>");
}

static bool is_level(const json_t *s, const char *level) {
    return str(s, "level") && strcmp(str(s, "level"), level) == 0;
}

typedef EL_VEC(const json_t *) storyvec;

static void episode(rp *r, const json_t *ep, el_strmap *n_events) {
    char ib[32];
    const char *id = idtext(json_object_get(ep, "id"), ib);
    put(r, "<li class=\"episode\" id=\"");
    anchor(r, "s-", id);
    put(r, "\"><b>");
    esc(r, str(ep, "title") ? str(ep, "title") : id);
    put(r, "</b> ");
    story_dates(r, ep);
    const size_t *ne = id ? el_strmap_get(n_events, id, strlen(id)) : NULL;
    size_t n_ev = ne ? *ne : 0, na = json_array_size(json_object_get(ep, "articles")), i;
    el_buf_printf(&r->b, " \u00b7 %zu article%s \u00b7 %zu event%s<ul>", na, na == 1 ? "" : "s", n_ev,
                  n_ev == 1 ? "" : "s");
    const json_t *a;
    json_array_foreach(json_object_get(ep, "articles"), i, a) {
        char ab[32];
        put(r, "<li>");
        article_link(r, idtext(a, ab));
        put(r, "</li>");
    }
    put(r, "</ul></li>\n");
    flush(r);
}

/* Threads with their episodes, then the episodes whose thread is not in the
** file. Episodes are grouped by parent first (one pass), so this stays
** linear however many stories a large run has. */
static void stories(rp *r) {
    put(r, "<section id=\"stories\"><h2>Threads and episodes</h2>\n");
    if (!json_array_size(r->stories)) put(r, "<p class=\"muted\">No stories in this run.</p>");
    el_strmap *kids = el_strmap_new(r->a, 256), *threads = el_strmap_new(r->a, 64);
    el_strmap *n_events = el_strmap_new(r->a, 256);
    if (!kids || !threads || !n_events) return;
    size_t i;
    const json_t *t, *e, *ev;
    json_array_foreach(r->events, i, ev) {
        const char *ep = str(ev, "episode");
        if (!ep) continue;
        size_t *n = el_strmap_get(n_events, ep, strlen(ep));
        if (!n && (n = el_arena_calloc(r->a, sizeof *n))) el_strmap_put(n_events, ep, strlen(ep), n);
        if (n) (*n)++;
    }
    json_array_foreach(r->stories, i, t)
        if (is_level(t, "thread") && str(t, "id")) el_strmap_put(threads, str(t, "id"), strlen(str(t, "id")), (void *)t);
    storyvec orphans = {0};
    json_array_foreach(r->stories, i, e) {
        if (!is_level(e, "episode")) continue;
        const char *p = str(e, "parent");
        if (!p || !el_strmap_get(threads, p, strlen(p))) { EL_PUSH(r->a, orphans, e); continue; }
        storyvec *v = el_strmap_get(kids, p, strlen(p));
        if (!v && (v = el_arena_calloc(r->a, sizeof *v))) el_strmap_put(kids, p, strlen(p), v);
        if (v) EL_PUSH(r->a, *v, e);
    }
    json_array_foreach(r->stories, i, t) {
        if (!is_level(t, "thread")) continue;
        char ib[32];
        const char *tid = idtext(json_object_get(t, "id"), ib);
        put(r, "<div class=\"thread\" id=\"");
        anchor(r, "s-", tid);
        put(r, "\"><h3>");
        esc(r, str(t, "title") ? str(t, "title") : tid);
        put(r, " ");
        story_dates(r, t);
        el_buf_printf(&r->b, " <span class=\"tag\">%zu articles</span></h3><ol class=\"episodes\">",
                      json_array_size(json_object_get(t, "articles")));
        const storyvec *v = tid ? el_strmap_get(kids, tid, strlen(tid)) : NULL;
        for (size_t k = 0; v && k < v->n; k++) episode(r, v->v[k], n_events);
        put(r, "</ol></div>\n");
    }
    if (orphans.n) {
        put(r, "<h3>Episodes outside any thread</h3><ol class=\"episodes\">");
        for (size_t k = 0; k < orphans.n; k++) episode(r, orphans.v[k], n_events);
        put(r, "</ol>");
    }
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
    const json_t *ev;
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
    size_t n = json_array_size(r->events), n_dated = 0;
    tl_item *it = el_arena_calloc(r->a, (n ? n : 1) * sizeof *it);
    if (!it) return;
    el_date lo = EL_DATE_UNKNOWN, hi = EL_DATE_UNKNOWN;
    for (size_t i = 0; i < n; i++) {
        const json_t *ev = json_array_get(r->events, i);
        tl_item x = {.ev = ev, .lane = lane_of(str(ev, "event"))};
        if (!el_date_period(str(ev, "date"), &x.lo, &x.hi)) continue;
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
            const json_t *ev = x->ev;
            /* Long actor lists are cut in the label; the tooltip has them all. */
            const char *who = clip(r, actors_line(r, ev), 44), *mod = str(ev, "modality");
            long na = num(ev, "num_articles"), ns = num(ev, "num_sources");
            x->label = el_arena_printf(r->a, "%s%s%s · %ld article%s, %ld outlet%s",
                                       *who ? who : "no actor named",
                                       mod && strcmp(mod, "asserted") ? " · " : "",
                                       mod && strcmp(mod, "asserted") ? mod : "",
                                       na, na == 1 ? "" : "s", ns, ns == 1 ? "" : "s");
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
            const json_t *ev = x->ev;
            char ib[32];
            const char *id = idtext(json_object_get(ev, "id"), ib);
            const char *mod = str(ev, "modality");
            const char *color = quad_color(num(ev, "quad_class"));
            double cy = lane_top[x->lane] + 8 + x->row * row_h;
            bool hollow = mod && strcmp(mod, "asserted") != 0;
            put(r, "<a class=\"ev\" href=\"#");
            anchor(r, "ev-", id);
            put(r, "\" data-id=\"");
            esc(r, id);
            put(r, "\"><title>");
            esc(r, str(ev, "date"));
            put(r, " \u00b7 ");
            esc(r, event_label(r, ev));
            el_buf_printf(&r->b, " \u00b7 %ld mentions in %ld articles from %ld outlets</title>",
                          num(ev, "num_mentions"), num(ev, "num_articles"), num(ev, "num_sources"));
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
                              "stroke-width=\"1.5\"%s/>", x->x0, cy, 4.0 + fmin((double)num(ev, "num_articles"), 5.0),
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
            const json_t *ev = json_array_get(r->events, i);
            el_date a, b;
            if (el_date_period(str(ev, "date"), &a, &b)) continue;
            char ib[32];
            const char *id = idtext(json_object_get(ev, "id"), ib);
            put(r, first ? "" : "; ");
            first = false;
            put(r, "<a href=\"#");
            anchor(r, "ev-", id);
            put(r, "\">");
            esc(r, event_label(r, ev));
            put(r, "</a>");
            if (str(ev, "date")) { put(r, " (date given as \u201c"); esc(r, str(ev, "date")); put(r, "\u201d)"); }
        }
    }
    put(r, "</p>");
    if ((size_t)r->n_events > n)
        el_buf_printf(&r->b, "<p class=\"muted\">Only the first %zu of %ld events are shown.</p>", n, r->n_events);
    put(r, "</section>\n");
}

/* ---- Event table ---- */

static void td_text(rp *r, const char *cls, const char *s) {
    el_buf_printf(&r->b, "<td%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    esc(r, s);
    put(r, "</td>");
}

static void td_num(rp *r, long v) { el_buf_printf(&r->b, "<td class=\"n\" data-v=\"%ld\">%ld</td>", v, v); }

static void event_table(rp *r) {
    size_t n = json_array_size(r->events), i;
    const json_t *ev;
    put(r, "<section id=\"events\"><h2>Events</h2>\n<div class=\"filters\">"
           "<input id=\"ev-filter\" type=\"search\" placeholder=\"Filter: actor, place, text\u2026\" aria-label=\"filter events\">"
           "<select id=\"ev-cat\" aria-label=\"category\"><option value=\"\">all categories</option>");
    /* The categories and modalities present, in lane order. */
    for (size_t l = 0; l <= N_LANES; l++) {
        const char *name = NULL;
        json_array_foreach(r->events, i, ev) {
            const char *c = str(ev, "event");
            if (c && lane_of(c) == (int)l) { name = c; break; }
        }
        if (name && l < N_LANES) {
            put(r, "<option>"); esc(r, name); put(r, "</option>");
        }
    }
    put(r, "</select><select id=\"ev-mod\" aria-label=\"modality\"><option value=\"\">all modalities</option>");
    static const char *const mods[] = {"asserted", "negated", "planned", "hypothetical"};
    for (size_t m = 0; m < 4; m++) {
        bool has = false;
        json_array_foreach(r->events, i, ev) has |= str(ev, "modality") && strcmp(str(ev, "modality"), mods[m]) == 0;
        if (has) el_buf_printf(&r->b, "<option>%s</option>", mods[m]);
    }
    el_buf_printf(&r->b, "</select><span id=\"ev-shown\" class=\"muted\">%zu of %zu events shown</span></div>\n", n, n);
    put(r, "<table id=\"ev-table\"><thead><tr><th data-type=\"num\">#</th><th>Date</th><th>Category</th>"
           "<th>CAMEO</th><th>Source</th><th>Target</th><th>Modality</th><th>Location</th>"
           "<th data-type=\"num\">Mentions</th><th data-type=\"num\">Articles</th><th data-type=\"num\">Outlets</th>"
           "<th>Episode</th><th>Where</th></tr></thead><tbody>\n");
    json_array_foreach(r->events, i, ev) {
        char ib[32];
        const char *id = idtext(json_object_get(ev, "id"), ib);
        long q = num(ev, "quad_class");
        el_buf_printf(&r->b, "<tr data-i=\"%zu\" id=\"", i);
        anchor(r, "ev-", id);
        put(r, "\" data-cat=\"");
        esc(r, str(ev, "event"));
        put(r, "\" data-mod=\"");
        esc(r, str(ev, "modality"));
        put(r, "\"><td data-v=\"");
        const char *idv = id ? id : "";
        /* Numeric ids sort as numbers; others by their place in the file. */
        if (*idv && strspn(idv, "0123456789") == strlen(idv)) esc(r, idv);
        else el_buf_printf(&r->b, "%zu", i);
        put(r, "\">");
        esc(r, id);
        put(r, "</td>");
        const char *date = str(ev, "date"), *gran = str(ev, "date_granularity");
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
        el_buf_printf(&r->b, "<td><span class=\"tag q%ld\">", q);
        esc(r, str(ev, "event"));
        put(r, "</span></td>");
        td_text(r, NULL, str(ev, "cameo"));
        td_text(r, NULL, actor_names(r, json_object_get(ev, "source")));
        td_text(r, NULL, actor_names(r, json_object_get(ev, "target")));
        td_text(r, NULL, str(ev, "modality"));
        td_text(r, NULL, str(json_object_get(ev, "location"), "name"));
        td_num(r, num(ev, "num_mentions"));
        td_num(r, num(ev, "num_articles"));
        td_num(r, num(ev, "num_sources"));
        td_text(r, NULL, str(ev, "episode"));
        put(r, "<td>");
        size_t j;
        const json_t *m;
        json_array_foreach(json_object_get(ev, "mentions"), j, m) {
            char ab[32];
            const char *art = idtext(json_object_get(m, "article"), ab);
            if (j) put(r, ", ");
            if (j == 6) { el_buf_printf(&r->b, "\u2026 %zu more", json_array_size(json_object_get(ev, "mentions")) - 6); break; }
            put(r, "<a href=\"#");
            anchor(r, "a-", art);
            put(r, "\">");
            esc(r, art);
            put(r, "</a>");
        }
        put(r, "</td></tr>\n");
        flush(r);
    }
    put(r, "</tbody></table></section>\n");
}

/* ---- Numbers and quotes ---- */

static double count_value(const json_t *c) {
    const char *k[] = {"value", "min", "max"};
    for (int i = 0; i < 3; i++) {
        const json_t *v = json_object_get(c, k[i]);
        if (json_is_number(v)) return json_number_value(v);
    }
    return NAN;
}

static void count_side(rp *r, const json_t *c) {
    char ab[32];
    const char *art = idtext(json_object_get(c, "article"), ab);
    const art_meta *m = article_of(r, art);
    put(r, "<tr><td>");
    put(r, "<a href=\"#"); anchor(r, "a-", art); put(r, "\">"); esc(r, art); put(r, "</a></td>");
    td_text(r, NULL, str(c, "outlet") ? str(c, "outlet") : m && m->outlet ? m->outlet : "");
    td_text(r, NULL, str(c, "date") ? str(c, "date") : m ? m->date : NULL);
    put(r, "<td><q>"); esc(r, str(c, "text")); put(r, "</q></td>");
    double v = count_value(c);
    if (isnan(v)) put(r, "<td></td>");
    else el_buf_printf(&r->b, "<td class=\"n\" data-v=\"%.0f\">%.15g</td>", v, v);
    td_text(r, NULL, str(c, "qualifier"));
    td_text(r, "muted", str(c, "attribution"));
    put(r, "</tr>\n");
}

/* Comparisons: the run's own (comparisons.jsonl) when it wrote them, else
** counts of one kind and subject given by two or more articles, side by side. */
static void numbers(rp *r) {
    put(r, "<section id=\"numbers\"><h2>Numbers compared</h2>\n");
    size_t i, j;
    const json_t *x, *c;
    size_t shown = 0;
    put(r, "<table id=\"cmp-table\"><thead><tr><th>Article</th><th>Outlet</th><th>Date</th><th>Figure</th>"
           "<th>Value</th><th>Qualifier</th><th>Attribution</th></tr></thead>\n");
    if (json_array_size(r->comparisons)) {
        json_array_foreach(r->comparisons, i, x) {
            const char *verdict = str(x, "verdict");
            el_buf_printf(&r->b, "<tbody class=\"cmp\"><tr class=\"%s\"><th colspan=\"7\">",
                          verdict && strcmp(verdict, "conflicting") == 0 ? "conflict" : "");
            esc(r, str(x, "kind")); put(r, ": "); esc(r, str(x, "subject"));
            put(r, " \u2014 <span class=\"tag\">"); esc(r, verdict); put(r, "</span> ");
            put(r, "<span class=\"muted\">"); esc(r, str(x, "summary")); put(r, "</span></th></tr>\n");
            json_array_foreach(json_object_get(x, "sides"), j, c) count_side(r, c);
            put(r, "</tbody>\n");
            shown++;
        }
    } else {
        /* Group by kind and subject, in order of first appearance. */
        size_t n = json_array_size(r->counts);
        bool *done = el_arena_calloc(r->a, n + 1);
        for (i = 0; done && i < n; i++) {
            if (done[i]) continue;
            const json_t *a = json_array_get(r->counts, i);
            const char *kind = str(a, "kind"), *subj = str(a, "subject");
            size_t members[64], nm = 0;
            bool other_article = false, differ = false;
            for (j = i; j < n && nm < 64; j++) {
                const json_t *b = json_array_get(r->counts, j);
                const char *k2 = str(b, "kind"), *s2 = str(b, "subject");
                if (done[j] || !kind || !k2 || strcmp(kind, k2) || (subj == NULL) != (s2 == NULL) ||
                    (subj && strcasecmp(subj, s2)))
                    continue;
                members[nm++] = j;
                done[j] = true;
                char b1[32], b2[32];
                const char *ia = idtext(json_object_get(a, "article"), b1), *ib = idtext(json_object_get(b, "article"), b2);
                other_article |= ia && ib && strcmp(ia, ib) != 0;
                differ |= count_value(a) != count_value(b);
            }
            if (!other_article) continue;
            el_buf_printf(&r->b, "<tbody class=\"cmp\"><tr class=\"%s\"><th colspan=\"7\">", differ ? "conflict" : "");
            esc(r, kind); put(r, ": "); esc(r, subj ? subj : "(no subject)");
            el_buf_printf(&r->b, " \u2014 <span class=\"tag\">%s</span></th></tr>\n", differ ? "differ" : "agree");
            for (size_t k = 0; k < nm; k++) count_side(r, json_array_get(r->counts, members[k]));
            put(r, "</tbody>\n");
            shown++;
        }
    }
    put(r, "</table>\n");
    el_buf_printf(&r->b, "<p id=\"cmp-n\" data-n=\"%zu\" class=\"muted\">%zu comparison%s across articles.</p>\n",
                  shown, shown, shown == 1 ? "" : "s");
    el_buf_printf(&r->b, "<details><summary>All %zu numbers</summary><table id=\"count-table\"><thead><tr>"
                  "<th>Article</th><th>Outlet</th><th>Date</th><th>Figure</th><th>Value</th><th>Qualifier</th>"
                  "<th>Attribution</th></tr></thead><tbody>\n", json_array_size(r->counts));
    json_array_foreach(r->counts, i, c) count_side(r, c);
    put(r, "</tbody></table></details></section>\n");
}

static void quotes(rp *r) {
    size_t i;
    const json_t *q;
    put(r, "<section id=\"quotes\"><h2>Quotes</h2>\n<table id=\"quote-table\"><thead><tr><th>Statement</th>"
           "<th>Speaker</th><th>Quote</th><th>Type</th><th>Article</th></tr></thead><tbody>\n");
    json_array_foreach(r->quotes, i, q) {
        char sb[32], ab[32];
        const char *ent = idtext(json_object_get(q, "speaker_entity"), sb);
        const ent_meta *e = ent ? el_strmap_get(r->ent_by_id, ent, strlen(ent)) : NULL;
        const char *art = idtext(json_object_get(q, "article"), ab);
        put(r, "<tr>");
        const json_t *st = json_object_get(q, "statement");
        if (json_is_integer(st)) el_buf_printf(&r->b, "<td class=\"n\">%lld</td>", (long long)json_integer_value(st));
        else put(r, "<td></td>");
        put(r, "<td>");
        esc(r, str(q, "speaker"));
        if (e && e->name) { put(r, " <span class=\"muted\">("); esc(r, e->name); put(r, ")</span>"); }
        put(r, "</td><td><q>");
        esc(r, str(q, "text"));
        put(r, "</q></td>");
        td_text(r, NULL, str(q, "type"));
        put(r, "<td>");
        article_ref(r, art);
        put(r, "</td></tr>\n");
    }
    put(r, "</tbody></table></section>\n");
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
        el_buf_printf(&r->b, "<span class=\"%s%s%s%s%s\" title=\"", sent ? "evs" : "",
                      sent && (trg || ent_cls) ? " " : "", trg ? "trg" : "", trg && ent_cls ? " " : "",
                      ent_cls ? ent_cls : "");
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

static int on_article_html(json_t *o, long line, void *ud) {
    (void)line;
    rp *r = ud;
    char ib[32];
    const char *id = idtext(json_object_get(o, "id"), ib);
    art_meta *m = article_of(r, id);
    if (!m || !m->full) return 0;
    m->full = false;                                         /* a repeated id is shown once */
    const json_t *bj = json_object_get(o, "body");
    const char *body = json_is_string(bj) ? json_string_value(bj) : "";
    size_t n = json_is_string(bj) ? json_string_length(bj) : 0;
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
        const char *ev = str(o, "date_evidence");
        if (m->date_source) { put(r, " <span class=\"muted\">("); esc(r, m->date_source);
                              if (ev) { put(r, ": "); esc(r, ev); } put(r, ")</span>"); }
    } else {
        put(r, "<span class=\"unres\">date unknown</span>");
    }
    if (json_is_true(json_object_get(o, "translated"))) put(r, " \u00b7 <span class=\"tag\">translated</span>");
    if (m->file) { put(r, " \u00b7 <span class=\"muted\">"); esc(r, m->file); put(r, "</span>"); }
    const char *url = str(o, "url");
    /* Only web links: a "javascript:" URL from the input must not become one. */
    if (url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)) {
        put(r, " \u00b7 <a rel=\"noopener noreferrer nofollow\" href=\"");
        esc(r, url);
        put(r, "\">source</a>");
    }
    put(r, "</p>");
    if (str(o, "dek")) { put(r, "<p class=\"dek\">"); esc(r, str(o, "dek")); put(r, "</p>"); }
    /* Resolve highlights: sentence indexes to spans, all offsets to characters. */
    annvec *v = id ? el_strmap_get(r->anns, id, strlen(id)) : NULL;
    const json_t *sents = json_object_get(o, "sentences");
    for (size_t i = 0; v && i < v->n; i++) {
        ann *x = &v->v[i];
        if (x->kind == ANN_SENT) {
            const json_t *sp = json_array_get(sents, x->s);
            x->s = json_is_array(sp) ? (uint32_t)json_integer_value(json_array_get(sp, 0)) : 0;
            x->e = json_is_array(sp) ? (uint32_t)json_integer_value(json_array_get(sp, 1)) : 0;
        }
        x->s = char_start(body, n, x->s);
        x->e = char_start(body, n, x->e);
        if (x->e < x->s) x->e = x->s;
    }
    body_html(r, body, n, v);
    const json_t *removed = json_object_get(o, "removed");
    if (json_array_size(removed)) {
        el_buf_printf(&r->b, "<details class=\"debris\"><summary>Set aside from the page (%zu)</summary><ul>",
                      json_array_size(removed));
        size_t i;
        const json_t *d;
        json_array_foreach(removed, i, d) {
            put(r, "<li><span class=\"kind\">");
            esc(r, str(d, "kind") ? str(d, "kind") : "other");
            put(r, "</span>");
            esc(r, str(d, "text"));
            const json_t *rep = json_object_get(d, "repeat");
            if (json_is_integer(rep) && json_integer_value(rep) > 1)
                el_buf_printf(&r->b, " <span class=\"muted\">(\u00d7%lld)</span>", (long long)json_integer_value(rep));
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
    /* A second pass over the file: bodies are never all in memory. */
    el_jsonl_each(path, on_article_html, r, NULL);      /* its bad lines were reported by load() */
    size_t rest = 0;
    for (size_t i = 0; i < r->arts.n; i++) rest += i >= r->opt.max_articles;
    if (rest) {
        el_buf_printf(&r->b, "<details><summary>%zu more articles, not shown in full</summary><ul>", rest);
        for (size_t i = r->opt.max_articles; i < r->arts.n; i++) {
            put(r, "<li>");
            article_link(r, r->arts.v[i]->id);
            put(r, "</li>");
        }
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
    return r->werr || el_arena_failed(r->a) ? -1 : 0;
}

int el_report_write_to(const char *out_dir, const char *path, const el_report_opts *opt,
                       el_diag *d) {
    rp r = {.d = d, .dir = out_dir};
    r.opt.max_articles = opt && opt->max_articles ? opt->max_articles : 1000;
    r.opt.max_events = opt && opt->max_events ? opt->max_events : 20000;
    int rc = EL_OK;
    if (!(r.a = el_arena_new(NULL, 1 << 20)) || !(r.art_by_id = el_strmap_new(r.a, 1024)) ||
        !(r.ent_by_id = el_strmap_new(r.a, 1024)) || !(r.anns = el_strmap_new(r.a, 1024)) ||
        !(r.outlets = el_strmap_new(r.a, 64)) || !(r.events = json_array()) ||
        !(r.stories = json_array()) || !(r.counts = json_array()) || !(r.quotes = json_array()) ||
        !(r.comparisons = json_array())) {
        el_reject(d, path, 0, "out of memory starting the report");
        rc = EL_EINPUT;
    } else if (load(&r)) {
        el_reject(d, path, 0, "report not written: %s",
                  el_arena_failed(r.a) ? "out of memory" : "the run folder could not be read");
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
    json_decref(r.events); json_decref(r.stories); json_decref(r.counts);
    json_decref(r.quotes); json_decref(r.comparisons);
    el_arena_free(r.a);
    return rc;
}

int el_report_write(const char *out_dir, el_diag *d) {
    char path[4096];
    snprintf(path, sizeof path, "%s/report.html", out_dir);
    return el_report_write_to(out_dir, path, NULL, d);
}
