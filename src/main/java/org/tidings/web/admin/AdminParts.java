package org.tidings.web.admin;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.tidings.config.AdminConfig;
import org.tidings.config.DigestConfig;
import org.tidings.config.FetchConfig;
import org.tidings.ingest.FeedAdder;
import org.tidings.ingest.IngestRun;
import org.tidings.newsletter.NewsletterParts;
import org.tidings.store.AdminSessionStore;
import org.tidings.store.ArticleStore;
import org.tidings.store.ClientAttempts;
import org.tidings.store.DeliveryStore;
import org.tidings.store.FeedStore;
import org.tidings.store.IssueStore;
import org.tidings.store.MailEventStore;
import org.tidings.store.SubscriberList;
import org.tidings.store.SubscriberStore;

/**
 * What the admin's pages work with. The fetcher and the newsletter come through suppliers: the
 * root builds them on first use (an HTTP client, compiled templates), and a page that never adds a
 * feed or sends mail never pays for them.
 *
 * @param mailEvents bounces, complaints and unsubscribes by mail, for the subscriber and newsletter pages
 * @param sessions the admin's sessions, shared by every serve node on the database
 * @param attempts login attempts per client, counted alike by every node
 * @param feedAdders a feed adder for one request
 * @param ingestRuns an ingest run for one request ("fetch now")
 * @param newsletterParts the newsletter's parts, built once by the root
 * @param sendIssueNow fires serve's newsletter job, so the issue goes out through the same job (and
 *     its lock and retries) as a scheduled one
 */
public record AdminParts(FeedStore feeds, ArticleStore articles, SubscriberStore subscribers,
        SubscriberList subscriberList, IssueStore issues,
        DeliveryStore deliveries, MailEventStore mailEvents, AdminSessionStore sessions, ClientAttempts attempts, Supplier<FeedAdder> feedAdders, Supplier<IngestRun> ingestRuns,
        Supplier<NewsletterParts> newsletterParts, Clock clock, AdminConfig admin, DigestConfig digest,
        FetchConfig fetch, URI publicUrl, Runnable sendIssueNow) {
    public AdminParts {
        Objects.requireNonNull(feeds, "feeds");
        Objects.requireNonNull(articles, "articles");
        Objects.requireNonNull(subscribers, "subscribers");
        Objects.requireNonNull(subscriberList, "subscriberList");
        Objects.requireNonNull(issues, "issues");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(mailEvents, "mailEvents");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(feedAdders, "feedAdders");
        Objects.requireNonNull(ingestRuns, "ingestRuns");
        Objects.requireNonNull(newsletterParts, "newsletterParts");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(sendIssueNow, "sendIssueNow");
    }

    FeedAdder feedAdder() {
        return feedAdders.get();
    }

    IngestRun ingestRun() {
        return ingestRuns.get();
    }

    NewsletterParts newsletter() {
        return newsletterParts.get();
    }
}
