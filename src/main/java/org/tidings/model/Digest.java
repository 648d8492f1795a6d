package org.tidings.model;

import java.util.List;

/**
 * What one subscriber gets in one issue: articles grouped by category, then by feed, newest first.
 * The web version of an issue is the digest of a subscriber who wants every category.
 */
public record Digest(Issue issue, List<Section> sections) {
    public Digest {
        sections = List.copyOf(sections);
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    public int articleCount() {
        return sections.stream().mapToInt(s -> s.feeds().stream().mapToInt(f -> f.articles().size()).sum()).sum();
    }

    /** One category's feeds; {@code category} is null for feeds without one. */
    public record Section(String category, List<FeedArticles> feeds) {
        public Section {
            feeds = List.copyOf(feeds);
        }
    }

    /** One feed's articles in the issue, newest first. */
    public record FeedArticles(Source source, List<Article> articles) {
        public FeedArticles {
            articles = List.copyOf(articles);
        }
    }
}
