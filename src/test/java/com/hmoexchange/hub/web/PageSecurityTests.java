package com.hmoexchange.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.ClientSetup;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pages' security over plain HTTP: sign-in, CSRF on every form, cookie flags, escaping; the API unchanged. */
class PageSecurityTests extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void pages_need_signing_in_and_forms_without_the_csrf_token_are_refused() throws Exception {
        ClientSetup setup = fixtures.client("acme-hmo");

        HttpResponse<String> anonymous = get("/client");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");

        assertThat(post("/sign-in", Map.of("username", setup.user(), "password", Fixtures.PASSWORD)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> signedIn = signIn(setup.user());
        // Back to the page asked for before signing in.
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/client");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(get("/client").statusCode()).isEqualTo(200);

        assertThat(post("/client/register", Map.of("firstName", "No", "lastName", "Token", "dateOfBirth", "1990-01-01"))
                .statusCode()).isEqualTo(403);
        assertThat(post("/sign-out", Map.of()).statusCode()).isEqualTo(403);
        assertThat(get("/client").statusCode()).isEqualTo(200);
    }

    @Test
    void a_signed_in_session_is_kept_in_the_database_so_any_hub_node_can_serve_it_and_sign_out_ends_it() throws Exception {
        ClientSetup setup = fixtures.client("acme-hmo");
        signIn(setup.user());
        assertThat(get("/client").statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                setup.user())).isEqualTo(1);

        String token = csrf(get("/client").body());
        assertThat(post("/sign-out", Map.of("_csrf", token)).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                setup.user())).isZero();
        assertThat(get("/client").statusCode()).isEqualTo(302);
    }

    @Test
    void another_clients_principal_is_a_404_page_with_nothing_of_theirs_and_hmo_pages_a_403() throws Exception {
        ClientSetup mine = fixtures.client("acme-hmo");
        ClientSetup theirs = fixtures.client("acme-hmo");
        signIn(mine.user());

        HttpResponse<String> other = get("/client/enrollees/" + theirs.principal().getId());
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("Not found").doesNotContain(theirs.principal().getEnrolleeNumber());
        assertThat(get("/client/enrollees/" + mine.principal().getId()).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = get("/client/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(get("/hmo/requests").statusCode()).isEqualTo(403);
        assertThat(get("/operator/messages").statusCode()).isEqualTo(403);
    }

    @Test
    void billing_pages_are_for_the_practices_staff_and_another_practices_claim_is_a_404_page() throws Exception {
        var mine = fixtures.practice();
        var theirs = fixtures.practice();
        var claim = draft(as(theirs.billing()), visit(as(theirs.billing()), fixtures.enrollee("acme-hmo"), "CONS-GP"));
        long theirClaim = claim.get("id").asLong();
        signIn(mine.billing());

        HttpResponse<String> other = get("/billing/claims/" + theirClaim);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("Not found").doesNotContain(claim.get("claimNumber").asText());
        assertThat(post("/billing/claims/" + theirClaim + "/submit", Map.of("version", "0")).statusCode()).isEqualTo(403);
        String token = csrf(get("/billing/claims").body());
        assertThat(post("/billing/claims/" + theirClaim + "/submit", Map.of("_csrf", token, "version", "0")).statusCode())
                .isEqualTo(404);
        assertThat(get("/hmo/requests").statusCode()).isEqualTo(403);
        assertThat(get("/operator/quarantine").statusCode()).isEqualTo(403);

        HttpClient owner = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpClient hmo = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        assertThat(signedInGet(owner, mine.owner(), "/billing/claims").statusCode()).isEqualTo(200);
        assertThat(signedInGet(hmo, fixtures.hmoAdmin("acme-hmo"), "/billing/claims").statusCode()).isEqualTo(403);
    }

    @Test
    void submit_selected_needs_the_csrf_token_and_reports_each_refused_claim_without_showing_another_practices()
            throws Exception {
        var mine = fixtures.practice();
        var theirs = fixtures.practice();
        var api = as(mine.billing());
        long good = draft(api, visit(api, fixtures.enrollee("acme-hmo"), "CONS-GP")).get("id").asLong();
        var noReferral = draft(api, visit(api, fixtures.enrollee("harmony-care"), "CONS-GP"));
        var their = draft(as(theirs.billing()), visit(as(theirs.billing()), fixtures.enrollee("acme-hmo"), "CONS-GP"));
        long theirId = their.get("id").asLong();
        String ticked = "claimId=" + good + "&claimId=" + noReferral.get("id").asLong() + "&claimId=" + theirId;
        signIn(mine.billing());
        String list = get("/billing/claims").body();
        assertThat(list).contains("id=\"select-" + good + "\"").contains("Submit selected");

        assertThat(postForm("/billing/claims/submissions", ticked).statusCode()).isEqualTo(403);
        assertThat(as(mine.billing()).get("/api/claims/" + good).json().get("status").asText()).isEqualTo("DRAFT");

        HttpResponse<String> done = postForm("/billing/claims/submissions", "_csrf="
                + URLEncoder.encode(csrf(list), StandardCharsets.UTF_8) + "&" + ticked);
        assertThat(done.statusCode()).isEqualTo(302);
        URI back = URI.create(done.headers().firstValue("Location").orElseThrow());
        assertThat(back.getRawPath()).isEqualTo("/billing/claims");
        String after = get(back.getRawPath() + (back.getRawQuery() == null ? "" : "?" + back.getRawQuery())).body();
        assertThat(after).contains("1 claim submitted; 2 not submitted").contains("REFERRAL_LETTER")
                .contains("Claim " + theirId + " was not found").doesNotContain(their.get("claimNumber").asText());
        assertThat(as(mine.billing()).get("/api/claims/" + good).json().get("status").asText()).isNotEqualTo("DRAFT");
        assertThat(as(theirs.billing()).get("/api/claims/" + theirId).json().get("status").asText()).isEqualTo("DRAFT");

        HttpResponse<String> none = postForm("/billing/claims/submissions", "_csrf="
                + URLEncoder.encode(csrf(after), StandardCharsets.UTF_8));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).contains("Tick the drafts to submit");
    }

    @Test
    void a_payment_reference_past_its_limit_is_named_next_to_the_field_and_nothing_is_recorded() throws Exception {
        var practice = fixtures.practice();
        var api = as(practice.billing());
        var claim = draft(api, visit(api, fixtures.enrollee("acme-hmo"), "CONS-GP"));
        long id = claim.get("id").asLong();
        signIn(practice.billing());
        String token = csrf(get("/billing/claims/" + id).body());

        HttpResponse<String> refused = post("/billing/claims/" + id + "/payments", Map.of("_csrf", token,
                "version", claim.get("version").asText(), "reference", "R".repeat(81), "amount", "100000000000000"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("At most 80 characters (this has 81).").contains("at most 12 digits before the point");
        assertThat(api.get("/api/claims/" + id).json().get("payments")).isEmpty();
    }

    @Test
    void a_bad_email_for_credentials_is_shown_next_to_the_field_and_kept() throws Exception {
        ClientSetup setup = fixtures.client("acme-hmo");
        signIn(setup.hmoAdmin());
        String token = csrf(get("/hmo/credentials").body());

        HttpResponse<String> refused = post("/hmo/credentials", Map.of("_csrf", token,
                "clientId", setup.client().getId().toString(), "email", "not an email"));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"email-error\"").contains("value=\"not an email\"");
    }

    @Test
    void what_a_user_typed_is_shown_escaped() throws Exception {
        ClientSetup setup = fixtures.client("acme-hmo");
        signIn(setup.user());
        String token = csrf(get("/client/register").body());

        HttpResponse<String> made = post("/client/register", Map.of("_csrf", token, "firstName", "<script>alert(1)</script>",
                "lastName", "O'Brien & \"Sons\"", "dateOfBirth", "1990-01-01"));
        assertThat(made.statusCode()).isEqualTo(302);

        String page = get("/client/requests").body();
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("O&#39;Brien &amp; &quot;Sons&quot;");
    }

    @Test
    void the_pages_scripts_and_styles_load_without_signing_in() throws Exception {
        assertThat(get("/js/hub.js").statusCode()).isEqualTo(200);
        assertThat(get("/css/hub.css").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void the_api_stays_stateless_http_basic() {
        ClientSetup setup = fixtures.client("acme-hmo");
        var response = as(setup.user()).get("/api/portal/principals");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(anonymous().get("/api/portal/principals").status()).isEqualTo(401);
    }

    private HttpResponse<String> signIn(String username) throws Exception {
        String token = csrf(get("/sign-in").body());
        HttpResponse<String> response = post("/sign-in", Map.of("_csrf", token, "username", username,
                "password", Fixtures.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    /** Signs in with a client of its own (its own session) and gets the page. */
    private HttpResponse<String> signedInGet(HttpClient client, String username, String path) throws Exception {
        HttpResponse<String> signInPage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String body = "_csrf=" + URLEncoder.encode(csrf(signInPage.body()), StandardCharsets.UTF_8) + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + Fixtures.PASSWORD;
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form body as written (a name may repeat, as ticked checkboxes do). */
    private HttpResponse<String> postForm(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
