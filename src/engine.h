/*
** engine.h: what lives for a whole run, and the per-document pipeline.
** el_engine_open() loads the lexicons and the manifest once; el_process_doc()
** takes one doc from read.c through the stages a command asks for. The
** engine is read-only while documents flow.
*/
#ifndef EL_ENGINE_H
#define EL_ENGINE_H
#include "el_int.h"

/* Stages in pipeline order; el_process_doc(.., upto, ..) runs all up to upto.
** KEEP IN SYNC with the switch in engine.c. */
enum {
    EL_STAGE_CLEAN = 1, EL_STAGE_SEGMENT = 2, EL_STAGE_TIME = 3, EL_STAGE_ACTORS = 4,
    EL_STAGE_COUNTS = 5, EL_STAGE_QUOTES = 6, EL_STAGE_CODE = 7,
};

el_engine *el_engine_open(const el_options *opt, el_diag *d);  /* NULL on failure */
void       el_engine_close(el_engine *e);
/* Run the stages up to `upto` on doc; EL_OK or an EL_E* code. */
int        el_process_doc(const el_engine *e, el_doc *doc, int upto, el_diag *d);
/* Run the stages of mask (EL_STAGE_BIT(s) | ...), in pipeline order. */
#define EL_STAGE_BIT(s) (1u << (s))
int        el_process_stages(const el_engine *e, el_doc *doc, unsigned mask, el_diag *d);

#endif
