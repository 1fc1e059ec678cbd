/* test_count.c: numbers and counts (annotate_count.c). The table
** tests/cases/numbers.tsv drives normalisation, classes and kinds; the
** cases below check subjects, attribution, dates, places and failure. */
#include <math.h>
#include "testutil.h"
#include "annotate_count.h"

/* A doc from plain text (no title guessing), segmented, with a publication date. */
static el_doc *plain_doc(el_arena *a, const char *text, const char *pub, el_diag *d) {
    el_doc *doc = el_arena_calloc(a, sizeof *doc);
    doc->a = a;
    doc->file = doc->base = "case";
    doc->id = "t";
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    assert_int_equal(el_read_text(tu_engine(), doc, text, strlen(text), d), EL_OK);
    doc->text_format = false;
    if (pub) { doc->date = el_date_parse(pub, strlen(pub)); doc->date_source = EL_DATE_META; }
    assert_int_equal(el_process_doc(tu_engine(), doc, EL_STAGE_COUNTS, d), EL_OK);
    return doc;
}

/* "-" is null; else a number that must equal v. */
static bool num_ok(const char *want, double v) {
    if (!strcmp(want, "-")) return isnan(v);
    return !isnan(v) && fabs(strtod(want, NULL) - v) < 1e-6;
}

static const el_number *find_number(const el_doc *doc, const char *text, el_number *buf, size_t max) {
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        size_t n = el_numbers_find(doc, s, buf, max);
        if (n > max) n = max;
        for (size_t i = 0; i < n; i++)
            if (buf[i].end - buf[i].start == strlen(text) &&
                !memcmp(doc->body + buf[i].start, text, strlen(text)))
                return &buf[i];
    }
    return NULL;
}

static const el_count *find_count(const el_doc *doc, uint32_t start) {
    for (size_t i = 0; i < doc->n_counts; i++)
        if (doc->counts[i].start == start) return &doc->counts[i];
    return NULL;
}

/* One case of numbers.tsv; returns NULL when right, else what is wrong. */
static const char *one_case(el_arena *a, el_diag *d, char **f) {
    static char why[256];
    el_doc *doc = plain_doc(a, f[0], "2024-02-14", d);
    el_number buf[32];
    const el_number *n = find_number(doc, f[1], buf, 32);
    if (!strcmp(f[2], "-")) {
        if (n && n->cls == EL_NUM_COUNT) return "recognised as a count";
    } else {
        if (!n) return "figure not found";
        if (strcmp(el_num_class_name(n->cls), f[2])) {
            snprintf(why, sizeof why, "class %s", el_num_class_name(n->cls));
            return why;
        }
        /* Figures and qualifiers are checked for counts, money and percentages;
        ** a year or an age only has to be told apart. */
        if (n->cls != EL_NUM_COUNT && n->cls != EL_NUM_MONEY && n->cls != EL_NUM_PERCENT) goto kind;
        if (!num_ok(f[3], n->value) || !num_ok(f[4], n->min) || !num_ok(f[5], n->max)) {
            snprintf(why, sizeof why, "value %g min %g max %g", n->value, n->min, n->max);
            return why;
        }
        const char *q = el_qual_name(n->qual);
        if (strcmp(q ? q : "-", f[6])) {
            snprintf(why, sizeof why, "qualifier %s", q ? q : "-");
            return why;
        }
    }
kind:
    if (!strcmp(f[7], "-")) return NULL;
    const el_count *c = n ? find_count(doc, n->start) : NULL;
    if (!strcmp(f[7], "none")) return c ? "a count was made" : NULL;
    if (!c) return "no count made";
    if (strcmp(el_count_kind_name(c->kind), f[7])) {
        snprintf(why, sizeof why, "kind %s", el_count_kind_name(c->kind));
        return why;
    }
    return NULL;
}

static void numbers_table(void **st) {
    (void)st;
    FILE *f = fopen(tu_case_path("numbers.tsv"), "r");
    if (!f) { skip(); return; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    char line[4096];
    int n = 0, bad = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[8];
        lineno++;
        if (line[0] == '#' || tu_split_tsv(line, fl, 8) != 8 || !strcmp(fl[0], "sentence")) continue;
        n++;
        const char *why = one_case(a, &d, fl);
        if (why) {
            bad++;
            print_message("numbers.tsv:%d: %s | %s: %s\n", lineno, fl[0], fl[1], why);
        }
        el_arena_reset(a);
    }
    fclose(f);
    el_arena_free(a);
    el_diag_fini(&d);
    print_message("numbers.tsv: %d of %d cases right\n", n - bad, n);
    assert_true(n >= 120);
    assert_int_equal(bad, 0);
}

static const el_count *count_at(const el_doc *doc, const char *text) {
    const char *p = strstr(doc->body, text);
    assert_non_null(p);
    const el_count *c = find_count(doc, (uint32_t)(p - doc->body));
    assert_non_null(c);
    return c;
}

static void attribution_subject_place(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = plain_doc(a,
        "A raid in Rafah killed at least 74 Palestinians according to Hamas health officials, "
        "whose figures do not distinguish fighters.\n\n"
        "According to a Channel 12 report, Israel is willing to release as many as 800 prisoners. "
        "Other reports suggested Israel was prepared to release 700 security prisoners.", "2024-02-13", &d);
    const el_count *c = count_at(doc, "at least 74");
    assert_int_equal(c->kind, EL_KIND_KILLED);
    assert_string_equal(c->subject, "Palestinians");
    assert_string_equal(c->place, "Rafah");
    assert_true(c->attr_end > c->attr_start);
    assert_memory_equal(doc->body + c->attr_start, "according to Hamas health officials", 35);
    assert_memory_equal(doc->body + c->src_start, "Hamas health officials", 22);
    assert_string_equal(c->date, "2024-02-13");
    c = count_at(doc, "as many as 800");
    assert_int_equal(c->kind, EL_KIND_PRISONER);
    assert_int_equal(c->stance, EL_STANCE_OFFERED);
    assert_memory_equal(doc->body + c->attr_start, "According to a Channel 12 report", 32);
    c = count_at(doc, "700");
    assert_memory_equal(doc->body + c->attr_start, "Other reports suggested", 23);
    el_arena_free(a);
    el_diag_fini(&d);
}

static void subjects_carry_over(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = plain_doc(a,
        "The main obstacle is the number of prisoners that Hamas asks Israel to release, in "
        "principle more than a thousand, in exchange for the 134 hostages, at least thirty of them dead. "
        "Terrorists killed 1,200 people and abducted another 253.", "2024-02-14", &d);
    const el_count *c = count_at(doc, "more than a thousand");
    assert_string_equal(c->subject, "prisoners");
    assert_int_equal(c->kind, EL_KIND_PRISONER);
    assert_int_equal(c->stance, EL_STANCE_DEMANDED);
    c = count_at(doc, "at least thirty");
    assert_string_equal(c->subject, "hostages");
    assert_int_equal(c->kind, EL_KIND_KILLED);
    c = count_at(doc, "253");
    assert_string_equal(c->subject, "people");
    assert_int_equal(c->kind, EL_KIND_KIDNAPPED);
    el_arena_free(a);
    el_diag_fini(&d);
}

static void date_without_times_is_publication(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = plain_doc(a, "Some 130 hostages remain in Gaza.", "2024-03-30", &d);
    const el_count *c = count_at(doc, "Some 130");
    assert_true(c->date_from_pub || doc->n_times);
    assert_string_equal(c->date, "2024-03-30");
    doc = plain_doc(a, "Some 130 hostages remain in Gaza.", NULL, &d);
    c = count_at(doc, "Some 130");
    assert_null(c->date);
    el_arena_free(a);
    el_diag_fini(&d);
}

/* A heap that fails after n chunks, for the out-of-memory path. */
typedef struct failheap { int left; } failheap;
static void *fh_get(void *ud, size_t n) {
    failheap *h = ud;
    return h->left-- > 0 ? malloc(n) : NULL;
}
static void fh_put(void *ud, void *p, size_t n) { (void)ud; (void)n; free(p); }

static void out_of_memory_is_reported(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, fopen("/dev/null", "w"));
    char text[20000] = "";
    for (int i = 0; i < 200; i++) strcat(text, "At least 74 people were killed and 12 wounded. ");
    for (int fail = 1; fail < 6; fail++) {
        failheap h = {fail};
        el_heap heap = {fh_get, fh_put, &h};
        el_arena *a = el_arena_new(&heap, 4096);
        if (!a) continue;
        el_doc *doc = el_arena_calloc(a, sizeof *doc);
        if (doc) {
            doc->a = a;
            doc->file = doc->base = "case";
            doc->date = doc->header_date = EL_DATE_UNKNOWN;
            int rc = el_read_text(tu_engine(), doc, text, strlen(text), &d);
            if (rc == EL_OK) rc = el_process_doc(tu_engine(), doc, EL_STAGE_COUNTS, &d);
            assert_true(rc == EL_OK || rc == EL_ENOMEM);
        }
        el_arena_free(a);
    }
    fclose(d.out);
    el_diag_fini(&d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_table),
        cmocka_unit_test(attribution_subject_place),
        cmocka_unit_test(subjects_carry_over),
        cmocka_unit_test(date_without_times_is_publication),
        cmocka_unit_test(out_of_memory_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
