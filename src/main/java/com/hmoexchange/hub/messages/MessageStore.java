package com.hmoexchange.hub.messages;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every attempt at a message: stored IN_FLIGHT before the send, ended after it. Each write
 * commits on its own, so the record of a failed attempt survives whatever the failure rolls back.
 * Attempts are written in batches (one JDBC batch per dispatched message), whatever its size.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class MessageStore {

    private final NamedParameterJdbcTemplate jdbc;

    MessageStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What became of a key's earlier tries: how many, whether one was delivered, and how the latest ended. */
    public record TriesSoFar(int count, boolean delivered, Outcome latest) {

        static final TriesSoFar NONE = new TriesSoFar(0, false, null);

        public int nextAttempt() {
            return count + 1;
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

    /** Stores a batch of attempts as IN_FLIGHT before they are sent, in one JDBC batch. */
    public void startOutbound(List<OutboundAttempt> attempts) {
        jdbc.batchUpdate("""
                insert into message_record (direction, channel, payer_code, claim_number, provider_reference, idempotency_key,
                    attempt, outcome, target, started_at)
                values ('OUT', :channel, :payer, :claim, :providerReference, :key, :attempt, 'IN_FLIGHT', :target, :startedAt)""",
                attempts.stream().map(a -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("channel", a.channel());
                    row.put("payer", a.payerCode());
                    row.put("claim", a.claimNumber());
                    row.put("providerReference", a.providerReference());
                    row.put("key", a.idempotencyKey());
                    row.put("attempt", a.attempt());
                    row.put("target", a.target());
                    row.put("startedAt", Timestamp.from(a.startedAt()));
                    return row;
                }).toArray(Map[]::new));
    }

    /** Ends a batch of attempts (those still IN_FLIGHT) with their payload and outcome, in one JDBC batch. */
    public void finishOutbound(List<OutboundAttempt> attempts) {
        jdbc.batchUpdate("""
                update message_record set outcome = :outcome, payer_reference = coalesce(:payerReference, payer_reference),
                    error = :error, payload = :payload, set_control_number = :setControlNumber,
                    finished_at = :finishedAt, duration_ms = :durationMs
                where idempotency_key = :key and attempt = :attempt and outcome = 'IN_FLIGHT'""",
                attempts.stream().filter(OutboundAttempt::ended).map(a -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("outcome", a.outcome().name());
                    row.put("payerReference", a.payerReference());
                    row.put("error", a.error());
                    row.put("payload", a.payload());
                    row.put("setControlNumber", a.setControlNumber());
                    row.put("finishedAt", Timestamp.from(a.finishedAt()));
                    row.put("durationMs", Duration.between(a.startedAt(), a.finishedAt()).toMillis());
                    row.put("key", a.idempotencyKey());
                    row.put("attempt", a.attempt());
                    return row;
                }).toArray(Map[]::new));
    }
}
