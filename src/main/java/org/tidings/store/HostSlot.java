package org.tidings.store;

/**
 * One of a host's request slots, held by one fetch.
 *
 * @param holder this holding's own token: releasing it frees the slot only while it is still
 *     this holding's, not after its lease passed and another process took it over
 */
public record HostSlot(String host, int slot, String holder) {
}
