package org.tidings.fetch;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns what the JDK client threw into one line that names the cause. The client wraps its
 * causes (a ConnectException around an UnresolvedAddressException, for one), so the whole
 * chain is searched, most telling cause first.
 */
final class FailureReason {
    private FailureReason() {
    }

    static String of(Throwable error, URI url, Duration timeout) {
        if (find(error, UnresolvedAddressException.class) != null || find(error, UnknownHostException.class) != null) {
            return "unknown host " + url.getHost();
        }
        SSLException tls = find(error, SSLException.class);
        if (tls != null) {
            return "TLS failure: " + deepestMessage(tls);
        }
        if (find(error, HttpTimeoutException.class) != null) {
            return "timed out after " + timeout;
        }
        if (find(error, ConnectException.class) != null) {
            String message = deepestMessage(error);
            return message.equals(ConnectException.class.getSimpleName()) ? "connection refused" : lower(message);
        }
        return "I/O error: " + lower(deepestMessage(error));
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost message, which is the specific one ("Connection refused"), else a type name. */
    private static String deepestMessage(Throwable error) {
        String message = error.getClass().getSimpleName();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String lower(String message) {
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
