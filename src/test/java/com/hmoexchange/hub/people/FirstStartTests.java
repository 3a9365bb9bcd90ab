package com.hmoexchange.hub.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.hmoexchange.hub.support.SmtpGate;
import com.hmoexchange.hub.support.EmptyDatabase;
import com.hmoexchange.hub.support.TestMail;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first start on an empty PostgreSQL database with HUB_ADMIN_EMAIL (issue 14, item 1): one platform
 * administrator and an emailed link, nothing else; a second start adds nothing.
 */
@ExtendWith(EmptyDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class FirstStartTests {

    static final String ADMIN = "first.admin-" + System.currentTimeMillis() + "@hub.example";

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        String url = EmptyDatabase.create("hub_first_start_");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SmtpGate::port);
        registry.add("hub.people.admin-email", () -> ADMIN);
        PayerSandboxes.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FirstStart firstStart;

    @Test
    void an_empty_hub_gets_one_platform_administrator_who_sets_a_password_by_the_emailed_link_and_invites_the_next() {
        assertThat(jdbc.queryForList("select username, role from app_user"))
                .containsExactly(Map.of("username", ADMIN, "role", "PLATFORM_ADMIN"));
        assertThat(jdbc.queryForObject("select count(*) from provider", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from contract", Long.class)).isZero();
        TestMail.Mail invitation = TestMail.awaitMail(ADMIN, "You are invited to HMO Exchange Hub");
        // To the hub itself: not "... to HMO Exchange Hub on HMO Exchange Hub", as the first version said.
        assertThat(invitation.subject()).isEqualTo("You are invited to HMO Exchange Hub");
        assertThat(invitation.body()).contains("as Platform administrator.").doesNotContain(" for HMO Exchange Hub");
        Matcher link = PeopleApiTests.LINK.matcher(invitation.body());
        assertThat(link.find()).as(invitation.body()).isTrue();

        firstStart.run(new DefaultApplicationArguments());

        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_link", Long.class)).isEqualTo(1);
        Api anonymous = new Api(port, null, null);
        assertThat(anonymous.post("/api/credentials/password", Map.of("token", link.group(1), "password",
                PeopleApiTests.NEW_PASSWORD)).status()).isEqualTo(200);
        Api admin = new Api(port, ADMIN, PeopleApiTests.NEW_PASSWORD);
        String second = "second.admin-" + System.currentTimeMillis() + "@hub.example";
        Api.Response invited = admin.post("/api/people/invitations", Map.of("email", second, "role", "PLATFORM_ADMIN"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        TestMail.awaitMail(second, "You are invited to HMO Exchange Hub");
    }
}
