package org.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tidings.model.EmailAddress;

/**
 * Finds the VERP detail ({@code TOKEN} in {@code bounces+TOKEN@example.org}) of the address a message
 * was delivered to. The envelope recipient is the best witness; next come the headers that the
 * receiving MTA adds on delivery (Postfix: Delivered-To and X-Original-To, Exim: Envelope-to); last
 * the To and Cc the sender wrote, which a DSN sets to the envelope sender it bounces to. From is never
 * read: anyone can write any From, and an auto-reply's From is the reader, not us.
 */
final class VerpDetail {
    private static final String[] DELIVERY_HEADERS = {"Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc"};
    /** RFC 5321's limit on a local part: nothing longer can be one of ours. */
    private static final int MAX_LOCAL = 64;

    private final String prefix;
    private final String domain;

    VerpDetail(EmailAddress bounceAddress) {
        this.prefix = bounceAddress.localPart() + "+";
        this.domain = bounceAddress.domain();
    }

    /** The detail as found (case kept), or null when no candidate address is a VERP bounce address. */
    String find(String envelopeRecipient, Part message) throws MessagingException {
        for (String candidate : candidates(envelopeRecipient, message)) {
            String detail = detailOf(candidate);
            if (detail != null) {
                return detail;
            }
        }
        return null;
    }

    private static List<String> candidates(String envelopeRecipient, Part message) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        if (envelopeRecipient != null) {
            addresses.add(envelopeRecipient);
        }
        for (String name : DELIVERY_HEADERS) {
            String[] values = message.getHeader(name);
            for (int i = 0; values != null && i < values.length; i++) {
                addresses.addAll(parse(values[i]));
            }
        }
        return addresses;
    }

    /** Lenient: one malformed address in a To list must not hide the good one beside it. */
    private static List<String> parse(String headerValue) {
        List<String> out = new ArrayList<>();
        try {
            for (InternetAddress a : InternetAddress.parseHeader(headerValue, false)) {
                out.add(a.getAddress());
            }
        } catch (AddressException e) {
            for (String piece : headerValue.split(",")) {
                out.add(piece);
            }
        }
        return out;
    }

    String detailOf(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        if (a.startsWith("<") && a.endsWith(">")) {
            a = a.substring(1, a.length() - 1).strip();
        }
        int at = a.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL || !a.substring(at + 1).equalsIgnoreCase(domain)) {
            return null;
        }
        String local = a.substring(0, at);
        if (local.length() <= prefix.length() || !local.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return null;
        }
        String detail = local.substring(prefix.length());
        return detail.chars().allMatch(VerpDetail::isTokenChar) ? detail : null;
    }

    /** Tokens are made of letters, digits and '-' (see newsletter.BounceTokens); nothing else is passed on. */
    private static boolean isTokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }
}
