/*
** annotate_quote.h: stage 4 helper, quotations and who said them.
** In:  a segmented el_doc; doc->ments (actor mentions) when the actor stage
**      ran before us, else speakers are resolved from the text alone.
** Out: doc->quotes, in body order: direct quotes (straight or curly marks,
**      across sentences and paragraphs, nesting kept inside) and reported
**      speech ("X said that ...", "X told Reuters ...") as indirect quotes,
**      each with its speaker text and, where it can be resolved, the entity
**      ("he" -> the last person speaking; "his office" -> "<person>'s office").
** Also the attribution frames ("according to X", "X said") that counts use.
*/
#ifndef EL_ANNOTATE_QUOTE_H
#define EL_ANNOTATE_QUOTE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "el_int.h"

typedef enum el_quote_type { EL_QUOTE_DIRECT, EL_QUOTE_INDIRECT } el_quote_type;

typedef struct el_quote {
    uint32_t start, end;        /* the words quoted (inside the marks) or reported */
    uint32_t sent;              /* sentence where the quote starts */
    uint8_t type;               /* el_quote_type */
    uint32_t spk_start, spk_end;   /* speaker phrase in body; equal when none found */
    const char *speaker;        /* speaker text as written; NULL when none found */
    const char *entity;         /* resolved speaker, "Benjamin Netanyahu's office"; or NULL */
} el_quote;

/* An attribution frame: who a sentence says its content comes from. */
typedef enum el_frame_form {
    EL_FRAME_SUBJ_VERB,         /* "the IDF said", "An Israeli official told Reuters" */
    EL_FRAME_VERB_SUBJ,         /* ", said Egypt's Al-Qahera News" */
    EL_FRAME_ACCORDING,         /* "according to Hamas health officials" */
    EL_FRAME_CITING             /* "citing a security source", "quoting officials" */
} el_frame_form;

typedef struct el_frame {
    uint32_t verb;              /* token of the cue ("said", "according", "citing") */
    uint32_t subj, subj_end;    /* tokens [subj, subj_end) of the source */
    uint32_t start, end;        /* bytes of the whole phrase, cue included */
    uint8_t form;               /* el_frame_form */
    bool has_that;              /* "said that ...", "said: ..." (content follows) */
} el_frame;

/* The quote stage's word filters into a set (el_word_filters_fill): the
** roles, and the four the frames are read with (el_frame_filter, el_int.h:
** cue words, subject boundaries, words between subject and verb, speaker
** nouns). el_word_filters_of() gives the engine's set, or fills one when
** there is no engine. */
void el_quote_filters(el_word_filters *w);

/* Attribution frames of sentence s in body order. Writes at most max and
** returns how many were found (may exceed max). Never allocates. */
size_t el_frames_find(const el_doc *doc, const el_frame_filter *f, uint32_t s, el_frame *out, size_t max);

/* Is token i a speech or report verb ("said", "told", "reported")? */
bool el_is_speech_verb(const el_doc *doc, size_t i);

/* Stage entry: fill doc->quotes / doc->n_quotes. Returns EL_OK or EL_ENOMEM. */
int el_quotes_annotate(const el_engine *e, el_doc *doc, el_diag *d);

#endif
