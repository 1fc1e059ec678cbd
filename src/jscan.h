/*
** jscan.h: JSON Lines read fast, for the files of a run folder (store.c,
**          export.c and report.c read them back after `eventline run`).
** In:  a file of JSON values, one a line: what eventline wrote, or anything
**      a user hands `eventline store/export/report`.
** Out: each line as a flat array of tokens over a private copy of the line,
**      with every string unescaped in place and NUL-terminated. No tree and
**      no allocation per value: memory is one line's worth, reused.
** Never break: a line is checked as strictly as jansson checks it (syntax,
** UTF-8, no \u0000, depth); a bad line is reported as FILE:LINE and skipped.
*/
#ifndef EL_JSCAN_H
#define EL_JSCAN_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "diag.h"

typedef enum el_jtype {
    EL_JNONE,                   /* no such value (a key absent, an index past the end) */
    EL_JNULL, EL_JFALSE, EL_JTRUE, EL_JINT, EL_JREAL, EL_JSTR, EL_JARR, EL_JOBJ,
} el_jtype;

typedef struct el_jtok {
    uint32_t start, end;        /* the value's bytes in the line, [start, end), quotes included */
    uint32_t next;              /* the token after this value and everything inside it */
    uint32_t n;                 /* arrays: elements; objects: members; strings: unescaped
                                ** length; integers below 10^9: value + 1 (else 0) */
    uint8_t type;               /* el_jtype */
} el_jtok;

/* One parsed line. Token 0 is the whole value; an object's tokens are key,
** value, key, value ...; an array's its elements, each followed by what it
** holds. Reuse one el_jline for every line of a file; free it at the end. */
typedef struct el_jline {
    const char *line;           /* the line as read: raw slices come from here */
    size_t len;
    char *buf;                  /* private copy: strings unescaped, NUL-terminated */
    el_jtok *t;
    size_t n, cap, buf_cap;
} el_jline;

/* Parse s[0..len) as one JSON value (whitespace around it allowed). s must
** stay valid while the tokens are used. Returns 0, or -1 with *err set to a
** static message (and *err_at the byte), or -2 when memory runs out. */
int  el_jparse(el_jline *j, const char *s, size_t len, const char **err, size_t *err_at);
void el_jline_free(el_jline *j);

/* Access. A token index < 0 stands for "absent" everywhere: every function
** takes it and answers EL_JNONE, NULL, 0 or -1, so lookups chain safely. */
el_jtype    el_jtype_of(const el_jline *j, int i);
int         el_jget_n(const el_jline *j, int obj, const char *key, size_t key_len);
/* Member value, or -1. Inline so that a literal key's length is known at
** compile time: lookups by literal are most of a run folder's reading. */
static inline int el_jget(const el_jline *j, int obj, const char *key) {
    return el_jget_n(j, obj, key, strlen(key));
}
int         el_jat(const el_jline *j, int arr, size_t k);           /* k-th element, or -1 */
size_t      el_jsize(const el_jline *j, int i);                     /* elements or members */
/* Iterate an array: for (int e = el_jfirst(j, a); e >= 0; e = el_jnext(j, a, e)). */
int         el_jfirst(const el_jline *j, int arr);
int         el_jnext(const el_jline *j, int arr, int e);
const char *el_jstr(const el_jline *j, int i);        /* a string (NUL-terminated) or NULL */
size_t      el_jstrlen(const el_jline *j, int i);     /* its length in bytes; 0 if not one */
bool        el_jis_num(const el_jline *j, int i);
long long   el_jint(const el_jline *j, int i);        /* an integer's value, else 0 */
double      el_jnum(const el_jline *j, int i);        /* an integer or real, else 0 */
/* The value as written in the line (for copying a part through verbatim). */
const char *el_jraw(const el_jline *j, int i, size_t *len);
/* An id as text: a string, or an integer written into buf. NULL otherwise. */
const char *el_jid(const el_jline *j, int i, char buf[32]);

/* Call fn(j, line, ud) for each line of path that is a JSON object (token 0).
** Blank lines are skipped; any other line that is not a JSON object is
** reported to d as path:line and skipped. fn returns nonzero to stop.
** Returns 1 when the file is absent, 0 when read, -1 on a read error
** (reported) or when fn stopped. d NULL: report nothing. */
int el_jsonl_each(const char *path, int (*fn)(const el_jline *j, long line, void *ud), void *ud,
                  el_diag *d);
/* The same for the lines numbered lines[0..n) (1-based, ascending) alone:
** no other line is parsed, and reading stops after the last one. For a
** second pass over lines a first pass has checked (report.c's bodies). */
int el_jsonl_each_of(const char *path, const long *lines, size_t n,
                     int (*fn)(const el_jline *j, long line, void *ud), void *ud, el_diag *d);

#endif
