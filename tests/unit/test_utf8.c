/* test_utf8.c: repair, NUL and control dropping, NFC, JSON escaping. */
#include "testutil.h"
#include "buf.h"
#include "utf8.h"

static char *clean(el_arena *a, const char *s, size_t n, el_utf8_report *r) {
    size_t on;
    return el_utf8_clean(a, s, n, &on, r);
}

static void utf8_valid_text_unchanged(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    el_utf8_report r;
    const char *s = "Tuesday\xE2\x80\x99s talks in Cairo \xD7\xA0\xD7\xAA \xF0\x9F\x98\x80";
    assert_string_equal(clean(a, s, strlen(s), &r), s);
    assert_int_equal(r.n_invalid, 0);
    el_arena_free(a);
}

static void utf8_invalid_bytes_become_fffd(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    el_utf8_report r;
    static const struct { const char *in, *out; size_t bad; } c[] = {
        {"a\xFF" "b", "a\xEF\xBF\xBD" "b", 1},
        {"\xC3(", "\xEF\xBF\xBD(", 1},                         /* truncated 2-byte */
        {"\xE2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},           /* truncated 3-byte at end */
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},           /* overlong slash */
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},  /* surrogate */
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        assert_string_equal(clean(a, c[i].in, strlen(c[i].in), &r), c[i].out);
        assert_int_equal(r.n_invalid, c[i].bad);
    }
    el_arena_free(a);
}

static void utf8_nul_and_controls_dropped(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    el_utf8_report r;
    const char in[] = "a\0b\x01\r\nc\rd";
    assert_string_equal(clean(a, in, sizeof in - 1, &r), "ab\nc\nd");
    assert_int_equal(r.n_nul, 1);
    assert_int_equal(r.first_nul, 1);
    assert_int_equal(r.n_ctrl, 1);
    el_arena_free(a);
}

/* The cleaner copies plain ASCII eight bytes at a time: every kind of byte
** it must stop for is tried at every place of a 24-byte stretch, and the
** result compared with what the byte-at-a-time rules give. */
static void utf8_special_byte_anywhere(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    el_utf8_report r;
    static const struct { const char *b; size_t n; const char *out; } sp[] = {
        {"\0", 1, ""}, {"\x01", 1, ""}, {"\x1f", 1, ""}, {"\r", 1, "\n"}, {"\t", 1, "\t"},
        {"\x7f", 1, "\x7f"}, {"\xC3\xA9", 2, "\xC3\xA9"}, {"\xFF", 1, "\xEF\xBF\xBD"}, {" ", 1, " "},
    };
    const char *text = "Talks resumed in Cairo.!";                 /* 24 bytes */
    for (size_t k = 0; k < sizeof sp / sizeof sp[0]; k++)
        for (size_t at = 0; at <= 24; at++) {
            char in[64], want[64];
            size_t n = 0, w = 0;
            memcpy(in, text, at); n = at;
            memcpy(in + n, sp[k].b, sp[k].n); n += sp[k].n;
            memcpy(in + n, text + at, 24 - at); n += 24 - at;
            memcpy(want, text, at); w = at;
            memcpy(want + w, sp[k].out, strlen(sp[k].out)); w += strlen(sp[k].out);
            memcpy(want + w, text + at, 24 - at); w += 24 - at;
            want[w] = '\0';
            assert_string_equal(clean(a, in, n, &r), want);
        }
    el_arena_free(a);
}

static void utf8_nfc_composes(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    el_utf8_report r;
    /* e + combining acute -> é; Angstrom sign -> Å */
    assert_string_equal(clean(a, "Re\xCC\x81seau \xE2\x84\xAB", 12, &r), "R\xC3\xA9seau \xC3\x85");
    el_arena_free(a);
}

/* Cutting text to a byte budget never splits a character. */
static void utf8_cut_at_boundary(void **st) {
    (void)st;
    const char *s = "ab\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";   /* a b é ’ 😀: 2+2+3+4 bytes */
    size_t n = strlen(s);
    static const size_t want[] = {0, 1, 2, 2, 4, 4, 4, 7, 7, 7, 7, 11, 11};
    for (size_t max = 0; max < sizeof want / sizeof *want; max++)
        assert_int_equal(el_utf8_cut(s, n, max), want[max]);
}

static void json_escapes(void **st) {
    (void)st;
    el_buf b = {0};
    el_json_str(&b, "a\"b\\c\nd\x01\x7f\xE2\x80\x9C", 12);
    assert_string_equal(b.p, "\"a\\\"b\\\\c\\nd\\u0001\\u007f\xE2\x80\x9C\"");
    b.len = 0;
    el_json_strz(&b, NULL);
    el_json_date(&b, EL_DATE_UNKNOWN);
    el_json_date(&b, el_date_from_ymd(2024, 2, 13));
    el_json_bool(&b, -1);
    assert_string_equal(b.p, "nullnull\"2024-02-13\"null");
    el_buf_free(&b);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(utf8_valid_text_unchanged), cmocka_unit_test(utf8_invalid_bytes_become_fffd),
        cmocka_unit_test(utf8_nul_and_controls_dropped), cmocka_unit_test(utf8_nfc_composes),
        cmocka_unit_test(json_escapes), cmocka_unit_test(utf8_cut_at_boundary),
        cmocka_unit_test(utf8_special_byte_anywhere),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
