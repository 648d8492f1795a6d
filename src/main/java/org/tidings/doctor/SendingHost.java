package org.tidings.doctor;

import java.net.InetAddress;

/**
 * The SMTP server that mail leaves through, whose addresses SPF must allow.
 *
 * @param name smtp.host, or null when none is configured
 * @param addresses its A and AAAA records (an IP literal as it is); empty when name is null
 */
record SendingHost(String name, DnsAnswer<InetAddress> addresses) {
    static SendingHost none() {
        return new SendingHost(null, DnsAnswer.of(java.util.List.of()));
    }

    /** Mail relayed through this machine leaves from its public address, which SPF sees and we cannot. */
    boolean onThisMachine() {
        return !addresses.values().isEmpty() && addresses.values().stream().allMatch(InetAddress::isLoopbackAddress);
    }
}
