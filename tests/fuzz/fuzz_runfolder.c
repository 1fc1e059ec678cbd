/*
** fuzz_runfolder.c: libFuzzer target for the readers of a run folder, which
** `eventline store`, `export` and `report` take from the user (--dir): the
** store (into an in-memory database), every export format from the folder
** and from the database, and the HTML report. The run folder is the test
** fixture (tests/fixtures/run) with one file replaced by the input; the
** first byte picks the file (files[]) and the export format.
*/
#include "fuzz.h"
#include "export.h"
#include "report.h"
#include "store.h"

static const char *const files[] = {
    "articles.jsonl", "counts.jsonl", "entities.jsonl", "events.jsonl", "mentions.tsv",
    "quotes.jsonl", "stories.jsonl", "comparisons.jsonl",
};
#define N_FILES (sizeof files / sizeof *files)
static unsigned char *fixture[N_FILES];
static size_t fixture_len[N_FILES];
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc; (void)argv;
    const char *dir = getenv("EL_FIXTURE_RUN");
    for (size_t i = 0; i < N_FILES; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir ? dir : "tests/fixtures/run", files[i]);
        FILE *f = fopen(p, "rb");
        if (!f) continue;                        /* absent: so it stays */
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        rewind(f);
        fixture[i] = malloc((size_t)n + 1);
        if (!fixture[i] || fread(fixture[i], 1, (size_t)n, f) != (size_t)n) abort();
        fixture_len[i] = (size_t)n;
        fclose(f);
    }
    devnull = fopen("/dev/null", "w");
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
    if (size < 1) return 0;
    size_t which = data[0] % N_FILES;
    int format = (data[0] / N_FILES) % EL_EXPORT__COUNT;
    data++, size--;
    char rel[64];
    for (size_t i = 0; i < N_FILES; i++) {
        snprintf(rel, sizeof rel, "run/%s", files[i]);
        if (i == which) fz_put(rel, data, size);
        else fz_put(rel, fixture[i] ? fixture[i] : (const unsigned char *)"", fixture_len[i]);
    }
    char dir[300], html[340];
    snprintf(dir, sizeof dir, "%s/run", fz_dir());
    snprintf(html, sizeof html, "%s/report.html", dir);
    el_diag *d = fz_diag();
    el_export_dir(dir, format, devnull, d);
    el_report_write_to(dir, html, NULL, d);
    el_store *s = el_store_open(":memory:", true, d);
    if (s) {
        el_store_load(s, dir, NULL, d);
        el_export_store(s, format, devnull, d);
        el_store_close(s);
    }
    return 0;
}
