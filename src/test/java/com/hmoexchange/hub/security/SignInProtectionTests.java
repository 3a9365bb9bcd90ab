package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.support.TestMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Guessing passwords, by HTTP Basic and by the sign-in page: a growing wait, then a lockout that refuses even
 * the right password until it ends, the owner told by email; per client address across accounts too.
 */
class SignInProtectionTests extends SecurityRulesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 200));
    private static final String RIGHT = com.hmoexchange.hub.support.Fixtures.PASSWORD;

    @Autowired
    SignInThrottle throttle;

    record Answer(int status, String retryAfter, JsonNode body) {
    }

    @Test
    void guessingByBasicWaitsLongerEachTimeThenLocksOutTheAccountAndEmailsItsOwner() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        String from = newAddress();

        assertThat(basic(owner, "guess-1", from).status()).isEqualTo(401);
        assertThat(basic(owner, "guess-2", from).status()).isEqualTo(401);
        // After the second failure a wait of a second: an attempt within it is refused unheard.
        Answer tooSoon = basic(owner, RIGHT, from);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.retryAfter()).isNotNull();
        assertThat(tooSoon.body().get("code").asText()).isEqualTo("sign-in-locked");
        clock.advance(Duration.ofSeconds(2));
        assertThat(basic(owner, "guess-3", from).status()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(3));
        assertThat(basic(owner, "guess-4", from).status()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(5));
        Answer locked = basic(owner, "guess-5", from);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.retryAfter())).isBetween(14 * 60L, 15 * 60L + 1);
        assertThat(locked.body().get("detail").asText()).startsWith("Too many attempts, try again after ")
                .endsWith("or reset your password.");

        TestMail.Mail mail = TestMail.awaitMail(owner, "locked");
        assertThat(mail.body()).contains(owner).contains(from).contains("/forgot-password");
        // The audit shows each attempt and the lockout, with the address each came from.
        assertThat(jdbc.queryForList("select action from audit_entry where actor = ? and address = ? order by id",
                String.class, owner, from)).containsSubsequence("SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED",
                "SIGN_IN_FAILED", "ACCOUNT_LOCKED");

        // The right password, from anywhere, is refused until the lockout ends.
        clock.advance(Duration.ofMinutes(14));
        assertThat(basic(owner, RIGHT, newAddress()).status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(2));
        assertThat(basic(owner, RIGHT, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void guessingOnTheSignInPageEndsInALockoutThatSaysUntilWhen() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        // The browser comes from 127.0.0.1, shared by every test of the class: clock moves keep each wait short.
        for (int guess = 1; guess <= 4; guess++) {
            signInByPage(owner, "wrong-guess-" + guess);
            assertThat(browser().driver().getCurrentUrl()).contains("/sign-in?error");
            clock.advance(Duration.ofSeconds(10));
        }
        signInByPage(owner, "wrong-guess-5");
        assertThat(browser().text(By.id("locked"))).startsWith("Too many attempts, try again after ")
                .endsWith("or reset your password.");
        signInByPage(owner, RIGHT);
        assertThat(browser().driver().getCurrentUrl()).contains("/sign-in?locked=");
        assertThat(browser().text(By.id("locked"))).startsWith("Too many attempts");
        assertThat(TestMail.awaitMail(owner, "locked").body()).contains("wrong password or code too often");

        clock.advance(Duration.ofMinutes(16));
        browser().signIn(owner, RIGHT);
        assertThat(browser().driver().getCurrentUrl()).contains("/billing/claims");
    }

    @Test
    void oneAddressGuessingAcrossManyAccountsIsLockedOutForAllOfThem() {
        String from = newAddress();
        for (int account = 1; account <= 19; account++) {
            assertThat(basic("nobody-" + account + "-" + from + "@guess.example", "guess", from).status()).isEqualTo(401);
        }
        assertThat(basic("nobody-20-" + from + "@guess.example", "guess", from).status()).isEqualTo(429);
        // A real user signing in from that address is refused too, unheard; from another address they are in.
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        assertThat(basic(owner, RIGHT, from).status()).isEqualTo(429);
        assertThat(basic(owner, RIGHT, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void aRefusedAttemptCostsNoPasswordCheck() {
        AtomicLong checks = new AtomicLong();
        ThrottledSignIn signIn = new ThrottledSignIn(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                checks.incrementAndGet();
                throw new BadCredentialsException("wrong");
            }

            @Override
            public boolean supports(Class<?> type) {
                return true;
            }
        }, throttle, user -> false, user -> true);
        String username = "counted-" + newAddress() + "@guess.example";
        String from = newAddress();
        int refused = 0;
        for (int attempt = 1; attempt <= 12; attempt++) {
            // Past each short wait, well within the lockout.
            clock.advance(Duration.ofSeconds(10));
            try {
                signIn.authenticate(attempt(username, from));
            } catch (SignInRefused e) {
                refused++;
            } catch (AuthenticationException e) {
                // a wrong password, checked
            }
        }
        // Five checks, the fifth locks; the seven attempts after it are refused without one.
        assertThat(checks.get()).isEqualTo(5);
        assertThat(refused).isEqualTo(1 + 7);
    }

    @Test
    void anOperatorCannotUseBasicEvenWithTheRightPasswordAndIsToldWhy() {
        String operator = fixtures.operator();
        Answer answer = basic(operator, RIGHT, newAddress());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("code").asText()).isEqualTo("two-factor-required");
        assertThat(answer.body().get("detail").asText()).contains("API token");
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String from) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, "guess");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(from);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    private void signInByPage(String username, String password) {
        browser().driver().manage().deleteAllCookies();
        browser().open("/sign-in");
        browser().type("username", username);
        browser().type("password", password);
        browser().find(By.cssSelector("form button[type=submit]")).click();
        browser().waitForUrl("/sign-in?");
    }

    /** A test-net address (RFC 5737) not used before in this run, as a proxy would forward it. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private Answer basic(String username, String password, String from) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/account"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (username + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .header("X-Forwarded-For", from).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    JSON.readTree(response.body().isEmpty() ? "{}" : response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
