package org.tidings.ingest;

/** Totals of one ingest run. */
public record RunSummary(int feeds, int fetched, int notModified, int gone, int failed, int added, int updated) {
    static final RunSummary NONE = new RunSummary(0, 0, 0, 0, 0, 0, 0);

    static RunSummary of(Iterable<FeedOutcome> outcomes) {
        int feeds = 0;
        int[] kinds = new int[FeedOutcome.Kind.values().length];
        int added = 0;
        int updated = 0;
        for (FeedOutcome o : outcomes) {
            feeds++;
            kinds[o.kind().ordinal()]++;
            added += o.added();
            updated += o.updated();
        }
        return new RunSummary(feeds, kinds[FeedOutcome.Kind.FETCHED.ordinal()],
                kinds[FeedOutcome.Kind.NOT_MODIFIED.ordinal()], kinds[FeedOutcome.Kind.GONE.ordinal()],
                kinds[FeedOutcome.Kind.FAILED.ordinal()], added, updated);
    }

    /** This run's totals and another's, as of one run. */
    RunSummary plus(RunSummary o) {
        return new RunSummary(feeds + o.feeds, fetched + o.fetched, notModified + o.notModified, gone + o.gone,
                failed + o.failed, added + o.added, updated + o.updated);
    }

    public String describe() {
        return feeds + " feeds: " + fetched + " fetched, " + notModified + " not modified, " + failed + " failed, "
                + gone + " gone; " + added + " new articles, " + updated + " updated";
    }
}
