package com.hmoexchange.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hmoexchange.hub.mail.Mailer;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.SmtpGate;
import com.hmoexchange.hub.support.TestMail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.beans.factory.annotation.Autowired;

/** A sign-in link is not kept in clear: not in a mail after it went (or could no longer work), not in the session. */
class SignInLinksNotKeptTests extends SecurityRulesTest {

    private static final Pattern LINK = Pattern.compile("/set-password\\?token=([A-Za-z0-9_-]+)");

    @Autowired
    Mailer mailer;

    @Test
    void aResetLinkIsInTheDatabaseOnlyAsADigestOnceItsMailWent() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        assertThat(anonymous().post("/api/account/password-reset", Map.of("email", owner)).status()).isEqualTo(202);
        String token = token(TestMail.awaitMail(owner, "Reset").body());

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from outgoing_mail where recipient = ? and status = 'SENT' and body is null", Integer.class, owner) == 1);
        assertThat(jdbc.queryForObject("select count(*) from outgoing_mail where body like ?", Integer.class, "%" + token + "%"))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from sign_in_link where token_hash = ?", Integer.class, token)).isZero();
    }

    @Test
    void aLinkWhoseMailCouldNotGoIsDiscardedWhenItExpires() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        SmtpGate.shut();
        try {
            assertThat(anonymous().post("/api/account/password-reset", Map.of("email", owner)).status()).isEqualTo(202);
            assertThat(jdbc.queryForObject("select count(*) from outgoing_mail where recipient = ? and status = 'PENDING' "
                    + "and body like '%/set-password?token=%'", Integer.class, owner)).isEqualTo(1);
            // The reset link works for an hour (HUB_RESET_LINK_VALIDITY); the mail server is still down after it.
            clock.advance(Duration.ofMinutes(61));
            mailer.relay();
            assertThat(jdbc.queryForList("select status, body, last_error from outgoing_mail where recipient = ?", owner))
                    .singleElement().satisfies(row -> {
                        assertThat(row.get("status")).isEqualTo("FAILED");
                        assertThat(row.get("body")).isNull();
                        assertThat((String) row.get("last_error")).contains("expired");
                    });
        } finally {
            SmtpGate.open();
        }
        mailer.relay();
        assertThat(TestMail.to(owner)).isEmpty();
    }

    @Test
    void theSetPasswordPageKeepsTheLinkInACookieOfItsOwnNotInTheSession() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        assertThat(anonymous().post("/api/account/password-reset", Map.of("email", owner)).status()).isEqualTo(202);
        String token = token(TestMail.awaitMail(owner, "Reset").body());

        browser().driver().manage().deleteAllCookies();
        browser().open("/set-password?token=" + token);
        browser().waitForText(By.id("set-password-user"), owner);
        assertThat(browser().driver().getCurrentUrl()).doesNotContain(token);
        Cookie cookie = browser().driver().manage().getCookieNamed("hub-sign-in-link");
        assertThat(cookie.getValue()).isEqualTo(token);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getPath()).isEqualTo("/set-password");
        List<byte[]> attributes = jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class);
        assertThat(attributes).noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(token));

        browser().type("password", "a-new-password-9");
        browser().type("confirm", "a-new-password-9");
        browser().find(By.cssSelector("form.form button[type=submit]")).click();
        browser().waitForUrl("/sign-in?password-set");
        browser().open("/set-password");
        assertThat(browser().driver().manage().getCookieNamed("hub-sign-in-link")).isNull();
        assertThat(new Api(port, owner, "a-new-password-9").get("/api/account").status()).isEqualTo(200);
    }

    private static String token(String body) {
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }
}
