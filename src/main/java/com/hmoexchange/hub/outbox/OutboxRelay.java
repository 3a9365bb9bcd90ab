package com.hmoexchange.hub.outbox;

import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves outbox rows to their broker queue and stamps them published. Rows are taken with
 * FOR UPDATE SKIP LOCKED, so several hub nodes share the work without taking the same row. The
 * queue send happens before the database commit: a crash between the two sends the event again,
 * and its consumer recognises the repeat. Nothing is lost either way.
 */
@Component("outboxRelay")
public class OutboxRelay {

    /** Which queue carries which event. */
    static final Map<String, String> QUEUES = Map.of(
            "ClaimSubmitted", "claims.outbound",
            "ClaimResendRequested", "claims.outbound");

    @PersistenceContext
    private EntityManager entityManager;
    private final JmsTemplate jms;
    private final Clock clock;
    private final int batchSize;

    private final TransactionTemplate tx;

    OutboxRelay(JmsTemplate jms, Clock clock, TransactionTemplate tx,
            @Value("${hub.dispatch.relay-batch-size}") int batchSize) {
        this.jms = jms;
        this.clock = clock;
        this.tx = tx;
        this.batchSize = batchSize;
    }

    /** Publishes batch after batch, each in its own transaction, until the outbox is drained (or 50 batches). */
    public int publishPending() {
        int total = 0;
        for (int round = 0; round < 50; round++) {
            Integer moved = tx.execute(status -> publishBatch());
            total += moved == null ? 0 : moved;
            if (moved == null || moved < batchSize) {
                break;
            }
        }
        return total;
    }

    private int publishBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = entityManager.createNativeQuery("""
                        select * from outbox_message
                        where published_at is null and event_type in (:types)
                        order by id limit :limit for update skip locked""", OutboxMessage.class)
                .setParameter("types", QUEUES.keySet())
                .setParameter("limit", batchSize)
                .getResultList();
        for (OutboxMessage message : batch) {
            jms.send(QUEUES.get(message.getEventType()), session -> {
                TextMessage jmsMessage = session.createTextMessage(message.getPayload());
                jmsMessage.setStringProperty("eventType", message.getEventType());
                jmsMessage.setStringProperty("aggregateId", message.getAggregateId());
                jmsMessage.setLongProperty("outboxId", message.getId());
                return jmsMessage;
            });
            message.markPublished(clock.instant());
        }
        return batch.size();
    }
}
