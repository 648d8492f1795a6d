package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.Article;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.SentIssue;
import org.tidings.model.SubscriberStatus;

class IssueStoreTest {
    private static final Instant NOW = Instant.parse("2024-03-05T12:00:00Z");
    private static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));

    @TempDir
    Path dir;
    private Database db;
    private IssueStore issues;
    private DeliveryStore deliveries;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        issues = new IssueStore(db);
        deliveries = new DeliveryStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Issue create(int number) {
        return create(number, List.of());
    }

    private Issue create(int number, List<Long> articleIds) {
        return issues.create(new NewIssue(new Issue(0, number, WEEK_AGO, NOW, "Tidings n° " + number),
                "<h1>Issue " + number + "</h1>", articleIds), NOW);
    }

    private void complete(Issue issue, Instant at) {
        issues.complete(issue.id(), new DeliveryCounts(0, 3, 1, 0), at);
    }

    private void subscriber(String email, SubscriberStatus status) {
        new SubscriberStore(db).add(new NewSubscriber(EmailAddress.parse(email), null, List.of(), status), WEEK_AGO);
    }

    @Test
    void anEmptyArchiveHasNoIssuesAndNumbersTheFirstOne() {
        assertEquals(Optional.empty(), issues.latest());
        assertEquals(Optional.empty(), issues.unfinished());
        assertEquals(List.of(), issues.recent(20));
        assertEquals(List.of(), issues.sentBefore(Integer.MAX_VALUE, 50));
        assertEquals(new IssuesVersion(0, false), issues.version());
        assertEquals(1, issues.nextNumber());
    }

    @Test
    void createsTheIssueWithItsPeriodSubjectAndWebVersion() {
        Issue created = create(1);

        assertEquals(new Issue(created.id(), 1, WEEK_AGO, NOW, "Tidings n° 1"), created);
        assertEquals(Optional.of(created), issues.byNumber(1));
        assertEquals(Optional.of("<h1>Issue 1</h1>"), issues.webHtml(1));
        assertEquals(Optional.empty(), issues.byNumber(2));
        assertEquals(Optional.empty(), issues.webHtml(2));
        assertEquals(2, issues.nextNumber());
    }

    @Test
    void aNewIssueOwesOnePendingDeliveryToEachActiveSubscriberOnly() {
        subscriber("ana@example.org", SubscriberStatus.ACTIVE);
        subscriber("ben@example.org", SubscriberStatus.ACTIVE);
        subscriber("cleo@example.org", SubscriberStatus.PENDING);
        subscriber("dan@example.org", SubscriberStatus.UNSUBSCRIBED);
        subscriber("eve@example.org", SubscriberStatus.BOUNCED);

        Issue issue = create(1);

        assertEquals(new DeliveryCounts(2, 0, 0, 0), deliveries.counts(issue.id()));
    }

    @Test
    void keepsWhichArticlesTheIssueContains() {
        FeedStore feeds = new FeedStore(db);
        long feed = feeds.addIfAbsent(new NewFeed(URI.create("https://example.org/feed"), "Le Monde", null, null),
                WEEK_AGO).orElseThrow().id();
        ArticleStore articles = new ArticleStore(db);
        articles.save(feed, List.of(StoreFixture.entry("a", "Grève", "<p>a</p>", WEEK_AGO),
                StoreFixture.entry("b", "Streik", "<p>b</p>", WEEK_AGO)), WEEK_AGO);
        List<Long> ids = articles.firstSeenBetween(WEEK_AGO, NOW).stream().map(Article::id).sorted().toList();

        Issue issue = create(1, ids);

        assertEquals(ids, articlesOf(issue));
    }

    /** Two senders building the same issue at once: the unique number lets one of them through. */
    @Test
    void aNumberAlreadyTakenIsRefusedAndTheIssueHoldingItIsUntouched() {
        subscriber("ana@example.org", SubscriberStatus.ACTIVE);
        Issue first = create(1);

        assertThrows(StoreException.class, () -> create(1));

        assertEquals(List.of(first), issues.recent(20));
        assertEquals(new DeliveryCounts(1, 0, 0, 0), deliveries.counts(first.id()));
    }

    @Test
    void anIssueIsUnfinishedUntilCompletedAndTheOldestUnfinishedComesFirst() {
        Issue first = create(1);
        Issue second = create(2);

        Optional<Issue> bothSending = issues.unfinished();
        complete(first, NOW);
        Optional<Issue> secondSending = issues.unfinished();
        complete(second, NOW);

        assertEquals(Optional.of(first), bothSending);
        assertEquals(Optional.of(second), secondSending);
        assertEquals(Optional.empty(), issues.unfinished());
    }

    @Test
    void completingStoresTheFinalCountsOfTheLedger() {
        Issue issue = create(1);

        issues.complete(issue.id(), new DeliveryCounts(0, 40, 2, 3), NOW);

        assertEquals(new DeliveryCounts(0, 40, 2, 3), deliveries.counts(issue.id()));
    }

    @Test
    void latestAndRecentGoByNumberNewestFirst() {
        create(1);
        create(2);
        Issue third = create(3);

        assertEquals(Optional.of(third), issues.latest());
        assertEquals(List.of(3, 2), issues.recent(2).stream().map(Issue::number).toList());
        assertEquals(4, issues.nextNumber());
    }

    @Test
    void theArchivePagesSentIssuesBelowANumberNewestFirst() {
        List<Issue> created = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            created.add(create(n));
        }
        for (int n = 1; n <= 4; n++) {
            complete(created.get(n - 1), NOW.plus(Duration.ofDays(n)));
        }

        List<SentIssue> first = issues.sentBefore(Integer.MAX_VALUE, 2);
        List<SentIssue> second = issues.sentBefore(first.get(1).number(), 2);
        List<SentIssue> after = issues.sentBefore(second.get(1).number(), 2);

        assertEquals(List.of(new SentIssue(4, "Tidings n° 4", NOW.plus(Duration.ofDays(4))),
                new SentIssue(3, "Tidings n° 3", NOW.plus(Duration.ofDays(3)))), first);
        assertEquals(List.of(2, 1), second.stream().map(SentIssue::number).toList());
        assertEquals(List.of(), after);
    }

    @Test
    void theVersionChangesWhenAnIssueIsCreatedAndWhenTheNewestIsSent() {
        Issue first = create(1);
        IssuesVersion sending = issues.version();
        complete(first, NOW);
        IssuesVersion sent = issues.version();
        create(2);

        assertEquals(new IssuesVersion(1, false), sending);
        assertEquals(new IssuesVersion(1, true), sent);
        assertEquals(new IssuesVersion(2, false), issues.version());
    }

    @Test
    void aSubjectLongerThanTheColumnIsCut() {
        String subject = "Grève ".repeat(100);

        Issue issue = issues.create(new NewIssue(new Issue(0, 1, WEEK_AGO, NOW, subject), "", List.of()), NOW);

        assertEquals(subject.substring(0, 500), issues.byNumber(issue.number()).orElseThrow().subject());
    }

    private List<Long> articlesOf(Issue issue) {
        return db.query("read an issue's articles", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT article_id FROM issue_articles WHERE issue_id = ? ORDER BY article_id")) {
                ps.setLong(1, issue.id());
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }
}
