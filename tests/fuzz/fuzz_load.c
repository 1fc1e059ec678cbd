/*
** fuzz_load.c: libFuzzer target for the loaders of run-lifetime data: the
** --meta manifest, the dictionary in each format it reads (ours, the
** gazetteer, TABARI and PETRARCH/Phoenix actors and agents), and the event
** patterns and CAMEO table. The first byte picks the loader (see kinds[]);
** the rest is the file. A loaded dictionary then annotates the file's own
** text, so names it defines are met in text; loaded patterns code a fixed
** sample article.
*/
#include "fuzz.h"
#include "code.h"
#include "commands.h"
#include "dict.h"
#include "engine.h"
#include "read.h"
#include "utf8.h"

/* KEEP IN SYNC with the seed prefixes in tests/fuzz/run.sh. */
enum { K_META, K_OURS, K_GAZ, K_TABARI_ACT, K_PETR_ACT, K_PETR_AGT, K_TABARI_AGT, K_VERBS, K_CAMEO, K__N };
static const char *const kinds[K__N] = {
    "meta.jsonl", "ours.txt", "data/dict/gaz.tsv", "SAMPLE.actors", "Sample.actors.txt",
    "Sample.agents.txt", "SAMPLE.agents", "data/verbs/p.txt", "data/verbs/cameo.tsv",
};

static el_engine *E;            /* lexicon, our dictionary and patterns: loaded once */
static char *sample;            /* data/sample/s01_talks_open.txt */
static size_t sample_len;
static char *cameo, *patterns;  /* the real CAMEO table and one pattern file */
static size_t cameo_len, patterns_len;

static char *slurp(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f) abort();
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    rewind(f);
    char *s = malloc((size_t)len + 1);
    if (!s || fread(s, 1, (size_t)len, f) != (size_t)len) abort();
    fclose(f);
    s[len] = '\0';
    *n = (size_t)len;
    return s;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc; (void)argv;
    E = fz_engine();
    char p[4200];
    snprintf(p, sizeof p, "%s/sample/s01_talks_open.txt", E->opt.data_dir);
    sample = slurp(p, &sample_len);
    snprintf(p, sizeof p, "%s/verbs/cameo.tsv", E->opt.data_dir);
    cameo = slurp(p, &cameo_len);
    snprintf(p, sizeof p, "%s/verbs/04_consult.txt", E->opt.data_dir);
    patterns = slurp(p, &patterns_len);
    return 0;
}

static el_doc *doc_of(el_arena *a, const char *text, size_t n, const char *base) {
    el_doc *doc = el_arena_calloc(a, sizeof *doc);
    if (!doc) abort();
    doc->a = a;
    doc->file = doc->base = base;
    doc->line = 1;
    doc->translated = -1;
    doc->date = doc->header_date = EL_DATE_UNKNOWN;
    if (el_read_text(E, doc, text, n, fz_diag()) != EL_OK) abort();
    return doc;
}

static void write_all(el_doc *doc) {
    el_buf b = {0};
    el_write_article(&b, doc, 0);
    el_buf_putc(&b, '\n');
    for (size_t i = 0; i < doc->n_events; i++) {
        el_write_code_event(&b, doc, &doc->events[i]);
        el_buf_putc(&b, '\n');
    }
    fz_check_jsonl(&b);
    el_buf_free(&b);
}

static void fuzz_meta(const char *path, const unsigned char *data, size_t size) {
    el_arena *a = el_arena_new(NULL, 0);
    el_meta *m = el_meta_load(a, path, fz_diag());
    if (m) {
        /* Apply it to docs named like the manifest's first line, and the sample's. */
        el_doc *doc = doc_of(a, sample, sample_len, "s01_talks_open.txt");
        doc->id = "s01";
        el_meta_apply(m, doc);
        write_all(doc);
        const unsigned char *nl = memchr(data, '\n', size);
        size_t n = nl ? (size_t)(nl - data) : size;
        el_utf8_report rep;
        size_t len;
        char *name = el_utf8_clean(a, (const char *)data, n, &len, &rep);   /* as read.c does */
        if (name) {
            doc = doc_of(a, sample, sample_len, name);
            doc->id = name;
            el_meta_apply(m, doc);
            write_all(doc);
        }
    }
    el_arena_free(a);
}

static void fuzz_dict(int kind, const char *path, const unsigned char *data, size_t size) {
    el_diag *d = fz_diag();
    el_dict *D;
    if (kind == K_GAZ) {
        char dir[300];
        snprintf(dir, sizeof dir, "%s/data", fz_dir());
        D = el_dict_open(dir, NULL, 0, E->lex, false, d);
    } else {
        D = el_dict_open(NULL, NULL, 0, E->lex, false, d);
        if (D) el_dict_load_path(D, path, false, d);
    }
    if (!D) abort();                     /* only out of memory gives NULL */
    for (size_t i = 0; i < el_dict_n_aliases(D); i++)
        FZ_CHECK(el_dict_alias(D, (uint32_t)i)->entry < el_dict_n_entries(D));
    for (size_t i = 0; i < el_dict_n_entries(D); i++)
        el_dict_code_at(D, (uint32_t)i, el_date_from_ymd(2024, 2, 13));
    /* The file's own text as an article: its names are in it. */
    el_dict *ours = E->dict;
    E->dict = D;
    el_arena *a = el_arena_new(NULL, 0);
    el_doc *doc = doc_of(a, (const char *)data, size, "dict.txt");
    doc->date = el_date_from_ymd(2024, 2, 13);
    if (el_process_doc(E, doc, EL_STAGE_ACTORS, d) == EL_OK) {
        fz_check_doc(doc);
        write_all(doc);
    }
    el_arena_free(a);
    E->dict = ours;
    el_dict_free(D);
}

static void fuzz_verbs(void) {
    el_engine e = *E;                    /* same lexicon and dictionary, own patterns */
    e.verbs = NULL;
    e.a = el_arena_new(NULL, 0);
    char dir[300];
    snprintf(dir, sizeof dir, "%s/data", fz_dir());
    e.opt.data_dir = dir;
    if (el_engine_load_verbs(&e, fz_diag()) == EL_OK) {
        el_arena *a = el_arena_new(NULL, 0);
        el_doc *doc = doc_of(a, sample, sample_len, "s01_talks_open.txt");
        doc->date = el_date_from_ymd(2024, 2, 13);
        if (el_process_doc(&e, doc, EL_STAGE_CODE, fz_diag()) == EL_OK) write_all(doc);
        el_arena_free(a);
    }
    el_arena_free(e.a);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
    if (size < 1) return 0;
    int kind = data[0] % K__N;
    data++, size--;
    const char *path = fz_put(kinds[kind], data, size);
    switch (kind) {
    case K_META: fuzz_meta(path, data, size); break;
    case K_VERBS:
        fz_put(kinds[K_CAMEO], (const unsigned char *)cameo, cameo_len);
        fuzz_verbs();
        break;
    case K_CAMEO:
        fz_put(kinds[K_VERBS], (const unsigned char *)patterns, patterns_len);
        fuzz_verbs();
        break;
    default: fuzz_dict(kind, path, data, size); break;
    }
    return 0;
}
