/*
** buf.c: growable buffer and JSON escaping.
** The escaper copies runs of safe bytes in one memcpy: bodies are long and
** mostly plain, so this is the hot loop of every JSON Lines writer.
*/
#include "buf.h"
#include <stdbool.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include "textutil.h"

void el_buf_free(el_buf *b) { free(b->p); b->p = NULL; b->len = b->cap = 0; }

void el_buf_grow(el_buf *b, size_t extra) {
    if (b->cap - b->len >= extra) return;
    size_t nc = b->cap ? b->cap : 4096;
    while (nc - b->len < extra) nc *= 2;
    char *p = realloc(b->p, nc);
    if (!p) { fputs("eventline: out of memory\n", stderr); abort(); }
    b->p = p;
    b->cap = nc;
}

void el_buf_put(el_buf *b, const char *s, size_t n) {
    el_buf_reserve(b, n + 1);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void el_buf_puts(el_buf *b, const char *s) { el_buf_put(b, s, strlen(s)); }


/* Formats straight into the spare room, and again only when it did not fit:
** most calls are short numbers, and measuring first doubled their cost. */
void el_buf_printf(el_buf *b, const char *fmt, ...) {
    el_buf_reserve(b, 64);                      /* aborts when memory is out */
    size_t room = b->cap - b->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b->p + b->len, room, fmt, ap);
    va_end(ap);
    if (n < 0) { b->p[b->len] = '\0'; return; }
    if ((size_t)n >= room) {
        el_buf_reserve(b, (size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

int el_buf_flush(el_buf *b, FILE *f) {
    int rc = 0;
    if (b->len && fwrite(b->p, 1, b->len, f) != b->len) rc = -1;
    b->len = 0;
    return rc;
}

char *el_file_slurp(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap + 1);
    for (size_t r; s && (r = fread(s + n, 1, cap - n, f)) > 0;) {
        n += r;
        if (n < cap) continue;
        char *t = realloc(s, cap * 2 + 1);     /* doubling: no quadratic copy */
        if (!t) { free(s); return NULL; }
        s = t;
        cap *= 2;
    }
    if (!s) return NULL;
    s[n] = '\0';
    *len = n;
    return s;
}

/* 1 where a byte needs escaping in a JSON string. */
static const unsigned char needs_esc[256] = {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,
};

/* Might any of the eight bytes in v need escaping ('"', '\\', DEL or a
** control byte)? Exact, so a clean word is skipped whole. */
static inline bool esc8(uint64_t v) {
    return el_bytes_eq(v, '"') | el_bytes_eq(v, '\\') | el_bytes_eq(v, 0x7F) | el_bytes_below(v, 0x20);
}

void el_json_str(el_buf *b, const char *s, size_t n) {
    el_buf_reserve(b, n + 3);
    b->p[b->len++] = '"';
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        for (uint64_t v; j + 8 <= n; j += 8) {   /* most text has nothing to escape */
            memcpy(&v, s + j, 8);
            if (esc8(v)) break;
        }
        while (j < n && !needs_esc[(unsigned char)s[j]]) j++;
        if (j > i) { el_buf_put(b, s + i, j - i); i = j; }
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i++];
        switch (c) {
        case '"':  el_buf_put(b, "\\\"", 2); break;
        case '\\': el_buf_put(b, "\\\\", 2); break;
        case '\n': el_buf_put(b, "\\n", 2); break;
        case '\r': el_buf_put(b, "\\r", 2); break;
        case '\t': el_buf_put(b, "\\t", 2); break;
        case 0x7f: el_buf_put(b, "\\u007f", 6); break;
        default:   el_buf_printf(b, "\\u%04x", c); break;
        }
    }
    el_buf_putc(b, '"');
}

void el_json_strz(el_buf *b, const char *s) {
    if (!s) el_buf_put(b, "null", 4);
    else el_json_str(b, s, strlen(s));
}

void el_json_int(el_buf *b, long long v) {
    char t[24];
    size_t i = sizeof t;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do { t[--i] = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) t[--i] = '-';
    el_buf_put(b, t + i, sizeof t - i);
}

void el_json_bool(el_buf *b, int v) {
    if (v < 0) el_buf_put(b, "null", 4);
    else if (v) el_buf_put(b, "true", 4);
    else el_buf_put(b, "false", 5);
}

void el_json_date(el_buf *b, el_date t) {
    if (t == EL_DATE_UNKNOWN) { el_buf_put(b, "null", 4); return; }
    char d[11];
    el_date_format(t, d);
    el_buf_putc(b, '"');
    el_buf_put(b, d, 10);
    el_buf_putc(b, '"');
}

void el_json_double(el_buf *b, double v, int prec) {
    if (isnan(v) || isinf(v)) { el_buf_put(b, "null", 4); return; }
    el_buf_printf(b, "%.*f", prec, v);
}

void el_json_key(el_buf *b, const char *key, int *first) {
    if (!*first) el_buf_putc(b, ',');
    *first = 0;
    el_json_str(b, key, strlen(key));
    el_buf_putc(b, ':');
}

char *el_path_slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *b = el_file_slurp(f, len);
    fclose(f);
    return b;
}

void el_buf_int(el_buf *b, long long v) { el_json_int(b, v); }

void el_buf_fixed(el_buf *b, double v, int prec) {
#ifdef __SIZEOF_INT128__
    static const uint64_t pow10[10] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
                                       100000000, 1000000000};
    if (prec >= 0 && prec <= 9 && isfinite(v) && fabs(v) < 1e9) {
        /* |v| = m * 2^ex exactly; q = |v| * 10^prec, rounded half to even. */
        int e;
        double fr = frexp(fabs(v), &e);
        uint64_t m = (uint64_t)ldexp(fr, 53);
        int sh = 53 - e;                        /* > 0: |v| < 2^30 */
        unsigned __int128 t = (unsigned __int128)m * pow10[prec];
        uint64_t q = 0;
        if (sh < 128) {
            unsigned __int128 rem = t & (((unsigned __int128)1 << sh) - 1), half = (unsigned __int128)1 << (sh - 1);
            q = (uint64_t)(t >> sh);
            if (rem > half || (rem == half && (q & 1))) q++;
        }
        char d[48];
        size_t i = sizeof d;
        for (int k = 0; k < prec; k++) { d[--i] = (char)('0' + q % 10); q /= 10; }
        if (prec) d[--i] = '.';
        do { d[--i] = (char)('0' + q % 10); q /= 10; } while (q);
        if (signbit(v)) d[--i] = '-';
        el_buf_put(b, d + i, sizeof d - i);
        return;
    }
#endif
    el_buf_printf(b, "%.*f", prec, v);
}

void el_json_key_plain(el_buf *b, const char *key, int *first) {
    size_t n = strlen(key);
    el_buf_reserve(b, n + 5);
    char *o = b->p + b->len;
    if (!*first) *o++ = ',';
    *first = 0;
    *o++ = '"';
    memcpy(o, key, n);
    o += n;
    *o++ = '"';
    *o++ = ':';
    *o = '\0';
    b->len = (size_t)(o - b->p);
}

void el_file_buffer(FILE *f, bool writing, char **buf) {
    /* A small file read (one article, a few lines) keeps the default buffer. */
    struct stat st;
    *buf = NULL;
    if (!f || (!writing && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size < EL_IOBUF / 4))
        return;
    *buf = malloc(EL_IOBUF);
    if (*buf && setvbuf(f, *buf, _IOFBF, EL_IOBUF) != 0) {
        free(*buf);
        *buf = NULL;
    }
}
