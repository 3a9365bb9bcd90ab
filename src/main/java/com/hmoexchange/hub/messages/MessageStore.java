package com.hmoexchange.hub.messages;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every attempt at a message. Each write commits on its own, so the record of a failed
 * attempt survives whatever the failure rolls back.
 */
@Service
@Transactional(propagation = Propagation.REQUIRES_NEW)
public class MessageStore {

    private final MessageRecordRepository records;
    private final Clock clock;

    MessageStore(MessageRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Starts an outbound attempt and returns its id; the attempt number counts earlier tries with the same key. */
    public long startOutbound(String channel, String payerCode, String claimNumber, String providerReference,
            String idempotencyKey, String target) {
        int attempt = records.countByIdempotencyKey(idempotencyKey) + 1;
        return records.save(MessageRecord.outbound(channel, payerCode, claimNumber, providerReference, idempotencyKey,
                attempt, target, clock.instant())).getId();
    }

    public void payload(long id, String payload) {
        payload(id, payload, null);
    }

    /** What went out, and the X12 set control number it carried (null for other formats). */
    public void payload(long id, String payload, String setControlNumber) {
        records.findById(id).orElseThrow().payload(payload, setControlNumber);
    }

    /** Ends an attempt; an attempt already ended (say DELIVERED) keeps its outcome. */
    public void finish(long id, Outcome outcome, String payerReference, String error) {
        MessageRecord record = records.findById(id).orElseThrow();
        if (record.getOutcome() == Outcome.IN_FLIGHT) {
            record.finish(outcome, payerReference, error, clock.instant());
        }
    }

    @Transactional(readOnly = true)
    public boolean delivered(String idempotencyKey) {
        return records.existsByIdempotencyKeyAndOutcome(idempotencyKey, Outcome.DELIVERED);
    }
}
