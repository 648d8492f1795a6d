package org.tidings.render;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tidings.config.DigestConfig;
import org.tidings.model.Article;
import org.tidings.model.Digest;
import org.tidings.model.PublicLinks;
import org.tidings.model.Source;
import org.tidings.model.Subscriber;

/** Prepares {@link DigestView}s: every decision the templates should not make. Thread-safe. */
final class DigestViews {
    /** The templates are English; so are the month names, whatever the server's locale. */
    static final String LANG = "en";
    private static final String NO_CATEGORY = "More";
    private static final String SEPARATOR = " \u00B7 ";
    private static final int PREHEADER_TITLES = 3;

    private final DigestConfig config;
    private final PublicLinks links;
    private final DateTimeFormatter day;

    DigestViews(DigestConfig config, PublicLinks links) {
        this.config = config;
        this.links = links;
        this.day = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(config.zone());
    }

    /** @param leftOut articles of the subscriber's digest that the email leaves to the web version */
    DigestView email(Digest digest, Subscriber subscriber, int leftOut) {
        String webVersion = links.archive(digest.issue().number()).toASCIIString();
        DigestView.EmailLinks personal = new DigestView.EmailLinks(webVersion,
                links.unsubscribe(subscriber.token()).toASCIIString(),
                links.preferences(subscriber.token()).toASCIIString());
        DigestView.More more = leftOut == 0 ? null : new DigestView.More(leftOut,
                leftOut + (leftOut == 1 ? " more article" : " more articles") + " in the web version", webVersion);
        return view(digest, personal, more);
    }

    DigestView web(Digest digest) {
        return view(digest, null, null);
    }

    private DigestView view(Digest digest, DigestView.EmailLinks email, DigestView.More more) {
        List<DigestView.Section> sections = sections(digest);
        // The issue's size as the subscriber's digest has it, what the email shows and what it leaves out alike.
        int count = digest.articleCount() + (more == null ? 0 : more.count());
        return new DigestView(LANG, OneLine.of(config.title()), OneLine.of(digest.issue().subject()),
                digest.issue().number(), day.format(digest.issue().periodEnd()),
                count == 1 ? "1 article" : count + " articles", preheader(sections),
                links.home().toASCIIString(), sections, email, more);
    }

    private List<DigestView.Section> sections(Digest digest) {
        boolean anyCategory = digest.sections().stream().anyMatch(s -> !OneLine.of(s.category()).isEmpty());
        List<DigestView.Section> sections = new ArrayList<>(digest.sections().size());
        for (Digest.Section section : digest.sections()) {
            List<DigestView.Feed> feeds = new ArrayList<>(section.feeds().size());
            for (Digest.FeedArticles feed : section.feeds()) {
                if (!feed.articles().isEmpty()) {
                    feeds.add(feed(feed));
                }
            }
            if (!feeds.isEmpty()) {
                String category = OneLine.of(section.category());
                // A lone "More" heading over the whole digest would say nothing.
                String heading = !category.isEmpty() ? category : anyCategory ? NO_CATEGORY : "";
                sections.add(new DigestView.Section(heading, !heading.isEmpty(), underline(heading, '='), feeds));
            }
        }
        return sections;
    }

    private DigestView.Feed feed(Digest.FeedArticles feed) {
        String name = sourceName(feed.source());
        String site = WebLinks.href(feed.source().siteUrl());
        List<DigestView.Item> items = new ArrayList<>(feed.articles().size());
        for (Article article : feed.articles()) {
            items.add(item(article, name));
        }
        return new DigestView.Feed(name, underline(name, '-'), site, site != null, items);
    }

    private DigestView.Item item(Article article, String source) {
        String title = OneLine.of(article.title());
        String url = WebLinks.href(article.url());
        String authors = OneLine.of(String.join(", ", article.authors()));
        Instant published = article.publishedAt() != null ? article.publishedAt() : article.firstSeenAt();
        String date = published == null ? "" : day.format(published);
        String summary = OneLine.of(article.summary());
        String content = article.contentHtml() == null ? "" : article.contentHtml();
        return new DigestView.Item(title.isEmpty() ? "(untitled)" : title, url, url != null, source,
                authors, !authors.isEmpty(), date, byline(source, authors, date), summary, !summary.isEmpty(),
                content, !content.isBlank());
    }

    private static String sourceName(Source source) {
        String title = OneLine.of(source.title());
        if (!title.isEmpty()) {
            return title;
        }
        String host = source.siteUrl() != null ? source.siteUrl().getHost() : null;
        if (host == null && source.feedUrl() != null) {
            host = source.feedUrl().getHost();
        }
        return host != null ? host : "Untitled feed";
    }

    private static String byline(String source, String authors, String date) {
        StringBuilder line = new StringBuilder(source);
        for (String part : new String[] {authors, date}) {
            if (!part.isEmpty()) {
                line.append(SEPARATOR).append(part);
            }
        }
        return line.toString();
    }

    private static String preheader(List<DigestView.Section> sections) {
        List<String> titles = new ArrayList<>(PREHEADER_TITLES);
        for (DigestView.Section section : sections) {
            for (DigestView.Feed feed : section.feeds()) {
                for (DigestView.Item item : feed.articles()) {
                    if (titles.size() == PREHEADER_TITLES) {
                        return String.join(SEPARATOR, titles);
                    }
                    titles.add(item.title());
                }
            }
        }
        return String.join(SEPARATOR, titles);
    }

    /** As long as the heading in code points, capped at the text width so it never wraps. */
    private static String underline(String heading, char c) {
        int length = Math.min(heading.codePointCount(0, heading.length()), TextWrap.MAIL_WIDTH);
        return String.valueOf(c).repeat(length);
    }
}
