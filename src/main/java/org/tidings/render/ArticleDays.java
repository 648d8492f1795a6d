package org.tidings.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tidings.model.Article;

/**
 * The front page's view of the newest articles: grouped by day in the digest's zone, every string
 * display-ready (one line, links http(s) only) so the page template only lays it out.
 */
public final class ArticleDays {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** One day's heading and its articles; {@code date} is ISO (2026-11-23) for {@code <time datetime>}. */
    public record Day(String heading, String date, List<Item> articles) {
    }

    /**
     * One article.
     *
     * @param url null when the feed gave no http(s) link: the title is then plain text
     * @param datetime the instant for {@code <time datetime>}; {@code time} is "14:05" in the zone
     */
    public record Item(String title, String url, boolean hasUrl, String source, String authors, boolean hasAuthors,
            String datetime, String time, String summary, boolean hasSummary) {
    }

    private ArticleDays() {
    }

    /** @param articles newest first, as the store returns them */
    public static List<Day> of(List<Article> articles, ZoneId zone) {
        Map<LocalDate, List<Item>> days = new LinkedHashMap<>();
        for (Article a : articles) {
            Instant at = a.publishedAt() != null ? a.publishedAt() : a.firstSeenAt();
            days.computeIfAbsent(at.atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(item(a, at, zone));
        }
        List<Day> out = new ArrayList<>(days.size());
        days.forEach((date, items) -> out.add(new Day(DAY.format(date), date.toString(), items)));
        return out;
    }

    private static Item item(Article a, Instant at, ZoneId zone) {
        String title = OneLine.of(a.title());
        String url = WebLinks.href(a.url());
        String source = OneLine.of(a.source().title());
        String authors = OneLine.of(String.join(", ", a.authors()));
        String summary = OneLine.of(a.summary());
        return new Item(title.isEmpty() ? "(untitled)" : title, url, url != null,
                source.isEmpty() ? String.valueOf(a.source().feedUrl()) : source, authors, !authors.isEmpty(),
                at.toString(), TIME.format(at.atZone(zone)), summary, !summary.isEmpty());
    }
}
