/*
** cli.c: option parsing, output and progress shared by the commands.
** Long options only, "--name value" or "--name=value"; "--" ends options.
*/
#include "cli.h"
#include "engine.h"
#include "read.h"
#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static void print_help(const char *cmd, const char *usage, const el_flag *extra) {
    printf("usage: eventline %s %s\n\n", cmd, usage);
    printf("options:\n");
    printf("  --meta FILE      JSON Lines manifest (file|id, date, outlet, url, translated)\n");
    printf("  --wordnet DIR    WordNet dictionary folder (default /usr/share/wordnet)\n");
    printf("  --data DIR       eventline's own data folder (default: data/ beside build/, or $EL_DATA)\n");
    printf("  --dict PATH      extra dictionary: ours, TABARI or Phoenix format (repeatable)\n");
    printf("  --stats          throughput and peak memory on stderr at the end\n");
    printf("  --progress       progress on stderr even when it is not a terminal\n");
    for (const el_flag *f = extra; f && f->name; f++)
        printf("  %-16s %s\n", f->name, f->help);
    printf("  --help           this help\n\n");
    printf("Exit status: 0 every input was read, 1 some input was rejected (reported as\n"
           "FILE:LINE: reason on stderr; the rest is still processed), 2 usage error.\n");
}

static int usage_error(const char *cmd, const char *msg, const char *arg) {
    fprintf(stderr, "eventline %s: %s%s%s\nTry 'eventline %s --help'.\n", cmd, msg,
            arg ? " " : "", arg ? arg : "", cmd);
    return 2;
}

int el_cli_parse(el_cli *c, int argc, char **argv, const char *cmd, const char *usage,
                 const el_flag *extra) {
    c->inputs = calloc((size_t)argc + 1, sizeof *c->inputs);
    c->n_inputs = 0;
    bool opts = true;
    for (int i = 0; i < argc; i++) {
        char *a = argv[i];
        if (!opts || a[0] != '-' || strcmp(a, "-") == 0) { c->inputs[c->n_inputs++] = a; continue; }
        if (strcmp(a, "--") == 0) { opts = false; continue; }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { print_help(cmd, usage, extra); return 0; }
        char name[64];
        const char *val = NULL, *eq = strchr(a, '=');
        size_t nl = eq ? (size_t)(eq - a) : strlen(a);
        if (nl >= sizeof name) return usage_error(cmd, "unknown option", a);
        memcpy(name, a, nl);
        name[nl] = '\0';
        if (eq) val = eq + 1;
        const char **target = NULL;
        bool *sw = NULL;
        if (strcmp(name, "--dict") == 0) {        /* repeatable */
            if (c->opt.n_dicts >= EL_MAX_DICTS) return usage_error(cmd, "too many --dict options", NULL);
            target = &c->opt.dicts[c->opt.n_dicts++];
        } else if (strcmp(name, "--meta") == 0) target = &c->opt.meta_path;
        else if (strcmp(name, "--data") == 0) target = &c->opt.data_dir;
        else if (strcmp(name, "--wordnet") == 0) target = &c->opt.wordnet_dir;
        else if (strcmp(name, "--stats") == 0) sw = &c->stats;
        else if (strcmp(name, "--progress") == 0) sw = &c->opt.progress;
        else
            for (const el_flag *f = extra; f && f->name; f++)
                if (strcmp(name, f->name) == 0) { target = f->value; sw = f->on; break; }
        if (!target && !sw) return usage_error(cmd, "unknown option", a);
        if (sw) {
            if (val) return usage_error(cmd, "option takes no value:", name);
            *sw = true;
            continue;
        }
        if (!val) {
            if (i + 1 >= argc) return usage_error(cmd, "option needs a value:", name);
            val = argv[++i];
        }
        *target = val;
    }
    if (c->want_inputs && c->n_inputs == 0) return usage_error(cmd, "no input files or folders", NULL);
    /* A manifest that cannot be read is a usage error (2); once the engine
    ** is open, failing to load it can only mean memory ran out (1). */
    if (c->opt.meta_path && access(c->opt.meta_path, R_OK) != 0) {
        fprintf(stderr, "%s: cannot open manifest: %s\nTry 'eventline %s --help'.\n",
                c->opt.meta_path, strerror(errno), cmd);
        return 2;
    }
    if (isatty(2)) c->opt.progress = true;
    return -1;
}

void el_out_init(el_out *o, FILE *f) { memset(o, 0, sizeof *o); o->f = f; }

void el_out_line_done(el_out *o) {
    el_buf_putc(&o->b, '\n');
    if (o->b.len >= (1 << 20) && el_buf_flush(&o->b, o->f)) o->err = 1;
}

int el_out_close(el_out *o) {
    if (el_buf_flush(&o->b, o->f)) o->err = 1;
    if (fflush(o->f)) o->err = 1;
    el_buf_free(&o->b);
    return o->err ? -1 : 0;
}

double el_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long el_peak_rss_kb(void) {
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

void el_meter_start(el_meter *m, const char *what, bool stats) {
    memset(m, 0, sizeof *m);
    m->t0 = m->last = el_now();
    m->tty = isatty(2);
    m->stats = stats;
    m->what = what;
}

void el_meter_add(el_meter *m, long docs, long sents, size_t bytes) {
    m->docs += docs;
    m->sents += sents;
    m->bytes += bytes;
    if (!m->tty) return;
    double t = el_now();
    if (t - m->last < 0.5) return;
    m->last = t;
    fprintf(stderr, "\r%s: %ld articles, %ld sentences, %.1f MB (%.0f articles/s)   ", m->what,
            m->docs, m->sents, (double)m->bytes / 1e6, (double)m->docs / (t - m->t0));
}

void el_meter_done(el_meter *m, el_diag *d) {
    double dt = el_now() - m->t0;
    if (dt <= 0) dt = 1e-9;
    if (m->tty && m->docs) fputc('\n', stderr);
    if (m->stats)
        el_note(d, "stats: %s articles=%ld sentences=%ld bytes=%zu seconds=%.3f articles_per_s=%.1f "
                "sentences_per_s=%.1f mb_per_s=%.2f peak_rss_kb=%ld\n", m->what, m->docs,
                m->sents, m->bytes, dt, (double)m->docs / dt, (double)m->sents / dt,
                (double)m->bytes / 1e6 / dt, el_peak_rss_kb());
}

int el_exit_status(const el_diag *d) { return d->n_rejected ? 1 : 0; }

int el_stream_run(el_cli *cli, const char *what, el_stream *s,
                  int (*prepare)(el_engine *e, el_diag *d, void *ud),
                  int (*fn)(el_doc *doc, void *ud), void (*finish)(void *ud), void *ud) {
    el_diag d;
    el_diag_init(&d, NULL);
    el_engine *e = el_engine_open(&cli->opt, &d);
    int status = 1;                             /* failures below are reported */
    if (e && (!prepare || prepare(e, &d, ud) == EL_OK)) {
        s->e = e;
        s->d = &d;
        el_out_init(&s->out, stdout);
        el_meter_start(&s->m, what, cli->stats);
        int rrc = el_read_inputs(e, cli->inputs, cli->n_inputs, &d, fn, ud);
        if (finish) finish(ud);
        el_meter_done(&s->m, &d);
        if (el_out_close(&s->out)) el_reject(&d, "<stdout>", 0, "write error");
        status = rrc == EL_ENOMEM ? 1 : el_exit_status(&d);
    }
    el_engine_close(e);
    el_diag_fini(&d);
    free(cli->inputs);
    cli->inputs = NULL;
    return status;
}
