package org.tidings.store;

import java.nio.charset.StandardCharsets;
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

    /** Hex SHA-256 of the parts, each followed by a NUL so that ("ab","c") and ("a","bc") differ. */
    static String sha256(String... parts) {
        MessageDigest md = SHA256.get();
        md.reset();
        for (String p : parts) {
            if (p != null) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
            }
            md.update((byte) 0);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
