package com.hmoexchange.hub.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hmoexchange.hub.common.LogContext;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves outbox rows to their broker queue and stamps them published. Rows are taken with
 * FOR UPDATE SKIP LOCKED, so several hub nodes share the work without taking the same row. Submitted
 * claims of the same payer travel together, up to {@code hub.dispatch.batch-size} to a
 * message, so a busy hour costs the broker and the dispatcher one message per batch rather than one
 * per claim; a quiet minute still sends each claim as soon as the relay runs. The messages of a
 * round are sent in one JMS transaction, committed before the database commit: a crash between
 * the two sends the events again, and their consumer recognises the repeat. Nothing is lost either way.
 */
@Component("outboxRelay")
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Which queue carries which event. */
    static final Map<String, String> QUEUES = Map.of(
            "ClaimSubmitted", "claims.outbound",
            "ClaimResendRequested", "claims.outbound");

    @PersistenceContext
    private EntityManager entityManager;
    private final JmsTemplate jms;
    private final ObjectMapper json;
    private final Clock clock;
    private final int rowsPerRound;
    private final int eventsPerMessage;
    private final TransactionTemplate tx;
    private final Duration keepPublished;

    OutboxRelay(ConnectionFactory connectionFactory, ObjectMapper json, Clock clock, TransactionTemplate tx,
            OutboxSettings settings) {
        this.keepPublished = settings.outbox().keepPublished();
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.json = json;
        this.clock = clock;
        this.tx = tx;
        this.rowsPerRound = settings.dispatch().relayBatchSize();
        this.eventsPerMessage = settings.dispatch().batchSize();
    }

    /** Publishes round after round, each in its own transaction, until the outbox is drained (or 50 rounds). */
    public int publishPending() {
        int total = 0;
        for (int round = 0; round < 50; round++) {
            Integer moved = tx.execute(status -> publishRound());
            total += moved == null ? 0 : moved;
            if (moved == null || moved < rowsPerRound) {
                break;
            }
        }
        return total;
    }

    private int publishRound() {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> rows = entityManager.createNativeQuery("""
                        select * from outbox_message
                        where published_at is null and event_type in (:types)
                        order by id limit :limit for update skip locked""", OutboxMessage.class)
                .setParameter("types", QUEUES.keySet())
                .setParameter("limit", rowsPerRound)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<List<OutboxMessage>> messages = batches(rows);
        Map<String, String> payerCodes = payerCodes(rows);
        jms.execute(session -> {
            for (List<OutboxMessage> batch : messages) {
                // The payer (and the claim, when the message carries one) in the log context of what follows.
                OutboxMessage first = batch.get(0);
                try (LogContext context = LogContext.claim(batch.size() == 1 ? first.getAggregateId() : null,
                        payerCodes.get(payerOf(first)))) {
                    send(session, batch);
                }
            }
            session.commit();
            return null;
        }, true);
        rows.forEach(row -> row.markPublished(clock.instant()));
        return rows.size();
    }

    private static void send(Session session, List<OutboxMessage> batch) throws JMSException {
        OutboxMessage first = batch.get(0);
        TextMessage message = session.createTextMessage(batch.size() == 1 ? first.getPayload()
                : batch.stream().map(OutboxMessage::getPayload).collect(Collectors.joining(",", "[", "]")));
        message.setStringProperty("eventType", first.getEventType());
        message.setStringProperty("aggregateId", first.getAggregateId());
        // Comma on both sides, so a selector can find one claim: claimNumbers LIKE '%,CLM-00000042,%'
        message.setStringProperty("claimNumbers", batch.stream().map(OutboxMessage::getAggregateId)
                .collect(Collectors.joining(",", ",", ",")));
        message.setLongProperty("outboxId", first.getId());
        String queue = QUEUES.get(first.getEventType());
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
        }
        log.debug("{} of {} claim(s) put on {} (outbox row {})", first.getEventType(), batch.size(), queue, first.getId());
    }

    /**
     * Deletes rows published more than {@code hub.outbox.keep-published} ago, a few thousand at a time:
     * once on the broker, a row is no longer needed (the message store keeps every attempt), and an
     * outbox that only grows would make the relay's look-up and the backups slower year after year.
     */
    public int forgetPublished() {
        Instant before = clock.instant().minus(keepPublished);
        int total = 0;
        for (int round = 0; round < 100; round++) {
            Integer deleted = tx.execute(status -> entityManager.createNativeQuery("""
                            delete from outbox_message where id in (
                                select id from outbox_message where published_at < :before order by published_at limit 5000)""")
                    .setParameter("before", before)
                    .executeUpdate());
            total += deleted == null ? 0 : deleted;
            if (deleted == null || deleted < 5000) {
                break;
            }
        }
        return total;
    }

    /** Submitted claims grouped by payer, in outbox order, cut to messages of at most eventsPerMessage; other events alone. */
    private List<List<OutboxMessage>> batches(List<OutboxMessage> rows) {
        Map<String, List<OutboxMessage>> groups = new LinkedHashMap<>();
        for (OutboxMessage row : rows) {
            // An operator's re-send goes alone: it names no payer, and it is the operator's one claim.
            String group = "ClaimSubmitted".equals(row.getEventType()) ? "ClaimSubmitted|" + payerOf(row) : "row|" + row.getId();
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(row);
        }
        List<List<OutboxMessage>> batches = new ArrayList<>();
        for (List<OutboxMessage> group : groups.values()) {
            for (int from = 0; from < group.size(); from += eventsPerMessage) {
                batches.add(group.subList(from, Math.min(group.size(), from + eventsPerMessage)));
            }
        }
        return batches;
    }

    /** The payers' codes by id, for the log context: one look-up per round, only for the payers the round names. */
    private Map<String, String> payerCodes(List<OutboxMessage> rows) {
        List<Long> ids = rows.stream().map(this::payerOf).filter(id -> id.matches("\\d+")).distinct().map(Long::valueOf).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("select id, code from payer where id in (:ids)")
                .setParameter("ids", ids).getResultList();
        Map<String, String> codes = new LinkedHashMap<>();
        found.forEach(row -> codes.put(String.valueOf(row[0]), String.valueOf(row[1])));
        return codes;
    }

    private String payerOf(OutboxMessage row) {
        try {
            return json.readTree(row.getPayload()).path("payerId").asText("");
        } catch (JsonProcessingException e) {
            return "";
        }
    }
}
