/*
** export.h: a run's events in the formats other tools read.
** In:  a run folder (events, articles, entities .jsonl) or a database
**      written by store.c; both give byte-identical exports.
** Out: GDELT 2.0-style events and mentions tables (tab-separated, GDELT's
**      column order, no header), PLOVER JSON Lines records, CSV (RFC 4180,
**      with a header). Deterministic: the order of events.jsonl, no clock.
** Where a GDELT column has no equivalent, docs/SCHEMA.md says what goes in.
*/
#ifndef EL_EXPORT_H
#define EL_EXPORT_H
#include <stdbool.h>
#include <stdio.h>
#include "date.h"
#include "diag.h"
#include "store.h"

/* KEEP IN SYNC: format_names[] and export_files[] in export.c. */
typedef enum el_export_format {
    EL_EXPORT_GDELT, EL_EXPORT_GDELT_MENTIONS, EL_EXPORT_PLOVER, EL_EXPORT_CSV, EL_EXPORT__COUNT
} el_export_format;

/* "gdelt", "gdelt-mentions", "plover", "csv" to the format, or -1. */
int el_export_format_parse(const char *name);

/* Write one format to f from a run folder or from an open store. Bad lines
** are reported to d (FILE:LINE) and skipped. Returns EL_OK, or EL_EINPUT
** when the source could not be read or f could not be written (reported). */
int el_export_dir(const char *out_dir, int format, FILE *f, el_diag *d);
int el_export_store(el_store *s, int format, FILE *f, el_diag *d);

/* The days an event date stands for: "2024-02-13" (and "2024-02-13TEV") one
** day, "2024-02" its month, "2024-W07" its ISO week (Monday to Sunday),
** "2024-W07-WE" that weekend, "2024" its year. Returns false (lo and hi
** EL_DATE_UNKNOWN) when v is NULL or not such a value (durations, vague). */
bool el_date_period(const char *v, el_date *lo, el_date *hi);

/* For `eventline run`: write every format into out_dir as gdelt.events.tsv,
** gdelt.mentions.tsv, plover.jsonl and events.csv, each through a
** temporary file renamed into place (a reader never sees half a file).
** Returns EL_OK or EL_EINPUT (reported). */
int el_export_write_all(const char *out_dir, el_diag *d);

#endif
