package org.tidings.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    static DecodedBody read(InputStream raw, String contentEncoding, long maxBytes) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        InputStream wire = new CappedStream(raw, maxBytes);
        try {
            DecodedBody body = switch (encoding) {
                case "", "identity" -> copy(wire, maxBytes);
                case "gzip", "x-gzip" -> copy(new GZIPInputStream(wire, CHUNK), maxBytes);
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
            return copy(new InflaterInputStream(in, inflater, CHUNK), maxBytes);
        } finally {
            inflater.end();
        }
    }

    private static DecodedBody copy(InputStream decoded, long maxBytes) throws IOException {
        MessageDigest sha256 = sha256();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int n; (n = decoded.read(chunk)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw FetchProblem.tooLarge(maxBytes);
            }
            sha256.update(chunk, 0, n);
            out.write(chunk, 0, n);
        }
        return new DecodedBody(out.toByteArray(), HexFormat.of().formatHex(sha256.digest()));
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
