package org.tidings.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of article identities and contents. */
final class Digests {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private Digests() {
    }

    /** Reused per thread: hashing must not allocate a byte copy of every article's content. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[8192]);

    /**
     * Hex SHA-256 of the parts' UTF-16 code units, each part followed by a NUL char so that
     * ("ab","c") and ("a","bc") differ. A fingerprint only: it need not match any other tool's.
     */
    static String sha256(String... parts) {
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] buf = BUFFER.get();
        int used = 0;
        for (String p : parts) {
            int length = p == null ? 0 : p.length();
            for (int i = 0; i <= length; i++) {
                char c = i < length ? p.charAt(i) : 0;
                if (used == buf.length) {
                    md.update(buf, 0, used);
                    used = 0;
                }
                buf[used++] = (byte) (c >> 8);
                buf[used++] = (byte) c;
            }
        }
        md.update(buf, 0, used);
        return HexFormat.of().formatHex(md.digest());
    }
}
