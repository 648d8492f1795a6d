package org.tidings.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/** Security headers, hostile feed text, /healthz, and errors that never show a stack trace. */
class WebSafetyTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String HOSTILE = "<script>alert(1)</script> ]]> & done";

    @TempDir
    Path dir;
    private WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        web.article("Le Monde", "Presse", "Grève");

        for (String path : List.of("/feed.atom", "/feed.rss", "/feed.json?category=x", "/healthz", "/nope")) {
            HttpResponse<String> r = web.get(path);

            for (Map.Entry<String, String> header : SecurityHeaders.ALL.entrySet()) {
                assertEquals(header.getValue(), r.headers().firstValue(header.getKey()).orElse(null),
                        header.getKey() + " on " + path);
            }
        }
        assertEquals("default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
                web.get("/feed.atom").headers().firstValue("Content-Security-Policy").orElseThrow());
    }

    @Test
    void hostileTitlesComeOutEscapedInEveryFormat() throws Exception {
        web.article(HOSTILE, "Presse", HOSTILE);

        String atom = web.get("/feed.atom").body();
        String rss = web.get("/feed.rss").body();
        JsonNode json = new ObjectMapper().readTree(web.get("/feed.json").body());

        assertFalse(atom.contains("<script>") || rss.contains("<script>"), atom + rss);
        assertEquals(HOSTILE, childText(xml(atom).getElementsByTagNameNS(ATOM, "entry").item(0), "title"));
        assertEquals(HOSTILE, childText(xml(rss).getElementsByTagName("item").item(0), "title"));
        assertEquals(HOSTILE, childText(xml(rss).getElementsByTagName("item").item(0), "source"));
        assertEquals(HOSTILE, json.get("items").get(0).get("title").asText());
        assertEquals(HOSTILE, json.get("items").get(0).get("_source").get("title").asText());
    }

    @Test
    void unknownPathIsAPlainNotFound() throws Exception {
        HttpResponse<String> r = web.get("/feed.atom/more?x=%3Cb%3E");

        assertEquals(404, r.statusCode());
        assertEquals("Not found\n", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    }

    @Test
    void healthIsOkWhileTheDatabaseAnswersAndTheSchedulerRuns() throws Exception {
        HttpResponse<String> ok = web.get("/healthz");
        web.schedulerRunning.set(false);
        HttpResponse<String> stopped = web.get("/healthz");

        assertEquals(200, ok.statusCode());
        assertEquals("ok\n", ok.body());
        assertEquals(503, stopped.statusCode());
        assertEquals("scheduler not running\n", stopped.body());
    }

    @Test
    void aFailingDatabaseGivesOneLine500AndUnhealthy() throws Exception {
        web.tidings.database().close();

        HttpResponse<String> feed = web.get("/feed.atom");
        HttpResponse<String> health = web.get("/healthz");

        assertEquals(500, feed.statusCode());
        assertEquals("Internal server error; the details are in Tidings' log\n", feed.body());
        assertEquals(503, health.statusCode());
        assertEquals("database not reachable\n", health.body());
    }

    private static String childText(Node parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (localName.equals(n.getLocalName())) {
                return n.getTextContent();
            }
        }
        throw new AssertionError("no " + localName + " in " + parent.getNodeName());
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
