package com.hmoexchange.hub.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The client side of a drill (drills/run.sh runs it with {@code java -cp}), two commands:
 *
 * <p>{@code submit <drafts file> <billing user> <password> <node urls, comma-separated> <per request> <threads>}:
 * submits the drafts through the bulk API ({@code POST /api/claims/submissions}), spreading the requests over the
 * nodes. A request that finds its node gone is sent again to the next node: a claim the dead node had submitted is
 * then refused as no longer a draft, which counts as submitted.
 *
 * <p>{@code verdict <drill> <drafts file> <payer log> <jdbc url> <wait seconds> <kill epoch ms or 0> <start epoch ms>
 * [recovery limit seconds]}:
 * waits until every claim of the drafts file is settled (delivered, refused or dead-lettered) or the wait is over,
 * then compares the database with what the stand-in payers recorded and prints one verdict line. Exit code 0 only
 * on PASS: every claim delivered (in the database and at its payer), none lost, none dead-lettered, no claim
 * delivered under two keys, and with a kill, every claim the dead node was sending delivered within the recovery limit
 * of it (30 s, the promise; CI gives a wider one, as a build on a shared machine must not judge speed).
 */
public final class DrillLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RECOVERY_LIMIT_SECONDS = 30;

    private DrillLoad() {
    }

    public static void main(String[] args) throws Exception {
        int code = switch (args.length == 0 ? "" : args[0]) {
            case "submit" -> submit(Path.of(args[1]), args[2], args[3], List.of(args[4].split(",")), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
            case "verdict" -> verdict(args[1], Path.of(args[2]), Path.of(args[3]), args[4], Integer.parseInt(args[5]),
                    Long.parseLong(args[6]), Long.parseLong(args[7]),
                    args.length > 8 ? Double.parseDouble(args[8]) : RECOVERY_LIMIT_SECONDS);
            default -> {
                System.err.println("usage: DrillLoad submit|verdict ... (see the class comment)");
                yield 2;
            }
        };
        System.exit(code);
    }

    static List<Long> drafts(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
                .map(line -> Long.parseLong(line.trim().split("\\s+")[0])).toList();
    }

    private static int submit(Path draftsFile, String user, String password, List<String> nodes, int perRequest, int threads)
            throws Exception {
        List<Long> ids = drafts(draftsFile);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += perRequest) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + perRequest)));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        AtomicInteger submitted = new AtomicInteger();
        AtomicInteger again = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long started = System.currentTimeMillis();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
                        submitted.addAndGet(submitChunk(http, auth, nodes, i, chunks.get(i), again));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf(Locale.ROOT, "drill submit: %d of %d claims submitted in %.1f s (%d requests sent again to another node)%n",
                submitted.get(), ids.size(), (System.currentTimeMillis() - started) / 1000.0, again.get());
        return submitted.get() == ids.size() ? 0 : 1;
    }

    /** Submits one chunk, to node (index mod nodes) first, then to the next ones while a node is unreachable. */
    private static int submitChunk(HttpClient http, String auth, List<String> nodes, int index, List<Long> ids,
            AtomicInteger again) throws Exception {
        String body = JSON.writeValueAsString(Map.of("claimIds", ids));
        AtomicInteger attempt = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger(-1);
        try {
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        int tried = attempt.getAndIncrement();
                        if (tried > 0) {
                            again.incrementAndGet();
                        }
                        accepted.set(trySubmit(http, auth, nodes.get((index + tried) % nodes.size()), body));
                        return accepted.get() >= 0;
                    });
        } catch (ConditionTimeoutException e) {
            System.err.println("drill submit: no node took claims " + ids.get(0) + ".. within 2 minutes");
            return 0;
        }
        return accepted.get();
    }

    /** The claims the node took (or had taken), or -1 if it could not be reached or answered otherwise than 200. */
    private static int trySubmit(HttpClient http, String auth, String node, String body) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node + "/api/claims/submissions"))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("drill submit: " + node + " answered " + response.statusCode() + " " + response.body());
                return -1;
            }
            JsonNode answer = JSON.readTree(response.body());
            int count = answer.path("submitted").size();
            for (JsonNode refused : answer.path("refused")) {
                // Submitted already: by a request whose node died before it answered.
                if ("claim-not-draft".equals(refused.path("code").asText())) {
                    count++;
                } else {
                    System.err.println("drill submit: refused " + refused);
                }
            }
            return count;
        } catch (IOException e) {
            System.err.println("drill submit: " + node + " unreachable (" + e + "), sending to the next node");
            return -1;
        }
    }

    private static int verdict(String drill, Path draftsFile, Path payerLog, String jdbcUrl, int waitSeconds, long killedAt,
            long startedAt, double recoveryLimitSeconds) throws Exception {
        List<Long> ids = drafts(draftsFile);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            Array idArray = db.createArrayOf("bigint", ids.toArray());
            String settledQuery = "select count(*) from claim where id = any(?) and delivery_status in ('DELIVERED', 'REFUSED', "
                    + "'DEAD_LETTERED')";
            try {
                Awaitility.await().atMost(Duration.ofSeconds(waitSeconds)).pollInterval(Duration.ofMillis(500))
                        .until(() -> count(db, settledQuery, idArray) == ids.size());
            } catch (ConditionTimeoutException e) {
                // Reported below as unsettled claims.
            }
            int settled = count(db, settledQuery, idArray);
            Map<String, String> keys = new HashMap<>(); // idempotency key -> claim number, for this drill's claims
            int deliveredInDb = 0;
            Timestamp lastDelivered = null;
            try (PreparedStatement query = db.prepareStatement("select claim_number, delivery_status, delivered_at from claim where id = any(?)")) {
                query.setArray(1, idArray);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        keys.put(rows.getString(1) + "-1", rows.getString(1));
                        if ("DELIVERED".equals(rows.getString(2))) {
                            deliveredInDb++;
                            Timestamp at = rows.getTimestamp(3);
                            lastDelivered = lastDelivered == null || at.after(lastDelivered) ? at : lastDelivered;
                        }
                    }
                }
            }
            int deadLettered = count(db, "select count(*) from claim where id = any(?) and delivery_status = 'DEAD_LETTERED'", idArray);

            // What the payers saw: every delivery line, this drill's claims only.
            Map<String, Integer> seen = new HashMap<>();
            Map<String, Set<String>> keysPerClaim = new HashMap<>();
            List<Long> times = new ArrayList<>();
            int strangers = 0;
            for (String line : Files.exists(payerLog) ? Files.readAllLines(payerLog) : List.<String>of()) {
                String[] parts = line.trim().split(" ");
                if (parts.length != 3 || Long.parseLong(parts[0]) < startedAt) {
                    continue; // what an earlier phase of the drill delivered (throughput's one-node phase)
                }
                String claimNumber = keys.get(parts[2]);
                if (claimNumber == null) {
                    // A key the hub never gave these claims: a claim sent under another key is a duplicate the payer cannot see.
                    String guess = parts[2].replaceFirst("-\\d+$", "");
                    if (keys.containsValue(guess)) {
                        keysPerClaim.computeIfAbsent(guess, k -> new HashSet<>()).add(parts[2]);
                    } else {
                        strangers++;
                    }
                    continue;
                }
                seen.merge(parts[2], 1, Integer::sum);
                keysPerClaim.computeIfAbsent(claimNumber, k -> new HashSet<>()).add(parts[2]);
                times.add(Long.parseLong(parts[0]));
            }
            int lost = (int) keys.keySet().stream().filter(key -> !seen.containsKey(key)).count();
            int duplicates = keysPerClaim.values().stream().mapToInt(set -> set.size() - 1).sum();
            int repeats = seen.values().stream().mapToInt(n -> n - 1).sum();
            times.sort(null);

            StringBuilder line = new StringBuilder();
            line.append("claims=").append(ids.size()).append(" delivered=").append(deliveredInDb).append(" at-payer=")
                    .append(seen.size()).append(" lost=").append(lost).append(" duplicates=").append(duplicates)
                    .append(" same-key-repeats=").append(repeats).append(" dead-lettered=").append(deadLettered);
            boolean pass = deliveredInDb == ids.size() && lost == 0 && duplicates == 0 && deadLettered == 0 && strangers == 0;
            if (strangers > 0) {
                line.append(" unknown-keys=").append(strangers);
            }
            if (!times.isEmpty()) {
                double seconds = (times.get(times.size() - 1) - startedAt) / 1000.0;
                line.append(String.format(Locale.ROOT, " all-delivered-after=%.1fs rate=%.1f/s", seconds, seen.size() / seconds));
            }
            if (killedAt > 0) {
                // The attempts the dead node started and never ended stay IN_FLIGHT: those claims it was sending.
                List<String> orphans = new ArrayList<>();
                try (PreparedStatement query = db.prepareStatement("select distinct r.claim_number from message_record r "
                        + "join claim c on c.claim_number = r.claim_number where c.id = any(?) and r.outcome = 'IN_FLIGHT'")) {
                    query.setArray(1, idArray);
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            orphans.add(rows.getString(1));
                        }
                    }
                }
                double recovery = 0;
                for (String orphan : orphans) {
                    Timestamp at = deliveredAt(db, orphan);
                    recovery = Math.max(recovery, at == null ? Double.POSITIVE_INFINITY : (at.getTime() - killedAt) / 1000.0);
                }
                long pause = longestPauseAfter(times, killedAt);
                line.append(" in-flight-at-kill=").append(orphans.size())
                        .append(String.format(Locale.ROOT, " after-kill=%.1fs longest-pause-after-kill=%.1fs", recovery, pause / 1000.0));
                pass &= recovery <= recoveryLimitSeconds && pause <= recoveryLimitSeconds * 1000;
                if (recoveryLimitSeconds != RECOVERY_LIMIT_SECONDS) {
                    line.append(String.format(Locale.ROOT, " recovery-limit=%.0fs", recoveryLimitSeconds));
                }
            }
            if (settled != ids.size()) {
                line.append(" unsettled=").append(ids.size() - settled);
            }
            System.out.println("DRILL " + drill + " " + (pass ? "PASS" : "FAIL") + " " + line);
            return pass ? 0 : 1;
        }
    }

    /** The longest time without a delivery from the kill on, while deliveries were still to come. */
    private static long longestPauseAfter(List<Long> times, long killedAt) {
        long previous = killedAt;
        long longest = 0;
        for (long time : times) {
            if (time > killedAt) {
                longest = Math.max(longest, time - previous);
                previous = time;
            }
        }
        return longest;
    }

    private static Timestamp deliveredAt(Connection db, String claimNumber) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select delivered_at from claim where claim_number = ?")) {
            query.setString(1, claimNumber);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getTimestamp(1) : null;
            }
        }
    }

    private static int count(Connection db, String sql, Array ids) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
