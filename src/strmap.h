/*
** strmap.h: a string-keyed hash map in an arena (open addressing, xxh3).
** Keys are byte strings (not necessarily NUL-terminated) and are copied into
** the arena; values are pointers owned by the caller. Built once, then
** read-only: lookups are safe from several threads.
*/
#ifndef EL_STRMAP_H
#define EL_STRMAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "arena.h"

typedef struct el_strmap el_strmap;

el_strmap *el_strmap_new(el_arena *a, size_t expect);
/* Insert or replace; returns 0, or -1 when the arena failed. */
int    el_strmap_put(el_strmap *m, const char *key, size_t len, void *val);
void  *el_strmap_get(const el_strmap *m, const char *key, size_t len);
/* The same, with h = el_hash(key, len) already known (a token's lemma_h). */
void  *el_strmap_get_h(const el_strmap *m, const char *key, size_t len, uint64_t h);
/* Might a key of hash h be there? false is certain (a sealed map's filter);
** lets a caller skip building a key it would look up. */
bool   el_strmap_may_have(const el_strmap *m, uint64_t h);
size_t el_strmap_count(const el_strmap *m);
/* Add a membership filter in front of lookups, for a map that is mostly
** asked for keys it lacks; later puts keep it true. 0, or -1 (arena). */
int    el_strmap_seal(el_strmap *m);
/* Stored key for key (so callers can keep a stable pointer), or NULL. */
const char *el_strmap_key(const el_strmap *m, const char *key, size_t len);
uint64_t el_hash(const void *p, size_t n);
/* Call fn for every key (in table order, not insertion order); fn returns
** nonzero to stop, and that value is returned. */
int el_strmap_each(const el_strmap *m, int (*fn)(void *ud, const char *key, size_t len, void *val),
                   void *ud);

#endif
