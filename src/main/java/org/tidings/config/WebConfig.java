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
 */
public record WebConfig(String bind, int port, Duration confirmWithin) {
    static WebConfig from(Settings s) {
        return new WebConfig(s.string("http.bind", "127.0.0.1"), port(s),
                s.duration("subscribe.confirm-within", Duration.ofDays(2)));
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
