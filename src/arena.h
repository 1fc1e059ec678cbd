/*
** arena.h: per-document and per-run memory.
** Everything a stage builds for one article lives in that article's arena;
** the pipeline resets the arena after the article is written, so no stage
** frees anything and memory stays flat in corpus size. Failure is sticky:
** after the first failed allocation every allocation returns NULL, and a
** stage tests el_arena_failed() once, at its end.
*/
#ifndef EL_ARENA_H
#define EL_ARENA_H
#include <stdbool.h>
#include <stddef.h>

typedef struct el_heap {            /* where an arena gets its chunks */
    void *(*get)(void *ud, size_t size);
    void (*put)(void *ud, void *p, size_t size);
    void *ud;
} el_heap;

typedef struct el_arena el_arena;

el_arena *el_arena_new(const el_heap *heap, size_t chunk_size); /* heap NULL: malloc */
void     *el_arena_alloc(el_arena *a, size_t n);   /* 16-aligned; NULL after any failure */
void     *el_arena_calloc(el_arena *a, size_t n);
/* Grow the most recent allocation p (of old_n bytes) to new_n, in place when it
** is the last block of the chunk, else by copying. Returns NULL on failure. */
void     *el_arena_grow(el_arena *a, void *p, size_t old_n, size_t new_n);
char     *el_arena_strndup(el_arena *a, const char *s, size_t n);
char     *el_arena_strdup(el_arena *a, const char *s);   /* s NULL gives NULL */
char     *el_arena_printf(el_arena *a, const char *fmt, ...)
              __attribute__((format(printf, 2, 3)));
bool      el_arena_failed(const el_arena *a);
size_t    el_arena_used(const el_arena *a);             /* bytes handed out */
void      el_arena_reset(el_arena *a);     /* keep one chunk for the next article */
void      el_arena_free(el_arena *a);      /* NULL is fine */

/* Fault injection for tests (STYLE.md section 8, tests/fault.sh): after this
** call the heap of arenas made with heap NULL grants n more chunk requests
** (arena headers included), counted over the whole process and all threads,
** then fails the next `count` of them (count <= 0: every one) and grants the
** rest. n < 0 turns it off. main.c calls it once, from $EL_FAIL_AFTER, before
** any arena exists; nothing else should. */
void      el_arena_fail_after(long n, long count);

/* Room for element n in the malloc'd array *p of *cap elements of size
** bytes: doubled when full, first elements at the start. For arrays that
** outlive an article (run-long lists): in an arena each doubling would leave
** the old copy behind. False when out of memory (*p is then unchanged). */
bool      el_heap_reserve(void **p, size_t *cap, size_t n, size_t size, size_t first);
/* Push x onto an EL_VEC held on the heap (free its .v); false when out of memory. */
#define EL_HEAP_PUSH(vec, x, first)                                            \
    (el_heap_reserve((void **)&(vec).v, &(vec).cap, (vec).n, sizeof *(vec).v, (first)) \
         ? ((vec).v[(vec).n++] = (x), true) : false)

/* A growable array in an arena: EL_VEC(el_span) v = {0}; EL_PUSH(a, v, x). */
#define EL_VEC(T) struct { T *v; size_t n, cap; }
#define EL_PUSH(arena, vec, x) do {                                            \
    if ((vec).n == (vec).cap) {                                                \
        size_t nc_ = (vec).cap ? (vec).cap * 2 : 16;                           \
        void *nv_ = el_arena_grow((arena), (vec).v,                           \
                                  (vec).cap * sizeof *(vec).v,                 \
                                  nc_ * sizeof *(vec).v);                      \
        if (!nv_) break;                                                       \
        (vec).v = nv_; (vec).cap = nc_;                                        \
    }                                                                          \
    (vec).v[(vec).n++] = (x);                                                  \
} while (0)

#endif
