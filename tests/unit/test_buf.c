/* test_buf.c: the number writers give printf's bytes, the plain key writer el_json_key's. */
#include "testutil.h"
#include <math.h>
#include "buf.h"

static void expect_fixed(double v, int prec) {
    char want[512];
    snprintf(want, sizeof want, "%.*f", prec, v);
    el_buf b = {0};
    el_buf_fixed(&b, v, prec);
    if (strcmp(b.p, want) != 0) fail_msg("%.17g at %d: got %s, want %s", v, prec, b.p, want);
    el_buf_free(&b);
}

/* Ties (0.125, 2.5), values just off them, signs, zero, tiny and large
** values, and many pseudo-random ones at every precision used. */
static void buf_fixed_is_printf(void **st) {
    (void)st;
    static const double cases[] = {
        0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, -0.125, 0.05, 0.15, 0.25, 0.35, 1e-300,
        -1e-300, 5e-324, 0.04999999999999999, 0.95, 9.95, 99.995, 1234.5, 2024.6712328767123,
        51.5073509, -0.1278, 179.99995, -179.99995, 999999999.5, 999999999.4, 1e9, -1e9, 3e15,
        1e300, INFINITY, -INFINITY, NAN, 10.0, -7.2, 4.4, 0.45, 1.0000000000000002,
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        for (int p = 0; p <= 9; p++) expect_fixed(cases[i], p);
    unsigned long long x = 88172645463325252ULL;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        double scale[] = {1, 10, 1000, 1e6, 1e-3};
        double v = ((double)(x >> 11) / 9007199254740992.0 - 0.5) * 2 * scale[i % 5];
        expect_fixed(v, i % 10);
        expect_fixed(round(v * 1000) / 1000 + 0.0005, 3);   /* near ties */
        expect_fixed((double)(long long)(v * 100) / 8.0, 2);  /* exact ties */
    }
}

static void buf_int_is_printf(void **st) {
    (void)st;
    static const long long cases[] = {0, 1, -1, 9, 10, 99, 100, 123456789, -987654321, 2147483647LL,
                                      -2147483648LL, 9223372036854775807LL, -9223372036854775807LL - 1};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char want[32];
        snprintf(want, sizeof want, "%lld", cases[i]);
        el_buf b = {0};
        el_buf_int(&b, cases[i]);
        assert_string_equal(b.p, want);
        el_buf_free(&b);
    }
}

/* A plain key gives el_json_key's bytes, first or not. */
static void buf_json_key_plain_is_json_key(void **st) {
    (void)st;
    static const char *const keys[] = {"id", "date_granularity", "num_mentions", "x", ""};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        for (int first = 0; first <= 1; first++) {
            el_buf a = {0}, b = {0};
            int fa = first, fb = first;
            el_buf_puts(&a, "{");
            el_buf_puts(&b, "{");
            el_json_key(&a, keys[i], &fa);
            el_json_key_plain(&b, keys[i], &fb);
            assert_string_equal(a.p, b.p);
            assert_int_equal(a.len, b.len);
            assert_int_equal(fa, fb);
            el_buf_free(&a);
            el_buf_free(&b);
        }
}

/* el_json_str (which skips clean stretches eight bytes at a time) against a
** plain byte-by-byte escaper, for every byte value at every offset. */
static void ref_json_str(char *out, const unsigned char *s, size_t n) {
    char *o = out;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c == '"') o += sprintf(o, "\\\"");
        else if (c == '\\') o += sprintf(o, "\\\\");
        else if (c == '\n') o += sprintf(o, "\\n");
        else if (c == '\r') o += sprintf(o, "\\r");
        else if (c == '\t') o += sprintf(o, "\\t");
        else if (c < 0x20 || c == 0x7f) o += sprintf(o, "\\u%04x", c);
        else *o++ = (char)c;
    }
    *o++ = '"';
    *o = '\0';
}

static void json_str_escapes_every_byte_anywhere(void **st) {
    (void)st;
    unsigned char s[40];
    char want[400];
    for (unsigned c = 1; c < 256; c++)
        for (size_t at = 0; at < 24; at++) {
            size_t n = 24 + at % 9;
            for (size_t i = 0; i < n; i++) s[i] = (unsigned char)('a' + i % 26);
            s[at] = (unsigned char)c;
            ref_json_str(want, s, n);
            el_buf b = {0};
            el_json_str(&b, (const char *)s, n);
            assert_string_equal(b.p, want);
            el_buf_free(&b);
        }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(json_str_escapes_every_byte_anywhere),
        cmocka_unit_test(buf_fixed_is_printf),
        cmocka_unit_test(buf_int_is_printf),
        cmocka_unit_test(buf_json_key_plain_is_json_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
