/*
** cmd_report.c: `eventline report --dir OUTDIR [--out FILE]`, report.html
** from the files of a run folder, without running anything again.
** In:  the JSON Lines files of OUTDIR (see report.h).
** Out: OUTDIR/report.html, or FILE; nothing on stdout.
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "commands.h"
#include "report.h"

int el_cmd_report(int argc, char **argv) {
    el_cli cli = {.want_inputs = false};
    const char *dir = NULL, *out = NULL, *max_articles = NULL;
    el_flag flags[] = {
        {"--dir", &dir, NULL, "the run folder (required)"},
        {"--out", &out, NULL, "write the report here (default OUTDIR/report.html)"},
        {"--max-articles", &max_articles, NULL, "articles shown in full (default 1000)"},
        {0},
    };
    int rc = el_cli_parse(&cli, argc, argv, "report", "--dir OUTDIR [--out FILE]", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    int n_in = cli.n_inputs;
    free(cli.inputs);
    if (n_in || !dir || (max_articles && atol(max_articles) <= 0)) {
        fprintf(stderr, "eventline report: %s\nTry 'eventline report --help'.\n",
                n_in ? "unexpected argument (use --dir)" : !dir ? "--dir is required"
                                                               : "--max-articles needs a positive number");
        return 2;
    }
    el_diag d;
    el_diag_init(&d, NULL);
    el_report_opts opt = {.max_articles = max_articles ? (size_t)atol(max_articles) : 0};
    char path[4096];
    snprintf(path, sizeof path, "%s/report.html", dir);
    rc = el_report_write_to(dir, out ? out : path, &opt, &d);
    int status = rc == 0 ? el_exit_status(&d) : 1;
    el_diag_fini(&d);
    return status;
}
