package org.tidings.schedule;

import java.time.Instant;

/**
 * One trigger as stored: what {@code status} shows of the schedule.
 *
 * @param next null when the trigger will not fire again
 * @param previous null before its first firing
 * @param state Quartz's word for it, lower-cased: waiting, acquired, executing, paused, blocked...
 */
public record JobTimes(String name, Instant next, Instant previous, String state) {
}
