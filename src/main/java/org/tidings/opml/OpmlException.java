package org.tidings.opml;

/** An OPML list that cannot be read at all: not XML, not OPML, or carrying a DOCTYPE. */
public final class OpmlException extends RuntimeException {
    OpmlException(String reason, Throwable cause) {
        super("Could not read OPML: " + reason, cause);
    }

    OpmlException(String reason) {
        this(reason, null);
    }
}
