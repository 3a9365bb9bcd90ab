package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.common.Texts;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A file, email part or callback a payer sent, and what became of it: APPLIED, DUPLICATE (the same content
 * was applied before) or QUARANTINED (unreadable, or a remittance whose total is not the sum of its parts;
 * the content is kept, with the line and the problem, for a person).
 */
@Entity
public class InboundDocument {

    public enum Outcome {
        APPLIED, DUPLICATE, QUARANTINED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String payerCode;
    private String channel;
    private String name;
    private String sha256;
    private Instant receivedAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;
    private int answers;
    private int payments;
    private int exceptions;
    private Long problemLine;
    private String problem;
    private String payload;
    private Instant releasedAt;
    private String releasedBy;

    protected InboundDocument() {
    }

    InboundDocument(String payerCode, String channel, String name, String sha256, Instant receivedAt) {
        this.payerCode = payerCode;
        this.channel = channel;
        this.name = name.length() > 300 ? name.substring(0, 300) : name;
        this.sha256 = sha256;
        this.receivedAt = receivedAt;
        this.outcome = Outcome.APPLIED;
    }

    void applied(int answers, int payments, int exceptions) {
        this.outcome = Outcome.APPLIED;
        this.answers = answers;
        this.payments = payments;
        this.exceptions = exceptions;
    }

    void duplicate() {
        this.outcome = Outcome.DUPLICATE;
    }

    void quarantined(long line, String problem, String payload) {
        this.outcome = Outcome.QUARANTINED;
        this.problemLine = line;
        this.problem = Texts.shortened(problem, 2000);
        this.payload = payload;
    }

    void released(String by, Instant at) {
        this.releasedAt = at;
        this.releasedBy = by;
    }

    public Long getId() {
        return id;
    }

    public String getPayerCode() {
        return payerCode;
    }

    public String getChannel() {
        return channel;
    }

    public String getName() {
        return name;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public int getAnswers() {
        return answers;
    }

    public int getPayments() {
        return payments;
    }

    public int getExceptions() {
        return exceptions;
    }

    public Long getProblemLine() {
        return problemLine;
    }

    public String getProblem() {
        return problem;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    public String getReleasedBy() {
        return releasedBy;
    }
}
