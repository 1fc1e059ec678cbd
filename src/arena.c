/*
** arena.c: bump allocator with sticky failure and a pluggable heap.
** Chunks are chained; a request larger than the chunk size gets a chunk of
** its own, so one 100 MB article costs 100 MB, not a doubling cascade.
** el_arena_reset() keeps the first chunk so a steady stream of articles
** allocates from the system only once.
*/
#include "arena.h"
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
    struct chunk *next;
    size_t size;                /* bytes of data[] */
    size_t used;
    _Alignas(16) unsigned char data[];
} chunk;

struct el_arena {
    el_heap heap;
    size_t chunk_size;
    chunk *head;                /* current chunk; older ones follow */
    size_t handed;              /* bytes handed out since the last reset */
    bool failed;
    void *last;                 /* last allocation, for in-place grow */
};

/* Chunk requests the default heap grants before it fails (el_arena_fail_after),
** how many it then fails (0: all), and how many it has had; limit < 0: no
** limit. The engine's only process-wide variables, and only a test hook. */
static _Atomic long fail_limit = -1, fail_count, n_gets;

void el_arena_fail_after(long n, long count) {
    n_gets = 0;
    fail_count = count > 0 ? count : 0;
    fail_limit = n < 0 ? -1 : n;
}

static void *sys_get(void *ud, size_t size) {
    (void)ud;
    if (fail_limit >= 0) {
        long k = atomic_fetch_add(&n_gets, 1);
        if (k >= fail_limit && (!fail_count || k < fail_limit + fail_count)) return NULL;
    }
    return malloc(size);
}
static void sys_put(void *ud, void *p, size_t size) { (void)ud; (void)size; free(p); }

el_arena *el_arena_new(const el_heap *heap, size_t chunk_size) {
    el_heap h = heap ? *heap : (el_heap){sys_get, sys_put, NULL};
    el_arena *a = h.get(h.ud, sizeof *a);
    if (!a) return NULL;
    memset(a, 0, sizeof *a);
    a->heap = h;
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    return a;
}

static chunk *chunk_new(el_arena *a, size_t need) {
    size_t size = need > a->chunk_size ? need : a->chunk_size;
    if (size > SIZE_MAX - sizeof(chunk)) return NULL;
    chunk *c = a->heap.get(a->heap.ud, sizeof(chunk) + size);
    if (!c) return NULL;
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    return c;
}

void *el_arena_alloc(el_arena *a, size_t n) {
    if (!a || a->failed) return NULL;
    size_t need = (n + 15) & ~(size_t)15;
    if (need < n) { a->failed = true; return NULL; }
    chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        c = chunk_new(a, need);
        if (!c) { a->failed = true; return NULL; }
    }
    void *p = c->data + c->used;
    c->used += need;
    a->handed += need;
    a->last = p;
    return p;
}

void *el_arena_calloc(el_arena *a, size_t n) {
    void *p = el_arena_alloc(a, n);
    if (p) memset(p, 0, n);
    return p;
}

void *el_arena_grow(el_arena *a, void *p, size_t old_n, size_t new_n) {
    if (!a || a->failed) return NULL;
    if (!p) return el_arena_alloc(a, new_n);
    if (new_n <= old_n) return p;
    chunk *c = a->head;
    size_t old_need = (old_n + 15) & ~(size_t)15;
    size_t new_need = (new_n + 15) & ~(size_t)15;
    /* Last block of the current chunk: extend in place when it fits. */
    if (p == a->last && c && (unsigned char *)p + old_need == c->data + c->used &&
        c->size - c->used >= new_need - old_need) {
        c->used += new_need - old_need;
        a->handed += new_need - old_need;
        return p;
    }
    void *q = el_arena_alloc(a, new_n);
    if (q) memcpy(q, p, old_n);
    return q;
}

char *el_arena_strndup(el_arena *a, const char *s, size_t n) {
    char *p = el_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *el_arena_strdup(el_arena *a, const char *s) {
    return s ? el_arena_strndup(a, s, strlen(s)) : NULL;
}

char *el_arena_printf(el_arena *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *p = el_arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

bool el_arena_failed(const el_arena *a) { return !a || a->failed; }
size_t el_arena_used(const el_arena *a) { return a ? a->handed : 0; }

void el_arena_reset(el_arena *a) {
    if (!a) return;
    /* Keep the oldest chunk (the list's tail) when it is of normal size;
    ** free the rest, so one huge article does not pin its memory. */
    chunk *keep = NULL;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        if (!next && c->size == a->chunk_size) { keep = c; break; }
        a->heap.put(a->heap.ud, c, sizeof(chunk) + c->size);
    }
    if (keep) { keep->used = 0; keep->next = NULL; }
    a->head = keep;
    a->handed = 0;
    a->failed = false;
    a->last = NULL;
}

void el_arena_free(el_arena *a) {
    if (!a) return;
    for (chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        a->heap.put(a->heap.ud, c, sizeof(chunk) + c->size);
    }
    a->heap.put(a->heap.ud, a, sizeof *a);
}

bool el_heap_reserve(void **p, size_t *cap, size_t n, size_t size, size_t first) {
    if (n < *cap) return true;
    size_t nc = *cap ? *cap * 2 : first;
    void *q = realloc(*p, nc * size);
    if (!q) return false;
    *p = q;
    *cap = nc;
    return true;
}
