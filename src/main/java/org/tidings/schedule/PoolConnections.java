package org.tidings.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lends Quartz's job store connections from our own pool, so that it needs no settings of its own. */
final class PoolConnections implements ConnectionProvider {
    private final DataSource dataSource;

    PoolConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The pool belongs to the application, which closes it after the scheduler has stopped. */
    @Override
    public void shutdown() {
    }

    @Override
    public void initialize() {
    }
}
