/* test_code.c: the event coder on sentences of tests/cases/code.tsv
** (category, source and target roots, modality), and its lexicon loader
** on bad lines. */
#include "testutil.h"
#include "code.h"
#include "dict.h"
#include <sys/stat.h>

static bool root_is(const el_event_arg *a, bool has, const char *want) {
    if (!strcmp(want, "-")) return true;
    if (!has || !a->code) return false;
    if (!strcmp(want, "HMS")) return strstr(a->code, "HMS") != NULL;
    return strncmp(a->code, want, 3) == 0;
}

static void code_table(void **st) {
    (void)st;
    el_engine *e = tu_engine();
    el_diag d;
    el_diag_init(&d, NULL);
    if (el_engine_load_dict(e, &d) != EL_OK || el_engine_load_verbs(e, &d) != EL_OK) { skip(); return; }
    FILE *f = fopen(tu_case_path("code.tsv"), "r");
    if (!f) { skip(); return; }
    el_arena *a = el_arena_new(NULL, 0);
    char line[4096];
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        char *fl[4];
        if (line[0] == '#' || tu_split_tsv(line, fl, 4) != 4) continue;
        el_doc *doc = tu_doc(a, fl[2], fl[1], &d);
        assert_non_null(doc);
        assert_int_equal(el_process_stages(e, doc, EL_STAGE_BIT(EL_STAGE_TIME) | EL_STAGE_BIT(EL_STAGE_ACTORS) |
                                           EL_STAGE_BIT(EL_STAGE_CODE), &d), EL_OK);
        char cat[32] = "", src[16] = "", tgt[16] = "", mod[16] = "";
        sscanf(fl[3], "%31s %15s %15s %15s", cat, src, tgt, mod);
        bool ok = false;
        if (!strcmp(cat, "!")) {
            ok = doc->n_events == 0;
        } else {
            for (size_t i = 0; i < doc->n_events && !ok; i++) {
                const el_event *ev = &doc->events[i];
                ok = ev->code->plover && !strcmp(ev->code->plover, cat) &&
                     root_is(&ev->source, ev->has_source, src) && root_is(&ev->target, ev->has_target, tgt) &&
                     !strcmp(el_modality_names[ev->modality], mod);
            }
        }
        n++;
        if (!ok) {
            bad++;
            print_message("%s: want %s: %s\n", fl[0], fl[3], fl[2]);
            for (size_t i = 0; i < doc->n_events; i++) {
                const el_event *ev = &doc->events[i];
                print_message("   got %s %s %s -> %s %s\n", ev->code->plover ? ev->code->plover : "-",
                              ev->code->cameo, ev->has_source ? ev->source.code : "-",
                              ev->has_target ? ev->target.code : "-", el_modality_names[ev->modality]);
            }
        }
        el_arena_reset(a);
    }
    fclose(f);
    el_arena_free(a);
    el_diag_fini(&d);
    print_message("code.tsv: %d of %d cases right\n", n - bad, n);
    assert_true(n >= 40);
    assert_int_equal(bad, 0);
}

/* A pattern file with faults: each reported as FILE:LINE, the rest loads. */
static void code_lexicon_bad_lines(void **st) {
    (void)st;
    char dir[] = "/tmp/el_verbs_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/verbs", dir);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/verbs/cameo.tsv", dir);
    FILE *f = fopen(path, "w");
    fputs("code\tname\tplover\tplover_mode\tquad_class\tgoldstein\n"
          "046\tNegotiate\tCONSULT\t-\t1\t7.0\n"
          "12\tReject\tREJECT\t-\t3\t-4.0\n"
          "9x9\tBad code\tREJECT\t-\t3\t-4.0\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/verbs/p.txt", dir);
    f = fopen(path, "w");
    fputs("meet\n= 046\nmeet with\nhold * talk\n= 777\nreject\n= 12\n* reject\nreject\n", f);
    /* Lines 10-13: a line too long for the reader (its tail was once read as
    ** a line of its own) and a word too long for the pattern's length field. */
    fputs("= 046\nmeet", f);
    for (int i = 0; i < 600; i++) fputs(" x", f);
    fputs("\nmeet ", f);
    for (int i = 0; i < 300; i++) fputc('y', f);
    fputs("\ntalk over\n", f);
    fclose(f);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    el_diag d;
    el_diag_init(&d, mem);
    el_options o = {.data_dir = dir};
    el_engine *e = el_engine_open(&o, &d);
    assert_non_null(e);
    assert_int_equal(el_engine_load_verbs(e, &d), EL_OK);
    fflush(mem);
    assert_non_null(strstr(buf, "cameo.tsv:4: bad code"));
    assert_non_null(strstr(buf, "p.txt:1: pattern outside"));
    assert_non_null(strstr(buf, "p.txt:5: unknown CAMEO code '777'"));
    assert_non_null(strstr(buf, "p.txt:8: the head must be one word"));
    assert_non_null(strstr(buf, "p.txt:11: line longer than 1022 bytes"));
    assert_non_null(strstr(buf, "p.txt:12: word longer than 255 bytes"));
    assert_int_equal(d.n_rejected, 6);
    assert_non_null(el_code_lookup(e->verbs, "046"));
    el_engine_close(e);
    el_diag_fini(&d);
    fclose(mem);
    free(buf);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(code_table), cmocka_unit_test(code_lexicon_bad_lines),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
