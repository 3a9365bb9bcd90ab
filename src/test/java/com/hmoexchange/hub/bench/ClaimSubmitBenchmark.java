package com.hmoexchange.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.PayerSandboxes;
import java.time.LocalDate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Claims created and submitted per second through the REST API on PostgreSQL, with latency
 * percentiles. Not part of the test suite: run it with the command in docs/benchmarks.md.
 * Each claim is two requests (create the draft from a visit, submit it); visits are recorded
 * beforehand and not timed. The client threads run in the same JVM as the hub.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=${HUB_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/hub_bench}")
@ActiveProfiles("test")
class ClaimSubmitBenchmark {

    static final int CLAIMS = Integer.getInteger("bench.claims", 2000);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int THREADS = Integer.getInteger("bench.threads", 8);

    @LocalServerPort
    int port;

    /** The payers of the test suite, so the dispatch that follows each submit works as in production. */
    @DynamicPropertySource
    static void payers(DynamicPropertyRegistry registry) {
        PayerSandboxes.register(registry);
    }

    @Autowired
    Fixtures fixtures;

    @Test
    void claims_created_and_submitted_per_second() throws Exception {
        Practice practice = fixtures.practice();
        Api billing = new Api(port, practice.billing(), Fixtures.PASSWORD);
        Enrollee patient = fixtures.enrollee("acme-hmo");

        run(billing, visits(billing, patient, WARMUP));
        List<JsonNode> visits = visits(billing, patient, CLAIMS);

        long started = System.nanoTime();
        long[][] latencies = run(billing, visits);
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf("%nclaims created+submitted: %d in %.2f s with %d client threads -> %.1f claims/s (%.1f requests/s)%n",
                CLAIMS, seconds, THREADS, CLAIMS / seconds, 2 * CLAIMS / seconds);
        Bench.printLatencies("create draft", latencies[0]);
        Bench.printLatencies("submit", latencies[1]);
        Bench.printLatencies("create+submit", latencies[2]);
    }

    private List<JsonNode> visits(Api billing, Enrollee patient, int count) throws Exception {
        JsonNode[] visits = new JsonNode[count];
        Bench.inParallel(THREADS, count, i -> {
            Api.Response r = billing.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                    "encounterDate", LocalDate.now().minusDays(1).toString(),
                    "services", List.of(Map.of("code", "CONS-GP", "description", "Consultation", "quantity", 1),
                            Map.of("code", "LAB-MP", "description", "Malaria test", "quantity", 1))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            visits[i] = r.json();
        });
        return List.of(visits);
    }

    /** Creates and submits one claim per visit; returns create, submit and total latencies in microseconds. */
    private long[][] run(Api billing, List<JsonNode> visits) throws Exception {
        long[][] latencies = new long[3][visits.size()];
        Bench.inParallel(THREADS, visits.size(), i -> {
            JsonNode visit = visits.get(i);
            long t0 = System.nanoTime();
            Api.Response draft = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                    "services", List.of(Map.of("visitServiceId", visit.at("/services/0/id").asLong()),
                            Map.of("visitServiceId", visit.at("/services/1/id").asLong())),
                    "diagnoses", List.of("B54")));
            long t1 = System.nanoTime();
            assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
            Api.Response submitted = billing.post("/api/claims/" + draft.json().get("id").asLong() + "/submit", "");
            long t2 = System.nanoTime();
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
            latencies[0][i] = (t1 - t0) / 1000;
            latencies[1][i] = (t2 - t1) / 1000;
            latencies[2][i] = (t2 - t0) / 1000;
        });
        return latencies;
    }

}
