/*
** textutil.c: ASCII-cased helpers shared by clean, segment and the
** annotators. Month and weekday tables live here so every stage agrees on
** what "Sept." means.
*/
#include "textutil.h"

/* No strlen(w): asked tens of times a sentence, these mostly fail at the
** first byte. */
bool el_ieq(const char *s, size_t n, const char *w) {
    for (size_t i = 0; i < n; i++)
        if (!w[i] || el_lower((unsigned char)s[i]) != el_lower((unsigned char)w[i])) return false;
    return w[n] == '\0';
}

bool el_iprefix(const char *s, size_t n, const char *w) {
    for (size_t i = 0; w[i]; i++)
        if (i >= n || el_lower((unsigned char)s[i]) != el_lower((unsigned char)w[i])) return false;
    return true;
}

bool el_isuffix(const char *s, size_t n, const char *w) {
    size_t m = strlen(w);
    return m <= n && el_ieq(s + n - m, m, w);
}

long el_ifind(const char *s, size_t n, const char *w) {
    size_t m = strlen(w);
    if (!m) return 0;
    for (size_t i = 0; i + m <= n; i++)
        if (el_lower((unsigned char)s[i]) == el_lower((unsigned char)w[0]) && el_ieq(s + i, m, w))
            return (long)i;
    return -1;
}

void el_trim(const char **s, size_t *n) {
    const char *p = *s;
    size_t k = *n;
    for (;;) {
        if (k && el_is_space((unsigned char)p[0])) { p++; k--; }
        else if (k >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) { p += 2; k -= 2; }
        else break;
    }
    for (;;) {
        if (k && el_is_space((unsigned char)p[k - 1])) k--;
        else if (k >= 2 && (unsigned char)p[k - 2] == 0xC2 && (unsigned char)p[k - 1] == 0xA0) k -= 2;
        else break;
    }
    *s = p;
    *n = k;
}

size_t el_count_words(const char *s, size_t n) {
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = el_is_space((unsigned char)s[i]);
        if (!sp && !in) w++;
        in = !sp;
    }
    return w;
}

static const char *const months[12][3] = {
    {"January", "Jan", NULL}, {"February", "Feb", NULL}, {"March", "Mar", NULL},
    {"April", "Apr", NULL}, {"May", NULL, NULL}, {"June", "Jun", NULL},
    {"July", "Jul", NULL}, {"August", "Aug", NULL}, {"September", "Sept", "Sep"},
    {"October", "Oct", NULL}, {"November", "Nov", NULL}, {"December", "Dec", NULL},
};

static const char *const weekdays[7][3] = {
    {"Monday", "Mon", NULL}, {"Tuesday", "Tues", "Tue"}, {"Wednesday", "Wed", NULL},
    {"Thursday", "Thurs", "Thu"}, {"Friday", "Fri", NULL}, {"Saturday", "Sat", NULL},
    {"Sunday", "Sun", NULL},
};

/* Match one of names at s as a whole word (an abbreviation may take a '.'). */
static size_t match_name(const char *s, size_t n, const char *const names[3], bool icase) {
    for (int k = 0; k < 3 && names[k]; k++) {
        size_t m = strlen(names[k]);
        if (m > n) continue;
        if (icase ? !el_ieq(s, m, names[k]) : memcmp(s, names[k], m) != 0) continue;
        if (m < n && el_is_alpha((unsigned char)s[m])) continue;
        if (k > 0 && m < n && s[m] == '.') return m + 1;
        return m;
    }
    return 0;
}

int el_month_at(const char *s, size_t n, size_t *len, bool icase) {
    if (!n || !strchr("JFMASONDjfmasond", s[0]) || (!icase && !el_is_upper((unsigned char)s[0])))
        return 0;                                /* the hot path: most words are no month */
    int c0 = el_lower((unsigned char)s[0]);
    for (int i = 0; i < 12; i++) {
        if (c0 != el_lower((unsigned char)months[i][0][0])) continue;   /* a month's names share it */
        size_t m = match_name(s, n, months[i], icase);
        if (m) { *len = m; return i + 1; }
    }
    return 0;
}

int el_weekday_at(const char *s, size_t n, size_t *len, bool icase) {
    if (!n || !strchr("MTWFSmtwfs", s[0]) || (!icase && !el_is_upper((unsigned char)s[0])))
        return -1;
    int c0 = el_lower((unsigned char)s[0]);
    for (int i = 0; i < 7; i++) {
        if (c0 != el_lower((unsigned char)weekdays[i][0][0])) continue;
        size_t m = match_name(s, n, weekdays[i], icase);
        if (m) { *len = m; return i; }
    }
    return -1;
}
