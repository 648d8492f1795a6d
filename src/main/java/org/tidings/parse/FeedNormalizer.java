package org.tidings.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;
import org.tidings.parse.dates.DateParser;
import org.tidings.parse.sanitize.HtmlSanitizer;
import org.tidings.parse.text.PlainText;
import org.tidings.parse.urls.UrlResolver;

/**
 * Turns what a format mapper read into our records, the same way for every format: plain-text
 * titles, sanitized content with absolute URLs, parsed dates, stable identities.
 */
final class FeedNormalizer {
    static final int SUMMARY_CHARS = 300;

    private final HtmlSanitizer sanitizer;

    FeedNormalizer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    ParsedFeed normalize(RawFeed feed) {
        List<Entry> entries = new ArrayList<>(feed.entries().size());
        for (RawEntry entry : feed.entries()) {
            entries.add(entry(entry));
        }
        return new ParsedFeed(feed.format(), PlainText.title(feed.titleHtml()), feed.siteUrl(), feed.ttlMinutes(),
                entries);
    }

    private Entry entry(RawEntry raw) {
        var url = UrlResolver.resolve(raw.base(), raw.link());
        String title = PlainText.title(raw.titleHtml());
        String body = firstPresent(raw.contentHtml(), raw.summaryHtml());
        String summary = PlainText.summary(firstPresent(raw.summaryHtml(), raw.contentHtml()), SUMMARY_CHARS);
        Instant updated = DateParser.parse(raw.dates().updated());
        Instant published = DateParser.parse(raw.dates().published());
        return new Entry(
                EntryIdentity.of(raw.guid(), url, title, body),
                url,
                title,
                plainDistinct(raw.authors()),
                published != null ? published : updated,
                updated,
                summary,
                sanitizer.sanitize(body, raw.base()),
                plainDistinct(raw.categories()));
    }

    private static String firstPresent(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /** Feeds repeat authors and tags (dc:creator beside author, category beside dc:subject). */
    private static List<String> plainDistinct(List<String> texts) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String text : texts) {
            String plain = PlainText.title(text);
            if (!plain.isEmpty()) {
                distinct.add(plain);
            }
        }
        return List.copyOf(distinct);
    }
}
