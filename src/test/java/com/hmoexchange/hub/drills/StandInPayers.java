package com.hmoexchange.hub.drills;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The drills' payers, as a program of their own (drills/run.sh starts it with {@code java -cp}): an HTTP API
 * and an SFTP server on loopback that record every claim they take in {@code deliveries.log}, one line each:
 * {@code <epoch millis> <http|sftp> <idempotency key>}. The HTTP key is the {@code Idempotency-Key} header;
 * the SFTP key is the name of the file written, without its extension. A repeat is recorded as often as it
 * arrives, so the drill's verdict counts distinct claims and same-key repeats apart.
 *
 * <p>{@code POST /control/down} makes the HTTP API answer 503 and stops the SFTP server (connections refused);
 * {@code POST /control/up} brings both back, the SFTP server on the same port and host key.
 *
 * <p>Arguments: {@code <folder> <http port> <sftp port> <sftp password>}.
 */
public final class StandInPayers {

    static final String SFTP_USER = "hub";

    private final Path folder;
    private final int sftpPort;
    private final String sftpPassword;
    private final BufferedWriter log;
    private final SimpleGeneratorHostKeyProvider keys;
    private volatile boolean down;
    private SshServer sftp;

    StandInPayers(Path folder, int sftpPort, String sftpPassword) throws IOException {
        this.folder = folder;
        this.sftpPort = sftpPort;
        this.sftpPassword = sftpPassword;
        Files.createDirectories(folder.resolve("root/claims"));
        Files.createDirectories(folder.resolve("root/responses"));
        this.log = Files.newBufferedWriter(folder.resolve("deliveries.log"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.keys = new SimpleGeneratorHostKeyProvider(folder.resolve("hostkey.ser"));
        keys.setAlgorithm("RSA");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: StandInPayers <folder> <http port> <sftp port> <sftp password>");
            System.exit(2);
        }
        StandInPayers payers = new StandInPayers(Path.of(args[0]), Integer.parseInt(args[2]), args[3]);
        payers.startSftp();
        KeyPair key = payers.keys.loadKeys(null).iterator().next();
        Files.writeString(payers.folder.resolve("known_hosts"),
                "[127.0.0.1]:" + payers.sftpPort + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
        payers.startHttp(Integer.parseInt(args[1]));
        System.out.println("stand-in payers ready: http 127.0.0.1:" + args[1] + ", sftp 127.0.0.1:" + args[2]);
    }

    private void startHttp(int port) throws IOException {
        // The JDK's server writes headers and body apart; without this the body waits for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 100);
        http.createContext("/claims", this::claim);
        http.createContext("/control/down", exchange -> control(exchange, true));
        http.createContext("/control/up", exchange -> control(exchange, false));
        http.setExecutor(Executors.newFixedThreadPool(16));
        http.start();
    }

    private void claim(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (down) {
            answer(exchange, 503, "{\"error\":\"down for the drill\"}");
            return;
        }
        record("http", key == null ? "-" : key);
        String claimNumber = key == null ? "?" : key.replaceFirst("-\\d+$", "");
        answer(exchange, 201, "{\"reference\":\"DRILL-" + claimNumber + "\",\"status\":\"RECEIVED\"}");
    }

    private synchronized void control(HttpExchange exchange, boolean goDown) throws IOException {
        exchange.getRequestBody().readAllBytes();
        if (goDown && !down) {
            down = true;
            sftp.stop(true);
        } else if (!goDown && down) {
            startSftp();
            down = false;
        }
        System.out.println("stand-in payers " + (goDown ? "down" : "up"));
        answer(exchange, 200, "{\"down\":" + down + "}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void startSftp() throws IOException {
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(sftpPort);
        sftp.setKeyPairProvider(keys);
        sftp.setPasswordAuthenticator((user, pass, session) -> SFTP_USER.equals(user) && sftpPassword.equals(pass));
        SftpSubsystemFactory subsystem = new SftpSubsystemFactory();
        subsystem.addSftpEventListener(new SftpEventListener() {
            // A claim file is delivered once it has its final name in claims/: written under a temporary name and
            // renamed (the hub's uploads), or written under its own name and closed.
            @Override
            public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown) {
                if (thrown == null && localHandle instanceof FileHandle file
                        && file.getOpenOptions().contains(StandardOpenOption.WRITE)) {
                    delivered(file.getFile());
                }
            }

            @Override
            public void moved(ServerSession session, Path source, Path target, Collection<CopyOption> options, Throwable thrown) {
                if (thrown == null) {
                    delivered(target);
                }
            }
        });
        sftp.setSubsystemFactories(List.of(subsystem));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(folder.resolve("root").toAbsolutePath()));
        sftp.start();
    }

    private void delivered(Path file) {
        String name = file.getFileName().toString();
        if (file.getParent() != null && file.getParent().getFileName().toString().equals("claims") && !name.startsWith(".")) {
            record("sftp", name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
        }
    }

    private synchronized void record(String channel, String key) {
        try {
            log.write(System.currentTimeMillis() + " " + channel + " " + key + "\n");
            log.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot record a delivery", e);
        }
    }
}
