/*
** kwfilter.h: word tables for the hot loops of annotate_count.c and
** annotate_quote.c. A table entry carries its length and a hash computed by
** the compiler; a filter (el_kwfilter, el_int.h), filled once when the
** engine opens, turns most tokens away with one load before any table is
** read. Header-only: every function is small and called per token.
*/
#ifndef EL_KWFILTER_H
#define EL_KWFILTER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "annotate_quote.h"
#include "textutil.h"

/* A word of a table with its length and hash, so that a look-up compares
** lengths before letters; a table ends with K_END. */
typedef struct kw { const char *w; uint8_t n; uint32_t h; } kw;
#define K(s) {s, sizeof(s) - 1, KW_HASH(s)}
#define K_END {NULL, 0, 0}
/* kw_hash() of a literal, folded by the compiler. KEEP IN SYNC with kw_mix(). */
#define KW_C(c) ((uint32_t)((c) | 0x20) & 0xFFu)
#define KW_HASH(s) ((uint32_t)(((uint64_t)((KW_C((s)[0]) | (KW_C(sizeof(s) > 2 ? (s)[1] : 0) << 8) |     \
    (KW_C(sizeof(s) > 2 ? (s)[sizeof(s) > 2 ? sizeof(s) - 3 : 0] : 0) << 16) | (KW_C((s)[sizeof(s) - 2]) << 24)) ^         \
    ((uint32_t)(sizeof(s) - 1) * 0x9E3779B9u)) * 0xC2B2AE3D27D4EB4Full) >> 32))

/* s[0..n) equals the lower-case word w[0..n), ASCII case ignored. */
static inline bool eq_lower(const char *s, const char *w, size_t n) {
    for (size_t i = 0; i < n; i++) if (el_lower((unsigned char)s[i]) != (unsigned char)w[i]) return false;
    return true;
}

/* A Bloom filter (4096 bits, two probes) over the length and the first two
** and last two letters of the words of some tables, with an exact table of
** (first two letters, length) in front: filled once by the engine, it lets the
** hot loops turn most tokens away with one load and read the tables only
** for the few that pass. ASCII case is folded by | 0x20 on both sides. */
typedef el_kwfilter kwbits;
static inline uint32_t kw_mix(size_t n, int c0, int c1, int c2, int c3) {
    uint32_t v = ((uint32_t)(c0 | 0x20) & 0xFFu) | (((uint32_t)(c1 | 0x20) & 0xFFu) << 8) |
                 (((uint32_t)(c2 | 0x20) & 0xFFu) << 16) | (((uint32_t)(c3 | 0x20) & 0xFFu) << 24);
    uint64_t h = (uint64_t)(v ^ ((uint32_t)n * 0x9E3779B9u)) * 0xC2B2AE3D27D4EB4Full;
    return (uint32_t)(h >> 32);
}
static inline uint32_t kw_hash(const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    return kw_mix(n, u[0], n > 1 ? u[1] : 0, n > 1 ? u[n - 2] : 0, u[n - 1]);
}
static inline void kw_set(kwbits *f, uint32_t h, int c0, int c1, size_t n) {
    f->bits[(h & 4095) >> 6] |= 1ull << (h & 63);
    f->bits[((h >> 12) & 4095) >> 6] |= 1ull << ((h >> 12) & 63);
    f->first[(c0 | 0x20) & 31][(c1 | 0x20) & 15] |= (uint16_t)(1u << (n < 15 ? n : 15));
}
static inline void kw_fill(kwbits *f, const kw *list) {
    for (; list->w; list++) kw_set(f, list->h, list->w[0], list->n > 1 ? list->w[1] : 0, list->n);
}
static inline bool kw_maybe(const kwbits *f, const char *s, size_t n) {
    if (!n || !((f->first[(s[0] | 0x20) & 31][(n > 1 ? s[1] | 0x20 : 0x20) & 15] >> (n < 15 ? n : 15)) & 1))
        return false;
    uint32_t h = kw_hash(s, n);
    return ((f->bits[(h & 4095) >> 6] >> (h & 63)) & 1) && ((f->bits[((h >> 12) & 4095) >> 6] >> ((h >> 12) & 63)) & 1);
}

#endif
