package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.parse.Fixtures.invalidReason;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileXmlTest {
    private static final String SECRET = "s3cr3t-only-in-the-file";

    @Test
    void rejectsBillionLaughsWithoutExpanding() {
        // A safety net, not a speed claim: expanding would take gigabytes and minutes.
        ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Fixtures.parse("hostile-billion-laughs.xml", null));

        assertTrue(invalidReason(result).startsWith("DOCTYPE declarations are not allowed"), result.toString());
    }

    @Test
    void rejectsExternalEntityToLocalFileWithoutReadingIt(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&xxe;</title>"
                + "<item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>";

        ParseResult result = Fixtures.parseText(xml);

        assertTrue(invalidReason(result).startsWith("DOCTYPE declarations are not allowed"));
        assertFalse(result.toString().contains(SECRET));
    }

    @Test
    void rejectsExternalEntityOverHttpWithoutConnecting() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"http://127.0.0.1:"
                    + server.getLocalPort() + "/secret\">]><rss version=\"2.0\"><channel><title>&xxe;</title>"
                    + "</channel></rss>";

            ParseResult result = Fixtures.parseText(xml);

            assertTrue(invalidReason(result).startsWith("DOCTYPE declarations are not allowed"));
            assertNoConnection(server);
        }
    }

    @Test
    void rejectsExternalParameterEntity() {
        assertTrue(invalidReason(Fixtures.parse("hostile-parameter-entity.xml", null))
                .startsWith("DOCTYPE declarations are not allowed"));
        assertTrue(invalidReason(Fixtures.parse("hostile-xxe-http.xml", null))
                .startsWith("DOCTYPE declarations are not allowed"));
    }

    @Test
    void neverFetchesTheDtdOfAPlainDoctype() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
                    + " \"http://127.0.0.1:" + server.getLocalPort() + "/rss-0.91.dtd\">\n"
                    + "<rss version=\"0.91\"><channel><title>Plain</title><link>http://x.example/</link>"
                    + "<description>d</description><language>en</language></channel></rss>";

            ParseResult result = Fixtures.parseText(xml);

            assertEquals("Plain", Fixtures.feed(result).title());
            assertNoConnection(server);
        }
    }

    @Test
    void rejectsDoctypeHiddenAfterRootWhereSnifferDoesNotLook() {
        // Not well-formed anyway; the SAX parser's own disallow-doctype-decl must still name it.
        String xml = "<rss version=\"2.0\"><!DOCTYPE x [<!ENTITY a \"b\">]><channel/></rss>";

        String reason = invalidReason(Fixtures.parseText(xml));

        assertTrue(reason.contains("DOCTYPE") || reason.startsWith("malformed XML"), reason);
    }

    @Test
    void rejectsDoctypeInUtf16Document() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"b\">]><rss version=\"2.0\"/>";
        byte[] body = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16BE);

        ParseResult result = new FeedParser().parse(body, null, Fixtures.FEED_URL);

        assertTrue(invalidReason(result).startsWith("DOCTYPE declarations are not allowed"));
    }

    private static void assertNoConnection(ServerSocket server) throws IOException {
        server.setSoTimeout(200);
        try {
            server.accept().close();
            throw new AssertionError("the parser connected to " + server.getLocalSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }
}
