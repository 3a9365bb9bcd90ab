package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.Fixtures.Practice;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Pages used with the keyboard alone, and each role's pages that no other browser test opens (every page a browser
 * test opens passes the axe-core check of support/Accessibility, so these are checked by being opened).
 */
class AccessibilityBrowserTests extends BrowserTest {

    /** More than any page's links and fields before the one a test wants. */
    private static final int MOST_TABS = 80;

    @Test
    void a_practice_signs_in_opens_a_claim_submits_it_and_opens_its_notices_with_the_keyboard_alone() {
        Practice practice = fixtures.practice();
        Api billing = as(practice.billing());
        JsonNode claim = draft(billing, visit(billing, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        String number = claim.get("claimNumber").asText();

        browser.driver().manage().deleteAllCookies();
        browser.open("/sign-in");
        WebElement skip = tabTo(By.cssSelector("a.skip"));
        assertThat(skip.getLocation().getX()).as("the skip link shows when focused").isNotNegative();
        tabTo(By.id("username"));
        press(practice.billing());
        press(Keys.TAB);
        press(Fixtures.PASSWORD);
        press(Keys.ENTER);
        browser.waitFor(By.cssSelector("form.sign-out"));
        assertThat(browser.heading()).isEqualTo("Claims");

        tabTo(By.linkText(number));
        press(Keys.ENTER);
        browser.waitForUrl("/billing/claims/" + claim.get("id").asLong());
        assertThat(browser.heading()).isEqualTo("Claim " + number);

        tabTo(By.id("submit-claim"));
        press(Keys.SPACE);
        browser.waitForText(By.cssSelector(".notice"), "Submitted");

        tabTo(By.id("bell"));
        press(Keys.ENTER);
        browser.waitForUrl("/billing/notifications");
        assertThat(browser.heading()).isEqualTo("Notifications");
        tabTo(By.xpath("//button[normalize-space()='Sign out']"));
        press(Keys.ENTER);
        browser.waitFor(By.id("username"));
    }

    @Test
    void each_roles_pages_that_no_other_browser_test_opens_pass_the_accessibility_check() {
        Practice practice = fixtures.practice();
        visit(practice.owner(), Map.of("/people/api-tokens", "API tokens", "/audit", "Audit log"));
        visit(fixtures.hmoAdmin("acme-hmo"), Map.of("/hmo/clients", "Clients", "/hmo/credentials", "Generate credentials",
                "/hmo/receivables", "Money owed", "/hmo/notifications", "Notifications"));
        visit(fixtures.operator(), Map.of("/operator/quarantine", "Quarantined files", "/operator/exceptions", "Exceptions",
                "/operator/notifications", "Notifications"));
        visit(fixtures.platformAdmin(), Map.of("/admin", "Organisations", "/admin/notifications", "Notifications"));
        ClientSetup client = fixtures.client("acme-hmo");
        visit(client.user(), Map.of("/client/register", "Register a new principal", "/client/notifications", "Notifications"));
    }

    /** Signs in as the user and opens each page, which must show its heading (not an error page). */
    private void visit(String user, Map<String, String> headingsByPage) {
        browser.signIn(user, Fixtures.PASSWORD);
        headingsByPage.forEach((page, heading) -> {
            browser.open(page);
            assertThat(browser.all(By.tagName("h1"))).as(page + " shown as " + browser.driver().getCurrentUrl())
                    .extracting(WebElement::getText).containsExactly(heading);
        });
        browser.signOut();
    }

    private void press(CharSequence keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab until the element has the focus, which it must show; fails if the Tab key never reaches it. */
    private WebElement tabTo(By target) {
        // Present, not necessarily visible: the skip link shows only once focused.
        WebElement wanted = browser.driver().findElement(target);
        for (int i = 0; i < MOST_TABS; i++) {
            press(Keys.TAB);
            WebElement focused = browser.driver().switchTo().activeElement();
            if (focused.equals(wanted)) {
                String outline = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                        "const s = getComputedStyle(arguments[0]); return s.outlineStyle + ' ' + s.outlineWidth", focused);
                assertThat(outline).as("the focus ring of " + target).isEqualTo("solid 3px");
                return focused;
            }
        }
        return fail(target + " is not reached with the Tab key in " + MOST_TABS + " presses on " + browser.driver().getCurrentUrl());
    }
}
