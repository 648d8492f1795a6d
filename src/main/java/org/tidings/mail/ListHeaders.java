package org.tidings.mail;

import java.net.URI;
import java.util.Objects;

/**
 * List headers of a newsletter message (RFC 2919, RFC 2369, RFC 8058).
 *
 * @param listId the List-Id value, e.g. {@code Tidings <tidings.localhost.localdomain>}
 * @param unsubscribeUrl the one-click unsubscribe URL (RFC 8058 wants https), or null
 * @param unsubscribeMailto a {@code mailto:} URI that unsubscribes, or null
 * @param feedbackId the Feedback-ID value ({@code issue:list:tidings:sender}) that Gmail's
 *     complaint reports group by, or null
 */
public record ListHeaders(String listId, URI unsubscribeUrl, URI unsubscribeMailto, String feedbackId) {
    public ListHeaders {
        Objects.requireNonNull(listId, "listId");
    }

    public ListHeaders(String listId, URI unsubscribeUrl, URI unsubscribeMailto) {
        this(listId, unsubscribeUrl, unsubscribeMailto, null);
    }
}
