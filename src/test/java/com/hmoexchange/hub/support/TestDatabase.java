package com.hmoexchange.hub.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database of a test run, settled once per JVM so every Spring context of the run shares it:
 * the server named by {@code HUB_TEST_DB_URL} (default {@value #DEFAULT_URL}) when it answers, with the
 * database created there when it is missing; otherwise an embedded PostgreSQL (zonky's binaries from Maven
 * Central), started once and stopped when the JVM ends. A server that answers but refuses the user, or any
 * other failure, stops the run with what to fix instead of silently testing somewhere else.
 */
public final class TestDatabase {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/hub_test";

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    // SQL states of PostgreSQL and its driver: no such database; could not connect; duplicate database.
    private static final String NO_SUCH_DATABASE = "3D000";
    private static final String UNABLE_TO_CONNECT = "08001";
    private static final String DUPLICATE_DATABASE = "42P04";

    public record Connect(String url, String username, String password) {
    }

    private static Connect settled;
    private static RuntimeException failed;

    private TestDatabase() {
    }

    /**
     * The database to test against; the first call settles it (and may create a database or start a server).
     * A failure is kept and given to every later call, so each Spring context of the run says the same reason.
     */
    public static synchronized Connect get() {
        if (settled == null && failed == null) {
            try {
                settled = settle(env("HUB_TEST_DB_URL", DEFAULT_URL), env("HUB_TEST_DB_USER", "postgres"),
                        env("HUB_TEST_DB_PASSWORD", ""));
            } catch (RuntimeException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return settled;
    }

    static Connect settle(String url, String username, String password) {
        Properties parts = Driver.parseURL(url, null);
        if (parts == null) {
            throw new IllegalStateException("HUB_TEST_DB_URL is not a PostgreSQL JDBC address: " + url
                    + " (give one like " + DEFAULT_URL + ")");
        }
        String database = parts.getProperty("PGDBNAME");
        try (Connection ignored = DriverManager.getConnection(url, username, password)) {
            log.info("Tests use the PostgreSQL database at {}", url);
            return new Connect(url, username, password);
        } catch (SQLException e) {
            if (NO_SUCH_DATABASE.equals(e.getSQLState())) {
                create(url.replaceFirst("(jdbc:postgresql://[^/?]*/)[^?]*", "$1postgres"), username, password, database);
                log.info("Tests use the PostgreSQL database at {}, created for this run", url);
                return new Connect(url, username, password);
            }
            if (UNABLE_TO_CONNECT.equals(e.getSQLState())) {
                return embedded(url, database);
            }
            throw new IllegalStateException("The PostgreSQL server at " + url + " answers but refuses the tests (" + e.getMessage()
                    + "): set HUB_TEST_DB_USER / HUB_TEST_DB_PASSWORD to a user that may create databases there, or point "
                    + "HUB_TEST_DB_URL at another server", e);
        }
    }

    private static void create(String serverUrl, String username, String password, String database) {
        try (Connection admin = DriverManager.getConnection(serverUrl, username, password);
             Statement statement = admin.createStatement()) {
            statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("The test database " + database + " is missing and could not be created ("
                        + e.getMessage() + "): create it (createdb " + database + ") or give HUB_TEST_DB_USER a user that may", e);
            }
        }
    }

    private static Connect embedded(String url, String database) {
        if (runsAsRoot()) {
            throw new IllegalStateException("No PostgreSQL answers at " + url + ", and the embedded one cannot start as root "
                    + "(PostgreSQL refuses to): start a server there (.ci/run does), point HUB_TEST_DB_URL at one, "
                    + "or run the tests as a normal user");
        }
        log.info("No PostgreSQL answers at {}: starting an embedded one for this run", url);
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    // Test data need not survive a crash: skip the disk flushes.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            String serverUrl = server.getJdbcUrl("postgres", "postgres");
            create(serverUrl, "postgres", "", database);
            String embeddedUrl = server.getJdbcUrl("postgres", database);
            log.info("Tests use the embedded PostgreSQL at {}", embeddedUrl);
            return new Connect(embeddedUrl, "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL answers at " + url + " and the embedded one did not start: " + e.getMessage(), e);
        }
    }

    private static boolean runsAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException notUnix) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
