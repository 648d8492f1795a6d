package org.tidings.newsletter;

import java.time.Duration;

/**
 * What the newsletter tells an observer (serve's /metrics): each message sent or failed for good.
 * A port of our own, so the newsletter never sees the metrics library. Called from the delivery
 * threads, several at once.
 */
public interface SendTelemetry {
    /** For the commands that report nothing. */
    SendTelemetry NONE = new SendTelemetry() {
        @Override
        public void sent(Duration took) {
        }

        @Override
        public void failed() {
        }
    };

    /** @param took composing the message and handing it to the mail server (or the outbox) */
    void sent(Duration took);

    /** Marked failed in the ledger: refused, deferred too often, or not renderable. */
    void failed();
}
