/*
** date.c: civil calendar <-> day numbers, weekdays and ISO weeks.
** Uses the days-from-civil algorithm (era of 400 years), exact for any year
** an article can mention. No time zones: a news date is a calendar day.
*/
#include "date.h"

el_date el_date_from_ymd(int y, int m, int d) {
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (el_date)(era * 146097 + doe - 719468);
}

void el_date_to_ymd(el_date t, int *y, int *m, int *d) {
    int z = t + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int dd = doy - (153 * mp + 2) / 5 + 1;
    int mm = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (mm <= 2);
    *m = mm;
    *d = dd;
}

int el_date_days_in_month(int y, int m) {
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dim[m - 1];
}

bool el_date_valid_ymd(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= el_date_days_in_month(y, m);
}

int el_date_weekday(el_date t) {
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (int)((t % 7 + 7 + 3) % 7);
    return w;
}

void el_date_iso_week(el_date t, int *wy, int *wn) {
    el_date thursday = t - el_date_weekday(t) + 3;   /* the week's Thursday */
    int y, m, d;
    el_date_to_ymd(thursday, &y, &m, &d);
    *wy = y;
    *wn = (thursday - el_date_from_ymd(y, 1, 1)) / 7 + 1;
}

el_date el_date_parse(const char *s, size_t n) {
    if (n != 10 || s[4] != '-' || s[7] != '-') return EL_DATE_UNKNOWN;
    int v[3] = {0, 0, 0}, idx[3][2] = {{0, 4}, {5, 7}, {8, 10}};
    for (int k = 0; k < 3; k++)
        for (int i = idx[k][0]; i < idx[k][1]; i++) {
            if (s[i] < '0' || s[i] > '9') return EL_DATE_UNKNOWN;
            v[k] = v[k] * 10 + (s[i] - '0');
        }
    if (!el_date_valid_ymd(v[0], v[1], v[2])) return EL_DATE_UNKNOWN;
    return el_date_from_ymd(v[0], v[1], v[2]);
}

void el_date_format(el_date t, char out[static 11]) {
    int y, m, d;
    el_date_to_ymd(t, &y, &m, &d);
    /* Digits by hand: y, m, d are in range, and snprintf warns it might not be. */
    y = (y % 10000 + 10000) % 10000;
    out[0] = (char)('0' + y / 1000); out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10); out[3] = (char)('0' + y % 10);
    out[4] = '-'; out[5] = (char)('0' + m / 10); out[6] = (char)('0' + m % 10);
    out[7] = '-'; out[8] = (char)('0' + d / 10); out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}
