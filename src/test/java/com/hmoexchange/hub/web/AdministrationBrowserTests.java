package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.organisations.Organisations;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.TestMail;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The administration and people pages in a real browser (issue 14, items 2 and 3). */
class AdministrationBrowserTests extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/set-password\\?token=[A-Za-z0-9_-]+)");
    private static final String PASSWORD = "amber-window-falcon-93";

    /** AdminPages lists this many practices at once. */
    private static final int SHOWN = 50;

    @Autowired
    Organisations organisations;

    @Test
    void the_platform_admin_records_a_practice_and_its_contract_and_the_invited_owner_cannot_disable_themselves() {
        String admin = fixtures.platformAdmin();
        String code = Fixtures.unique("practice").toLowerCase();
        String owner = Fixtures.unique("owner").toLowerCase() + "@practice.example";

        browser.signIn(admin, Fixtures.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Organisations");
        browser.type("practiceCode", code);
        browser.type("practiceName", "Practice " + code);
        browser.click("Record practice");
        browser.waitForText(By.cssSelector(".notice"), "Practice Practice " + code + " recorded");
        browser.choose("practiceId", "Practice " + code);
        browser.choose("payerId", fixtures.payer("acme-hmo").getName());
        browser.type("startsOn", "01/01/2026");
        browser.click("Record contract");
        browser.waitForText(By.cssSelector(".notice"), "Contract recorded from 1 Jan 2026.");
        assertThat(browser.text(By.id("contracts"))).contains("Practice " + code, "1 Jan 2026").doesNotContain("2026-01-01");
        browser.find(By.cssSelector("tr[data-practice='" + code + "'] input[name=email]")).sendKeys(owner);
        browser.screenshot("admin-organisations");
        browser.find(By.cssSelector("tr[data-practice='" + code + "'] button.invite")).click();
        browser.waitForText(By.cssSelector(".notice"), "Invitation sent to " + owner + " (Practice owner)");
        browser.signOut();

        Matcher link = LINK.matcher(TestMail.awaitMail(owner, "You are invited to Practice " + code).body());
        assertThat(link.find()).isTrue();
        browser.open(link.group(1));
        browser.type("password", "password1234");
        browser.type("confirm", "password1234");
        browser.click("Set password");
        browser.waitForText(By.cssSelector(".error-summary"), "most common");
        browser.type("password", PASSWORD);
        browser.type("confirm", PASSWORD);
        browser.click("Set password");
        browser.waitForText(By.cssSelector(".notice"), "Your password is set");

        browser.signIn(owner, PASSWORD);
        browser.click("People");
        browser.find(By.cssSelector("tr[data-user='" + owner + "'] button.danger")).click();
        browser.waitForText(By.cssSelector(".error-summary"), "last enabled OWNER");
        browser.screenshot("people-last-owner-refused");
        browser.find(By.cssSelector("a.who")).click();
        assertThat(browser.heading()).isEqualTo("Your account");
        assertThat(browser.text(By.id("previous-sign-in"))).contains("none (this is your first)");
        // The next time, the sign-in before is shown once, in the hub's zone ("2 Dec 2026, 14:05 WAT"), not also called UTC.
        browser.signOut();
        browser.signIn(owner, PASSWORD);
        browser.find(By.cssSelector("a.who")).click();
        assertThat(browser.text(By.id("previous-sign-in"))).containsPattern("\\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d{2}:\\d{2} WAT\\.")
                .doesNotContain("UTC");
    }

    @Test
    void the_practices_are_listed_fifty_at_a_time_and_found_by_name_or_code_with_their_contracts() {
        String admin = fixtures.platformAdmin();
        String prefix = Fixtures.unique("many").toLowerCase();
        for (int i = 0; i < SHOWN + 1; i++) {
            organisations.addPractice(prefix + "-" + (100 + i), "Clinic " + prefix + " " + (100 + i), true);
        }

        browser.signIn(admin, Fixtures.PASSWORD);
        browser.type("practice", prefix);
        browser.click("Find practices");
        browser.waitForUrl("practice=" + prefix);
        assertThat(browser.all(By.cssSelector("#practices tbody tr"))).hasSize(SHOWN);
        assertThat(browser.text(By.id("practices-shown"))).isEqualTo("Showing 50 of 51 practices matching “" + prefix
                + "”. Find one by its name or code.");

        // The last one, by its name; it gets a contract, and the page comes back at it.
        String last = "Clinic " + prefix + " " + (100 + SHOWN);
        browser.open("/admin?practice=" + (prefix + " " + (100 + SHOWN)).replace(" ", "+"));
        assertThat(browser.all(By.cssSelector("#practices tbody tr"))).hasSize(1);
        assertThat(browser.all(By.id("practices-shown"))).isEmpty();
        assertThat(browser.text(By.id("contracts"))).contains("No contracts yet.");
        browser.choose("practiceId", last);
        browser.choose("payerId", fixtures.payer("acme-hmo").getName());
        browser.type("startsOn", "01/01/2026");
        browser.click("Record contract");
        browser.waitForText(By.cssSelector(".notice"), "Contract recorded from 1 Jan 2026.");
        assertThat(browser.driver().getCurrentUrl()).contains("practice=" + prefix + "-" + (100 + SHOWN));
        assertThat(browser.all(By.cssSelector("#practices tbody tr"))).hasSize(1);
        assertThat(browser.all(By.cssSelector("#contracts tbody tr"))).hasSize(1);
        assertThat(browser.text(By.id("contracts"))).contains(last, "1 Jan 2026");

        browser.open("/admin?practice=" + prefix + "-none");
        assertThat(browser.text(By.id("practices-none"))).isEqualTo("No practice's name or code contains “" + prefix + "-none”.");
        assertThat(browser.all(By.cssSelector("#practices tbody tr"))).isEmpty();
    }

    @Test
    void a_user_disabled_while_signed_in_is_signed_out_at_their_next_click() {
        Practice practice = fixtures.practice();
        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Claims");
        Api owner = as(practice.owner());
        long billingId = owner.get("/api/people").json().findParents("username").stream()
                .filter(u -> u.get("username").asText().equals(practice.billing())).findFirst().orElseThrow().get("id").asLong();

        assertThat(owner.post("/api/people/" + billingId + "/disable", "").status()).isEqualTo(200);
        browser.click("New claim");

        // Its stored session was deleted: the click lands on the sign-in page, and signing in is refused.
        browser.waitForText(By.tagName("h1"), "Sign in");
        assertThat(browser.driver().getCurrentUrl()).contains("/sign-in");
        browser.type("username", practice.billing());
        browser.type("password", Fixtures.PASSWORD);
        browser.find(By.cssSelector("#main form button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".error-summary"), "Wrong user name or password, or the account is disabled");
        owner.post("/api/people/" + billingId + "/enable", "");
        owner.put("/api/people/" + billingId + "/role", Map.of("role", "ADMIN"));
        browser.signIn(practice.billing(), Fixtures.PASSWORD);
        assertThat(browser.all(By.linkText("People"))).isNotEmpty();
    }

    @Test
    void a_forgotten_password_is_reset_from_the_sign_in_page() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());

        browser.open("/sign-in");
        browser.click("Forgot your password?");
        browser.type("email", owner);
        browser.screenshot("forgot-password");
        browser.click("Send me a link");
        browser.waitForText(By.cssSelector(".notice"), "a link to choose a new password is on its way");

        Matcher link = LINK.matcher(TestMail.awaitMail(owner, "Reset your HMO Exchange Hub password").body());
        assertThat(link.find()).isTrue();
        browser.open(link.group(1));
        browser.type("password", PASSWORD);
        browser.type("confirm", PASSWORD);
        browser.click("Set password");
        browser.waitForText(By.cssSelector(".notice"), "Your password is set");
        browser.signIn(owner, PASSWORD);
        assertThat(browser.heading()).isEqualTo("Claims");
    }
}
