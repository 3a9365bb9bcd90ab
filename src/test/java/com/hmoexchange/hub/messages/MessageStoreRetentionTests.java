package com.hmoexchange.hub.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import com.hmoexchange.hub.support.Fixtures;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message store by month on PostgreSQL: a month past the retention is dropped whole (its table is gone) while
 * a month only partly past it is kept with its payloads emptied, messages of a month without a partition wait in
 * the default one until their month is made, and the current and next months are always there ahead.
 */
class MessageStoreRetentionTests extends ApiTest {

    static final Duration PAYLOADS = Duration.ofDays(90);
    static final Duration MESSAGES = Duration.ofDays(400);

    @Autowired
    MessageStoreRetention store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void a_month_past_retention_is_dropped_whole_and_older_payloads_are_emptied() {
        Instant now = clock.instant();
        Instant old = now.minus(Duration.ofDays(480));
        YearMonth oldMonth = YearMonth.from(old.atZone(ZoneOffset.UTC));
        store.prepareMonths(oldMonth, oldMonth);
        String dropped = message(old);
        String alsoDropped = message(old.plus(Duration.ofHours(1)));
        String payloadGone = message(now.minus(Duration.ofDays(120)));
        String kept = message(now.minus(Duration.ofDays(10)));
        assertThat(partition(dropped)).isEqualTo(name(oldMonth));

        MessageStoreRetention.Purged payloads = store.purgePayloads(now.minus(PAYLOADS));
        MessageStoreRetention.Purged messages = store.purgeMessages(now.minus(MESSAGES));

        assertThat(exists(name(oldMonth))).isFalse();
        assertThat(count(dropped) + count(alsoDropped)).isZero();
        assertThat(messages.rows()).isGreaterThanOrEqualTo(2);
        assertThat(messages.detail()).contains("dropped " + name(oldMonth) + " (");
        assertThat(count(payloadGone)).isEqualTo(1);
        assertThat(payload(payloadGone)).isNull();
        assertThat(payloads.rows()).isGreaterThanOrEqualTo(1);
        assertThat(payload(kept)).isEqualTo("payload of " + kept);
        assertThat(store.months()).doesNotContain(oldMonth);
        // The (key, attempt) pairs kept unique beside the store go with their messages.
        assertThat(keyRows(dropped) + keyRows(alsoDropped)).isZero();
        assertThat(keyRows(kept)).isEqualTo(1);
    }

    private long keyRows(String key) {
        return jdbc.queryForObject("select count(*) from message_attempt_key where idempotency_key = ?", Long.class, key);
    }

    @Test
    void a_month_only_partly_past_retention_keeps_its_messages() {
        Instant now = clock.instant();
        // The cutoff falls inside this month: its messages before the cutoff stay until the whole month is past.
        Instant cutoff = now.minus(MESSAGES);
        YearMonth cutoffMonth = YearMonth.from(cutoff.atZone(ZoneOffset.UTC));
        Instant beforeCutoff = cutoffMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60);
        if (!beforeCutoff.isBefore(cutoff)) {
            beforeCutoff = cutoff.minusSeconds(1);
        }
        store.prepareMonths(cutoffMonth, cutoffMonth);
        String waiting = message(beforeCutoff);

        store.purgeMessages(cutoff);

        assertThat(exists(name(cutoffMonth))).isTrue();
        assertThat(count(waiting)).isEqualTo(1);
    }

    @Test
    void messages_of_a_month_without_partition_wait_in_the_default_one_until_it_is_made() {
        Instant now = clock.instant();
        Instant started = now.minus(Duration.ofDays(300));
        YearMonth month = YearMonth.from(started.atZone(ZoneOffset.UTC));
        if (exists(name(month))) {
            jdbc.execute("drop table " + name(month));
        }
        String stray = message(started);
        assertThat(partition(stray)).isEqualTo("message_record_default");

        store.prepareMonths(now);

        assertThat(partition(stray)).isEqualTo(name(month));
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
        assertThat(store.months()).contains(month, current, current.plusMonths(1));
        assertThat(jdbc.queryForObject("select count(*) from message_record_default", Long.class)).isZero();
    }

    private String message(Instant started) {
        String claim = Fixtures.unique("MRT");
        jdbc.update("insert into message_record (direction, channel, payer_code, claim_number, idempotency_key, attempt, outcome, "
                + "payload, started_at, finished_at) values ('OUT', 'http', 'acme-hmo', ?, ?, 1, 'DELIVERED', ?, ?, ?)",
                claim, claim, "payload of " + claim, Timestamp.from(started), Timestamp.from(started.plusSeconds(1)));
        return claim;
    }

    private String partition(String claim) {
        return jdbc.queryForObject("select tableoid::regclass::text from message_record where claim_number = ?", String.class, claim);
    }

    private String payload(String claim) {
        return jdbc.queryForObject("select payload from message_record where claim_number = ?", String.class, claim);
    }

    private long count(String claim) {
        return jdbc.queryForObject("select count(*) from message_record where claim_number = ?", Long.class, claim);
    }

    private boolean exists(String table) {
        return jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table);
    }

    private static String name(YearMonth month) {
        return String.format("message_record_y%04dm%02d", month.getYear(), month.getMonthValue());
    }
}
