package org.tidings.web;

/** The web server could not start, for example because its port is taken. */
public final class WebServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WebServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
