/*
** date.h: calendar dates as day numbers.
** An el_date is the count of days since 1970-01-01 (proleptic Gregorian), so
** arithmetic is plain integer arithmetic; EL_DATE_UNKNOWN marks "no date".
*/
#ifndef EL_DATE_H
#define EL_DATE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t el_date;
#define EL_DATE_UNKNOWN INT32_MIN

el_date el_date_from_ymd(int y, int m, int d);     /* no range check */
void    el_date_to_ymd(el_date t, int *y, int *m, int *d);
bool    el_date_valid_ymd(int y, int m, int d);
int     el_date_days_in_month(int y, int m);
int     el_date_weekday(el_date t);                /* 0 = Monday .. 6 = Sunday */
/* ISO-8601 week: *wy is the week-numbering year, *wn the week 1..53. */
void    el_date_iso_week(el_date t, int *wy, int *wn);
/* Parse "YYYY-MM-DD" exactly (n bytes); EL_DATE_UNKNOWN if malformed or invalid. */
el_date el_date_parse(const char *s, size_t n);
/* Write "YYYY-MM-DD" and a NUL into out (at least 11 bytes). */
void    el_date_format(el_date t, char out[static 11]);

#endif
