/* test_read.c: the hand reader of plain JSON Lines records (fast_record in
** read.c) against yajl's reading of the same line: whenever the hand reader
** takes a line, yajl takes it too and sets the same fields. Lines are seeds
** and their mutations (ASCII edits only: the reader is given text that is
** already valid UTF-8). read.c is included for its static functions. */
#include "testutil.h"
#include "../../src/read.c"

static const char *const seeds[] = {
    "{\"id\": \"business/001-0\", \"text\": \"Profits jumped 76% to $1.13bn (\\u00a3600m).\", \"date\": null}",
    "{\"id\":\"a\",\"text\":\"Il a dit \\\"non\\\" \\u00e0 Paris\\n\\tpuis \\/ \\\\ fin\",\"date\":\"2024-02-13\"}",
    "{\"id\":\"b\",\"title\":\"T\",\"dek\":\"D\",\"outlet\":\"O\",\"url\":\"u\",\"language\":\"en\",\"body\":\"x\",\"translated\":true}",
    "{\"id\":\"c\",\"text\":\"first\",\"text\":\"second\",\"translated\":false,\"translated\":null}",
    "{\"id\": 12, \"text\": \"a number id\"}",
    "{\"id\":\"d\",\"meta\":{\"a\":[1,2,{\"b\":\"c\"}]},\"text\":\"nested\"}",
    "{\"id\":\"e\",\"text\":\"emoji \\ud83d\\ude00 pair\"}",
    "{\"id\":\"f\",\"text\":\"nul \\u0000 inside\"}",
    "  {  \"id\" :\"g\" ,\t\"text\"  :  \"spaces\"  }  ",
    "{}",
    "{\"id\":\"h\",\"text\":\"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\",\"date\":\"2024-1\"}",
    "{\"\\u0069d\":\"i\",\"te\\u0078t\":\"escaped keys\"}",
    "{\"id\":\"j\",\"text\":\"DEL \x7F ok\",\"x\":true,\"y\":false,\"z\":null}",
    "[\"not\",\"an\",\"object\"]",
    "{\"id\":\"k\",\"text\":\"unterminated}",
    "{\"id\":\"l\",\"text\":\"two\"} {\"id\":\"m\"}",
};

static void same_fields(const jline *a, const jline *b, const char *line) {
    for (int f = 0; f < N_FIELDS; f++) {
        if (!a->str[f] || !b->str[f]) {
            if (a->str[f] != b->str[f]) fail_msg("field %d set by one reader only: %s", f, line);
            continue;
        }
        if (a->len[f] != b->len[f] || memcmp(a->str[f], b->str[f], a->len[f]) || a->is_str[f] != b->is_str[f])
            fail_msg("field %d differs: %s", f, line);
    }
    if (a->translated != b->translated) fail_msg("translated differs: %s", line);
}

/* Compare the two readers on one line; returns whether the hand one took it. */
static bool check_line(el_arena *a, const char *s, size_t n) {
    jline j1, j2;
    char why[160];
    bool fast = fast_record(&j1, a, s, n);
    const char *err = yajl_record(&j2, a, s, n, why, sizeof why);
    if (fast) {
        if (err) fail_msg("hand reader took a line yajl refuses (%s): %.*s", err, (int)n, s);
        same_fields(&j1, &j2, s);
    }
    el_arena_reset(a);
    return fast;
}

static void hand_reader_agrees_with_yajl(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    int took = 0, lines = 0;
    uint64_t rng = 0x9E3779B97F4A7C15ull;
    static const char alphabet[] = "{}[]\":,\\ u0aAfn tre1-.e/\t";
    char buf[512];
    for (size_t k = 0; k < sizeof seeds / sizeof *seeds; k++) {
        size_t n0 = strlen(seeds[k]);
        took += check_line(a, seeds[k], n0);
        lines++;
        for (int m = 0; m < 3000; m++) {
            memcpy(buf, seeds[k], n0);
            size_t n = n0;
            for (int e = 0; e < 1 + m % 3; e++) {
                rng = rng * 6364136223846793005ull + 1442695040888963407ull;
                size_t pos = (size_t)(rng >> 33) % (n + 1);
                char c = alphabet[(rng >> 20) % (sizeof alphabet - 1)];
                int op = (int)((rng >> 10) % 3);
                /* ASCII edits away from multi-byte characters keep the text valid UTF-8 */
                if (pos < n && (unsigned char)buf[pos] >= 0x80) continue;
                if (pos > 0 && pos < n && (unsigned char)buf[pos - 1] >= 0x80) continue;
                if (op == 0 && pos < n) buf[pos] = c;
                else if (op == 1 && n + 1 < sizeof buf) { memmove(buf + pos + 1, buf + pos, n - pos); buf[pos] = c; n++; }
                else if (op == 2 && pos < n) { memmove(buf + pos, buf + pos + 1, n - pos - 1); n--; }
            }
            took += check_line(a, buf, n);
            lines++;
        }
    }
    /* The seeds of plain records are taken by hand, so the test means something. */
    assert_true(took > lines / 20);
    el_arena_free(a);
}

/* A scalar after the object is refused, and the next line does not pay for
** it: a parser kept between lines once read "1" + the next line's "{". */
static void trailing_scalar_refused(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    jline j;
    char why[160];
    const char *l1 = "{\"id\":\"x\",\"text\":\"a\"} 1", *l2 = "{\"id\":\"y\",\"text\":\"b\"}";
    const char *err = parse_record(&j, a, l1, strlen(l1), why, sizeof why);
    assert_non_null(err);
    assert_string_equal(err, "more than one value on the line");
    assert_null(parse_record(&j, a, l2, strlen(l2), why, sizeof why));
    assert_null(yajl_record(&j, a, l2, strlen(l2), why, sizeof why));
    assert_string_equal(j.str[F_ID], "y");
    el_arena_free(a);
}

/* The plain seeds are the hand reader's; the odd ones are yajl's. */
static void hand_reader_declines_the_odd_ones(void **st) {
    (void)st;
    el_arena *a = el_arena_new(NULL, 0);
    jline j;
    assert_true(fast_record(&j, a, seeds[0], strlen(seeds[0])));
    assert_true(fast_record(&j, a, seeds[1], strlen(seeds[1])));
    assert_int_equal(j.len[F_TEXT], strlen("Il a dit \"non\" \xC3\xA0 Paris\n\tpuis / \\ fin"));
    assert_false(fast_record(&j, a, seeds[4], strlen(seeds[4])));      /* number */
    assert_false(fast_record(&j, a, seeds[5], strlen(seeds[5])));      /* nested */
    assert_false(fast_record(&j, a, seeds[6], strlen(seeds[6])));      /* surrogates */
    assert_false(fast_record(&j, a, seeds[7], strlen(seeds[7])));      /* \u0000 */
    assert_false(fast_record(&j, a, seeds[13], strlen(seeds[13])));    /* array */
    assert_false(fast_record(&j, a, seeds[15], strlen(seeds[15])));    /* two values */
    el_arena_free(a);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(hand_reader_agrees_with_yajl),
        cmocka_unit_test(hand_reader_declines_the_odd_ones),
        cmocka_unit_test(trailing_scalar_refused),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
