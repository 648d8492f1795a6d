package org.tidings.parse.text;

/**
 * Numeric references to C1 controls (&amp;#146;) almost always mean the windows-1252 character
 * with that byte value; HTML5 reads them so (section 13.2.5.80), and so do we, in XML repair and
 * in HTML text alike.
 */
public final class Windows1252Controls {
    private static final int[] FROM_0X80 = {
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    };

    private Windows1252Controls() {
    }

    /** @return the windows-1252 character for a C1 control that has one, else {@code codepoint} itself */
    public static int remap(int codepoint) {
        return codepoint >= 0x80 && codepoint <= 0x9F ? FROM_0X80[codepoint - 0x80] : codepoint;
    }
}
