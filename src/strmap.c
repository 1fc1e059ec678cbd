/*
** strmap.c: open addressing with linear probing; the table doubles at 1/2
** load. Each slot keeps the full 64-bit hash so probes compare hashes before
** bytes. Grown tables are left in the arena: maps are built once per run.
** A sealed map also has a Bloom filter (8 bits a key, two bits in one word) that
** answers most lookups of absent keys from a few hundred kilobytes instead
** of a cache miss into a table of megabytes: the lemma map is asked for
** every word of every article, and most words are not inflected forms.
*/
#include "strmap.h"
#include <stdbool.h>
#include <string.h>
/* Inlined: every lookup hashes a short key, and a call into the shared
** library costs as much as the hashing. */
#define XXH_INLINE_ALL
#include <xxhash.h>

typedef struct slot { uint64_t h; const char *key; uint32_t len; void *val; } slot;
struct el_strmap {
    el_arena *a;
    slot *s;
    size_t cap, n;
    uint64_t *bloom;            /* after el_strmap_seal(), else NULL */
    uint64_t bloom_mask;        /* bits - 1 */
};

/* A word of the filter and two bits in it, from hash bits the slot index
** does not use: both probes read one word, so a lookup costs one cache
** miss at most, not two. */
static inline uint64_t bloom_word(const el_strmap *m, uint64_t h) { return ((h >> 20) & m->bloom_mask) >> 6; }
static inline uint64_t bloom_pair(uint64_t h) { return 1ull << ((h >> 42) & 63) | 1ull << ((h >> 50) & 63); }

static void bloom_add(el_strmap *m, uint64_t h) { m->bloom[bloom_word(m, h)] |= bloom_pair(h); }

static inline bool bloom_may_have(const el_strmap *m, uint64_t h) {
    if (!m->bloom) return true;
    uint64_t p = bloom_pair(h);
    return (m->bloom[bloom_word(m, h)] & p) == p;
}

int el_strmap_seal(el_strmap *m) {
    if (!m) return 0;
    uint64_t bits = 512;
    while (bits < m->n * 8 && bits < (1ull << 22)) bits *= 2;      /* the probes take 22 bits */
    m->bloom = el_arena_calloc(m->a, bits / 8);
    if (!m->bloom) return -1;
    m->bloom_mask = bits - 1;
    for (size_t i = 0; i < m->cap; i++) if (m->s[i].key) bloom_add(m, m->s[i].h);
    return 0;
}

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
        if (m->bloom) bloom_add(m, h);
    }
    e->val = val;
    return 0;
}

void *el_strmap_get(const el_strmap *m, const char *key, size_t len) {
    return m ? el_strmap_get_h(m, key, len, el_hash(key, len)) : NULL;
}

bool el_strmap_may_have(const el_strmap *m, uint64_t h) { return m && bloom_may_have(m, h); }

void *el_strmap_get_h(const el_strmap *m, const char *key, size_t len, uint64_t h) {
    if (!m) return NULL;
    if (!bloom_may_have(m, h)) return NULL;
    slot *e = find(m->s, m->cap, h, key, len);
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
