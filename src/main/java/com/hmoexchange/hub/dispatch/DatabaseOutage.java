package com.hmoexchange.hub.dispatch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the hub's own database (cannot connect, connection lost, server shutting down or
 * starting) from any other: an outage is waited out, it is not the claim's fault.
 */
@Component
class DatabaseOutage {

    private final DataSource dataSource;

    DatabaseOutage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether the failure comes from the database being out of reach: by its cause, or, when the cause says
     * nothing clear (a rollback that failed on a closed connection), by asking the database now.
     */
    boolean during(Throwable failure) {
        return failure != null && (explains(failure) || !answers());
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            // SQL states: class 08 is a connection exception; 57P01-57P03 the server shutting down or starting up.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
