package org.tidings.newsletter;

/**
 * What one {@code digest send} did.
 *
 * @param issueNumber 0 when no issue was built (nothing new)
 * @param deferred messages the server deferred that are still pending (the run was stopped)
 * @param inDoubt of the failed, those a node that died had handed to SMTP without recording the
 *     outcome: not sent again, by the policy of {@link org.tidings.store.DeliveryClaims}
 */
public record SendReport(int issueNumber, boolean resumed, int sent, int failed, int skipped, int deferred,
        int inDoubt) {
    public SendReport(int issueNumber, boolean resumed, int sent, int failed, int skipped, int deferred) {
        this(issueNumber, resumed, sent, failed, skipped, deferred, 0);
    }

    static SendReport nothingNew() {
        return new SendReport(0, false, 0, 0, 0, 0, 0);
    }

    public String describe() {
        if (issueNumber == 0) {
            return "Nothing new since the last issue: nothing sent.";
        }
        return (resumed ? "Resumed" : "Built") + " issue " + issueNumber + ": " + sent + " sent, " + failed
                + " failed" + (inDoubt > 0 ? " (" + inDoubt + " in doubt after a node died: not sent again)" : "")
                + ", " + skipped + " skipped" + (deferred > 0 ? ", " + deferred + " still pending" : "");
    }
}
