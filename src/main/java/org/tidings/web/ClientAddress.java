package org.tidings.web;

import io.javalin.http.Context;

/**
 * Who sent a request, for per-client limits. Behind a reverse proxy on the same machine every
 * request comes from loopback, so there the proxy's {@code X-Forwarded-For} names the client: its
 * last entry, the one the proxy itself appended (earlier entries are whatever the client sent).
 * From any other peer the header is ignored, since anyone could send it.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank() || !isLoopback(peer)) {
            return peer;
        }
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? peer : last;
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }
}
