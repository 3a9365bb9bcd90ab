package com.hmoexchange.hub.mailintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.TestMail;
import jakarta.mail.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The operators' Held mails page in Chromium: a held answer is found from the nav, read, and accepted or rejected. */
class HeldMailBrowserTests extends BrowserTest {

    @Test
    void an_operator_reads_why_a_mail_was_held_accepts_one_and_rejects_another() throws Exception {
        Api billing = as(fixtures.practice().billing());
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("crestline-health"), "CONS-GP", "LAB-MP"));
        String number = submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();
        String accepted = "Answer " + Fixtures.unique("accept");
        String rejected = "Answer " + Fixtures.unique("reject");
        Transport.send(answer(accepted, number));
        Transport.send(answer(rejected, number));

        browser.signIn(fixtures.operator(), Fixtures.PASSWORD);
        browser.click("Held mails");
        await().atMost(Duration.ofSeconds(30)).until(() -> reloaded().contains(accepted) && reloaded().contains(rejected));
        browser.screenshot("operator-held-mails");
        browser.find(By.partialLinkText(accepted)).click();
        assertThat(browser.text(By.id("problems"))).contains("No authentication result from the hub's mail server mx.hub.test");
        assertThat(browser.text(By.id("content"))).contains(accepted);
        browser.click("Accept…");
        browser.screenshot("operator-held-mail-accept");
        browser.click("Yes, accept and apply");
        browser.waitForText(By.cssSelector(".notice"), "accepted and applied");
        assertThat(browser.text(By.id("status"))).isEqualTo("Accepted");
        assertThat(billing.get(claimPath(claim)).json().get("status").asText()).isEqualTo("PARTIAL");

        browser.click("Held mails");
        browser.find(By.partialLinkText(rejected)).click();
        browser.click("Reject…");
        browser.type("reason", "Crestline did not send it");
        browser.click("Yes, reject");
        browser.waitForText(By.cssSelector(".notice"), "rejected: nothing of it was applied");
        assertThat(browser.text(By.id("decision"))).contains("Crestline did not send it");
        browser.click("Held mails");
        assertThat(browser.text(By.id("held-mails"))).doesNotContain(accepted).doesNotContain(rejected);
        browser.signOut();
    }

    private static String reloaded() {
        browser.driver().navigate().refresh();
        return browser.text(By.id("held-mails"));
    }

    /** Crestline's answer without the hub's mail server's authentication result: it is held. */
    private static jakarta.mail.internet.MimeMessage answer(String subject, String claimNumber) throws Exception {
        String response = """
                {"resourceType": "ClaimResponse", "status": "active", "use": "claim", "outcome": "complete",
                 "request": {"identifier": {"system": "urn:hmo-hub:claim-number", "value": "%s"}},
                 "item": [{"itemSequence": 2, "adjudication": [{"category": {"coding": [{"code": "benefit"}]},
                   "amount": {"value": 0, "currency": "NGN"}}]}]}
                """.formatted(claimNumber);
        return TestMail.mail("adjudication@crestline.test", PayerSandboxes.CRESTLINE_ANSWERS, subject, "claim-response.fhir.json",
                "application/fhir+json", response);
    }
}
