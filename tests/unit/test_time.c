/* test_time.c: temporal expressions (annotate_time.c). The table
** tests/cases/times.tsv gives a publication date, a sentence, the expression
** exactly as it must be found and the accepted values; a few direct tests
** cover el_time_for_span and the spans and types the table does not show. */
#include "testutil.h"
#include "annotate_time.h"

typedef struct fixture { el_arena *a; el_diag d; } fixture;

static int setup(void **st) {
    fixture *f = calloc(1, sizeof *f);
    f->a = el_arena_new(NULL, 0);
    el_diag_init(&f->d, NULL);
    *st = f;
    return tu_engine() ? 0 : -1;
}

static int teardown(void **st) {
    fixture *f = *st;
    el_arena_free(f->a);
    el_diag_fini(&f->d);
    free(f);
    return 0;
}

/* A one-paragraph doc (no title guessing) with publication date pub ("-": none). */
static el_doc *time_doc(fixture *f, const char *text, const char *pub) {
    el_doc *doc = el_arena_calloc(f->a, sizeof *doc);
    doc->a = f->a;
    doc->file = doc->base = "case";
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    assert_int_equal(el_read_text(tu_engine(), doc, text, strlen(text), &f->d), EL_OK);
    doc->text_format = false;
    if (pub && strcmp(pub, "-") != 0) {
        doc->date = el_date_parse(pub, strlen(pub));
        assert_true(doc->date != EL_DATE_UNKNOWN);
        doc->date_source = EL_DATE_META;
    }
    assert_int_equal(el_process_doc(tu_engine(), doc, EL_STAGE_SEGMENT, &f->d), EL_OK);
    return doc;
}

/* What the table writes for x: the value, the day plus "T"+part, or VAGUE. */
static void shown(const el_timex *x, char *out, size_t n) {
    if (!x->value) snprintf(out, n, "VAGUE");
    else if (x->part) snprintf(out, n, "%sT%s", x->value, x->part);
    else snprintf(out, n, "%s", x->value);
}

static bool accepted(const char *got, const char *want) {
    size_t gl = strlen(got);
    for (const char *p = want;;) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        if (l == gl && memcmp(p, got, l) == 0) return true;
        if (!bar) return false;
        p = bar + 1;
    }
}

/* Check one table row; returns 0 when right, else prints why and returns 1. */
static int check_case(fixture *f, char **fl) {
    el_doc *doc = time_doc(f, fl[2], fl[1]);
    el_timex *tx;
    size_t n;
    assert_int_equal(el_time_annotate(tu_engine(), doc, &tx, &n), EL_OK);
    const char *at = strstr(doc->body, fl[3]);
    if (!at) { print_message("%s: '%s' not in the cleaned body\n", fl[0], fl[3]); return 1; }
    uint32_t s = (uint32_t)(at - doc->body), e = s + (uint32_t)strlen(fl[3]);
    const el_timex *hit = NULL;
    for (size_t i = 0; i < n; i++)
        if (tx[i].start < e && tx[i].end > s) { hit = &tx[i]; break; }
    bool none = strcmp(fl[4], "-") == 0;
    char got[64];
    if (!hit) {
        if (none) return 0;
        print_message("%s: '%s' not found in: %s\n", fl[0], fl[3], fl[2]);
        return 1;
    }
    shown(hit, got, sizeof got);
    if (none) {
        print_message("%s: '%.*s' found (%s) but must not be\n", fl[0],
                      (int)(hit->end - hit->start), doc->body + hit->start, got);
        return 1;
    }
    if (hit->start != s || hit->end != e || !accepted(got, fl[4])) {
        print_message("%s: want '%s' = %s, got '%.*s' = %s (pub %s)\n", fl[0], fl[3], fl[4],
                      (int)(hit->end - hit->start), doc->body + hit->start, got, fl[1]);
        return 1;
    }
    if (!hit->value != (hit->type == EL_TIME_VAGUE)) {
        print_message("%s: type and value disagree\n", fl[0]);
        return 1;
    }
    return 0;
}

static void times_table(void **st) {
    fixture *f = *st;
    FILE *fp = fopen(tu_case_path("times.tsv"), "r");
    if (!fp) { print_message("times.tsv not found: skipped\n"); skip(); return; }
    char line[4096];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, fp)) {
        char *fl[5];
        if (line[0] == '#' || line[0] == '\n' || tu_split_tsv(line, fl, 5) != 5) continue;
        tu_unescape(fl[2]);
        n++;
        bad += check_case(f, fl);
        el_arena_reset(f->a);
    }
    fclose(fp);
    print_message("times.tsv: %d of %d cases right\n", n - bad, n);
    assert_true(n >= 200);
    assert_int_equal(bad, 0);
}

/* Offsets, sentence index, types and the covered days of a few kinds. */
static void spans_types_and_days(void **st) {
    fixture *f = *st;
    const char *text = "Aid fell. The envoy met rebels on Tuesday for three more days this week.";
    el_doc *doc = time_doc(f, text, "2024-02-14");
    el_timex *tx;
    size_t n;
    assert_int_equal(el_time_annotate(tu_engine(), doc, &tx, &n), EL_OK);
    assert_int_equal(n, 3);
    assert_int_equal(tx[0].sent, 1);
    assert_int_equal(tx[0].type, EL_TIME_DATE);
    assert_int_equal(tx[0].end - tx[0].start, strlen("Tuesday"));
    assert_memory_equal(doc->body + tx[0].start, "Tuesday", 7);
    assert_int_equal(tx[0].first, el_date_from_ymd(2024, 2, 13));
    assert_int_equal(tx[1].type, EL_TIME_DURATION);
    assert_string_equal(tx[1].value, "P3D");
    assert_int_equal(tx[1].first, EL_DATE_UNKNOWN);
    assert_string_equal(tx[2].granularity, "week");
    assert_int_equal(tx[2].first, el_date_from_ymd(2024, 2, 12));
    assert_int_equal(tx[2].last, el_date_from_ymd(2024, 2, 18));
}

static void weekend_and_month_cover_their_days(void **st) {
    fixture *f = *st;
    el_doc *doc = time_doc(f, "Talks stalled over the weekend and collapsed in November.", "2024-02-14");
    el_timex *tx;
    size_t n;
    assert_int_equal(el_time_annotate(tu_engine(), doc, &tx, &n), EL_OK);
    assert_int_equal(n, 2);
    assert_string_equal(tx[0].value, "2024-W06-WE");
    assert_int_equal(tx[0].first, el_date_from_ymd(2024, 2, 10));
    assert_int_equal(tx[0].last, el_date_from_ymd(2024, 2, 11));
    assert_string_equal(tx[1].value, "2023-11");
    assert_int_equal(tx[1].first, el_date_from_ymd(2023, 11, 1));
    assert_int_equal(tx[1].last, el_date_from_ymd(2023, 11, 30));
}

/* The coder's question: which date governs this clause? */
static void time_for_span(void **st) {
    fixture *f = *st;
    const char *text = "The army withdrew on Monday; talks will resume on Sunday. Aid arrived.";
    el_doc *doc = time_doc(f, text, "2024-03-30");
    el_timex *tx;
    size_t n;
    assert_int_equal(el_time_annotate(tu_engine(), doc, &tx, &n), EL_OK);
    assert_int_equal(n, 2);
    const char *g = NULL;
    bool pub = true;
    uint32_t withdrew = (uint32_t)(strstr(doc->body, "withdrew") - doc->body);
    uint32_t resume = (uint32_t)(strstr(doc->body, "resume") - doc->body);
    assert_int_equal(el_time_for_span(doc, tx, n, 0, withdrew, &g, &pub), el_date_from_ymd(2024, 3, 25));
    assert_false(pub);
    assert_string_equal(g, "day");
    /* "resume" is nearer Monday in bytes than... no: the semicolon keeps it with Sunday. */
    assert_int_equal(el_time_for_span(doc, tx, n, 0, resume, &g, &pub), el_date_from_ymd(2024, 3, 31));
    assert_int_equal(el_time_for_span(doc, tx, n, 0, UINT32_MAX, &g, &pub), el_date_from_ymd(2024, 3, 25));
    assert_int_equal(el_time_for_span(doc, tx, n, 1, UINT32_MAX, &g, &pub), el_date_from_ymd(2024, 3, 30));
    assert_true(pub);
    el_doc *undated = time_doc(f, "Aid arrived.", "-");
    assert_int_equal(el_time_for_span(undated, NULL, 0, 0, UINT32_MAX, &g, &pub), EL_DATE_UNKNOWN);
    assert_false(pub);
    assert_string_equal(g, "unknown");
}

/* An empty body and a body without a time give nothing, and no failure. */
static void nothing_found(void **st) {
    fixture *f = *st;
    el_doc *doc = time_doc(f, "The delegates argued about the wording of the preamble.", "2024-02-14");
    el_timex *tx;
    size_t n = 99;
    assert_int_equal(el_time_annotate(tu_engine(), doc, &tx, &n), EL_OK);
    assert_int_equal(n, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(times_table, setup, teardown),
        cmocka_unit_test_setup_teardown(spans_types_and_days, setup, teardown),
        cmocka_unit_test_setup_teardown(weekend_and_month_cover_their_days, setup, teardown),
        cmocka_unit_test_setup_teardown(time_for_span, setup, teardown),
        cmocka_unit_test_setup_teardown(nothing_found, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
