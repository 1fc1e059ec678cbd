/*
** fuzz_pipeline.c: libFuzzer target for one article through every stage
** up to the coder (clean, segment, times, actors, counts, quotes, code),
** with the lexicon, the dictionary and the event patterns loaded once.
** The input is a plain-text article; when it has no date header, the low
** bit of its first byte decides whether it gets a publication date (the
** time stage resolves against it). Spans must stay inside body and every
** writer must print valid JSON.
*/
#include <math.h>
#include "fuzz.h"
#include "annotate_actor.h"
#include "annotate_count.h"
#include "annotate_quote.h"
#include "annotate_time.h"
#include "code.h"
#include "commands.h"
#include "dict.h"
#include "engine.h"
#include "read.h"

static el_engine *E;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc; (void)argv;
    E = fz_engine();
    return 0;
}

static void check_span(const el_doc *doc, uint32_t s, uint32_t e) {
    FZ_CHECK(s <= e && e <= doc->body_len);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
    el_diag *d = fz_diag();
    el_doc *doc = fz_new_doc();
    el_arena *a = doc->a;
    if (el_read_text(E, doc, (const char *)data, size, d) != EL_OK) abort();
    if (doc->date == EL_DATE_UNKNOWN && size && (data[0] & 1)) {
        doc->date = el_date_from_ymd(2024, 2, 13);
        doc->date_source = EL_DATE_META;
    }
    if (el_process_doc(E, doc, EL_STAGE_CODE, d) == EL_OK) {
        fz_check_doc(doc);
        el_buf b = {0};
        el_write_article(&b, doc, EL_ART_TOKENS);
        el_buf_putc(&b, '\n');
        for (size_t i = 0; i < doc->n_times; i++) {
            FZ_CHECK(doc->times[i].sent < doc->n_sents);
            check_span(doc, doc->times[i].start, doc->times[i].end);
        }
        for (size_t i = 0; i < doc->n_ments; i++) {
            const el_mention *m = &doc->ments[i];
            FZ_CHECK(m->sent < doc->n_sents && m->tok <= doc->n_toks && m->n_tok <= doc->n_toks - m->tok);
            check_span(doc, m->start, m->end);
        }
        for (size_t i = 0; i < doc->n_events; i++) {
            const el_event *ev = &doc->events[i];
            FZ_CHECK(ev->sent < doc->n_sents && ev->code);
            check_span(doc, ev->start, ev->end);
            if (ev->has_source) check_span(doc, ev->source.start, ev->source.end);
            if (ev->has_target) check_span(doc, ev->target.start, ev->target.end);
            el_write_code_event(&b, doc, ev);
            el_buf_putc(&b, '\n');
        }
        for (size_t i = 0; i < doc->n_counts; i++) {
            const el_count *c = &doc->counts[i];
            FZ_CHECK(c->sent < doc->n_sents);
            check_span(doc, c->start, c->end);
            check_span(doc, c->attr_start, c->attr_end);
            check_span(doc, c->src_start, c->src_end);
            el_write_count(&b, doc, c);
            el_buf_putc(&b, '\n');
        }
        for (size_t i = 0; i < doc->n_quotes; i++) {
            const el_quote *q = &doc->quotes[i];
            FZ_CHECK(q->sent < doc->n_sents || doc->n_sents == 0);
            check_span(doc, q->start, q->end);
            check_span(doc, q->spk_start, q->spk_end);
            el_write_quote(&b, doc->id, q, doc->body + q->start, q->end - q->start, -1);
            el_buf_putc(&b, '\n');
        }
        fz_check_jsonl(&b);
        el_buf_free(&b);
    }
    el_arena_free(a);
    return 0;
}
