package org.tidings.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body into memory, undoing its Content-Encoding (RFC 9110 section 8.4.1), with
 * fetch.max-bytes enforced twice: on the bytes off the wire, and on the decoded bytes, so a small
 * gzip bomb cannot expand past the cap either. The SHA-256 is computed while reading.
 */
final class BodyReader {
    private static final int CHUNK = 16 * 1024;

    /** A decoded body and the hex SHA-256 of its bytes. */
    record DecodedBody(byte[] bytes, String sha256) {
    }

    private BodyReader() {
    }

    /** @param declaredLength the Content-Length, or -1: sizes the buffer of an uncompressed body */
    static DecodedBody read(InputStream raw, String contentEncoding, long maxBytes, long declaredLength)
            throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        InputStream wire = new CappedStream(raw, maxBytes);
        try {
            DecodedBody body = switch (encoding) {
                case "", "identity" -> copy(wire, maxBytes, declaredLength);
                case "gzip", "x-gzip" -> copy(new GZIPInputStream(wire, CHUNK), maxBytes, -1);
                case "deflate" -> inflate(wire, maxBytes);
                default -> throw new FetchProblem("unsupported content encoding " + encoding);
            };
            drain(wire);
            return body;
        } catch (ZipException e) {
            throw new FetchProblem("could not decode " + encoding + " body: " + e.getMessage());
        }
    }

    /**
     * Decompressors stop at the end of their data without reading the wire to its end; reading
     * on (still capped) lets the client see the body complete and keep the connection for reuse.
     */
    private static void drain(InputStream wire) throws IOException {
        byte[] sink = new byte[CHUNK];
        while (wire.read(sink) != -1) {
            // discard
        }
    }

    /**
     * "deflate" is meant to be zlib-wrapped (RFC 9110 section 8.4.1.2), but some servers send raw
     * deflate; the zlib header's checksum (RFC 1950 section 2.2) tells the two apart.
     */
    private static DecodedBody inflate(InputStream wire, long maxBytes) throws IOException {
        PushbackInputStream in = new PushbackInputStream(wire, 2);
        byte[] head = in.readNBytes(2);
        in.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0F) == 8
                && (((head[0] & 0xFF) << 8) | (head[1] & 0xFF)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        try {
            return copy(new InflaterInputStream(in, inflater, CHUNK), maxBytes, -1);
        } finally {
            inflater.end();
        }
    }

    /**
     * Reads straight into one buffer, sized by the declared length when there is one, so a typical
     * body is allocated once and never copied: bodies are the bulk of what ingest allocates.
     */
    private static DecodedBody copy(InputStream decoded, long maxBytes, long declaredLength) throws IOException {
        MessageDigest sha256 = sha256();
        // One spare byte lets the end of the stream be seen without growing an exactly sized buffer.
        byte[] buf = new byte[(int) Math.min(maxBytes + 1, declaredLength > 0 ? declaredLength + 1 : CHUNK * 4)];
        int size = 0;
        for (int n; (n = decoded.read(buf, size, buf.length - size)) != -1; ) {
            sha256.update(buf, size, n);
            size += n;
            if (size > maxBytes) {
                throw FetchProblem.tooLarge(maxBytes);
            }
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(maxBytes + 1, (long) buf.length * 2));
            }
        }
        return new DecodedBody(size == buf.length ? buf : Arrays.copyOf(buf, size),
                HexFormat.of().formatHex(sha256.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Counts the bytes read from the wire and stops at the cap. */
    private static final class CappedStream extends FilterInputStream {
        private final long maxBytes;
        private long count;

        CappedStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int n = super.read(into, offset, length);
            return n < 0 ? n : counted(n);
        }

        private int counted(int n) throws FetchProblem {
            count += n;
            if (count > maxBytes) {
                throw FetchProblem.tooLarge(maxBytes);
            }
            return n;
        }
    }
}
