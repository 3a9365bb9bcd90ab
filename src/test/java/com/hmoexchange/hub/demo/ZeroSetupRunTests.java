package com.hmoexchange.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.hmoexchange.hub.support.PayerSandboxes;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.hmoexchange.hub.support.Browser;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.TestSocketUtils;

/**
 * The README's run command, as a test: the demo profile on the default H2 file database and embedded
 * Artemis, with demo data loaded, and a claim taken from a demo visit to submitted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@ActiveProfiles("demo")
class ZeroSetupRunTests {

    static final int HUB_PORT = PayerSandboxes.freePort();
    /** Chosen once: a supplier is asked again on every look-up, and the sandbox server and the hub must agree. */
    static final int SFTP_PORT = PayerSandboxes.freePort();
    static final String DATA_DIR = "./target/zero-setup-" + java.util.UUID.randomUUID();

    /** Free ports, so the test runs beside a demo hub; HUB_PORT is also where the sandbox Acme API is. */
    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("HUB_PORT", () -> HUB_PORT);
        registry.add("HARMONY_SFTP_PORT", () -> SFTP_PORT);
        // One folder for the run (a ${random.uuid} placeholder would give each look-up another one).
        registry.add("HUB_DATA_DIR", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Autowired
    GreenMail sandboxMailbox;

    /** Free ports for the demo's sandbox mailbox, so the test runs beside a demo started by hand. */
    @DynamicPropertySource
    static void mailboxPorts(DynamicPropertyRegistry registry) {
        int smtp = TestSocketUtils.findAvailableTcpPort();
        int imap = TestSocketUtils.findAvailableTcpPort();
        registry.add("HUB_DEMO_SMTP_PORT", () -> smtp);
        registry.add("HUB_DEMO_IMAP_PORT", () -> imap);
    }

    @Test
    void the_readme_client_portal_walk_works_with_the_sandbox_mailbox() {
        Api hmo = new Api(port, "acme.admin", "hub-demo-2026");
        long client = hmo.get("/api/hmo/clients").json().get(0).get("id").asLong();
        Api.Response issued = hmo.post("/api/hmo/clients/" + client + "/credentials", Map.of("email", "hr@dangote-cement.example"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String body = await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(sandboxMailbox.getReceivedMessages())
                .map(GreenMailUtil::getBody).filter(b -> b.contains("token=")).findFirst().orElse(null), b -> b != null);
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(body);
        assertThat(token.find()).isTrue();
        assertThat(new Api(port, null, null).post("/api/credentials/password",
                Map.of("token", token.group(1), "password", "dangote-hr-2026")).status()).isEqualTo(200);

        Api hr = new Api(port, "hr@dangote-cement.example", "dangote-hr-2026");
        long add = hr.post("/api/portal/requests", Map.of("kind", "ADD_DEPENDENT", "enrolleeNumber", "ACM/10001/0",
                "relationship", "CHILD", "firstName", "Obi", "lastName", "Okafor", "dateOfBirth", "2025-03-14")).json().get("id").asLong();
        long remove = hr.post("/api/portal/requests", Map.of("kind", "REMOVE_DEPENDENT", "enrolleeNumber", "ACM/10001/1"))
                .json().get("id").asLong();
        assertThat(hmo.post("/api/hmo/requests/" + add + "/approve", "").json().get("resultEnrolleeNumber").asText())
                .isEqualTo("ACM/10001/3");
        assertThat(hmo.post("/api/hmo/requests/" + remove + "/decline", Map.of("reason", "Send the divorce decree")).json()
                .get("status").asText()).isEqualTo("DECLINED");
        JsonNode family = hr.get("/api/portal/principals?q=ACM/10001/0").json();
        assertThat(hr.get("/api/portal/enrollees/" + family.get(0).get("id").asLong()).json().get("dependents")
                .findValuesAsText("status")).containsExactly("ACTIVE", "ACTIVE", "ACTIVE");
    }

    /** The banner's promise: each demo user printed there signs in to the web portal and lands on their page. */
    @Autowired
    com.hmoexchange.hub.operations.Incidents incidents;

    @Test
    void incidents_are_evaluated_on_h2_and_the_operators_metrics_are_served() {
        org.assertj.core.api.Assertions.assertThatCode(() -> incidents.evaluate(java.time.Instant.now()))
                .doesNotThrowAnyException();
        Api.Response metrics = new Api(port, "hub.operator", "hub-demo-2026").get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("hub_outbox_backlog", "hub_changerequests_pending");
    }

    @Autowired
    com.hmoexchange.hub.messages.MessageStoreRetention messageStore;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void on_h2_the_message_store_is_searched_by_text_and_its_retention_deletes_rows() {
        java.time.Instant old = java.time.Instant.now().minus(Duration.ofDays(500));
        jdbc.update("insert into message_record (direction, channel, payer_code, claim_number, enrollee_number, attempt, outcome, "
                + "payload, started_at, finished_at) values ('OUT', 'http', 'acme-hmo', 'CLM-H2-OLD', 'ACM/H2/0', 1, 'DELIVERED', "
                + "'NM1*IL*1*NEEDLE-H2~', ?, ?)", java.sql.Timestamp.from(old), java.sql.Timestamp.from(old));
        Api operator = new Api(port, "hub.operator", "hub-demo-2026");
        assertThat(operator.get("/api/messages?text=needle-h2&enrolleeNumber=ACM/H2/0").json().get("items")
                .findValuesAsText("claimNumber")).containsExactly("CLM-H2-OLD");

        assertThat(messageStore.partitioned()).isFalse();
        messageStore.prepareMonths(java.time.Instant.now());
        assertThat(messageStore.purgePayloads(java.time.Instant.now().minus(Duration.ofDays(90))).rows()).isPositive();
        assertThat(messageStore.purgeMessages(java.time.Instant.now().minus(Duration.ofDays(400))).rows()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from message_record where claim_number = 'CLM-H2-OLD'", Long.class)).isZero();
    }

    @Test
    void every_demo_user_of_the_banner_signs_in_to_the_web_portal() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("acme.admin", "hub-demo-2026");
            assertThat(browser.heading()).isEqualTo("Manage Requests");
            browser.signOut();
            browser.signIn("payroll@dangote-cement.example", "hub-demo-2026");
            assertThat(browser.heading()).isEqualTo("Dashboard");
            browser.open("/client/principals?q=okafor");
            browser.find(By.linkText("ACM/10001/0")).click();
            assertThat(browser.text(By.id("dependents"))).contains("ACM/10001/1").contains("ACM/10001/2");
            browser.screenshot("demo-client-principal");
            browser.signOut();
            browser.signIn("hub.operator", "hub-demo-2026");
            assertThat(browser.heading()).isEqualTo("Messages");
            // The operators' dashboard and incidents read the message store with SQL that H2 must take too.
            browser.open("/operator/dashboard");
            assertThat(browser.heading()).isEqualTo("Dashboard");
            assertThat(browser.all(By.cssSelector(".tile"))).hasSize(4);
            browser.open("/operator/incidents");
            assertThat(browser.heading()).isEqualTo("Incidents");
            browser.signOut();
            for (String user : List.of("lekki.owner", "lekki.admin", "lekki.billing", "smile.billing")) {
                browser.signIn(user, "hub-demo-2026");
                assertThat(browser.heading()).isEqualTo("Claims");
                browser.signOut();
            }
        }
    }

    @Test
    void the_demo_starts_on_h2_with_demo_data_and_a_claim_can_be_submitted() {
        assertThat(new Api(port, null, null).get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
        Api billing = new Api(port, "lekki.billing", "hub-demo-2026");

        JsonNode visits = billing.get("/api/visits").json();
        assertThat(visits.findValuesAsText("externalRef")).contains("LFC-V-1001", "LFC-V-1003");
        assertThat(billing.get("/api/payers").json().findValuesAsText("code")).containsExactly("acme-hmo", "crestline-health", "harmony-care", "zenith-care");

        JsonNode adaeze = billing.get("/api/visits?enrolleeNumber=ACM/10001/0").json().get(0);
        Api.Response draft = billing.post("/api/claims", Map.of("visitId", adaeze.get("id").asLong(),
                "services", List.of(Map.of("visitServiceId", adaeze.at("/services/0/id").asLong())), "diagnoses", List.of("B54")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().at("/balance/billed").decimalValue()).isEqualByComparingTo("5000.00");
        Api.Response submitted = billing.post("/api/claims/" + draft.json().get("id").asLong() + "/submit", "");
        assertThat(submitted.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(new Api(port, "smile.billing", "hub-demo-2026").get("/api/claims/" + draft.json().get("id").asLong()).status())
                .isEqualTo(404);

        String number = draft.json().get("claimNumber").asText();
        JsonNode delivered = await().atMost(Duration.ofSeconds(30))
                .until(() -> billing.get("/api/claims/" + draft.json().get("id").asLong()).json(),
                        claim -> "DELIVERED".equals(claim.at("/delivery/status").asText()));
        assertThat(delivered.get("status").asText()).isIn("RECEIVED", "APPROVED");
        assertThat(new Api(port, null, null).get("/sandbox/payers/acme-hmo/claims").json().findValuesAsText("ref"))
                .contains(number);
        // Acme answers by itself (a signed callback), then pays: under NGN 6,000 it approves in full.
        JsonNode paid = await().atMost(Duration.ofSeconds(60))
                .until(() -> billing.get("/api/claims/" + draft.json().get("id").asLong()).json(),
                        claim -> "PAID".equals(claim.get("paymentStatus").asText()));
        assertThat(paid.get("status").asText()).isEqualTo("APPROVED");
        assertThat(paid.at("/balance/paid").decimalValue()).isEqualByComparingTo("5000.00");
    }

    @Test
    void the_demo_shows_pre_authorisations_on_both_desks_and_the_readme_claim_carries_acmes_code() {
        Api billing = new Api(port, "lekki.billing", "hub-demo-2026");
        Api desk = new Api(port, "acme.admin", "hub-demo-2026");

        JsonNode crestline = await().atMost(Duration.ofSeconds(60)).until(() -> billing.get("/api/preauthorisations").json(),
                list -> list.findValuesAsText("code").stream().anyMatch(c -> c.startsWith("CRL-PA-")));
        assertThat(crestline.findValuesAsText("code")).contains("ACME-PA-1001");
        JsonNode queue = desk.get("/api/hmo/preauthorisations").json();
        assertThat(queue.findValuesAsText("status")).contains("MORE_INFO_ASKED");
        assertThat(queue.findValuesAsText("enrolleeNumber")).contains("ACM/10001/2");

        // README step 3: today's MRI for Chinedu Okafor, billed to Acme without and then with the desk's code.
        Api.Response visit = billing.post("/api/visits", Map.of("enrolleeNumber", "ACM/10001/1", "encounterDate",
                java.time.LocalDate.now().toString(), "services", List.of(Map.of("code", "IMG-MRI", "description", "MRI knee", "quantity", 1))));
        assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
        Map<String, Object> claim = Map.of("visitId", visit.json().get("id").asLong(), "services",
                List.of(Map.of("visitServiceId", visit.json().at("/services/0/id").asLong())), "diagnoses", List.of("M23.2"));
        long id = billing.post("/api/claims", claim).json().get("id").asLong();
        Api.Response refused = billing.post("/api/claims/" + id + "/submit", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("line 1 needs a pre-authorisation code");

        Api.Response described = billing.put("/api/claims/" + id + "/details", Map.of("diagnoses", List.of("M23.2"),
                "paCode", "ACME-PA-1001"));
        assertThat(described.status()).as(described.toString()).isEqualTo(200);
        Api.Response submitted = billing.post("/api/claims/" + id + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().get("paCode").asText()).isEqualTo("ACME-PA-1001");
    }

    @Test
    void check_cover_on_a_harmony_member_shows_harmony_standards_annual_limits_with_used_and_left() {
        Api billing = new Api(port, "lekki.billing", "hub-demo-2026");
        Api.Response check = billing.post("/api/eligibility/checks", Map.of("enrolleeNumber", "HCI-20001"));
        assertThat(check.status()).as(check.toString()).isEqualTo(201);

        JsonNode benefits = check.json().get("benefits");
        assertThat(check.json().get("plan").asText()).isEqualTo("Harmony Standard");
        assertThat(benefits.findValuesAsText("name")).containsExactly("Consultations (CONS-)", "Drugs (DRUG-)", "Laboratory (LAB-)");
        assertThat(benefits.get(1).get("allowed").decimalValue()).isEqualByComparingTo("150000.00");
        for (JsonNode benefit : benefits) {
            assertThat(benefit.get("remaining").decimalValue()).isEqualByComparingTo(
                    benefit.get("allowed").decimalValue().subtract(benefit.get("used").decimalValue()));
        }
    }

    @Test
    void the_sandbox_payers_by_sftp_and_email_answer_by_themselves_approved_rejected_partial_and_paid() {
        Api billing = new Api(port, "lekki.billing", "hub-demo-2026");
        JsonNode babajide = billing.get("/api/visits?enrolleeNumber=HCI-20001").json().get(0);
        long approved = claim(billing, babajide, 0, true);   // CONS-GP 5,000 to Harmony: approved
        long rejected = claim(billing, babajide, 1, true);   // XRAY-CHEST 12,000 to Harmony: rejected
        JsonNode emeka = billing.get("/api/visits?enrolleeNumber=CHP-30001").json().get(0);
        long partial = claim(billing, emeka, -1, false);     // CONS-GP + LAB-FBC 8,500 to Crestline: partial

        JsonNode a = await().atMost(Duration.ofSeconds(90)).until(() -> billing.get("/api/claims/" + approved).json(),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(a.get("status").asText()).isEqualTo("APPROVED");
        JsonNode r = await().atMost(Duration.ofSeconds(90)).until(() -> billing.get("/api/claims/" + rejected).json(),
                c -> "REJECTED".equals(c.get("status").asText()));
        assertThat(r.get("decisionReasons").asText()).contains("12,000");
        JsonNode p = await().atMost(Duration.ofSeconds(90)).until(() -> billing.get("/api/claims/" + partial).json(),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(p.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(p.at("/balance/paid").decimalValue()).isEqualByComparingTo("6000.00");
        assertThat(p.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(billing.get("/api/notifications").json().findValuesAsText("kind")).contains("CLAIM_REJECTED", "CLAIM_PARTIAL", "CLAIM_PAID");
    }

    @Test
    void the_x12_sandbox_payer_answers_with_a_999_a_277ca_and_an_835() {
        Api billing = new Api(port, "lekki.billing", "hub-demo-2026");
        JsonNode tobi = billing.get("/api/visits?enrolleeNumber=ZCA/30001/1").json().get(0);
        long claim = claim(billing, tobi, -1, false);        // CONS-GP + LAB-MP 7,000 to Zenith: partial

        JsonNode paid = await().atMost(Duration.ofSeconds(90)).until(() -> billing.get("/api/claims/" + claim).json(),
                c -> "PAID".equals(c.get("paymentStatus").asText()));
        assertThat(paid.get("status").asText()).isEqualTo("PARTIAL");
        assertThat(paid.at("/balance/paid").decimalValue()).isEqualByComparingTo("4500.00");
        // Of the 2,500 Zenith did not pay, its 10 % co-payment (PR-3) is the patient's; the rest (CO-45) is written off.
        assertThat(paid.at("/balance/patientShareBasis").asText()).isEqualTo("PAYER");
        assertThat(paid.at("/balance/patientShare").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(paid.at("/balance/contractualAdjustment").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(paid.get("history").findValuesAsText("to")).contains("RECEIVED", "IN_REVIEW", "PARTIAL");
    }

    /** Submits a claim for one service of the visit (index), or all of them (-1), with a referral letter if asked. */
    private long claim(Api billing, JsonNode visit, int service, boolean referral) {
        List<Map<String, Object>> services = new java.util.ArrayList<>();
        for (int i = 0; i < visit.get("services").size(); i++) {
            if (service < 0 || service == i) {
                services.add(Map.of("visitServiceId", visit.at("/services/" + i + "/id").asLong()));
            }
        }
        Api.Response draft = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(), "services", services,
                "diagnoses", List.of("J18.9")));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        long id = draft.json().get("id").asLong();
        if (referral) {
            assertThat(billing.upload("/api/claims/" + id + "/attachments", "referral.pdf", "application/pdf",
                    "%PDF-1.4\n%%EOF".getBytes(), "type", "REFERRAL_LETTER").status()).isEqualTo(200);
        }
        Api.Response submitted = billing.post("/api/claims/" + id + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return id;
    }

    /**
     * The clinic's replayed months (DemoHistory): money owed in every age band, as Acme and Harmony left it. The
     * claims the other tests submit today only add to the first band, so the older bands are exact.
     */
    @Test
    void money_owed_in_the_demo_has_every_age_band_rejections_and_payments_below_the_tariff() {
        JsonNode practice = new Api(port, "lekki.billing", "hub-demo-2026").get("/api/receivables").json();
        JsonNode acme = party(practice, "acme-hmo");
        assertThat(acme.get("owed").get("over90").decimalValue()).isEqualByComparingTo("11500");
        assertThat(acme.get("owed").get("upTo90").decimalValue()).isEqualByComparingTo("8500");
        assertThat(acme.get("owed").get("upTo60").decimalValue()).isEqualByComparingTo("7000");
        assertThat(acme.get("owed").get("upTo30").decimalValue()).isGreaterThanOrEqualTo(new java.math.BigDecimal("17500"));
        assertThat(acme.get("topRejectionReasons").findValuesAsText("reason")).anyMatch(r -> r.contains("Imaging needs a pre-authorisation code"));
        assertThat(acme.get("medianDaysToPayment").isNumber()).as(acme.toString()).isTrue();
        JsonNode harmony = party(practice, "harmony-care");
        assertThat(harmony.get("owed").get("over90").decimalValue()).isEqualByComparingTo("8500");
        assertThat(harmony.get("owed").get("upTo60").decimalValue()).isEqualByComparingTo("6000");
        assertThat(harmony.get("topRejectionReasons").findValuesAsText("reason")).anyMatch(r -> r.contains("does not support a chest X-ray"));
        assertThat(practice.get("belowTariff").findValuesAsText("serviceCode")).contains("CONS-GP");
        assertThat(practice.get("belowTariff").findValues("shortfall")).allMatch(s -> s.decimalValue().compareTo(new java.math.BigDecimal("1000")) == 0);

        JsonNode hmo = new Api(port, "acme.admin", "hub-demo-2026").get("/api/hmo/receivables").json();
        JsonNode clinic = party(hmo, "lekki-family-clinic");
        for (String band : List.of("upTo30", "upTo60", "upTo90", "over90")) {
            assertThat(clinic.get("owed").get(band).decimalValue()).as(band).isPositive();
        }
    }

    /**
     * The replayed months' claims reach their payers when the demo starts, months after the payers answered them: the
     * claim's page says so beside the delivery time instead of leaving a delivery after the decision unexplained.
     */
    @Test
    void a_replayed_claims_page_says_its_payer_answered_before_the_delivery_was_noted() {
        Api billing = new Api(port, "lekki.billing", "hub-demo-2026");
        java.time.ZoneId lagos = java.time.ZoneId.of("Africa/Lagos");
        // The oldest of them: submitted to Acme 118 days ago and approved six days later (DemoHistory.PAST).
        JsonNode found = billing.get("/api/claims?payer=acme-hmo&to=" + java.time.LocalDate.now(lagos).minusDays(110)).json().get("items");
        assertThat(found).as(found.toString()).hasSize(1);
        long id = found.get(0).get("id").asLong();
        JsonNode claim = await().atMost(Duration.ofSeconds(60)).until(() -> billing.get("/api/claims/" + id).json(),
                c -> c.at("/delivery/status").asText().equals("DELIVERED"));
        String approvedAt = java.util.stream.StreamSupport.stream(claim.get("history").spliterator(), false)
                .filter(h -> h.get("to").asText().equals("APPROVED")).findFirst().orElseThrow().get("at").asText();
        String approvedOn = com.hmoexchange.hub.web.Display.in(lagos).day(java.time.Instant.parse(approvedAt));
        assertThat(java.time.Instant.parse(approvedAt)).isBefore(java.time.Instant.parse(claim.at("/delivery/deliveredAt").asText()));

        try (Browser browser = new Browser(port)) {
            browser.signIn("lekki.billing", "hub-demo-2026");
            browser.open("/billing/claims/" + id);
            assertThat(browser.text(By.id("delivered-after-answer")))
                    .isEqualTo("(noted after the payer answered on " + approvedOn + ": it had the claim before this delivery)");
            browser.signOut();
        }
    }

    private static JsonNode party(JsonNode summary, String code) {
        for (JsonNode party : summary.get("parties")) {
            if (party.get("code").asText().equals(code)) {
                return party;
            }
        }
        throw new AssertionError(code + " is not among " + summary.get("parties"));
    }
}
