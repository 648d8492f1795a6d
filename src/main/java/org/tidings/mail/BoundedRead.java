package org.tidings.mail;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a raw message into memory up to a cap. A larger one is read to its end and thrown away, so
 * that a pipe from the MTA is always consumed (Postfix treats a writer's broken pipe as a failure and
 * would retry) while memory stays bounded whatever arrives.
 */
final class BoundedRead {
    private static final int CHUNK = 64 * 1024;

    private BoundedRead() {
    }

    /** The message's bytes, or null when it holds more than {@code max} bytes. */
    static SharedByteArrayInputStream atMost(InputStream in, int max) throws IOException {
        byte[] buf = new byte[CHUNK];
        int len = 0;
        while (true) {
            if (len == buf.length) {
                if (len > max) {
                    discardRest(in);
                    return null;
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) max + 1));
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                return len > max ? null : new SharedByteArrayInputStream(buf, 0, len);
            }
            len += n;
        }
    }

    private static void discardRest(InputStream in) throws IOException {
        byte[] sink = new byte[CHUNK];
        while (in.read(sink) >= 0) {
            // Nothing is kept: the bytes only have to leave the pipe.
        }
    }
}
