package org.tidings.parse;

/**
 * An entry's dates as the feed wrote them, before {@link org.tidings.parse.dates.DateParser} reads them.
 *
 * @param published the publication date text, or null
 * @param updated the last-modified date text, or null
 */
record RawDates(String published, String updated) {
    static final RawDates NONE = new RawDates(null, null);
}
