/*
** sort.h: a stable sort of (64-bit key, two 32-bit values) records by key,
** and a sort of plain 64-bit values.
** In:  n records (values) and room for n more.
** Out: the records in key order; records with equal keys keep their order,
**      which is what a comparison sort on (key, then position) would give.
** Eight byte-wide counting passes (a pass is skipped when every key has the
** same byte there): linear, no comparison callbacks. The linker's LSH bands
** and candidate pairs and the comparer's posting lists sort millions of such
** records in a big run.
*/
#ifndef EL_SORT_H
#define EL_SORT_H
#include <stddef.h>
#include <stdint.h>

typedef struct el_keyed { uint64_t key; uint32_t a, b; } el_keyed;

void el_sort_keyed(el_keyed *v, el_keyed *tmp, size_t n);
void el_sort_u64(uint64_t *v, uint64_t *tmp, size_t n);

#endif
