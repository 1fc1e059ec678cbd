/* test_strmap.c: the hash map, before and after its filter is sealed on. */
#include "testutil.h"
#include "strmap.h"

static void key_of(int i, char *buf, size_t cap) { snprintf(buf, cap, "w%dx", i * 7919); }

static void strmap_put_get_replace(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 1 << 16);
    el_strmap *m = el_strmap_new(a, 4);
    int v[3] = {1, 2, 3};
    assert_int_equal(el_strmap_put(m, "said", 4, &v[0]), 0);
    assert_int_equal(el_strmap_put(m, "saidx", 4, &v[1]), 0);     /* same 4 bytes: a replace */
    assert_ptr_equal(el_strmap_get(m, "said", 4), &v[1]);
    assert_null(el_strmap_get(m, "sai", 3));
    assert_int_equal(el_strmap_count(m), 1);
    el_arena_free(a);
}

/* A sealed map answers exactly as before for every present and absent key,
** and keys put after the seal are found too. */
static void strmap_sealed_answers_the_same(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 1 << 20);
    el_strmap *m = el_strmap_new(a, 16);
    static int val[6000];
    char k[32];
    for (int i = 0; i < 3000; i++) {
        key_of(i, k, sizeof k);
        assert_int_equal(el_strmap_put(m, k, strlen(k), &val[i]), 0);
    }
    assert_int_equal(el_strmap_seal(m), 0);
    int maybe_absent = 0;
    for (int i = 0; i < 6000; i++) {
        key_of(i, k, sizeof k);
        void *got = el_strmap_get(m, k, strlen(k));
        if (i < 3000) assert_ptr_equal(got, &val[i]);
        else assert_null(got);
        /* the filter alone: never wrong about a key that is there, and it
        ** turns away most that are not */
        bool may = el_strmap_may_have(m, el_hash(k, strlen(k)));
        if (i < 3000) assert_true(may);
        else maybe_absent += may;
    }
    assert_true(maybe_absent < 3000 / 5);
    for (int i = 3000; i < 6000; i++) {                 /* growing past the filter's size */
        key_of(i, k, sizeof k);
        assert_int_equal(el_strmap_put(m, k, strlen(k), &val[i]), 0);
    }
    for (int i = 0; i < 6000; i++) {
        key_of(i, k, sizeof k);
        assert_ptr_equal(el_strmap_get(m, k, strlen(k)), &val[i]);
    }
    assert_null(el_strmap_get(m, "absent", 6));
    assert_int_equal(el_strmap_count(m), 6000);
    el_arena_free(a);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(strmap_put_get_replace), cmocka_unit_test(strmap_sealed_answers_the_same),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
