package org.tidings.web;

import io.javalin.config.JavalinConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses overload instead of absorbing it: at most {@code maxRequests} requests are worked on at
 * once and at most {@code maxQueued} wait (without a thread) for a slot, each for at most
 * {@link #MAX_WAIT}; any request beyond gets 503 with Retry-After at once. Without it Jetty queues
 * every request for its 250 threads, and 64 front-page requests at 200,000 articles ran H2 out of
 * memory. /healthz is never counted, so a monitor still hears from an overloaded server.
 */
final class OverloadGate extends QoSHandler {
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    static final int RETRY_AFTER_SECONDS = 5;
    private static final byte[] BODY = "Server busy; try again in a few seconds\n".getBytes(StandardCharsets.UTF_8);

    private OverloadGate(int maxRequests, int maxQueued) {
        setMaxRequestCount(maxRequests);
        setMaxSuspendedRequestCount(maxQueued);
        setMaxSuspend(MAX_WAIT);
        excludePath("/healthz");
    }

    /** Puts the gate in front of everything Javalin serves; returns it for its counters. */
    static OverloadGate install(JavalinConfig config, int maxRequests, int maxQueued) {
        OverloadGate gate = new OverloadGate(maxRequests, maxQueued);
        // Javalin attaches its servlet below the innermost wrapper, so the gate sees every request first.
        config.jetty.modifyServer(server -> server.insertHandler(gate));
        return gate;
    }

    @Override
    protected void reject(Request request, Response response, Callback callback, int status) {
        refuse(response, callback);
    }

    /** A request that waited {@link #MAX_WAIT} without a slot. */
    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
        refuse(response, callback);
    }

    private static void refuse(Response response, Callback callback) {
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(BODY), callback);
    }
}
