/*
** engine.c: open the run-lifetime state and drive one document through the
** stages in order. Stages are called only from here, so the order of the
** pipeline is written down in one place.
*/
#include "engine.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "annotate_count.h"
#include "annotate_actor.h"
#include "annotate_quote.h"
#include "annotate_time.h"
#include "code.h"
#include "lemma.h"
#include "read.h"

/* data/ beside the folder of the executable (build/eventline -> data/, and
** build/tests/test_x -> data/), so a clone works from anywhere; $EL_DATA or
** --data win. */
static const char *default_data_dir(el_arena *a) {
    const char *env = getenv("EL_DATA");
    if (env) return env;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return "data";
    exe[n] = '\0';
    for (int up = 0; up < 3; up++) {
        char *slash = strrchr(exe, '/');
        if (!slash) break;
        *slash = '\0';
        char *cand = el_arena_printf(a, "%s/data", exe);
        char probe[4200];
        snprintf(probe, sizeof probe, "%s/verbs", cand ? cand : "");
        if (cand && access(probe, F_OK) == 0) return cand;
    }
    return "data";
}

void el_word_filters_fill(el_word_filters *w) {
    el_count_filters(w);
    el_quote_filters(w);
}

const el_word_filters *el_word_filters_of(const el_engine *e, el_arena *a) {
    if (e) return &e->words;
    el_word_filters *w = el_arena_alloc(a, sizeof *w);
    if (w) el_word_filters_fill(w);
    return w;
}

el_engine *el_engine_open(const el_options *opt, el_diag *d) {
    el_engine *e = calloc(1, sizeof *e);
    if (!e || !(e->a = el_arena_new(NULL, 1 << 20))) {
        free(e);
        el_reject(d, "eventline", 0, "out of memory opening the engine");
        return NULL;
    }
    e->opt = *opt;
    el_time_heads(e->time_heads);
    el_word_filters_fill(&e->words);
    if (!e->opt.data_dir) e->opt.data_dir = default_data_dir(e->a);
    e->lex = el_lexicon_load(e->a, opt->wordnet_dir, d);
    /* Without a lexicon lemmas fall back to lower case: fine when WordNet is
    ** absent (reported), not as a silent result of running out of memory. */
    if (el_arena_failed(e->a)) {
        el_reject(d, "eventline", 0, "out of memory loading the lexicon");
        el_engine_close(e);
        return NULL;
    }
    if (opt->meta_path && !(e->meta = el_meta_load(e->a, opt->meta_path, d))) {
        el_engine_close(e);                        /* reported by el_meta_load */
        return NULL;
    }
    return e;
}

void el_engine_close(el_engine *e) {
    if (!e) return;
    el_dict_free(e->dict);
    el_arena_free(e->a);
    free(e);
}

int el_process_stages(const el_engine *e, el_doc *doc, unsigned mask, el_diag *d) {
    int rc = EL_OK;
#define WANT(s) (rc == EL_OK && (mask & EL_STAGE_BIT(s)))
    if (WANT(EL_STAGE_CLEAN)) rc = el_clean_doc(doc, d);
    if (WANT(EL_STAGE_SEGMENT)) rc = el_segment_doc(e, doc, d);
    if (WANT(EL_STAGE_TIME)) rc = el_time_annotate(e, doc, &doc->times, &doc->n_times);
    if (WANT(EL_STAGE_ACTORS)) rc = el_actors_annotate(e, doc, d);
    if (WANT(EL_STAGE_COUNTS)) rc = el_counts_annotate(e, doc, d);
    if (WANT(EL_STAGE_QUOTES)) rc = el_quotes_annotate(e, doc, d);
    if (WANT(EL_STAGE_CODE)) rc = el_code_doc(e, doc, d);
#undef WANT
    if (rc == EL_ENOMEM)
        el_reject(d, doc->file, doc->line, "out of memory on this article; skipped");
    return rc;
}

int el_process_doc(const el_engine *e, el_doc *doc, int upto, el_diag *d) {
    return el_process_stages(e, doc, EL_STAGE_BIT(upto + 1) - 2u, d);   /* stages 1..upto */
}
