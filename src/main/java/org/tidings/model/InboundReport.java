package org.tidings.model;

import java.util.Objects;

/**
 * What one message that reached the bounce address says, read but not yet matched to a delivery.
 * Nothing in it comes from a From header: the sender of a bounce is never trusted.
 *
 * @param kind what the message is
 * @param verpDetail the part after '+' in the bounce address it was sent to ("TOKEN" or
 *     "unsubscribe-TOKEN"), or null when none was found
 * @param originalMessageId our Message-ID quoted in the report ({@code <...@domain>}), or null
 * @param status the RFC 3463 status such as "5.1.1", or null
 * @param diagnostic one line for the admin (the remote server's words), or null
 */
public record InboundReport(InboundKind kind, String verpDetail, String originalMessageId, String status,
        String diagnostic) {
    public InboundReport {
        Objects.requireNonNull(kind, "kind");
    }

    public static InboundReport other(String diagnostic) {
        return new InboundReport(InboundKind.OTHER, null, null, null, diagnostic);
    }
}
