package com.hmoexchange.hub.claims;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Money the payer paid against a claim, identified by the payer's payment reference. */
@Entity
@Table(name = "claim_payment")
public class ClaimPayment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reference;
    /** PAYMENT, or REVERSAL: the payer taking back (part of) an earlier payment, kept as a negative amount. */
    private String kind = "PAYMENT";
    private BigDecimal amount;
    private LocalDate paidOn;
    private String recordedBy;
    private Instant recordedAt;

    protected ClaimPayment() {
    }

    ClaimPayment(String reference, BigDecimal amount, LocalDate paidOn, String recordedBy, Instant recordedAt) {
        this.reference = reference;
        this.amount = amount;
        this.paidOn = paidOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    ClaimPayment reversal() {
        this.kind = "REVERSAL";
        return this;
    }

    public boolean isReversal() {
        return "REVERSAL".equals(kind);
    }

    public String getKind() {
        return kind;
    }

    public String getReference() {
        return reference;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
