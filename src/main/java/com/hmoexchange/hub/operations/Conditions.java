package com.hmoexchange.hub.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which incident conditions hold at an instant, from the readings and a few indexed queries per payer.
 * Summaries name payers, counts and times only: never a member, a claim's content or a payer's answer text.
 */
@Component
class Conditions {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final PayerAlerts alerts;
    private final OperationsSettings settings;

    Conditions(JdbcTemplate jdbc, PayerAlerts alerts, OperationsSettings settings) {
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.settings = settings;
    }

    List<Condition> at(Instant now, Readings readings) {
        List<Condition> found = new ArrayList<>();
        Map<String, Long> payerIds = new LinkedHashMap<>();
        jdbc.query("select code, id from payer order by code", rs -> {
            payerIds.put(rs.getString(1), rs.getLong(2));
        });
        for (Map.Entry<String, Long> payer : payerIds.entrySet()) {
            String code = payer.getKey();
            PayerAlerts.Thresholds limits = alerts.of(code);
            failing(code, now, limits.failingFor(), found);
            silent(payer.getValue(), code, now, limits.silentFor(), found);
            waiting(payer.getValue(), code, now, limits.requestsPendingFor(), found);
            long quarantined = readings.quarantinedByPayer().getOrDefault(code, 0L);
            if (quarantined > 0) {
                found.add(new Condition(IncidentKind.DOCUMENT_QUARANTINED, code,
                        quarantined + " document(s) from " + code + " quarantined and not dismissed."));
            }
        }
        for (Map.Entry<String, Long> held : readings.heldMailsByIntake().entrySet()) {
            found.add(new Condition(IncidentKind.MAIL_HELD, held.getKey(), held.getValue() + " mail(s) to "
                    + held.getKey().replace(':', ' ') + " held and not yet accepted or rejected."));
        }
        if (readings.deadLetters() > 0) {
            found.add(new Condition(IncidentKind.DEAD_LETTERS, "claims.outbound.dlq",
                    readings.deadLetters() + " message(s) on the dead-letter queue claims.outbound.dlq."));
        }
        Duration outboxLimit = settings.alerts().outboxOldestOlderThan();
        if (readings.outboxBacklog() > 0 && readings.outboxOldestAge().compareTo(outboxLimit) > 0) {
            found.add(new Condition(IncidentKind.OUTBOX_STALLED, "outbox", readings.outboxBacklog()
                    + " outbox row(s) not on the broker; the oldest waits " + readings.outboxOldestAge().toMinutes()
                    + " min (limit " + outboxLimit.toMinutes() + " min)."));
        }
        if (readings.mailRetrying() > 0) {
            found.add(new Condition(IncidentKind.MAIL_FAILING, "mail",
                    readings.mailRetrying() + " email(s) refused by the mail server and waiting for another try."));
        }
        return found;
    }

    /** Sends failing with no delivery (or refusal: the channel then works) since the first failure, for too long. */
    private void failing(String code, Instant now, Duration limit, List<Condition> found) {
        Instant lastWorked = instant(jdbc.queryForObject("select max(finished_at) from message_record "
                + "where payer_code = ? and outcome in ('DELIVERED', 'REFUSED')", OffsetDateTime.class, code));
        Object[] failures = jdbc.queryForObject("select min(finished_at), count(*) from message_record "
                + "where payer_code = ? and outcome in ('FAILED', 'DEAD_LETTERED') and finished_at > ?",
                (rs, i) -> new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getLong(2)},
                code, Timestamp.from(lastWorked == null ? Instant.EPOCH : lastWorked));
        Instant since = instant((OffsetDateTime) failures[0]);
        if (since != null && !since.plus(limit).isAfter(now)) {
            found.add(new Condition(IncidentKind.PAYER_FAILING, code, failures[1] + " send(s) to " + code + " failed since "
                    + TIME.format(since) + (lastWorked == null ? ", and none has worked yet." : "; the last that worked was at "
                    + TIME.format(lastWorked) + ".")));
        }
    }

    /** Claims the payer has had for longer than its answer time without a word back (still SUBMITTED). */
    private void silent(long payerId, String code, Instant now, Duration limit, List<Condition> found) {
        Object[] waiting = jdbc.queryForObject("select count(*), min(delivered_at) from claim where payer_id = ? "
                + "and status = 'SUBMITTED' and delivery_status = 'DELIVERED' and delivered_at < ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)},
                payerId, Timestamp.from(now.minus(limit)));
        if ((long) waiting[0] > 0) {
            found.add(new Condition(IncidentKind.PAYER_SILENT, code, waiting[0] + " claim(s) delivered to " + code
                    + " have had no answer for over " + hours(limit) + "; the oldest since "
                    + TIME.format(instant((OffsetDateTime) waiting[1])) + "."));
        }
    }

    /** Clients' change requests this HMO has left pending past the limit. */
    private void waiting(long payerId, String code, Instant now, Duration limit, List<Condition> found) {
        Object[] pending = jdbc.queryForObject("select count(*), min(requested_at) from change_request where payer_id = ? "
                + "and status = 'PENDING' and requested_at < ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, OffsetDateTime.class)},
                payerId, Timestamp.from(now.minus(limit)));
        if ((long) pending[0] > 0) {
            found.add(new Condition(IncidentKind.REQUESTS_WAITING, code, pending[0] + " change request(s) to " + code
                    + " pending for over " + hours(limit) + "; the oldest since " + TIME.format(instant((OffsetDateTime) pending[1])) + "."));
        }
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
