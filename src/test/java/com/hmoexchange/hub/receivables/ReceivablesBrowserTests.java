package com.hmoexchange.hub.receivables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** Money owed in a real browser: a practice's billing clerk reads who owes what, opens a payer and downloads its statement. */
class ReceivablesBrowserTests extends BrowserTest {

    @Test
    void a_billing_clerk_sees_what_acme_owes_and_downloads_its_statement_as_pdf() throws Exception {
        Practice practice = fixtures.practice();
        Api billing = as(practice.billing());
        JsonNode unpaid = submitAndAwaitDelivery(billing, draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP")));
        JsonNode paid = submitAndAwaitDelivery(billing, draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "LAB-MP")));
        new PayerCallbacks().send(port, "{\"event\":\"payment\",\"payment\":{\"id\":\"" + Fixtures.unique("ACME-TRF") + "\",\"date\":\""
                + LocalDate.now(ZoneId.of("Africa/Lagos")) + "\",\"amount\":2000,\"claims\":[{\"ref\":\"" + paid.get("claimNumber").asText()
                + "\",\"billed\":2000,\"paid\":2000,\"status\":\"PAID\"}]}}");

        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        browser.click("Money owed");
        browser.waitForUrl("/billing/receivables");
        assertThat(browser.heading()).isEqualTo("Money owed");
        String acme = fixtures.payer("acme-hmo").getName();
        assertThat(browser.text(By.id("aging"))).contains(acme, "₦5,000.00");
        assertThat(browser.find(By.id("aging-chart")).getAttribute("aria-label")).contains("the table below has the same numbers");
        assertThat(browser.text(By.id("performance"))).contains("100%", "(1 of 1)");

        browser.click(acme);
        browser.waitForUrl("/billing/receivables/acme-hmo");
        assertThat(browser.text(By.id("statement"))).contains(unpaid.get("claimNumber").asText(), paid.get("claimNumber").asText(),
                "Approved, paid", "Total (2 claims)", "₦7,000.00");

        Path downloads = Files.createTempDirectory("hub-statement-");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.click("Download PDF");
        Path pdf = await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElse(null);
            }
        }, p -> p != null);
        String text = ReceivablesTests.textOf(Files.readAllBytes(pdf));
        assertThat(text).contains("Statement of account", practice.provider().getName(), acme, "Outstanding: ₦5,000.00");
        browser.signOut();
    }
}
