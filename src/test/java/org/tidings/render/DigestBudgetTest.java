package org.tidings.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.render.SampleDigests.ISSUE;
import static org.tidings.render.SampleDigests.LINKS;
import static org.tidings.render.SampleDigests.MARIE;
import static org.tidings.render.SampleDigests.TOKEN;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.tidings.config.DigestConfig;
import org.tidings.mail.WireSize;
import org.tidings.model.Article;
import org.tidings.model.Digest;
import org.tidings.model.EmailAddress;
import org.tidings.model.Source;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

/**
 * A digest of 300 articles in 12 feeds (1 to 40 articles each) rendered with the shipped templates
 * within {@code digest.max-bytes}: what the email keeps, what it says of the rest, and that it
 * keeps it fairly.
 */
class DigestBudgetTest {
    private static final Templates TEMPLATES = Templates.load(Path.of("templates"));
    /** Articles per feed: a quiet feed of one beside busy ones of forty; 300 in all. */
    private static final int[] PER_FEED = {1, 2, 5, 10, 20, 30, 40, 40, 40, 40, 36, 36};
    private static final String[] CATEGORIES = {"news", "tools", null};
    private static final Pattern ARTICLE = Pattern.compile("\\[f(\\d\\d)-a(\\d\\d\\d)\\]");
    private static final String WEB_VERSION = "https://news.example/archive/42";

    @Test
    void keepsTheHtmlPartWithinTheBudgetAsEncodedForSending() {
        Digest digest = big();
        for (int maxBytes : new int[] {20_000, 50_000, 90_000}) {
            RenderedEmail email = renderer(maxBytes, WireSize::of).render(digest, MARIE);

            int size = WireSize.of(email.html());
            assertTrue(size <= maxBytes, "HTML part of " + size + " bytes encoded, budget " + maxBytes);
            // Well used: the budget is not met by leaving out far more than needed.
            assertTrue(size > maxBytes - 3_000, "HTML part of " + size + " bytes encoded, budget " + maxBytes);
        }
    }

    @Test
    void alwaysKeepsTheFooterWithTheUnsubscribeLink() {
        RenderedEmail email = renderer(90_000, WireSize::of).render(big(), MARIE);

        Document doc = Jsoup.parse(email.html());
        assertEquals("https://news.example/unsubscribe/" + TOKEN, link(doc, "Unsubscribe").attr("href"));
        assertEquals("https://news.example/preferences/" + TOKEN, link(doc, "Choose topics").attr("href"));
        assertTrue(email.html().stripTrailing().endsWith("</html>"), email.html());
        assertTrue(email.text().contains("\nUnsubscribe: https://news.example/unsubscribe/" + TOKEN + "\n"), email.text());
    }

    @Test
    void saysHowManyArticlesAreLeftOutAndLinksToTheWebVersion() {
        Digest digest = big();

        RenderedEmail email = renderer(90_000, WireSize::of).render(digest, MARIE);

        int kept = articles(Jsoup.parse(email.html()).text()).size();
        int leftOut = 300 - kept;
        assertTrue(kept > 20 && leftOut > 20, kept + " kept");
        Element more = link(Jsoup.parse(email.html()), leftOut + " more articles in the web version");
        assertEquals(WEB_VERSION, more.attr("href"));
        assertTrue(email.text().contains("\n" + leftOut + " more articles in the web version:\n" + WEB_VERSION + "\n"),
                email.text());
        // The header still tells the size of the issue, the articles left out included.
        assertTrue(email.html().contains("300 articles"), email.html());
    }

    @Test
    void leavesArticlesOutFairlyAcrossFeeds() {
        Digest digest = big();

        RenderedEmail email = renderer(90_000, WireSize::of).render(digest, MARIE);

        Set<String> kept = articles(Jsoup.parse(email.html()).text());
        Map<Integer, Integer> perFeed = new HashMap<>();
        for (String a : kept) {
            perFeed.merge(Integer.parseInt(a.substring(2, 4)), 1, Integer::sum);
        }
        for (int f = 0; f < PER_FEED.length; f++) {
            int mine = perFeed.getOrDefault(f, 0);
            assertTrue(mine >= 1, "feed " + f + " has no article in the mail: " + perFeed);
            for (int a = 0; a < PER_FEED[f]; a++) {
                // Each feed keeps its newest: article 0 is the newest of its feed.
                assertEquals(a < mine, kept.contains(token(f, a)), "feed " + f + " keeps " + mine + " " + kept);
            }
            for (int g = 0; g < PER_FEED.length; g++) {
                // No feed has two more in the mail than another, unless that one has none left to give.
                int theirs = perFeed.getOrDefault(g, 0);
                assertTrue(mine == PER_FEED[f] || theirs <= mine + 1,
                        "feed " + g + " keeps " + theirs + " while feed " + f + " keeps " + mine + " of " + PER_FEED[f]);
            }
        }
    }

    @Test
    void textPartHasTheSameArticlesAsTheHtmlPart() {
        RenderedEmail email = renderer(90_000, WireSize::of).render(big(), MARIE);

        Set<String> html = articles(Jsoup.parse(email.html()).text());
        assertEquals(html, articles(email.text()));
        assertTrue(html.size() < 300, html.size() + " articles");
    }

    @Test
    void leavesASmallDigestAsItWas() {
        Digest small = SampleDigests.week(2);

        RenderedEmail budgeted = renderer(90_000, WireSize::of).render(small, MARIE);
        RenderedEmail unlimited = renderer(Integer.MAX_VALUE, WireSize::of).render(small, MARIE);

        assertEquals(unlimited, budgeted);
        assertFalse(budgeted.html().contains("in the web version") || budgeted.text().contains("in the web version"),
                budgeted.text());
        small.sections().stream().flatMap(s -> s.feeds().stream()).flatMap(f -> f.articles().stream())
                .forEach(a -> assertTrue(budgeted.text().contains(a.url().toString()), a.url() + " left out"));
    }

    @Test
    void theWebVersionKeepsEveryArticle() {
        String web = renderer(20_000, WireSize::of).renderWeb(big());

        assertEquals(300, articles(Jsoup.parse(web).text()).size());
        assertFalse(web.contains("in the web version"), "no more line on the web page");
    }

    @Test
    void searchesTheCutOncePerVariantNotPerSubscriber() {
        AtomicInteger measured = new AtomicInteger();
        ToIntFunction<String> counting = html -> {
            measured.incrementAndGet();
            return WireSize.of(html);
        };
        DigestRenderer renderer = renderer(90_000, counting);
        Digest digest = big();

        RenderedEmail first = renderer.render(digest, MARIE);
        int searchCost = measured.get();
        for (int i = 0; i < 50; i++) {
            RenderedEmail other = renderer.render(digest, reader(i));
            assertEquals(articles(first.text()), articles(other.text()));
        }

        assertTrue(searchCost <= 12, searchCost + " renders to find the cut");
        assertEquals(searchCost, measured.get(), "measured again for another subscriber of the same variant");
    }

    @Test
    void cutsEachVariantOnItsOwn() {
        Digest all = big();
        // A subscriber of "tools" only: the same sections, filtered, as IssueContents.forSubscriber does.
        Digest tools = new Digest(ISSUE, all.sections().stream().filter(s -> "tools".equals(s.category())).toList());
        DigestRenderer renderer = renderer(90_000, WireSize::of);

        RenderedEmail everything = renderer.render(all, MARIE);
        RenderedEmail toolsOnly = renderer.render(tools, MARIE);

        assertTrue(everything.text().contains("more articles in the web version"), everything.text());
        assertEquals(tools.articleCount(), articles(toolsOnly.text()).size());
        assertFalse(toolsOnly.text().contains("in the web version"), toolsOnly.text());
    }

    private static DigestRenderer renderer(int maxBytes, ToIntFunction<String> wireSize) {
        DigestConfig config = new DigestConfig("Tidings", ZoneId.of("Europe/Paris"), 40, 300, Path.of("templates"),
                maxBytes);
        return new DigestRenderer(TEMPLATES, config, LINKS, wireSize);
    }

    /** 300 articles in 12 feeds over 3 categories, grouped as IssueContents groups them, newest first. */
    private static Digest big() {
        List<Digest.Section> sections = new ArrayList<>();
        for (int c = 0; c < CATEGORIES.length; c++) {
            List<Digest.FeedArticles> feeds = new ArrayList<>();
            for (int f = c; f < PER_FEED.length; f += CATEGORIES.length) {
                Source source = SampleDigests.source(f + 10, "Feed " + f, CATEGORIES[c]);
                List<Article> articles = new ArrayList<>();
                for (int a = 0; a < PER_FEED[f]; a++) {
                    articles.add(article(source, f, a));
                }
                feeds.add(new Digest.FeedArticles(source, articles));
            }
            sections.add(new Digest.Section(CATEGORIES[c], feeds));
        }
        return new Digest(ISSUE, sections);
    }

    private static Article article(Source s, int feed, int i) {
        // Older with each article of a feed; feeds interleave within an hour.
        Instant at = Instant.parse("2023-05-21T10:00:00Z").minusSeconds(3600L * i + 60L * feed);
        String summary = ("Les développeurs ont publié une nouvelle version « majeure » qui change la façon "
                + "dont les flux sont lus; die Änderungen betreffen vor allem größere Dateien.").strip();
        return new Article(feed * 1000L + i, s, "g" + feed + "-" + i,
                URI.create("https://site" + feed + ".example/2023/05/post-" + i), token(feed, i) + " Élan, “Straße” & notes",
                List.of("Zoë Müller"), at, null, at, summary, "<p>" + summary + "</p>", List.of());
    }

    private static String token(int feed, int article) {
        return String.format("[f%02d-a%03d]", feed, article);
    }

    /** The articles a rendered part shows, by the token in their titles. */
    private static Set<String> articles(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = ARTICLE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static Element link(Document doc, String text) {
        Element link = doc.select("a").stream().filter(a -> a.text().equals(text)).findFirst().orElse(null);
        assertNotNull(link, "no link \"" + text + "\"");
        return link;
    }

    private static Subscriber reader(int i) {
        String token = String.format("tok_%08d", i);
        return new Subscriber(100 + i, EmailAddress.parse("reader" + i + "@example.org"), null, SubscriberStatus.ACTIVE,
                List.of(), token, Instant.EPOCH, Instant.EPOCH, null);
    }
}
