package com.hmoexchange.hub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for tests that drive the hub over real HTTP, on PostgreSQL, with one shared application context.
 * Metrics are exported as in production (Spring Boot's tests turn exporters off unless asked), so the
 * operators' Prometheus endpoint is there to test.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    /**
     * One mail server (SMTP for the hub's emails, IMAP for its bulk intake address), one SFTP server for
     * bulk intake and the sandbox payers, for the whole run, so every ApiTest shares one application context.
     */
    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SmtpGate::port);
        registry.add("hub.changerequests.bulk.poll-delay", () -> "300");
        registry.add("hub.changerequests.bulk.sftp.enabled", () -> "true");
        registry.add("hub.changerequests.bulk.sftp.host", () -> "127.0.0.1");
        registry.add("hub.changerequests.bulk.sftp.port", TestSftp::port);
        registry.add("hub.changerequests.bulk.sftp.username", () -> TestSftp.USER);
        registry.add("hub.changerequests.bulk.sftp.password", () -> TestSftp.PASSWORD);
        registry.add("hub.changerequests.bulk.sftp.directory", () -> TestSftp.INTAKE);
        registry.add("hub.changerequests.bulk.sftp.strict-host-key-checking", () -> "no");
        registry.add("hub.changerequests.bulk.sftp.known-hosts-file", () -> "target/test-known-hosts");
        registry.add("hub.changerequests.bulk.mail.enabled", () -> "true");
        registry.add("hub.changerequests.bulk.mail.protocol", () -> "imap");
        registry.add("hub.changerequests.bulk.mail.host", () -> "127.0.0.1");
        registry.add("hub.changerequests.bulk.mail.port", TestMail::imapPort);
        registry.add("hub.changerequests.bulk.mail.username", () -> TestMail.INTAKE);
        registry.add("hub.changerequests.bulk.mail.password", () -> TestMail.INTAKE_PASSWORD);
        registry.add("hub.mail.intake.authserv-id", () -> TestMail.AUTHSERV_ID);
        PayerSandboxes.register(registry);
        registry.add("hub.responses.poll-delay", () -> "300");
        registry.add("hub.notifications.operators-email", () -> PayerSandboxes.OPERATIONS_MAILBOX);
    }

    @Autowired
    protected Fixtures fixtures;

    protected Api as(String username) {
        return new Api(port, username, Fixtures.PASSWORD);
    }

    protected Api anonymous() {
        return new Api(port, null, null);
    }

    /** Records a visit of the enrollee yesterday with one unit of each service code; returns the visit. */
    protected JsonNode visit(Api api, Enrollee patient, String... codes) {
        List<Map<String, Object>> services = new ArrayList<>();
        for (String code : codes) {
            services.add(Map.of("code", code, "description", "Service " + code, "quantity", 1));
        }
        Api.Response response = api.post("/api/visits", Map.of("enrolleeNumber", patient.getEnrolleeNumber(),
                "encounterDate", LocalDate.now().minusDays(1).toString(), "services", services));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** Service ids of a visit, in the order they were recorded. */
    protected static List<Long> serviceIds(JsonNode visit) {
        List<Long> ids = new ArrayList<>();
        visit.get("services").forEach(s -> ids.add(s.get("id").asLong()));
        return ids;
    }

    /** A draft claim for all the visit's services at tariff prices, with one diagnosis. */
    protected JsonNode draft(Api api, JsonNode visit) {
        List<Map<String, Object>> services = serviceIds(visit).stream()
                .map(id -> Map.<String, Object>of("visitServiceId", id)).toList();
        Api.Response response = api.post("/api/claims", Map.of("visitId", visit.get("id").asLong(),
                "services", services, "diagnoses", List.of("B54")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /**
     * Submits and waits until the payer has the claim, so the test's next change does not race the
     * delivery's own update of the claim (which a person would see as "changed by someone else").
     */
    protected JsonNode submitAndAwaitDelivery(Api api, JsonNode claim) {
        Api.Response submitted = api.post(claimPath(claim) + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> api.get(claimPath(claim)).json(), c -> "DELIVERED".equals(c.at("/delivery/status").asText()));
    }

    protected static String claimPath(JsonNode claim) {
        return "/api/claims/" + claim.get("id").asLong();
    }
}
