package com.hmoexchange.hub.organisations;

import com.hmoexchange.hub.common.InvalidInput;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A practice's contract with a payer: while it runs, the practice may look up the payer's members and
 * bill the payer. {@code endsOn} is the last day covered; null while the contract is open-ended.
 */
@Entity
public class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long providerId;
    private Long payerId;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private Instant createdAt;
    private String createdBy;

    protected Contract() {
    }

    Contract(long providerId, long payerId, LocalDate startsOn, LocalDate endsOn, Instant createdAt, String createdBy) {
        requireOrdered(startsOn, endsOn);
        this.providerId = providerId;
        this.payerId = payerId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** Ends the contract after the given day (or reopens it with null); never before it started. */
    void endAfter(LocalDate lastDay) {
        requireOrdered(startsOn, lastDay);
        this.endsOn = lastDay;
    }

    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** Whether the two periods share a day. */
    boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
        boolean startsBeforeOtherEnds = otherEnd == null || !startsOn.isAfter(otherEnd);
        boolean otherStartsBeforeThisEnds = endsOn == null || !otherStart.isAfter(endsOn);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    private static void requireOrdered(LocalDate startsOn, LocalDate endsOn) {
        if (startsOn == null) {
            throw new InvalidInput("startsOn", "Give the first day of the contract, like 2026-01-01.");
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new InvalidInput("endsOn", "The last day (" + endsOn + ") is before the first day (" + startsOn
                    + "). Give a last day on or after the first, or none for an open-ended contract.");
        }
    }

    public Long getId() {
        return id;
    }

    public long getProviderId() {
        return providerId;
    }

    public long getPayerId() {
        return payerId;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
