package com.hmoexchange.hub.web;

import static com.hmoexchange.hub.support.PayerSandboxes.HTTP;
import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The operators' pages in a real browser: find a claim's messages, replay its dead letter. */
class OperatorBrowserTests extends BrowserTest {



    @Test
    void an_operator_finds_the_failed_attempts_of_a_claim_and_replays_its_dead_letter() {
        Api billing = as(fixtures.practice().billing());
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        String number = claim.get("claimNumber").asText();
        HTTP.script(number, 503, 503, 503, 503);
        assertThat(billing.post(claimPath(claim) + "/submit", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> billing.get(claimPath(claim)).json()
                .at("/delivery/status").asText().equals("DEAD_LETTERED"));
        String operator = fixtures.operator();

        browser.signIn(operator, Fixtures.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Messages");
        browser.type("claimNumber", number);
        browser.click("Search");
        browser.waitForUrl("claimNumber=" + number);
        browser.waitForText(By.id("messages"), "Dead lettered");
        assertThat(browser.text(By.id("messages"))).contains("Failed");
        browser.screenshot("operator-messages");
        browser.find(By.cssSelector("#messages tbody a")).click();
        assertThat(browser.text(By.id("payload"))).contains(number);

        browser.click("Dead letters");
        browser.waitForUrl("/operator/dead-letters");
        browser.find(By.cssSelector("a[aria-label='Replay " + number + "']")).click();
        browser.screenshot("operator-dead-letters");
        browser.click("Yes, replay");
        browser.waitForText(By.cssSelector(".notice"), "1 message(s) put back on the outbound queue for " + number);
        await().atMost(Duration.ofSeconds(30)).until(() -> billing.get(claimPath(claim)).json()
                .at("/delivery/status").asText().equals("DELIVERED"));
        assertThat(HTTP.accepted(number)).hasSize(1);

        browser.type("claimNumber", "CLM-99999999");
        browser.click("Send again");
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.find(By.id("claimNumber")).getAttribute("value")).isEqualTo("CLM-99999999");
        browser.signOut();
    }

    @Test
    void an_operator_dismisses_a_quarantined_file_and_matches_a_payment_exception_which_another_hmo_cannot_see() {
        Api billing = as(fixtures.practice().billing());
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("harmony-care"), "CONS-GP"));
        billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                "%PDF-1.7\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "type", "REFERRAL_LETTER");
        String number = submitAndAwaitDelivery(billing, claim).get("claimNumber").asText();
        String bad = Fixtures.unique("bad") + ".csv";
        SFTP.drop(bad, "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n"
                + number + ",HCI-9,APPROVED,1,1,12x,,\n");
        String stray = Fixtures.unique("CLM-TYPO");
        SFTP.drop(Fixtures.unique("remit") + ".csv", "PAYMENT_REF,PAYMENT_DATE,PAYMENT_TOTAL,CLAIM_REF,BILLED,PAID,REASON_CODE,REASON\n"
                + Fixtures.unique("HCI-PAY") + ",2026-11-21,5000.00," + stray + ",5000.00,5000.00,,\n");
        String operator = fixtures.operator();

        browser.signIn(operator, Fixtures.PASSWORD);
        browser.click("Quarantined files");
        await().atMost(Duration.ofSeconds(30)).until(() -> reloaded("quarantine").contains(bad));
        browser.screenshot("operator-quarantine");
        browser.click(bad);
        assertThat(browser.text(By.id("problem"))).contains("12x");
        assertThat(browser.text(By.id("payload"))).contains(number);
        browser.click("Dismiss…");
        browser.screenshot("operator-quarantined-file");
        browser.click("Yes, dismiss");
        browser.waitForText(By.cssSelector(".notice"), bad + " dismissed");
        assertThat(browser.text(By.id("quarantine"))).doesNotContain(bad);

        browser.click("Exceptions");
        await().atMost(Duration.ofSeconds(30)).until(() -> reloaded("exceptions").contains(stray));
        browser.screenshot("operator-exceptions");
        browser.find(By.xpath("//tr[td[normalize-space()='" + stray + "']]//a")).click();
        String exceptionPage = browser.driver().getCurrentUrl();
        assertThat(browser.text(By.id("exception-status"))).isEqualTo("Open");
        browser.click("Match to a claim…");
        browser.type("claimNumber", "");
        browser.click("Yes, match to this claim");
        assertThat(browser.text(By.id("claimNumber-error"))).contains("claim number");
        browser.type("claimNumber", number);
        browser.type("note", "Typo in Harmony's remittance");
        browser.screenshot("operator-exception-match");
        browser.click("Yes, match to this claim");
        browser.waitForText(By.cssSelector(".notice"), "Matched to " + number);
        assertThat(browser.text(By.id("exception-status"))).isEqualTo("Matched");
        assertThat(billing.get(claimPath(claim)).json().get("paymentStatus").asText()).isEqualTo("PAID");
        browser.signOut();

        // An HMO admin sees their own payer's exceptions only: another payer's is not found.
        browser.signIn(fixtures.hmoAdmin("acme-hmo"), Fixtures.PASSWORD);
        browser.driver().get(exceptionPage);
        assertThat(browser.heading()).isEqualTo("Not found");
        browser.signOut();
        browser.signIn(fixtures.hmoAdmin("harmony-care"), Fixtures.PASSWORD);
        browser.click("Exceptions");
        browser.choose("status", "Any");
        browser.click("Filter");
        browser.waitForText(By.id("exceptions"), stray);
        browser.signOut();
    }

    private String reloaded(String id) {
        browser.driver().navigate().refresh();
        return browser.text(By.id(id));
    }
}
