package org.tidings.parse.dates;

/** The single pass behind {@link DateParser}: fills {@link DateFields} from the text, allocating nothing. */
final class DateScanner {
    private static final String[] MONTHS = {
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    };
    private static final int NOT_A_DATE_WORD = -1;
    private static final int DATE_WORD = 0;
    private static final int UTC_ZONE = 1;
    private static final String[] WEEKDAYS = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    private DateScanner() {
    }

    /**
     * Reads a leading ISO 8601 date (yyyy-mm-dd, also with '/' and one-digit month or day) and a
     * 'T' after it.
     *
     * @return where the rest of the text starts, or -1 when it starts like an ISO date but is not one
     */
    static int readIsoDate(String s, DateFields f) {
        int i = skipSpaces(s, 0);
        int yearEnd = digitsEnd(s, i);
        if (yearEnd - i != 4 || yearEnd == s.length() || s.charAt(yearEnd) != '-' && s.charAt(yearEnd) != '/') {
            return i;
        }
        char separator = s.charAt(yearEnd);
        int monthEnd = digitsEnd(s, yearEnd + 1);
        if (monthEnd - yearEnd - 1 < 1 || monthEnd - yearEnd - 1 > 2
                || monthEnd == s.length() || s.charAt(monthEnd) != separator) {
            return -1;
        }
        int dayEnd = digitsEnd(s, monthEnd + 1);
        if (dayEnd - monthEnd - 1 < 1 || dayEnd - monthEnd - 1 > 2) {
            return -1;
        }
        f.year = number(s, i, yearEnd);
        f.month = number(s, yearEnd + 1, monthEnd);
        f.day = number(s, monthEnd + 1, dayEnd);
        boolean timeFollows = dayEnd + 1 < s.length() && isDigit(s.charAt(dayEnd + 1));
        return timeFollows && (s.charAt(dayEnd) == 'T' || s.charAt(dayEnd) == 't') ? dayEnd + 1 : dayEnd;
    }

    /** Reads everything from {@code i}: false at the first thing that is not part of a date. */
    static boolean readRest(String s, int i, DateFields f) {
        int end = s.length();
        int utcWordEnd = -1;
        while (i < end) {
            char c = s.charAt(i);
            if (c <= ' ' || c == ',' || c == '.' || c == '\u00A0') {
                i++;
            } else if (c == '(') {
                // RFC 822 comment, usually a zone name repeated: "-0800 (PST)".
                int close = s.indexOf(')', i);
                i = close < 0 ? end : close + 1;
            } else if (isLetter(c)) {
                int wordEnd = lettersEnd(s, i);
                int word = readWord(s, i, wordEnd, f);
                if (word == NOT_A_DATE_WORD) {
                    return false;
                }
                if (word == UTC_ZONE) {
                    utcWordEnd = wordEnd;
                }
                i = wordEnd;
            } else if (isDigit(c)) {
                int digitsEnd = digitsEnd(s, i);
                i = digitsEnd < end && s.charAt(digitsEnd) == ':' ? readTime(s, i, digitsEnd, f) : readNumber(s, i, digitsEnd, f);
                if (i < 0) {
                    return false;
                }
            } else if ((c == '+' || c == '-') && f.hour != DateFields.UNSET && (!f.hasZone || i == utcWordEnd)) {
                // "+0200", "-05:00", and "GMT+1" where the offset refines the "GMT" just read.
                i = readOffset(s, i + 1, c == '-' ? -1 : 1, f);
                if (i < 0) {
                    return false;
                }
            } else if (c == '-' || c == '/') {
                i++;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Month, weekday, zone or AM/PM: UTC_ZONE when it set the zone to UTC ("GMT" may get an offset next). */
    private static int readWord(String s, int from, int to, DateFields f) {
        int month = indexOfName(MONTHS, s, from, to);
        if (month >= 0 && f.month == DateFields.UNSET) {
            f.month = month + 1;
            return DATE_WORD;
        }
        if (indexOfName(WEEKDAYS, s, from, to) >= 0) {
            return DATE_WORD;
        }
        if (to - from == 2 && f.hour != DateFields.UNSET && (s.charAt(from + 1) | 0x20) == 'm') {
            return readAmPm(s.charAt(from) | 0x20, f);
        }
        int offset = TimeZoneNames.offsetSeconds(s, from, to);
        if (offset == TimeZoneNames.UNKNOWN) {
            return NOT_A_DATE_WORD;
        }
        if (f.hasZone) {
            // A second zone ("+0000 GMT") repeats the first; the first one wins.
            return DATE_WORD;
        }
        f.hasZone = true;
        f.offsetSeconds = offset;
        return offset == 0 ? UTC_ZONE : DATE_WORD;
    }

    private static int readAmPm(int firstLetter, DateFields f) {
        if (f.hour < 1 || f.hour > 12 || firstLetter != 'a' && firstLetter != 'p') {
            return NOT_A_DATE_WORD;
        }
        f.hour = f.hour % 12 + (firstLetter == 'p' ? 12 : 0);
        return DATE_WORD;
    }

    /** A month or weekday, full or abbreviated to at least three letters ("Mar", "Sept", "Thurs"). */
    private static int indexOfName(String[] names, String s, int from, int to) {
        int length = to - from;
        if (length < 3) {
            return -1;
        }
        for (int n = 0; n < names.length; n++) {
            if (length <= names[n].length() && names[n].regionMatches(true, 0, s, from, length)) {
                return n;
            }
        }
        return -1;
    }

    /** A four-digit year, or day then two-digit year (RFC 2822 4.3: below 50 is 20xx, else 19xx). */
    private static int readNumber(String s, int from, int to, DateFields f) {
        int digits = to - from;
        int value = number(s, from, to);
        if (digits <= 2 && f.day == DateFields.UNSET) {
            f.day = value;
        } else if (digits <= 4 && f.year == DateFields.UNSET) {
            f.year = digits == 4 ? value : digits == 3 ? value + 1900 : value < 50 ? value + 2000 : value + 1900;
        } else {
            return -1;
        }
        return to;
    }

    /** H:MM, H:MM:SS, H:MM:SS.fraction (',' as fraction separator too). */
    private static int readTime(String s, int from, int hourEnd, DateFields f) {
        if (f.hour != DateFields.UNSET || hourEnd - from > 2) {
            return -1;
        }
        int minuteEnd = digitsEnd(s, hourEnd + 1);
        if (minuteEnd - hourEnd - 1 != 2) {
            return -1;
        }
        f.hour = number(s, from, hourEnd);
        f.minute = number(s, hourEnd + 1, minuteEnd);
        if (minuteEnd == s.length() || s.charAt(minuteEnd) != ':') {
            return minuteEnd;
        }
        int secondEnd = digitsEnd(s, minuteEnd + 1);
        if (secondEnd - minuteEnd - 1 != 2) {
            return -1;
        }
        f.second = number(s, minuteEnd + 1, secondEnd);
        boolean hasFraction = secondEnd + 1 < s.length() && (s.charAt(secondEnd) == '.' || s.charAt(secondEnd) == ',')
                && isDigit(s.charAt(secondEnd + 1));
        return hasFraction ? readFraction(s, secondEnd + 1, f) : secondEnd;
    }

    /** Nanoseconds from the first nine fraction digits; further digits are ignored. */
    private static int readFraction(String s, int from, DateFields f) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        int nano = 0;
        for (int i = from; i < from + 9; i++) {
            nano = nano * 10 + (i < end ? s.charAt(i) - '0' : 0);
        }
        f.nano = nano;
        return end;
    }

    /** +HH, +HHMM, +HH:MM (also one-digit hours: "GMT+1", "+530"). */
    private static int readOffset(String s, int from, int sign, DateFields f) {
        int end = digitsEnd(s, from);
        int digits = end - from;
        int hours;
        int minutes = 0;
        if (digits == 1 || digits == 2) {
            hours = number(s, from, end);
            if (end + 1 < s.length() && s.charAt(end) == ':' && isDigit(s.charAt(end + 1))) {
                int minuteEnd = digitsEnd(s, end + 1);
                if (minuteEnd - end - 1 != 2) {
                    return -1;
                }
                minutes = number(s, end + 1, minuteEnd);
                end = minuteEnd;
            }
        } else if (digits == 3 || digits == 4) {
            hours = number(s, from, end - 2);
            minutes = number(s, end - 2, end);
        } else {
            return -1;
        }
        if (hours > 18 || minutes > 59) {
            return -1;
        }
        f.hasZone = true;
        f.offsetSeconds = sign * (hours * 3600 + minutes * 60);
        return end;
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + s.charAt(i) - '0';
        }
        return value;
    }

    /** Also stops after nine digits so that a number never overflows an int. */
    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && i - from < 9 && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lettersEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isLetter(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
