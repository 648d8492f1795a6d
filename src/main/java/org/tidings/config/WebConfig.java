package org.tidings.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Where {@code serve} listens for HTTP, and how its sign-up pages behave.
 *
 * @param bind the address to listen on; the loopback default keeps Tidings private until an
 *     admin puts it behind a reverse proxy or opens it on purpose
 * @param port the TCP port; 0 takes any free port (tests)
 * @param confirmWithin how long a sign-up's confirmation link stays valid
 * @param maxRequests requests handled at once; more wait in a queue
 * @param maxQueued requests that may wait for one of those slots; past that a request gets 503 at once
 */
public record WebConfig(String bind, int port, Duration confirmWithin, int maxRequests, int maxQueued) {
    static WebConfig from(Settings s) {
        return new WebConfig(s.string("http.bind", "127.0.0.1"), port(s),
                s.duration("subscribe.confirm-within", Duration.ofDays(2)), s.positiveInt("http.max-requests", 32),
                s.positiveInt("http.max-queued", 64));
    }

    public static WebConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }

    private static int port(Settings s) {
        Optional<String> v = s.optional("http.port");
        if (v.isEmpty()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(v.get());
            if (port < 0 || port > 65_535) {
                throw new ConfigException("http.port", "must be between 0 and 65535, got " + port);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new ConfigException("http.port", "not a port number: '" + v.get() + "'");
        }
    }
}
