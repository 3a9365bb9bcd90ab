package com.hmoexchange.hub.enrollees;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A practice's look-up of a member: who asked, when, for which number, and whether a member was shown. */
@Entity
public class MemberLookup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant lookedUpAt;
    private String lookedUpBy;
    private long providerId;
    private String enrolleeNumber;
    /** The member the number and date of birth (or surname) matched; null when none did. */
    private Long enrolleeId;
    private boolean found;

    protected MemberLookup() {
    }

    MemberLookup(Instant lookedUpAt, String lookedUpBy, long providerId, String enrolleeNumber, Long enrolleeId, boolean found) {
        this.lookedUpAt = lookedUpAt;
        this.lookedUpBy = lookedUpBy;
        this.providerId = providerId;
        this.enrolleeNumber = enrolleeNumber;
        this.enrolleeId = enrolleeId;
        this.found = found;
    }

    public Instant getLookedUpAt() {
        return lookedUpAt;
    }

    public String getLookedUpBy() {
        return lookedUpBy;
    }

    public long getProviderId() {
        return providerId;
    }

    public String getEnrolleeNumber() {
        return enrolleeNumber;
    }

    public Long getEnrolleeId() {
        return enrolleeId;
    }

    public boolean isFound() {
        return found;
    }
}
