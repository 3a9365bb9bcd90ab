package com.hmoexchange.hub.common;

import java.sql.SQLException;

/** The SQL state behind a failure, wherever Spring, JPA or Hibernate wrapped the driver's exception. */
public final class SqlStates {

    private SqlStates() {
    }

    /** The first SQL state in the cause chain, or "" when the failure did not come from the database. */
    public static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }
}
