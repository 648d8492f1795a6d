package org.tidings.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.publish.SampleArticles.BLOG;
import static org.tidings.publish.SampleArticles.article;
import static org.tidings.publish.SampleArticles.bare;
import static org.tidings.publish.SampleArticles.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.Article;
import org.tidings.model.Source;

class JsonFeedWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant MARCH_5 = Instant.parse("2024-03-05T10:00:00Z");

    @Test
    void writesVersionAndFeedFields() {
        JsonNode feed = json(List.of());

        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
        assertEquals("Tidings digest", feed.path("title").asText());
        assertEquals("https://tidings.example/", feed.path("home_page_url").asText());
        assertEquals("https://tidings.example/feed.atom", feed.path("feed_url").asText());
        assertEquals("Everything we follow", feed.path("description").asText());
        assertTrue(feed.path("items").isArray());
        assertEquals(0, feed.path("items").size());
    }

    @Test
    void writesItemFields() {
        Article a = article("https://blog.example/p/1", "One", MARCH_5);
        Article updated = new Article(a.id(), a.source(), a.guid(), a.url(), a.title(), a.authors(), a.publishedAt(),
                Instant.parse("2024-03-05T11:30:00.123Z"), a.firstSeenAt(), a.summary(), a.contentHtml(),
                a.categories());

        JsonNode item = json(List.of(updated)).path("items").get(0);

        assertEquals("https://blog.example/p/1", item.path("id").asText());
        assertEquals("https://blog.example/posts/1", item.path("url").asText());
        assertEquals("One", item.path("title").asText());
        assertEquals("<p>Hello <b>world</b></p>", item.path("content_html").asText());
        assertTrue(item.path("content_text").isMissingNode());
        assertEquals("A short summary", item.path("summary").asText());
        assertEquals("2024-03-05T10:00:00Z", item.path("date_published").asText());
        assertEquals("2024-03-05T11:30:00Z", item.path("date_modified").asText());
        assertEquals(List.of("Anne", "Bob"), texts(item.path("authors").findValues("name")));
        assertEquals(List.of("java", "feeds"), texts(item.path("tags")));
    }

    @Test
    void writesSourceExtensionOnEveryItem() {
        Source other = new Source(2, "", null, URI.create("https://other.example/rss"), null);

        JsonNode items = json(List.of(article("https://blog.example/p/1", "One", MARCH_5), bare("9", other)))
                .path("items");

        JsonNode first = items.get(0).path("_source");
        assertEquals("Le Blog", first.path("title").asText());
        assertEquals("https://blog.example/", first.path("home_page_url").asText());
        assertEquals("https://blog.example/feed.xml", first.path("feed_url").asText());
        JsonNode second = items.get(1).path("_source");
        assertEquals("https://other.example/rss", second.path("title").asText());
        assertFalse(second.has("home_page_url"));
    }

    @Test
    void omitsMissingValuesAndFallsBackToEmptyContentText() {
        JsonNode item = json(List.of(bare("42", BLOG))).path("items").get(0);

        List<String> keys = new ArrayList<>();
        item.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "title", "content_text", "date_published", "_source"), keys);
        assertEquals("", item.path("content_text").asText());
        assertTrue(item.path("id").asText().startsWith("urn:uuid:"));
    }

    @Test
    void usesSummaryAsContentTextWhenThereIsNoHtml() {
        Article a = article("https://blog.example/p/1", "One", MARCH_5);
        Article summaryOnly = new Article(a.id(), a.source(), a.guid(), a.url(), a.title(), a.authors(),
                a.publishedAt(), null, a.firstSeenAt(), "Just text", "", a.categories());

        JsonNode item = json(List.of(summaryOnly)).path("items").get(0);

        assertEquals("Just text", item.path("content_text").asText());
        assertFalse(item.has("content_html"));
    }

    @Test
    void keepsHostileAndNonAsciiTitlesExactly() {
        String title = "</script><script>alert(\"x\")</script> ]]> Übersicht “quote” ¿qué? 東京 😀 \u0007";

        JsonNode item = json(List.of(article("https://blog.example/p/1", title, MARCH_5))).path("items").get(0);

        assertEquals(title, item.path("title").asText());
    }

    @Test
    void dropsLoneSurrogateInsteadOfFailingTheFeed() {
        JsonNode item = json(List.of(article("https://blog.example/p/1", "broken \uD83D here", MARCH_5)))
                .path("items").get(0);

        assertEquals("broken  here", item.path("title").asText());
    }

    private static JsonNode json(List<Article> articles) {
        try {
            return MAPPER.readTree(write(MergedFeedFormat.JSON, articles));
        } catch (IOException e) {
            throw new AssertionError("Not valid JSON", e);
        }
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
