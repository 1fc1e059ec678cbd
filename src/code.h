/*
** code.h: stage 5, events from sentences: CAMEO and PLOVER, with modality.
** In:  a doc after the annotators (tokens, sentences, doc->times from the
**      time stage, doc->ments from the actor stage) and the engine's
**      pattern lexicon (el_verbs, code_lexicon.c).
** Out: doc->events, in sentence order: one el_event per source-target pair,
**      each with its category, modality, date and place.
** Nothing is coded from removed debris (it is not in body) and media
** outlets are never source or target.
*/
#ifndef EL_CODE_H
#define EL_CODE_H
#include <stdbool.h>
#include <stdint.h>
#include "el_int.h"

typedef enum el_modality {
    EL_MOD_ASSERTED, EL_MOD_NEGATED, EL_MOD_PLANNED, EL_MOD_HYPOTHETICAL
} el_modality;
extern const char *const el_modality_names[4];   /* KEEP IN SYNC with el_modality */

typedef struct el_code_info {   /* one CAMEO code, from data/verbs/cameo.tsv */
    const char *cameo;          /* "046" */
    const char *name;
    const char *plover;         /* "CONSULT", or NULL when PLOVER leaves it out */
    int quad_class;             /* 1..4 */
    double goldstein;
} el_code_info;

typedef struct el_event_arg {   /* a source or target */
    uint32_t start, end;        /* body bytes of the actor's words */
    const char *text;           /* those words (arena) */
    const char *code;           /* "ISRGOV", "PSEREBHMS", or NULL when not known */
    const char *name;           /* canonical name, or NULL */
    int entity;                 /* run-wide entity id, or -1 */
    int ment;                   /* index in doc->ments of the mention, or -1: ids given
                                ** after coding (run's threads) are copied through it */
    bool person;                /* a named person (linking tells persons apart) */
} el_event_arg;

typedef struct el_event {
    uint32_t sent;              /* sentence index */
    uint32_t start, end;        /* body bytes of the words that carry the event */
    const el_code_info *code;
    el_modality modality;
    bool has_source, has_target;
    el_event_arg source, target;
    el_date date;               /* EL_DATE_UNKNOWN when none */
    const char *date_granularity;
    bool date_from_pub;         /* no expression in the clause: the publication date */
    const char *place;          /* place name in the sentence, or NULL */
    const char *place_country;
    double lat, lon;            /* NaN when unknown */
    const char *pattern;        /* the lexicon line that matched, for explanation */
} el_event;

/* Load data/verbs (cameo.tsv and patterns) into e->verbs. Malformed lines are
** reported as FILE:LINE and skipped. Returns EL_OK or EL_EINPUT when the
** folder cannot be read at all. */
int el_engine_load_verbs(el_engine *e, el_diag *d);
const el_code_info *el_code_lookup(const el_verbs *v, const char *cameo);

/* Code every sentence of doc into doc->events. */
int el_code_doc(const el_engine *e, el_doc *doc, el_diag *d);

#endif
