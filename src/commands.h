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

/* Shared writers. */
void el_write_article(el_buf *b, const el_doc *doc, bool tokens);

#endif
