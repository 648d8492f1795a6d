package org.tidings.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 and a free port, for tests of anything that fetches.
 * Register a handler per exact path; every request is recorded with its headers and the
 * client's address, so tests can check what was sent and how many connections were used.
 * Unregistered paths answer 404.
 */
public final class LocalHttpServer implements AutoCloseable {
    /** One request as the server saw it. Header names are case-insensitive. */
    public record Request(String method, String path, String query, Headers headers, InetSocketAddress client) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    static {
        // The JDK server writes headers and body as separate small segments; with Nagle on,
        // the body waits for the client's delayed ACK (~40 ms a response). Read once, when the
        // JDK's ServerConfig loads, so this must run before any HttpServer is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "local-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LocalHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    public static LocalHttpServer start() {
        try {
            return new LocalHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code path} (no query) with {@code handler}, replacing any earlier handler. */
    public LocalHttpServer route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** A canned response; {@code headers} are name, value pairs. */
    public static HttpHandler respond(int status, byte[] body, String... headers) {
        return exchange -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            boolean noBody = body.length == 0 || status == 304 || status == 204;
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(noBody ? new byte[0] : body);
            }
        };
    }

    public static HttpHandler respond(int status, String body, String... headers) {
        return respond(status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static HttpHandler redirect(int status, String location) {
        return respond(status, new byte[0], "Location", location);
    }

    /** The absolute URL of {@code pathAndQuery} on this server. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requestCount(String path) {
        return requests(path).size();
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The latest request for {@code path}, or null when there was none. */
    public Request lastRequest(String path) {
        List<Request> seen = requests(path);
        return seen.isEmpty() ? null : seen.get(seen.size() - 1);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Headers copy = new Headers();
        copy.putAll(exchange.getRequestHeaders());
        requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), copy,
                exchange.getRemoteAddress()));
        try {
            routes.getOrDefault(uri.getPath(), respond(404, "not found")).handle(exchange);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
