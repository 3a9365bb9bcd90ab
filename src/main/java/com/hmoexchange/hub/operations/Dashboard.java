package com.hmoexchange.hub.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The operators' dashboard: one tile per payer and channel, from the message store (indexed by payer,
 * outcome and time) and the incidents. A tile shows a failing payer from its first failed send, before
 * the incident's threshold has passed.
 */
@Service
class Dashboard {

    private final JdbcTemplate jdbc;
    private final Incidents incidents;
    private final OperationsReadings readings;
    private final Clock clock;

    Dashboard(JdbcTemplate jdbc, Incidents incidents, OperationsReadings readings, Clock clock) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.readings = readings;
        this.clock = clock;
    }

    /** What the header of the page shows: the hub-wide backlogs of the latest readings. */
    Readings hub() {
        return readings.latest();
    }

    List<PayerTile> tiles() {
        Instant now = clock.instant();
        Timestamp dayAgo = Timestamp.from(now.minus(Duration.ofDays(1)));
        List<Incident> open = incidents.open();
        Map<String, Map<Long, long[]>> hourly = new HashMap<>();
        jdbc.query("""
                select payer_code, floor(extract(epoch from finished_at) / 3600) as epoch_hour,
                    sum(case when outcome = 'DELIVERED' then 1 else 0 end),
                    sum(case when outcome in ('FAILED', 'DEAD_LETTERED', 'REFUSED') then 1 else 0 end)
                from message_record where finished_at >= ? group by payer_code, floor(extract(epoch from finished_at) / 3600)""",
                rs -> {
                    hourly.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getLong(2), new long[] {rs.getLong(3), rs.getLong(4)});
                }, dayAgo);
        List<PayerTile> tiles = new ArrayList<>();
        jdbc.query("select id, code, name, channel from payer order by code", rs -> {
            String code = rs.getString(2);
            tiles.add(tile(rs.getLong(1), code, rs.getString(3), rs.getString(4).toLowerCase(), now, dayAgo,
                    open.stream().filter(i -> i.getSubject().equals(code)).toList(),
                    HourlyChart.of(now, hourly.getOrDefault(code, Map.of()))));
        });
        return tiles;
    }

    private PayerTile tile(long payerId, String code, String name, String channel, Instant now, Timestamp dayAgo,
            List<Incident> open, HourlyChart chart) {
        Instant[] last = jdbc.queryForObject("""
                select (select max(finished_at) from message_record where payer_code = ? and outcome = 'DELIVERED'),
                       (select max(finished_at) from message_record where payer_code = ? and outcome = 'REFUSED'),
                       (select max(finished_at) from message_record where payer_code = ? and outcome = 'FAILED'),
                       (select max(finished_at) from message_record where payer_code = ? and outcome = 'DEAD_LETTERED')""",
                (rs, i) -> new Instant[] {at(rs.getObject(1, OffsetDateTime.class)), at(rs.getObject(2, OffsetDateTime.class)),
                        at(rs.getObject(3, OffsetDateTime.class)), at(rs.getObject(4, OffsetDateTime.class))},
                code, code, code, code);
        Instant worked = latest(last[0], last[1]);
        Instant failed = latest(last[2], last[3]);
        long[] day = jdbc.queryForObject("""
                select count(*), coalesce(sum(case when outcome in ('FAILED', 'DEAD_LETTERED', 'REFUSED') then 1 else 0 end), 0)
                from message_record where payer_code = ? and finished_at >= ? and outcome <> 'SKIPPED_DUPLICATE'""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, code, dayAgo);
        Long p95 = jdbc.queryForObject("""
                select percentile_cont(0.95) within group (order by duration_ms) from message_record
                where payer_code = ? and outcome = 'DELIVERED' and finished_at >= ?""",
                (rs, i) -> rs.getObject(1) == null ? null : Math.round(rs.getDouble(1)), code, dayAgo);
        Long backlog = jdbc.queryForObject("select count(*) from claim where payer_id = ? and delivery_status = 'FAILING'",
                Long.class, payerId);
        PayerTile.State state;
        if (open.stream().anyMatch(i -> i.getKind() == IncidentKind.PAYER_FAILING)
                || failed != null && (worked == null || failed.isAfter(worked))) {
            state = PayerTile.State.FAILING;
        } else if (open.stream().anyMatch(i -> i.getKind() == IncidentKind.PAYER_SILENT)) {
            state = PayerTile.State.SILENT;
        } else {
            state = worked == null ? PayerTile.State.IDLE : PayerTile.State.UP;
        }
        return new PayerTile(code, name, channel, state, last[0], day[0], day[1], p95, backlog == null ? 0 : backlog, open, chart);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static Instant at(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
