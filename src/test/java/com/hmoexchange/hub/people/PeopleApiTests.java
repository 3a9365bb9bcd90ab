package com.hmoexchange.hub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.common.InvalidInput;
import com.hmoexchange.hub.security.Role;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.Fixtures.Practice;
import com.hmoexchange.hub.support.TestMail;
import com.hmoexchange.hub.support.TestMail.Mail;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Users of every kind: invitations, roles, disable and enable, passwords (issue 14, items 3 and 9). */
class PeopleApiTests extends ApiTest {

    static final Pattern LINK = Pattern.compile("https?://\\S+/set-password\\?token=([A-Za-z0-9_-]+)");
    static final String NEW_PASSWORD = "violet-harbour-lantern-42";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    People people;

    @Test
    void the_demo_seeds_a_user_only_with_a_password_the_rules_take_and_leaves_nobody_behind_otherwise() {
        Practice practice = fixtures.practice();
        String name = Fixtures.unique("desk").toLowerCase();

        assertThatThrownBy(() -> people.seedWithPassword(name, Role.BILLING_STAFF, practice.provider().getId(), null, "hub-demo"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("10 to 200 characters");
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, name)).isZero();

        people.seedWithPassword(name, Role.BILLING_STAFF, practice.provider().getId(), null, NEW_PASSWORD);

        assertThat(new Api(port, name, NEW_PASSWORD).get("/api/claims").status()).isEqualTo(200);
        // A short name is no address: no email is kept for it, so no reset link can go to it.
        assertThat(jdbc.queryForObject("select email from app_user where username = ?", String.class, name)).isNull();
    }

    @Test
    void an_owner_invites_a_colleague_who_chooses_a_password_with_the_link_and_signs_in() {
        Practice practice = fixtures.practice();
        String email = Fixtures.unique("nurse").toLowerCase() + "@clinic.example";

        Api.Response invited = as(practice.owner()).post("/api/people/invitations", Map.of("email", email, "role", "BILLING_STAFF"));

        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.json().at("/user/enabled").asBoolean()).isFalse();
        String token = token(TestMail.awaitMail(email, "You are invited to " + practice.provider().getName()));
        assertThat(new Api(port, email, NEW_PASSWORD).get("/api/claims").status()).isEqualTo(401);
        Api.Response set = anonymous().post("/api/credentials/password", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(new Api(port, email, NEW_PASSWORD).get("/api/claims").status()).isEqualTo(200);
        assertThat(as(practice.owner()).get("/api/people").json().findValuesAsText("username")).contains(email);
    }

    @Test
    void an_invitation_to_an_address_already_used_is_refused_and_nothing_is_sent() {
        Practice practice = fixtures.practice();
        String taken = fixtures.ownerWithEmail(fixtures.practice().provider());
        int usersBefore = as(practice.owner()).get("/api/people").json().size();

        Api.Response refused = as(practice.owner()).post("/api/people/invitations", Map.of("email", taken.toUpperCase(), "role", "ADMIN"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("email-taken");
        assertThat(refused.json().get("detail").asText()).contains(taken).contains("Invite another address");
        assertThat(as(practice.owner()).get("/api/people").json().size()).isEqualTo(usersBefore);
        assertThat(TestMail.to(taken)).isEmpty();
    }

    @Test
    void a_reset_link_sets_a_new_password_once_and_is_refused_the_second_time() {
        Practice practice = fixtures.practice();
        String owner = fixtures.ownerWithEmail(practice.provider());

        Api.Response asked = anonymous().post("/api/account/password-reset", Map.of("email", owner));
        assertThat(asked.status()).isEqualTo(202);
        String token = token(TestMail.awaitMail(owner, "Reset your HMO Exchange Hub password"));
        assertThat(anonymous().post("/api/credentials/password", Map.of("token", token, "password", NEW_PASSWORD)).status())
                .isEqualTo(200);
        assertThat(new Api(port, owner, NEW_PASSWORD).get("/api/account").status()).isEqualTo(200);

        Api.Response again = anonymous().post("/api/credentials/password", Map.of("token", token, "password", "another-" + NEW_PASSWORD));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("sign-in-link-used");
        assertThat(again.json().get("detail").asText()).contains("Forgot your password?");
        assertThat(new Api(port, owner, "another-" + NEW_PASSWORD).get("/api/account").status()).isEqualTo(401);
        assertThat(new Api(port, owner, NEW_PASSWORD).get("/api/account").status()).isEqualTo(200);
    }

    @Test
    void an_expired_reset_link_is_refused_and_the_password_stays() {
        String owner = fixtures.ownerWithEmail(fixtures.practice().provider());
        anonymous().post("/api/account/password-reset", Map.of("email", owner));
        String token = token(TestMail.awaitMail(owner, "Reset your HMO Exchange Hub password"));
        // Simulates the hour passing: the link's expiry moved into the past.
        jdbc.update("update sign_in_link set expires_at = expires_at - interval '2 hours' where user_id = "
                + "(select id from app_user where username = ?)", owner);

        Api.Response expired = anonymous().post("/api/credentials/password", Map.of("token", token, "password", NEW_PASSWORD));

        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.json().get("code").asText()).isEqualTo("sign-in-link-expired");
        assertThat(expired.json().get("detail").asText()).contains("ask for a new one")
                .as("when, in the hub's zone as pages say it").containsPattern("expired on \\d{1,2} [A-Z][a-z]{2,3} \\d{4}, \\d{2}:\\d{2} WAT\\.");
        assertThat(new Api(port, owner, NEW_PASSWORD).get("/api/account").status()).isEqualTo(401);
        assertThat(as(owner).get("/api/account").status()).isEqualTo(200);
    }

    @Test
    void a_reset_asked_for_an_unknown_address_gets_the_same_answer_and_no_email() {
        String stranger = Fixtures.unique("nobody").toLowerCase() + "@nowhere.example";

        Api.Response asked = anonymous().post("/api/account/password-reset", Map.of("email", stranger));

        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().get("message").asText()).contains("If " + stranger + " belongs to a user");
        assertThat(TestMail.to(stranger)).isEmpty();
    }

    @Test
    void the_last_owner_cannot_disable_themselves_or_give_up_the_role() {
        Practice practice = fixtures.practice();
        Api owner = as(practice.owner());
        long ownId = owner.get("/api/account").json().get("id").asLong();

        Api.Response disable = owner.post("/api/people/" + ownId + "/disable", "");
        Api.Response demote = owner.put("/api/people/" + ownId + "/role", Map.of("role", "ADMIN"));

        assertThat(disable.status()).as(disable.toString()).isEqualTo(409);
        assertThat(disable.json().get("code").asText()).isEqualTo("last-owner");
        assertThat(disable.json().get("detail").asText()).contains("Make another user OWNER first");
        assertThat(demote.json().get("code").asText()).isEqualTo("last-owner");
        assertThat(owner.get("/api/account").json().get("role").asText()).isEqualTo("OWNER");
    }

    @Test
    void the_last_platform_admin_cannot_disable_themselves() {
        String admin = fixtures.platformAdmin();
        Api api = as(admin);
        long ownId = api.get("/api/account").json().get("id").asLong();
        // Others from earlier tests share the database: disable them, so this one is the last.
        for (JsonNode user : api.get("/api/people").json()) {
            if ("PLATFORM_ADMIN".equals(user.get("role").asText()) && user.get("enabled").asBoolean()
                    && user.get("id").asLong() != ownId) {
                assertThat(api.post("/api/people/" + user.get("id").asLong() + "/disable", "").status()).isEqualTo(200);
            }
        }

        Api.Response refused = api.post("/api/people/" + ownId + "/disable", "");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("last-platform-admin");
        assertThat(refused.json().get("detail").asText()).contains("Invite another platform administrator first");
        assertThat(api.get("/api/account").status()).isEqualTo(200);
    }

    @Test
    void a_disabled_user_is_refused_by_the_api_at_once_and_a_role_change_applies_to_the_next_request() {
        Practice practice = fixtures.practice();
        Api owner = as(practice.owner());
        long billingId = idOf(owner, practice.billing());
        long adminId = idOf(owner, practice.admin());
        assertThat(as(practice.admin()).put("/api/providers/me/hmo-module", Map.of("enabled", true)).status()).isEqualTo(403);

        assertThat(owner.post("/api/people/" + billingId + "/disable", "").json().get("enabled").asBoolean()).isFalse();
        assertThat(owner.put("/api/people/" + adminId + "/role", Map.of("role", "OWNER")).status()).isEqualTo(200);

        assertThat(as(practice.billing()).get("/api/claims").status()).isEqualTo(401);
        assertThat(as(practice.admin()).put("/api/providers/me/hmo-module", Map.of("enabled", true)).status()).isEqualTo(200);
        assertThat(owner.post("/api/people/" + billingId + "/enable", "").json().get("enabled").asBoolean()).isTrue();
        assertThat(as(practice.billing()).get("/api/claims").status()).isEqualTo(200);
    }

    @Test
    void nobody_manages_another_practices_or_another_hmos_users() {
        Practice mine = fixtures.practice();
        Practice theirs = fixtures.practice();
        long theirBilling = idOf(as(theirs.owner()), theirs.billing());
        String acmeAdmin = fixtures.hmoAdmin("acme-hmo");
        String harmonyAdmin = fixtures.hmoAdmin("harmony-care");
        long acmeAdminId = as(acmeAdmin).get("/api/account").json().get("id").asLong();

        assertThat(as(mine.owner()).post("/api/people/" + theirBilling + "/disable", "").status()).isEqualTo(404);
        assertThat(as(harmonyAdmin).post("/api/people/" + acmeAdminId + "/disable", "").status()).isEqualTo(404);
        assertThat(as(harmonyAdmin).get("/api/people").json().findValuesAsText("username")).doesNotContain(acmeAdmin);
        assertThat(as(mine.billing()).get("/api/people").status()).isEqualTo(403);
        assertThat(as(mine.admin()).post("/api/people/invitations", Map.of("email", "x@clinic.example", "role", "OWNER"))
                .status()).isEqualTo(422);
        assertThat(as(theirs.billing()).get("/api/claims").status()).isEqualTo(200);
    }

    @Test
    void a_new_password_must_be_long_not_the_user_name_and_not_a_common_one() {
        Practice practice = fixtures.practice();
        Api owner = as(practice.owner());

        Api.Response common = owner.put("/api/account/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "password123"));
        Api.Response name = owner.put("/api/account/password", Map.of("currentPassword", Fixtures.PASSWORD,
                "newPassword", "my-" + practice.owner() + "-pass"));
        Api.Response wrongCurrent = owner.put("/api/account/password", Map.of("currentPassword", "not-it-at-all", "newPassword", NEW_PASSWORD));

        assertThat(common.status()).isEqualTo(422);
        assertThat(common.json().get("detail").asText()).contains("most common");
        assertThat(name.json().get("detail").asText()).contains("must not contain your user name");
        assertThat(wrongCurrent.json().at("/errors/0/field").asText()).isEqualTo("currentPassword");
        assertThat(owner.put("/api/account/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", NEW_PASSWORD))
                .status()).isEqualTo(200);
        assertThat(new Api(port, practice.owner(), NEW_PASSWORD).get("/api/account").status()).isEqualTo(200);
    }

    private static long idOf(Api manager, String username) {
        for (JsonNode user : manager.get("/api/people").json()) {
            if (user.get("username").asText().equals(username)) {
                return user.get("id").asLong();
            }
        }
        throw new AssertionError(username + " not among " + manager.get("/api/people").text());
    }

    static String token(Mail mail) {
        Matcher m = LINK.matcher(mail.body());
        assertThat(m.find()).as(mail.body()).isTrue();
        return m.group(1);
    }
}
