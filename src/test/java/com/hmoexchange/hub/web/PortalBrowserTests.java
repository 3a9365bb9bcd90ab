package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.TestMail;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The portals' journeys in a real browser (headless Chromium), against the running hub. */
class PortalBrowserTests extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/set-password\\?token=[A-Za-z0-9_-]+)");


    @Test
    void credentials_then_password_then_a_dependent_the_hmo_approves_shows_on_the_principals_page() {
        ClientSetup setup = fixtures.client("acme-hmo");
        String email = Fixtures.unique("hr").toLowerCase() + "@client.example";

        // The HMO: Client menu → Generate Credentials.
        browser.signIn(setup.hmoAdmin(), Fixtures.PASSWORD);
        assertThat(browser.heading()).isEqualTo("Manage Requests");
        browser.click("Generate Credentials");
        browser.choose("clientId", setup.client().getName());
        browser.type("email", email);
        browser.screenshot("hmo-generate-credentials");
        browser.click("Send credentials");
        browser.waitForText(By.cssSelector(".notice"), "Credentials sent");
        assertThat(browser.mainText()).contains(email);
        browser.screenshot("hmo-client-users");
        browser.signOut();

        // The emailed link lands on the set-password page; then sign in with the new password.
        Matcher link = LINK.matcher(TestMail.awaitMail(email, "sign-in link").body());
        assertThat(link.find()).isTrue();
        browser.open(link.group(1));
        assertThat(browser.heading()).isEqualTo("Choose your password");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("token=");
        assertThat(browser.text(By.id("set-password-user"))).isEqualTo(email);
        browser.type("password", "dangote-hr-2026");
        browser.type("confirm", "dangote-hr-2026");
        browser.screenshot("set-password");
        browser.click("Set password");
        browser.waitForText(By.cssSelector(".notice"), "Your password is set");
        assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo(email);
        browser.type("password", "dangote-hr-2026");
        browser.find(By.cssSelector("#main form button[type=submit]")).click();
        browser.waitForText(By.tagName("h1"), "Dashboard");
        browser.screenshot("client-dashboard");

        // The client finds the principal and asks for a child.
        browser.type("q", "Bakare");
        browser.click("Search");
        browser.waitForUrl("q=Bakare");
        browser.find(By.linkText(setup.principal().getEnrolleeNumber())).click();
        browser.click("Add dependent");
        browser.choose("relationship", "Child");
        browser.type("firstName", "Obi");
        browser.type("lastName", "Bakare");
        browser.type("dateOfBirth", "03/14/2025");
        browser.screenshot("client-add-dependent");
        browser.click("Send request");
        browser.waitForText(By.cssSelector(".notice"), "sent to your HMO");
        assertThat(browser.text(By.id("dependents"))).doesNotContain("Obi");
        browser.signOut();

        // The HMO sees it on Manage Requests, opens it and approves after confirming.
        browser.signIn(setup.hmoAdmin(), Fixtures.PASSWORD);
        browser.waitFor(By.id("unread-count"));
        browser.choose("client", setup.client().getName());
        browser.choose("status", "Pending");
        browser.click("Filter");
        browser.waitForUrl("client=" + setup.client().getCode());
        browser.waitForText(By.id("requests"), "Add a dependent");
        browser.screenshot("hmo-manage-requests");
        browser.find(By.cssSelector("#requests tbody tr[data-request-id] a")).click();
        assertThat(browser.text(By.id("before-after"))).contains("Obi").contains("14 Mar 2025");
        browser.click("Approve…");
        browser.screenshot("hmo-request-approve-confirm");
        browser.click("Yes, approve");
        browser.waitForText(By.id("request-status"), "Approved");
        assertThat(browser.text(By.cssSelector(".notice"))).contains("approved and applied");
        browser.signOut();

        // The dependent is on the principal's page.
        browser.signIn(email, "dangote-hr-2026");
        browser.open("/client/enrollees/" + setup.principal().getId());
        assertThat(browser.text(By.id("dependents"))).contains("Obi Bakare").contains("Child").contains("14 Mar 2025");
        assertThat(browser.text(By.id("principal-born"))).isEqualTo("1 Mar 1985");
        assertThat(browser.text(By.id("principal-cover"))).isEqualTo(Display.dayOf(setup.principal().getCoverStart()) + " onwards");
        browser.screenshot("client-principal");
        browser.screenshot("client-principal-phone", 390);
        browser.signOut();
    }

    @Test
    void a_rejection_needs_a_reason_and_the_client_sees_it_under_my_requests() {
        ClientSetup setup = fixtures.client("acme-hmo");
        long id = as(setup.user()).post("/api/portal/requests", Map.of("kind", "REMOVE_DEPENDENT",
                "enrolleeNumber", setup.spouse().getEnrolleeNumber(), "note", "Left the scheme")).json().get("id").asLong();

        browser.signIn(setup.hmoAdmin(), Fixtures.PASSWORD);
        browser.waitFor(By.id("unread-count"));
        browser.find(By.id("bell")).click();
        browser.waitForText(By.tagName("h1"), "Notifications");
        browser.click("Mark all read");
        browser.waitForText(By.cssSelector(".notice"), "marked read");
        assertThat(browser.all(By.id("unread-count"))).isEmpty();
        browser.open("/hmo/requests/" + id);
        browser.click("Reject…");
        browser.click("Reject with this reason");
        // The browser's own check stops an empty reason; the server's is behind it.
        assertThat(browser.driver().getCurrentUrl()).contains("confirm=reject");
        browser.type("reason", "Send the divorce decree with the request");
        browser.screenshot("hmo-request-reject-confirm");
        browser.click("Reject with this reason");
        browser.waitForText(By.id("request-status"), "Declined");
        browser.signOut();

        browser.signIn(setup.user(), Fixtures.PASSWORD);
        // The client's bell counts the decision; opening its notice opens My requests.
        browser.waitFor(By.id("unread-count"));
        browser.find(By.id("bell")).click();
        browser.waitForText(By.tagName("h1"), "Notifications");
        assertThat(browser.text(By.id("notifications"))).contains("Request " + id).contains("declined: Send the divorce decree");
        browser.find(By.cssSelector("button[aria-label='Open Request " + id + "']")).click();
        browser.waitForUrl("/client/requests");
        browser.click("My requests");
        By row = By.cssSelector("#my-requests tr[data-request-id='" + id + "']");
        assertThat(browser.text(row)).contains("Declined").contains("Send the divorce decree with the request");
        browser.screenshot("client-my-requests");
        browser.signOut();
    }

    @Test
    void approving_a_request_on_data_changed_since_shows_the_refusal_and_changes_nothing() {
        ClientSetup setup = fixtures.client("acme-hmo");
        var client = as(setup.user());
        long rename = client.post("/api/portal/requests", Map.of("kind", "EDIT_DETAILS",
                "enrolleeNumber", setup.spouse().getEnrolleeNumber(), "firstName", "Bisola")).json().get("id").asLong();
        long remove = client.post("/api/portal/requests", Map.of("kind", "REMOVE_DEPENDENT",
                "enrolleeNumber", setup.spouse().getEnrolleeNumber())).json().get("id").asLong();
        assertThat(as(setup.hmoAdmin()).post("/api/hmo/requests/" + rename + "/approve", "").status()).isEqualTo(200);

        browser.signIn(setup.hmoAdmin(), Fixtures.PASSWORD);
        browser.open("/hmo/requests/" + remove);
        browser.click("Approve…");
        browser.click("Yes, approve");
        browser.waitForText(By.cssSelector(".error-summary"), "was changed after the request was made");
        assertThat(browser.text(By.id("request-status"))).isEqualTo("Pending");
        browser.signOut();
    }

    @Test
    void the_other_change_forms_send_requests_the_client_follows_and_can_withdraw() {
        ClientSetup setup = fixtures.client("acme-hmo");
        var clinic = fixtures.practice().provider();
        browser.signIn(setup.user(), Fixtures.PASSWORD);

        browser.open("/client/enrollees/" + setup.child().getId() + "/edit");
        assertThat(browser.find(By.id("firstName")).getAttribute("value")).isEqualTo("Kemi");
        browser.type("firstName", "Kemisola");
        browser.click("Send request");
        browser.waitForText(By.cssSelector(".notice"), "Edit details");

        browser.open("/client/enrollees/" + setup.principal().getId() + "/provider");
        browser.choose("primaryProvider", clinic.getName());
        browser.click("Send request");
        browser.waitForText(By.cssSelector(".notice"), "Change primary provider");

        browser.open("/client/enrollees/" + setup.spouse().getId() + "/remove");
        browser.type("note", "Left the company");
        browser.click("Yes, ask to remove");
        browser.waitForText(By.cssSelector(".notice"), "Remove a dependent");

        browser.click("Register principal");
        browser.type("firstName", "Musa");
        browser.type("lastName", "Danjuma");
        browser.type("dateOfBirth", "08/14/1992");
        browser.choose("plan", "Staff plan"); // the plan by its name, as the HR officer reads it
        browser.click("Send request");
        browser.waitForText(By.cssSelector(".notice"), "to register Musa Danjuma");

        String requests = browser.text(By.id("my-requests"));
        assertThat(requests).contains("Edit details", "Kemisola", "Change primary provider", clinic.getName(),
                "Remove a dependent", "Register a principal", "Musa Danjuma");
        browser.find(By.cssSelector("button[aria-label^='Withdraw request']")).click();
        browser.waitForText(By.cssSelector(".notice"), "withdrawn");
        assertThat(browser.text(By.id("my-requests"))).contains("Withdrawn");
        browser.signOut();
    }

    @Test
    void a_client_user_cannot_open_another_clients_principal_nor_the_hmo_pages() {
        ClientSetup mine = fixtures.client("acme-hmo");
        ClientSetup theirs = fixtures.client("acme-hmo");

        browser.signIn(mine.user(), Fixtures.PASSWORD);
        browser.open("/client/enrollees/" + theirs.principal().getId());
        assertThat(browser.heading()).isEqualTo("Not found");
        assertThat(browser.mainText()).doesNotContain(theirs.principal().getEnrolleeNumber())
                .doesNotContain(theirs.spouse().getEnrolleeNumber());
        browser.open("/client/enrollees/" + theirs.principal().getId() + "/add-dependent");
        assertThat(browser.heading()).isEqualTo("Not found");

        browser.open("/hmo/requests");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        browser.signOut();
    }

    @Test
    void a_refused_request_shows_the_reason_next_to_the_field_and_keeps_what_was_typed() {
        ClientSetup setup = fixtures.client("acme-hmo");

        browser.signIn(setup.user(), Fixtures.PASSWORD);
        browser.open("/client/enrollees/" + setup.principal().getId() + "/add-dependent");
        // The plan allows one spouse, and there is one already.
        browser.choose("relationship", "Spouse");
        browser.type("firstName", "Second");
        browser.type("lastName", "Spouse");
        browser.type("dateOfBirth", "01/02/1990");
        browser.click("Send request");
        browser.waitFor(By.cssSelector(".error-summary"));
        assertThat(browser.text(By.cssSelector(".error-summary"))).containsIgnoringCase("spouse");
        assertThat(browser.find(By.id("firstName")).getAttribute("value")).isEqualTo("Second");
        browser.screenshot("client-refused-request");

        // A missing name is the name field's own error, next to it.
        browser.choose("relationship", "Child");
        browser.find(By.id("firstName")).clear();
        browser.click("Send request");
        assertThat(browser.text(By.id("firstName-error"))).contains("firstName is required");
        assertThat(browser.find(By.id("firstName")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("lastName")).getAttribute("value")).isEqualTo("Spouse");
        browser.signOut();
    }

    @Test
    void the_hmo_disables_a_client_user_after_confirming_and_an_open_session_ends() {
        ClientSetup setup = fixtures.client("acme-hmo");
        ClientSetup other = fixtures.client("acme-hmo");

        // A client user signed in when disabled is signed out at their next click.
        browser.signIn(other.user(), Fixtures.PASSWORD);
        long otherId = as(other.hmoAdmin()).get("/api/hmo/client-users?clientId=" + other.client().getId()).json()
                .get(0).get("id").asLong();
        as(other.hmoAdmin()).post("/api/hmo/client-users/" + otherId + "/disable", "");
        browser.click("My requests");
        browser.waitForText(By.cssSelector(".error-summary"), "disabled");

        browser.signIn(setup.hmoAdmin(), Fixtures.PASSWORD);
        browser.click("Client users");
        browser.find(By.cssSelector("a[aria-label='Disable " + setup.user() + "']")).click();
        assertThat(browser.text(By.cssSelector(".confirm"))).contains("Disable " + setup.user());
        browser.click("Yes, disable");
        browser.waitForText(By.cssSelector(".notice"), setup.user() + " is disabled");
        browser.signOut();

        browser.open("/sign-in");
        browser.type("username", setup.user());
        browser.type("password", Fixtures.PASSWORD);
        browser.click("Sign in");
        browser.waitForText(By.cssSelector(".error-summary"), "Wrong user name or password, or the account is disabled");
    }

    @Test
    void staff_search_results_follow_the_typing() {
        ClientSetup setup = fixtures.client("acme-hmo");
        browser.signIn(setup.user(), Fixtures.PASSWORD);
        browser.click("Staff");
        browser.waitForText(By.id("results"), setup.principal().getEnrolleeNumber());

        browser.type("q", "no-such-person");
        browser.waitForText(By.id("results"), "Nobody matches");
        browser.type("q", setup.principal().getEnrolleeNumber());
        browser.waitForText(By.id("results"), "Tunde Bakare");
        browser.signOut();
    }

    @Test
    void a_bulk_file_uploads_with_progress_and_shows_the_row_report() throws Exception {
        ClientSetup setup = fixtures.client("acme-hmo");
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("staff", ".csv");
        java.nio.file.Files.writeString(csv, "kind,enrolleeNumber,firstName,lastName,dateOfBirth,relationship\n"
                + "ADD_DEPENDENT," + setup.principal().getEnrolleeNumber() + ",Ada,Bakare,2024-01-05,CHILD\n"
                + "EDIT_DETAILS,NOT/A/NUMBER,Kemi,,,\n");

        browser.signIn(setup.user(), Fixtures.PASSWORD);
        browser.click("Bulk upload");
        browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.click("Upload");
        browser.waitForText(By.id("accepted-count"), "1");
        assertThat(browser.text(By.id("refused-count"))).isEqualTo("1");
        assertThat(browser.text(By.id("refused-rows"))).contains("3").contains("NOT/A/NUMBER");
        browser.screenshot("client-bulk-report");
        browser.signOut();
    }

    @Test
    void the_sign_in_page_refuses_a_wrong_password_and_pages_need_signing_in() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/client/requests");
        assertThat(browser.heading()).isEqualTo("Sign in");
        browser.type("username", "nobody@client.example");
        browser.type("password", "wrong-password");
        browser.click("Sign in");
        browser.waitForText(By.cssSelector(".error-summary"), "Wrong user name or password");
        browser.screenshot("sign-in");
    }
}
