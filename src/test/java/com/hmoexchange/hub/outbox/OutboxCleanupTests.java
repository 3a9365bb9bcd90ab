package com.hmoexchange.hub.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.hmoexchange.hub.support.ApiTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Published outbox rows are let go after the keep period; unpublished and recent ones stay. */
class OutboxCleanupTests extends ApiTest {

    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rows_published_longer_ago_than_the_keep_period_are_deleted_and_no_others() {
        Instant now = Instant.now();
        // A made-up event type: the relay publishes only claim events, so these rows stay as written here.
        long old = row(now.minus(Duration.ofDays(30)));
        long recent = row(now.minus(Duration.ofDays(1)));
        long unpublished = row(null);

        relay.forgetPublished(); // the hourly timer may have been first; what is left is what counts

        List<Long> left = jdbc.queryForList("select id from outbox_message where id in (?, ?, ?)", Long.class, old, recent, unpublished);
        assertThat(left).containsExactlyInAnyOrder(recent, unpublished);
        jdbc.update("delete from outbox_message where event_type = 'CleanupTest'");
    }

    private long row(Instant publishedAt) {
        return jdbc.queryForObject("""
                insert into outbox_message (aggregate_type, aggregate_id, event_type, payload, created_at, published_at)
                values ('Test', 'cleanup', 'CleanupTest', '{}', ?, ?) returning id""", Long.class,
                Timestamp.from(Instant.now().minus(Duration.ofDays(40))), publishedAt == null ? null : Timestamp.from(publishedAt));
    }
}
