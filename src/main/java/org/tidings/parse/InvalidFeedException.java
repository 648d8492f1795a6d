package org.tidings.parse;

/**
 * Why a document cannot be read, thrown deep inside the parse stage and turned into
 * {@link ParseResult.Invalid} at its front door, so no caller outside this package ever sees it.
 */
final class InvalidFeedException extends RuntimeException {
    InvalidFeedException(String reason) {
        super(reason, null, false, false);
    }
}
