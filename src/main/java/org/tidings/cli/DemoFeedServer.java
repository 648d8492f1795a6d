package org.tidings.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/** Serves the sample feeds shipped in the jar over loopback, so the demo runs offline through the real fetcher. */
final class DemoFeedServer implements AutoCloseable {
    /** The sample feeds: file, content type and category. */
    record Sample(String file, String contentType, String category) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("left-voice.xml", "application/rss+xml; charset=utf-8", "Left press"),
            new Sample("revolution-permanente.xml", "application/atom+xml", "Presse"),
            new Sample("klasse-gegen-klasse.xml", "application/rss+xml", "Presse"),
            new Sample("la-izquierda-diario.json", "application/feed+json", "Prensa"));

    private final HttpServer server;

    DemoFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    URI url(Sample s) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + s.file());
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String name = ex.getRequestURI().getPath().substring(1);
            Sample sample = SAMPLES.stream().filter(s -> s.file().equals(name)).findFirst().orElse(null);
            if (sample == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = DemoFeedServer.class.getResourceAsStream("/demo/" + sample.file())) {
                body = in.readAllBytes();
            }
            ex.getResponseHeaders().set("Content-Type", sample.contentType());
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
