package com.hmoexchange.hub.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * The SQL Hibernate sends on the current thread while a test watches (registered as the statement
 * inspector in application-test.yml), so a test can hold a use case to a number of queries. Other
 * threads (relays, pollers) are not counted. A JDBC batch is one statement, sent once.
 */
public class SqlCounter implements StatementInspector {

    private static final ThreadLocal<List<String>> WATCHED = new ThreadLocal<>();

    /** Runs the action on this thread and returns its result with the SQL it sent, in order. */
    public static <T> Watched<T> watch(Supplier<T> action) {
        WATCHED.set(new ArrayList<>());
        try {
            T result = action.get();
            return new Watched<>(result, List.copyOf(WATCHED.get()));
        } finally {
            WATCHED.remove();
        }
    }

    public record Watched<T>(T result, List<String> statements) {

        public long count(String start) {
            return statements.stream().filter(sql -> sql.stripLeading().toLowerCase().startsWith(start)).count();
        }
    }

    @Override
    public String inspect(String sql) {
        List<String> watched = WATCHED.get();
        if (watched != null) {
            watched.add(sql);
        }
        return sql;
    }
}
