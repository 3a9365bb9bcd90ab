package com.hmoexchange.hub.preauth;

import static com.hmoexchange.hub.preauth.PreAuthTestParts.ask;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.body;
import static com.hmoexchange.hub.preauth.PreAuthTestParts.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.providers.ProviderRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.web.Display;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both sides of a pre-authorisation in headless Chromium: Acme's authorisation desk (the queue by time left, approve,
 * approve in part, decline with a reason, ask for more) and the practice's pages (a new request, the time left, the
 * HMO's question answered, the code seen).
 */
class PreAuthBrowserTests extends BrowserTest {

    @Autowired
    ProviderRepository providers;

    private String ask2(Api billing, Enrollee member) {
        return ask(billing, body(member, "ROUTINE", service("SURG-APP", 1, "250000.00"), service("DRUG-ACT", 2, "4500.00")))
                .get("reference").asText();
    }

    private void openFromQueue(String ref) {
        browser.open("/hmo/preauthorisations");
        browser.find(By.linkText(ref)).click();
        browser.waitForText(By.tagName("h1"), ref);
    }

    @Test
    void the_hmo_desk_lists_the_queue_by_time_left_and_approves_approves_in_part_declines_and_asks() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Api billing = as(practice.billing());
        Enrollee member = fixtures.enrollee("acme-hmo");
        String first = ask2(billing, member);
        String second = ask2(billing, member);
        String third = ask2(billing, member);
        String fourth = ask2(billing, member);

        browser.signIn(fixtures.hmoAdmin("acme-hmo"), Fixtures.PASSWORD);
        browser.click("Pre-authorisations");
        browser.waitForText(By.tagName("h1"), "Authorisation desk");
        List<String> queue = browser.all(By.cssSelector("#preauth-queue tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(queue).containsSubsequence(first, second, third, fourth);
        WebElement firstRow = browser.find(By.xpath("//table[@id='preauth-queue']//tr[td/a[text()='" + first + "']]"));
        assertThat(firstRow.getText()).containsPattern("(5[89] min|1 h 00 min)");
        assertThat(browser.text(By.id("preauth-measures"))).contains("Waiting now");

        openFromQueue(first);
        browser.type("code", "ACME-" + first);
        browser.find(By.id("approve")).click();
        browser.waitForText(By.cssSelector(".notice"), "approved under code ACME-" + first);
        assertThat(browser.text(By.id("preauth-status"))).isEqualTo("APPROVED");

        openFromQueue(second);
        browser.type("code", "ACME-" + second);
        browser.type("quantity2", "5");
        browser.find(By.id("approve")).click();
        browser.waitForText(By.cssSelector(".field-error"), "approve between 0 and 2");
        assertThat(browser.text(By.id("preauth-status"))).as("nothing applied").isEqualTo("REQUESTED");
        browser.type("quantity2", "1");
        browser.type("amount2", "4500.00");
        browser.find(By.id("approve")).click();
        browser.waitForText(By.cssSelector(".notice"), "approved in part under code ACME-" + second);
        assertThat(browser.text(By.id("preauth-services"))).contains("4500.00");

        openFromQueue(third);
        browser.type("reason", "The plan covers this only after a specialist referral");
        browser.find(By.id("decline")).click();
        browser.waitForText(By.cssSelector(".notice"), "declined");
        assertThat(browser.text(By.id("decision-reason"))).isEqualTo("The plan covers this only after a specialist referral");

        openFromQueue(fourth);
        browser.type("question", "Send the ultrasound report");
        browser.find(By.id("ask")).click();
        browser.waitForText(By.cssSelector(".notice"), "Question sent");
        assertThat(browser.text(By.id("time-left"))).contains("clock stopped");
        browser.screenshot("hmo-preauthorisation-asked");

        browser.open("/hmo/preauthorisations");
        assertThat(browser.text(By.id("preauth-queue"))).doesNotContain(first).doesNotContain(second).doesNotContain(third)
                .contains(fourth);
        assertThat(browser.text(By.id("preauth-decided"))).contains(first, second, third);
        assertThat(billing.get("/api/preauthorisations/" + second).json().get("status").asText()).isEqualTo("PARTLY_APPROVED");
        assertThat(billing.get("/api/preauthorisations/" + fourth).json().get("question").asText()).isEqualTo("Send the ultrasound report");
        browser.signOut();
    }

    @Test
    void the_practice_asks_for_a_code_sees_the_time_left_answers_the_hmo_and_sees_the_code() {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Enrollee member = fixtures.enrollee("acme-hmo");

        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        browser.click("Pre-authorisations");
        browser.type("enrolleeNumber", "NOBODY-42");
        browser.type("code0", "SURG-APP");
        browser.type("description0", "Appendicectomy");
        browser.type("price0", "250000.00");
        browser.type("diagnoses", "K35.8");
        browser.find(By.id("send-request")).click();
        browser.waitForText(By.cssSelector(".field-error"), "NOBODY-42");
        assertThat(browser.text(By.id("preauth-requests"))).contains("No requests yet");

        browser.type("enrolleeNumber", member.getEnrolleeNumber());
        browser.choose("urgency", "URGENT");
        browser.find(By.id("send-request")).click();
        browser.waitForText(By.cssSelector(".notice"), "sent to");
        String ref = browser.text(By.cssSelector("h1 span"));
        assertThat(browser.text(By.id("preauth-status"))).isEqualTo("REQUESTED");
        assertThat(browser.text(By.id("time-left"))).containsPattern("(5[89] min|1 h 00 min)");
        browser.screenshot("billing-preauthorisation-requested");

        Api desk = as(fixtures.hmoAdmin("acme-hmo"));
        assertThat(desk.post("/api/hmo/preauthorisations/" + ref + "/ask", Map.of("question", "Send the scan report")).status())
                .isEqualTo(200);
        browser.driver().navigate().refresh();
        assertThat(browser.text(By.id("question"))).isEqualTo("Send the scan report");
        browser.type("answer", "Inflamed appendix on ultrasound");
        browser.find(By.id("send-answer")).click();
        browser.waitForText(By.cssSelector(".notice"), "Answer sent");
        assertThat(browser.text(By.id("preauth-status"))).isEqualTo("REQUESTED");

        JsonNode approved = desk.post("/api/hmo/preauthorisations/" + ref + "/approve", Map.of("code", "ACME-" + ref,
                "validFrom", LocalDate.now().toString(), "validUntil", LocalDate.now().plusDays(14).toString())).json();
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        browser.driver().navigate().refresh();
        assertThat(browser.text(By.id("preauth-code"))).isEqualTo("ACME-" + ref);
        assertThat(browser.text(By.id("preauth-valid")))
                .isEqualTo(Display.dayOf(LocalDate.now()) + " to " + Display.dayOf(LocalDate.now().plusDays(14)));
        assertThat(browser.all(By.id("time-left"))).as("decided: no clock").isEmpty();
        browser.open("/billing/preauthorisations");
        assertThat(browser.text(By.id("preauth-requests"))).contains(ref).contains("ACME-" + ref);

        browser.open("/billing/notifications");
        browser.find(By.cssSelector("button[aria-label='Open " + ref + "']")).click();
        browser.waitForUrl("/billing/preauthorisations/" + ref);
        assertThat(browser.text(By.id("preauth-code"))).as("the notice opens the request's page").isEqualTo("ACME-" + ref);
        browser.signOut();
    }

    @Test
    void the_practice_attaches_files_to_its_request_and_its_answer_and_the_desk_opens_them() throws Exception {
        Practice practice = PreAuthTestParts.practice(fixtures, providers);
        Enrollee member = fixtures.enrollee("acme-hmo");
        java.nio.file.Path notes = java.nio.file.Files.createTempFile("notes-", ".pdf");
        java.nio.file.Files.writeString(notes, "plain text pretending to be a PDF");
        java.nio.file.Path referral = java.nio.file.Files.createTempFile("referral-", ".pdf");
        java.nio.file.Files.write(referral, PreAuthAttachmentTests.PDF);
        java.nio.file.Path scan = java.nio.file.Files.createTempFile("scan-", ".png");
        java.nio.file.Files.write(scan, PreAuthAttachmentTests.PNG);

        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        browser.click("Pre-authorisations");
        browser.type("enrolleeNumber", member.getEnrolleeNumber());
        browser.type("code0", "SURG-APP");
        browser.type("description0", "Appendicectomy");
        browser.type("price0", "250000.00");
        browser.type("diagnoses", "K35.8");
        browser.find(By.id("files")).sendKeys(notes.toString());
        browser.find(By.id("send-request")).click();
        browser.waitForText(By.cssSelector(".field-error"), "Only PDF, JPEG and PNG files are accepted");
        assertThat(browser.text(By.id("files-error"))).contains(notes.getFileName().toString());
        assertThat(browser.text(By.id("preauth-requests"))).as("nothing kept").contains("No requests yet");

        browser.find(By.id("files")).sendKeys(referral.toString());
        browser.find(By.id("send-request")).click();
        browser.waitForText(By.cssSelector(".notice"), "sent to");
        String ref = browser.text(By.cssSelector("h1 span"));
        assertThat(browser.text(By.id("preauth-files"))).contains(referral.getFileName().toString()).contains("with the request");

        Api desk = as(fixtures.hmoAdmin("acme-hmo"));
        assertThat(desk.post("/api/hmo/preauthorisations/" + ref + "/ask", Map.of("question", "Send the scan")).status())
                .isEqualTo(200);
        browser.driver().navigate().refresh();
        browser.type("answer", "Scan attached");
        browser.find(By.id("files")).sendKeys(scan.toString());
        browser.find(By.id("send-answer")).click();
        browser.waitForText(By.cssSelector(".notice"), "Answer sent");
        assertThat(browser.text(By.id("preauth-files"))).contains(scan.getFileName().toString()).contains("with the answer");
        browser.screenshot("billing-preauthorisation-files");
        browser.signOut();

        browser.signIn(fixtures.hmoAdmin("acme-hmo"), Fixtures.PASSWORD);
        openFromQueue(ref);
        assertThat(browser.text(By.id("preauth-files"))).contains(referral.getFileName().toString())
                .contains(scan.getFileName().toString());
        WebElement link = browser.find(By.linkText(referral.getFileName().toString()));
        assertThat(link.getAttribute("href")).contains("/hmo/preauthorisations/" + ref + "/attachments/");
        Object fetched = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
                        + " + r.headers.get('content-type') + ' ' + b.byteLength)));", link.getAttribute("href"));
        assertThat(fetched).as("the desk opens the practice's file").isEqualTo("200 application/pdf "
                + PreAuthAttachmentTests.PDF.length);
        browser.screenshot("hmo-preauthorisation-files");
        browser.signOut();
        java.nio.file.Files.deleteIfExists(notes);
        java.nio.file.Files.deleteIfExists(referral);
        java.nio.file.Files.deleteIfExists(scan);
    }
}
