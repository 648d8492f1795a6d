package org.tidings.parse.dates;

/**
 * Zone abbreviations seen in feed dates, as fixed offsets. Abbreviations are ambiguous (CST is
 * also China, IST also Ireland and Israel); this table picks the reading feeds mostly mean, which
 * is the RFC 822 one for the US zones.
 */
final class TimeZoneNames {
    static final int UNKNOWN = Integer.MIN_VALUE;

    private static final String[] NAMES = {
        "GMT", "UT", "UTC", "WET", "WEST", "BST", "IST",
        "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "HDT",
        "AST", "ADT", "NST", "NDT",
        "CET", "CEST", "MET", "MEST", "MEZ", "MESZ", "EET", "EEST", "MSK",
        "PKT", "ICT", "WIB", "HKT", "SGT", "JST", "KST",
        "AWST", "ACST", "ACDT", "AEST", "AEDT", "NZST", "NZDT",
    };
    /** Offsets in minutes, parallel to NAMES. */
    private static final int[] MINUTES = {
        0, 0, 0, 0, 60, 60, 330,
        -300, -240, -360, -300, -420, -360, -480, -420, -540, -480, -600, -540,
        -240, -180, -210, -150,
        60, 120, 60, 120, 60, 120, 120, 180, 180,
        300, 420, 420, 480, 480, 540, 540,
        480, 570, 630, 600, 660, 720, 780,
    };

    private TimeZoneNames() {
    }

    /** Offset in seconds of the zone named by s[from, to), case-insensitive; UNKNOWN if none. */
    static int offsetSeconds(String s, int from, int to) {
        int length = to - from;
        if (length == 1) {
            return militaryOffsetSeconds(s.charAt(from) | 0x20);
        }
        for (int n = 0; n < NAMES.length; n++) {
            if (NAMES[n].length() == length && NAMES[n].regionMatches(true, 0, s, from, length)) {
                return MINUTES[n] * 60;
            }
        }
        return UNKNOWN;
    }

    /**
     * Military letters with their real meaning (A = +1 ... M = +12, N = -1 ... Y = -12, Z = UTC).
     * RFC 822 printed the signs reversed; RFC 1123 5.2.14 says so, and senders follow the military.
     * J is local time, which is no zone at all.
     */
    private static int militaryOffsetSeconds(int letter) {
        if (letter == 'z') {
            return 0;
        }
        if (letter >= 'a' && letter <= 'i') {
            return (letter - 'a' + 1) * 3600;
        }
        if (letter >= 'k' && letter <= 'm') {
            return (letter - 'a') * 3600;
        }
        if (letter >= 'n' && letter <= 'y') {
            return -(letter - 'n' + 1) * 3600;
        }
        return UNKNOWN;
    }
}
