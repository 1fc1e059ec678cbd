/*
** cmd_times.c: `eventline times INPUT...`, the temporal stage made visible.
** In:  articles (files, folders, JSON Lines) and an optional --meta manifest,
**      through read, clean and segment.
** Out: one JSON object per temporal expression: article, text, start, end
**      (byte offsets into the article's body), sentence, value, granularity,
**      type (date|duration|set|vague), and part (MO/AF/EV/NI) when the
**      expression names a part of the day. Exit status as every command.
*/
#include <stdlib.h>
#include <string.h>
#include "annotate_time.h"
#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "read.h"

/* KEEP IN SYNC: el_time_type in annotate_time.h. */
static const char *const type_names[] = {"date", "duration", "set", "vague"};

typedef struct ctx {
    el_stream s;                /* engine, diag, output, meter: cli.h */
} ctx;

static void write_timex(el_buf *b, const el_doc *doc, const el_timex *x) {
    int f = 1;
    el_buf_putc(b, '{');
    el_json_key(b, "article", &f); el_json_strz(b, doc->id ? doc->id : doc->base);
    el_json_key(b, "text", &f); el_json_str(b, doc->body + x->start, x->end - x->start);
    el_json_key(b, "start", &f); el_json_int(b, x->start);
    el_json_key(b, "end", &f); el_json_int(b, x->end);
    el_json_key(b, "sentence", &f); el_json_int(b, x->sent);
    el_json_key(b, "value", &f); el_json_strz(b, x->value);
    el_json_key(b, "granularity", &f); el_json_strz(b, x->granularity);
    el_json_key(b, "type", &f); el_json_strz(b, type_names[x->type]);
    if (x->part) { el_json_key(b, "part", &f); el_json_strz(b, x->part); }
    el_buf_putc(b, '}');
}

static int on_doc(el_doc *doc, void *ud) {
    ctx *c = ud;
    if (el_process_doc(c->s.e, doc, EL_STAGE_SEGMENT, c->s.d) != EL_OK) return 0;
    el_timex *tx;
    size_t n;
    if (el_time_annotate(c->s.e, doc, &tx, &n) != EL_OK) {
        el_reject(c->s.d, doc->file, doc->line, "out of memory on this article; skipped");
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        write_timex(&c->s.out.b, doc, &tx[i]);
        el_out_line_done(&c->s.out);
    }
    el_meter_add(&c->s.m, 1, (long)doc->n_sents, doc->raw_len);
    return 0;
}

int el_cmd_times(int argc, char **argv) {
    el_cli cli = {.want_inputs = true};
    ctx c = {0};
    int rc = el_cli_parse(&cli, argc, argv, "times", "[options] INPUT...", NULL);
    if (rc >= 0) { free(cli.inputs); return rc; }
    return el_stream_run(&cli, "times", &c.s, NULL, on_doc, NULL, &c);
}
