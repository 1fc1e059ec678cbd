/* test_date.c: day numbers, weekdays, ISO weeks, parsing. */
#include "testutil.h"

static void date_roundtrip_every_day(void **st) {
    (void)st;
    for (el_date t = el_date_from_ymd(1899, 12, 25); t < el_date_from_ymd(2101, 1, 5); t++) {
        int y, m, d;
        el_date_to_ymd(t, &y, &m, &d);
        assert_true(el_date_valid_ymd(y, m, d));
        assert_int_equal(el_date_from_ymd(y, m, d), t);
    }
    assert_int_equal(el_date_from_ymd(1970, 1, 1), 0);
}

static void date_weekdays(void **st) {
    (void)st;
    assert_int_equal(el_date_weekday(el_date_from_ymd(2024, 2, 13)), 1);   /* Tuesday */
    assert_int_equal(el_date_weekday(el_date_from_ymd(2024, 3, 30)), 5);   /* Saturday */
    assert_int_equal(el_date_weekday(el_date_from_ymd(1969, 12, 28)), 6);  /* Sunday */
    assert_int_equal(el_date_weekday(el_date_from_ymd(2000, 2, 29)), 1);
}

static void date_iso_weeks(void **st) {
    (void)st;
    static const int cases[][5] = {   /* y m d -> week-year week */
        {2024, 2, 13, 2024, 7}, {2024, 2, 11, 2024, 6}, {2020, 12, 31, 2020, 53},
        {2021, 1, 3, 2020, 53}, {2021, 1, 4, 2021, 1}, {2019, 12, 30, 2020, 1},
        {2024, 12, 30, 2025, 1}, {2026, 1, 1, 2026, 1}, {2027, 1, 1, 2026, 53},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int wy, wn;
        el_date_iso_week(el_date_from_ymd(cases[i][0], cases[i][1], cases[i][2]), &wy, &wn);
        assert_int_equal(wy, cases[i][3]);
        assert_int_equal(wn, cases[i][4]);
    }
}

static void date_parse_and_format(void **st) {
    (void)st;
    char out[11];
    el_date t = el_date_parse("2024-02-29", 10);
    assert_int_not_equal(t, EL_DATE_UNKNOWN);
    el_date_format(t, out);
    assert_string_equal(out, "2024-02-29");
    assert_int_equal(el_date_parse("2023-02-29", 10), EL_DATE_UNKNOWN);
    assert_int_equal(el_date_parse("2024-13-01", 10), EL_DATE_UNKNOWN);
    assert_int_equal(el_date_parse("2024-1-01x", 10), EL_DATE_UNKNOWN);
    assert_int_equal(el_date_parse("2024-01-01", 9), EL_DATE_UNKNOWN);
    assert_int_equal(el_date_days_in_month(1900, 2), 28);
    assert_int_equal(el_date_days_in_month(2000, 2), 29);
}

int main(void) {
    const struct CMUnitTest t[] = {
        cmocka_unit_test(date_roundtrip_every_day), cmocka_unit_test(date_weekdays),
        cmocka_unit_test(date_iso_weeks), cmocka_unit_test(date_parse_and_format),
    };
    return cmocka_run_group_tests(t, NULL, NULL);
}
