package org.tidings.mail;

/**
 * How many octets a text body takes on the wire, in the transfer encoding {@link MimeComposer}
 * gives it: what a size budget for a message part has to count, since quoted-printable or base64
 * makes non-ASCII text up to a third larger than its UTF-8.
 */
public final class WireSize {
    private WireSize() {
    }

    /** The encoded body's octets, line ends as CRLF, without the part's headers. */
    public static int of(String body) {
        return EncodedBody.of(body).bytes().length;
    }
}
