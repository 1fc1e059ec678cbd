/*
** sort.c: see sort.h. A least-significant-byte-first radix sort: each pass
** is a stable counting sort on one byte, so after the eighth the records are
** in key order and equal keys are still in input order.
*/
#include "sort.h"
#include <stdbool.h>
#include <string.h>

void el_sort_keyed(el_keyed *v, el_keyed *tmp, size_t n) {
    el_keyed *src = v, *dst = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t at[257] = {0};
        for (size_t i = 0; i < n; i++) at[((src[i].key >> shift) & 255) + 1]++;
        bool one = false;
        for (int b = 0; b < 256 && !one; b++) one = at[b + 1] == n;
        if (one) continue;                      /* every key has this byte: nothing moves */
        for (int b = 0; b < 256; b++) at[b + 1] += at[b];
        for (size_t i = 0; i < n; i++) dst[at[(src[i].key >> shift) & 255]++] = src[i];
        el_keyed *x = src;
        src = dst;
        dst = x;
    }
    if (src != v) memcpy(v, src, n * sizeof *v);
}
