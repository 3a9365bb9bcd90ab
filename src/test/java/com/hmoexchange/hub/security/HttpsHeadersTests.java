package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.SmtpGate;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hub whose public address is https (behind a TLS proxy): every answer, pages and API, carries HSTS, a content
 * security policy, no framing and no referrer; the session cookie is Secure; a page session ends after the idle
 * timeout the setting gives (30 minutes by default).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hub.public-url=https://hub.example.ng")
@ActiveProfiles("test")
@DirtiesContext
class HttpsHeadersTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SmtpGate::port);
        PayerSandboxes.register(registry);
        // This context only answers requests: it leaves the sandbox payers' answers to the other tests' context.
        registry.add("hub.responses.poll-delay", () -> "3600000");
    }

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void pages_and_api_answers_carry_hsts_a_content_security_policy_no_framing_and_no_referrer() throws Exception {
        for (String path : new String[] {"/sign-in", "/api/claims", "/actuator/health", "/v3/api-docs"}) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValue("max-age=31536000 ; includeSubDomains");
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        assertThat(get("/api/claims").statusCode()).isEqualTo(401);
    }

    @Test
    void the_session_cookie_is_secure_and_the_session_ends_after_the_idle_timeout() throws Exception {
        String owner = fixtures.practice().owner();
        HttpResponse<String> form = get("/sign-in");
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        // A browser would send a Secure cookie only over https: this test's plain http connection sends it by hand.
        String session = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();

        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                        + "&username=" + URLEncoder.encode(owner, StandardCharsets.UTF_8) + "&password=" + Fixtures.PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Secure").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(jdbc.queryForObject("select max_inactive_interval from spring_session where principal_name = ?",
                Integer.class, owner)).isEqualTo(30 * 60);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
