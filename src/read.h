/*
** read.h: stage 1, turn files and folders into documents.
** In:  paths (files or folders, walked in byte order of names), an optional
**      --meta manifest already loaded into the engine.
** Out: one el_doc per article, handed to a callback with raw text that is
**      valid NFC UTF-8, metadata from the input and the manifest, and the
**      seed-format date header taken off the text. The doc and its arena are
**      only valid during the callback.
** Bad input (binary, empty, malformed JSON line) is rejected with FILE:LINE
** and reading goes on with the next record.
*/
#ifndef EL_READ_H
#define EL_READ_H
#include "el_int.h"

typedef int (*el_doc_fn)(el_doc *doc, void *ud);   /* nonzero stops reading */

/* Read every input; returns EL_OK, or EL_ENOMEM if an arena failed. */
int el_read_inputs(const el_engine *e, char *const *paths, int n_paths,
                   el_diag *d, el_doc_fn fn, void *ud);

/* Parse a text already in memory as one article (used by tests and read). */
int el_read_text(const el_engine *e, el_doc *doc, const char *text, size_t len,
                 el_diag *d);

/* Manifests (meta.c). */
el_meta *el_meta_load(el_arena *a, const char *path, el_diag *d);
void     el_meta_apply(const el_meta *m, el_doc *doc);

#endif
