package org.tidings.digest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tidings.model.Article;
import org.tidings.model.Digest;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;

/**
 * Everything one issue can contain, grouped once: by category (alphabetical, uncategorized
 * last), then by feed (by title), newest first, at most {@code maxPerFeed} per feed. Each
 * subscriber's digest is this, filtered by their categories: cheap enough for 100,000 of them.
 */
public final class IssueContents {
    private final Issue issue;
    private final List<Digest.Section> sections;

    private IssueContents(Issue issue, List<Digest.Section> sections) {
        this.issue = issue;
        this.sections = sections;
    }

    /** @param articles the articles first seen in the issue's period, in any order */
    public static IssueContents of(Issue issue, List<Article> articles, int maxPerFeed) {
        Map<String, Map<Long, List<Article>>> byCategory = new TreeMap<>(
                Comparator.nullsLast(Comparator.comparing((String c) -> c.toLowerCase(Locale.ROOT))));
        List<Article> newestFirst = new ArrayList<>(articles);
        newestFirst.sort(Comparator.comparing(Article::publishedAt).reversed().thenComparing(Article::id,
                Comparator.reverseOrder()));
        for (Article a : newestFirst) {
            List<Article> feed = byCategory.computeIfAbsent(a.source().category(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(a.source().feedId(), id -> new ArrayList<>());
            if (feed.size() < maxPerFeed) {
                feed.add(a);
            }
        }
        List<Digest.Section> sections = new ArrayList<>();
        byCategory.forEach((category, feeds) -> {
            List<Digest.FeedArticles> list = new ArrayList<>();
            feeds.values().forEach(items -> list.add(new Digest.FeedArticles(items.get(0).source(), items)));
            list.sort(Comparator.comparing(f -> sortTitle(f.source().title())));
            sections.add(new Digest.Section(category, list));
        });
        return new IssueContents(issue, List.copyOf(sections));
    }

    public Issue issue() {
        return issue;
    }

    /** The same contents for the issue as stored (with its id), without querying them again. */
    public IssueContents of(Issue stored) {
        return new IssueContents(stored, sections);
    }

    /** The web version: every category. */
    public Digest everything() {
        return new Digest(issue, sections);
    }

    /** What this subscriber gets: empty when none of their categories has anything new. */
    public Digest forSubscriber(Subscriber s) {
        if (s.categories().isEmpty()) {
            return everything();
        }
        return new Digest(issue, sections.stream().filter(sec -> s.wants(sec.category())).toList());
    }

    /** Every article the issue contains, in any category. */
    public List<Long> articleIds() {
        return sections.stream().flatMap(sec -> sec.feeds().stream())
                .flatMap(f -> f.articles().stream()).map(Article::id).toList();
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    private static String sortTitle(String title) {
        return title == null ? "" : title.toLowerCase(Locale.ROOT);
    }
}
