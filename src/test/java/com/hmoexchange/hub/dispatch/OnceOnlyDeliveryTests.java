package com.hmoexchange.hub.dispatch;

import static com.hmoexchange.hub.support.PayerSandboxes.HTTP;
import static com.hmoexchange.hub.support.PayerSandboxes.MAIL;
import static com.hmoexchange.hub.support.PayerSandboxes.SFTP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.hmoexchange.hub.enrollees.Enrollee;
import com.hmoexchange.hub.outbox.OutboxRelay;
import com.hmoexchange.hub.support.Api;
import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import com.hmoexchange.hub.support.PayerSandboxes;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * The windows where a claim could reach its payer twice, or be left "not sent" although the payer has it,
 * each opened for real: copies of one message handled at once, the outbox relay publishing again after a
 * crash between the broker's commit and the database's, an attempt whose outcome was never stored, and an
 * outcome stored while the claim's own update failed. docs/reliability.md lists them.
 */
class OnceOnlyDeliveryTests extends ApiTest {

    @Autowired
    CamelContext camel;
    @Autowired
    JmsTemplate jms;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate sql;
    @Autowired
    DataSource dataSource;

    Api billing;
    Api operator;

    @BeforeEach
    void practiceAndOperator() {
        billing = as(fixtures.practice().billing());
        String operatorName = fixtures.operator();
        operator = as(operatorName);
    }

    @Test
    void two_copies_of_one_message_handled_at_once_reach_the_payer_once() throws Exception {
        String number = submittedWhileTheRelayWaits("acme-hmo");
        HTTP.holdOnly(number);
        try {
            for (int copy = 0; copy < 2; copy++) {
                jms.send("claims.outbound", session -> {
                    var message = session.createTextMessage("{\"claimNumber\":\"" + number + "\"}");
                    message.setStringProperty("eventType", "ClaimSubmitted");
                    message.setStringProperty("aggregateId", number);
                    return message;
                });
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.waiting() >= 1);
            // The second copy waits for the first one's lease instead of sending too.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> HTTP.waiting() == 1);
        } finally {
            HTTP.release();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(number).contains("SKIPPED_DUPLICATE"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> HTTP.accepted(number).size() == 1);
        assertThat(attempts(number)).containsExactly("DELIVERED", "SKIPPED_DUPLICATE");
        assertThat(sql.queryForObject("select count(*) from message_record where idempotency_key = ? and outcome = 'DELIVERED'",
                Integer.class, number + "-1")).isEqualTo(1);
    }

    @Test
    void a_send_lease_held_while_the_payer_takes_its_time_holds_no_connection_of_the_shared_pool() throws Exception {
        String number = submittedWhileTheRelayWaits("acme-hmo");
        HTTP.holdOnly(number);
        try {
            jms.send("claims.outbound", session -> {
                var message = session.createTextMessage("{\"claimNumber\":\"" + number + "\"}");
                message.setStringProperty("eventType", "ClaimSubmitted");
                message.setStringProperty("aggregateId", number);
                return message;
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.waiting() >= 1);
            // The lease's lock is held by a connection of the leases' own pool...
            assertThat(sql.queryForList("""
                    select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
                    where l.relation = 'claim_send_lease'::regclass and l.granted""", String.class))
                    .containsExactly("hub-send-leases");
            // ...and the pool requests and other work share has every connection back between their own uses.
            HikariPoolMXBean shared = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
            await().atMost(Duration.ofSeconds(10)).until(() -> shared.getActiveConnections() == 0);
            assertThat(HTTP.waiting()).isEqualTo(1);
        } finally {
            HTTP.release();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(number).contains("DELIVERED"));
    }

    @Test
    void the_relay_publishing_again_after_a_crash_between_broker_and_database_commits_sends_the_claim_once() throws Exception {
        String number;
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            number = submitted("acme-hmo");
            HTTP.holdOnly(number);
            relay.publishPending();
            await().atMost(Duration.ofSeconds(20)).until(() -> HTTP.waiting() >= 1);
            // What a crash after the broker's commit and before the database's leaves: the row is still unpublished.
            sql.update("update outbox_message set published_at = null where aggregate_id = ?", number);
            relay.publishPending();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> HTTP.waiting() == 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            HTTP.release();
            camel.getRouteController().startRoute("outbox-relay");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> attempts(number).contains("SKIPPED_DUPLICATE"));
        assertThat(HTTP.accepted(number)).hasSize(1);
        assertThat(attempts(number)).containsExactly("DELIVERED", "SKIPPED_DUPLICATE");
    }

    @Test
    void a_message_store_row_per_key_and_attempt_is_enforced_by_the_database() throws Exception {
        String key = Fixtures.unique("KEY");
        String insert = """
                insert into message_record (direction, channel, payer_code, claim_number, idempotency_key, attempt, outcome, started_at)
                values ('OUT', 'http', 'acme-hmo', 'CLM-X', ?, 1, 'IN_FLIGHT', current_timestamp)""";
        sql.update(insert, key);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.update(insert, key))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void after_an_attempt_whose_outcome_is_unknown_a_file_already_in_the_payers_folder_is_not_uploaded_again() throws Exception {
        String number;
        Path file;
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            number = submitted("harmony-care");
            // A node uploaded the claim and died before storing how the attempt ended.
            unfinishedAttempt(number, "sftp", "harmony-care");
            file = SFTP.claims().resolve(number + "-1.csv");
            Files.writeString(file, "the upload of the attempt that was cut short\n", StandardCharsets.UTF_8);
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(number).contains("DELIVERED"));
        assertThat(Files.readString(file)).isEqualTo("the upload of the attempt that was cut short\n");
        assertThat(attempts(number)).containsExactly("IN_FLIGHT", "DELIVERED");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus(number)));
    }

    @Test
    void after_attempts_whose_outcome_is_unknown_files_the_payer_collected_are_not_uploaded_again_and_one_connection_looks() throws Exception {
        List<String> numbers = new ArrayList<>();
        int mark;
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            for (int i = 0; i < 3; i++) {
                numbers.add(submitted("harmony-care"));
            }
            // A node uploaded all three and died before storing how the attempts ended. The payer then collected the
            // first (moved it to its archive folder); the second is still in its folder; the third never arrived.
            numbers.forEach(number -> unfinishedAttempt(number, "sftp", "harmony-care"));
            Files.createDirectories(SFTP.collected());
            Files.writeString(SFTP.collected().resolve(numbers.get(0) + "-1.csv"), "collected\n", StandardCharsets.UTF_8);
            Files.writeString(SFTP.claims().resolve(numbers.get(1) + "-1.csv"), "still there\n", StandardCharsets.UTF_8);
            mark = SFTP.listingsSoFar();
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers.stream().allMatch(n -> attempts(n).contains("DELIVERED")));
        assertThat(SFTP.claims().resolve(numbers.get(0) + "-1.csv")).as("the collected claim was uploaded again").doesNotExist();
        assertThat(Files.readString(SFTP.claims().resolve(numbers.get(1) + "-1.csv"))).isEqualTo("still there\n");
        assertThat(Files.readString(SFTP.claims().resolve(numbers.get(2) + "-1.csv"))).contains(numbers.get(2));
        numbers.forEach(number -> assertThat(attempts(number)).containsExactly("IN_FLIGHT", "DELIVERED"));
        // The three were looked for over one connection (each looked for on its own took one each), and the third's
        // upload went over the channel's own kept connection.
        assertThat(SFTP.sessionsThatListed("collected", mark)).isEqualTo(1);
        assertThat(SFTP.sessionsThatListed("claims", mark)).isLessThanOrEqualTo(2);
    }

    @Test
    void after_an_attempt_whose_outcome_is_unknown_an_http_claim_goes_again_with_the_same_idempotency_key() throws Exception {
        String number;
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            number = submitted("acme-hmo");
            // A node posted the claim and died before storing how the attempt ended: only the payer can tell it is a repeat.
            unfinishedAttempt(number, "http", "acme-hmo");
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts(number).contains("DELIVERED"));
        assertThat(HTTP.accepted(number)).extracting(PayerSandboxes.Received::idempotencyKey).containsExactly(number + "-1");
        assertThat(attempts(number)).containsExactly("IN_FLIGHT", "DELIVERED");
    }

    @Test
    void an_email_claim_carries_a_message_id_from_its_key_and_after_an_unknown_outcome_names_the_repeat() throws Exception {
        String first = submitted("crestline-health");
        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(first), m -> m != null);
        assertThat(mail.getMessageID()).isEqualTo("<" + first + "-1@" + senderDomain(mail) + ">");
        assertThat(mail.getHeader("X-Hub-Repeat-Of")).isNull();

        String repeated;
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            repeated = submitted("crestline-health");
            unfinishedAttempt(repeated, "email", "crestline-health");
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
        MimeMessage repeat = await().atMost(Duration.ofSeconds(20)).until(() -> mailFor(repeated), m -> m != null);
        String messageId = "<" + repeated + "-1@" + senderDomain(repeat) + ">";
        assertThat(repeat.getMessageID()).isEqualTo(messageId);
        assertThat(repeat.getHeader("X-Hub-Repeat-Of")).containsExactly(messageId);
    }

    @Test
    void a_claim_whose_delivery_was_stored_but_not_noted_on_it_is_repaired() throws Exception {
        String number;
        String trigger = "fail_note_" + Fixtures.unique("t").replaceAll("[^A-Za-z0-9_]", "_").toLowerCase();
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            number = submitted("acme-hmo");
            // The fault: the claim's update fails after the payer took the claim and the message store has it.
            sql.execute("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                    + "if new.claim_number = '" + number + "' and new.delivery_status = 'DELIVERED' then "
                    + "raise exception 'simulated failure of the claim update'; end if; return new; end $$");
            sql.execute("create trigger " + trigger + " before update on claim for each row execute function " + trigger + "()");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> attempts(number).contains("DELIVERED"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !"DELIVERED".equals(deliveryStatus(number)));
        } finally {
            sql.execute("drop trigger " + trigger + " on claim");
            sql.execute("drop function " + trigger + "()");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(deliveryStatus(number)));
        assertThat(sql.queryForObject("select payer_reference from claim where claim_number = ?", String.class, number))
                .isEqualTo("PAYER-" + number);
        assertThat(HTTP.accepted(number)).hasSize(1);
    }

    @Test
    void a_redelivered_batch_brings_a_claim_its_dead_node_sent_but_never_noted_in_line_at_once() throws Exception {
        String sentByTheDeadNode;
        String neighbour;
        camel.getRouteController().stopRoute("outbox-relay");
        // The periodic repair would mend the claim too, later: stopped, so only the redelivered batch can.
        camel.getRouteController().stopRoute("dispatch-repair");
        try {
            sentByTheDeadNode = submitted("acme-hmo");
            neighbour = submitted("acme-hmo");
            sql.update("update outbox_message set published_at = current_timestamp where aggregate_id in (?, ?)",
                    sentByTheDeadNode, neighbour);
            // What a node leaves when it dies after the payer took the claim and the store has it, before the claim is noted.
            sql.update("""
                    insert into message_record (direction, channel, payer_code, claim_number, idempotency_key, attempt, outcome,
                        payer_reference, started_at, finished_at)
                    values ('OUT', 'http', 'acme-hmo', ?, ?, 1, 'DELIVERED', ?, current_timestamp, current_timestamp)""",
                    sentByTheDeadNode, sentByTheDeadNode + "-1", "PAYER-" + sentByTheDeadNode);
            // The neighbour's first send fails, so the broker hands the batch back (a delivery count above 1).
            HTTP.script(neighbour, 503);
            jms.send("claims.outbound", session -> {
                var message = session.createTextMessage("[{\"claimNumber\":\"" + sentByTheDeadNode + "\"},{\"claimNumber\":\""
                        + neighbour + "\"}]");
                message.setStringProperty("eventType", "ClaimSubmitted");
                message.setStringProperty("aggregateId", sentByTheDeadNode);
                return message;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(deliveryStatus(neighbour)));
            assertThat(attempts(neighbour)).as("the batch went round twice").containsExactly("FAILED", "DELIVERED");
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(deliveryStatus(sentByTheDeadNode)));
        } finally {
            camel.getRouteController().startRoute("dispatch-repair");
            camel.getRouteController().startRoute("outbox-relay");
        }
        assertThat(sql.queryForObject("select payer_reference from claim where claim_number = ?", String.class, sentByTheDeadNode))
                .isEqualTo("PAYER-" + sentByTheDeadNode);
        assertThat(HTTP.accepted(sentByTheDeadNode)).as("the payer already had it: not sent again").isEmpty();
        assertThat(HTTP.accepted(neighbour)).hasSize(1);
    }

    private String deliveryStatus(String number) {
        return sql.queryForObject("select delivery_status from claim where claim_number = ?", String.class, number);
    }

    /** An attempt stored IN_FLIGHT and never ended: what a node that died mid-send leaves in the message store. */
    private void unfinishedAttempt(String number, String channel, String payer) {
        sql.update("""
                insert into message_record (direction, channel, payer_code, claim_number, idempotency_key, attempt, outcome, started_at)
                values ('OUT', ?, ?, ?, ?, 1, 'IN_FLIGHT', current_timestamp)""", channel, payer, number, number + "-1");
    }

    /** Submits a claim while the relay is stopped, so its event waits in the outbox and the test sends the copies. */
    private String submittedWhileTheRelayWaits(String payer) throws Exception {
        camel.getRouteController().stopRoute("outbox-relay");
        String number = submitted(payer);
        // Published as the relay would, later: keep the outbox's own copy from joining in.
        sql.update("update outbox_message set published_at = current_timestamp where aggregate_id = ?", number);
        camel.getRouteController().startRoute("outbox-relay");
        return number;
    }

    private String submitted(String payer) {
        Enrollee patient = fixtures.enrollee(payer);
        JsonNode claim = draft(billing, visit(billing, patient, "CONS-GP"));
        Api.Response attached = billing.upload(claimPath(claim) + "/attachments", "referral.pdf", "application/pdf",
                DispatchTests.PDF, "type", "REFERRAL_LETTER");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        Api.Response submitted = billing.post(claimPath(claim) + "/submit", "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        return claim.get("claimNumber").asText();
    }

    private List<String> attempts(String claimNumber) {
        List<String> outcomes = new ArrayList<>(operator.get("/api/messages?claimNumber=" + claimNumber).json()
                .get("items").findValuesAsText("outcome"));
        Collections.reverse(outcomes);
        return outcomes;
    }

    private static String senderDomain(MimeMessage mail) throws Exception {
        String from = mail.getFrom()[0].toString();
        return from.substring(from.lastIndexOf('@') + 1).replace(">", "");
    }

    private static MimeMessage mailFor(String claimNumber) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(claimNumber);
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null);
    }
}
