package com.hmoexchange.hub.support;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real servers standing in for the three sandbox payers, started once per test JVM: an HTTP API
 * (Acme), an SFTP server (Harmony Care) and an SMTP server (Crestline). Tests script their faults.
 */
public final class PayerSandboxes {

    public static final String ACME_TOKEN = "test-acme-token";
    public static final String SFTP_USER = "hub";
    public static final String SFTP_PASSWORD = "sftp-test-pass";
    public static final String CRESTLINE_MAILBOX = "claims@crestline.test";
    /** Acme's callback secret (HMAC-SHA256 key); a test signs callbacks with it. */
    public static final String ACME_CALLBACK_SECRET = "test-acme-callback-secret";
    /** The hub's mailbox for Crestline's answers (an IMAP account on the test mail server). */
    public static final String CRESTLINE_ANSWERS = "crestline-answers@hub.test";
    public static final String CRESTLINE_ANSWERS_PASSWORD = "crestline-answers-secret";
    public static final String OPERATIONS_MAILBOX = "operations@hub.test";
    /** Harmony takes pre-authorisation requests by email at this address and answers to the hub's mailbox below. */
    public static final String HARMONY_PREAUTH_DESK = "preauth@harmony.test";
    public static final String HARMONY_ANSWERS = "harmony-answers@hub.test";
    public static final String HARMONY_ANSWERS_PASSWORD = "harmony-answers-secret";
    /** Who may send Crestline's answers (its payer.yaml's responses.email.senders). */
    public static final String CRESTLINE_SENDERS = "@crestline.test";

    public static final HttpPayer HTTP = new HttpPayer();
    /** Crestline's pre-authorisation endpoint (FHIR over HTTP). */
    public static final FhirPreAuthPayer PREAUTH = new FhirPreAuthPayer();
    /** Crestline's eligibility endpoint (FHIR over HTTP). */
    public static final FhirEligibilityPayer ELIGIBILITY = new FhirEligibilityPayer();
    /** Acme's eligibility API (its own JSON over HTTP). */
    public static final JsonEligibilityPayer ACME_ELIGIBILITY = new JsonEligibilityPayer();
    /** Zenith's real-time eligibility endpoint (X12 270/271 in a CAQH CORE envelope over HTTP). */
    public static final X12EligibilityPayer ZENITH_ELIGIBILITY = new X12EligibilityPayer();
    /** Zenith's pre-authorisation API (its own JSON over HTTP, answers also by signed callback). */
    public static final JsonPreAuthPayer ZENITH_PREAUTH = new JsonPreAuthPayer();
    public static final SftpPayer SFTP = new SftpPayer();
    /** The test run's one mail server (see TestMail); the email payer's mailbox is on it. */
    public static final GreenMail MAIL = TestMail.server();

    private PayerSandboxes() {
    }

    /** Points the hub's payers at these servers, with quick retries so fault tests finish fast. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("ACME_HMO_URL", () -> "http://127.0.0.1:" + HTTP.port() + "/claims");
        registry.add("ACME_HMO_TOKEN", () -> ACME_TOKEN);
        registry.add("HARMONY_SFTP_HOST", () -> "127.0.0.1");
        registry.add("HARMONY_SFTP_PORT", SFTP::port);
        registry.add("HARMONY_SFTP_USER", () -> SFTP_USER);
        registry.add("HARMONY_SFTP_PASSWORD", () -> SFTP_PASSWORD);
        registry.add("HARMONY_SFTP_KNOWN_HOSTS", () -> SFTP.knownHosts().toString());
        registry.add("HARMONY_SFTP_COLLECTED_DIR", () -> "collected");
        registry.add("CRESTLINE_CLAIMS_EMAIL", () -> CRESTLINE_MAILBOX);
        registry.add("CRESTLINE_PREAUTH_URL", PREAUTH::url);
        registry.add("CRESTLINE_PREAUTH_TOKEN", () -> FhirPreAuthPayer.TOKEN);
        registry.add("CRESTLINE_ELIGIBILITY_URL", ELIGIBILITY::url);
        registry.add("CRESTLINE_ELIGIBILITY_TOKEN", () -> FhirEligibilityPayer.TOKEN);
        registry.add("ACME_ELIGIBILITY_URL", ACME_ELIGIBILITY::url);
        registry.add("ZENITH_ELIGIBILITY_URL", ZENITH_ELIGIBILITY::url);
        registry.add("ZENITH_ELIGIBILITY_TOKEN", () -> X12EligibilityPayer.TOKEN);
        registry.add("ACME_CALLBACK_SECRET", () -> ACME_CALLBACK_SECRET);
        MAIL.setUser(CRESTLINE_ANSWERS, CRESTLINE_ANSWERS, CRESTLINE_ANSWERS_PASSWORD);
        registry.add("CRESTLINE_RESPONSES_IMAP_HOST", () -> "127.0.0.1");
        registry.add("CRESTLINE_RESPONSES_IMAP_PORT", TestMail::imapPort);
        registry.add("CRESTLINE_RESPONSES_IMAP_PROTOCOL", () -> "imap");
        registry.add("CRESTLINE_RESPONSES_IMAP_USER", () -> CRESTLINE_ANSWERS);
        registry.add("CRESTLINE_RESPONSES_IMAP_PASSWORD", () -> CRESTLINE_ANSWERS_PASSWORD);
        registry.add("CRESTLINE_RESPONSES_SENDERS", () -> CRESTLINE_SENDERS);
        MAIL.setUser(HARMONY_ANSWERS, HARMONY_ANSWERS, HARMONY_ANSWERS_PASSWORD);
        registry.add("HARMONY_PREAUTH_MODE", () -> "email");
        registry.add("HARMONY_PREAUTH_EMAIL", () -> HARMONY_PREAUTH_DESK);
        registry.add("HARMONY_RESPONSES_IMAP_HOST", () -> "127.0.0.1");
        registry.add("HARMONY_RESPONSES_IMAP_PORT", TestMail::imapPort);
        registry.add("HARMONY_RESPONSES_IMAP_PROTOCOL", () -> "imap");
        registry.add("HARMONY_RESPONSES_IMAP_USER", () -> HARMONY_ANSWERS);
        registry.add("HARMONY_RESPONSES_IMAP_PASSWORD", () -> HARMONY_ANSWERS_PASSWORD);
        registry.add("HARMONY_RESPONSES_SENDERS", () -> "@harmony.test");
        // The X12 payer drops its files on the same SFTP server, in its own folder.
        registry.add("ZENITH_SFTP_HOST", () -> "127.0.0.1");
        registry.add("ZENITH_SFTP_PORT", SFTP::port);
        registry.add("ZENITH_SFTP_USER", () -> SFTP_USER);
        registry.add("ZENITH_SFTP_PASSWORD", () -> SFTP_PASSWORD);
        registry.add("ZENITH_SFTP_KNOWN_HOSTS", () -> SFTP.knownHosts().toString());
        // Zenith (off by default) takes pre-authorisation requests over its own JSON API in tests.
        registry.add("ZENITH_PREAUTH_MODE", () -> "json");
        registry.add("ZENITH_PREAUTH_URL", ZENITH_PREAUTH::url);
        registry.add("ZENITH_PREAUTH_TOKEN", () -> JsonPreAuthPayer.TOKEN);
        registry.add("ZENITH_CALLBACK_SECRET", () -> JsonPreAuthPayer.CALLBACK_SECRET);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request the HTTP payer received. */
    public record Received(String idempotencyKey, String authorization, String contentType, String body) {
    }

    /** An HTTP payer whose answers can be scripted per claim: e.g. 503, 503, then the normal 201. */
    public static final class HttpPayer {
        private static final Pattern REF = Pattern.compile("\"ref\"\\s*:\\s*\"([^\"]+)\"");
        private final HttpServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
        private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);
        private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.Set<String> heldOnly = ConcurrentHashMap.newKeySet();

        HttpPayer() {
            // The JDK's server writes an answer's headers and body apart; with Nagle's algorithm on, the body
            // then waits for the client's delayed ACK (some 40 ms a request), which no real payer's server does.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/claims", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher ref = REF.matcher(body);
                String claimNumber = ref.find() ? ref.group(1) : "?";
                Deque<Integer> script = scripts.get(claimNumber);
                Integer scripted = script == null ? null : script.pollFirst();
                int status = scripted == null ? 201 : scripted;
                if (heldOnly.isEmpty() || heldOnly.contains(claimNumber)) {
                    waitAtGate();
                }
                if (status == 201) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Type"), body));
                }
                byte[] answer = (status == 201 ? "{\"reference\":\"PAYER-" + claimNumber + "\",\"status\":\"RECEIVED\"}"
                        : status == 400 ? "{\"error\":\"member number not recognised\"}" : "{\"error\":\"try later\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            server.start();
        }

        public int port() {
            return server.getAddress().getPort();
        }

        /** The next answers for a claim, before the payer goes back to accepting it. */
        public void script(String claimNumber, Integer... statuses) {
            scripts.put(claimNumber, new ConcurrentLinkedDeque<>(List.of(statuses)));
        }

        /** Holds every answer until {@link #release()}: the payer is slow, and the hub's sends stay in flight. */
        public void hold() {
            gate = new java.util.concurrent.CountDownLatch(1);
        }

        /** Holds the answers for these claims only until {@link #release()}; the others are answered as usual. */
        public void holdOnly(String... claimNumbers) {
            heldOnly.addAll(List.of(claimNumbers));
            gate = new java.util.concurrent.CountDownLatch(1);
        }

        public void release() {
            gate.countDown();
            heldOnly.clear();
        }

        /** How many requests are being held at the gate now. */
        public int waiting() {
            return waiting.get();
        }

        private void waitAtGate() {
            waiting.incrementAndGet();
            try {
                gate.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }

        /** The claims accepted (201) for a claim number, as received. */
        public List<Received> accepted(String claimNumber) {
            List<Received> matching = new ArrayList<>();
            for (Received r : received) {
                if (r.body().contains("\"" + claimNumber + "\"")) {
                    matching.add(r);
                }
            }
            return matching;
        }
    }

    /** An SFTP server that can be taken down and brought back on the same port and host key. */
    public static final class SftpPayer {
        private final Path home;
        private final int port = freePort();
        private final SimpleGeneratorHostKeyProvider keys;
        private SshServer server;
        /** Each listing of a folder: the SSH session that made it (its identity) and the folder's name. */
        private final List<Map.Entry<Integer, String>> listings = new CopyOnWriteArrayList<>();

        SftpPayer() {
            try {
                home = Files.createTempDirectory("sftp-payer");
                Files.createDirectories(home.resolve("root/claims"));
                Files.createDirectories(home.resolve("root/responses"));
                keys = new SimpleGeneratorHostKeyProvider(home.resolve("hostkey.ser"));
                keys.setAlgorithm("RSA");
                start();
                KeyPair key = keys.loadKeys(null).iterator().next();
                Files.writeString(knownHosts(), "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(key.getPublic()) + "\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public synchronized void start() throws IOException {
            server = SshServer.setUpDefaultServer();
            server.setHost("127.0.0.1");
            server.setPort(port);
            server.setKeyPairProvider(keys);
            server.setPasswordAuthenticator((user, pass, session) -> SFTP_USER.equals(user) && SFTP_PASSWORD.equals(pass));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory();
            sftp.addSftpEventListener(new SftpEventListener() {
                @Override
                public void readingEntries(ServerSession session, String remoteHandle, DirectoryHandle folder) {
                    listings.add(Map.entry(System.identityHashCode(session), String.valueOf(folder.getFile().getFileName())));
                }
            });
            server.setSubsystemFactories(List.of(sftp));
            server.setFileSystemFactory(new VirtualFileSystemFactory(home.resolve("root").toAbsolutePath()));
            server.start();
        }

        public synchronized void stop() throws IOException {
            server.stop(true);
        }

        public int port() {
            return port;
        }

        public Path knownHosts() {
            return home.resolve("known_hosts");
        }

        /** Harmony's outbound folder: the hub takes its answers from here. */
        public Path responses() {
            return home.resolve("root/responses");
        }

        /** Zenith's (the X12 payer's) outbound folder. */
        public Path zenithResponses() {
            return home.resolve("root/zenith/outbound");
        }

        /** Puts an answer file in Harmony's outbound folder all at once (written under a dot name, then renamed). */
        public Path drop(String fileName, String content) {
            return drop(responses(), fileName, content);
        }

        public Path drop(Path folder, String fileName, String content) {
            try {
                Files.createDirectories(folder);
                Path partial = folder.resolve("." + fileName + ".part");
                Files.writeString(partial, content, StandardCharsets.UTF_8);
                return Files.move(partial, folder.resolve(fileName), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** How many listings of folders were made so far (a mark for {@link #sessionsThatListed}). */
        public int listingsSoFar() {
            return listings.size();
        }

        /** How many SSH sessions listed the folder of this name since the mark: each is one connection of the hub's. */
        public long sessionsThatListed(String folder, int sinceMark) {
            return listings.subList(sinceMark, listings.size()).stream().filter(l -> l.getValue().equals(folder))
                    .map(Map.Entry::getKey).distinct().count();
        }

        /** Where Harmony moves the claim files it has collected (its payer.yaml's sftp.collectedDirectory in the tests). */
        public Path collected() {
            return home.resolve("root/collected");
        }

        /** The claims folder the hub uploads to. */
        public Path claims() {
            return home.resolve("root/claims");
        }
    }
}
