package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.notifications.NotificationKind;
import com.hmoexchange.hub.notifications.Notifications;
import com.hmoexchange.hub.notifications.Notifications.PracticeNotice;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.PageSession;
import com.hmoexchange.hub.support.TestMail;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.DigestUtils;

/** Pages people read: static files cached by content, every role's bell, a client's own request, emails that open pages, payloads laid out. */
class ReadablePagesTests extends ApiTest {

    private static final Pattern CSS = Pattern.compile("href=\"(/css/hub-([0-9a-f]{32})\\.css)\"");
    private static final Pattern JS = Pattern.compile("src=\"(/js/hub-([0-9a-f]{32})\\.js)\"");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Notifications notifications;

    @Test
    void the_pages_link_hub_css_and_hub_js_by_a_hash_of_their_content_served_with_a_years_cache_while_pages_are_not_stored()
            throws IOException {
        PageSession browser = PageSession.anonymous(port);
        HttpResponse<String> page = browser.get("/sign-in");
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        Matcher css = CSS.matcher(page.body());
        Matcher js = JS.matcher(page.body());
        assertThat(css.find()).as("a versioned stylesheet link in " + page.body()).isTrue();
        assertThat(js.find()).as("a versioned script link").isTrue();
        // The version is the file's content hash: a changed file is a new address, so the long cache is safe.
        assertThat(css.group(2)).isEqualTo(md5("static/css/hub.css"));
        assertThat(js.group(2)).isEqualTo(md5("static/js/hub.js"));

        for (String path : List.of(css.group(1), js.group(1))) {
            HttpResponse<String> file = browser.get(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).as(path)
                    .contains("max-age=31536000").contains("public").doesNotContain("no-store").doesNotContain("no-cache");
        }
    }

    @Test
    void every_role_has_its_notifications_bell_in_the_header() {
        Practice practice = fixtures.practice();
        ClientSetup client = fixtures.client("acme-hmo");
        Map<String, String> areaOf = new HashMap<>(Map.of(practice.owner(), "/billing", practice.admin(), "/billing",
                practice.billing(), "/billing", client.hmoAdmin(), "/hmo", client.user(), "/client",
                fixtures.operator(), "/operator", fixtures.platformAdmin(), "/admin"));

        areaOf.forEach((user, area) -> {
            PageSession session = PageSession.signedIn(port, user);
            HttpResponse<String> landing = session.follow("/");
            assertThat(landing.statusCode()).as(user).isEqualTo(200);
            assertThat(landing.body()).as(user + "'s start page").contains("id=\"bell\"")
                    .contains("href=\"" + area + "/notifications\"").contains("hx-get=\"" + area + "/notifications/bell\"");
            assertThat(session.get(area + "/notifications/bell").statusCode()).as(user).isEqualTo(200);
            assertThat(session.get(area + "/notifications").body()).as(user).contains("<h1");
        });
    }

    @Test
    void a_client_user_opens_their_own_request_in_words_and_another_clients_is_not_found() {
        ClientSetup mine = fixtures.client("acme-hmo");
        ClientSetup theirs = fixtures.client("acme-hmo");
        long own = addChild(mine, "Adaeze");
        long other = addChild(theirs, "Chinedu");

        PageSession session = PageSession.signedIn(port, mine.user());
        assertThat(session.get("/client/requests").body()).contains("href=\"/client/requests/" + own + "\"");
        HttpResponse<String> page = session.get("/client/requests/" + own);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Add a dependent").contains("Pending").contains("Adaeze").contains("Child")
                .contains("in the portal").doesNotContain("ADD_DEPENDENT").doesNotContain("PORTAL");

        HttpResponse<String> refused = session.get("/client/requests/" + other);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("Not found").doesNotContain("Chinedu");
    }

    @Test
    void the_decision_email_links_the_clients_request_page_and_gives_the_time_in_the_hubs_zone() {
        ClientSetup setup = fixtures.client("acme-hmo");
        long id = addChild(setup, "Ifunanya");
        assertThat(as(setup.hmoAdmin()).post("/api/hmo/requests/" + id + "/decline", Map.of("reason", "Send the birth certificate"))
                .status()).isEqualTo(200);

        String body = TestMail.awaitMail(setup.user(), "Request " + id + " declined").body();
        assertThat(body).contains("/client/requests/" + id).doesNotContain("/api/").contains(" WAT");
    }

    @Test
    void the_email_to_billing_staff_links_each_claims_page_not_the_api() {
        Practice practice = fixtures.practice();
        String desk = Fixtures.unique("billing").toLowerCase() + "@clinic.example";
        assertThat(as(practice.owner()).put("/api/providers/me/billing-email", Map.of("email", desk)).status()).isEqualTo(200);

        notifications.tellPractices(List.of(new PracticeNotice(practice.provider().getId(), NotificationKind.CLAIM_PAID,
                "CLM-LINK-1", "Claim CLM-LINK-1 was paid: ₦4,500.00")), "Claims paid");

        String body = TestMail.awaitMail(desk, "Claims paid").body();
        assertThat(body).contains("/billing/claims/number/CLM-LINK-1").contains("/billing/notifications").doesNotContain("/api/");
    }

    @Test
    void the_operator_reads_a_json_payload_indented_and_an_error_in_words_with_the_java_detail_folded_away() {
        long id = jdbc.queryForObject("insert into message_record (direction, channel, payer_code, claim_number, attempt, outcome, "
                + "payload, error, started_at, finished_at) values ('OUT', 'http', 'acme-hmo', 'CLM-PRETTY-1', 1, 'FAILED', "
                + "'{\"claim\":{\"number\":\"CLM-PRETTY-1\"}}', 'org.apache.camel.http.base.HttpOperationFailedException: "
                + "HTTP operation failed with statusCode: 500', now(), now()) returning id", Long.class);

        HttpResponse<String> page = PageSession.signedIn(port, fixtures.operator()).get("/operator/messages/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("  &quot;claim&quot; : {\n    &quot;number&quot; : &quot;CLM-PRETTY-1&quot;")
                .contains("id=\"payload-format\">JSON<")
                .contains("<span class=\"error-words\">HTTP operation failed with statusCode: 500</span>")
                .contains("<summary>Technical detail</summary><code>org.apache.camel.http.base.HttpOperationFailedException")
                .contains("Acme Health");
    }

    @Test
    void the_plan_dropdown_names_the_plans_and_the_new_claim_page_writes_the_visit_day_in_words() {
        ClientSetup client = fixtures.client("acme-hmo");
        String register = PageSession.signedIn(port, client.user()).get("/client/register").body();
        assertThat(register).contains(">Staff plan</option>").doesNotContain("(" + client.plan().getCode() + ")");

        Practice practice = fixtures.practice();
        String enrollee = fixtures.enrollee("acme-hmo").getEnrolleeNumber();
        java.time.LocalDate day = java.time.LocalDate.now().minusDays(3);
        String inWords = Display.dayOf(day);
        JsonNode visit = as(practice.billing()).post("/api/visits", Map.of("enrolleeNumber", enrollee, "encounterDate", day.toString(),
                "services", List.of(Map.of("code", "CONS-GP", "description", "General practitioner consultation", "quantity", 1)))).json();
        assertThat(visit.has("id")).as(visit.toString()).isTrue();
        String newClaim = PageSession.signedIn(port, practice.billing()).get("/billing/claims/new?patient=" + enrollee.replace("/", "%2F")).body();
        assertThat(newClaim).contains("Visit of <span>" + inWords + "</span>").contains("<td>" + inWords + "</td>")
                .doesNotContain(">" + day + "<");
    }

    private long addChild(ClientSetup setup, String firstName) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", "ADD_DEPENDENT", "enrolleeNumber",
                setup.principal().getEnrolleeNumber(), "relationship", "CHILD", "firstName", firstName, "lastName", "Okafor"));
        body.put("dateOfBirth", "2024-02-01");
        JsonNode made = as(setup.user()).post("/api/portal/requests", body).json();
        assertThat(made.has("id")).as(made.toString()).isTrue();
        return made.get("id").asLong();
    }

    private static String md5(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return DigestUtils.md5DigestAsHex(in);
        }
    }
}
