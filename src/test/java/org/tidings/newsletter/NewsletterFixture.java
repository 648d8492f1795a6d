package org.tidings.newsletter;

import org.tidings.subscribers.SignupRequest;
import org.tidings.subscribers.Signup;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.TestClock;
import org.tidings.TestDatabase;
import org.tidings.TestSmtp;
import org.tidings.Tidings;
import org.tidings.mail.Mailer;
import org.tidings.model.Entry;
import org.tidings.model.Subscriber;
import org.tidings.store.NewFeed;

/** Real parts for newsletter tests: H2 with the migrations, the real templates, SMTP to a test server. */
final class NewsletterFixture implements AutoCloseable {
    final TestClock clock = new TestClock(Instant.parse("2023-05-22T07:00:00Z"));
    final Tidings tidings;

    NewsletterFixture(Path dir, int smtpPort, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(TestSmtp.settings(smtpPort));
        env.put("TIDINGS_MAIL_RETRY_DELAY", "PT0.05S");
        env.putAll(extra);
        tidings = TestDatabase.tidings(dir, env, clock);
    }

    /** A feed in {@code category} with articles first seen now. */
    long feed(String title, String category, String... articleTitles) {
        URI url = URI.create("https://" + title.replaceAll("\\W", "") + ".example/feed");
        tidings.feeds().addIfAbsent(new NewFeed(url, title, null, category), clock.instant());
        long id = tidings.feeds().findByUrl(url).orElseThrow().id();
        List<Entry> entries = new java.util.ArrayList<>();
        for (String t : articleTitles) {
            entries.add(new Entry(title + t, URI.create("https://example.org/" + Math.abs(t.hashCode())), t,
                    List.of("Ana Núñez"), clock.instant().minusSeconds(3600), null, "Résumé : " + t, "<p>" + t + "</p>",
                    List.of()));
        }
        tidings.articles().save(id, entries, clock.instant());
        return id;
    }

    Subscriber subscriber(String email, boolean confirmed, String... categories) {
        return new Signup(tidings.newsletter()).add(new SignupRequest(email, null, List.of(categories), confirmed),
                Signup.Returning.RESUBSCRIBE)
                .subscriber();
    }

    /** A sender whose waits for retries move the test clock instead of sleeping. */
    IssueSender sender() {
        return new IssueSender(tidings.newsletter(), d -> clock.advance(d.plusMillis(1)));
    }

    /** The same parts with another mailer: a port of our own, so a fake can stand in for a failing server. */
    IssueSender sender(Mailer mailer) {
        NewsletterParts p = tidings.newsletter();
        return new IssueSender(p.withMailer(mailer), d -> clock.advance(d.plusMillis(1)));
    }

    @Override
    public void close() {
        tidings.close();
    }
}
