package org.tidings.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tidings.model.InboundKind;
import org.tidings.model.InboundReport;
import org.tidings.model.Subscriber;
import org.tidings.store.SubscriberStore;

/**
 * Finds whom a report that came back is about, from what only we can have made: the VERP token
 * first, then our Message-ID quoted in the report, each checked against its MAC with the named
 * subscriber's own secret. A From header, or an address written in the report, names no one: anybody
 * can write those.
 */
final class ReportMatcher {
    /** {@code <tidings.ISSUE.SUBSCRIBER.MAC@domain>}, as MessageFactory makes them. */
    private static final Pattern MESSAGE_ID = Pattern.compile(
            "<?tidings\\.([0-9]{1,9})\\.([0-9]{1,18})\\.([a-z2-7]{16})@[^<>\\s]{1,255}>?");

    private final SubscriberStore subscribers;

    ReportMatcher(SubscriberStore subscribers) {
        this.subscribers = subscribers;
    }

    /** @param issueNumber the issue the report names; null for an unsubscribe, which names none */
    record Match(Subscriber subscriber, Integer issueNumber) {
    }

    /** An unsubscribe goes by its own token alone; a bounce or complaint by its delivery's. */
    Optional<Match> match(InboundReport report) {
        if (report.kind() == InboundKind.OTHER) {
            return Optional.empty();
        }
        if (report.kind() == InboundKind.UNSUBSCRIBE) {
            return byUnsubscribeToken(report.verpDetail());
        }
        Optional<Match> byToken = byDeliveryToken(report.verpDetail());
        return byToken.isPresent() ? byToken : byMessageId(report.originalMessageId());
    }

    private Optional<Match> byUnsubscribeToken(String detail) {
        return BounceTokens.parseUnsubscribe(detail).flatMap(subscribers::find)
                .filter(s -> BounceTokens.isUnsubscribe(detail, s)).map(s -> new Match(s, null));
    }

    private Optional<Match> byDeliveryToken(String detail) {
        return BounceTokens.parseDelivery(detail).flatMap(ref -> subscribers.find(ref.subscriberId())
                .filter(s -> BounceTokens.isDelivery(detail, ref.issueNumber(), s))
                .map(s -> new Match(s, ref.issueNumber())));
    }

    private Optional<Match> byMessageId(String messageId) {
        if (messageId == null || messageId.length() > 300) {
            return Optional.empty();
        }
        Matcher m = MESSAGE_ID.matcher(messageId.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int issue = Integer.parseInt(m.group(1));
        byte[] mac = m.group(3).getBytes(StandardCharsets.US_ASCII);
        return subscribers.find(Long.parseLong(m.group(2)))
                .filter(s -> MessageDigest.isEqual(mac,
                        BounceTokens.messageIdMac(issue, s).getBytes(StandardCharsets.US_ASCII)))
                .map(s -> new Match(s, issue));
    }
}
