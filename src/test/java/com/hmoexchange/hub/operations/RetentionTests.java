package com.hmoexchange.hub.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A retention run on PostgreSQL against rows of several ages: payloads go at their limit while the record
 * of the message stays, rows go at theirs, mail still to be sent stays, and the run is recorded per store.
 */
class RetentionTests extends ApiTest {

    @Autowired
    Retention retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void a_run_purges_old_payloads_before_their_records_and_deletes_what_is_past_each_stores_retention() {
        Instant now = clock.instant();
        String recent = message(now.minus(Duration.ofDays(1)));
        String pastPayloadLimit = message(now.minus(Duration.ofDays(100)));
        String pastRecordLimit = message(now.minus(Duration.ofDays(500)));
        String oldNotice = Fixtures.unique("old notice");
        String newNotice = Fixtures.unique("new notice");
        notice(oldNotice, now.minus(Duration.ofDays(200)));
        notice(newNotice, now.minus(Duration.ofDays(2)));
        String sent = mail("SENT", now.minus(Duration.ofDays(40)));
        String waiting = mail("PENDING", now.minus(Duration.ofDays(40)));
        String oldKey = Fixtures.unique("old-file");
        jdbc.update("insert into camel_messageprocessed (processorname, messageid, createdat) values ('retention-test', ?, ?)",
                oldKey, Timestamp.from(now.minus(Duration.ofDays(500))));

        Map<String, Long> touched = retention.run(now);

        assertThat(payload(recent)).isEqualTo("payload of " + recent);
        assertThat(payload(pastPayloadLimit)).isNull();
        assertThat(count("select count(*) from message_record where claim_number = ?", pastPayloadLimit)).isEqualTo(1);
        assertThat(count("select count(*) from message_record where claim_number = ?", pastRecordLimit)).isZero();
        assertThat(count("select count(*) from notification where message = ?", oldNotice)).isZero();
        assertThat(count("select count(*) from notification where message = ?", newNotice)).isEqualTo(1);
        assertThat(count("select count(*) from outgoing_mail where subject = ?", sent)).isZero();
        assertThat(count("select count(*) from outgoing_mail where subject = ?", waiting)).isEqualTo(1);
        jdbc.update("delete from outgoing_mail where subject = ?", waiting);
        jdbc.update("delete from notification where message = ?", newNotice);
        assertThat(count("select count(*) from camel_messageprocessed where messageid = ?", oldKey)).isZero();
        assertThat(touched.get("message-payloads")).isGreaterThanOrEqualTo(1);
        assertThat(touched.get("messages")).isGreaterThanOrEqualTo(1);

        List<String> recorded = jdbc.queryForList("select store from retention_run where started_at >= ?", String.class,
                Timestamp.from(now));
        assertThat(recorded).contains("message-payloads", "messages", "document-payloads", "quarantined-payloads",
                "outgoing-mail", "notifications", "idempotency-rows");
        // On PostgreSQL the 500-day-old message's month was dropped whole, and the run says so.
        assertThat(jdbc.queryForObject("select detail from retention_run where store = 'messages' and started_at >= ? "
                + "order by id desc limit 1", String.class, Timestamp.from(now))).startsWith("dropped message_record_y");
    }

    private String message(Instant finished) {
        String claim = Fixtures.unique("RET");
        jdbc.update("insert into message_record (direction, channel, payer_code, claim_number, attempt, outcome, payload, "
                + "started_at, finished_at) values ('OUT', 'http', 'acme-hmo', ?, 1, 'DELIVERED', ?, ?, ?)",
                claim, "payload of " + claim, Timestamp.from(finished), Timestamp.from(finished));
        return claim;
    }

    private void notice(String message, Instant at) {
        jdbc.update("insert into notification (audience, kind, message, created_at) values ('OPERATORS', 'FILE_QUARANTINED', ?, ?)",
                message, Timestamp.from(at));
    }

    private String mail(String status, Instant at) {
        String subject = Fixtures.unique("retention " + status);
        jdbc.update("insert into outgoing_mail (recipient, subject, status, attempts, next_attempt_at, created_at) "
                + "values ('ops@hub.test', ?, ?, 1, ?, ?)", subject, status, Timestamp.from(at.plus(Duration.ofDays(3650))),
                Timestamp.from(at));
        return subject;
    }

    private String payload(String claim) {
        return jdbc.queryForObject("select payload from message_record where claim_number = ?", String.class, claim);
    }

    private long count(String sql, Object arg) {
        return jdbc.queryForObject(sql, Long.class, arg);
    }
}
