package org.tidings.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.Article;
import org.tidings.model.Digest;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.Source;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

class IssueContentsTest {
    private static final Instant T = Instant.parse("2023-05-22T07:00:00Z");
    private static final Issue ISSUE = new Issue(1, 1, T.minusSeconds(7 * 86400), T, "Tidings: week of 22 May 2023");
    private static final Source MONDE = new Source(1, "Le Monde", null, URI.create("https://m.example/f"), "Presse");
    private static final Source SPIEGEL = new Source(2, "Der Spiegel", null, URI.create("https://s.example/f"), "Presse");
    private static final Source LV = new Source(3, "Left Voice", null, URI.create("https://l.example/f"), "English");
    private static final Source MISC = new Source(4, "Misc", null, URI.create("https://x.example/f"), null);

    private static long ids;

    private static Article article(Source s, String title, int hoursAgo) {
        Instant at = T.minusSeconds(hoursAgo * 3600L);
        return new Article(++ids, s, "g" + ids, null, title, List.of(), at, null, at, "", "", List.of());
    }

    private static Subscriber subscriber(String... categories) {
        return new Subscriber(1, EmailAddress.parse("ana@example.org"), null, SubscriberStatus.ACTIVE,
                Arrays.asList(categories), "t", T, T, null);
    }

    @Test
    void groupsByCategoryThenFeedNewestFirstWithUncategorizedLast() {
        IssueContents c = IssueContents.of(ISSUE, List.of(article(MISC, "m", 1), article(MONDE, "old", 30),
                article(SPIEGEL, "s", 5), article(MONDE, "new", 2), article(LV, "l", 3)), 10);

        List<Digest.Section> sections = c.everything().sections();

        assertEquals(Arrays.asList("English", "Presse", null), sections.stream().map(Digest.Section::category).toList());
        Digest.Section presse = sections.get(1);
        assertEquals(List.of("Der Spiegel", "Le Monde"), presse.feeds().stream().map(f -> f.source().title()).toList());
        assertEquals(List.of("new", "old"), presse.feeds().get(1).articles().stream().map(Article::title).toList());
    }

    @Test
    void keepsAtMostMaxPerFeedNewestArticles() {
        List<Article> many = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            many.add(article(MONDE, "a" + i, i));
        }

        Digest d = IssueContents.of(ISSUE, many, 10).everything();

        assertEquals(10, d.articleCount());
        assertEquals("a0", d.sections().get(0).feeds().get(0).articles().get(0).title());
    }

    @Test
    void subscriberCategoriesLimitTheirDigestIgnoringCase() {
        IssueContents c = IssueContents.of(ISSUE, List.of(article(MONDE, "fr", 1), article(LV, "en", 1)), 10);

        Digest d = c.forSubscriber(subscriber("presse"));

        assertEquals(List.of("Presse"), d.sections().stream().map(Digest.Section::category).toList());
        assertEquals(2, c.forSubscriber(subscriber()).articleCount());
        assertTrue(c.forSubscriber(subscriber("Sport")).isEmpty());
    }

    @Test
    void firstIssueCoversTheLastSevenDaysAndNamesTheWeek() {
        IssuePlan p = IssuePlan.next(java.util.Optional.empty(), T, "Tidings", java.time.ZoneId.of("UTC"));

        assertEquals(T.minusSeconds(7 * 86400), p.periodStart());
        assertEquals("Tidings: week of 22 May 2023", p.subject());
        assertEquals(T, IssuePlan.next(java.util.Optional.of(ISSUE), T.plusSeconds(60), "Tidings",
                java.time.ZoneId.of("UTC")).periodStart());
    }
}
