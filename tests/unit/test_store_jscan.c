/*
** test_store_jscan.c: the JSON Lines reader the store, the exports and the
** report share (jscan.c). Valid lines give the values jansson would; every
** invalid line is refused (syntax, UTF-8, \u0000, surrogates, overflow);
** lookups of what is absent answer "absent" and chain safely.
*/
#include "testutil.h"
#include "jscan.h"

static int parse(el_jline *j, const char *s) {
    const char *err;
    size_t at;
    return el_jparse(j, s, strlen(s), &err, &at);
}

/* 1. Values, nested lookups, escapes unescaped in place. */
static void jscan_reads_values(void **state) {
    (void)state;
    el_jline j = {0};
    assert_int_equal(parse(&j, " {\"id\":\"a\\\"b\\u00e9\\ud83d\\ude00\",\"n\":-12,\"x\":1.5e2,"
                               "\"t\":true,\"z\":null,\"s\":[[1,2],[3,4]],\"o\":{\"k\":\"v\"},\"n\":7} "), 0);
    assert_int_equal(el_jtype_of(&j, 0), EL_JOBJ);
    assert_string_equal(el_jstr(&j, el_jget(&j, 0, "id")), "a\"b\xc3\xa9\xf0\x9f\x98\x80");
    assert_int_equal(el_jstrlen(&j, el_jget(&j, 0, "id")), 9);
    assert_int_equal(el_jint(&j, el_jget(&j, 0, "n")), 7);              /* the last wins */
    assert_true(el_jnum(&j, el_jget(&j, 0, "x")) == 150.0);
    assert_int_equal(el_jtype_of(&j, el_jget(&j, 0, "t")), EL_JTRUE);
    assert_int_equal(el_jtype_of(&j, el_jget(&j, 0, "z")), EL_JNULL);
    int s = el_jget(&j, 0, "s");
    assert_int_equal(el_jsize(&j, s), 2);
    assert_int_equal(el_jint(&j, el_jat(&j, el_jat(&j, s, 1), 0)), 3);
    long sum = 0;
    for (int e = el_jfirst(&j, s); e >= 0; e = el_jnext(&j, s, e)) sum += el_jint(&j, el_jat(&j, e, 1));
    assert_int_equal(sum, 6);
    assert_string_equal(el_jstr(&j, el_jget(&j, el_jget(&j, 0, "o"), "k")), "v");
    size_t n;
    const char *raw = el_jraw(&j, el_jget(&j, 0, "o"), &n);
    assert_int_equal(n, 9);
    assert_memory_equal(raw, "{\"k\":\"v\"}", 9);
    char ib[32];
    assert_string_equal(el_jid(&j, el_jget(&j, 0, "n"), ib), "7");
    el_jline_free(&j);
}

/* 2. Absent keys, wrong types and out-of-range indexes chain to "absent". */
static void jscan_absent_chains(void **state) {
    (void)state;
    el_jline j = {0};
    assert_int_equal(parse(&j, "{\"a\":[],\"b\":\"x\"}"), 0);
    assert_int_equal(el_jget(&j, 0, "nope"), -1);
    assert_int_equal(el_jget(&j, el_jget(&j, 0, "nope"), "k"), -1);
    assert_int_equal(el_jat(&j, el_jget(&j, 0, "a"), 0), -1);
    assert_int_equal(el_jfirst(&j, el_jget(&j, 0, "a")), -1);
    assert_int_equal(el_jtype_of(&j, -1), EL_JNONE);
    assert_null(el_jstr(&j, el_jget(&j, 0, "a")));
    assert_int_equal(el_jint(&j, el_jget(&j, 0, "b")), 0);
    assert_int_equal(el_jget(&j, el_jget(&j, 0, "b"), "k"), -1);     /* not an object */
    el_jline_free(&j);
}

/* 3. What jansson refuses is refused. */
static void jscan_refuses_bad_lines(void **state) {
    (void)state;
    static const char *const bad[] = {
        "", "{", "{\"a\":}", "{\"a\" 1}", "{a:1}", "[1,]", "[1 2]", "{\"a\":1,}", "01", "1.", "-",
        ".5", "1e", "tru", "nul", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\u0000\"",
        "\"a\tb\"", "\"\xff\"", "\"\xc0\x80\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"abc",
        "1e999", "{} {}", "[[[[", "\"\xe2\x82\"",
    };
    el_jline j = {0};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        if (parse(&j, bad[i]) != -1) fail_msg("accepted: %s", bad[i]);
    }
    char deep[2000];
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    assert_int_equal(parse(&j, deep), -1);
    assert_int_equal(parse(&j, "123456789012345678901234567890"), 0);   /* past 64 bits: a real */
    assert_int_equal(el_jtype_of(&j, 0), EL_JREAL);
    el_jline_free(&j);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jscan_reads_values),
        cmocka_unit_test(jscan_absent_chains),
        cmocka_unit_test(jscan_refuses_bad_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
