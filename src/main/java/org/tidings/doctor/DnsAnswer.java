package org.tidings.doctor;

import java.util.List;

/**
 * What one DNS question came to.
 *
 * @param values the records' values; empty when the name or the record type does not exist
 * @param failure why no answer came (timeout, SERVFAIL...), or null when the server answered
 */
record DnsAnswer<T>(List<T> values, String failure) {
    static <T> DnsAnswer<T> of(List<T> values) {
        return new DnsAnswer<>(List.copyOf(values), null);
    }

    static <T> DnsAnswer<T> failed(String failure) {
        return new DnsAnswer<>(List.of(), failure);
    }

    boolean failed() {
        return failure != null;
    }
}
