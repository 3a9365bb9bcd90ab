package com.hmoexchange.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.claims.ClaimService;
import com.hmoexchange.hub.claims.ClaimService.ServiceToBill;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.visits.Visit;
import com.hmoexchange.hub.visits.VisitRepository;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Claims per second from submit to delivered, to the HTTP payer and to the SFTP payer, on PostgreSQL
 * with the persistent embedded broker. Drafts are prepared first (not timed); then every claim is
 * submitted (the core use case, in-process, bench.threads at a time) and the clock runs until the
 * last one is delivered. Latency per claim is its delivery time minus its submit time, as recorded.
 * Not part of the test suite: see docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        "spring.datasource.url=${HUB_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/hub_bench}",
        "spring.artemis.embedded.persistent=true",
        "spring.artemis.embedded.data-directory=./target/bench-artemis-${random.uuid}"})
@ActiveProfiles("test")
class DispatchBenchmark {

    static final int CLAIMS = Integer.getInteger("bench.claims", 1000);
    static final int THREADS = Integer.getInteger("bench.threads", 4);
    /** true: the claims wait in the outbox (relay stopped) until all are submitted, to time dispatch alone. */
    static final boolean QUEUED = Boolean.getBoolean("bench.queued");
    /** 0: each claim submitted on its own (POST /api/claims/{id}/submit); n: n claims per bulk submit (POST /api/claims/submissions). */
    static final int BULK = Integer.getInteger("bench.bulk", 0);
    /** Claims sent the same way before the timed run, not timed: the JIT compiles the hot paths meanwhile, as in a hub that has been running. */
    static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    static final byte[] PDF = "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    @DynamicPropertySource
    static void payers(DynamicPropertyRegistry registry) {
        PayerSandboxes.register(registry);
    }

    @Autowired
    Fixtures fixtures;
    @Autowired
    ClaimService claims;
    @Autowired
    VisitRepository visits;
    @Autowired
    AppUserRepository users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.apache.camel.CamelContext camel;
    @Autowired
    com.hmoexchange.hub.outbox.OutboxRelay relay;

    @Test
    void claims_per_second_from_submit_to_delivered() throws Exception {
        for (String payer : System.getProperty("bench.payers", "acme-hmo,harmony-care").split(",")) {
            run(payer, WARMUP, false);
            run(payer, CLAIMS, true);
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("peak heap (sum of heap pools' peaks): %.0f MiB, max heap %.0f MiB%n", peakHeap / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private void run(String payer, int count, boolean report) throws Exception {
        Practice practice = fixtures.practice();
        AppUser billing = users.findByUsername(practice.billing()).orElseThrow();
        HubUser user = new HubUser(billing.getId(), billing.getUsername(), "", billing.getRole(), billing.getProviderId(),
                null, null, true);
        Enrollee patient = fixtures.enrollee(payer);
        List<Long> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Visit visit = new Visit(practice.provider().getId(), patient.getId(), LocalDate.now().minusDays(1), null, null,
                    null, "bench", LocalDate.now());
            visit.addService("CONS-GP", "Consultation", 1, null);
            visit.addService("LAB-MP", "Malaria test", 1, null);
            visit = visits.save(visit);
            var draft = claims.createDraft(user, visit.getId(), visit.getServices().stream()
                    .map(s -> new ServiceToBill(s.getId(), null, null)).toList(), List.of("B54"), null, null);
            if ("harmony-care".equals(payer)) {
                claims.attach(user, draft.id(), null, com.hmoexchange.hub.payers.AttachmentType.REFERRAL_LETTER, "referral.pdf", PDF);
            }
            drafts.add(draft.id());
        }

        // As a production server's autovacuum leaves the tables: planner statistics fresh, dead rows cleared.
        // This machine's PostgreSQL runs with autovacuum off. Without this, as the database grows, the planner
        // reads whole tables for the batch look-ups (claim lines, history, message records), the relay's
        // outbox query wades through the dead rows of earlier runs, and each run is slower than the last.
        jdbc.execute("vacuum analyze");
        if (QUEUED) {
            camel.getRouteController().stopRoute("outbox-relay");
        }
        long started = System.nanoTime();
        if (BULK > 0) {
            int requests = (drafts.size() + BULK - 1) / BULK;
            Bench.inParallel(THREADS, requests, i -> assertThat(claims.submitAll(user,
                    drafts.subList(i * BULK, Math.min(drafts.size(), (i + 1) * BULK))).refused()).isEmpty());
        } else {
            Bench.inParallel(THREADS, drafts.size(), i -> claims.submit(user, drafts.get(i), null));
        }
        double submitSeconds = (System.nanoTime() - started) / 1e9;
        if (QUEUED) {
            started = System.nanoTime();
            camel.getRouteController().startRoute("outbox-relay");
            relay.publishPending(); // at once: the relay's timer first fires a second after its route starts
        }
        String ids = drafts.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(10)).pollInterval(java.time.Duration.ofMillis(100))
                // The practice is new for this run, so its delivered claims are this run's (a cheap query, polled often).
                .until(() -> jdbc.queryForObject("select count(*) from claim where provider_id = ? and delivery_status = 'DELIVERED'",
                        Integer.class, practice.provider().getId()) == drafts.size());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!report) {
            return;
        }
        long[] latencies = jdbc.queryForList("select extract(epoch from (delivered_at - submitted_at)) * 1000 from claim where id in ("
                + ids + ")", Double.class).stream().mapToLong(Double::longValue).sorted().toArray();
        assertThat(latencies).hasSize(count);
        System.out.printf("%n%s: %d claims submitted %s in %.2f s (%.0f/s); all delivered %s %.2f s -> %.1f claims/s %s%n",
                payer, count, BULK > 0 ? "in bulk, " + BULK + " per request," : "one by one", submitSeconds,
                count / submitSeconds, QUEUED ? "from the outbox, relay started, in" : "after", seconds, count / seconds,
                QUEUED ? "dispatch alone (outbox to delivered)" : "submit-to-delivered");
        if (!QUEUED) System.out.printf("  submit->delivered latency p50 %d ms, p99 %d ms, max %d ms%n", latencies[latencies.length / 2],
                latencies[Math.min(latencies.length - 1, (int) (latencies.length * 0.99))], latencies[latencies.length - 1]);
    }
}
