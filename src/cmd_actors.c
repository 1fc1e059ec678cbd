/*
** cmd_actors.c: `eventline actors [--dict PATH]... INPUT...`, stage 4's actors.
** In:  articles (stages 1-3, then the actor annotator with our dictionaries
**      and any --dict ones).
** Out: after every article is read, one JSON object per entity of the run,
**      in id order: {"id","name","type","code","country","lat","lon",
**      "mentions":[{"article","start","end","text","code"}]}. Offsets are
**      bytes into the article's body; lat/lon are null but for places and
**      countries. Bare role nouns ("officials") are not entities.
** This command keeps every mention of the run until the end; run-length
** commands should use el_actor_index without keeping them.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "annotate_actor.h"
#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "read.h"

typedef struct ctx {
    const el_engine *e;
    el_diag *d;
    el_actor_index *x;
    el_meter m;
    bool oom;
} ctx;

static int on_doc(el_doc *doc, void *ud) {
    ctx *c = ud;
    /* Actors need no times: skip that stage. */
    unsigned stages = EL_STAGE_BIT(EL_STAGE_CLEAN) | EL_STAGE_BIT(EL_STAGE_SEGMENT) | EL_STAGE_BIT(EL_STAGE_ACTORS);
    if (el_process_stages(c->e, doc, stages, c->d) != EL_OK) return 0;
    if (el_actor_index_add(c->x, doc) != EL_OK) {
        el_reject(c->d, doc->file, doc->line, "out of memory keeping this article's actors; stopped");
        c->oom = true;
        return 1;
    }
    el_meter_add(&c->m, 1, (long)doc->n_sents, doc->raw_len);
    return 0;
}

static void coord(el_buf *b, double v) {
    if (isnan(v)) el_buf_puts(b, "null");
    else el_json_double(b, v, 6);
}

void el_write_entity(el_buf *b, const el_entity *E) {
    int f = 1;
    el_buf_putc(b, '{');
    el_json_key(b, "id", &f); el_json_int(b, E->id);
    el_json_key(b, "name", &f); el_json_strz(b, E->name);
    el_json_key(b, "type", &f); el_json_strz(b, el_ent_type_names[E->type]);
    el_json_key(b, "code", &f); el_json_strz(b, E->code);
    el_json_key(b, "country", &f); el_json_strz(b, E->country);
    el_json_key(b, "lat", &f); coord(b, E->lat);
    el_json_key(b, "lon", &f); coord(b, E->lon);
    el_json_key(b, "mentions", &f);
    el_buf_putc(b, '[');
    for (size_t i = 0; i < E->n_ments; i++) {
        const el_entity_ment *m = &E->ments[i];
        int g = 1;
        el_buf_puts(b, i ? ",{" : "{");
        el_json_key(b, "article", &g); el_json_strz(b, m->article);
        el_json_key(b, "start", &g); el_json_int(b, m->start);
        el_json_key(b, "end", &g); el_json_int(b, m->end);
        el_json_key(b, "text", &g); el_json_strz(b, m->text);
        el_json_key(b, "code", &g); el_json_strz(b, m->code);
        el_buf_putc(b, '}');
    }
    el_buf_puts(b, "]}");
}

int el_cmd_actors(int argc, char **argv) {
    el_cli cli = {.want_inputs = true};
    int rc = el_cli_parse(&cli, argc, argv, "actors", "[options] INPUT...", NULL);
    if (rc >= 0) { free(cli.inputs); return rc; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_engine *e = el_engine_open(&cli.opt, &d);
    ctx c = {.d = &d};
    if (!e || el_engine_load_dict(e, &d) != EL_OK || !(c.x = el_actor_index_new(true))) {
        if (e && e->dict) el_reject(&d, "eventline", 0, "out of memory starting the actor index");
        el_engine_close(e);                       /* the rest is reported where it failed */
        el_diag_fini(&d);
        free(cli.inputs);
        return 1;
    }
    c.e = e;
    el_meter_start(&c.m, "actors", cli.stats);
    int rrc = el_read_inputs(e, cli.inputs, cli.n_inputs, &d, on_doc, &c);
    el_meter_done(&c.m, &d);
    el_out out;
    el_out_init(&out, stdout);
    for (size_t i = 0; i < el_actor_index_count(c.x); i++) {
        el_write_entity(&out.b, el_actor_index_get(c.x, i));
        el_out_line_done(&out);
    }
    if (el_out_close(&out)) el_reject(&d, "<stdout>", 0, "write error");
    int status = rrc == EL_ENOMEM || c.oom ? 1 : el_exit_status(&d);
    el_actor_index_free(c.x);
    el_engine_close(e);
    el_diag_fini(&d);
    free(cli.inputs);
    return status;
}
