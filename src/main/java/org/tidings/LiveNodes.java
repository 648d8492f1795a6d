package org.tidings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.tidings.schedule.ScheduleStatus;

/**
 * How many nodes serve the shared database now, from the clustered scheduler's check-ins, read
 * at most every few seconds: the nodes divide {@code mail.rate} and {@code mail.concurrency}
 * among them. At least 1, so a node starting alone (or a command beside none) takes the whole.
 */
final class LiveNodes implements IntSupplier {
    private static final Duration FRESH = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final Clock clock;
    private Instant readAt;
    private int count = 1;

    LiveNodes(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public synchronized int getAsInt() {
        Instant now = Instant.now();
        if (readAt == null || readAt.plus(FRESH).isBefore(now)) {
            Instant seen = clock.instant();
            count = (int) Math.max(1, ScheduleStatus.nodes(dataSource).stream().filter(n -> n.alive(seen)).count());
            readAt = now;
        }
        return count;
    }
}
