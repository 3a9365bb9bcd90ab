package com.hmoexchange.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.Browser;
import com.hmoexchange.hub.support.PayerSandboxes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

/**
 * The screenshots in docs/screenshots, taken from the demo as a newcomer finds it (profile demo, its sandbox payers,
 * its people and its replayed months), one role after the other. Not part of the build: run with
 * {@code mvn -B test -Pscreenshots} (docs/web-portals.md), which writes the files into docs/screenshots.
 */
@Tag("screenshots")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
class DemoScreenshots {

    static final int HUB_PORT = PayerSandboxes.freePort();
    static final int SFTP_PORT = PayerSandboxes.freePort();
    static final String DATA_DIR = "./target/screenshots-demo-" + java.util.UUID.randomUUID();
    static final String PASSWORD = "hub-demo-2026";

    /** Free ports and a fresh data folder, as ZeroSetupRunTests: the demo's first start, beside a demo run by hand. */
    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("HUB_PORT", () -> HUB_PORT);
        registry.add("HARMONY_SFTP_PORT", () -> SFTP_PORT);
        registry.add("HUB_DATA_DIR", () -> DATA_DIR);
        int smtp = TestSocketUtils.findAvailableTcpPort();
        int imap = TestSocketUtils.findAvailableTcpPort();
        registry.add("HUB_DEMO_SMTP_PORT", () -> smtp);
        registry.add("HUB_DEMO_IMAP_PORT", () -> imap);
    }

    @LocalServerPort
    int port;

    @Test
    void every_role_s_main_pages_from_the_demo_data() {
        // Today's work as the README's walks do it, so the pages show it beside the replayed months: the clinic
        // bills Adaeze Okafor's visit (Acme answers and pays by itself) and Dangote's HR officer asks for a dependent.
        Api billing = new Api(port, "lekki.billing", PASSWORD);
        JsonNode visit = billing.get("/api/visits?enrolleeNumber=ACM/10001/0").json().get(0);
        List<Map<String, Object>> services = new java.util.ArrayList<>();
        visit.get("services").forEach(s -> {
            if (!"DRUG-ACT".equals(s.get("code").asText())) {
                services.add(Map.of("visitServiceId", s.get("id").asLong()));
            }
        });
        JsonNode draft = billing.post("/api/claims", Map.of("visitId", visit.get("id").asLong(), "services", services,
                "diagnoses", List.of("B54"))).json();
        long claim = draft.get("id").asLong();
        assertThat(billing.post("/api/claims/" + claim + "/submit", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).until(() -> billing.get("/api/claims/" + claim).json().get("paymentStatus").asText(),
                "PAID"::equals);
        Api hr = new Api(port, "payroll@dangote-cement.example", PASSWORD);
        Map<String, Object> child = new HashMap<>(Map.of("kind", "ADD_DEPENDENT", "enrolleeNumber", "ACM/10001/0",
                "relationship", "CHILD", "firstName", "Chiamaka", "lastName", "Okafor", "dateOfBirth", "2025-06-14"));
        JsonNode request = hr.post("/api/portal/requests", child).json();
        assertThat(request.has("id")).as(request.toString()).isTrue();

        try (Browser browser = new Browser(port)) {
            browser.signIn("lekki.billing", PASSWORD);
            browser.open("/billing/claims");
            browser.screenshot("billing-claims");
            browser.open("/billing/claims/" + claim);
            browser.screenshot("billing-claim");
            browser.open("/billing/claims/new?patient=" + URLEncoder.encode("HCI-20001", StandardCharsets.UTF_8));
            browser.screenshot("billing-new-claim");
            browser.find(By.cssSelector("button[id^=check-cover-]")).click();
            browser.waitForUrl("/billing/eligibility/");
            browser.screenshot("billing-check-cover");
            browser.open("/billing/receivables");
            browser.screenshot("billing-money-owed");
            browser.open("/billing/receivables/acme-hmo");
            browser.screenshot("billing-statement");
            browser.open("/billing/preauthorisations");
            browser.screenshot("billing-preauthorisations");
            browser.signOut();

            // The 2026 tariff the owner would upload next, previewed only (a row with a mistake is refused with its reason).
            browser.signIn("lekki.owner", PASSWORD);
            browser.open("/billing/tariffs");
            browser.screenshot("practice-tariffs");
            browser.find(By.id("file")).sendKeys(csv("tariff-2026", "serviceCode,description,unitPrice,validFrom,validTo\n"
                    + "CONS-GP,General practitioner consultation,6000.00,2026-12-01,\n"
                    + "LAB-MP,Malaria parasite test,2500.00,2026-12-01,\n"
                    + "LAB-FBC,Full blood count,-4000.00,2026-12-01,\n"));
            browser.click("Preview");
            browser.waitFor(By.id("refused-count"));
            browser.screenshot("practice-tariff-preview");
            browser.signOut();

            browser.signIn("acme.admin", PASSWORD);
            // Acme's roster files so far, and a new one previewed only: one new member, one row with a wrong date.
            browser.open("/hmo/roster");
            browser.screenshot("hmo-roster-applied");
            browser.find(By.id("file")).sendKeys(csv("acme-members-december", "enrolleeNumber,principalNumber,relationship,"
                    + "firstName,lastName,dateOfBirth,plan,primaryProvider,coverStart,coverEnd\n"
                    + "ACM/10002/0,,SELF,Ngozi,Eze,1991-05-18,acme-standard,lekki-family-clinic,2026-12-01,\n"
                    + "ACM/10003/0,,SELF,Musa,Bello,1988-13-02,acme-standard,lekki-family-clinic,2026-12-01,\n"));
            browser.click("Preview");
            browser.waitFor(By.id("refused-count"));
            browser.screenshot("hmo-roster-preview");
            browser.open("/hmo/preauthorisations");
            browser.screenshot("hmo-desk");
            browser.open("/hmo/requests");
            browser.screenshot("hmo-requests");
            browser.open("/hmo/receivables");
            browser.screenshot("hmo-money-owed");
            browser.open("/hmo/clients");
            browser.screenshot("hmo-clients");
            browser.signOut();

            browser.signIn("payroll@dangote-cement.example", PASSWORD);
            browser.open("/client");
            browser.screenshot("client-dashboard");
            browser.open("/client/requests");
            browser.screenshot("client-requests");
            browser.open("/client/requests/" + request.get("id").asLong());
            browser.screenshot("client-request");
            browser.signOut();

            browser.signIn("hub.operator", PASSWORD);
            browser.open("/operator/dashboard");
            browser.screenshot("operator-dashboard");
            browser.open("/operator/messages");
            browser.screenshot("operator-messages");
            browser.open("/operator/exceptions");
            browser.screenshot("operator-exceptions");
            browser.open("/operator/dead-letters");
            browser.screenshot("operator-dead-letters");
            browser.open("/operator/quarantine");
            browser.screenshot("operator-quarantine");
            browser.signOut();
        }
    }

    private static String csv(String name, String content) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile(name + "-", ".csv");
            java.nio.file.Files.writeString(file, content);
            return file.toAbsolutePath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
