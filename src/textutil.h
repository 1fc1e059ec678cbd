/*
** textutil.h: small byte-level helpers for ASCII-cased matching on UTF-8 text.
** News cues (weekday names, "View gallery", agency names) are ASCII, so
** these compare bytes and treat every non-ASCII byte as a letter.
*/
#ifndef EL_TEXTUTIL_H
#define EL_TEXTUTIL_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline int el_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static inline bool el_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline bool el_is_lowerc(int c) { return c >= 'a' && c <= 'z'; }
static inline bool el_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline bool el_is_alpha(int c) { return el_is_upper(c) || el_is_lowerc(c) || (unsigned char)c >= 0x80; }
static inline bool el_is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

/* Eight bytes at a time (SWAR), for the scanners that skip plain text: x
** holds eight bytes; each returns the high bit of every byte that is c
** (el_bytes_eq) or below c, for c <= 0x80 (el_bytes_below). The classic
** zero-byte test: a false mark can only sit above a true one (a borrow runs
** upwards), so "any mark" is exact and the lowest mark is the first byte. */
#define EL_BYTES_ONES 0x0101010101010101ull
#define EL_BYTES_HIGH 0x8080808080808080ull
static inline uint64_t el_bytes_eq(uint64_t x, unsigned char c) {
    uint64_t y = x ^ (EL_BYTES_ONES * c);
    return (y - EL_BYTES_ONES) & ~y & EL_BYTES_HIGH;
}
static inline uint64_t el_bytes_below(uint64_t x, unsigned char c) {
    return (x - EL_BYTES_ONES * c) & ~x & EL_BYTES_HIGH;
}

/* Case-insensitive (ASCII) comparisons of s[0..n) with a NUL-terminated word. */
bool el_ieq(const char *s, size_t n, const char *w);
bool el_iprefix(const char *s, size_t n, const char *w);
bool el_isuffix(const char *s, size_t n, const char *w);
/* Byte offset of w in s[0..n) ignoring ASCII case, or -1. */
long el_ifind(const char *s, size_t n, const char *w);
/* Trim ASCII space and U+00A0 from both ends. */
void el_trim(const char **s, size_t *n);
/* Number of words (runs of non-space). */
size_t el_count_words(const char *s, size_t n);
/* Month name or abbreviation at s ("Feb", "Feb.", "February", "Sept"):
** returns 1..12 and sets *len to the bytes used, else 0. Case-sensitive
** initial capital unless icase. */
int el_month_at(const char *s, size_t n, size_t *len, bool icase);
/* Weekday name at s ("Monday", "Mon."): 0..6 (Monday = 0), else -1. */
int el_weekday_at(const char *s, size_t n, size_t *len, bool icase);

#endif
