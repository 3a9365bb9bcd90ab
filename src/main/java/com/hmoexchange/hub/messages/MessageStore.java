package com.hmoexchange.hub.messages;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every attempt at a message: stored IN_FLIGHT before the send, ended after it. Each write
 * commits on its own, so the record of a failed attempt survives whatever the failure rolls back.
 * A batch of claims' attempts is started in one transaction; each outcome is written as soon as its
 * send is over, so a redelivered batch finds the claims the payer already has.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class MessageStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final MeterRegistry meters;

    MessageStore(NamedParameterJdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** What became of a key's earlier tries: how many, whether one was delivered, and how the latest ended. */
    public record TriesSoFar(int count, boolean delivered, Outcome latest) {

        static final TriesSoFar NONE = new TriesSoFar(0, false, null);

        public int nextAttempt() {
            return count + 1;
        }

        /** The payer has the claim, or refused it: sending it again would not help. */
        public boolean settled() {
            return delivered || latest == Outcome.REFUSED;
        }

        /** The latest try ended for good (an operator's re-send may come after an earlier delivery). */
        public boolean latestSettled() {
            return latest == Outcome.DELIVERED || latest == Outcome.REFUSED;
        }

        /** The latest try started but its end was never stored: the hub stopped (or lost its database) mid-send. */
        public boolean outcomeUnknown() {
            return latest == Outcome.IN_FLIGHT;
        }
    }

    /** The earlier tries of each key, in one query (keys never tried get {@link TriesSoFar#NONE}). */
    @Transactional(readOnly = true)
    public Map<String, TriesSoFar> triesSoFar(Collection<String> idempotencyKeys) {
        Map<String, TriesSoFar> tries = new HashMap<>();
        idempotencyKeys.forEach(key -> tries.put(key, TriesSoFar.NONE));
        if (!idempotencyKeys.isEmpty()) {
            jdbc.query("select idempotency_key, outcome from message_record where idempotency_key in (:keys) order by attempt, id",
                    Map.of("keys", idempotencyKeys), row -> {
                        TriesSoFar before = tries.get(row.getString(1));
                        Outcome outcome = Outcome.valueOf(row.getString(2));
                        tries.put(row.getString(1), new TriesSoFar(before.count() + 1,
                                before.delivered() || outcome == Outcome.DELIVERED, outcome));
                    });
        }
        return tries;
    }

    /**
     * Stores attempts as IN_FLIGHT before they are sent, in one JDBC batch, and gives each its id,
     * so that its outcome is written to its own row even when two messages try the same claim at once.
     */
    public void startOutbound(List<OutboundAttempt> attempts) {
        jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into message_record (direction, channel, payer_code, claim_number, provider_reference, idempotency_key,
                        attempt, outcome, target, set_control_number, started_at, enrollee_number)
                    values ('OUT', ?, ?, ?, ?, ?, ?, 'IN_FLIGHT', ?, ?, ?, ?)""", new String[] {"id"})) {
                for (OutboundAttempt a : attempts) {
                    insert.setString(1, a.channel());
                    insert.setString(2, a.payerCode());
                    insert.setString(3, a.claimNumber());
                    insert.setString(4, a.providerReference());
                    insert.setString(5, a.idempotencyKey());
                    insert.setInt(6, a.attempt());
                    insert.setString(7, a.target());
                    insert.setString(8, a.setControlNumber());
                    insert.setTimestamp(9, Timestamp.from(a.startedAt()));
                    insert.setString(10, a.enrolleeNumber());
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet ids = insert.getGeneratedKeys()) {
                    for (OutboundAttempt a : attempts) {
                        if (!ids.next()) {
                            throw new IllegalStateException("The database gave fewer ids than attempts were stored");
                        }
                        a.stored(ids.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Writes the outcome, payload and payer's reference of the ended attempts whose outcome is not
     * stored yet, in one JDBC batch; a row already ended (say DELIVERED) keeps its outcome. Called once
     * per claim as its send ends, so it runs without a transaction: each row's update commits by itself.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void finishOutbound(List<OutboundAttempt> attempts) {
        List<OutboundAttempt> due = attempts.stream().filter(a -> a.ended() && a.id() != null && !a.outcomeIsStored()).toList();
        if (due.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                update message_record set outcome = :outcome, payer_reference = coalesce(:payerReference, payer_reference),
                    error = :error, payload = coalesce(:payload, payload),
                    set_control_number = coalesce(:setControlNumber, set_control_number),
                    finished_at = :finishedAt, duration_ms = :durationMs
                where id = :id and started_at >= :startedFloor and outcome = 'IN_FLIGHT'""",
                due.stream().map(a -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("outcome", a.outcome().name());
                    row.put("payerReference", a.payerReference());
                    row.put("error", a.error());
                    row.put("payload", a.payload());
                    row.put("setControlNumber", a.setControlNumber());
                    row.put("finishedAt", Timestamp.from(a.finishedAt()));
                    row.put("durationMs", Duration.between(a.startedAt(), a.finishedAt()).toMillis());
                    row.put("id", a.id());
                    // Lets PostgreSQL look in the attempt's month only (the store is partitioned by started_at).
                    row.put("startedFloor", Timestamp.from(a.startedAt().minus(Duration.ofMinutes(1))));
                    return row;
                }).toArray(Map[]::new));
        due.forEach(OutboundAttempt::outcomeStored);
        due.forEach(this::count);
    }

    /**
     * The operators' counters (docs/operations.md): each attempt's outcome per payer and channel, and for a
     * delivered claim the time from its submission to the payer having it.
     */
    private void count(OutboundAttempt a) {
        meters.counter("hub.claims.sent", "payer", a.payerCode(), "channel", a.channel(), "outcome", a.outcome().name())
                .increment();
        if (a.outcome() == Outcome.DELIVERED && a.claimSubmittedAt() != null) {
            Timer.builder("hub.claims.delivery.latency").description("From a claim's submission to its payer having it")
                    .tag("payer", a.payerCode()).publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofDays(1))
                    .register(meters).record(Duration.between(a.claimSubmittedAt(), a.finishedAt()));
        }
    }
}
