/*
** annotate_actor.h: stage 4, actors, places and media in an article.
** In:  a segmented doc and the engine's dictionary (el_engine_load_dict).
** Out: doc->ments in text order; mentions of one entity share `ent`
**      ("Benjamin Netanyahu" ... "Mr. Netanyahu" ... "the premier"); codes
**      are those at the article's date. Mentions never overlap, but a
**      composed one ("Mossad Director David Barnea") is followed by `inner`
**      mentions of what it names ("Mossad"): event coding skips those.
** el_actor_index gives entities run-wide ids (same entry or same full name,
** same id; first-seen order). Media are never an event's source or target.
*/
#ifndef EL_ANNOTATE_ACTOR_H
#define EL_ANNOTATE_ACTOR_H
#include <stdbool.h>
#include <stdint.h>
#include "dict.h"
#include "el_int.h"

/* How a mention was found. KEEP IN SYNC: el_ment_kind_names[] in annotate_actor.c. */
typedef enum el_ment_kind {
    EL_MENT_NAME,       /* a dictionary name, with any titles before it */
    EL_MENT_UNKNOWN,    /* a person in no dictionary, introduced by a title */
    EL_MENT_SURNAME,    /* a back-reference: "Barnea", "Mr. Netanyahu" */
    EL_MENT_DESCR,      /* a definite description: "the premier", "the terror group" */
    EL_MENT_METONYM,    /* a capital or building for a government: "Jerusalem said" */
    EL_MENT_AGENT,      /* a role noun with its country or body: "Qatari mediators" */
    EL_MENT_BARE,       /* a role noun alone ("officials"): no entity (ent -1) */
    EL_MENT_INNER,      /* a body or country inside a composed mention: "[Mossad] Director ..." */
    EL_MENT__COUNT
} el_ment_kind;
extern const char *const el_ment_kind_names[EL_MENT__COUNT];

typedef struct el_mention {
    uint32_t start, end;        /* body bytes */
    uint32_t tok, n_tok;        /* doc->toks[tok .. tok+n_tok) */
    uint32_t sent;              /* sentence index */
    int32_t ent;                /* doc-local entity, -1 for a bare role noun */
    int32_t entity;             /* run-wide id from el_actor_index_add, else -1 */
    int32_t entry;              /* dictionary entry, -1 for an unknown person */
    const char *code;           /* this mention's code ("QATGOV" for "Qatari mediators"), or NULL */
    const char *ent_code;       /* the entity's own code at the date ("QAT") */
    const char *name;           /* the entity's canonical name */
    const char *country;        /* ISO alpha-3, or NULL */
    double lat, lon;            /* NaN unless a place or a country */
    uint8_t type;               /* el_ent_type; EL_ENT_AGENT for a bare role noun */
    uint8_t kind;               /* el_ment_kind */
} el_mention;

/* Find the actors of doc into doc->ments (doc arena). Needs e->dict (else
** does nothing). Returns EL_OK or EL_ENOMEM. */
int el_actors_annotate(const el_engine *e, el_doc *doc, el_diag *d);

/* ---- Run-wide entities ---- */

typedef struct el_entity_ment {
    const char *article;        /* doc id */
    uint32_t start, end;
    const char *text;
    const char *code;
} el_entity_ment;

typedef struct el_entity {
    int id;                     /* 1, 2, ... in first-seen order */
    const char *name, *code, *country;
    double lat, lon;
    uint8_t type;
    el_entity_ment *ments;      /* kept only when the index keeps mentions */
    size_t n_ments, cap_ments;
} el_entity;

typedef struct el_actor_index el_actor_index;

/* keep: remember every mention (for `eventline actors`); otherwise only the
** entities, a few dozen bytes each. NULL when out of memory. */
el_actor_index  *el_actor_index_new(bool keep);
/* Give doc's entities their run-wide ids (doc->ments[i].entity). EL_OK or
** EL_ENOMEM. Call in article order: ids follow it. */
int              el_actor_index_add(el_actor_index *x, el_doc *doc);
size_t           el_actor_index_count(const el_actor_index *x);
const el_entity *el_actor_index_get(const el_actor_index *x, size_t i);   /* id i+1 */
void             el_actor_index_free(el_actor_index *x);                   /* NULL is fine */

#endif
