package org.tidings.schedule;

/** The scheduler could not start or act on the database. */
public final class ScheduleException extends RuntimeException {
    public ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
