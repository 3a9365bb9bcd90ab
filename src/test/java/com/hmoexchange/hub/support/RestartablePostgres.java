package com.hmoexchange.hub.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, on a free port, that the test can stop and start again on the same data:
 * for outages that must be real without touching the machine's server other tests use. As a normal user it is
 * zonky's embedded PostgreSQL with a kept data directory; as root (which PostgreSQL refuses to run as, and which
 * CI is) it is the machine's own binaries (/usr/lib/postgresql/N/bin) run as the {@code postgres} user.
 */
public final class RestartablePostgres {

    private final int port = PayerSandboxes.freePort();
    private final Path dataDirectory;
    private final Path binaries;
    private EmbeddedPostgres.Builder embedded;
    private EmbeddedPostgres running;

    private RestartablePostgres() throws IOException {
        dataDirectory = Files.createTempDirectory("hub-restartable-pg");
        binaries = runsAsRoot() ? machineBinaries() : null;
    }

    /** Initialises and starts a server with a database {@code hub}; it is stopped and deleted when the JVM ends. */
    public static RestartablePostgres started() {
        try {
            RestartablePostgres server = new RestartablePostgres();
            if (server.binaries != null) {
                run("chown", "postgres:postgres", server.dataDirectory.toString());
                server.asPostgres("initdb", "-D", server.dataDirectory.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                        "--no-sync");
            } else {
                server.embedded = EmbeddedPostgres.builder().setPort(server.port).setDataDirectory(server.dataDirectory)
                        .setCleanDataDirectory(false).setServerConfig("fsync", "off");
            }
            server.start();
            server.createDatabase("hub");
            Runtime.getRuntime().addShutdownHook(new Thread(server::forget));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/hub";
    }

    public synchronized void start() throws IOException {
        if (binaries != null) {
            asPostgres("pg_ctl", "-D", dataDirectory.toString(), "-l", dataDirectory.resolve("server.log").toString(), "-w",
                    "-t", "60", "-o", "-p " + port + " -k " + dataDirectory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        } else {
            running = embedded.start();
        }
    }

    /** Stops the server at once, as an outage would: open connections are cut. */
    public synchronized void stop() throws IOException {
        if (binaries != null) {
            asPostgres("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        } else if (running != null) {
            running.close();
            running = null;
        }
    }

    private void createDatabase(String name) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name + ": " + e.getMessage(), e);
        }
    }

    private void forget() {
        try {
            stop();
        } catch (IOException | RuntimeException e) {
            // The JVM is ending; a server left running is stopped by the deletion of its data below.
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left in the temporary folder.
        }
    }

    private void asPostgres(String program, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", binaries.resolve(program).toString()));
        command.addAll(List.of(arguments));
        run(command.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command[0], e);
        }
    }

    private static Path machineBinaries() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IOException("No PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("Running as root, the test needs the machine's PostgreSQL binaries under /usr/lib/postgresql "
                    + "(apt-get install postgresql), as PostgreSQL refuses to run as root", e);
        }
    }

    private static boolean runsAsRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException notUnix) {
            return false;
        }
    }
}
