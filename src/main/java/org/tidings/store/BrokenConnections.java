package org.tidings.store;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * Tells the pool to drop a connection whose H2 database closed or broke under it. Hikari evicts
 * only on SQLState class 08 and a few known codes; H2 reports these with its own codes, and
 * without this the pool would keep handing out dead connections and every request would fail
 * until the service restarted. A fresh connection reopens an embedded database.
 */
public final class BrokenConnections implements SQLExceptionOverride {
    private static final Set<Integer> BROKEN = Set.of(ErrorCode.DATABASE_IS_CLOSED,
            ErrorCode.DATABASE_CALLED_AT_SHUTDOWN, ErrorCode.CONNECTION_BROKEN_1, ErrorCode.OUT_OF_MEMORY,
            ErrorCode.FILE_CORRUPTED_1);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && BROKEN.contains(s.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
