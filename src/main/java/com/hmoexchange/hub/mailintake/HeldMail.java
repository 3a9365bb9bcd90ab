package com.hmoexchange.hub.mailintake;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/**
 * A mail an intake did not apply because it failed a check: kept whole, with why, until an operator accepts it
 * (it is applied then, once) or rejects it (nothing of it is applied). A mail over the size limits is kept
 * without its content: it can only be rejected.
 */
@Entity
public class HeldMail {

    public enum Status {
        HELD, ACCEPTED, REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Intake intake;
    private String owner;
    private String mailKey;
    private String sender;
    private String subject;
    private Instant receivedAt;
    private String problems;
    private long sizeBytes;
    /** Whether raw_mime holds the mail; the bytes themselves are read by id only (MailIntake), never with a list. */
    private boolean contentKept;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;

    protected HeldMail() {
    }

    HeldMail(Intake intake, String owner, String mailKey, String sender, String subject, Instant receivedAt,
            List<String> problems, long sizeBytes, boolean contentKept) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A mail is held for a reason");
        }
        this.intake = intake;
        this.owner = owner;
        this.mailKey = mailKey;
        this.sender = cut(sender, 320);
        this.subject = cut(subject, 300);
        this.receivedAt = receivedAt;
        this.problems = cut(String.join("\n", problems), 4000);
        this.sizeBytes = sizeBytes;
        this.contentKept = contentKept;
        this.status = Status.HELD;
    }

    /** Whether an operator may still accept it: held, with its content kept. */
    public boolean acceptable() {
        return status == Status.HELD && contentKept;
    }

    void accept(String by, Instant at, String outcome) {
        decide(Status.ACCEPTED, by, at, outcome);
    }

    void reject(String by, Instant at, String reason) {
        decide(Status.REJECTED, by, at, reason);
    }

    private void decide(Status decision, String by, Instant at, String note) {
        if (status != Status.HELD) {
            throw new IllegalStateException("Held mail " + id + " was already " + status.name().toLowerCase() + " by " + decidedBy
                    + "; nothing changed.");
        }
        this.status = decision;
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = cut(note, 1000);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Intake getIntake() {
        return intake;
    }

    public String getOwner() {
        return owner;
    }

    public String getSender() {
        return sender;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public List<String> getProblems() {
        return List.of(problems.split("\n"));
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public boolean isContentKept() {
        return contentKept;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }
}
