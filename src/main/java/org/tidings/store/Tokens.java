package org.tidings.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable link tokens: 192 random bits, URL-safe. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    static String next() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
