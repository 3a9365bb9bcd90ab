package com.hmoexchange.hub.messages;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One message in or out of the hub, one row per attempt: what was sent where, and how it ended. On PostgreSQL the
 * table is partitioned by month of started_at (its key is id and started_at); the id alone still names one message.
 */
@Entity
@Table(name = "message_record")
public class MessageRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String direction;
    private String channel;
    private String payerCode;
    private String claimNumber;
    private String providerReference;
    private String payerReference;
    /** The payer's payment (remittance) reference, once a payment of the claim is posted. */
    private String paymentReference;
    /** The member the claim is for. */
    private String enrolleeNumber;
    private String idempotencyKey;
    private int attempt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    private String error;
    private String target;
    private String payload;
    /** The X12 transaction set control number (ST02) the payload carried, so a 999 finds its claims. */
    private String setControlNumber;
    private Instant startedAt;
    private Instant finishedAt;
    private Long durationMs;

    protected MessageRecord() {
    }

    public Long getId() {
        return id;
    }

    public String getDirection() {
        return direction;
    }

    public String getChannel() {
        return channel;
    }

    public String getPayerCode() {
        return payerCode;
    }

    public String getClaimNumber() {
        return claimNumber;
    }

    public String getProviderReference() {
        return providerReference;
    }

    public String getPayerReference() {
        return payerReference;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public String getEnrolleeNumber() {
        return enrolleeNumber;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public int getAttempt() {
        return attempt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getError() {
        return error;
    }

    public String getTarget() {
        return target;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Long getDurationMs() {
        return durationMs;
    }
}
