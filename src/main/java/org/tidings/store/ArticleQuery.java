package org.tidings.store;

/**
 * Which stored articles to read, newest first.
 *
 * @param category only articles of feeds in this category (case-insensitive); null for all
 */
public record ArticleQuery(String category, int limit) {
    public ArticleQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }
}
