package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.fetch.LocalHttpServer.respond;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;

/**
 * {@code tidings inbound}, as a Postfix pipe runs it: on the fixtures of real MTAs' reports,
 * readdressed to what an issue sent by the file transport really carried.
 */
class CliInboundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE_TOKEN = "bounces+7-42-abcdefghijklmnop@tidings.example.org";
    private static final String FIXTURE_UNSUBSCRIBE = "bounces+unsubscribe-42-abcdefghijklmnop@tidings.example.org";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>(Map.of("TIDINGS_MAIL_BOUNCE_ADDRESS",
            "bounces@tidings.example.org"));

    private CliRun run(String... args) {
        return CliRun.run(dir, env, args);
    }

    @BeforeEach
    void sendAnIssueToAnaAndBob() throws IOException {
        try (LocalHttpServer server = LocalHttpServer.start()) {
            server.route("/feed", respond(200, "<rss version=\"2.0\"><channel><title>Le Monde</title>"
                    + "<link>https://lemonde.example/</link><description>d</description><item><title>Grève à Paris"
                    + "</title><link>https://lemonde.example/1</link><guid>1</guid></item></channel></rss>"));
            run("feeds", "add", server.uri("/feed").toString());
        }
        run("subscribers", "add", "--confirmed", "ana@example.org");
        run("subscribers", "add", "--confirmed", "bob@example.org");
        CliRun send = run("digest", "send");
        assertTrue(send.out.contains("2 sent"), send.toString());
    }

    @Test
    void aHardBounceFromPostfixMarksOnlyItsSubscriberBouncedAndTheSameReportAgainChangesNothing() throws IOException {
        Path dsn = fixture("postfix-hard.eml", FIXTURE_TOKEN, returnPath("ana@example.org"));

        CliRun first = run("inbound", dsn.toString());
        CliRun again = run("inbound", dsn.toString());

        assertEquals(0, first.exitCode, first.toString());
        assertTrue(first.out.startsWith("handled: hard bounce 5.1.1"), first.out);
        assertEquals(0, again.exitCode, again.toString());
        assertEquals("bounced", status("ana@example.org"));
        assertEquals("active", status("bob@example.org"));
    }

    @Test
    void anUnsubscribeByMailOnStandardInputUnsubscribes() throws IOException {
        String mailto = unsubscribeMailto("bob@example.org");
        byte[] raw = Files.readString(resource("mailto-unsubscribe.eml")).replace(FIXTURE_UNSUBSCRIBE, mailto)
                .getBytes(StandardCharsets.UTF_8);

        InputStream stdin = System.in;
        CliRun unsubscribed;
        try {
            System.setIn(new ByteArrayInputStream(raw));
            unsubscribed = run("inbound", "-", "--recipient", mailto);
        } finally {
            System.setIn(stdin);
        }

        assertEquals(0, unsubscribed.exitCode, unsubscribed.toString());
        assertTrue(unsubscribed.out.startsWith("handled: unsubscribe"), unsubscribed.out);
        assertEquals("unsubscribed", status("bob@example.org"));
        assertEquals("active", status("ana@example.org"));
    }

    @Test
    void anAutoReplyIsIgnoredWithExitZeroSoThatTheMtaDropsIt() throws IOException {
        Path reply = fixture("auto-reply.eml", FIXTURE_TOKEN, returnPath("ana@example.org"));

        CliRun ignored = run("inbound", reply.toString());

        assertEquals(0, ignored.exitCode, ignored.toString());
        assertTrue(ignored.out.startsWith("ignored: other"), ignored.out);
        assertEquals("active", status("ana@example.org"));
    }

    @Test
    void aForgedTokenChangesNothing() throws IOException {
        String real = returnPath("ana@example.org");
        String forged = real.replaceAll("-[a-z2-7]{16}@", "-aaaaaaaaaaaaaaaa@");
        Path dsn = fixture("postfix-hard.eml", FIXTURE_TOKEN, forged);

        CliRun ignored = run("inbound", dsn.toString());

        assertEquals(0, ignored.exitCode, ignored.toString());
        assertTrue(ignored.out.startsWith("ignored: hard bounce"), ignored.out);
        assertEquals("active", status("ana@example.org"));
    }

    @Test
    void whenTidingsCannotActItExitsSeventyFiveSoThatPostfixKeepsTheMessageAndRetries() throws IOException {
        Path dsn = fixture("postfix-hard.eml", FIXTURE_TOKEN, returnPath("ana@example.org"));
        CliRun missing = run("inbound", dir.resolve("no-such-file.eml").toString());
        env.remove("TIDINGS_MAIL_BOUNCE_ADDRESS");
        CliRun unconfigured = run("inbound", dsn.toString());

        assertEquals(75, missing.exitCode, missing.toString());
        assertTrue(missing.err.contains("try again later"), missing.err);
        assertEquals(75, unconfigured.exitCode, unconfigured.toString());
        assertTrue(unconfigured.err.contains("mail.bounce-address is not set"), unconfigured.err);
        env.put("TIDINGS_MAIL_BOUNCE_ADDRESS", "bounces@tidings.example.org");
        assertEquals("active", status("ana@example.org"));
    }

    private Path fixture(String name, String from, String to) throws IOException {
        Path copy = dir.resolve(name);
        Files.writeString(copy, Files.readString(resource(name)).replace(from, to));
        return copy;
    }

    private static Path resource(String name) {
        return Path.of("src/test/resources/inbound", name);
    }

    /** The envelope sender the file transport wrote first in the subscriber's .eml. */
    private String returnPath(String subscriber) throws IOException {
        return header(subscriber, Pattern.compile("(?m)^Return-Path: <([^>]+)>"));
    }

    private String unsubscribeMailto(String subscriber) throws IOException {
        return header(subscriber, Pattern.compile("<mailto:([^?>]+)"));
    }

    private String header(String subscriber, Pattern pattern) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("data/outbox"))) {
            List<String> mails = files.filter(p -> p.toString().endsWith(".eml")).map(CliInboundTest::read).toList();
            for (String mail : mails) {
                if (mail.contains("To: " + subscriber)) {
                    Matcher m = pattern.matcher(mail);
                    assertTrue(m.find(), mail);
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no message to " + subscriber);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String status(String email) throws IOException {
        for (JsonNode s : JSON.readTree(run("subscribers", "list", "--format", "json").out)) {
            if (s.get("email").asText().equals(email)) {
                return s.get("status").asText();
            }
        }
        throw new AssertionError("no subscriber " + email);
    }
}
