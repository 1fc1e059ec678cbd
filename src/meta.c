/*
** meta.c: --meta manifests, one JSON object per line, matched to articles on
** `file` (base name) or `id`. A manifest value wins over what the text says;
** read.c keeps the text's own value as evidence. Malformed lines are
** rejected with FILE:LINE and the rest of the manifest still applies.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "el_int.h"
#include "read.h"
#include "strmap.h"
#include "utf8.h"

typedef struct meta_entry {
    const char *id, *outlet, *url, *file;
    el_date date;
    bool has_date, has_outlet, has_url, has_id;
    int translated;             /* -1 when absent */
    const char *src;            /* "FILE:LINE" for the evidence */
} meta_entry;

struct el_meta { el_strmap *by_file, *by_id; };

static const char *jstr(el_arena *a, json_t *o, const char *k, bool *has) {
    json_t *v = json_object_get(o, k);
    if (has) *has = v != NULL;
    if (json_is_string(v)) return el_arena_strdup(a, json_string_value(v));
    if (json_is_integer(v)) return el_arena_printf(a, "%lld", (long long)json_integer_value(v));
    return NULL;
}

static int parse_entry(el_arena *a, const char *path, long line, const char *s,
                       size_t n, el_meta *m, el_diag *d) {
    json_error_t err;
    json_t *o = json_loadb(s, n, 0, &err);
    if (!o || !json_is_object(o)) {
        el_reject(d, path, line, "malformed manifest line: %s; line skipped",
                  o ? "not an object" : err.text);
        json_decref(o);
        return 0;
    }
    meta_entry *e = el_arena_calloc(a, sizeof *e);
    if (!e) { json_decref(o); return -1; }
    e->file = jstr(a, o, "file", NULL);
    e->id = jstr(a, o, "id", &e->has_id);
    e->outlet = jstr(a, o, "outlet", &e->has_outlet);
    e->url = jstr(a, o, "url", &e->has_url);
    e->translated = -1;
    json_t *t = json_object_get(o, "translated");
    if (json_is_boolean(t)) e->translated = json_is_true(t);
    e->date = EL_DATE_UNKNOWN;
    json_t *dv = json_object_get(o, "date");
    if (json_is_string(dv)) {
        const char *ds = json_string_value(dv);
        size_t dl = strlen(ds);
        e->date = el_date_parse(ds, dl >= 10 ? 10 : dl);
        if (e->date == EL_DATE_UNKNOWN)
            el_warn(d, path, line, "manifest date '%s' is not YYYY-MM-DD; ignored", ds);
        else e->has_date = true;
    }
    e->src = el_arena_printf(a, "%s:%ld", path, line);
    json_decref(o);
    if (!e->file && !e->id) {
        el_reject(d, path, line, "manifest line has neither \"file\" nor \"id\"; line skipped");
        return 0;
    }
    int rc = 0;
    if (e->file) {
        const char *b = strrchr(e->file, '/');
        b = b ? b + 1 : e->file;
        rc |= el_strmap_put(m->by_file, b, strlen(b), e);
    }
    if (e->id) rc |= el_strmap_put(m->by_id, e->id, strlen(e->id), e);
    return rc;
}

el_meta *el_meta_load(el_arena *a, const char *path, el_diag *d) {
    FILE *f = fopen(path, "rb");
    if (!f) { el_reject(d, path, 0, "cannot open manifest"); return NULL; }
    el_meta *m = el_arena_calloc(a, sizeof *m);
    if (m) {
        m->by_file = el_strmap_new(a, 64);
        m->by_id = el_strmap_new(a, 64);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    el_arena *tmp = el_arena_new(NULL, 0);
    if (!tmp || !m || !m->by_file || !m->by_id) m = NULL;
    while (m && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)len, clen;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ')) n--;
        if (!n) continue;
        el_utf8_report rep;
        char *clean = el_utf8_clean(tmp, line, n, &clen, &rep);
        if (rep.n_invalid)
            el_warn(d, path, lineno, "invalid UTF-8 at byte %zu; repaired with U+FFFD",
                    rep.first_invalid);
        if (!clean || parse_entry(a, path, lineno, clean, clen, m, d)) m = NULL;
        el_arena_reset(tmp);
    }
    if (!m) el_reject(d, path, lineno, "out of memory reading the manifest");
    el_arena_free(tmp);
    free(line);
    fclose(f);
    return m;
}

void el_meta_apply(const el_meta *m, el_doc *doc) {
    if (!m) return;
    meta_entry *e = doc->base ? el_strmap_get(m->by_file, doc->base, strlen(doc->base)) : NULL;
    if (!e && doc->id) e = el_strmap_get(m->by_id, doc->id, strlen(doc->id));
    if (!e) return;
    if (e->has_id && e->id) doc->id = e->id;
    if (e->has_outlet) doc->outlet = e->outlet;
    if (e->has_url) doc->url = e->url;
    if (e->translated >= 0) doc->translated = e->translated;
    if (e->has_date) {
        doc->date = e->date;
        doc->date_source = EL_DATE_META;
        doc->date_evidence = e->src;
    }
}
