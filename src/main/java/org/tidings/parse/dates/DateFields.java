package org.tidings.parse.dates;

import java.time.Instant;

/** The parts of a date as {@link DateScanner} finds them; a missing zone means UTC. */
final class DateFields {
    static final int UNSET = -1;
    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    int year = UNSET;
    int month = UNSET;
    int day = UNSET;
    int hour = UNSET;
    int minute;
    int second;
    int nano;
    int offsetSeconds;
    boolean hasZone;

    /** Null unless there is a day, month and year and every part is in range. */
    Instant toInstant() {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth()) {
            return null;
        }
        int h = hour == UNSET ? 0 : hour;
        // A leap second ("23:59:60") is a real RFC 3339 time; java.time has no place for it.
        int s = second == 60 ? 59 : second;
        if (h > 23 || minute > 59 || s > 59 || Math.abs(offsetSeconds) > MAX_OFFSET_SECONDS) {
            return null;
        }
        long epochSecond = epochDay() * 86_400L + h * 3600L + minute * 60L + s - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    private int daysInMonth() {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of the proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private long epochDay() {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
