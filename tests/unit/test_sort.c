/* test_sort.c: the radix sorts of sort.h against qsort, keys wide and narrow. */
#include "testutil.h"
#include "sort.h"

static uint64_t next(uint64_t *x) {
    *x ^= *x << 13; *x ^= *x >> 7; *x ^= *x << 17;
    return *x;
}

static int cmp_keyed(const void *pa, const void *pb) {       /* key, then position (in a) */
    const el_keyed *a = pa, *b = pb;
    if (a->key != b->key) return a->key < b->key ? -1 : 1;
    return a->a < b->a ? -1 : a->a > b->a;
}

static int cmp_u64(const void *pa, const void *pb) {
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

/* Keys of every width (all bytes differ, a few bytes differ, all equal):
** the same order as qsort on (key, position), so equal keys keep their order. */
static void sort_keyed_stable(void **st) {
    (void)st;
    enum { N = 3000 };
    el_keyed *v = malloc(2 * N * sizeof *v), *want = malloc(N * sizeof *want);
    uint64_t x = 0x9e3779b97f4a7c15ULL;
    uint64_t masks[] = {UINT64_MAX, 0xffULL, 0xff00ff0000ULL, 0, 0xfULL << 60};
    for (size_t m = 0; m < sizeof masks / sizeof *masks; m++)
        for (size_t n = 0; n <= N; n += n < 10 ? 1 : 997) {
            for (size_t i = 0; i < n; i++) v[i] = want[i] = (el_keyed){next(&x) & masks[m], (uint32_t)i, 7};
            qsort(want, n, sizeof *want, cmp_keyed);
            el_sort_keyed(v, v + N, n);
            for (size_t i = 0; i < n; i++) {
                assert_true(v[i].key == want[i].key);
                assert_int_equal(v[i].a, want[i].a);
                assert_int_equal(v[i].b, 7);
            }
        }
    free(v);
    free(want);
}

/* Plain values, as the linker's candidate pairs (a << 32 | b) are. */
static void sort_u64_values(void **st) {
    (void)st;
    enum { N = 5000 };
    uint64_t *v = malloc(2 * N * sizeof *v), *want = malloc(N * sizeof *want);
    uint64_t x = 88172645463325252ULL;
    for (int round = 0; round < 3; round++)
        for (size_t n = 0; n <= N; n += n < 10 ? 1 : 1249) {
            for (size_t i = 0; i < n; i++) {
                uint64_t r = next(&x);
                v[i] = want[i] = round == 0 ? r : round == 1 ? (r >> 52) << 32 | (r & 0xfff) : r % 5;
            }
            qsort(want, n, sizeof *want, cmp_u64);
            el_sort_u64(v, v + N, n);
            assert_memory_equal(v, want, n * sizeof *v);
        }
    free(v);
    free(want);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sort_keyed_stable),
        cmocka_unit_test(sort_u64_values),
    };
    return cmocka_run_group_tests_name("sort", tests, NULL, NULL);
}
