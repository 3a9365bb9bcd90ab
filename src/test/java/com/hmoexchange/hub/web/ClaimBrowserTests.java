package com.hmoexchange.hub.web;

import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The billing desk's pages in a real browser: a new claim to Harmony Care, from draft to partly paid. */
class ClaimBrowserTests extends BrowserTest {


    @Test
    void new_claim_blocked_for_a_missing_referral_letter_then_attached_submitted_answered_and_paid() throws Exception {
        Practice practice = fixtures.practice();
        Api api = as(practice.billing());
        Enrollee patient = fixtures.enrollee("harmony-care");
        JsonNode visit = visit(api, patient, "CONS-GP", "LAB-MP");
        List<Long> services = serviceIds(visit);

        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Claims");
        browser.click("New claim");
        browser.type("patient", patient.getEnrolleeNumber());
        browser.click("Find");
        browser.waitForUrl("patient=");
        String card = "#visit-" + visit.get("id").asLong();
        assertThat(browser.text(By.cssSelector(card))).contains("CONS-GP").contains("5,000.00").contains("2,000.00");
        browser.find(By.id("service-" + services.get(0))).click();
        browser.find(By.id("service-" + services.get(1))).click();
        browser.type("price-" + services.get(1), "2500");
        browser.type("diagnoses-" + visit.get("id").asLong(), "B54");
        browser.screenshot("billing-new-claim");
        // The claim form's own button: the card's first form is Check cover (eligibility).
        browser.find(By.cssSelector(card + " form.form button[type=submit]")).click();
        // A price other than the tariff's needs its reason: said beside the field, what was typed kept.
        assertThat(browser.text(By.id("reason-" + services.get(1) + "-error"))).contains("needs a reason");
        assertThat(browser.find(By.id("price-" + services.get(1))).getAttribute("value")).isEqualTo("2500");
        assertThat(browser.find(By.id("service-" + services.get(1))).isSelected()).isTrue();
        browser.type("reason-" + services.get(1), "Rapid test kit");
        browser.find(By.cssSelector(card + " form.form button[type=submit]")).click();

        browser.waitForText(By.cssSelector(".notice"), "saved");
        assertThat(browser.text(By.id("claim-status"))).isEqualTo("Draft");
        assertThat(browser.text(By.id("lines"))).contains("Rapid test kit").contains("2,500.00");
        assertThat(browser.text(By.id("missing-attachments"))).contains("Referral letter");
        String claimPage = browser.driver().getCurrentUrl();
        String number = browser.heading().replace("Claim ", "");

        browser.click("Submit claim");
        browser.waitFor(By.id("attachments-error"));
        assertThat(browser.text(By.id("attachments-error"))).contains("REFERRAL_LETTER");
        assertThat(browser.text(By.id("claim-status"))).isEqualTo("Draft");
        browser.screenshot("billing-claim-blocked");

        Path letter = Files.createTempFile("referral-", ".pdf");
        Files.write(letter, "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII));
        browser.choose("attachmentType", "Referral letter");
        browser.find(By.id("attachmentFile")).sendKeys(letter.toString());
        browser.click("Attach");
        browser.waitForText(By.cssSelector(".notice"), "Attached");
        assertThat(browser.text(By.id("attachments"))).contains(letter.getFileName().toString());
        assertThat(browser.all(By.id("missing-attachments"))).isEmpty();
        browser.click("Submit claim");
        browser.waitForText(By.cssSelector(".notice"), "Submitted");
        assertThat(browser.text(By.id("claim-status"))).isIn("Submitted", "Received by the payer");
        Files.deleteIfExists(letter);

        // Harmony's answer: line 2 approved at 1,000 of its 2,500, with the reason.
        await().atMost(Duration.ofSeconds(30)).until(() -> reloaded(claimPage, "delivery").contains("Delivered"));
        SFTP.drop(Fixtures.unique("status") + ".csv", "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n"
                + number + ",HCI-7,PART_APPROVED,2,1,1000.00,T12,Malaria test paid at part\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> reloaded(claimPage, "claim-status").equals("Partly approved"));
        assertThat(browser.text(By.id("decision-reasons"))).contains("Malaria test paid at part");
        assertThat(browser.text(By.id("line-2"))).contains("1,000.00").contains("T12: Malaria test paid at part");
        assertThat(browser.text(By.id("balance-patient-share"))).contains("1,500.00");
        assertThat(browser.text(By.id("history"))).contains("Partly approved");

        // The bell counts the notice of the partial approval; opening the notice opens the claim.
        browser.waitFor(By.id("unread-count"));
        browser.find(By.id("bell")).click();
        browser.waitForUrl("/billing/notifications");
        assertThat(browser.text(By.id("notifications"))).contains(number).contains("unread");
        browser.screenshot("billing-notifications");
        browser.find(By.cssSelector("button[aria-label='Open " + number + "']")).click();
        browser.waitForUrl(claimPage);
        assertThat(browser.heading()).isEqualTo("Claim " + number);

        // A payment recorded by hand, then part of the patient's share written off; a wrong amount is said beside its field.
        browser.type("paymentReference", "HCI-TRF-" + number);
        browser.type("paymentAmount", "6000");
        browser.click("Record payment");
        browser.waitForText(By.cssSelector(".notice"), "recorded");
        assertThat(browser.text(By.id("balance-paid"))).contains("6,000.00");
        assertThat(browser.text(By.id("payments"))).as("the day paid in words").containsPattern("\\b\\d{1,2} [A-Z][a-z]{2,3} \\d{4}\\b")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(browser.text(By.id("payment-status"))).isEqualTo("Paid");
        browser.type("writeOffAmount", "99999");
        browser.type("writeOffReason", "Loyal patient");
        browser.click("Write off");
        assertThat(browser.text(By.id("writeOffAmount-error"))).contains("patient's share");
        assertThat(browser.find(By.id("writeOffReason")).getAttribute("value")).isEqualTo("Loyal patient");
        browser.type("writeOffAmount", "500");
        browser.click("Write off");
        browser.waitForText(By.cssSelector(".notice"), "Written off");
        assertThat(browser.text(By.id("balance-written-off"))).contains("500.00").contains("Loyal patient");
        assertThat(browser.text(By.id("balance-outstanding"))).contains("1,000.00");
        browser.screenshot("billing-claim");

        browser.click("Claims");
        browser.waitForUrl("/billing/claims");
        assertThat(browser.text(By.id("claims"))).contains(number).contains("Partly approved");
        browser.screenshot("billing-claims");
        browser.signOut();
    }

    @Test
    void a_rejected_claim_shows_the_payers_reason_and_is_resubmitted_as_a_corrected_draft() {
        Practice practice = fixtures.practice();
        Api api = as(practice.billing());
        JsonNode claim = draft(api, visit(api, fixtures.enrollee("harmony-care"), "CONS-GP"));
        api.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "type", "REFERRAL_LETTER");
        String number = submitAndAwaitDelivery(api, claim).get("claimNumber").asText();
        SFTP.drop(Fixtures.unique("status") + ".csv", "CLAIM_REF,HCI_REF,STATUS,LINE_NO,APPROVED_QTY,APPROVED_AMOUNT,REASON_CODE,REASON\n"
                + number + ",HCI-8,DECLINED,,,,R07,No referral letter on file\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get(claimPath(claim)).json().get("status").asText().equals("REJECTED"));

        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        browser.choose("status", "Rejected");
        browser.click("Filter");
        browser.waitForUrl("status=REJECTED");
        browser.click(number);
        assertThat(browser.text(By.id("claim-status"))).isEqualTo("Rejected");
        assertThat(browser.text(By.id("decision-reasons"))).isEqualTo("R07: No referral letter on file");
        browser.type("resubmissionProviderReference", "FIX-" + number);
        browser.click("Start corrected copy");
        browser.waitForText(By.cssSelector(".notice"), "corrected copy");
        assertThat(browser.text(By.id("claim-status"))).isEqualTo("Draft");
        assertThat(browser.mainText()).contains("Corrects").contains(number).contains("FIX-" + number);
        browser.signOut();
    }

    @Test
    void drafts_ticked_on_the_list_are_submitted_together_and_a_refused_one_says_why() {
        Practice practice = fixtures.practice();
        Api api = as(practice.billing());
        JsonNode ready = draft(api, visit(api, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        JsonNode noReferral = draft(api, visit(api, fixtures.enrollee("harmony-care"), "LAB-MP"));

        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        browser.find(By.id("select-" + ready.get("id").asLong())).click();
        assertThat(browser.find(By.id("select-all")).getDomProperty("indeterminate")).as("some ticked").isEqualTo("true");
        browser.find(By.id("select-all")).click();
        assertThat(browser.find(By.id("select-" + ready.get("id").asLong())).isSelected()).isTrue();
        assertThat(browser.find(By.id("select-" + noReferral.get("id").asLong())).isSelected()).isTrue();
        browser.find(By.id("select-all")).click();
        assertThat(browser.find(By.id("select-" + noReferral.get("id").asLong())).isSelected()).as("cleared").isFalse();
        browser.find(By.id("select-all")).click();
        browser.click("Submit selected");

        browser.waitForText(By.cssSelector(".notice"), "1 claim submitted; 1 not submitted");
        assertThat(browser.text(By.id("refusals"))).contains(noReferral.get("claimNumber").asText())
                .contains("REFERRAL_LETTER");
        browser.screenshot("billing-submit-selected");
        assertThat(browser.all(By.id("select-" + ready.get("id").asLong()))).as("no longer a draft").isEmpty();
        assertThat(browser.all(By.id("select-" + noReferral.get("id").asLong()))).hasSize(1);
        browser.click("Open " + noReferral.get("claimNumber").asText());
        assertThat(browser.text(By.id("claim-status"))).isEqualTo("Draft");
        browser.signOut();
    }

    @Test
    void a_billing_user_of_another_practice_gets_not_found_for_the_claim() {
        Practice theirs = fixtures.practice();
        JsonNode claim = draft(as(theirs.billing()), visit(as(theirs.billing()), fixtures.enrollee("acme-hmo"), "CONS-GP"));
        Practice mine = fixtures.practice();

        browser.signIn(mine.billing(), Fixtures.PASSWORD);
        browser.open("/billing/claims/" + claim.get("id").asLong());
        assertThat(browser.heading()).isEqualTo("Not found");
        assertThat(browser.mainText()).doesNotContain(claim.get("claimNumber").asText());
        browser.signOut();
    }

    private String reloaded(String page, String id) {
        browser.driver().get(page);
        return browser.text(By.id(id));
    }
}
