/*
** annotate_time.h: stage 4 helper, temporal expressions and their dates.
** In:  a segmented el_doc (body, sentences, tokens with lemmas) and its
**      publication date (doc->date, EL_DATE_UNKNOWN when none).
** Out: el_timex records in body order, allocated in doc->a, with TIMEX3-style
**      values resolved against the publication date, and the lookup the event
**      coder uses to date a clause.
** Never invents a value: what cannot be resolved is EL_TIME_VAGUE, value NULL.
*/
#ifndef EL_ANNOTATE_TIME_H
#define EL_ANNOTATE_TIME_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "el_int.h"

typedef enum el_time_type {
    EL_TIME_DATE, EL_TIME_DURATION, EL_TIME_SET, EL_TIME_VAGUE
} el_time_type;

/* KEEP IN SYNC: el_time_type and type_names[] in cmd_times.c. */

typedef struct el_timex {
    uint32_t start, end;        /* byte offsets into body */
    uint32_t sent;              /* sentence index */
    el_time_type type;
    const char *value;          /* "2024-02-13", "2024-W07", "2024-W06-WE", "2023-11",
                                ** "2023", "199", "2024-SU", "P3D", "PT48H", "P1W",
                                ** "XXXX-WXX-1"; NULL when vague */
    const char *granularity;    /* "day", "part_of_day", "week", "weekend", "month",
                                ** "season", "year", "decade", "duration", "set",
                                ** "unknown" */
    const char *part;           /* "MO", "AF", "EV", "NI" for a part of the day, else
                                ** NULL; value then holds the day itself */
    el_date first, last;        /* calendar days a date covers, else EL_DATE_UNKNOWN */
} el_timex;

/* Find and resolve the temporal expressions of doc, which must have been
** segmented. *out points into doc->a (NULL when none). Returns EL_OK, or
** EL_ENOMEM when the arena failed (then *out and *n_out are unusable). */
int el_time_annotate(const el_engine *e, el_doc *doc, el_timex **out, size_t *n_out);
/* Work out the filter of time words once, for the engine (el_engine_open). */
void el_time_heads(uint32_t masks[2][11]);

/* The date that governs sentence `sent` around byte `at` (UINT32_MAX: the
** sentence as a whole): the nearest date expression of that sentence,
** preferring one in the same clause, else the publication date with
** *from_pub set. *granularity gets the expression's granularity ("day" for
** the publication date, "unknown" when there is none). Returns
** EL_DATE_UNKNOWN when neither exists. granularity and from_pub may be NULL. */
el_date el_time_for_span(const el_doc *doc,
                         const el_timex *tx,      /* from el_time_annotate */
                         size_t n_tx,
                         uint32_t sent,           /* sentence index */
                         uint32_t at,             /* byte in body, or UINT32_MAX */
                         const char **granularity, /* OUT, may be NULL */
                         bool *from_pub);          /* OUT, may be NULL */

#endif
