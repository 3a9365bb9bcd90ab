package com.hmoexchange.hub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.SmtpGate;
import com.hmoexchange.hub.support.TestMail;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class MailerTests extends ApiTest {

    @Autowired
    Mailer mailer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void an_email_decided_while_the_mail_server_is_down_goes_out_once_when_it_is_back() {
        String to = Fixtures.unique("hr") + "@client.test";
        SmtpGate.shut();
        try {
            mailer.sendAfterCommit(new Email(to, "Your sign-in link", "Open https://hub.example/set-password?token=x"));
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(to) >= 2);
            assertThat(TestMail.to(to)).isEmpty();
            assertThat(jdbc.queryForObject("select status from outgoing_mail where recipient = ?", String.class, to))
                    .isEqualTo("PENDING");
        } finally {
            SmtpGate.open();
        }

        TestMail.awaitMail(to, "Your sign-in link");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(
                jdbc.queryForObject("select status from outgoing_mail where recipient = ?", String.class, to)));
        mailer.relay();
        assertThat(TestMail.to(to)).hasSize(1);
        assertThat(jdbc.queryForObject("select body from outgoing_mail where recipient = ?", String.class, to))
                .as("the sent body (it may hold a sign-in link) is not kept").isNull();
    }

    @Test
    void a_decision_that_rolls_back_sends_nothing() {
        String to = Fixtures.unique("hr") + "@client.test";

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            mailer.sendAfterCommit(new Email(to, "Request approved", "Your request was approved"));
            status.setRollbackOnly();
        });

        mailer.relay();
        assertThat(jdbc.queryForObject("select count(*) from outgoing_mail where recipient = ?", Integer.class, to)).isZero();
        assertThat(TestMail.to(to)).isEmpty();
    }

    private int attempts(String to) {
        Integer attempts = jdbc.query("select attempts from outgoing_mail where recipient = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, to);
        return attempts == null ? 0 : attempts;
    }
}
