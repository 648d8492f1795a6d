package org.tidings.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.tidings.newsletter.SendTelemetry;

/** {@code tidings_messages_total{outcome="sent"|"failed"}} and {@code tidings_send_duration_seconds}. */
final class SendMeters implements SendTelemetry {
    private final Counter sent;
    private final Counter failed;
    private final Timer duration;

    SendMeters(MeterRegistry registry) {
        sent = messages(registry, "sent");
        failed = messages(registry, "failed");
        duration = Timer.builder("tidings.send.duration")
                .description("One message sent: composing it and handing it to the mail server or the outbox")
                .register(registry);
    }

    private static Counter messages(MeterRegistry registry, String outcome) {
        return Counter.builder("tidings.messages")
                .description("Newsletter messages sent, or failed for good (refused, deferred too often, not renderable)")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void sent(Duration took) {
        sent.increment();
        duration.record(took);
    }

    @Override
    public void failed() {
        failed.increment();
    }
}
