/* test_dict.c: the dictionary loader (our format, FILE:LINE for faults),
** the TABARI and PETRARCH/Phoenix importers (small samples written here),
** format sniffing, and the trie matcher. */
#include <math.h>
#include <unistd.h>
#include "testutil.h"
#include "dict.h"
#include "strmap.h"

/* A fresh folder under /tmp for one test's files. */
static char *tmpdir(void) {
    static char path[64];
    strcpy(path, "/tmp/el_test_dict.XXXXXX");
    assert_non_null(mkdtemp(path));
    return path;
}

static const char *put(const char *dir, const char *name, const char *text) {
    static char path[4][256];
    static int k;
    char *p = path[k++ % 4];
    snprintf(p, 256, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return p;
}

/* An empty dictionary (built-in titles only) and a diag writing to memory. */
typedef struct fx { el_dict *D; el_diag d; char *err; size_t err_n; FILE *ef; } fx;

static void fx_open(fx *x) {
    x->ef = open_memstream(&x->err, &x->err_n);
    el_diag_init(&x->d, x->ef);
    x->D = el_dict_open(NULL, NULL, 0, tu_engine()->lex, false, &x->d);
    assert_non_null(x->D);
}

static void fx_close(fx *x) {
    el_dict_free(x->D);
    el_diag_fini(&x->d);
    fclose(x->ef);
    free(x->err);
}

static uint32_t find(fx *x, const char *name) {
    uint32_t e = el_dict_find(x->D, name, strlen(name));
    assert_int_not_equal(e, EL_NONE);
    return e;
}

static el_date D(const char *s) { return el_date_parse(s, strlen(s)); }

/* 1. Faulty lines are reported as FILE:LINE and skipped; the rest loads. */
static void loader_reports_file_line(void **st) {
    (void)st;
    fx x;
    fx_open(&x);
    char *dir = tmpdir();
    const char *p = put(dir, "t.txt",
        "# a comment\n"
        "stray alias\n"                                              /* 2: outside any block */
        "= ISR\tcountry\tIsrael\tlat=31.4\tlon=35.0\n"
        "Israeli\n"
        "= isr\tcountry\tBad\n"                                       /* 5: bad code */
        "Bad alias skipped with its block\n"
        "= ISRGOV\tperson\tAvi Ronen\tcountry=ISR\tcolour=blue\n"      /* 7: unknown key */
        "= ISRGOV\tperson\tDana Levi\tcountry=ISR\n"
        "@ ISRGOV\tfrom=2024-13-01\n"                                 /* 9: bad date */
        "@ ISRSPY\tfrom=2021\trole=Director\n"
        "tab\tinside\n"                                               /* 11: tab in alias */
        "= PSE\tplace\tNowhere\tcountry=PSE\n"                         /* 12: no lat/lon */
        "= USA\tcountry\tUnited States\tlat=39.8\n");                 /* 13: lat without lon */
    assert_int_equal(el_dict_load_path(x.D, p, false, &x.d), EL_OK);
    fflush(x.ef);
    char want[512];
    const int lines[] = {2, 5, 7, 9, 11, 12, 13};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        snprintf(want, sizeof want, "%s:%d: ", p, lines[i]);
        if (!strstr(x.err, want)) fail_msg("missing report '%s' in:\n%s", want, x.err);
    }
    assert_int_equal(x.d.n_rejected, 7);
    assert_null(strstr(x.err, ":6:"));                  /* skipped with its block, silently */
    uint32_t il = find(&x, "Israeli");
    assert_string_equal(el_dict_entry(x.D, il)->code, "ISR");
    assert_true(fabs(el_dict_entry(x.D, il)->lat - 31.4) < 1e-9);
    uint32_t dl = find(&x, "Dana Levi");
    assert_int_equal(el_dict_entry(x.D, dl)->n_roles, 1);   /* the bad role line skipped */
    assert_int_equal(el_dict_find(x.D, "Avi Ronen", 9), EL_NONE);
    fx_close(&x);
}

/* 2. Role lines give the code at a date; partial dates cover their span. */
static void loader_dated_codes(void **st) {
    (void)st;
    fx x;
    fx_open(&x);
    const char *p = put(tmpdir(), "p.txt",
        "= ISRGOV\tperson\tYael Dror\tcountry=ISR\n"
        "@ ISRGOV\tfrom=2022-12-29\tto=2024-11\trole=Minister of Defense\n"
        "@ ISRELI\tfrom=2024-11\n"
        "?Dror\n");
    el_dict_load_path(x.D, p, false, &x.d);
    assert_int_equal(x.d.n_rejected, 0);
    uint32_t e = find(&x, "Yael Dror");
    assert_string_equal(el_dict_code_at(x.D, e, D("2024-02-13")), "ISRGOV");
    assert_string_equal(el_dict_code_at(x.D, e, D("2024-11-30")), "ISRGOV");  /* first listed wins */
    assert_string_equal(el_dict_code_at(x.D, e, D("2025-01-01")), "ISRELI");
    assert_string_equal(el_dict_code_at(x.D, e, D("2020-01-01")), "ISRGOV");  /* none: header */
    assert_string_equal(el_dict_code_at(x.D, e, EL_DATE_UNKNOWN), "ISRGOV");
    /* "?Dror" is a back-reference, not a name of its own. */
    assert_int_equal(el_dict_find(x.D, "Dror", 4), EL_NONE);
    fx_close(&x);
}

/* Tokens of text as a segmented doc gives them, folded and hashed. */
static el_dict_tok *toks_of(el_arena *a, el_doc *doc) {
    el_dict_tok *t = el_arena_alloc(a, (doc->n_toks + 1) * sizeof *t);
    for (size_t i = 0; i < doc->n_toks; i++) {
        char buf[256];
        size_t n = el_dict_fold(doc->body + doc->toks[i].start, doc->toks[i].end - doc->toks[i].start,
                                buf, sizeof buf, true);
        t[i].h = el_hash(buf, n);
        t[i].fold = el_arena_strndup(a, buf, n);
        t[i].fold_len = (uint16_t)n;
    }
    return t;
}

/* 3. The matcher: hits shortest first; aliases tokenised like text
** ("U.S.", "Israel's", "Gen."), typographic apostrophes folded. */
static void matcher_hits_and_tokens(void **st) {
    (void)st;
    fx x;
    fx_open(&x);
    const char *p = put(tmpdir(), "m.txt",
        "= USA\tcountry\tUnited States\n"
        "U.S.\n"
        "= USAGOV\torganization\tU.S. State Department\tcountry=USA\n"
        "= ISRGOV\torganization\tIsrael's cabinet\tcountry=ISR\n");
    el_dict_load_path(x.D, p, false, &x.d);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(a, "The U.S. State Department and Israel\xE2\x80\x99s cabinet met Gen. Tal.", NULL, &x.d);
    el_dict_tok *t = toks_of(a, doc);
    el_dict_hit h[8];
    size_t n = el_dict_match(x.D, t, 1, doc->n_toks, h, 8);    /* at "U.S." */
    assert_int_equal(n, 2);
    assert_int_equal(h[0].end, 2);                               /* "U.S." */
    assert_int_equal(h[1].end, 4);                               /* "U.S. State Department" */
    n = el_dict_match(x.D, t, 5, doc->n_toks, h, 8);            /* "Israel ’s cabinet" */
    assert_int_equal(n, 1);
    assert_int_equal(h[0].end, 8);
    n = el_dict_match(x.D, t, 9, doc->n_toks, h, 8);            /* "Gen." a built-in rank */
    assert_int_equal(n, 1);
    const el_entry *g = el_dict_entry(x.D, el_dict_alias(x.D, h[0].alias)->entry);
    assert_int_equal(g->type, EL_ENT_AGENT);
    assert_int_equal(g->sub, EL_AGENT_RANK);
    el_arena_free(a);
    fx_close(&x);
}

/* 4. TABARI: stems, date restrictions, defaults, blockers, repaired days. */
static void import_tabari(void **st) {
    (void)st;
    fx x;
    fx_open(&x);
    char *dir = tmpdir();
    const char *p = put(dir, "SAMPLE.actors",
        "# TABARI-style sample written for this test\n"
        "FREEDONIA_  [FRD]\n"
        "RUFUS_T_FIREFLY_\n"
        "\t[FRDELI 300101-330630]\n"
        "\t[FRDGOV 330701-331131]\n"                  /* Nov 31: clamped */
        "\t[FRDELI]\n"
        "AMBASSADOR_TRENTINO [SYLGOV <350101] [SYLELI]\n"
        "FREEDONIA_WAR_COLLEGE_ [###]\n"
        "GRAND_FENWICK_ [GFK >19550101]\n"
        "BAD_CODE_ [A/B]\n");
    assert_int_equal(el_dict_load_path(x.D, p, false, &x.d), EL_OK);
    assert_int_equal(x.d.n_rejected, 0);
    assert_true(x.d.n_warned >= 1);                             /* the bad code */
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(a, "Ambassador Trentinos met Rufus T Firefly of the Freedonia War College.", NULL, &x.d);
    el_dict_tok *t = toks_of(a, doc);
    el_dict_hit h[8];
    /* "TRENTINO" has no "_": a stem, so "Trentinos" matches. */
    size_t n = el_dict_match(x.D, t, 0, doc->n_toks, h, 8);
    assert_int_equal(n, 1);
    uint32_t amb = el_dict_alias(x.D, h[0].alias)->entry;
    assert_string_equal(el_dict_code_at(x.D, amb, el_date_from_ymd(1934, 1, 1)), "SYLGOV");
    assert_string_equal(el_dict_code_at(x.D, amb, el_date_from_ymd(1936, 1, 1)), "SYLELI");
    n = el_dict_match(x.D, t, 3, doc->n_toks, h, 8);
    assert_int_equal(n, 1);
    uint32_t rf = el_dict_alias(x.D, h[0].alias)->entry;
    const el_entry *e = el_dict_entry(x.D, rf);
    assert_int_equal(e->type, EL_ENT_PERSON);                   /* dated codes: a person */
    assert_string_equal(e->name, "Rufus T Firefly");
    assert_string_equal(el_dict_code_at(x.D, rf, el_date_from_ymd(1933, 11, 30)), "FRDGOV");
    assert_string_equal(el_dict_code_at(x.D, rf, el_date_from_ymd(1950, 1, 1)), "FRDELI");
    /* The blocker wins the longest match and is flagged. */
    n = el_dict_match(x.D, t, 8, doc->n_toks, h, 8);
    assert_true(n >= 1);
    assert_true(el_dict_entry(x.D, el_dict_alias(x.D, h[n - 1].alias)->entry)->flags & EL_ENTRY_BLOCK);
    /* 8-digit dates, ">" from. */
    doc = tu_doc(a, "Grand Fenwick", NULL, &x.d);
    t = toks_of(a, doc);
    n = el_dict_match(x.D, t, 0, doc->n_toks, h, 8);
    assert_int_equal(n, 1);
    uint32_t gf = el_dict_alias(x.D, h[0].alias)->entry;
    assert_string_equal(el_dict_code_at(x.D, gf, el_date_from_ymd(1960, 1, 1)), "GFK");
    el_arena_free(a);
    fx_close(&x);
}

/* 5. PETRARCH/Phoenix: synonyms, codes under them, name lines in a row,
** blocks that join our entries or the country. */
static void import_phoenix(void **st) {
    (void)st;
    fx x;
    fx_open(&x);
    char *dir = tmpdir();
    const char *ours = put(dir, "ours.txt",
        "= FRD\tcountry\tFreedonia\tlat=1\tlon=2\n"
        "= FRDGOV\tperson\tRufus Firefly\tcountry=FRD\n");
    el_dict_load_path(x.D, ours, false, &x.d);
    const char *p = put(dir, "Sample.actors.txt",
        "<!-- PETRARCH-style sample written for this test -->\n"
        "FREEDONIA_  [FRD]\n"
        "+FREEDONIAN\n"
        "+MARXVILLE_   # the capital, coded as the country\n"
        "RUFUS_FIREFLY_\n"
        "+PRESIDENT_FIREFLY\n"
        "\t[FRDGOV 19330101-19331231]\n"
        "\t[FRDELI]\n"
        "TRENTINO_\n"
        "AMBASSADOR_TRENTINO\n"                             /* a synonym without '+' */
        "\t[SYLGOV 19330101-19331231]\n"
        "SYLVANIA_LEAGUE [SYL]\n"
        "\n"
        "CHICOLINI_\n"
        "\t[SYLREB]\n");
    assert_int_equal(el_dict_load_path(x.D, p, false, &x.d), EL_OK);
    assert_int_equal(x.d.n_rejected, 0);
    assert_int_equal(x.d.n_warned, 0);
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = tu_doc(a, "President Firefly of Marxville met Ambassador Trentino and Chicolini.", NULL, &x.d);
    el_dict_tok *t = toks_of(a, doc);
    el_dict_hit h[8];
    size_t n = el_dict_match(x.D, t, 0, doc->n_toks, h, 8);
    assert_int_equal(n, 1);
    /* The synonym joined our entry: our code, our name. */
    uint32_t rf = el_dict_alias(x.D, h[0].alias)->entry;
    assert_string_equal(el_dict_entry(x.D, rf)->name, "Rufus Firefly");
    assert_int_equal(el_dict_entry(x.D, rf)->src, EL_SRC_OURS);
    n = el_dict_match(x.D, t, 3, doc->n_toks, h, 8);
    assert_int_equal(n, 1);
    assert_string_equal(el_dict_entry(x.D, el_dict_alias(x.D, h[0].alias)->entry)->name, "Freedonia");
    n = el_dict_match(x.D, t, 5, doc->n_toks, h, 8);            /* "Ambassador Trentino" */
    assert_int_equal(n, 1);
    uint32_t tr = el_dict_alias(x.D, h[0].alias)->entry;
    assert_string_equal(el_dict_entry(x.D, tr)->name, "Trentino");
    assert_int_equal(el_dict_entry(x.D, tr)->type, EL_ENT_PERSON);
    assert_string_equal(el_dict_code_at(x.D, tr, el_date_from_ymd(1933, 6, 1)), "SYLGOV");
    n = el_dict_match(x.D, t, 8, doc->n_toks, h, 8);            /* "Chicolini": a group by its code */
    assert_int_equal(n, 1);
    assert_int_equal(el_dict_entry(x.D, el_dict_alias(x.D, h[0].alias)->entry)->type, EL_ENT_GROUP);
    /* Imported names are capitalised: "chicolini" in lower case does not match. */
    assert_int_equal(el_dict_alias(x.D, h[0].alias)->cased, EL_CASE_CAPS);
    el_arena_free(a);
    fx_close(&x);
}

/* 6. Agents: PETRARCH plurals, {} and {X}, !MARKER! sets, NGO~ prefixes. */
static void import_agents(void **st) {
    (void)st;
    fx x;
    fx_open(&x);
    const char *p = put(tmpdir(), "Sample.agents.txt",
        "!PERSON! = MAN, WOMAN\n"
        "ENVOY [~GOV]\n"
        "POLICE {} [~COP]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\n"
        "FISHER!PERSON! [~AGR]\n"
        "RIGHTS_BODY [NGO~]\n"
        "NO_CODE_HERE\n");
    el_dict_load_path(x.D, p, false, &x.d);
    assert_int_equal(x.d.n_warned, 1);                          /* the line without a code */
    struct { const char *text; bool found; } want[] = {
        {"envoy", true}, {"envoys", true}, {"police", true}, {"polices", false},
        {"attorneys general", true}, {"fisherman", true}, {"fisherwoman", true}, {"rights bodies", true},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        el_arena *a = el_arena_new(NULL, 0);
        el_doc *doc = tu_doc(a, want[i].text, NULL, &x.d);
        el_dict_tok *t = toks_of(a, doc);
        el_dict_hit h[4];
        size_t n = el_dict_match(x.D, t, 0, doc->n_toks, h, 4);
        bool all = n && h[n - 1].end == doc->n_toks;
        if (all != want[i].found) fail_msg("agent '%s': found %d", want[i].text, all);
        if (all) {
            const el_entry *e = el_dict_entry(x.D, el_dict_alias(x.D, h[n - 1].alias)->entry);
            assert_int_equal(e->type, EL_ENT_AGENT);
            if (!strcmp(want[i].text, "rights bodies")) {
                assert_string_equal(e->code, "NGO");
                assert_true(e->flags & EL_ENTRY_PREFIX);
            }
        }
        el_arena_free(a);
    }
    fx_close(&x);
}

/* 7. Format sniffing: ours by content, TABARI/PETRARCH by name and content. */
static void sniff_formats(void **st) {
    (void)st;
    char *dir = tmpdir();
    bool tabari;
    assert_int_equal(el_dict_sniff(put(dir, "agents.txt", "= GOV\tagent\tenvoy\n"), &tabari), 1);
    assert_int_equal(el_dict_sniff(put(dir, "X.131001.actors", "A_ [AAA]\nB_ [BBB]\n"), &tabari), 2);
    assert_true(tabari);
    assert_int_equal(el_dict_sniff(put(dir, "X.actors.txt", "A_ [AAA]\n+AA\n"), &tabari), 2);
    assert_false(tabari);
    assert_int_equal(el_dict_sniff(put(dir, "words.txt", "A [~GOV]\nB [~MIL]\nC [~COP]\n"), &tabari), 3);
    assert_int_equal(el_dict_sniff(put(dir, "CAMEO.verbs.txt", "--- AGREE [030] ---\n"), &tabari), 0);
    /* A file named on the command line that is no dictionary is rejected. */
    fx x;
    fx_open(&x);
    assert_int_equal(el_dict_load_path(x.D, put(dir, "notes.md", "hello\n"), false, &x.d), EL_EINPUT);
    assert_int_equal(x.d.n_rejected, 1);
    assert_int_equal(el_dict_load_path(x.D, "/nonexistent/dict", false, &x.d), EL_EINPUT);
    fx_close(&x);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(loader_reports_file_line), cmocka_unit_test(loader_dated_codes),
        cmocka_unit_test(matcher_hits_and_tokens), cmocka_unit_test(import_tabari),
        cmocka_unit_test(import_phoenix), cmocka_unit_test(import_agents),
        cmocka_unit_test(sniff_formats),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
