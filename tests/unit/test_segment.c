/* test_segment.c: sentence splitting (tests/cases/sentences.tsv), tokens,
** offsets and lemmas. */
#include "testutil.h"
#include "strmap.h"
#include "textutil.h"

/* Collapse runs of white space to one space, for comparing sentence text. */
static void squash(char *s) {
    char *o = s;
    int sp = 0;
    for (char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t') { sp = 1; continue; }
        if (sp && o > s) *o++ = ' ';
        sp = 0;
        *o++ = *p;
    }
    *o = '\0';
}

static el_doc *plain_doc(el_arena *a, const char *text, el_diag *d) {
    el_doc *doc = el_arena_calloc(a, sizeof *doc);
    doc->a = a;
    doc->file = doc->base = "case";
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    assert_int_equal(el_read_text(tu_engine(), doc, text, strlen(text), d), EL_OK);
    doc->text_format = false;                    /* no title guessing here */
    assert_int_equal(el_process_doc(tu_engine(), doc, EL_STAGE_SEGMENT, d), EL_OK);
    return doc;
}

static void sentences_table(void **st) {
    (void)st;
    FILE *f = fopen(tu_case_path("sentences.tsv"), "r");
    if (!f) { skip(); return; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    char line[8192], got[8192], want[8192];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[3];
        if (line[0] == '#' || tu_split_tsv(line, fl, 3) != 3) continue;
        tu_unescape(fl[1]);
        tu_unescape(fl[2]);
        el_doc *doc = plain_doc(a, fl[1], &d);
        got[0] = '\0';
        for (size_t i = 0; i < doc->n_sents; i++) {
            if (i) strcat(got, " || ");
            strncat(got, doc->body + doc->sents[i].start, doc->sents[i].end - doc->sents[i].start);
        }
        snprintf(want, sizeof want, "%s", fl[2]);
        squash(got);
        squash(want);
        n++;
        if (strcmp(got, want) != 0) {
            bad++;
            print_message("%s\n  want: %s\n  got:  %s\n", fl[0], want, got);
        }
        el_arena_reset(a);
    }
    fclose(f);
    el_arena_free(a);
    el_diag_fini(&d);
    print_message("sentences.tsv: %d of %d cases right\n", n - bad, n);
    assert_true(n >= 100);
    assert_int_equal(bad, 0);
}

static void tokens_offsets_and_flags(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = plain_doc(a, "Hamas\xE2\x80\x99s demands met U.S. officials\xC2\xA0on 1,500.5 prisoners.", &d);
    static const char *const want[] = {"Hamas", "\xE2\x80\x99s", "demands", "met", "U.S.",
                                       "officials", "on", "1,500.5", "prisoners", "."};
    assert_int_equal(doc->n_toks, 10);
    for (size_t i = 0; i < doc->n_toks; i++) {
        const el_token *t = &doc->toks[i];
        assert_int_equal(t->end - t->start, strlen(want[i]));
        assert_memory_equal(doc->body + t->start, want[i], strlen(want[i]));
    }
    assert_true(doc->toks[0].flags & EL_TOK_CAP);
    assert_true(doc->toks[1].flags & EL_TOK_POSS);
    assert_true(doc->toks[4].flags & EL_TOK_ABBR);
    assert_true(doc->toks[7].flags & EL_TOK_NUM);
    assert_true(doc->toks[9].flags & EL_TOK_PUNCT);
    el_arena_free(a);
    el_diag_fini(&d);
}

static void lemma_of(const el_doc *doc, size_t i, const char *want) {
    const el_token *t = &doc->toks[i];
    char got[64];
    snprintf(got, sizeof got, "%.*s", (int)t->lemma_len, t->lemma);
    assert_string_equal(got, want);
    /* Later stages look the lemma up by this hash: it must be the lemma's. */
    assert_true(t->lemma_h == el_hash(t->lemma, t->lemma_len));
    assert_true(t->lemma_h == el_hash(want, strlen(want)));
}

static void lemmas_from_wordnet(void **st) {
    (void)st;
    if (!tu_engine()->lex) { skip(); return; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = plain_doc(a, "Talks were held as leaders met, rejecting stopped planning the news of US arms feeds.", &d);
    static const char *const want[] = {"talk", "be", "hold", "as", "leader", "meet", ",",
                                       "reject", "stop", "plan", "the", "news", "of", "us",
                                       "arm", "feed", "."};
    assert_int_equal(doc->n_toks, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < doc->n_toks; i++) lemma_of(doc, i, want[i]);
    el_arena_free(a);
    el_diag_fini(&d);
}

static void sentences_stay_in_paragraphs(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = plain_doc(a, "Talks resumed\n\nin Cairo on Sunday. Officials said so.", &d);
    assert_int_equal(doc->n_paras, 2);
    assert_int_equal(doc->n_sents, 3);
    assert_int_equal(doc->sents[1].para, 1);
    for (size_t i = 0; i < doc->n_sents; i++)
        assert_true(doc->toks[doc->sents[i].tok].flags & EL_TOK_SSTART);
    el_arena_free(a);
    el_diag_fini(&d);
}

/* low_h: every token's text with A-Z lowered, hashed, whatever its kind;
** NONASCII marks tokens with bytes outside ASCII. */
static void low_hashes(void **st) {
    (void)st;
    el_diag d;
    el_diag_init(&d, NULL);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = plain_doc(a, "The MINISTERS met \xC3\x89LYS\xC3\x89\x45 officials at 10AM, U.S. sources said.", &d);
    assert_non_null(doc->low_h);
    for (size_t i = 0; i < doc->n_toks; i++) {
        const el_token *t = &doc->toks[i];
        char low[64];
        size_t n = t->end - t->start;
        bool nonascii = false;
        for (size_t k = 0; k < n; k++) {
            low[k] = (char)el_lower((unsigned char)doc->body[t->start + k]);
            if ((unsigned char)low[k] >= 0x80) nonascii = true;
        }
        assert_true(doc->low_h[i] == el_hash(low, n));
        assert_int_equal(!!(t->flags & EL_TOK_NONASCII), nonascii);
    }
    assert_int_equal(doc->toks[3].flags & EL_TOK_NONASCII, EL_TOK_NONASCII);   /* ÉLYSÉE */
    assert_true(doc->low_h[1] != doc->toks[1].lemma_h);                         /* ministers: minister */
    el_arena_free(a);
    el_diag_fini(&d);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(sentences_table), cmocka_unit_test(tokens_offsets_and_flags),
        cmocka_unit_test(lemmas_from_wordnet), cmocka_unit_test(sentences_stay_in_paragraphs),
        cmocka_unit_test(low_hashes),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
