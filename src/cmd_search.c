/*
** cmd_search.c: `eventline search QUERY [--db FILE] [filters]`, full-text
** search of the stored articles (SQLite FTS5, BM25 ranking).
** In:  a database written by `eventline run` (or `eventline store`).
** Out: one JSON object per hit, best first:
**      {"id","file","title","date","outlet","score","snippet"}.
** Exit 0 with or without hits; 1 when the database or query failed; 2 usage.
*/
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "commands.h"
#include "store.h"

static int on_hit(const el_search_hit *h, void *ud) {
    el_out *o = ud;
    el_buf *b = &o->b;
    int f = 1;
    el_buf_putc(b, '{');
    el_json_key(b, "id", &f); el_json_strz(b, h->id);
    el_json_key(b, "file", &f); el_json_strz(b, h->file);
    el_json_key(b, "title", &f); el_json_strz(b, h->title);
    el_json_key(b, "date", &f); el_json_strz(b, h->date);
    el_json_key(b, "outlet", &f); el_json_strz(b, h->outlet);
    el_json_key(b, "score", &f); el_json_double(b, h->score, 6);
    el_json_key(b, "snippet", &f); el_json_strz(b, h->snippet);
    el_buf_putc(b, '}');
    el_out_line_done(o);
    return 0;
}

int el_cmd_search(int argc, char **argv) {
    el_cli cli = {.want_inputs = false};
    const char *db = "eventline-out/eventline.db", *limit = NULL;
    el_search_q q = {0};
    el_flag flags[] = {
        {"--db", &db, NULL, "the database (default eventline-out/eventline.db)"},
        {"--from", &q.from, NULL, "articles dated on or after DATE (YYYY-MM-DD, or a prefix)"},
        {"--to", &q.to, NULL, "articles dated on or before DATE (YYYY-MM-DD, or a prefix)"},
        {"--actor", &q.actor, NULL, "articles that mention this actor (name or alias, any case)"},
        {"--outlet", &q.outlet, NULL, "articles of this outlet (any case)"},
        {"--limit", &limit, NULL, "at most N hits (default 20)"},
        {0},
    };
    int rc = el_cli_parse(&cli, argc, argv, "search", "[options] QUERY...", flags);
    if (rc >= 0) { free(cli.inputs); return rc; }
    if (cli.n_inputs == 0 || (limit && atol(limit) <= 0)) {
        fprintf(stderr, "eventline search: %s\nTry 'eventline search --help'.\n",
                cli.n_inputs ? "--limit needs a positive number" : "no query");
        free(cli.inputs);
        return 2;
    }
    /* The words of the query may come as several arguments. */
    size_t n = 1;
    for (int i = 0; i < cli.n_inputs; i++) n += strlen(cli.inputs[i]) + 1;
    char *query = calloc(1, n);
    for (int i = 0; query && i < cli.n_inputs; i++) {
        if (i) strcat(query, " ");
        strcat(query, cli.inputs[i]);
    }
    q.query = query;
    q.limit = limit ? atol(limit) : 20;
    el_diag d;
    el_diag_init(&d, NULL);
    el_store *s = query ? el_store_open(db, false, &d) : NULL;
    if (s) {
        el_out out;
        el_out_init(&out, stdout);
        el_store_search(s, &q, on_hit, &out, &d);
        if (el_out_close(&out)) el_reject(&d, "<stdout>", 0, "write error");
    }
    int status = s ? el_exit_status(&d) : 1;
    el_store_close(s);
    el_diag_fini(&d);
    free(query);
    free(cli.inputs);
    return status;
}
