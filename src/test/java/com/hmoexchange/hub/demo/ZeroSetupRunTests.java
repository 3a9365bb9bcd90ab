package com.hmoexchange.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import java.util.List;
import java.util.Map;
import static org.awaitility.Awaitility.await;

import com.hmoexchange.hub.support.PayerSandboxes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's run command, as a test: the demo profile on the default H2 file database and embedded
 * Artemis, with demo data loaded, and a claim taken from a demo visit to submitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "HUB_DATA_DIR=./target/zero-setup-${random.uuid}")
@ActiveProfiles("demo")
class ZeroSetupRunTests {

    static final int HUB_PORT = PayerSandboxes.freePort();

    /** Free ports, so the test runs beside a demo hub; HUB_PORT is also where the sandbox Acme API is. */
    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("HUB_PORT", () -> HUB_PORT);
        registry.add("HARMONY_SFTP_PORT", PayerSandboxes::freePort);
        registry.add("HUB_MAIL_PORT", PayerSandboxes::freePort);
        registry.add("HUB_SANDBOX_IMAP_PORT", PayerSandboxes::freePort);
    }

    @LocalServerPort
    int port;

    @Test
    void the_demo_starts_on_h2_with_demo_data_and_a_claim_can_be_submitted() {
        assertThat(new Api(port, null, null).get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        Api billing = new Api(port, "lekki.billing", "hub-demo");

        JsonNode visits = billing.get("/api/visits").json();
        assertThat(visits.findValuesAsText("externalRef")).contains("LFC-V-1001", "LFC-V-1003");
        assertThat(billing.get("/api/payers").json().findValuesAsText("code")).containsExactly("acme-hmo", "crestline-health", "harmony-care");

        JsonNode adaeze = billing.get("/api/visits?enrolleeNumber=ACM/10001/0").json().get(0);
        Api.Response draft = billing.post("/api/claims", Map.of("visitId", adaeze.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", adaeze.at("/services/0/id").asLong())), "diagnoses", List.of("B54")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().at("/balance/billed").decimalValue()).isEqualByComparingTo("5000.00");
        Api.Response submitted = billing.post("/api/claims/" + draft.json().get("id").asLong() + "/submit", "");
        assertThat(submitted.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(new Api(port, "smile.billing", "hub-demo").get("/api/claims/" + draft.json().get("id").asLong()).status())
                .isEqualTo(404);

        String number = draft.json().get("claimNumber").asText();
        JsonNode delivered = await().atMost(Duration.ofSeconds(30))
                .until(() -> billing.get("/api/claims/" + draft.json().get("id").asLong()).json(),
                        claim -> "DELIVERED".equals(claim.at("/delivery/status").asText()));
        assertThat(delivered.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(new Api(port, null, null).get("/sandbox/payers/acme-hmo/claims").json().findValuesAsText("ref"))
                .contains(number);
    }
}
