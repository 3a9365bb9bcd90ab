package com.hmoexchange.hub.responses;

import com.hmoexchange.hub.common.Texts;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Something a payer said that the hub could not apply by itself (an unknown claim number, an amount that
 * does not match, a status that would move a claim back, an over-payment), kept with the item as the payer
 * sent it so that a person can match it to a claim by hand or dismiss it with a reason.
 */
@Entity
public class PayerException {

    /** OPEN until a person matched (applied to a claim they chose) or dismissed it. */
    public enum Status {
        OPEN, MATCHED, DISMISSED
    }

    /**
     * What the stored item is: a claim's adjudication (ANSWER, as stored), a remitted claim (payment), a set
     * acknowledgement, or a payer's answer to a pre-authorisation request the hub could not place (preauth).
     */
    public enum ItemType {
        ANSWER, PAYMENT, ACKNOWLEDGEMENT, PREAUTH_ANSWER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String payerCode;
    private String kind;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private ItemType itemType;
    private String claimNumber;
    private String paymentReference;
    private BigDecimal amount;
    private String detail;
    /** The item as normalised JSON (a ClaimAdjudication, RemittedClaim with its payment, or SetAcknowledgement). */
    private String item;
    private Long documentId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private String resolvedBy;
    private Instant resolvedAt;
    private String resolution;

    protected PayerException() {
    }

    PayerException(String payerCode, String kind, ItemType itemType, String claimNumber, String paymentReference,
            BigDecimal amount, String detail, String item, Long documentId, Instant now) {
        this.payerCode = payerCode;
        this.kind = kind;
        this.itemType = itemType;
        this.claimNumber = claimNumber;
        this.paymentReference = paymentReference;
        this.amount = amount;
        this.detail = Texts.shortened(detail, 1000);
        this.item = item;
        this.documentId = documentId;
        this.status = Status.OPEN;
        this.createdAt = now;
    }

    void matched(String claimNumber, String by, String note, Instant now) {
        requireOpen();
        this.status = Status.MATCHED;
        this.resolvedBy = by;
        this.resolvedAt = now;
        this.resolution = "matched to " + claimNumber + (note == null || note.isBlank() ? "" : ": " + note.trim());
    }

    void dismissed(String reason, String by, Instant now) {
        requireOpen();
        if (reason == null || reason.isBlank()) {
            throw new com.hmoexchange.hub.common.InvalidInput("reason", "Give the reason for dismissing the exception.");
        }
        this.status = Status.DISMISSED;
        this.resolvedBy = by;
        this.resolvedAt = now;
        this.resolution = reason.trim();
    }

    void requireOpen() {
        if (status != Status.OPEN) {
            throw new com.hmoexchange.hub.common.RuleViolation("exception-resolved", "Exception " + id + " was already "
                    + status.name().toLowerCase() + " by " + resolvedBy + " (" + resolution + ").");
        }
    }

    public Long getId() {
        return id;
    }

    public String getPayerCode() {
        return payerCode;
    }

    public String getKind() {
        return kind;
    }

    public ItemType getItemType() {
        return itemType;
    }

    public String getClaimNumber() {
        return claimNumber;
    }

    public String getPaymentReference() {
        return paymentReference;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getDetail() {
        return detail;
    }

    public String getItem() {
        return item;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolution() {
        return resolution;
    }
}
