package org.tidings.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that breaks under a running server: requests fail for a while, then recover by themselves. */
class RecoveryTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final List<String> PATHS = List.of("/", "/feed.atom", "/archive", "/healthz", "/admin/feeds");

    @TempDir
    Path dir;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void comesBackByItselfAfterTheDatabaseIsShutDownUnderIt() throws Exception {
        try (WebFixture web = new WebFixture(dir, Map.of("TIDINGS_ADMIN_PASSWORD", PASSWORD,
                "TIDINGS_PUBLIC_URL", "http://tidings.test/"))) {
            web.article("Le Monde", "Presse", "Grève générale");
            login(web);
            assertAllAnswer(web, 200);

            shutDown(web);

            awaitAll(web, 200);
            assertAllAnswer(web, 200);
        }
    }

    @Test
    void healthSaysUnavailableWhileTheDatabaseCannotAnswerAndRecoversWhenItCan() throws Exception {
        Path data = dir.resolve("h2");
        Server h2 = tcpServer(data, 0);
        int port = h2.getPort();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/tidings;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
        try (WebFixture web = new WebFixture(dir.resolve("tidings"), Map.of("TIDINGS_DB_URL", url,
                "TIDINGS_ADMIN_PASSWORD", PASSWORD, "TIDINGS_PUBLIC_URL", "http://tidings.test/"))) {
            web.article("Le Monde", "Presse", "Grève générale");
            login(web);
            assertAllAnswer(web, 200);

            h2.stop();
            web.passStalenessBound();
            HttpResponse<String> down = get(web, "/healthz");
            h2 = tcpServer(data, port);
            awaitAll(web, 200);

            assertEquals(503, down.statusCode());
            assertEquals("database not reachable\n", down.body());
            assertAllAnswer(web, 200);
        } finally {
            h2.stop();
        }
    }

    /** What H2 does after an OutOfMemoryError inside a query: it closes the database under every connection. */
    private static void shutDown(WebFixture web) throws Exception {
        try (Connection c = web.tidings.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException e) {
            // The connection closes with the database; returning it to the pool may say so.
        }
    }

    private static Server tcpServer(Path baseDir, int port) throws Exception {
        return Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", baseDir.toString(),
                "-ifNotExists").start();
    }

    private void login(WebFixture web) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(web.url("/admin/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("password=" + PASSWORD.replace(' ', '+'))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
    }

    private HttpResponse<String> get(WebFixture web, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(web.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertAllAnswer(WebFixture web, int status) throws Exception {
        web.passStalenessBound();
        for (String path : PATHS) {
            HttpResponse<String> r = get(web, path);
            assertEquals(status, r.statusCode(), path + ": " + r.body());
        }
    }

    /**
     * Until every path answers {@code status} in one round; each round first lets the caches'
     * staleness bound pass, so that every path asks the database again.
     */
    private void awaitAll(WebFixture web, int status) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < giveUp) {
            web.passStalenessBound();
            boolean all = true;
            for (String path : PATHS) {
                all &= get(web, path).statusCode() == status;
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
