package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.fetch.LocalHttpServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;

class CliEndToEndTest {
    private static final String FEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
            + "<title>Révolution Permanente</title><link>https://www.revolutionpermanente.fr/</link>"
            + "<description>d</description>"
            + "<item><title>Grève à la Sorbonne : “On ne lâche rien”</title>"
            + "<link>/article-1</link><guid>rp-1</guid><dc:creator>Juan Chingo</dc:creator>"
            + "<pubDate>Sat, 20 May 2023 09:00:00 +0200</pubDate>"
            + "<description><![CDATA[<p>Texte <script>alert(1)</script>intégral</p>]]></description></item>"
            + "<item><title>Über die Mieten</title><link>https://example.org/2</link><guid>rp-2</guid>"
            + "<pubDate>Mon, 22 May 2023 10:00:00 GMT</pubDate><description>Kurz</description></item>"
            + "</channel></rss>";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private LocalHttpServer server;

    @BeforeEach
    void start() {
        server = LocalHttpServer.start();
        server.route("/feed.xml", respond(200, FEED, "Content-Type", "application/rss+xml"));
        server.route("/page", respond(200, "<html><head><title>Site</title><link rel=\"alternate\" "
                + "type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>hi</body></html>",
                "Content-Type", "text/html"));
        server.route("/broken", respond(500, "no"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    @Test
    void addsAFeedDiscoveredFromAPageFetchesAndPublishesTheMergedFeed() throws IOException {
        CliRun add = run("feeds", "add", server.uri("/page").toString(), "--category", "Presse");
        assertEquals(0, add.exitCode, add.toString());
        assertTrue(add.out.contains("is a web page; found its feed " + server.uri("/feed.xml")), add.out);
        assertTrue(add.out.contains("with 2 articles"), add.out);

        CliRun fetch = run("fetch");
        assertEquals(0, fetch.exitCode, fetch.toString());
        assertTrue(fetch.out.contains("Révolution Permanente: "), fetch.out);

        JsonNode feeds = JSON.readTree(run("feeds", "list", "--format", "json").out);
        assertEquals(1, feeds.size());
        JsonNode f = feeds.get(0);
        assertEquals("Révolution Permanente", f.get("title").asText());
        assertEquals("Presse", f.get("category").asText());
        assertEquals("active", f.get("status").asText());
        assertEquals(2, f.get("article_count").asInt());
        assertTrue(f.get("last_error").isNull());
        assertFalse(f.get("last_fetched_at").isNull());

        JsonNode merged = JSON.readTree(run("feed", "--format", "json").out);
        assertEquals("https://jsonfeed.org/version/1.1", merged.get("version").asText());
        JsonNode first = merged.get("items").get(0);
        assertEquals("Über die Mieten", first.get("title").asText());
        JsonNode second = merged.get("items").get(1);
        assertEquals("Grève à la Sorbonne : “On ne lâche rien”", second.get("title").asText());
        assertEquals("https://www.revolutionpermanente.fr/article-1", second.get("url").asText());
        assertEquals("2023-05-20T07:00:00Z", second.get("date_published").asText());
        assertFalse(second.get("content_html").asText().contains("script"));
        assertEquals("Révolution Permanente", second.get("_source").get("title").asText());

        String atom = run("feed", "--format", "atom", "--category", "presse", "--limit", "1").out;
        assertTrue(atom.contains("<source>"), atom);
        assertTrue(atom.contains("Über die Mieten") && !atom.contains("Sorbonne"), atom);
        assertTrue(run("feed", "--format", "rss").out.contains("<source url=\"" + server.uri("/feed.xml") + "\">"));
    }

    @Test
    void refusesAnUnreachableOrBrokenUrlWithTheReason() {
        CliRun broken = run("feeds", "add", server.uri("/broken").toString());

        assertEquals(1, broken.exitCode);
        assertTrue(broken.err.startsWith("tidings: Could not fetch " + server.uri("/broken") + ": HTTP 500"),
                broken.err);
        assertTrue(run("feeds", "list", "--format", "json").out.trim().equals("[ ]"));
    }

    @Test
    void fetchRecordsAFailingFeedAndStillExitsZero() throws IOException {
        run("feeds", "add", "--no-check", server.uri("/broken").toString());
        run("feeds", "add", server.uri("/feed.xml").toString());

        CliRun fetch = run("fetch");

        assertEquals(0, fetch.exitCode, fetch.toString());
        assertTrue(fetch.out.contains("error   "), fetch.out);
        JsonNode feeds = JSON.readTree(run("feeds", "list", "--format", "json").out);
        JsonNode broken = feeds.get(0).get("url").asText().endsWith("/broken") ? feeds.get(0) : feeds.get(1);
        assertEquals(1, broken.get("error_count").asInt());
        assertTrue(broken.get("last_error").asText().contains("HTTP 500"));
    }

    @Test
    void aFeedPastTheGiveUpPeriodIsListedAsFailingAndStillFetchedOnRequest() throws IOException {
        Map<String, String> quickToGiveUp = Map.of("TIDINGS_FETCH_GIVE_UP_AFTER", "PT0.001S");
        run("feeds", "add", "--no-check", server.uri("/broken").toString());
        CliRun.run(dir, quickToGiveUp, "fetch");

        CliRun again = CliRun.run(dir, quickToGiveUp, "fetch");

        assertTrue(again.out.contains("error   "), again.out);
        JsonNode f = JSON.readTree(run("feeds", "list", "--format", "json").out).get(0);
        assertEquals("failing", f.get("status").asText());
        assertEquals(2, f.get("error_count").asInt());
        assertTrue(run("feeds", "list").out.contains(" failing "), "the table shows the status");
    }

    @Test
    void exportThenImportAddsNothingTwice() throws IOException {
        run("feeds", "add", "--no-check", "--category", "World news", server.uri("/feed.xml").toString());
        Path opml = Files.writeString(dir.resolve("export.opml"), run("feeds", "export").out);

        CliRun again = run("feeds", "import", opml.toString());

        assertTrue(again.out.contains("Imported 0 feeds (1 already subscribed)"), again.out);
        assertTrue(Files.readString(opml).contains("text=\"World news\""));
    }

    @Test
    void firstFetchOnAnEmptyDatabaseImportsTheStarterList() throws IOException {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/feeds.opml"), "<opml version=\"2.0\"><head/><body>"
                + "<outline text=\"Left press\"><outline type=\"rss\" text=\"RP\" xmlUrl=\"" + server.uri("/feed.xml")
                + "\"/></outline></body></opml>");

        CliRun fetch = run("fetch");

        assertTrue(fetch.out.contains("No feeds yet: imported 1 feeds from"), fetch.toString());
        assertTrue(fetch.out.contains("2 new"), fetch.out);
    }

    @Test
    void removesAFeedByIdOrUrl() throws IOException {
        run("feeds", "add", "--no-check", server.uri("/feed.xml").toString());

        CliRun removed = run("feeds", "remove", server.uri("/feed.xml").toString());

        assertEquals(0, removed.exitCode, removed.toString());
        assertEquals("[ ]", run("feeds", "list", "--format", "json").out.trim());
        assertEquals(1, run("feeds", "remove", "42").exitCode);
    }

    @Test
    void invalidConfigurationStopsWithOneLineNamingTheKey() {
        CliRun bad = CliRun.run(dir, Map.of("TIDINGS_FETCH_TIMEOUT", "soon"), "feeds", "list");

        assertEquals(1, bad.exitCode);
        assertEquals("tidings: Invalid configuration fetch.timeout: not an ISO-8601 duration such as PT20S: 'soon'",
                bad.err.trim());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"feeds", "--help"}, {"feeds", "add", "--help"},
                {"fetch", "--help"}, {"feed", "--help"}}) {
            CliRun help = run(args);
            assertEquals(0, help.exitCode);
            assertTrue(help.out.startsWith("Usage: tidings"), help.out);
        }
    }
}
