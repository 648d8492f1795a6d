package org.tidings.store;

/** What storing one feed's entries did. */
public record SaveCounts(int added, int updated, int unchanged) {
    public static final SaveCounts NONE = new SaveCounts(0, 0, 0);
}
