/* test_arena.c: arena allocation, growth, sticky failure, reset. */
#include "testutil.h"

typedef struct fail_heap { int calls, fail_at; } fail_heap;
static void *fh_get(void *ud, size_t n) {
    fail_heap *h = ud;
    if (++h->calls == h->fail_at) return NULL;
    return malloc(n);
}
static void fh_put(void *ud, void *p, size_t n) { (void)ud; (void)n; free(p); }

static void arena_aligns_and_counts(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 1024);
    char *p = el_arena_alloc(a, 3), *q = el_arena_alloc(a, 5);
    assert_non_null(p);
    assert_int_equal((uintptr_t)q % 16, 0);
    assert_int_equal(el_arena_used(a), 32);
    el_arena_free(a);
}

static void arena_big_request_gets_own_chunk(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 1024);
    char *p = el_arena_alloc(a, 100000);
    assert_non_null(p);
    memset(p, 1, 100000);
    assert_non_null(el_arena_alloc(a, 10));
    el_arena_reset(a);
    assert_int_equal(el_arena_used(a), 0);
    assert_non_null(el_arena_alloc(a, 10));
    el_arena_free(a);
}

static void arena_grow_in_place_and_copy(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 4096);
    char *p = el_arena_alloc(a, 16);
    strcpy(p, "hello");
    char *q = el_arena_grow(a, p, 16, 64);
    assert_ptr_equal(p, q);                      /* last block: extended in place */
    el_arena_alloc(a, 8);
    char *r = el_arena_grow(a, q, 64, 128);
    assert_ptr_not_equal(r, q);                  /* not last: copied */
    assert_string_equal(r, "hello");
    el_arena_free(a);
}

static void arena_failure_is_sticky(void **st) {
    (void)st;
    fail_heap h = {0, 3};
    el_heap heap = {fh_get, fh_put, &h};
    el_arena *a = el_arena_new(&heap, 64);       /* call 1: the arena itself */
    assert_non_null(el_arena_alloc(a, 32));      /* call 2: first chunk */
    assert_null(el_arena_alloc(a, 64));          /* call 3 fails */
    assert_true(el_arena_failed(a));
    assert_null(el_arena_alloc(a, 1));           /* sticky even if it would fit */
    el_arena_reset(a);
    assert_false(el_arena_failed(a));
    assert_non_null(el_arena_alloc(a, 8));
    el_arena_free(a);
}

static void arena_vec_push(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 256);
    EL_VEC(int) v = {0};
    for (int i = 0; i < 1000; i++) EL_PUSH(a, v, i);
    assert_int_equal(v.n, 1000);
    for (int i = 0; i < 1000; i++) assert_int_equal(v.v[i], i);
    assert_string_equal(el_arena_printf(a, "%d-%s", 7, "x"), "7-x");
    el_arena_free(a);
}

/* The fault-injection hook of tests/fault.sh: the default heap grants n
** chunk requests (arena headers count), then fails all, or only count. */
static void arena_fail_after_hook(void **st) {
    (void)st;
    el_arena_fail_after(2, 0);                  /* header + first chunk, then nothing */
    el_arena *a = el_arena_new(NULL, 64);
    assert_non_null(a);
    assert_non_null(el_arena_alloc(a, 16));
    assert_null(el_arena_alloc(a, 128));         /* a second chunk: refused */
    assert_true(el_arena_failed(a));
    assert_null(el_arena_new(NULL, 64));
    el_arena_free(a);
    el_arena_fail_after(1, 1);                  /* only the second request fails */
    a = el_arena_new(NULL, 64);
    assert_non_null(a);
    assert_null(el_arena_alloc(a, 16));
    el_arena_reset(a);                          /* a new article: the heap works again */
    assert_non_null(el_arena_alloc(a, 16));
    assert_false(el_arena_failed(a));
    el_arena_free(a);
    el_arena_fail_after(-1, 0);                 /* off */
    a = el_arena_new(NULL, 64);
    for (int i = 0; i < 100; i++) assert_non_null(el_arena_alloc(a, 64));
    el_arena_free(a);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(arena_aligns_and_counts), cmocka_unit_test(arena_big_request_gets_own_chunk),
        cmocka_unit_test(arena_grow_in_place_and_copy), cmocka_unit_test(arena_failure_is_sticky),
        cmocka_unit_test(arena_vec_push), cmocka_unit_test(arena_fail_after_hook),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
