/*
** strmap.c: open addressing with linear probing; the table doubles at 1/2
** load. Each slot keeps the full 64-bit hash so probes compare hashes before
** bytes. Grown tables are left in the arena: maps are built once per run.
*/
#include "strmap.h"
#include <string.h>
/* Inlined: every lookup hashes a short key, and a call into the shared
** library costs as much as the hashing. */
#define XXH_INLINE_ALL
#include <xxhash.h>

typedef struct slot { uint64_t h; const char *key; uint32_t len; void *val; } slot;
struct el_strmap { el_arena *a; slot *s; size_t cap, n; };

uint64_t el_hash(const void *p, size_t n) { return XXH3_64bits(p, n); }

el_strmap *el_strmap_new(el_arena *a, size_t expect) {
    el_strmap *m = el_arena_calloc(a, sizeof *m);
    if (!m) return NULL;
    size_t cap = 16;
    while (cap < expect * 2) cap *= 2;
    m->a = a;
    m->cap = cap;
    m->s = el_arena_calloc(a, cap * sizeof(slot));
    return m->s ? m : NULL;
}

static slot *find(slot *s, size_t cap, uint64_t h, const char *key, size_t len) {
    size_t i = (size_t)h & (cap - 1);
    for (;; i = (i + 1) & (cap - 1)) {
        slot *e = &s[i];
        if (!e->key) return e;
        if (e->h == h && e->len == len && memcmp(e->key, key, len) == 0) return e;
    }
}

static int grow(el_strmap *m) {
    size_t cap = m->cap * 2;
    slot *s = el_arena_calloc(m->a, cap * sizeof(slot));
    if (!s) return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->s[i].key) *find(s, cap, m->s[i].h, m->s[i].key, m->s[i].len) = m->s[i];
    m->s = s;
    m->cap = cap;
    return 0;
}

int el_strmap_put(el_strmap *m, const char *key, size_t len, void *val) {
    if (!m) return -1;
    if ((m->n + 1) * 2 > m->cap && grow(m)) return -1;
    uint64_t h = el_hash(key, len);
    slot *e = find(m->s, m->cap, h, key, len);
    if (!e->key) {
        char *k = el_arena_strndup(m->a, key, len);
        if (!k) return -1;
        e->h = h;
        e->key = k;
        e->len = (uint32_t)len;
        m->n++;
    }
    e->val = val;
    return 0;
}

void *el_strmap_get(const el_strmap *m, const char *key, size_t len) {
    if (!m) return NULL;
    slot *e = find(m->s, m->cap, el_hash(key, len), key, len);
    return e->key ? e->val : NULL;
}

const char *el_strmap_key(const el_strmap *m, const char *key, size_t len) {
    if (!m) return NULL;
    slot *e = find(m->s, m->cap, el_hash(key, len), key, len);
    return e->key;
}

size_t el_strmap_count(const el_strmap *m) { return m ? m->n : 0; }

int el_strmap_each(const el_strmap *m, int (*fn)(void *ud, const char *key, size_t len, void *val),
                   void *ud) {
    if (!m) return 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->s[i].key) continue;
        int rc = fn(ud, m->s[i].key, m->s[i].len, m->s[i].val);
        if (rc) return rc;
    }
    return 0;
}
