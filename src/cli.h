/*
** cli.h: what every command shares: option parsing (--meta, --help,
** --stats, --progress), the JSON Lines output stream, progress lines on a
** terminal, and the exit status (0 all read, 1 some input rejected, 2 usage).
*/
#ifndef EL_CLI_H
#define EL_CLI_H
#include <stdbool.h>
#include <stdio.h>
#include "buf.h"
#include "el_int.h"

typedef struct el_flag {
    const char *name;           /* "--tokens" */
    const char **value;         /* set for flags that take a value, else NULL */
    bool *on;                   /* set for switches, else NULL */
    const char *help;
} el_flag;

typedef struct el_cli {
    el_options opt;
    char **inputs;
    int n_inputs;
    bool stats;                 /* --stats: throughput and peak memory on stderr */
    bool want_inputs;           /* the command reads files (else stdin) */
} el_cli;

/* Parse argv. Returns -1 to continue, else the exit status to return now
** (0 after --help, 2 on a usage error, which is reported). */
int el_cli_parse(el_cli *c, int argc, char **argv, const char *cmd, const char *usage,
                 const el_flag *extra);

/* Buffered JSON Lines output to stdout. */
typedef struct el_out { el_buf b; FILE *f; int err; } el_out;
void el_out_init(el_out *o, FILE *f);
void el_out_line_done(el_out *o);   /* after each object: newline, flush when large */
int  el_out_close(el_out *o);        /* flush; -1 on a write error */

/* Progress and throughput. */
typedef struct el_meter {
    double t0, last;
    long docs, sents;
    size_t bytes;
    bool tty, stats;
    const char *what;
} el_meter;
void   el_meter_start(el_meter *m, const char *what, bool stats);
void   el_meter_add(el_meter *m, long docs, long sents, size_t bytes);
void   el_meter_done(el_meter *m, el_diag *d);
double el_now(void);
long   el_peak_rss_kb(void);

int el_exit_status(const el_diag *d);

/* What a command that streams articles to JSON Lines keeps while it runs;
** embed it in the command's context. */
typedef struct el_stream {
    const el_engine *e;
    el_diag *d;
    el_out out;
    el_meter m;
} el_stream;

/* The body such commands share: open the engine, call prepare (may be NULL;
** EL_OK to go on, else the command fails with status 1, the cause reported),
** stream every input to fn(doc, ud), call finish (may be NULL) after the last,
** close stdout and return the exit status. Frees cli->inputs. */
int el_stream_run(el_cli *cli, const char *what, el_stream *s,
                  int (*prepare)(el_engine *e, el_diag *d, void *ud),
                  int (*fn)(el_doc *doc, void *ud), void (*finish)(void *ud), void *ud);

#endif
