package org.tidings.publish;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tidings.model.Article;
import org.tidings.model.Source;

/**
 * An article as every merged-feed format shows it: the choices about identity, dates, credits
 * and missing values are made once here, so the three formats cannot drift apart.
 */
record FeedItem(Article article) {

    String id() {
        return EntryId.of(article);
    }

    /** The article's date; the store fills it from first sight, but older rows may lack it. */
    Instant published() {
        return Objects.requireNonNullElse(article.publishedAt(), article.firstSeenAt());
    }

    /** The last change the source told us about, else the publication. */
    Instant updated() {
        return article.updatedAt() != null ? article.updatedAt() : published();
    }

    /** Only updates the source announced; JSON Feed's date_modified means exactly that. */
    Instant modified() {
        return article.updatedAt();
    }

    List<String> authors() {
        return nonBlank(article.authors());
    }

    List<String> categories() {
        return nonBlank(article.categories());
    }

    Source source() {
        return article.source();
    }

    /** The source feed's name for people: its title, else its URL. */
    String sourceTitle() {
        Source source = article.source();
        return hasText(source.title()) ? source.title() : source.feedUrl().toString();
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(FeedItem::hasText).toList();
    }
}
