package org.tidings.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Streams the corpus files over loopback, with an ETag per file so refetches can be 304s. */
final class BenchServer implements CorpusServer {
    static {
        // Without it the JDK server delays small responses by ~40 ms (Nagle), which would measure the server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Path dir;

    BenchServer(Path dir) throws IOException {
        this.dir = dir;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::serve);
        server.setExecutor(pool);
        server.start();
    }

    @Override
    public String describe() {
        return "the JDK's HttpServer in this process";
    }

    @Override
    public URI url(int feed) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed-" + feed + ".xml");
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            Path file = dir.resolve(ex.getRequestURI().getPath().substring(1));
            if (!file.getFileName().toString().startsWith("feed-") || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
            ex.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = ex.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
