package com.hmoexchange.hub.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.security.HubUser;
import com.hmoexchange.hub.security.Totp;
import com.hmoexchange.hub.security.TwoFactor;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.BrowserTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.TestMail;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An administrator's reset of a person's two-factor sign-in (lost phone), through the API and the People page (headless
 * Chromium) on real PostgreSQL and GreenMail: who may do it for whom, what the person gets (an email, sessions ended, a set-up at their next sign-in),
 * and the audit entry; refused for oneself, for another tenant's people and for roles that do not manage them.
 */
class TwoFactorResetTests extends BrowserTest {

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    private Fixtures.Practice practice;
    private String colleague;

    @BeforeEach
    void practiceWithAnEnrolledColleague() {
        practice = fixtures.practice();
        colleague = fixtures.ownerWithEmail(practice.provider());
        enrol(colleague);
    }

    @Test
    void an_owner_resets_a_colleagues_two_factor_who_is_emailed_and_sets_it_up_again_at_next_sign_in() {
        Api.Response reset = as(practice.owner()).post("/api/people/" + id(colleague) + "/two-factor/reset", "");

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().get("username").asText()).isEqualTo(colleague);
        assertThat(twoFactor.isOn(id(colleague))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from recovery_code where user_id = ?", Long.class, id(colleague))).isZero();
        assertThat(twoFactor.mustEnrol(user(colleague))).as("set up again at the next sign-in, though OWNER does not require it")
                .isTrue();
        TestMail.Mail mail = TestMail.awaitMail(colleague, "Your two-factor sign-in was reset");
        assertThat(mail.body()).contains(practice.owner()).contains("set up two-factor sign-in again");
        assertThat(jdbc.queryForList("select actor from audit_entry where action = 'TWO_FACTOR_RESET' and object_id = ?",
                String.class, String.valueOf(id(colleague)))).containsExactly(practice.owner());

        enrol(colleague);
        assertThat(twoFactor.mustEnrol(user(colleague))).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from two_factor_reset where user_id = ?", Long.class, id(colleague))).isZero();
    }

    @Test
    void a_platform_admin_resets_anyones_and_an_hmo_admin_their_hmos_administrators() {
        String hmoAdmin = fixtures.hmoAdminWithEmail("acme-hmo");
        enrol(hmoAdmin);
        String sameHmo = fixtures.hmoAdmin("acme-hmo");

        assertThat(as(sameHmo).post("/api/people/" + id(hmoAdmin) + "/two-factor/reset", "").status()).isEqualTo(200);
        assertThat(twoFactor.isOn(id(hmoAdmin))).isFalse();
        assertThat(as(fixtures.platformAdmin()).post("/api/people/" + id(colleague) + "/two-factor/reset", "").status())
                .isEqualTo(200);
        assertThat(twoFactor.isOn(id(colleague))).isFalse();
    }

    @Test
    void nobody_resets_their_own_another_tenants_or_without_the_role_and_nothing_changes() {
        String hmoAdmin = fixtures.hmoAdmin("acme-hmo");
        enrol(hmoAdmin);

        Api.Response own = as(colleague).post("/api/people/" + id(colleague) + "/two-factor/reset", "");
        Api.Response otherPractice = as(fixtures.practice().owner()).post("/api/people/" + id(colleague) + "/two-factor/reset", "");
        Api.Response admin = as(practice.admin()).post("/api/people/" + id(colleague) + "/two-factor/reset", "");
        Api.Response otherHmo = as(fixtures.hmoAdmin("crestline-health")).post("/api/people/" + id(hmoAdmin) + "/two-factor/reset", "");
        Api.Response hmoForPractice = as(fixtures.hmoAdmin("acme-hmo")).post("/api/people/" + id(colleague) + "/two-factor/reset", "");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asText()).contains("your own");
        assertThat(otherPractice.status()).isEqualTo(404);
        assertThat(admin.status()).isEqualTo(403);
        assertThat(otherHmo.status()).isEqualTo(404);
        assertThat(hmoForPractice.status()).isEqualTo(404);
        assertThat(twoFactor.isOn(id(colleague))).isTrue();
        assertThat(twoFactor.isOn(id(hmoAdmin))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'TWO_FACTOR_RESET' and object_id in (?, ?)",
                Long.class, String.valueOf(id(colleague)), String.valueOf(id(hmoAdmin)))).isZero();
    }

    @Test
    void an_owner_resets_it_from_the_people_page_for_a_colleague_who_has_it_on_only() {
        browser.signIn(practice.owner(), Fixtures.PASSWORD);
        browser.open("/people");

        assertThat(browser.all(By.cssSelector("button[aria-label^='Reset two-factor sign-in of ']")))
                .as("only the colleague who has it on gets the button, not the owner, admin or billing staff")
                .extracting(b -> b.getAttribute("aria-label")).containsExactly("Reset two-factor sign-in of " + colleague);
        browser.find(By.cssSelector("button[aria-label='Reset two-factor sign-in of " + colleague + "']")).click();

        browser.waitForText(By.id("main"), "Two-factor sign-in of " + colleague + " is reset");
        assertThat(twoFactor.isOn(id(colleague))).isFalse();
        assertThat(browser.all(By.cssSelector("button[aria-label^='Reset two-factor sign-in of ']"))).isEmpty();
    }

    /** Sets up two-factor sign-in as the person would: a new secret, confirmed with a code from it. */
    private void enrol(String username) {
        HubUser user = user(username);
        byte[] secret = new Base32().decode(twoFactor.enrolment(user).secret());
        twoFactor.confirm(user, Totp.standard().code(secret, Instant.now()));
        assertThat(twoFactor.isOn(user.id())).isTrue();
    }

    private HubUser user(String username) {
        return (HubUser) accounts.loadUserByUsername(username);
    }

    private long id(String username) {
        return jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
    }
}
