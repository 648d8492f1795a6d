package org.tidings.web.pages;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.tidings.config.DigestConfig;
import org.tidings.config.WebConfig;
import org.tidings.newsletter.NewsletterParts;
import org.tidings.store.ArticleStore;
import org.tidings.store.ClientAttempts;
import org.tidings.store.FeedStore;
import org.tidings.store.IssueStore;
import org.tidings.store.SubscriberStore;
import org.tidings.web.cache.Caching;

/**
 * What the public and subscriber pages work with.
 *
 * @param attempts sign-ups per client, counted alike by every serve node on the database
 * @param newsletterParts the newsletter's parts (confirmation mail), built once by the root on first use
 * @param publicUrl where readers reach Tidings; page links point there
 * @param caching how long a rendered page may be served before the database is asked again
 */
public record PageParts(FeedStore feeds, ArticleStore articles, SubscriberStore subscribers, IssueStore issues,
        ClientAttempts attempts, Supplier<NewsletterParts> newsletterParts, Clock clock, DigestConfig digest, WebConfig web, URI publicUrl,
        Caching caching) {
    public PageParts {
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(subscribers, "subscribers");
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(newsletterParts, "newsletterParts");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(caching, "caching");
    }

    NewsletterParts newsletter() {
        return newsletterParts.get();
    }
}
