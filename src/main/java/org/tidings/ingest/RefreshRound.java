package org.tidings.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.tidings.model.Feed;
import org.tidings.store.ClaimedFeeds;
import org.tidings.store.FeedClaims;

/**
 * One scheduled refresh: the feeds whose next fetch time has come, claimed from the database a
 * batch at a time until none is due, and fetched under the run's concurrency and per-host limits.
 * Several processes on one database (serve nodes, a {@code fetch} beside serve) each claim their
 * own feeds, so no feed is fetched twice for the same due time, and a restart picks up exactly
 * where the last round left off.
 */
public final class RefreshRound {
    private final FeedClaims claims;
    private final IngestRun run;
    private final ClaimPolicy policy;

    public RefreshRound(FeedClaims claims, IngestRun run, ClaimPolicy policy) {
        this.claims = claims;
        this.run = run;
        this.policy = policy;
    }

    /** @param stopRequested once true, no further feed is started; the rest are given back, due */
    public RunSummary run(BooleanSupplier stopRequested) throws InterruptedException {
        RunSummary total = RunSummary.NONE;
        Set<Long> fetched = new HashSet<>();
        while (!stopRequested.getAsBoolean()) {
            ClaimedFeeds batch = claims.claimDue(policy.batchSize(), policy.lease());
            // A feed due again within the round (a clock far behind the database's) waits for the next.
            List<Feed> fresh = batch.feeds().stream().filter(f -> !fetched.contains(f.id())).toList();
            Set<Long> done = new HashSet<>();
            total = total.plus(run.run(fresh, outcome -> done.add(outcome.feed().id()), stopRequested));
            fetched.addAll(done);
            List<Feed> unfetched = new ArrayList<>(batch.feeds());
            unfetched.removeIf(f -> done.contains(f.id()));
            claims.giveBack(unfetched, batch.leaseUntil());
            if (fresh.size() < batch.feeds().size() || batch.feeds().size() < policy.batchSize()) {
                break;
            }
        }
        return total;
    }
}
