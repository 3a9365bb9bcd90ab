package com.hmoexchange.hub.web;

import static com.hmoexchange.hub.support.PayerSandboxes.HTTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The operators' dashboard in a real browser: a payer whose sends fail shows as failing, and up again once one works. */
class DashboardBrowserTests extends BrowserTest {


    @Test
    void an_operator_sees_a_failing_payer_on_the_dashboard_and_sees_it_up_once_a_send_works() {
        Api billing = as(fixtures.practice().billing());
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        HTTP.script(claim.get("claimNumber").asText(), 503, 503, 503, 503);
        assertThat(billing.post(claimPath(claim) + "/submit", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> billing.get(claimPath(claim)).json()
                .at("/delivery/status").asText().equals("DEAD_LETTERED"));
        String operator = fixtures.operator();

        browser.signIn(operator, Fixtures.PASSWORD);
        browser.click("Dashboard");
        browser.waitForUrl("/operator/dashboard");
        assertThat(browser.heading()).isEqualTo("Dashboard");
        By acme = By.id("tile-acme-hmo");
        assertThat(browser.text(acme)).contains("Acme Health HMO", "http", "FAILING", "Sends (24 h)", "Error rate");
        assertThat(browser.find(acme).getAttribute("class")).contains("state-FAILING");
        assertThat(browser.all(By.cssSelector("#tile-acme-hmo svg.chart rect.bad"))).hasSize(24);
        assertThat(browser.all(By.cssSelector(".tile"))).hasSizeGreaterThanOrEqualTo(4);
        browser.screenshot("operator-dashboard");

        submitAndAwaitDelivery(billing, draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP")));
        browser.open("/operator/dashboard");
        assertThat(browser.text(acme)).contains("UP").doesNotContain("never");
        browser.signOut();
    }
}
