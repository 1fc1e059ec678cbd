/*
** cmd_code.c: `eventline code [--date YYYY-MM-DD] [INPUT...]`, stage 5 on
** sentences. Reads JSON Lines {"id","text","date"} (stdin when no INPUT)
** and writes one object per coded event: the contract's fields (input,
** event, cameo, quad_class, goldstein, modality, source, target, date)
** plus where the event sits (sentence, start, end, text), its place, and the
** pattern that matched (FILE:LINE in data/verbs).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "code.h"
#include "commands.h"
#include "dict.h"
#include "engine.h"
#include "read.h"

typedef struct ctx {
    const el_engine *e;
    el_diag *d;
    el_out out;
    el_meter m;
    el_date default_date;
} ctx;

static void write_arg(el_buf *b, bool has, const el_event_arg *a) {
    el_buf_putc(b, '[');
    if (has) {
        int f = 1;
        el_buf_putc(b, '{');
        el_json_key(b, "text", &f); el_json_strz(b, a->text);
        el_json_key(b, "code", &f); el_json_strz(b, a->code);
        el_json_key(b, "name", &f); el_json_strz(b, a->name);
        el_buf_putc(b, '}');
    }
    el_buf_putc(b, ']');
}

/* An event's "location": {"name","country","lat","lon"}, or null. */
void el_write_location(el_buf *b, const char *name, const char *country, double lat, double lon) {
    if (!name) { el_buf_puts(b, "null"); return; }
    int g = 1;
    el_buf_putc(b, '{');
    el_json_key(b, "name", &g); el_json_strz(b, name);
    el_json_key(b, "country", &g); el_json_strz(b, country);
    el_json_key(b, "lat", &g); el_json_double(b, lat, 4);
    el_json_key(b, "lon", &g); el_json_double(b, lon, 4);
    el_buf_putc(b, '}');
}

void el_write_code_event(el_buf *b, const el_doc *doc, const el_event *ev) {
    int f = 1;
    const el_sent *s = &doc->sents[ev->sent];
    el_buf_putc(b, '{');
    el_json_key(b, "input", &f); el_json_strz(b, doc->id);
    el_json_key(b, "event", &f); el_json_strz(b, ev->code->plover);
    el_json_key(b, "cameo", &f); el_json_strz(b, ev->code->cameo);
    el_json_key(b, "quad_class", &f); el_json_int(b, ev->code->quad_class);
    el_json_key(b, "goldstein", &f); el_json_double(b, ev->code->goldstein, 1);
    el_json_key(b, "modality", &f); el_json_strz(b, el_modality_names[ev->modality]);
    el_json_key(b, "source", &f); write_arg(b, ev->has_source, &ev->source);
    el_json_key(b, "target", &f); write_arg(b, ev->has_target, &ev->target);
    el_json_key(b, "date", &f); el_json_date(b, ev->date);
    el_json_key(b, "date_granularity", &f); el_json_strz(b, ev->date_granularity);
    el_json_key(b, "date_from_publication", &f); el_json_bool(b, ev->date_from_pub);
    el_json_key(b, "location", &f);
    el_write_location(b, ev->place, ev->place_country, ev->lat, ev->lon);
    el_json_key(b, "sentence", &f); el_json_int(b, ev->sent);
    el_json_key(b, "start", &f); el_json_int(b, ev->start);
    el_json_key(b, "end", &f); el_json_int(b, ev->end);
    el_json_key(b, "text", &f); el_json_str(b, doc->body + s->start, s->end - s->start);
    el_json_key(b, "pattern", &f); el_json_strz(b, ev->pattern);
    el_buf_putc(b, '}');
}

static int on_doc(el_doc *doc, void *ud) {
    ctx *c = ud;
    if (doc->date == EL_DATE_UNKNOWN && c->default_date != EL_DATE_UNKNOWN) {
        doc->date = c->default_date;
        doc->date_source = EL_DATE_META;
    }
    /* Counts and quotes do not feed the coder: skip them here. */
    unsigned mask = EL_STAGE_BIT(EL_STAGE_CLEAN) | EL_STAGE_BIT(EL_STAGE_SEGMENT) |
                    EL_STAGE_BIT(EL_STAGE_TIME) | EL_STAGE_BIT(EL_STAGE_ACTORS) |
                    EL_STAGE_BIT(EL_STAGE_CODE);
    if (el_process_stages(c->e, doc, mask, c->d) != EL_OK) return 0;
    for (size_t i = 0; i < doc->n_events; i++) {
        el_write_code_event(&c->out.b, doc, &doc->events[i]);
        el_out_line_done(&c->out);
    }
    el_meter_add(&c->m, 1, (long)doc->n_sents, doc->raw_len);
    return 0;
}

int el_cmd_code(int argc, char **argv) {
    el_cli cli = {.want_inputs = false};
    ctx c = {0};
    const char *date = NULL;
    el_flag flags[] = {{"--date", &date, NULL, "YYYY-MM-DD for inputs without a date"}, {0}};
    int rc = el_cli_parse(&cli, argc, argv, "code", "[--date YYYY-MM-DD] [INPUT...] (JSON Lines; stdin when none)", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    c.default_date = EL_DATE_UNKNOWN;
    if (date) {
        c.default_date = el_date_parse(date, strlen(date));
        if (c.default_date == EL_DATE_UNKNOWN) {
            fprintf(stderr, "eventline code: --date wants YYYY-MM-DD, not '%s'\n", date);
            free(cli.inputs);
            return 2;
        }
    }
    el_diag d;
    el_diag_init(&d, NULL);
    el_engine *e = el_engine_open(&cli.opt, &d);
    int lrc = !e ? EL_ENOMEM : el_engine_load_dict(e, &d);
    if (lrc == EL_OK) lrc = el_engine_load_verbs(e, &d);
    int status = lrc == EL_ENOMEM ? 1 : 2;           /* out of memory, or no data/verbs */
    if (lrc == EL_OK) {
        c.e = e;
        c.d = &d;
        el_out_init(&c.out, stdout);
        el_meter_start(&c.m, "code", cli.stats);
        static char *stdin_path[] = {"-"};
        int rrc = cli.n_inputs ? el_read_inputs(e, cli.inputs, cli.n_inputs, &d, on_doc, &c)
                               : el_read_inputs(e, stdin_path, 1, &d, on_doc, &c);
        el_meter_done(&c.m, &d);
        if (el_out_close(&c.out)) el_reject(&d, "<stdout>", 0, "write error");
        status = rrc == EL_ENOMEM ? 1 : el_exit_status(&d);
    }
    el_engine_close(e);
    el_diag_fini(&d);
    free(cli.inputs);
    return status;
}
