package org.tidings.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.tidings.model.Article;
import org.tidings.model.Digest;

/**
 * The order in which a digest's articles give way when its email must be shorter: the same
 * fairness as {@code digest.max-articles} (store's PeriodRow), so that a busy feed cannot push a
 * quiet one out of the mail. Every feed's newest article comes before any feed's second, and so
 * on; within a rank, newest first.
 */
final class FairOrder {
    private static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(FairOrder::published, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(Article::id).reversed();

    private FairOrder() {
    }

    /** Every article of the digest, the ones to keep first; feeds list theirs newest first already. */
    static List<Article> of(Digest digest) {
        List<List<Article>> feeds = new ArrayList<>();
        for (Digest.Section section : digest.sections()) {
            for (Digest.FeedArticles feed : section.feeds()) {
                feeds.add(feed.articles());
            }
        }
        List<Article> order = new ArrayList<>();
        for (int rank = 0;; rank++) {
            List<Article> atRank = new ArrayList<>();
            for (List<Article> feed : feeds) {
                if (feed.size() > rank) {
                    atRank.add(feed.get(rank));
                }
            }
            if (atRank.isEmpty()) {
                return order;
            }
            atRank.sort(NEWEST_FIRST);
            order.addAll(atRank);
        }
    }

    /**
     * The digest with only the first {@code count} articles of {@code order}, in the digest's own
     * layout; feeds and sections left empty are dropped.
     */
    static Digest keep(Digest digest, List<Article> order, int count) {
        // Identity: two articles may be equal records (the same entry in two feeds) and still both count.
        Set<Article> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(order.subList(0, count));
        List<Digest.Section> sections = new ArrayList<>();
        for (Digest.Section section : digest.sections()) {
            List<Digest.FeedArticles> feeds = new ArrayList<>();
            for (Digest.FeedArticles feed : section.feeds()) {
                List<Article> articles = feed.articles().stream().filter(kept::contains).toList();
                if (!articles.isEmpty()) {
                    feeds.add(new Digest.FeedArticles(feed.source(), articles));
                }
            }
            if (!feeds.isEmpty()) {
                sections.add(new Digest.Section(section.category(), feeds));
            }
        }
        return new Digest(digest.issue(), sections);
    }

    private static Instant published(Article a) {
        return a.publishedAt() != null ? a.publishedAt() : a.firstSeenAt();
    }
}
