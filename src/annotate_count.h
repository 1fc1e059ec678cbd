/*
** annotate_count.h: stage 4 helper, numbers and the counts they make.
** In:  a segmented el_doc; doc->times when the time stage ran before us.
** Out: doc->counts, one el_count per number that counts something (people
**      killed, held, released ...), money or a percentage, in body order,
**      each normalised to a value or a range with its qualifier, attached
**      to its group, place, date and attribution; allocated in doc->a.
** Years, dates, times, ages, ordinals, phone numbers, durations and names
** ("Channel 12") are recognised as numbers but never become counts.
*/
#ifndef EL_ANNOTATE_COUNT_H
#define EL_ANNOTATE_COUNT_H
#include <stddef.h>
#include <stdint.h>
#include "el_int.h"

/* What a number is. KEEP IN SYNC: num_class_names[] in annotate_count.c. */
typedef enum el_num_class {
    EL_NUM_COUNT, EL_NUM_MONEY, EL_NUM_PERCENT, EL_NUM_YEAR, EL_NUM_DATE, EL_NUM_TIME,
    EL_NUM_AGE, EL_NUM_ORDINAL, EL_NUM_PHONE, EL_NUM_DURATION, EL_NUM_MEASURE,
    EL_NUM_NAME, EL_NUM_OTHER, EL_NUM__COUNT
} el_num_class;

/* What a count counts. KEEP IN SYNC: kind_names[] in annotate_count.c. */
typedef enum el_count_kind {
    EL_KIND_KILLED, EL_KIND_WOUNDED, EL_KIND_HOSTAGE, EL_KIND_KIDNAPPED, EL_KIND_RELEASED,
    EL_KIND_PRISONER, EL_KIND_DISPLACED, EL_KIND_ARRESTED, EL_KIND_PROTESTERS,
    EL_KIND_AFFECTED, EL_KIND_OTHER, EL_KIND_MONEY, EL_KIND_PERCENT, EL_KIND__COUNT
} el_count_kind;

/* Qualifiers, canonical. KEEP IN SYNC: qual_names[] in annotate_count.c. */
typedef enum el_qual {
    EL_QUAL_NONE, EL_QUAL_ABOUT, EL_QUAL_SOME, EL_QUAL_ROUGHLY, EL_QUAL_NEARLY,
    EL_QUAL_AT_LEAST, EL_QUAL_MORE_THAN, EL_QUAL_UP_TO, EL_QUAL_AS_MANY_AS,
    EL_QUAL_FEWER_THAN, EL_QUAL_RELATIVE, EL_QUAL__COUNT
} el_qual;

/* Is the figure a demand or an offer in a negotiation? Two outlets' counts
** are compared only when they agree on this. */
typedef enum el_stance { EL_STANCE_NONE, EL_STANCE_DEMANDED, EL_STANCE_OFFERED } el_stance;

/* One number expression found in a sentence, classified and normalised.
** value is the point figure ("some 130": 130), min/max the bounds ("at
** least 74": min 74; "35 to 40": 35..40; "dozens": 24..99); NAN when absent.
** "as many as 800" is the reported figure 800 (value and max). */
typedef struct el_number {
    uint32_t start, end;        /* bytes: qualifier through the last number word */
    uint32_t tok, tok_end;      /* tokens [tok, tok_end) of the same span */
    uint32_t core;              /* token where the figure itself starts */
    uint8_t cls;                /* el_num_class */
    uint8_t qual;               /* el_qual */
    uint8_t vague;              /* "dozens", "tens of thousands" */
    double value, min, max;
    double factor;              /* "twice as many": 2, with qual EL_QUAL_RELATIVE */
} el_number;

typedef struct el_count {
    uint32_t start, end;        /* the count phrase: "at least 74 Palestinians" */
    uint32_t fig_end;           /* end of the figure alone: "at least 74" */
    uint32_t sent;              /* sentence index */
    uint8_t kind;               /* el_count_kind */
    uint8_t qual;               /* el_qual */
    uint8_t stance;             /* el_stance */
    uint8_t vague;
    double value, min, max;     /* NAN when absent, see el_number */
    const char *subject;        /* group counted, "Palestinian prisoners"; NULL if none */
    const char *head;           /* its canonical head for comparison ("hostage",
                                ** "people"); never NULL ("" when none) */
    uint32_t attr_start, attr_end;   /* attribution phrase; equal when none */
    uint32_t src_start, src_end;     /* its source alone ("Hamas health officials") */
    const char *place;          /* "Rafah", "the Gaza Strip"; NULL if none */
    const char *date;           /* "2024-02-14", "2023-11"; NULL if unknown */
    el_date day;                /* first day of date, EL_DATE_UNKNOWN if none */
    bool date_from_pub;         /* the sentence gave no date: publication date */
} el_count;

/* Find and classify every number expression of sentence s. Writes at most
** max into out and returns how many were found (may exceed max). Never
** allocates. */
size_t el_numbers_find(const el_doc *doc, uint32_t s, el_number *out, size_t max);

/* The count stage's word filters into a set (el_word_filters_fill; the
** frame filter it also reads is the quote stage's, el_quote_filters). */
void el_count_filters(el_word_filters *w);

/* Stage entry: fill doc->counts / doc->n_counts. Returns EL_OK or EL_ENOMEM
** (the arena failed; the doc is then skipped by the caller). */
int el_counts_annotate(const el_engine *e, el_doc *doc, el_diag *d);

const char *el_num_class_name(int cls);
const char *el_count_kind_name(int kind);
const char *el_qual_name(int qual);      /* NULL for EL_QUAL_NONE */

#endif
