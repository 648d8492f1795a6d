package org.tidings.render;

/**
 * A template that cannot be used; the message names the file and, when known, the line, as in
 * "templates/digest.html.mustache line 12: Failed to close 'articles' tag".
 */
public final class TemplateException extends RuntimeException {
    TemplateException(String message) {
        super(message);
    }

    TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
