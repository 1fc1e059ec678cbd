/*
** cmd_articles.c: `eventline articles INPUT...`, stages 1-3 made visible.
** One JSON object per article: metadata, the cleaned body, paragraph and
** sentence spans (byte offsets into body) and the debris set aside.
** --tokens adds every token as [start, end, "lemma"].
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "commands.h"
#include "engine.h"
#include "read.h"

static const char *const date_sources[] = {"none", "header", "meta", "inferred"};

typedef struct ctx {
    el_stream s;                /* engine, diag, output, meter: cli.h */
    bool tokens;
} ctx;

static void spans(el_buf *b, const char *key, int *first, const void *base, size_t n,
                  size_t stride) {
    el_json_key(b, key, first);
    el_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        const uint32_t *p = (const uint32_t *)((const char *)base + i * stride);
        el_buf_puts(b, i ? ",[" : "[");        /* no printf: a run writes 50k of these */
        el_buf_int(b, p[0]);
        el_buf_putc(b, ',');
        el_buf_int(b, p[1]);
        el_buf_putc(b, ']');
    }
    el_buf_putc(b, ']');
}

void el_write_article(el_buf *b, const el_doc *doc, int flags) {
    int f = 1;
    el_buf_putc(b, '{');
    el_json_key(b, "id", &f); el_json_strz(b, doc->id);
    el_json_key(b, "file", &f); el_json_strz(b, doc->base);
    el_json_key(b, "title", &f); el_json_strz(b, doc->title);
    el_json_key(b, "dek", &f); el_json_strz(b, doc->dek);
    el_json_key(b, "date", &f); el_json_date(b, doc->date);
    el_json_key(b, "date_source", &f); el_json_strz(b, date_sources[doc->date_source]);
    el_json_key(b, "date_evidence", &f); el_json_strz(b, doc->date_evidence);
    el_json_key(b, "outlet", &f); el_json_strz(b, doc->outlet);
    el_json_key(b, "url", &f); el_json_strz(b, doc->url);
    el_json_key(b, "language", &f); el_json_strz(b, doc->language);
    el_json_key(b, "translated", &f); el_json_bool(b, doc->translated);
    el_json_key(b, "body", &f); el_json_str(b, doc->body, doc->body_len);
    spans(b, "paragraphs", &f, doc->paras, doc->n_paras, sizeof *doc->paras);
    spans(b, "sentences", &f, doc->sents, doc->n_sents, sizeof *doc->sents);
    el_json_key(b, "removed", &f);
    el_buf_putc(b, '[');
    for (size_t i = 0; i < doc->n_removed; i++) {
        const el_removed *r = &doc->removed[i];
        int g = 1;
        el_buf_puts(b, i ? ",{" : "{");
        el_json_key(b, "text", &g); el_json_str(b, r->text, r->len);
        el_json_key(b, "kind", &g); el_json_strz(b, el_debris_names[r->kind]);
        el_json_key(b, "line", &g); el_json_int(b, r->raw_line);
        if (r->repeat > 1) { el_json_key(b, "repeat", &g); el_json_int(b, r->repeat); }
        el_buf_putc(b, '}');
    }
    el_buf_putc(b, ']');
    el_json_key(b, "n_tokens", &f); el_json_int(b, (long long)doc->n_toks);
    if (flags & EL_ART_RAW) { el_json_key(b, "raw", &f); el_json_str(b, doc->raw, doc->raw_len); }
    if (flags & EL_ART_TOKENS) {
        el_json_key(b, "tokens", &f);
        el_buf_putc(b, '[');
        for (size_t i = 0; i < doc->n_toks; i++) {
            const el_token *t = &doc->toks[i];
            el_buf_printf(b, "%s[%u,%u,", i ? "," : "", t->start, t->end);
            el_json_str(b, t->lemma, t->lemma_len);
            el_buf_putc(b, ']');
        }
        el_buf_putc(b, ']');
    }
    el_buf_putc(b, '}');
}

static int on_doc(el_doc *doc, void *ud) {
    ctx *c = ud;
    if (el_process_doc(c->s.e, doc, EL_STAGE_SEGMENT, c->s.d) != EL_OK) return 0;
    el_write_article(&c->s.out.b, doc, c->tokens ? EL_ART_TOKENS : 0);
    el_out_line_done(&c->s.out);
    el_meter_add(&c->s.m, 1, (long)doc->n_sents, doc->raw_len);
    return 0;
}

int el_cmd_articles(int argc, char **argv) {
    el_cli cli = {.want_inputs = true};
    ctx c = {0};
    el_flag flags[] = {{"--tokens", NULL, &c.tokens, "add tokens as [start,end,\"lemma\"]"}, {0}};
    int rc = el_cli_parse(&cli, argc, argv, "articles", "[options] INPUT...", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    return el_stream_run(&cli, "articles", &c.s, NULL, on_doc, NULL, &c);
}
