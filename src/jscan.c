/*
** jscan.c: JSON Lines read fast: one line at a time into a flat token array.
** In:  lines of JSON (run folder files: articles, events, entities ...).
** Out: el_jline tokens; strings unescaped in place in a copy of the line.
** Why not jansson: a tree of malloc'd nodes per line cost more than all the
** writing the readers do (bbc: 3 s of the run's 4). This checks the same
** grammar (RFC 8259, UTF-8, no \u0000) and builds nothing but the tokens.
*/
#include "jscan.h"
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "textutil.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define MAX_DEPTH 512           /* jansson's own limit is 2048; run files nest 4 deep */

/* ---- Parsing ---- */

/* The token array doubled: out of line, so that push() stays small. */
static int grow(el_jline *j) {
    size_t cap = j->cap ? j->cap * 2 : 256;
    el_jtok *t = realloc(j->t, cap * sizeof *t);
    if (!t) return -1;
    j->t = t;
    j->cap = cap;
    return 0;
}

static inline int push(el_jline *j, int type, size_t start) {
    if (j->n == j->cap && grow(j)) return -1;
    el_jtok *k = &j->t[j->n];
    k->start = (uint32_t)start;
    k->end = (uint32_t)start;
    k->n = 0;
    k->type = (uint8_t)type;
    j->n++;
    k->next = (uint32_t)j->n;
    return (int)(j->n - 1);
}

static inline size_t ws(const char *s, size_t len, size_t p) {
    if (p < len && (unsigned char)s[p] > ' ') return p;    /* compact JSON: no space at all */
    while (p < len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n' || s[p] == '\r')) p++;
    return p;
}

static int hex4(const char *s, uint32_t *out) {
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= (uint32_t)(c - 'A' + 10);
        else return -1;
    }
    *out = v;
    return 0;
}

/* Length of the valid UTF-8 sequence at s (lead byte >= 0x80), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t avail) {
    unsigned c = s[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;              /* the second byte's range */
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) { n = 3; lo = 0xA0; }
    else if (c >= 0xE1 && c <= 0xEF) { n = 3; if (c == 0xED) hi = 0x9F; }   /* no surrogates */
    else if (c == 0xF0) { n = 4; lo = 0x90; }
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) { n = 4; hi = 0x8F; }
    else return 0;
    if (avail < n || s[1] < lo || s[1] > hi) return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    return n;
}

static size_t put_utf8(char *o, uint32_t cp) {
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | cp >> 6); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Nonzero when one of the eight bytes of x ends the plain run of a string:
** '"', '\\', a control (< 0x20) or a non-ASCII byte (>= 0x80); the lowest
** mark is the first special byte (textutil.h). */
static inline uint64_t special8(uint64_t x) {
    return el_bytes_eq(x, '"') | el_bytes_eq(x, '\\') | el_bytes_below(x, 0x20) | (x & EL_BYTES_HIGH);
}

/* The first special byte (as special8 has it) in s[r, len), or len. */
static inline size_t plain_run(const char *s, size_t r, size_t len) {
#ifdef __SSE2__
    /* Sixteen bytes at a time: a signed compare below 0x20 catches the
    ** controls and, as negative numbers, the bytes >= 0x80. */
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
    while (r + 16 <= len) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + r));
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, bslash)),
                                 _mm_cmplt_epi8(v, space));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits) return r + (size_t)__builtin_ctz(bits);
        r += 16;
    }
#endif
    while (r + 8 <= len) {
        uint64_t x;
        memcpy(&x, s + r, 8);
        uint64_t m = special8(x);
        if (m) return r + (size_t)(__builtin_ctzll(m) >> 3);
        r += 8;
    }
    while (r < len) {
        unsigned char c = (unsigned char)s[r];
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        r++;
    }
    return r;
}

/* The string whose opening quote is at s[p]: checked, unescaped into buf at
** the same offset (never longer than what it replaces), NUL in place of
** what follows. Returns the byte after the closing quote, or 0 on error. */
static size_t string(el_jline *j, size_t p, uint32_t *out_len, const char **err) {
    const char *s = j->line;
    size_t len = j->len, r = p + 1, w = p + 1;
    char *buf = j->buf;
    for (;;) {
        /* The common run: plain printable ASCII, already in place when
        ** nothing was unescaped before it. */
        size_t r0 = r;
        r = plain_run(s, r, len);
        if (w != r0) memmove(buf + w, s + r0, r - r0);
        w += r - r0;
        if (r >= len) { *err = "premature end of input in a string"; return 0; }
        unsigned char c = (unsigned char)s[r];
        if (c == '"') break;
        if (c < 0x20) { *err = "control character in a string"; return 0; }
        if (c >= 0x80) {
            size_t n = utf8_seq((const unsigned char *)s + r, len - r);
            if (!n) { *err = "invalid UTF-8 in a string"; return 0; }
            if (w != r) for (size_t i = 0; i < n; i++) buf[w + i] = s[r + i];
            r += n;
            w += n;
            continue;
        }
        /* an escape */
        if (r + 1 >= len) { *err = "premature end of input in a string"; return 0; }
        char e = s[r + 1];
        char o;
        switch (e) {
        case '"': o = '"'; break;
        case '\\': o = '\\'; break;
        case '/': o = '/'; break;
        case 'b': o = '\b'; break;
        case 'f': o = '\f'; break;
        case 'n': o = '\n'; break;
        case 'r': o = '\r'; break;
        case 't': o = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            if (r + 6 > len || hex4(s + r + 2, &cp)) { *err = "invalid \\u escape"; return 0; }
            r += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {             /* a pair, or nothing */
                if (r + 6 > len || s[r] != '\\' || s[r + 1] != 'u' || hex4(s + r + 2, &lo) ||
                    lo < 0xDC00 || lo > 0xDFFF) {
                    *err = "invalid Unicode surrogate";
                    return 0;
                }
                r += 6;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                *err = "invalid Unicode surrogate";
                return 0;
            } else if (cp == 0) {
                *err = "\\u0000 is not allowed";            /* strings are C strings */
                return 0;
            }
            w += put_utf8(buf + w, cp);
            continue;
        }
        default: *err = "invalid escape"; return 0;
        }
        buf[w++] = o;
        r += 2;
    }
    buf[w] = '\0';                                          /* w <= r: the quote's place at most */
    *out_len = (uint32_t)(w - (p + 1));
    return r + 1;
}

/* A string value or key at p, pushed as a token: the byte after it, 0 on a
** syntax error (*err set), -1 when memory runs out. */
static inline long string_tok(el_jline *j, size_t p, const char **err) {
    uint32_t n;
    size_t q = string(j, p, &n, err);
    if (!q) return 0;
    int tok = push(j, EL_JSTR, p);
    if (tok < 0) return -1;
    j->t[tok].n = n;
    j->t[tok].end = (uint32_t)q;
    return (long)q;
}

/* A number at s[p]: JSON's grammar exactly. Returns the byte after it, or 0;
** *expo tells whether it has an exponent. */
static size_t number(const char *s, size_t len, size_t p, int *type, bool *expo) {
    /* s is the NUL-terminated copy (buf): strtod and strtoll stop at its end. */
    size_t q = p;
    *type = EL_JINT;
    *expo = false;
    if (q < len && s[q] == '-') q++;
    if (q < len && s[q] == '0') q++;
    else if (q < len && s[q] >= '1' && s[q] <= '9') while (q < len && s[q] >= '0' && s[q] <= '9') q++;
    else return 0;
    if (q < len && s[q] == '.') {
        *type = EL_JREAL;
        if (++q >= len || s[q] < '0' || s[q] > '9') return 0;
        while (q < len && s[q] >= '0' && s[q] <= '9') q++;
    }
    if (q < len && (s[q] == 'e' || s[q] == 'E')) {
        *type = EL_JREAL;
        *expo = true;
        q++;
        if (q < len && (s[q] == '+' || s[q] == '-')) q++;
        if (q >= len || s[q] < '0' || s[q] > '9') return 0;
        while (q < len && s[q] >= '0' && s[q] <= '9') q++;
    }
    return q;
}

int el_jparse(el_jline *j, const char *s, size_t len, const char **err, size_t *err_at) {
    static const char *const no_err = "";
    const char *e = no_err;
    int stack[MAX_DEPTH];
    int d = 0;
    j->line = s;
    j->len = len;
    j->n = 0;
    if (len >= UINT32_MAX) { *err = "line too long"; *err_at = 0; return -1; }
    if (len + 1 > j->buf_cap) {
        char *b = realloc(j->buf, len + 1);
        if (!b) return -2;
        j->buf = b;
        j->buf_cap = len + 1;
    }
    memcpy(j->buf, s, len);
    j->buf[len] = '\0';
    size_t p = ws(s, len, 0);
    int tok;
    for (;;) {
        /* A value starts at p. */
        if (p >= len) { e = "premature end of input"; goto fail; }
        switch (s[p]) {
        case '{':
        case '[': {
            bool obj = s[p] == '{';
            if (d == MAX_DEPTH) { e = "nested too deep"; goto fail; }
            if ((tok = push(j, obj ? EL_JOBJ : EL_JARR, p)) < 0) return -2;
            stack[d++] = tok;
            p = ws(s, len, p + 1);
            if (p < len && s[p] == (obj ? '}' : ']')) {     /* empty */
                p++;
                goto close;
            }
            if (obj) goto key;
            continue;
        }
        case '"': {
            long q = string_tok(j, p, &e);
            if (q < 0) return -2;
            if (!q) goto fail;
            p = (size_t)q;
            goto after;
        }
        case 't': case 'f': case 'n': {
            static const char words[3][6] = {"true", "false", "null"};
            static const int types[] = {EL_JTRUE, EL_JFALSE, EL_JNULL};
            static const size_t lens[] = {4, 5, 4};
            int w = s[p] == 't' ? 0 : s[p] == 'f' ? 1 : 2;
            size_t wl = lens[w];
            bool same = len - p >= wl;
            for (size_t i = 1; same && i < wl; i++) same = s[p + i] == words[w][i];
            if (!same) { e = "invalid token"; goto fail; }
            if ((tok = push(j, types[w], p)) < 0) return -2;
            p += wl;
            j->t[tok].end = (uint32_t)p;
            goto after;
        }
        default: {
            int type;
            bool expo;
            size_t q = number(j->buf, len, p, &type, &expo);
            if (!q) { e = "invalid token"; goto fail; }
            /* Out of range: an integer past 64 bits reads as a real (as
            ** written), a real past double fails (as in jansson). Without an
            ** exponent, 300 characters cannot reach DBL_MAX (10^308): no
            ** strtod for the coordinates and scores every line has. */
            if (type == EL_JINT && q - p >= 19) {
                errno = 0;
                strtoll(j->buf + p, NULL, 10);
                if (errno == ERANGE) type = EL_JREAL;
            }
            if (type == EL_JREAL && (expo || q - p > 300) && isinf(strtod(j->buf + p, NULL))) {
                e = "real number overflow";
                goto fail;
            }
            if ((tok = push(j, type, p)) < 0) return -2;
            j->t[tok].end = (uint32_t)q;
            /* Offsets and counts are small non-negative integers: keep the
            ** value (plus one; 0 is "not kept") so el_jint need not parse. */
            if (type == EL_JINT && s[p] != '-' && q - p <= 9) {
                uint32_t v = 0;
                for (size_t i = p; i < q; i++) v = v * 10 + (uint32_t)(s[i] - '0');
                j->t[tok].n = v + 1;
            }
            p = q;
            goto after;
        }
        }
    key:
        /* Inside an object, a key and its colon come before each value. */
        if (p >= len || s[p] != '"') { e = "string or '}' expected"; goto fail; }
        {
            long q = string_tok(j, p, &e);
            if (q < 0) return -2;
            if (!q) goto fail;
            p = ws(s, len, (size_t)q);
        }
        if (p >= len || s[p] != ':') { e = "':' expected"; goto fail; }
        p = ws(s, len, p + 1);
        continue;
    close:
        /* The container on top of the stack ends at p. */
        tok = stack[--d];
        j->t[tok].end = (uint32_t)p;
        j->t[tok].next = (uint32_t)j->n;
    after:
        /* A value ended at p. */
        if (d == 0) {
            p = ws(s, len, p);
            if (p != len) { e = "end of input expected"; goto fail; }
            return 0;
        }
        {
            el_jtok *parent = &j->t[stack[d - 1]];
            bool obj = parent->type == EL_JOBJ;
            parent->n++;
            p = ws(s, len, p);
            if (p < len && s[p] == ',') {
                p = ws(s, len, p + 1);
                if (obj) goto key;
                continue;
            }
            if (p < len && s[p] == (obj ? '}' : ']')) {
                p++;
                goto close;
            }
            e = obj ? "',' or '}' expected" : "',' or ']' expected";
            goto fail;
        }
    }
fail:
    *err = e;
    *err_at = p;
    j->n = 0;
    return -1;
}

void el_jline_free(el_jline *j) {
    free(j->t);
    free(j->buf);
    memset(j, 0, sizeof *j);
}

/* ---- Access ---- */

static const el_jtok *tok(const el_jline *j, int i) {
    return i >= 0 && (size_t)i < j->n ? &j->t[i] : NULL;
}

el_jtype el_jtype_of(const el_jline *j, int i) {
    const el_jtok *t = tok(j, i);
    return t ? (el_jtype)t->type : EL_JNONE;
}

int el_jget_n(const el_jline *j, int obj, const char *key, size_t kl) {
    const el_jtok *o = tok(j, obj);
    if (!o || o->type != EL_JOBJ) return -1;
    int found = -1;
    /* The last of repeated keys wins, as in jansson. The first byte is
    ** tested before memcmp is called: keys of one length mostly differ
    ** there (an empty key's first byte is the NUL after it, as key's is). */
    for (uint32_t k = (uint32_t)obj + 1; k < o->next; k = j->t[k + 1].next) {
        const el_jtok *kt = &j->t[k];
        const char *kb = j->buf + kt->start + 1;
        if (kt->n == kl && kb[0] == key[0] && memcmp(kb, key, kl) == 0) found = (int)k + 1;
    }
    return found;
}

int el_jfirst(const el_jline *j, int arr) {
    const el_jtok *a = tok(j, arr);
    return a && a->type == EL_JARR && a->n ? arr + 1 : -1;
}

int el_jnext(const el_jline *j, int arr, int e) {
    const el_jtok *a = tok(j, arr), *t = tok(j, e);
    return a && t && t->next < a->next ? (int)t->next : -1;
}

int el_jat(const el_jline *j, int arr, size_t k) {
    const el_jtok *a = tok(j, arr);
    if (!a || a->type != EL_JARR || k >= a->n) return -1;
    int e = arr + 1;
    while (k--) e = (int)j->t[e].next;
    return e;
}

size_t el_jsize(const el_jline *j, int i) {
    const el_jtok *t = tok(j, i);
    return t && (t->type == EL_JARR || t->type == EL_JOBJ) ? t->n : 0;
}

const char *el_jstr(const el_jline *j, int i) {
    const el_jtok *t = tok(j, i);
    return t && t->type == EL_JSTR ? j->buf + t->start + 1 : NULL;
}

size_t el_jstrlen(const el_jline *j, int i) {
    const el_jtok *t = tok(j, i);
    return t && t->type == EL_JSTR ? t->n : 0;
}

bool el_jis_num(const el_jline *j, int i) {
    const el_jtok *t = tok(j, i);
    return t && (t->type == EL_JINT || t->type == EL_JREAL);
}

/* Numbers end at a delimiter that strtod and strtoll stop at. */
long long el_jint(const el_jline *j, int i) {
    const el_jtok *t = tok(j, i);
    if (!t || t->type != EL_JINT) return 0;
    return t->n ? (long long)t->n - 1 : strtoll(j->buf + t->start, NULL, 10);
}

double el_jnum(const el_jline *j, int i) {
    const el_jtok *t = tok(j, i);
    if (!t) return 0;
    if (t->type == EL_JINT) return (double)el_jint(j, i);
    if (t->type == EL_JREAL) return strtod(j->buf + t->start, NULL);
    return 0;
}

const char *el_jraw(const el_jline *j, int i, size_t *len) {
    const el_jtok *t = tok(j, i);
    if (!t) { *len = 0; return NULL; }
    *len = t->end - t->start;
    return j->line + t->start;
}

const char *el_jid(const el_jline *j, int i, char buf[32]) {
    switch (el_jtype_of(j, i)) {
    case EL_JSTR: return el_jstr(j, i);
    case EL_JINT: snprintf(buf, 32, "%lld", el_jint(j, i)); return buf;
    default: return NULL;
    }
}

/* ---- Files ---- */

/* el_jsonl_each, or with lines (n of them) el_jsonl_each_of. */
static int each(const char *path, const long *lines, size_t n_lines,
                int (*fn)(const el_jline *j, long line, void *ud), void *ud, el_diag *d) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT) return 1;
        if (d) el_reject(d, path, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    char *iobuf;
    el_file_buffer(f, false, &iobuf);
    el_jline j = {0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long lineno = 0;
    int rc = 0;
    size_t next = 0;                                        /* lines[next]: the next one wanted */
    while ((!lines || next < n_lines) && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (lines) {
            if (lineno < lines[next]) continue;
            while (next < n_lines && lines[next] <= lineno) next++;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        size_t i = 0;
        while (i < (size_t)n && (line[i] == ' ' || line[i] == '\t')) i++;
        if (i == (size_t)n) continue;                       /* blank line */
        const char *err = NULL;
        size_t at = 0;
        int prc = el_jparse(&j, line, (size_t)n, &err, &at);
        if (prc == -2) {
            if (d) el_reject(d, path, lineno, "out of memory reading the line");
            rc = -1;
            break;
        }
        if (prc < 0 || el_jtype_of(&j, 0) != EL_JOBJ) {
            if (d) {
                if (prc < 0) el_reject(d, path, lineno, "%s at byte %zu; line skipped", err, at);
                else el_reject(d, path, lineno, "not a JSON object; line skipped");
            }
            continue;
        }
        if (fn(&j, lineno, ud)) { rc = -1; break; }
    }
    if (rc == 0 && ferror(f)) {
        if (d) el_reject(d, path, lineno, "read error: %s", strerror(errno));
        rc = -1;
    }
    el_jline_free(&j);
    free(line);
    fclose(f);
    free(iobuf);
    return rc;
}

int el_jsonl_each(const char *path, int (*fn)(const el_jline *j, long line, void *ud), void *ud,
                  el_diag *d) {
    return each(path, NULL, 0, fn, ud, d);
}

int el_jsonl_each_of(const char *path, const long *lines, size_t n,
                     int (*fn)(const el_jline *j, long line, void *ud), void *ud, el_diag *d) {
    return each(path, lines, n, fn, ud, d);
}
