package org.tidings.web.admin;

/**
 * A request the admin cannot carry out (a bad form value, an unknown feed, a stale form): answered
 * with a 4xx page that says why, never a stack trace.
 */
final class AdminProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    AdminProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static AdminProblem badRequest(String message) {
        return new AdminProblem(400, message);
    }

    static AdminProblem notFound(String message) {
        return new AdminProblem(404, message);
    }
}
