package com.hmoexchange.hub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A new, empty database beside the test run's own (same server, same user), for tests of a hub's first start;
 * dropped after the test class. Declare {@code @ExtendWith(EmptyDatabase.class)} before {@code @SpringBootTest}
 * and add {@code @DirtiesContext}, so the class's Spring context is closed before its database goes.
 */
public final class EmptyDatabase implements AfterAllCallback {

    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    /** Creates a database named prefix plus a unique suffix and answers its JDBC URL. */
    public static String create(String prefix) {
        String name = prefix + Long.toString(System.nanoTime(), 36);
        execute("create database " + name);
        CREATED.add(name);
        return withDatabase(name);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        for (String name : CREATED) {
            // with (force): a pool that outlived its context must not keep the database alive.
            execute("drop database if exists " + name + " with (force)");
            CREATED.remove(name);
        }
    }

    private static String withDatabase(String name) {
        return TestDatabase.get().url().replaceFirst("(jdbc:postgresql://[^/?]*/)[^?]*", "$1" + name);
    }

    private static void execute(String statement) {
        TestDatabase.Connect test = TestDatabase.get();
        try (Connection server = DriverManager.getConnection(withDatabase("postgres"), test.username(), test.password());
                Statement sql = server.createStatement()) {
            sql.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + statement + "' on the test server", e);
        }
    }

    private EmptyDatabase() {
    }
}
