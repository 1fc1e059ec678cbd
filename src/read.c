/*
** read.c: stage 1, files and folders to documents.
** Formats: JSON Lines (.jsonl .ndjson .json: one article per line, fields
** id, text|body, title, dek, date, outlet, url, language, translated) and
** plain text (anything else: the seed format, with an optional leading
** " date YYYY-MM-DD" header that becomes the date and leaves the text).
** Folders are walked recursively in byte order of names; dot files and files
** named manifest.jsonl are skipped there (they describe, not report).
** Every text passes el_utf8_clean() here, once.
*/
#include "read.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yajl_parse.h>
#include "buf.h"
#include "textutil.h"
#include "utf8.h"

typedef struct reader {
    const el_engine *e;
    el_diag *d;
    el_doc_fn fn;
    void *ud;
    el_arena *a;                /* the current document's arena */
    long seq;
    int stop;                   /* set when fn asks to stop or memory fails */
    int rc;
} reader;

/* Memory ran out on this record: say where, and stop reading (the arena
** is sticky until the next record, and a heap that fails once usually fails
** again). */
static void out_of_memory(reader *r, const char *path, long line) {
    el_reject(r->d, path, line, "out of memory reading this input; stopped");
    r->rc = EL_ENOMEM;
    r->stop = 1;
}

static const char *base_name(const char *path) {
    const char *b = strrchr(path, '/');
    return b ? b + 1 : path;
}

static int has_ext(const char *name, const char *ext) {
    size_t n = strlen(name), m = strlen(ext);
    return n > m && strcasecmp(name + n - m, ext) == 0;
}

static int is_jsonl(const char *name) {
    return has_ext(name, ".jsonl") || has_ext(name, ".ndjson") || has_ext(name, ".json");
}

/* Binary: a NUL or C0 control in more than 1 of 16 of the first 4 KB, or any
** byte pattern no news text has. A few stray NULs in text are repaired instead. */
static int looks_binary(const unsigned char *s, size_t n) {
    size_t k = n < 4096 ? n : 4096, bad = 0;
    for (size_t i = 0; i < k; i++)
        if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f') bad++;
    return k && bad * 16 > k;
}

/* In a folder walk, which names are articles: .txt .text, JSON Lines, HTML
** and WARC (reported as not yet supported), and names without an extension.
** A file named on the command line is always read. */
static int article_name(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot) return 1;
    return has_ext(name, ".txt") || has_ext(name, ".text") || is_jsonl(name) ||
           has_ext(name, ".html") || has_ext(name, ".htm") || has_ext(name, ".warc") ||
           has_ext(name, ".warc.gz");
}

/* A file name is bytes, not text: repaired like text (U+FFFD) when it is not
** UTF-8, so that "file" and the id made from it print as valid JSON. */
static const char *name_text(el_arena *a, const char *name) {
    const unsigned char *p = (const unsigned char *)name;
    while (*p && *p < 0x80) p++;
    if (!*p) return name;
    el_utf8_report rep;
    size_t n;
    return el_utf8_clean(a, name, strlen(name), &n, &rep);
}

static el_doc *doc_new(reader *r, const char *path, long line) {
    el_doc *doc = el_arena_calloc(r->a, sizeof *doc);
    if (!doc) return NULL;
    doc->a = r->a;
    doc->file = path;
    doc->base = name_text(r->a, base_name(path));
    if (!doc->base) return NULL;
    doc->line = line;
    doc->seq = r->seq;
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    return doc;
}

static void report_utf8(el_diag *d, const char *path, long line, const char *s,
                        const el_utf8_report *rep, int one_line) {
    if (rep->n_invalid)
        el_warn(d, path, one_line ? line : el_utf8_line_of(s, rep->first_invalid),
                "invalid UTF-8 at byte %zu (%zu sequence%s); repaired with U+FFFD",
                rep->first_invalid, rep->n_invalid, rep->n_invalid == 1 ? "" : "s");
    if (rep->n_nul)
        el_warn(d, path, one_line ? line : el_utf8_line_of(s, rep->first_nul),
                "NUL byte at byte %zu (%zu in all); dropped", rep->first_nul, rep->n_nul);
}

/* " date 2024-02-14 " at the start of a seed-format text: the date, and where
** the text after it starts. Returns the text offset, or 0 when no header. */
static size_t header_date(const char *s, size_t n, el_date *out) {
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (n - i < 15 || memcmp(s + i, "date", 4) != 0 || (s[i + 4] != ' ' && s[i + 4] != '\t'))
        return 0;
    i += 5;
    while (i < n && s[i] == ' ') i++;
    if (n - i < 10) return 0;
    el_date t = el_date_parse(s + i, 10);
    if (t == EL_DATE_UNKNOWN) return 0;
    i += 10;
    if (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') return 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    *out = t;
    return i;
}

/* Finish a doc: header date, manifest, then hand it over. */
static void deliver(reader *r, el_doc *doc) {
    if (doc->header_date != EL_DATE_UNKNOWN && doc->date_source == EL_DATE_NONE) {
        doc->date = doc->header_date;
        doc->date_source = EL_DATE_HEADER;
    }
    el_date own = doc->date_source == EL_DATE_HEADER ? doc->date : EL_DATE_UNKNOWN;
    const char *own_ev = doc->date_evidence;
    el_meta_apply(r->e->meta, doc);
    if (doc->date_source == EL_DATE_META && own != EL_DATE_UNKNOWN) {
        char a[11], b[11];
        el_date_format(own, a);
        el_date_format(doc->date, b);
        doc->date_evidence = el_arena_printf(r->a, "manifest %s; the text's own date %s %s",
                                             doc->date_evidence, a,
                                             own == doc->date ? "agrees" : "differs");
    } else if (doc->date_source == EL_DATE_HEADER && !own_ev) {
        char a[11];
        el_date_format(doc->date, a);
        doc->date_evidence = el_arena_printf(r->a, "header line ' date %s'", a);
    }
    if (!doc->id) {
        const char *dot = strrchr(doc->base, '.');
        doc->id = dot ? el_arena_strndup(r->a, doc->base, (size_t)(dot - doc->base)) : doc->base;
    }
    if (el_arena_failed(r->a)) { out_of_memory(r, doc->file, doc->line); return; }
    r->seq++;
    if (r->fn(doc, r->ud)) r->stop = 1;
}

int el_read_text(const el_engine *e, el_doc *doc, const char *text, size_t len, el_diag *d) {
    (void)e;
    el_utf8_report rep;
    size_t n;
    char *s = el_utf8_clean(doc->a, text, len, &n, &rep);
    if (!s) return EL_ENOMEM;
    report_utf8(d, doc->file, doc->line, text, &rep, 0);
    el_date hd;
    size_t off = header_date(s, n, &hd);
    if (off) {
        doc->header_date = doc->date = hd;
        doc->date_source = EL_DATE_HEADER;
    }
    doc->raw = s + off;
    doc->raw_len = n - off;
    doc->text_format = true;
    return EL_OK;
}

static void read_text_file(reader *r, const char *path, const char *s, size_t n) {
    el_doc *doc = doc_new(r, path, 1);
    if (!doc || el_read_text(r->e, doc, s, n, r->d) != EL_OK) { out_of_memory(r, path, 1); return; }
    size_t k = 0;
    while (k < doc->raw_len && strchr(" \t\n\f", doc->raw[k])) k++;
    if (k == doc->raw_len) {
        el_reject(r->d, path, 1, "no article text");
        return;
    }
    deliver(r, doc);
}

/* ---- One JSON Lines record, read by yajl's event parser ----------------
** No tree: yajl hands each top-level member's value to the callbacks below,
** which keep the ones an article has, in the document's arena. jansson
** built a tree of the whole line with a malloc per value and was a quarter
** of `eventline code`'s time on one-sentence records. Nested values are
** skipped; a member given twice keeps its last value, as jansson did. */

enum { F_ID, F_TITLE, F_DEK, F_OUTLET, F_URL, F_LANGUAGE, F_DATE, F_TEXT, F_BODY, F_TRANSLATED, N_FIELDS };
static const char *const field_names[N_FIELDS] = {
    "id", "title", "dek", "outlet", "url", "language", "date", "text", "body", "translated",
};

typedef struct jline {
    el_arena *a;
    int depth;                  /* 1 inside the record's object */
    int values;                 /* complete top-level values on this line */
    int field;                  /* the member whose value comes next, or -1 */
    bool not_object, has_nul, oom;
    bool extra;                 /* a scalar after the object */
    const char *str[N_FIELDS];  /* string values (integers as text for id...) */
    size_t len[N_FIELDS];
    bool is_str[N_FIELDS];      /* a JSON string, not a number's text */
    int translated;             /* -1 absent or not a boolean */
} jline;

/* A scalar at the record's top level: the value of j->field. */
static bool top_value(jline *j) {
    if (j->depth == 0) {                        /* a scalar outside the object */
        if (j->values) j->extra = true;
        else j->not_object = true;
        return false;
    }
    return j->depth == 1 && j->field >= 0;
}

static void set_field(jline *j, const char *v, size_t n, bool is_str) {
    char *c = el_arena_strndup(j->a, v, n);
    if (!c) { j->oom = true; return; }
    j->str[j->field] = c;
    j->len[j->field] = n;
    j->is_str[j->field] = is_str;
    if (j->field == F_TRANSLATED) j->translated = -1;
}

static void clear_field(jline *j) {
    j->str[j->field] = NULL;
    j->is_str[j->field] = false;
    if (j->field == F_TRANSLATED) j->translated = -1;
}

static int j_null(void *ctx) {
    jline *j = ctx;
    if (top_value(j)) clear_field(j);
    return !j->not_object;
}

static int j_bool(void *ctx, int b) {
    jline *j = ctx;
    if (top_value(j)) { clear_field(j); if (j->field == F_TRANSLATED) j->translated = b; }
    return !j->not_object;
}

static int j_int(void *ctx, long long v) {
    jline *j = ctx;
    if (top_value(j)) {
        char t[32];
        int n = snprintf(t, sizeof t, "%lld", v);
        set_field(j, t, (size_t)n, false);
    }
    return !j->not_object && !j->oom;
}

static int j_double(void *ctx, double v) {
    (void)v;
    jline *j = ctx;
    if (top_value(j)) clear_field(j);
    return !j->not_object;
}

static int j_string(void *ctx, const unsigned char *v, size_t n) {
    jline *j = ctx;
    if (memchr(v, '\0', n)) { j->has_nul = true; return 0; }    /* \u0000, as jansson refuses */
    if (top_value(j)) set_field(j, (const char *)v, n, true);
    return !j->not_object && !j->oom;
}

static int j_map_key(void *ctx, const unsigned char *k, size_t n) {
    jline *j = ctx;
    j->field = -1;
    if (j->depth != 1) return 1;
    for (int f = 0; f < N_FIELDS; f++)          /* first byte first: asked of every member */
        if (n && field_names[f][0] == (char)k[0] && strlen(field_names[f]) == n && memcmp(field_names[f], k, n) == 0) {
            j->field = f;
            break;
        }
    return 1;
}

static int j_start_map(void *ctx) {
    jline *j = ctx;
    if (j->depth == 1 && j->field >= 0) clear_field(j);    /* an object where a string should be */
    j->depth++;
    j->field = -1;
    return 1;
}

static int j_end(void *ctx) {
    jline *j = ctx;
    if (--j->depth == 0) j->values++;
    return 1;
}

static int j_start_array(void *ctx) {
    jline *j = ctx;
    if (j->depth == 0) { j->not_object = true; return 0; }
    if (j->depth == 1 && j->field >= 0) clear_field(j);
    j->depth++;
    j->field = -1;
    return 1;
}

static const yajl_callbacks j_callbacks = {
    j_null, j_bool, j_int, j_double, NULL, j_string, j_start_map, j_map_key, j_end, j_start_array, j_end,
};

/* Parse the record s[0, n) into j; NULL, or why it is not a JSON object.
** One parser serves a whole file (*h, made here when NULL): it is set to
** take value after value, and each line must hold exactly one object, which
** the callbacks count. Making a parser per line was a tenth of the cost of
** a one-sentence record. After any error the parser is thrown away, so
** nothing a bad line left half-read reaches the next. */
/* ---- The common record, read by hand ----------------------------------
** One flat object whose values are strings, true, false or null: nearly
** every line of an articles file, and yajl's events cost four thousand
** instructions a line. Anything else (a number, a nested value, a surrogate
** escape, \u0000, bad syntax) makes fast_record() give up, and the line goes
** to yajl from the start, so errors and odd values are yajl's as before. The
** fields set are the ones the callbacks above would set. */

static bool fj_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int fj_hex(int c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Does any byte of the eight in v end a plain stretch of a string ('"',
** '\\' or a control byte)? */
static inline bool fj_special8(uint64_t v) {
    return el_bytes_eq(v, '"') | el_bytes_eq(v, '\\') | el_bytes_below(v, 0x20);
}

/* The string at s[*i] (just after its opening quote), decoded; *out is in
** the arena when it had escapes, else points into s. false: not for us. */
static bool fj_string(jline *j, const char *s, size_t n, size_t *i, const char **out, size_t *len) {
    size_t k = *i;
    for (uint64_t v; k + 8 <= n; k += 8) {      /* most of a text: eight bytes a step */
        memcpy(&v, s + k, 8);
        if (fj_special8(v)) break;
    }
    while (k < n && s[k] != '"' && s[k] != '\\' && (unsigned char)s[k] >= 0x20) k++;
    if (k >= n || (unsigned char)s[k] < 0x20) return false;
    if (s[k] == '"') { *out = s + *i; *len = k - *i; *i = k + 1; return true; }
    char *d = el_arena_alloc(j->a, n - *i + 1);          /* escapes only shrink the text */
    if (!d) return false;
    size_t m = k - *i;
    memcpy(d, s + *i, m);
    while (k < n && s[k] != '"') {
        unsigned char c = (unsigned char)s[k];
        if (c < 0x20) return false;
        if (c != '\\') { d[m++] = (char)c; k++; continue; }
        if (k + 1 >= n) return false;
        char e = s[k + 1];
        k += 2;
        switch (e) {
        case '"': d[m++] = '"'; break;
        case '\\': d[m++] = '\\'; break;
        case '/': d[m++] = '/'; break;
        case 'b': d[m++] = '\b'; break;
        case 'f': d[m++] = '\f'; break;
        case 'n': d[m++] = '\n'; break;
        case 'r': d[m++] = '\r'; break;
        case 't': d[m++] = '\t'; break;
        case 'u': {
            if (k + 4 > n) return false;
            uint32_t cp = 0;
            for (int q = 0; q < 4; q++) {
                int h = fj_hex((unsigned char)s[k + (size_t)q]);
                if (h < 0) return false;
                cp = cp << 4 | (uint32_t)h;
            }
            k += 4;
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return false;   /* yajl's to judge */
            if (cp < 0x80) d[m++] = (char)cp;
            else if (cp < 0x800) { d[m++] = (char)(0xC0 | cp >> 6); d[m++] = (char)(0x80 | (cp & 0x3F)); }
            else {
                d[m++] = (char)(0xE0 | cp >> 12);
                d[m++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                d[m++] = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default: return false;
        }
    }
    if (k >= n) return false;
    d[m] = '\0';
    *out = d;
    *len = m;
    *i = k + 1;
    return true;
}

static bool fast_record(jline *j, el_arena *a, const char *s, size_t n) {
    memset(j, 0, sizeof *j);
    j->a = a;
    j->field = -1;
    j->translated = -1;
    size_t i = 0;
    while (i < n && fj_ws((unsigned char)s[i])) i++;
    if (i >= n || s[i++] != '{') return false;
    j->depth = 1;                               /* as the callbacks count it */
    while (i < n && fj_ws((unsigned char)s[i])) i++;
    if (i < n && s[i] == '}') {
        i++;
    } else {
        for (;;) {
            const char *k, *v;
            size_t kn, vn;
            if (i >= n || s[i++] != '"' || !fj_string(j, s, n, &i, &k, &kn)) return false;
            while (i < n && fj_ws((unsigned char)s[i])) i++;
            if (i >= n || s[i++] != ':') return false;
            while (i < n && fj_ws((unsigned char)s[i])) i++;
            if (i >= n) return false;
            j_map_key(j, (const unsigned char *)k, kn);
            if (s[i] == '"') {
                i++;
                if (!fj_string(j, s, n, &i, &v, &vn)) return false;
                if (j->field >= 0) set_field(j, v, vn, true);
                if (j->oom) return false;
            } else if (n - i >= 4 && memcmp(s + i, "null", 4) == 0) {
                i += 4;
                if (j->field >= 0) clear_field(j);
            } else if (n - i >= 4 && memcmp(s + i, "true", 4) == 0) {
                i += 4;
                if (j->field >= 0) { clear_field(j); if (j->field == F_TRANSLATED) j->translated = 1; }
            } else if (n - i >= 5 && memcmp(s + i, "false", 5) == 0) {
                i += 5;
                if (j->field >= 0) { clear_field(j); if (j->field == F_TRANSLATED) j->translated = 0; }
            } else {
                return false;
            }
            while (i < n && fj_ws((unsigned char)s[i])) i++;
            if (i >= n) return false;
            if (s[i] == ',') { i++; while (i < n && fj_ws((unsigned char)s[i])) i++; continue; }
            if (s[i++] != '}') return false;
            break;
        }
    }
    j->depth = 0;
    j->values = 1;
    j->field = -1;
    while (i < n && fj_ws((unsigned char)s[i])) i++;
    return i == n;
}

static const char *yajl_record(jline *j, el_arena *a, const char *s, size_t n, char *why, size_t wn);

/* One record's fields into j: by hand when the line is plain, else by yajl.
** NULL, or why the line is refused. */
static const char *parse_record(jline *j, el_arena *a, const char *s, size_t n, char *why, size_t wn) {
    if (fast_record(j, a, s, n)) return NULL;
    return yajl_record(j, a, s, n, why, wn);
}

static const char *yajl_record(jline *j, el_arena *a, const char *s, size_t n, char *why, size_t wn) {
    memset(j, 0, sizeof *j);
    j->a = a;
    j->field = -1;
    j->translated = -1;
    /* A parser for this line alone: the lines that come here are few, and a
    ** parser kept from line to line carried a token left unfinished at the
    ** end of one ("{...} 1") into the next. */
    yajl_handle h = yajl_alloc(&j_callbacks, NULL, j);
    if (!h) { j->oom = true; return NULL; }
    yajl_config(h, yajl_allow_multiple_values, 1);
    yajl_status st = yajl_parse(h, (const unsigned char *)s, n);
    /* A value still open at the end of the line is finished now, so that a
    ** trailing number is seen; an object still open is reported as such. */
    bool open = st == yajl_status_ok && j->depth > 0;
    if (st == yajl_status_ok && !open && !j->not_object && !j->has_nul && !j->oom)
        st = yajl_complete_parse(h);
    const char *err = NULL;
    if (j->not_object) err = "not an object";
    else if (j->has_nul) err = "\\u0000 is not allowed in a string";
    else if (j->oom) err = NULL;
    else if (open) err = "the line ends inside the object";
    else if (st != yajl_status_ok) {
        unsigned char *m = yajl_get_error(h, 0, (const unsigned char *)s, n);
        snprintf(why, wn, "%s", m ? (const char *)m : "parse error");
        if (m) yajl_free_error(h, m);
        err = why;
    } else if (j->values == 0) {
        err = "not an object";
    } else if (j->values > 1 || j->extra) {
        err = "more than one value on the line";
    }
    yajl_free(h);
    return err;
}

static const char *get_str(const jline *j, int f) { return j->str[f]; }

static void read_json_line(reader *r, jline *jp, const char *path, long lineno,
                           const char *s, size_t n) {
    el_utf8_report rep;
    size_t cn;
    char *clean = el_utf8_clean(r->a, s, n, &cn, &rep);
    if (!clean) { out_of_memory(r, path, lineno); return; }
    report_utf8(r->d, path, lineno, s, &rep, 1);
    char why[160];
    const char *err = parse_record(jp, r->a, clean, cn, why, sizeof why);
    const jline *j = jp;
    if (j->oom) { out_of_memory(r, path, lineno); return; }
    if (err) {
        el_reject(r->d, path, lineno, "malformed JSON (%s); line skipped", err);
        return;
    }
    int tf = j->is_str[F_TEXT] ? F_TEXT : F_BODY;
    if (!j->is_str[tf] || j->len[tf] == 0) {
        el_reject(r->d, path, lineno, "no \"text\" or \"body\" string; line skipped");
        return;
    }
    el_doc *doc = doc_new(r, path, lineno);
    if (!doc) { out_of_memory(r, path, lineno); return; }
    doc->id = get_str(j, F_ID);
    doc->title = get_str(j, F_TITLE);
    doc->dek = get_str(j, F_DEK);
    doc->outlet = get_str(j, F_OUTLET);
    doc->url = get_str(j, F_URL);
    doc->language = get_str(j, F_LANGUAGE);
    if (j->translated >= 0) doc->translated = j->translated;
    const char *ds = get_str(j, F_DATE);
    if (ds && strlen(ds) >= 10) {
        doc->header_date = el_date_parse(ds, 10);
        if (doc->header_date == EL_DATE_UNKNOWN)
            el_warn(r->d, path, lineno, "date '%s' is not YYYY-MM-DD; ignored", ds);
        else doc->date_evidence = el_arena_printf(r->a, "the record's \"date\" field");
    } else if (ds && *ds) {
        el_warn(r->d, path, lineno, "date '%s' is not YYYY-MM-DD; ignored", ds);
    }
    /* Text inside JSON may carry escapes (\u0001, "\r\n", a decomposed
    ** accent): clean it once more, unless the line had no backslash at all,
    ** when the text is the line's own bytes, already clean. */
    size_t bn = j->len[tf];
    char *body = memchr(clean, '\\', cn) ? el_utf8_clean(r->a, j->str[tf], j->len[tf], &bn, &rep)
                                         : (char *)j->str[tf];
    if (!body) { out_of_memory(r, path, lineno); return; }
    doc->raw = body;
    doc->raw_len = bn;
    deliver(r, doc);
}

static void read_jsonl_file(reader *r, const char *path, FILE *f) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    jline jl;                                   /* the record's fields, reused line to line */
    while (!r->stop && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t n = (size_t)len;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        size_t k = 0;
        while (k < n && (line[k] == ' ' || line[k] == '\t')) k++;
        if (k == n) continue;                   /* blank lines are allowed */
        read_json_line(r, &jl, path, lineno, line, n);
        el_arena_reset(r->a);
    }
    if (lineno == 0) el_reject(r->d, path, 0, "empty file");
    free(line);
}

/* An open file's articles, by its kind; the caller closes it. */
static void read_open_file(reader *r, const char *path, FILE *f) {
    unsigned char head[4096];
    size_t hn = fread(head, 1, sizeof head, f);
    if (hn == 0) {
        el_reject(r->d, path, 0, "empty file");
        return;
    }
    if (looks_binary(head, hn)) {
        el_reject(r->d, path, 1, "binary file, not text; skipped");
        return;
    }
    if (has_ext(path, ".html") || has_ext(path, ".htm") || has_ext(path, ".warc") ||
        has_ext(path, ".gz")) {
        el_reject(r->d, path, 0, "HTML/WARC input is not supported yet; skipped");
        return;
    }
    rewind(f);
    if (is_jsonl(path)) {
        read_jsonl_file(r, path, f);
        return;
    }
    /* Plain text: the whole file is one article. */
    size_t n = 0;
    char *s = el_file_slurp(f, &n);
    if (!s) { el_reject(r->d, path, 0, "out of memory reading file; skipped"); return; }
    read_text_file(r, path, s, n);
    free(s);
    el_arena_reset(r->a);
}

static void read_file(reader *r, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { el_reject(r->d, path, 0, "cannot open: %s", strerror(errno)); return; }
    char *iobuf;
    el_file_buffer(f, false, &iobuf);
    read_open_file(r, path, f);
    fclose(f);
    free(iobuf);
}

static int cmp_str(const void *x, const void *y) {
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static void walk(reader *r, const char *path, int depth);

static void walk_dir(reader *r, const char *path, int depth) {
    DIR *dir = opendir(path);
    if (!dir) { el_reject(r->d, path, 0, "cannot open folder: %s", strerror(errno)); return; }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.') continue;
        if (strcmp(de->d_name, "manifest.jsonl") == 0) continue;
        if (!article_name(de->d_name)) continue;   /* README.md, notes.csv ... */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **t = realloc(names, cap * sizeof *names);
            if (!t) break;
            names = t;
        }
        if (!(names[n] = strdup(de->d_name))) break;
        n++;
    }
    closedir(dir);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (!r->stop && names[i]) {
            size_t pl = strlen(path);
            char *full = malloc(pl + strlen(names[i]) + 2);
            if (full) {
                sprintf(full, "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/", names[i]);
                walk(r, full, depth + 1);
                /* full must outlive docs only during the callback: safe to free. */
                free(full);
            }
        }
        free(names[i]);
    }
    free(names);
}

static void walk(reader *r, const char *path, int depth) {
    struct stat st;
    if (stat(path, &st) != 0) {
        el_reject(r->d, path, 0, "cannot read: %s", strerror(errno));
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        if (depth > 64) { el_reject(r->d, path, 0, "folders nested too deep; skipped"); return; }
        walk_dir(r, path, depth);
    } else if (S_ISREG(st.st_mode)) {
        read_file(r, path);
    } else {
        el_reject(r->d, path, 0, "not a regular file; skipped");
    }
}

int el_read_inputs(const el_engine *e, char *const *paths, int n_paths, el_diag *d,
                   el_doc_fn fn, void *ud) {
    reader r = {.e = e, .d = d, .fn = fn, .ud = ud, .rc = EL_OK};
    r.a = el_arena_new(NULL, 256 * 1024);
    if (!r.a) { el_reject(d, "eventline", 0, "out of memory starting to read"); return EL_ENOMEM; }
    for (int i = 0; i < n_paths && !r.stop; i++) {
        if (strcmp(paths[i], "-") == 0) {
            read_jsonl_file(&r, "-", stdin);
            continue;
        }
        walk(&r, paths[i], 0);
    }
    el_arena_free(r.a);
    return r.rc;
}
