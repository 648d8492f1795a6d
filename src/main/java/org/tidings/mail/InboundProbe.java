package org.tidings.mail;

import org.tidings.config.DeliverabilityConfig.InboundConfig;

/**
 * Logs in to the bounce mailbox (inbound.url), opens its folder read-only and closes it again: the
 * doctor's check that serve will be able to read bounces, through the same connection code as the
 * poll itself. The password is never shown.
 */
public final class InboundProbe {
    private final InboundConfig inbound;

    public InboundProbe(InboundConfig inbound) {
        this.inbound = inbound;
    }

    public ProbeResult probe() {
        try {
            InboundMailbox.check(inbound);
            return new ProbeResult.Reached("logged in, folder opened read-only", null);
        } catch (InboundUnavailableException e) {
            return new ProbeResult.Failed(e.getMessage());
        }
    }
}
