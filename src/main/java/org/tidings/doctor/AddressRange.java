package org.tidings.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/** An IPv4 or IPv6 network and prefix length, as SPF's ip4:, ip6:, a/24 and mx//64 name them. */
record AddressRange(InetAddress network, int prefix) {
    /**
     * Parses {@code 192.0.2.0/24} or {@code 2001:db8::/32}; no prefix means one address. Null when the
     * text is not an address of that family or the prefix is out of range: never a DNS lookup.
     */
    static AddressRange parse(String text, int family) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = Address.toByteArray(address, family);
        int max = Address.addressLength(family) * 8;
        Integer prefix = slash < 0 ? Integer.valueOf(max) : prefixLength(text.substring(slash + 1), max);
        if (bytes == null || prefix == null) {
            return null;
        }
        try {
            return new AddressRange(InetAddress.getByAddress(bytes), prefix);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** A range around an address found in DNS (the a and mx mechanisms), with that family's prefix. */
    static AddressRange around(InetAddress address, int prefix4, int prefix6) {
        return new AddressRange(address, Address.familyOf(address) == Address.IPv4 ? prefix4 : prefix6);
    }

    /** An address of the other family is never inside. */
    boolean contains(InetAddress address) {
        if (Address.familyOf(address) != Address.familyOf(network)) {
            return false;
        }
        return Address.truncate(address, prefix).equals(Address.truncate(network, prefix));
    }

    /** Null for anything but a decimal 0..max (a leading zero included: RFC 7208 does not allow one). */
    static Integer prefixLength(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)
                || text.length() > 1 && text.charAt(0) == '0') {
            return null;
        }
        int n = Integer.parseInt(text);
        return n <= max ? n : null;
    }
}
