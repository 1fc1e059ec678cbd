/* test_clean.c: debris by kind (tests/cases/debris.tsv), repeats, captions
** before credits, title and dek, date inference and its refusal. */
#include "testutil.h"
#include "utf8.h"

static const char *before = "Talks between the two delegations resumed on Monday in the capital, officials said.";
static const char *after = "Both delegations returned home after the session ended without an agreement.";

static int kind_of(const char *name) {
    for (int k = 0; k < EL_DEBRIS__COUNT; k++) if (strcmp(el_debris_names[k], name) == 0) return k;
    return -1;
}

static void debris_table(void **st) {
    (void)st;
    FILE *f = fopen(tu_case_path("debris.tsv"), "r");
    if (!f) { skip(); return; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    char line[8192], text[12000];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[3];
        if (line[0] == '#' || tu_split_tsv(line, fl, 3) != 3) continue;
        tu_unescape(fl[2]);
        snprintf(text, sizeof text, "%s\n\n%s\n\n%s", before, fl[2], after);
        el_doc *doc = tu_doc(a, text, "2025-03-11", &d);
        assert_non_null(doc);
        int want = strcmp(fl[1], "keep") == 0 ? -1 : kind_of(fl[1]);
        int got = -1;
        for (size_t i = 0; i < doc->n_removed; i++)
            if (strcmp(doc->removed[i].text, fl[2]) == 0) got = doc->removed[i].kind;
        bool in_body = strstr(doc->body, fl[2]) != NULL;
        n++;
        if (got != want || (want < 0) != in_body || !strstr(doc->body, before) || !strstr(doc->body, after)) {
            bad++;
            print_message("%s: want %s, got %s: %s\n", fl[0], fl[1], got < 0 ? "keep" : el_debris_names[got], fl[2]);
        }
        el_arena_reset(a);
    }
    fclose(f);
    el_arena_free(a);
    el_diag_fini(&d);
    print_message("debris.tsv: %d of %d cases right\n", n - bad, n);
    assert_true(n >= 60);
    assert_int_equal(bad, 0);
}

static void clean_repeats_and_caption_before_credit(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(a,
        "The envoy left Cairo on Tuesday, ending two days of talks with both sides.\n"
        "2 View gallery\n"
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x9C\xD7\x99\xD7\x9B\xD7\x9D\n"
        "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x9C\xD7\x99\xD7\x9B\xD7\x9D\n"
        "Omar Haddad, Lina Farouk\n"
        "(Photo: Sami Aziz, Reuters)\n"
        "Mediators said a new round would follow within two weeks.\n", "2025-03-12", &d);
    assert_int_equal(doc->n_removed, 4);
    assert_int_equal(doc->removed[0].kind, EL_DEBRIS_GALLERY);
    assert_int_equal(doc->removed[1].kind, EL_DEBRIS_ALT_TEXT);
    assert_int_equal(doc->removed[1].repeat, 2);
    assert_int_equal(doc->removed[1].raw_line, 3);
    assert_int_equal(doc->removed[2].kind, EL_DEBRIS_CAPTION);
    assert_string_equal(doc->removed[2].text, "Omar Haddad, Lina Farouk");
    assert_int_equal(doc->removed[3].kind, EL_DEBRIS_CREDIT);
    assert_int_equal(doc->n_paras, 2);
    assert_string_equal(doc->body, "The envoy left Cairo on Tuesday, ending two days of talks with both sides.\n\n"
                                   "Mediators said a new round would follow within two weeks.");
    el_arena_free(a);
    el_diag_fini(&d);
}

static void clean_title_and_dek(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(a, "Truce talks to resume in Cairo\n\nMediators hope for a deal before the holiday; both sides send teams\n\n"
                            "Talks will resume on Sunday, officials said.\n", NULL, &d);
    assert_string_equal(doc->title, "Truce talks to resume in Cairo");
    assert_string_equal(doc->dek, "Mediators hope for a deal before the holiday; both sides send teams");
    assert_string_equal(doc->body, "Talks will resume on Sunday, officials said.");
    /* A first line that ends a sentence is body, not a title. */
    doc = tu_doc(a, "Talks will resume on Sunday.\n\nOfficials said so.\n", NULL, &d);
    assert_null(doc->title);
    assert_int_equal(doc->n_paras, 2);
    el_arena_free(a);
    el_diag_fini(&d);
}

static void clean_infers_date_only_with_evidence(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    char ds[11];
    /* A wire slug and a matching weekday. */
    el_doc *doc = tu_doc(a, "Talks ended on Wednesday without a deal.\n\nAFP 20250312 7QWXYZ v1 HighRes Tags e1741774407000\n\nMore talks are planned.\n", NULL, &d);
    assert_int_equal(doc->date_source, EL_DATE_INFERRED);
    el_date_format(doc->date, ds);
    assert_string_equal(ds, "2025-03-12");
    assert_non_null(strstr(doc->date_evidence, "on Wednesday"));
    /* A dated caption alone is not enough. */
    doc = tu_doc(a, "Talks ended without a deal.\n\nDelegates arrive in Cairo, March 11, 2025. (Omar Haddad/Reuters)\n\nMore talks are planned.\n", NULL, &d);
    assert_int_equal(doc->date_source, EL_DATE_NONE);
    assert_int_equal(doc->date, EL_DATE_UNKNOWN);
    /* A dated caption with the body's weekday agreeing is. */
    doc = tu_doc(a, "Talks opened on Tuesday in Cairo.\n\nDelegates arrive in Cairo, March 11, 2025. (Omar Haddad/Reuters)\n\nMore talks are planned.\n", NULL, &d);
    assert_int_equal(doc->date_source, EL_DATE_INFERRED);
    el_date_format(doc->date, ds);
    assert_string_equal(ds, "2025-03-11");
    /* The weekday disagreeing: no date. */
    doc = tu_doc(a, "Talks opened on Friday in Cairo.\n\nDelegates arrive in Cairo, March 11, 2025. (Omar Haddad/Reuters)\n\nMore talks are planned.\n", NULL, &d);
    assert_int_equal(doc->date_source, EL_DATE_NONE);
    el_arena_free(a);
    el_diag_fini(&d);
}

/* Found by fuzzing: the evidence quotes the slug cut to 60 bytes, and the cut
** fell inside a character, so the JSON written was not UTF-8. */
static void clean_evidence_cut_at_a_character(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(a, "Talks ended on Wednesday without a deal.\n\nAFP 20250312 7QW3MB v1 HighRes EgyptSudanCo"
                            "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"
                            "\n\nMore talks are planned.\n", NULL, &d);
    assert_int_equal(doc->date_source, EL_DATE_INFERRED);
    el_utf8_report rep;
    size_t n;
    el_utf8_clean(a, doc->date_evidence, strlen(doc->date_evidence), &n, &rep);
    assert_int_equal(rep.n_invalid, 0);
    assert_non_null(strstr(doc->date_evidence, "EgyptSudanCo\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9...'"));
    el_arena_free(a);
    el_diag_fini(&d);
}

static void clean_header_date_leaves_body(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(a, " date 2024-02-14 Officials met in Cairo on Tuesday.\n\nThey left on Wednesday.", NULL, &d);
    assert_int_equal(doc->date_source, EL_DATE_HEADER);
    assert_string_equal(doc->body, "Officials met in Cairo on Tuesday.\n\nThey left on Wednesday.");
    assert_null(doc->title);
    el_arena_free(a);
    el_diag_fini(&d);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(debris_table), cmocka_unit_test(clean_repeats_and_caption_before_credit),
        cmocka_unit_test(clean_title_and_dek), cmocka_unit_test(clean_infers_date_only_with_evidence),
        cmocka_unit_test(clean_header_date_leaves_body), cmocka_unit_test(clean_evidence_cut_at_a_character),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
