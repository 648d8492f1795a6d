package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.fetch.LocalHttpServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;

/** The newsletter from the command line, with the file transport (the embedded default). */
class CliNewsletterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    private List<Path> outbox() throws IOException {
        Path out = dir.resolve("data/outbox");
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void invalidAddressIsRefusedAndNothingIsStored() {
        CliRun bad = run("subscribers", "add", "ana@example");

        assertEquals(1, bad.exitCode);
        assertEquals("tidings: invalid email address 'ana@example': the domain needs a dot, as in example.org",
                bad.err.trim());
        assertEquals("[ ]", run("subscribers", "list", "--format", "json").out.trim());
    }

    @Test
    void addWithoutConfirmedIsPendingAndGetsAConfirmationEmail() throws IOException {
        CliRun add = run("subscribers", "add", "Ana@Example.org", "--name", "Ana Núñez", "--categories", "Presse,Sport");

        assertEquals(0, add.exitCode, add.toString());
        JsonNode s = JSON.readTree(run("subscribers", "list", "--format", "json").out).get(0);
        assertEquals("ana@example.org", s.get("email").asText());
        assertEquals("pending", s.get("status").asText());
        assertEquals("Ana Núñez", s.get("name").asText());
        assertEquals(2, s.get("categories").size());
        assertTrue(s.get("confirmed_at").isNull());
        assertEquals(1, outbox().size());
        assertTrue(Files.readString(outbox().get(0)).contains("/confirm/"));
        assertTrue(run("subscribers", "add", "ANA@example.org").out.startsWith("Already known"));
    }

    @Test
    void importReportsBadRowsByLineAndKeepsKnownStatuses() throws IOException {
        run("subscribers", "add", "--confirmed", "known@example.org");
        run("subscribers", "remove", "known@example.org");
        Path csv = Files.writeString(dir.resolve("list.csv"), "email,name,categories\n"
                + "ana@example.org,\"Núñez, Ana\",Presse;Sport\n"
                + "not-an-address,Bob,\n"
                + "known@example.org,Known,\n"
                + "\n"
                + "jean@example.fr,Jean,\n");

        CliRun imported = run("subscribers", "import", csv.toString());

        assertEquals(0, imported.exitCode, imported.toString());
        assertTrue(imported.out.contains("list.csv line 3: invalid email address 'not-an-address'"), imported.out);
        assertTrue(imported.out.contains("Imported 2 subscribers (1 already known, 1 bad rows)"), imported.out);
        String export = run("subscribers", "export").out;
        assertTrue(export.startsWith("email,name,categories,status,"), export);
        assertTrue(export.contains("ana@example.org,\"Núñez, Ana\",Presse;Sport,active,"), export);
        assertTrue(export.contains("known@example.org,,,unsubscribed,"), export);
        assertEquals(0, outbox().size());
    }

    @Test
    void importWithPendingSendsEachNewAddressAConfirmation() throws IOException {
        Path csv = Files.writeString(dir.resolve("list.csv"), "email,name,categories\nana@example.org,Ana,\n"
                + "jean@example.fr,Jean,Presse\n");

        CliRun imported = run("subscribers", "import", "--pending", csv.toString());

        assertTrue(imported.out.contains("Imported 2 subscribers (0 already known, 0 bad rows, 2 confirmation emails"
                + " sent)"), imported.out);
        assertEquals(2, outbox().size());
        assertTrue(run("subscribers", "export").out.contains("jean@example.fr,Jean,Presse,pending,"));
    }

    @Test
    void previewPrintsTheHtmlVersionOnRequest() throws IOException {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.route("/feed", respond(200, "<rss version=\"2.0\"><channel><title>Le Monde</title><item>"
                    + "<title>Grève &amp; manif</title><guid>1</guid></item></channel></rss>"));
            run("feeds", "add", server.uri("/feed").toString());
        }

        CliRun html = run("digest", "preview", "--format", "html");

        assertEquals(0, html.exitCode, html.toString());
        assertTrue(html.out.contains("<!DOCTYPE html>") && html.out.contains("Grève &amp; manif"), html.out);
        assertEquals(0, outbox().size());
    }

    @Test
    void digestSendWritesOneEmlPerActiveSubscriberAndNothingTheSecondTime() throws IOException {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.route("/feed", respond(200, "<rss version=\"2.0\"><channel><title>Le Monde</title>"
                    + "<link>https://lemonde.example/</link><description>d</description><item><title>Grève à Paris"
                    + "</title><link>https://lemonde.example/1</link><guid>1</guid></item></channel></rss>"));
            run("feeds", "add", "--category", "Presse", server.uri("/feed").toString());
        }
        run("subscribers", "add", "--confirmed", "ana@example.org");
        run("subscribers", "add", "--confirmed", "--categories", "Sport", "bob@example.org");

        CliRun preview = run("digest", "preview", "--subscriber", "ana@example.org");
        CliRun send = run("digest", "send");
        CliRun again = run("digest", "send");

        assertTrue(preview.out.contains("Grève à Paris"), preview.toString());
        assertEquals(0, send.exitCode, send.toString());
        assertTrue(send.out.contains("Built issue 1: 1 sent, 0 failed, 1 skipped"), send.out);
        assertEquals(1, outbox().size());
        assertTrue(again.out.contains("nothing sent"), again.out);
        assertEquals(1, outbox().size());
    }

    @Test
    void statusShowsFeedHealthAndTheLastIssuesCounts() throws IOException {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.route("/feed", respond(200, "<rss version=\"2.0\"><channel><title>Le Monde</title>"
                    + "<item><title>Grève</title><guid>1</guid></item></channel></rss>"));
            server.route("/gone", respond(410, "bye"));
            run("feeds", "add", server.uri("/feed").toString());
            run("feeds", "add", "--no-check", server.uri("/gone").toString());
            run("fetch");
        }
        run("subscribers", "add", "--confirmed", "ana@example.org");
        run("subscribers", "add", "--confirmed", "bob@example.org");
        run("digest", "send");

        CliRun status = run("status");

        assertEquals(0, status.exitCode, status.toString());
        assertTrue(status.out.contains("serve: not running"), status.out);
        assertTrue(status.out.contains("jobs: not scheduled yet"), status.out);
        assertTrue(status.out.contains("newsletter: digest.cron '0 0 7 ? * MON' in UTC, next "), status.out);
        assertTrue(status.out.contains("feeds: 2 in all, 0 due now; 1 active, 0 failing, 0 paused, 1 gone"),
                status.out);
        assertTrue(status.out.contains("last issue: #1 ") && status.out.contains(": 2 sent, 0 failed, 0 pending"),
                status.out);
    }

    @Test
    void digestSendExitsNonZeroWhenTheServerCannotBeReached() throws IOException {
        Files.writeString(dir.resolve("tidings.properties"), "smtp.host=127.0.0.1\nsmtp.port=1\nsmtp.security=none\n");
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.route("/feed", respond(200, "<rss version=\"2.0\"><channel><title>T</title><item><title>A"
                    + "</title><guid>1</guid></item></channel></rss>"));
            run("feeds", "add", server.uri("/feed").toString());
        }
        run("subscribers", "add", "--confirmed", "ana@example.org");

        CliRun send = run("digest", "send");

        assertEquals(2, send.exitCode, send.toString());
        assertTrue(send.err.startsWith("tidings: Could not connect to SMTP server 127.0.0.1:1"), send.err);
        assertTrue(send.err.contains("stay pending"), send.err);
    }

    @Test
    void demoShowsTheWholeProductOffline() throws IOException {
        CliRun demo = run("demo");

        assertEquals(0, demo.exitCode, demo.toString());
        assertTrue(demo.out.contains("Built issue 1: 3 sent"), demo.out);
        try (Stream<Path> files = Files.list(dir.resolve("demo-data/outbox"))) {
            assertEquals(3, files.filter(p -> p.toString().endsWith(".eml")).count());
        }
        assertTrue(Files.readString(dir.resolve("demo-data/feed.atom")).contains("Révolution Permanente"));
        assertTrue(Files.readString(dir.resolve("demo-data/issue-1.html")).contains("Klasse Gegen Klasse"));
        assertEquals(0, run("demo").exitCode, "the demo can run again over its own folder");
    }

    @Test
    void brokenTemplateIsRefusedWithFileAndLine() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("digest.txt.mustache"), "Hello\n{{#sections}}\nno end\n");
        run("subscribers", "add", "--confirmed", "ana@example.org");

        CliRun send = run("digest", "send");

        assertEquals(1, send.exitCode);
        assertTrue(send.err.contains("digest.txt.mustache line"), send.err);
    }
}
