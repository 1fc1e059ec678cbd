/*
** cmd_export.c: `eventline export --format F [--dir OUTDIR | --db FILE]`, and
** `eventline store --dir OUTDIR [--db FILE]`, the folder-to-database step of
** `eventline run` on its own (to rebuild or refresh a database).
** In:  a run folder or a database (export); a run folder (store).
** Out: export: the format on stdout (GDELT 2.0 events or mentions, PLOVER
**      JSON Lines, CSV); store: the database, written in one transaction.
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "commands.h"
#include "export.h"
#include "store.h"

static int usage(const char *cmd, const char *msg) {
    fprintf(stderr, "eventline %s: %s\nTry 'eventline %s --help'.\n", cmd, msg, cmd);
    return 2;
}

int el_cmd_export(int argc, char **argv) {
    el_cli cli = {.want_inputs = false};
    const char *format = NULL, *dir = NULL, *db = NULL;
    el_flag flags[] = {
        {"--format", &format, NULL, "gdelt | gdelt-mentions | plover | csv"},
        {"--dir", &dir, NULL, "read the run folder OUTDIR (its .jsonl files)"},
        {"--db", &db, NULL, "read the database FILE (default eventline-out/eventline.db)"},
        {0},
    };
    int rc = el_cli_parse(&cli, argc, argv, "export", "--format F [--dir OUTDIR | --db FILE]", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    int n_in = cli.n_inputs;
    free(cli.inputs);
    if (n_in) return usage("export", "unexpected argument (use --dir or --db)");
    if (!format) return usage("export", "--format is required");
    int fmt = el_export_format_parse(format);
    if (fmt < 0) return usage("export", "unknown format (gdelt, gdelt-mentions, plover, csv)");
    if (dir && db) return usage("export", "give --dir or --db, not both");
    el_diag d;
    el_diag_init(&d, NULL);
    if (dir) {
        rc = el_export_dir(dir, fmt, stdout, &d);
    } else {
        el_store *s = el_store_open(db ? db : "eventline-out/eventline.db", false, &d);
        rc = s ? el_export_store(s, fmt, stdout, &d) : EL_EINPUT;
        el_store_close(s);
    }
    int status = rc == EL_OK ? el_exit_status(&d) : 1;
    el_diag_fini(&d);
    return status;
}

int el_cmd_store(int argc, char **argv) {
    el_cli cli = {.want_inputs = false};
    const char *dir = NULL, *db = NULL;
    bool prune = false;
    el_flag flags[] = {
        {"--dir", &dir, NULL, "the run folder to load (required)"},
        {"--db", &db, NULL, "the database (default OUTDIR/eventline.db)"},
        {"--prune", NULL, &prune, "delete stored articles the folder does not list"},
        {0},
    };
    int rc = el_cli_parse(&cli, argc, argv, "store", "--dir OUTDIR [--db FILE]", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    int n_in = cli.n_inputs;
    free(cli.inputs);
    if (n_in) return usage("store", "unexpected argument (use --dir)");
    if (!dir) return usage("store", "--dir is required");
    char path[4096];
    if (!db) {
        snprintf(path, sizeof path, "%s/eventline.db", dir);
        db = path;
    }
    el_diag d;
    el_diag_init(&d, NULL);
    el_store_opts opt = {.prune = prune};
    rc = el_store_write(dir, db, &opt, &d);
    int status = rc == EL_OK ? el_exit_status(&d) : 1;
    el_diag_fini(&d);
    return status;
}
