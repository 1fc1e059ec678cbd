/*
** main.c: parse the command name and dispatch; nothing else lives here,
** except reading $EL_FAIL_AFTER, the fault-injection hook of the tests, and
** SQLite's process-wide settings (el_store_process_init), made first.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arena.h"
#include "commands.h"
#include "store.h"

typedef struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *help;
} command;

/* KEEP IN SYNC with commands.h and the README's command list. */
static const command commands[] = {
    {"articles", el_cmd_articles, "read, clean and segment articles (JSON Lines)"},
    {"cluster", el_cmd_cluster, "near-duplicates, episodes and threads of articles"},
    {"actors", el_cmd_actors, "actors, places and media: one entity per line, ids across the run"},
    {"times", el_cmd_times, "temporal expressions resolved against the publication date"},
    {"counts", el_cmd_counts, "numbers and what they count; --compare across articles"},
    {"quotes", el_cmd_quotes, "direct and reported quotes with speakers; --link statements"},
    {"run", el_cmd_run, "the main job: a folder of articles to a database, exports and a report"},
    {"code", el_cmd_code, "events from sentences: CAMEO, PLOVER, modality (JSON Lines in)"},
    {"search", el_cmd_search, "full-text search of a run's database (BM25, filters)"},
    {"export", el_cmd_export, "a run's events as GDELT 2.0 tables, PLOVER records or CSV"},
    {"store", el_cmd_store, "load a run folder into its SQLite database"},
    {"report", el_cmd_report, "write report.html from a run folder"},
    {NULL, NULL, NULL},
};

static void usage(FILE *f) {
    fprintf(f, "usage: eventline COMMAND [options] INPUT...\n\ncommands:\n");
    for (const command *c = commands; c->name; c++) fprintf(f, "  %-10s %s\n", c->name, c->help);
    fprintf(f, "\n'eventline COMMAND --help' describes each command.\n");
}

int main(int argc, char **argv) {
    /* Test hook (tests/fault.sh): EL_FAIL_AFTER=N, the arena heap fails
    ** every chunk request after the first N; N:K, only the K after them. */
    const char *fail = getenv("EL_FAIL_AFTER");
    if (fail && *fail) {
        char *end;
        long n = strtol(fail, &end, 10);
        el_arena_fail_after(n, *end == ':' ? strtol(end + 1, NULL, 10) : 0);
    }
    el_store_process_init();
    if (argc < 2) { usage(stderr); return 2; }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    for (const command *c = commands; c->name; c++)
        if (strcmp(argv[1], c->name) == 0) return c->fn(argc - 2, argv + 2);
    fprintf(stderr, "eventline: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
