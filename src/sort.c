/*
** sort.c: see sort.h. A least-significant-byte-first radix sort: each pass
** is a stable counting sort on one byte, so after the eighth the records are
** in key order and equal keys are still in input order. The two sorts are
** one algorithm over two record types (a macro, so each keeps its loads).
*/
#include "sort.h"
#include <stdbool.h>
#include <string.h>

#define RADIX_SORT(T, KEY)                                                              \
    T *src = v, *dst = tmp;                                                             \
    for (int shift = 0; shift < 64; shift += 8) {                                       \
        size_t at[257] = {0};                                                           \
        for (size_t i = 0; i < n; i++) at[((KEY(src[i]) >> shift) & 255) + 1]++;       \
        bool one = false;                                                               \
        for (int b = 0; b < 256 && !one; b++) one = at[b + 1] == n;                     \
        if (one) continue;                      /* every key has this byte: nothing moves */ \
        for (int b = 0; b < 256; b++) at[b + 1] += at[b];                               \
        for (size_t i = 0; i < n; i++) dst[at[(KEY(src[i]) >> shift) & 255]++] = src[i]; \
        T *x = src;                                                                     \
        src = dst;                                                                      \
        dst = x;                                                                        \
    }                                                                                   \
    if (src != v) memcpy(v, src, n * sizeof *v)

#define KEYED_KEY(r) ((r).key)
#define PLAIN_KEY(r) (r)

void el_sort_keyed(el_keyed *v, el_keyed *tmp, size_t n) { RADIX_SORT(el_keyed, KEYED_KEY); }

void el_sort_u64(uint64_t *v, uint64_t *tmp, size_t n) { RADIX_SORT(uint64_t, PLAIN_KEY); }
