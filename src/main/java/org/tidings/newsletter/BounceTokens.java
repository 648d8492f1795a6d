package org.tidings.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tidings.model.Subscriber;

/**
 * The tokens that tie mail coming back to what we sent: the VERP detail of a delivery's Return-Path
 * ({@code bounces+ISSUE-SUBSCRIBER-MAC@}), of the List-Unsubscribe mailto address
 * ({@code bounces+unsubscribe-SUBSCRIBER-MAC@}), and the MAC inside our Message-IDs. The MAC is an
 * HMAC keyed by the subscriber's own secret token, so nobody can make one for a subscriber without
 * having received that subscriber's mail; it is lower-case base32, because some servers lower-case
 * local parts.
 */
public final class BounceTokens {
    private static final Pattern DELIVERY = Pattern.compile("([0-9]{1,9})-([0-9]{1,18})-([a-z2-7]{16})");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("unsubscribe-([0-9]{1,18})-([a-z2-7]{16})");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private BounceTokens() {
    }

    /** A delivery named by a token: which issue (by number) and which subscriber (by id). */
    public record DeliveryRef(int issueNumber, long subscriberId) {
    }

    /** {@code ISSUE-SUBSCRIBER-MAC}: the VERP detail of one delivery. */
    public static String delivery(int issueNumber, Subscriber s) {
        return issueNumber + "-" + s.id() + "-" + mac(s.token(), "delivery:" + issueNumber + ":" + s.id());
    }

    /** {@code unsubscribe-SUBSCRIBER-MAC}: the VERP detail of the List-Unsubscribe mailto address. */
    public static String unsubscribe(Subscriber s) {
        return "unsubscribe-" + s.id() + "-" + mac(s.token(), "unsubscribe:" + s.id());
    }

    /** The delivery a detail claims to name, not yet checked: check it with {@link #isDelivery}. */
    public static Optional<DeliveryRef> parseDelivery(String detail) {
        Matcher m = DELIVERY.matcher(detail == null ? "" : detail.toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(new DeliveryRef(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }

    /** The subscriber an unsubscribe detail claims to name, not yet checked: check with {@link #isUnsubscribe}. */
    public static Optional<Long> parseUnsubscribe(String detail) {
        Matcher m = UNSUBSCRIBE.matcher(detail == null ? "" : detail.toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** Whether the detail is exactly the one made for this issue and subscriber. */
    public static boolean isDelivery(String detail, int issueNumber, Subscriber s) {
        return detail != null && constantTimeEquals(detail.toLowerCase(Locale.ROOT), delivery(issueNumber, s));
    }

    public static boolean isUnsubscribe(String detail, Subscriber s) {
        return detail != null && constantTimeEquals(detail.toLowerCase(Locale.ROOT), unsubscribe(s));
    }

    /** The MAC of a delivery alone, for the Message-ID, which must not be guessable either. */
    public static String messageIdMac(int issueNumber, Subscriber s) {
        return mac(s.token(), "message-id:" + issueNumber + ":" + s.id());
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** 80 bits of HMAC-SHA256, 16 base32 characters. */
    static String mac(String key, String data) {
        byte[] h;
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            h = m.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            int bit = i * 5;
            int word = ((h[bit / 8] & 0xff) << 8) | (h[bit / 8 + 1] & 0xff);
            out.append(BASE32[(word >> (11 - bit % 8)) & 31]);
        }
        return out.toString();
    }
}
