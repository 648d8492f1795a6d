package org.tidings.newsletter;

/**
 * What one {@code digest send} did.
 *
 * @param issueNumber 0 when no issue was built (nothing new)
 * @param deferred messages the server deferred that are still pending (the run was stopped)
 */
public record SendReport(int issueNumber, boolean resumed, int sent, int failed, int skipped, int deferred) {
    static SendReport nothingNew() {
        return new SendReport(0, false, 0, 0, 0, 0);
    }

    public String describe() {
        if (issueNumber == 0) {
            return "Nothing new since the last issue: nothing sent.";
        }
        return (resumed ? "Resumed" : "Built") + " issue " + issueNumber + ": " + sent + " sent, " + failed
                + " failed, " + skipped + " skipped" + (deferred > 0 ? ", " + deferred + " still pending" : "");
    }
}
