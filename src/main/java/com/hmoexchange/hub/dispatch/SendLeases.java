package com.hmoexchange.hub.dispatch;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Per-claim send leases: row locks on {@code claim_send_lease}, held on a connection of their own from before
 * a batch reads its claims' tries until its outcomes are stored. A second consumer handed a copy of the same
 * message (a relay repeat, a redelivery, a second node) waits for the lock and then reads the claim as settled;
 * so no two consumers send one claim at once. The lock is the database's: when a node dies, its connection,
 * and with it the lease, goes too, and the broker's redelivery of its message finds the claim free.
 *
 * <p>A lease is held while the batch waits on its payer, which can take minutes: its connection comes from a small
 * pool of the leases' own ({@value #POOL_NAME}, one connection per dispatch consumer, opened when first needed),
 * never from the pool the rest of the hub shares, so slow payers cannot leave requests without connections.
 */
@Component
class SendLeases implements DisposableBean {

    static final String POOL_NAME = "hub-send-leases";

    private static final Logger log = LoggerFactory.getLogger(SendLeases.class);

    private final DataSource dataSource;
    private final SQLErrorCodeSQLExceptionTranslator errors;

    SendLeases(DataSource shared, DispatchSettings settings) {
        this.dataSource = ownPool(shared, settings.consumers());
        this.errors = new SQLErrorCodeSQLExceptionTranslator(shared);
    }

    /** A pool like the shared one (address, login, time limits), with one connection per consumer and none kept idle. */
    private static DataSource ownPool(DataSource shared, int consumers) {
        HikariConfig config = new HikariConfig();
        try {
            shared.unwrap(HikariDataSource.class).copyStateTo(config);
        } catch (SQLException e) {
            throw new IllegalStateException("The send leases copy the settings of the Hikari pool; the DataSource is not one", e);
        }
        config.setPoolName(POOL_NAME);
        config.setMaximumPoolSize(consumers);
        config.setMinimumIdle(0);
        // Opened at the first send, not at start: a node starts while the database is away and waits for it there.
        config.setInitializationFailTimeout(-1);
        if (config.getJdbcUrl() != null && config.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            // The lease holders are told apart in pg_stat_activity (an operator looking at long open transactions).
            config.addDataSourceProperty("ApplicationName", POOL_NAME);
        }
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        ((HikariDataSource) dataSource).close();
    }

    /** The leases of these keys, taken in key order (so two batches never wait for each other in a circle). */
    Lease take(Collection<String> idempotencyKeys) {
        List<String> keys = List.copyOf(new TreeSet<>(idempotencyKeys));
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            // Each key's row exists before it is locked; created on its own, so two first sends do not wait on an insert.
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into claim_send_lease (idempotency_key) values (?) on conflict do nothing")) {
                for (String key : keys) {
                    insert.setString(1, key);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.setAutoCommit(false);
            // One statement for the batch; rows are locked as they come out of the sort, so in key order.
            try (PreparedStatement lock = connection.prepareStatement("select idempotency_key from claim_send_lease where idempotency_key in ("
                    + String.join(",", java.util.Collections.nCopies(keys.size(), "?")) + ") order by idempotency_key for update")) {
                for (int i = 0; i < keys.size(); i++) {
                    lock.setString(i + 1, keys.get(i));
                }
                lock.executeQuery().close();
            }
            return new Lease(connection);
        } catch (SQLException e) {
            Lease.close(connection);
            throw errors.translate("taking the send leases of " + keys, null, e);
        }
    }

    /** Leases held until {@link #release()}; releasing twice is harmless. */
    static final class Lease {

        private Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        void release() {
            Connection held = connection;
            connection = null;
            close(held);
        }

        private static void close(Connection connection) {
            if (connection == null) {
                return;
            }
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                log.debug("Could not end the send leases' transaction; closing its connection frees them", e);
            } finally {
                try {
                    connection.close();
                } catch (SQLException e) {
                    log.debug("Could not close the send leases' connection", e);
                }
            }
        }
    }
}
