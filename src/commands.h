/*
** commands.h: the subcommands main.c dispatches to, one file each
** (cmd_<name>.c). Each takes the arguments after its name and returns the
** exit status. KEEP IN SYNC with the table in main.c.
*/
#ifndef EL_COMMANDS_H
#define EL_COMMANDS_H
#include <stdbool.h>
#include "buf.h"
#include "el_int.h"

int el_cmd_articles(int argc, char **argv);
int el_cmd_actors(int argc, char **argv);
int el_cmd_counts(int argc, char **argv);
int el_cmd_quotes(int argc, char **argv);
int el_cmd_cluster(int argc, char **argv);
int el_cmd_times(int argc, char **argv);
int el_cmd_code(int argc, char **argv);
int el_cmd_run(int argc, char **argv);
int el_cmd_search(int argc, char **argv);
int el_cmd_export(int argc, char **argv);
int el_cmd_store(int argc, char **argv);
int el_cmd_report(int argc, char **argv);

/* Shared writers. */
struct el_event;
void el_write_code_event(el_buf *b, const el_doc *doc, const struct el_event *ev);
void el_write_location(el_buf *b, const char *name, const char *country, double lat, double lon);
enum { EL_ART_TOKENS = 1, EL_ART_RAW = 2 };   /* el_write_article flags */
void el_write_article(el_buf *b, const el_doc *doc, int flags);
struct el_entity;
void el_write_entity(el_buf *b, const struct el_entity *E);
struct el_count; struct el_quote;
void el_write_count(el_buf *b, const el_doc *doc, const struct el_count *c);
/* statement < 0: no "statement" field (quotes not linked). */
void el_write_quote(el_buf *b, const char *article, const struct el_quote *q,
                    const char *text, size_t n, long statement);

#endif
