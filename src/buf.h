/*
** buf.h: a growable byte buffer and a JSON writer on top of it.
** Output is built in an el_buf and written out in large blocks; a buffer is
** malloc-backed (not arena) because it outlives documents. Allocation failure
** aborts: an output buffer that cannot grow leaves nothing sensible to do.
** JSON strings must be valid UTF-8 (read.c guarantees that of all text).
*/
#ifndef EL_BUF_H
#define EL_BUF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "date.h"

typedef struct el_buf { char *p; size_t len, cap; } el_buf;

void el_buf_free(el_buf *b);
/* Room for extra more bytes. The test is inline: writers ask it for every
** key and value, and the buffer nearly always has the room. */
void el_buf_grow(el_buf *b, size_t extra);
static inline void el_buf_reserve(el_buf *b, size_t extra) {
    if (b->cap - b->len < extra) el_buf_grow(b, extra);
}
void el_buf_put(el_buf *b, const char *s, size_t n);
void el_buf_puts(el_buf *b, const char *s);
static inline void el_buf_putc(el_buf *b, char c) {
    el_buf_reserve(b, 2);
    b->p[b->len++] = c;
    b->p[b->len] = '\0';
}
void el_buf_printf(el_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Write the buffer to f and empty it; returns 0 or -1 on a write error. */
int  el_buf_flush(el_buf *b, FILE *f);

/* The rest of open file f, read whole into malloc'd memory with a NUL after
** it; *len gets its length. Does not close f. NULL when out of memory. */
char *el_file_slurp(FILE *f, size_t *len);
/* The same for the file at path, opened and closed here; NULL when it cannot
** be opened or memory runs out. */
char *el_path_slurp(const char *path, size_t *len);

/* Numbers as printf writes them, without printf (hot writers: the report,
** the exports, mentions.tsv): el_buf_int is "%lld"; el_buf_fixed is "%.*f"
** byte for byte (round half to even on the exact binary value, "-0.0" for a
** negative that rounds to zero), prec 0..9; it hands what it does not
** cover (NaN, infinities, 1e9 or more) to printf. */
void el_buf_int(el_buf *b, long long v);
void el_buf_fixed(el_buf *b, double v, int prec);

/* JSON values. */
void el_json_str(el_buf *b, const char *s, size_t n);     /* quoted, escaped */
void el_json_strz(el_buf *b, const char *s);              /* NULL gives null */
void el_json_int(el_buf *b, long long v);
void el_json_bool(el_buf *b, int v);                      /* <0 gives null */
void el_json_date(el_buf *b, el_date t);                  /* unknown gives null */
void el_json_double(el_buf *b, double v, int prec);       /* NaN gives null */
/* "key": with a leading comma unless *first; sets *first to 0. */
void el_json_key(el_buf *b, const char *key, int *first);
/* The same bytes for a key JSON writes as it is (no '"', '\\' or control
** character: the writers' own literal keys), in one copy: el_json_key
** escapes, and the run writes a few hundred thousand keys. */
void el_json_key_plain(el_buf *b, const char *key, int *first);

/* A FILE read or written whole gets a stdio buffer of EL_IOBUF bytes:
** glibc's own is one page, a read() or write() per 4 KB, and a run reads
** its files back three times. Call it before the first read or write;
** *buf is malloc'd here (NULL for a file read that is under a quarter of
** that, or when memory ran out: the default buffer stays); free it after
** fclose. */
#define EL_IOBUF (256 * 1024)
void el_file_buffer(FILE *f, bool writing, char **buf);

#endif
