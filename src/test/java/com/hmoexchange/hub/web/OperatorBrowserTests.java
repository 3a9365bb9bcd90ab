package com.hmoexchange.hub.web;

import static com.hmoexchange.hub.support.PayerSandboxes.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.security.AppUser;
import com.hmoexchange.hub.security.AppUserRepository;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Browser;
import com.hmoexchange.hub.support.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The operators' pages in a real browser: find a claim's messages, replay its dead letter. */
class OperatorBrowserTests extends ApiTest {

    private static Browser browser;

    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = new Browser(port);
        }
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void an_operator_finds_the_failed_attempts_of_a_claim_and_replays_its_dead_letter() {
        Api billing = as(fixtures.practice().billing());
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        String number = claim.get("claimNumber").asText();
        HTTP.script(number, 503, 503, 503, 503);
        assertThat(billing.post(claimPath(claim) + "/submit", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> billing.get(claimPath(claim)).json()
                .at("/delivery/status").asText().equals("DEAD_LETTERED"));
        String operator = Fixtures.unique("ops");
        users.save(AppUser.operator(operator, encoder.encode(Fixtures.PASSWORD)));

        browser.signIn(operator, Fixtures.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Messages");
        browser.type("claimNumber", number);
        browser.click("Search");
        browser.waitForUrl("claimNumber=" + number);
        browser.waitForText(By.id("messages"), "DEAD_LETTERED");
        assertThat(browser.text(By.id("messages"))).contains("FAILED");
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
}
