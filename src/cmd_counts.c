/*
** cmd_counts.c: `eventline counts INPUT...` and `eventline quotes INPUT...`.
** counts: one JSON object per count (the counts.jsonl of `run`); with
**         --compare, instead one object per comparison across the articles.
** quotes: one JSON object per quote (the quotes.jsonl of `run`); with
**         --link, all quotes are held to the end and carry a "statement" id
**         shared by quotes that say the same thing in different outlets.
** Without --compare / --link both stream, so memory stays flat.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "annotate_count.h"
#include "annotate_quote.h"
#include "cli.h"
#include "commands.h"
#include "compare.h"
#include "dict.h"
#include "engine.h"
#include "read.h"

static void num_or_null(el_buf *b, double v) {
    if (isnan(v) || isinf(v)) el_buf_puts(b, "null");
    else if (v == floor(v) && fabs(v) < 1e15) el_json_int(b, (long long)v);
    else el_json_double(b, v, 6);
}

static const char *article_id(const el_doc *d) { return d->id ? d->id : d->base; }

void el_write_count(el_buf *b, const el_doc *doc, const el_count *c) {
    int f = 1;
    el_buf_putc(b, '{');
    el_json_key(b, "article", &f); el_json_strz(b, article_id(doc));
    el_json_key(b, "sentence", &f); el_json_int(b, c->sent);
    el_json_key(b, "start", &f); el_json_int(b, c->start);
    el_json_key(b, "end", &f); el_json_int(b, c->end);
    el_json_key(b, "text", &f); el_json_str(b, doc->body + c->start, c->end - c->start);
    el_json_key(b, "kind", &f); el_json_strz(b, el_count_kind_name(c->kind));
    el_json_key(b, "value", &f); num_or_null(b, c->value);
    el_json_key(b, "min", &f); num_or_null(b, c->min);
    el_json_key(b, "max", &f); num_or_null(b, c->max);
    el_json_key(b, "qualifier", &f); el_json_strz(b, el_qual_name(c->qual));
    el_json_key(b, "subject", &f); el_json_strz(b, c->subject);
    el_json_key(b, "attribution", &f);
    if (c->attr_end > c->attr_start) el_json_str(b, doc->body + c->attr_start, c->attr_end - c->attr_start);
    else el_buf_puts(b, "null");
    el_json_key(b, "date", &f); el_json_strz(b, c->date);
    el_json_key(b, "place", &f); el_json_strz(b, c->place);
    el_buf_putc(b, '}');
}

void el_write_quote(el_buf *b, const char *article, const el_quote *q, const char *text, size_t n,
                    long statement) {
    int f = 1;
    el_buf_putc(b, '{');
    el_json_key(b, "article", &f); el_json_strz(b, article);
    el_json_key(b, "start", &f); el_json_int(b, q->start);
    el_json_key(b, "end", &f); el_json_int(b, q->end);
    el_json_key(b, "text", &f); el_json_str(b, text, n);
    el_json_key(b, "speaker", &f); el_json_strz(b, q->speaker);
    el_json_key(b, "speaker_entity", &f); el_json_strz(b, q->entity);
    el_json_key(b, "type", &f); el_json_strz(b, q->type == EL_QUOTE_DIRECT ? "direct" : "indirect");
    if (statement >= 0) { el_json_key(b, "statement", &f); el_json_int(b, statement); }
    el_buf_putc(b, '}');
}

typedef struct ctx {
    const el_engine *e;
    el_diag *d;
    el_out out;
    el_meter m;
    bool quotes;                /* the quotes command, else counts */
    el_cmp *cmp;                /* --compare / --link: collect, write at the end */
} ctx;

static int on_doc(el_doc *doc, void *ud) {
    ctx *c = ud;
    int upto = c->quotes ? EL_STAGE_QUOTES : EL_STAGE_COUNTS;
    if (el_process_doc(c->e, doc, upto, c->d) != EL_OK) return 0;
    if (c->cmp) {
        if (el_cmp_add_doc(c->cmp, doc, NULL) != EL_OK)
            el_reject(c->d, doc->file, doc->line, "out of memory keeping this article for comparison");
    } else if (c->quotes) {
        for (size_t i = 0; i < doc->n_quotes; i++) {
            const el_quote *q = &doc->quotes[i];
            el_write_quote(&c->out.b, article_id(doc), q, doc->body + q->start, q->end - q->start, -1);
            el_out_line_done(&c->out);
        }
    } else {
        for (size_t i = 0; i < doc->n_counts; i++) {
            el_write_count(&c->out.b, doc, &doc->counts[i]);
            el_out_line_done(&c->out);
        }
    }
    el_meter_add(&c->m, 1, (long)doc->n_sents, doc->raw_len);
    return 0;
}

/* After the last article: comparisons or linked quotes. */
static void write_collected(ctx *c) {
    if (c->quotes) {
        size_t n = el_cmp_statements(c->cmp);
        for (size_t i = 0; i < n; i++) {
            const char *article, *text;
            long st;
            const el_quote *q = el_cmp_quote(c->cmp, i, &article, &text, &st);
            el_write_quote(&c->out.b, article, q, text, text ? strlen(text) : 0, st);
            el_out_line_done(&c->out);
        }
        return;
    }
    el_comparison *x;
    size_t n = el_cmp_counts(c->cmp, &x);
    for (size_t i = 0; i < n; i++) {
        el_write_comparison(&c->out.b, &x[i], i + 1);
        el_out_line_done(&c->out);
    }
}

static int run(int argc, char **argv, bool quotes) {
    el_cli cli = {.want_inputs = true};
    ctx c = {.quotes = quotes};
    bool collect = false;
    el_flag flags_counts[] = {{"--compare", NULL, &collect,
                               "compare counts across the articles (agree, compatible, changed, conflicting)"}, {0}};
    el_flag flags_quotes[] = {{"--link", NULL, &collect,
                               "link quotes across articles into statements (adds \"statement\")"}, {0}};
    int rc = el_cli_parse(&cli, argc, argv, quotes ? "quotes" : "counts", "[options] INPUT...",
                          quotes ? flags_quotes : flags_counts);
    if (rc >= 0) { free(cli.inputs); return rc; }
    el_diag d;
    el_diag_init(&d, NULL);
    el_engine *e = el_engine_open(&cli.opt, &d);
    if (!e) { free(cli.inputs); el_diag_fini(&d); return 1; }   /* out of memory, reported */
    c.e = e;
    c.d = &d;
    /* Speakers resolve best through the actor stage's mentions; without the
    ** dictionary the quote stage falls back on the text alone. */
    if (quotes && el_engine_load_dict(e, &d) != EL_OK) {   /* out of memory, reported */
        el_engine_close(e); el_diag_fini(&d); free(cli.inputs);
        return 1;
    }
    if (collect && !(c.cmp = el_cmp_new())) {
        el_reject(&d, "eventline", 0, "out of memory allocating the comparison set");
        el_engine_close(e); el_diag_fini(&d); free(cli.inputs);
        return 1;
    }
    el_out_init(&c.out, stdout);
    el_meter_start(&c.m, quotes ? "quotes" : "counts", cli.stats);
    int rrc = el_read_inputs(e, cli.inputs, cli.n_inputs, &d, on_doc, &c);
    if (c.cmp) write_collected(&c);
    el_meter_done(&c.m, &d);
    if (el_out_close(&c.out)) el_reject(&d, "<stdout>", 0, "write error");
    int status = rrc == EL_ENOMEM ? 1 : el_exit_status(&d);
    el_cmp_free(c.cmp);
    el_engine_close(e);
    el_diag_fini(&d);
    free(cli.inputs);
    return status;
}

int el_cmd_counts(int argc, char **argv) { return run(argc, argv, false); }
int el_cmd_quotes(int argc, char **argv) { return run(argc, argv, true); }
