/*
** utf8.h: UTF-8 validation, repair and normalisation.
** Every byte of text that enters eventline passes el_utf8_clean() once, in
** read.c; after that all text is valid NFC UTF-8 without NUL bytes, and no
** later stage checks again.
*/
#ifndef EL_UTF8_H
#define EL_UTF8_H
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

typedef struct el_utf8_report {
    size_t n_invalid;           /* invalid sequences replaced by U+FFFD */
    size_t first_invalid;       /* byte offset of the first, in the input */
    size_t n_nul;               /* NUL bytes dropped */
    size_t first_nul;
    size_t n_ctrl;              /* other C0 controls (not \t \n \r \f) dropped */
} el_utf8_report;

/* Make text valid NFC UTF-8: invalid sequences become U+FFFD, NUL and stray
** control bytes are dropped, \r\n and \r become \n. Returns the new text
** (NUL-terminated, in a) or NULL when the arena fails; *out_len its length. */
char *el_utf8_clean(el_arena *a, const char *s, size_t n, size_t *out_len,
                    el_utf8_report *rep);

/* Decode one code point at s (valid UTF-8 assumed); returns its byte length. */
int  el_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Bytes of the longest prefix of s[0..n) that is at most max bytes and ends
** at a character boundary: where to cut text that must stay valid UTF-8. */
size_t el_utf8_cut(const char *s, size_t n, size_t max);
/* 1-based line number of byte offset off in s. */
long el_utf8_line_of(const char *s, size_t off);

#endif
