package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

class BounceTokensTest {
    private static Subscriber reader(long id, String token) {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        return new Subscriber(id, EmailAddress.parse("r" + id + "@example.org"), null, SubscriberStatus.ACTIVE,
                List.of(), token, t, t, null);
    }

    @Test
    void deliveryTokenNamesIssueAndSubscriberAndChecksOnlyForThatSubscriber() {
        Subscriber ana = reader(42, "secret-token-of-ana-0123456789ab");
        Subscriber ben = reader(43, "secret-token-of-ben-0123456789ab");
        String token = BounceTokens.delivery(7, ana);

        assertTrue(token.matches("7-42-[a-z2-7]{16}"), token);
        assertEquals(Optional.of(new BounceTokens.DeliveryRef(7, 42)), BounceTokens.parseDelivery(token));
        assertTrue(BounceTokens.isDelivery(token, 7, ana));
        assertTrue(BounceTokens.isDelivery(token.toUpperCase(), 7, ana), "servers may change the case of a local part");
        assertFalse(BounceTokens.isDelivery(token, 8, ana), "another issue");
        assertFalse(BounceTokens.isDelivery(token.replace("7-42-", "7-43-"), 7, ben), "the MAC is keyed by the subscriber");
    }

    @Test
    void forgedOrMalformedDetailsAreRefused() {
        Subscriber ana = reader(42, "secret-token-of-ana-0123456789ab");
        String token = BounceTokens.delivery(7, ana);
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');

        assertFalse(BounceTokens.isDelivery(flipped, 7, ana));
        assertEquals(Optional.empty(), BounceTokens.parseDelivery("7-42"));
        assertEquals(Optional.empty(), BounceTokens.parseDelivery(null));
        assertEquals(Optional.empty(), BounceTokens.parseUnsubscribe(token));
    }

    @Test
    void unsubscribeTokenDiffersFromDeliveryTokenAndMessageIdMac() {
        Subscriber ana = reader(42, "secret-token-of-ana-0123456789ab");
        String unsubscribe = BounceTokens.unsubscribe(ana);

        assertTrue(unsubscribe.matches("unsubscribe-42-[a-z2-7]{16}"), unsubscribe);
        assertEquals(Optional.of(42L), BounceTokens.parseUnsubscribe(unsubscribe));
        assertTrue(BounceTokens.isUnsubscribe(unsubscribe, ana));
        assertNotEquals(BounceTokens.messageIdMac(7, ana), BounceTokens.delivery(7, ana).substring(5));
    }
}
