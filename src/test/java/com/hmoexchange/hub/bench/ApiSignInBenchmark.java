package com.hmoexchange.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.PayerSandboxes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a sign-in costs on the API, measured with wrk (Debian's {@code wrk}) in one run: the unauthenticated liveness
 * probe, then {@code GET /api/claims} signed in with HTTP Basic, then the same with an API token (Bearer). Not part
 * of the test suite: run it with the command in docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=${HUB_BENCH_DB_URL:jdbc:postgresql://127.0.0.1:5432/hub_bench}")
@ActiveProfiles("test")
class ApiSignInBenchmark {

    static final String DURATION = System.getProperty("bench.duration", "15s");
    static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void payers(DynamicPropertyRegistry registry) {
        PayerSandboxes.register(registry);
    }

    @Autowired
    Fixtures fixtures;

    @Test
    void requests_per_second_with_a_token_with_basic_and_unauthenticated() throws Exception {
        Practice practice = fixtures.practice();
        Api billing = new Api(port, practice.billing(), Fixtures.PASSWORD);
        Enrollee patient = fixtures.enrollee("acme-hmo");
        for (int i = 0; i < 20; i++) {
            Api.Response visit = billing.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                    "encounterDate", LocalDate.now().minusDays(1).toString(),
                    "services", List.of(Map.of("code", "CONS-GP", "description", "Consultation", "quantity", 1))));
            assertThat(billing.post("/api/claims", Map.of("visitId", visit.json().get("id").asLong(),
                    "services", List.of(Map.of("visitServiceId", visit.json().at("/services/0/id").asLong())),
                    "diagnoses", List.of("B54"))).status()).isEqualTo(201);
        }
        Api.Response made = new Api(port, practice.owner(), Fixtures.PASSWORD).post("/api/tokens",
                Map.of("name", "bench", "scopes", List.of("claims:read"), "expiresInDays", 1));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String token = made.json().get("token").asText();
        String basic = java.util.Base64.getEncoder().encodeToString((practice.billing() + ":" + Fixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String base = "http://127.0.0.1:" + port;

        // A short warm-up of each, then the three measured one after another.
        wrk(base + "/actuator/health/liveness", null, "5s");
        wrk(base + "/api/claims", "Basic " + basic, "5s");
        wrk(base + "/api/claims", "Bearer " + token, "5s");
        double liveness = wrk(base + "/actuator/health/liveness", null, DURATION);
        double withBasic = wrk(base + "/api/claims", "Basic " + basic, DURATION);
        double withToken = wrk(base + "/api/claims", "Bearer " + token, DURATION);

        System.out.printf("%nwrk -t2 -c%d -d%s, requests/s: liveness %.0f, GET /api/claims with Basic %.0f, with a token %.0f"
                + " (load: %s)%n", CONNECTIONS, DURATION, liveness, withBasic, withToken, uptime());
    }

    private static double wrk(String url, String authorization, String duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + CONNECTIONS, "-d" + duration));
        if (authorization != null) {
            command.addAll(List.of("-H", "Authorization: " + authorization));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(wrk.waitFor()).as(output).isZero();
        assertThat(output).as("every answer 2xx").doesNotContain("Non-2xx");
        Matcher rate = RATE.matcher(output);
        assertThat(rate.find()).as(output).isTrue();
        return Double.parseDouble(rate.group(1));
    }

    private static String uptime() throws IOException, InterruptedException {
        Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
        String out = new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        uptime.waitFor();
        return out;
    }
}
