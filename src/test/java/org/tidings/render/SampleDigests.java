package org.tidings.render;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.tidings.config.DigestConfig;
import org.tidings.model.Article;
import org.tidings.model.Digest;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.PublicLinks;
import org.tidings.model.Source;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

/** Digests, a subscriber and settings shared by the render tests and the benchmark. */
final class SampleDigests {
    static final PublicLinks LINKS = new PublicLinks(URI.create("https://news.example/"));
    static final DigestConfig CONFIG = new DigestConfig("Tidings", ZoneId.of("Europe/Paris"), 10, 300, Path.of("no-such-dir"));
    static final String TOKEN = "tok_8f3KqZ1x";
    static final Subscriber MARIE = subscriber("Marie Curie");
    static final Issue ISSUE = new Issue(
            3, 42, Instant.parse("2023-05-15T06:00:00Z"), Instant.parse("2023-05-22T06:00:00Z"), "Tidings #42: the week of 15 May");
    static final Source BLOG = source(1, "Le Blog", "news");
    static final Source ZEITUNG = source(2, "Die Zeitung", "news");
    static final Source TOOLS = source(3, "Tools Weekly", "tools");
    static final Source MISC = source(4, "Misc", null);

    private SampleDigests() {
    }

    static Templates builtIn() {
        return Templates.load(null);
    }

    static Subscriber subscriber(String name) {
        return new Subscriber(7, EmailAddress.parse("marie@example.org"), name, SubscriberStatus.ACTIVE,
                List.of(), TOKEN, Instant.EPOCH, Instant.EPOCH, null);
    }

    static Source source(long id, String title, String category) {
        return new Source(id, title, URI.create("https://site" + id + ".example/"),
                URI.create("https://site" + id + ".example/feed"), category);
    }

    static Article article(Source source, String title, String published) {
        Instant at = Instant.parse(published);
        return new Article(100 + title.hashCode() % 1000, source, "guid-" + title,
                URI.create("https://site" + source.feedId() + ".example/posts/" + Math.abs(title.hashCode())),
                title, List.of("Anne", "Bob"), at, null, at, "Summary of " + title + ".",
                "<p>Body of " + title + "</p>", List.of());
    }

    static Digest digest(Digest.Section... sections) {
        return new Digest(ISSUE, List.of(sections));
    }

    static Digest.Section section(String category, Digest.FeedArticles... feeds) {
        return new Digest.Section(category, List.of(feeds));
    }

    static Digest.FeedArticles feed(Source source, Article... articles) {
        return new Digest.FeedArticles(source, List.of(articles));
    }

    /** A digest like a real week: three categories, five feeds, {@code perFeed} articles each, long summaries. */
    static Digest week(int perFeed) {
        Source[] sources = {BLOG, ZEITUNG, TOOLS, MISC, source(5, "Crónica del Día", "news")};
        List<Digest.Section> sections = new ArrayList<>();
        String[] categories = {"news", "tools", null};
        for (String category : categories) {
            List<Digest.FeedArticles> feeds = new ArrayList<>();
            for (Source s : sources) {
                if (category == null ? s.category() == null : category.equals(s.category())) {
                    List<Article> articles = new ArrayList<>();
                    for (int i = 0; i < perFeed; i++) {
                        articles.add(longArticle(s, i));
                    }
                    feeds.add(new Digest.FeedArticles(s, articles));
                }
            }
            sections.add(new Digest.Section(category, feeds));
        }
        return new Digest(ISSUE, sections);
    }

    private static Article longArticle(Source s, int i) {
        Instant at = Instant.parse("2023-05-20T10:00:00Z").minusSeconds(3600L * i);
        String title = "Élan, “Straße” & año nuevo: notes on release " + i + " of " + s.title();
        String summary = ("Les développeurs ont publié une nouvelle version « majeure » qui change la façon "
                + "dont les flux sont lus; die Änderungen betreffen vor allem größere Dateien, y también "
                + "la gestión de errores. ").repeat(2).strip();
        return new Article(s.feedId() * 100 + i, s, "g" + s.feedId() + "-" + i,
                URI.create("https://site" + s.feedId() + ".example/2023/05/release-" + i + "?utm_source=feed&ref=x"),
                title, List.of("Zoë Müller", "José Núñez"), at, null, at, summary, "<p>" + summary + "</p>", List.of());
    }
}
