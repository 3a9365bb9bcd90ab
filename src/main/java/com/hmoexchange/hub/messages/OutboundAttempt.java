package com.hmoexchange.hub.messages;

import com.hmoexchange.hub.common.Texts;
import java.time.Instant;

/**
 * One try at sending one claim, as the dispatcher tracks it while a batch of claims goes out:
 * started (and stored as IN_FLIGHT) before the send, ended with its payload and outcome after.
 */
public final class OutboundAttempt {

    private final String channel;
    private final String payerCode;
    private final String claimNumber;
    private final String providerReference;
    private final String idempotencyKey;
    private final int attempt;
    private final String target;
    private final Instant startedAt;
    private Long id;
    private boolean stored;
    private String payload;
    private String setControlNumber;
    private Outcome outcome = Outcome.IN_FLIGHT;
    private String payerReference;
    private String error;
    private Instant finishedAt;
    private Instant claimSubmittedAt;
    private String enrolleeNumber;

    public OutboundAttempt(String channel, String payerCode, String claimNumber, String providerReference,
            String idempotencyKey, int attempt, String target, Instant startedAt) {
        this.channel = channel;
        this.payerCode = payerCode;
        this.claimNumber = claimNumber;
        this.providerReference = providerReference;
        this.idempotencyKey = idempotencyKey;
        this.attempt = attempt;
        this.target = target;
        this.startedAt = startedAt;
    }

    /** When the claim was submitted: its delivery's latency (a metric) is counted from then. */
    public void claimSubmittedAt(Instant submittedAt) {
        this.claimSubmittedAt = submittedAt;
    }

    public Instant claimSubmittedAt() {
        return claimSubmittedAt;
    }

    /** The member the claim is for: operators find a member's messages by it. */
    public void enrolleeNumber(String enrolleeNumber) {
        this.enrolleeNumber = enrolleeNumber;
    }

    public String enrolleeNumber() {
        return enrolleeNumber;
    }

    /** The message store's id for this attempt, once it is stored IN_FLIGHT. */
    void stored(long id) {
        this.id = id;
    }

    /** Its outcome is in the message store. */
    void outcomeStored() {
        this.stored = true;
    }

    public Long id() {
        return id;
    }

    /** Whether the message store has this attempt's outcome (not only IN_FLIGHT). */
    public boolean outcomeIsStored() {
        return stored;
    }

    /** What went out, and the X12 set control number it carried (null for other formats). */
    public void payload(String payload, String setControlNumber) {
        this.payload = payload;
        this.setControlNumber = setControlNumber;
    }

    /**
     * Ends the attempt. The reference and the error come from the payer's answer, which may hold anything: a
     * NUL character (PostgreSQL text cannot store one) would fail the store and leave the batch unrecorded.
     */
    public void end(Outcome outcome, String payerReference, String error, Instant at) {
        this.outcome = outcome;
        this.payerReference = Texts.storable(payerReference);
        this.error = Texts.shortened(Texts.storable(error), 2000);
        this.finishedAt = at;
    }

    public boolean ended() {
        return outcome != Outcome.IN_FLIGHT;
    }

    public String channel() {
        return channel;
    }

    public String payerCode() {
        return payerCode;
    }

    public String claimNumber() {
        return claimNumber;
    }

    public String providerReference() {
        return providerReference;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }

    public int attempt() {
        return attempt;
    }

    public String target() {
        return target;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String payload() {
        return payload;
    }

    public String setControlNumber() {
        return setControlNumber;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String payerReference() {
        return payerReference;
    }

    public String error() {
        return error;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
