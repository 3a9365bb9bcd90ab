package com.hmoexchange.hub.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes the readings behind the gauges, the incidents and the dashboard. {@link HubMetrics} takes them on a
 * timer (hub.operations.readings-period), so that a Prometheus scrape or a dashboard refresh costs no query;
 * each reading is a count over an index, whatever the traffic.
 * Every node takes its own readings of the shared database; they agree.
 */
@Component
class OperationsReadings {

    private final JdbcTemplate jdbc;
    private final BrokerDepths broker;
    private final Clock clock;
    private final AtomicReference<Readings> latest = new AtomicReference<>(Readings.NONE);

    OperationsReadings(JdbcTemplate jdbc, BrokerDepths broker, Clock clock) {
        this.jdbc = jdbc;
        this.broker = broker;
        this.clock = clock;
    }

    /** The last readings taken (all zero before the first). */
    Readings latest() {
        return latest.get();
    }

    /** Reads now, keeps the readings for the gauges, and returns them. */
    Readings take() {
        return take(clock.instant());
    }

    /** Reads, with ages counted up to {@code now} (a test's instant), keeps the readings and returns them. */
    Readings take(Instant now) {
        Timestamp nowTs = Timestamp.from(now);
        long[] outbox = new long[2];
        jdbc.query("select count(*), min(created_at) from outbox_message where published_at is null", rs -> {
            outbox[0] = rs.getLong(1);
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            outbox[1] = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
        });
        Map<String, Long> quarantined = new LinkedHashMap<>();
        jdbc.query("select payer_code, count(*) from inbound_document where outcome = 'QUARANTINED' and released_at is null "
                + "group by payer_code order by payer_code", rs -> {
                    quarantined.put(rs.getString(1), rs.getLong(2));
                });
        Long stale = jdbc.queryForObject("select count(*) from claim where status in ('SUBMITTED', 'RECEIVED', 'IN_REVIEW') "
                + "and stale_after < ?", Long.class, nowTs);
        long[] mail = new long[3];
        jdbc.query("select status, attempts > 0, count(*) from outgoing_mail where status in ('PENDING', 'FAILED') "
                + "group by status, attempts > 0", rs -> {
                    if ("FAILED".equals(rs.getString(1))) {
                        mail[2] += rs.getLong(3);
                    } else {
                        mail[0] += rs.getLong(3);
                        mail[1] += rs.getBoolean(2) ? rs.getLong(3) : 0;
                    }
                });
        long[] requests = new long[2];
        jdbc.query("select count(*), min(requested_at) from change_request where status = 'PENDING'", rs -> {
            requests[0] = rs.getLong(1);
            OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
            requests[1] = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
        });
        List<Readings.AnswerCount> answers = jdbc.query("select payer_code, channel, outcome, count(*) from inbound_document "
                + "where received_at >= ? group by payer_code, channel, outcome order by payer_code, channel, outcome",
                (rs, i) -> new Readings.AnswerCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                Timestamp.from(now.minus(Duration.ofDays(1))));
        Map<String, Long> openIncidents = new LinkedHashMap<>();
        jdbc.query("select kind, count(*) from incident where closed_at is null group by kind order by kind",
                rs -> {
                    openIncidents.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> heldMails = new LinkedHashMap<>();
        jdbc.query("select intake, owner, count(*) from held_mail where status = 'HELD' group by intake, owner order by intake, owner",
                rs -> {
                    heldMails.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3));
                });
        Readings readings = new Readings(now, outbox[0], Duration.ofSeconds(outbox[1]), broker.depths(), quarantined,
                stale == null ? 0 : stale, mail[0], mail[1], mail[2], requests[0], Duration.ofSeconds(requests[1]), answers,
                openIncidents, heldMails);
        latest.set(readings);
        return readings;
    }
}
