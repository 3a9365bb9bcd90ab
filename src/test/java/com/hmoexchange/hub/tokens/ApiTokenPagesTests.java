package com.hmoexchange.hub.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** People → API tokens over plain HTTP with a page session: made and shown once, listed, revoked. */
class ApiTokenPagesTests extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("id=\"token-value\">(hubt_[A-Za-z0-9_-]{43})<");
    private static final Pattern REVOKE = Pattern.compile("action=\"(/people/api-tokens/\\d+/revoke)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void an_owner_makes_a_token_sees_it_once_and_revokes_it() throws Exception {
        Fixtures.Practice practice = fixtures.practice();
        signIn(practice.owner());
        HttpResponse<String> page = get("/people/api-tokens");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No tokens yet").contains("visits:write").doesNotContain("requests:decide");

        HttpResponse<String> made = post("/people/api-tokens", "_csrf=" + enc(csrf(page.body())) + "&name=front-desk-system"
                + "&scopes=claims%3Aread&scopes=visits%3Awrite&expiresInDays=30");

        assertThat(made.statusCode()).isEqualTo(200);
        Matcher shown = TOKEN.matcher(made.body());
        assertThat(shown.find()).as(made.body()).isTrue();
        String token = shown.group(1);
        assertThat(Api.withToken(port, token).get("/api/claims").status()).isEqualTo(200);
        HttpResponse<String> again = get("/people/api-tokens");
        assertThat(again.body()).contains("front-desk-system").contains("visits:write, claims:read").doesNotContain(token);

        Matcher revoke = REVOKE.matcher(again.body());
        assertThat(revoke.find()).isTrue();
        assertThat(post(revoke.group(1), "_csrf=" + enc(csrf(again.body()))).statusCode()).isEqualTo(302);
        assertThat(get("/people/api-tokens").body()).contains("<td>Revoked</td>");
        assertThat(Api.withToken(port, token).get("/api/claims").status()).isEqualTo(401);
    }

    @Test
    void a_form_without_scopes_is_shown_again_with_the_reason() throws Exception {
        signIn(fixtures.practice().admin());
        HttpResponse<String> page = get("/people/api-tokens");

        HttpResponse<String> refused = post("/people/api-tokens", "_csrf=" + enc(csrf(page.body())) + "&name=x&expiresInDays=30");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("one scope or more").doesNotContain("id=\"token-value\"");
    }

    private void signIn(String username) throws Exception {
        String token = csrf(get("/sign-in").body());
        HttpResponse<String> response = post("/sign-in", "_csrf=" + enc(token) + "&username=" + enc(username)
                + "&password=" + enc(Fixtures.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(302);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
