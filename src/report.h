/*
** report.h: stage 7, report.html, a run a person can read in a browser.
** In:  the JSON Lines files of a run folder (articles, entities, events,
**      stories, counts, quotes; comparisons.jsonl when the run wrote one).
** Out: ONE self-contained HTML file (inline CSS, JS and SVG; a Content
**      Security Policy that forbids any network use): threads and episodes,
**      an SVG timeline, a sortable and filterable event table, numbers
**      compared, quotes, and every article with its actors and event
**      sentences highlighted and its debris set apart.
** Never break: all text from articles is escaped (no HTML can get through),
** and the same folder gives the same bytes (no clock, no addresses).
*/
#ifndef EL_REPORT_H
#define EL_REPORT_H
#include <stddef.h>
#include "diag.h"

/* What the page holds, whatever the size of the run: it is for a person to
** read, and its memory and size must not grow with the corpus. What is left
** out is counted on the page ("N more ..."). File order decides what is
** kept: `eventline run` writes the articles of its own inputs first, so the
** newest articles are the ones shown. Zero: the default.
** KEEP IN SYNC: the defaults in el_report_write_to (report.c), the field
** order (all size_t, read as an array there) and ARCHITECTURE.md. */
typedef struct el_report_opts {
    size_t max_articles;        /* articles shown in full; 0: 1000 */
    size_t max_list;            /* further articles listed by title; 0: 5000 */
    size_t max_events;          /* events in the timeline and table; 0: 5000 */
    size_t max_threads;         /* threads shown (with their episodes); 0: 500 */
    size_t max_episodes;        /* episodes kept; 0: 2000 */
    size_t max_story_articles;  /* articles linked per episode; 0: 10 */
    size_t max_rows;            /* numbers and quotes each; 0: 5000 */
    size_t max_comparisons;     /* comparisons (20 figures shown each); 0: 1000 */
} el_report_opts;

/* Write out_dir/report.html from out_dir's files with the default limits.
** Returns EL_OK, or EL_EINPUT when it could not be written (reported; a
** previous report.html is left as it was). Bad lines are reported as
** FILE:LINE and skipped. */
int el_report_write(const char *out_dir, el_diag *d);

/* The same, to any path, with limits (opt may be NULL). */
int el_report_write_to(const char *out_dir, const char *path, const el_report_opts *opt,
                       el_diag *d);

#endif
