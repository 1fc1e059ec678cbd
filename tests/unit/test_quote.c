/* test_quote.c: quotes and speakers (annotate_quote.c), driven by
** tests/cases/quotes.tsv, and statement linking across articles (compare.c). */
#include "testutil.h"
#include "annotate_count.h"
#include "annotate_quote.h"
#include "compare.h"

static el_doc *plain_doc(el_arena *a, const char *id, const char *text, el_diag *d) {
    el_doc *doc = el_arena_calloc(a, sizeof *doc);
    doc->a = a;
    doc->file = doc->base = "case";
    doc->id = id;
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    assert_int_equal(el_read_text(tu_engine(), doc, text, strlen(text), d), EL_OK);
    doc->text_format = false;
    assert_int_equal(el_process_doc(tu_engine(), doc, EL_STAGE_QUOTES, d), EL_OK);
    return doc;
}

static bool str_is(const char *want, const char *got) {
    if (!strcmp(want, "-")) return got == NULL;
    return got && !strcmp(want, got);
}

/* One case of quotes.tsv; NULL when right, else what is wrong. */
static const char *one_case(el_arena *a, el_diag *d, char **f) {
    static char why[512];
    el_doc *doc = plain_doc(a, "t", f[0], d);
    const el_quote *q = NULL;
    size_t n = strlen(f[1]);
    for (size_t i = 0; i < doc->n_quotes && !q; i++)
        if (doc->quotes[i].end - doc->quotes[i].start >= n && !memcmp(doc->body + doc->quotes[i].start, f[1], n))
            q = &doc->quotes[i];
    if (!strcmp(f[2], "none")) return q ? "a quote was found" : NULL;
    if (!q) {
        snprintf(why, sizeof why, "no quote (%zu found)", doc->n_quotes);
        return why;
    }
    const char *type = q->type == EL_QUOTE_DIRECT ? "direct" : "indirect";
    if (strcmp(type, f[2]) || !str_is(f[3], q->speaker) || !str_is(f[4], q->entity)) {
        snprintf(why, sizeof why, "%s, speaker %s, entity %s", type, q->speaker ? q->speaker : "-",
                 q->entity ? q->entity : "-");
        return why;
    }
    if (q->speaker && memcmp(doc->body + q->spk_start, q->speaker, q->spk_end - q->spk_start))
        return "speaker offsets";
    return NULL;
}

static void quotes_table(void **st) {
    (void)st;
    FILE *f = fopen(tu_case_path("quotes.tsv"), "r");
    if (!f) { skip(); return; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    char line[8192];
    int n = 0, bad = 0, lineno = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[5];
        lineno++;
        if (line[0] == '#' || tu_split_tsv(line, fl, 5) != 5 || !strcmp(fl[0], "text")) continue;
        tu_unescape(fl[0]);
        n++;
        const char *why = one_case(a, &d, fl);
        if (why) {
            bad++;
            print_message("quotes.tsv:%d: %s: %s\n", lineno, fl[1], why);
        }
        el_arena_reset(a);
    }
    fclose(f);
    el_arena_free(a);
    el_diag_fini(&d);
    print_message("quotes.tsv: %d of %d cases right\n", n - bad, n);
    assert_true(n >= 40);
    assert_int_equal(bad, 0);
}

/* Statements: the same words in two outlets link; a negated twin does not. */
static void statements_link_across_articles(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_cmp *c = el_cmp_new();
    static const char *const texts[] = {
        "Prime Minister Benjamin Netanyahu spoke. His office said that \"Israel will not submit to "
        "Hamas' illusory demands.\"",
        "\xE2\x80\x9CPrime Minister Benjamin Netanyahu insists that Israel will not give in to "
        "Hamas's delusional demands,\xE2\x80\x9D his office said.",
        "\xE2\x80\x9CIsrael will submit to Hamas' illusory demands,\xE2\x80\x9D a critic said mockingly.",
        "\xE2\x80\x9CThe talks in Cairo were useful and will resume next week,\xE2\x80\x9D an Egyptian official said.",
    };
    const char *ids[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++) {
        el_doc *doc = plain_doc(a, ids[i], texts[i], &d);
        assert_int_equal(el_cmp_add_doc(c, doc, NULL), EL_OK);
        el_arena_reset(a);
    }
    size_t n = el_cmp_statements(c);
    long s[8] = {0};
    assert_true(n >= 4 && n <= 8);
    for (size_t i = 0; i < n; i++) {
        const char *art, *text;
        el_cmp_quote(c, i, &art, &text, &s[i]);
        assert_true(s[i] >= 0);
    }
    assert_int_equal(s[0], s[1]);            /* one statement, two translations */
    assert_true(s[2] != s[0]);               /* "will submit": negation differs */
    assert_true(s[3] != s[0]);
    el_cmp_free(c);
    el_arena_free(a);
    el_diag_fini(&d);
}

/* Counts: one figure repeated, one changed over time, one contradicted. */
static void counts_compare(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_cmp *c = el_cmp_new();
    static const struct { const char *id, *date, *text; } arts[] = {
        {"a", "2024-02-14", "Hamas still holds 134 hostages in Gaza since the October attack. "
                            "Terrorists killed 1,200 people in southern Israel during the October attack."},
        {"b", "2024-03-30", "Some 130 hostages remain held in Gaza since the October attack. "
                            "The October attack saw terrorists kill some 1,200 people in southern Israel."},
        {"c", "2024-03-30", "According to a Channel 12 report, Israel is willing to release as many as 800 prisoners. "
                            "Other reports suggested Israel was prepared to release 700 prisoners."},
    };
    for (int i = 0; i < 3; i++) {
        el_doc *doc = el_arena_calloc(a, sizeof *doc);
        doc->a = a;
        doc->file = doc->base = "case";
        doc->id = arts[i].id;
        doc->date = doc->header_date = EL_DATE_UNKNOWN;
        assert_int_equal(el_read_text(tu_engine(), doc, arts[i].text, strlen(arts[i].text), &d), EL_OK);
        doc->text_format = false;
        doc->date = el_date_parse(arts[i].date, 10);
        assert_int_equal(el_process_doc(tu_engine(), doc, EL_STAGE_QUOTES, &d), EL_OK);
        assert_int_equal(el_cmp_add_doc(c, doc, NULL), EL_OK);
        el_arena_reset(a);
    }
    el_comparison *x;
    size_t n = el_cmp_counts(c, &x);
    int seen = 0;
    for (size_t i = 0; i < n; i++) {
        print_message("%s %s: %s\n", el_count_kind_name(x[i].kind), el_verdict_name(x[i].verdict), x[i].summary);
        if (x[i].kind == EL_KIND_HOSTAGE) { assert_int_equal(x[i].verdict, EL_VERDICT_CHANGED); seen |= 1; }
        if (x[i].kind == EL_KIND_KILLED) { assert_int_equal(x[i].verdict, EL_VERDICT_AGREE); seen |= 2; }
        if (x[i].kind == EL_KIND_PRISONER) { assert_int_equal(x[i].verdict, EL_VERDICT_CONFLICTING); seen |= 4; }
    }
    assert_int_equal(seen, 7);
    el_cmp_free(c);
    el_arena_free(a);
    el_diag_fini(&d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quotes_table),
        cmocka_unit_test(statements_link_across_articles),
        cmocka_unit_test(counts_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
