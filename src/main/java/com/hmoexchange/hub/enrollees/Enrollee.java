package com.hmoexchange.hub.enrollees;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.util.Objects;

/** A person covered by a payer: a principal (the client's staff member) or one of their dependents. */
@Entity
public class Enrollee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String enrolleeNumber;
    private Long payerId;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "principal_id")
    private Enrollee principal;
    @Enumerated(EnumType.STRING)
    private Relationship relationship;
    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    private EnrolleeStatus status;
    private LocalDate coverStart;
    /** Inclusive; null while cover is open-ended. */
    private LocalDate coverEnd;
    private Long primaryProviderId;
    /** The corporate client whose staff (or staff's dependent) this is; null for individual cover. */
    private Long clientId;
    private Long planId;
    @Version
    private long version;

    protected Enrollee() {
    }

    private Enrollee(String enrolleeNumber, long payerId, Enrollee principal, Relationship relationship,
            String firstName, String lastName, LocalDate dateOfBirth, LocalDate coverStart, LocalDate coverEnd,
            Long primaryProviderId) {
        this.enrolleeNumber = Objects.requireNonNull(enrolleeNumber);
        this.payerId = payerId;
        this.principal = principal;
        this.relationship = relationship;
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.status = EnrolleeStatus.ACTIVE;
        this.coverStart = coverStart;
        this.coverEnd = coverEnd;
        this.primaryProviderId = primaryProviderId;
    }

    public static Enrollee principal(String enrolleeNumber, long payerId, String firstName, String lastName,
            LocalDate dateOfBirth, LocalDate coverStart, LocalDate coverEnd, Long primaryProviderId) {
        return new Enrollee(enrolleeNumber, payerId, null, Relationship.SELF, firstName, lastName, dateOfBirth,
                coverStart, coverEnd, primaryProviderId);
    }

    public Enrollee dependent(String enrolleeNumber, Relationship relationship, String firstName, String lastName,
            LocalDate dateOfBirth) {
        if (relationship == Relationship.SELF) {
            throw new IllegalArgumentException("A dependent is a spouse or a child, not SELF");
        }
        if (!isPrincipal()) {
            throw new IllegalStateException("Dependents belong under a principal enrollee");
        }
        Enrollee dependent = new Enrollee(enrolleeNumber, payerId, this, relationship, firstName, lastName,
                dateOfBirth, coverStart, coverEnd, primaryProviderId);
        dependent.clientId = clientId;
        dependent.planId = planId;
        return dependent;
    }

    /** Puts a principal (and the dependents added after) under a corporate client's scheme and plan. */
    public void enrolUnder(long clientId, Long planId) {
        if (!isPrincipal()) {
            throw new IllegalStateException("A dependent follows its principal's client and plan");
        }
        this.clientId = clientId;
        this.planId = planId;
    }

    /** A dependent takes its principal's client and plan (after the principal was put under a client). */
    public void followPrincipal() {
        if (isPrincipal()) {
            throw new IllegalStateException("A principal has no principal to follow");
        }
        this.clientId = principal.clientId;
        this.planId = principal.planId;
    }

    /** Ends cover on the given date: the enrollee is removed from the scheme but their history stays. */
    public void terminateCover(LocalDate lastCoveredDay) {
        if (status == EnrolleeStatus.TERMINATED) {
            throw new IllegalStateException(enrolleeNumber + " is already terminated");
        }
        this.status = EnrolleeStatus.TERMINATED;
        this.coverEnd = coverEnd == null || coverEnd.isAfter(lastCoveredDay) ? lastCoveredDay : coverEnd;
    }

    public void correctDetails(String firstName, String lastName, LocalDate dateOfBirth) {
        this.firstName = Objects.requireNonNull(firstName);
        this.lastName = Objects.requireNonNull(lastName);
        this.dateOfBirth = Objects.requireNonNull(dateOfBirth);
    }

    public void changePrimaryProvider(long providerId) {
        this.primaryProviderId = providerId;
    }

    public boolean isActive() {
        return status == EnrolleeStatus.ACTIVE;
    }

    /** Age in whole years on a date. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(dateOfBirth, date).getYears();
    }

    /** Covered on a date: active, and the date within the cover period. */
    public boolean isCoveredOn(LocalDate date) {
        // Status is today's; a terminated enrollee's cover still counts for dates before it ended.
        return status != EnrolleeStatus.SUSPENDED && !date.isBefore(coverStart) && (coverEnd == null || !date.isAfter(coverEnd));
    }

    public void suspend() {
        this.status = EnrolleeStatus.SUSPENDED;
    }

    public boolean isPrincipal() {
        return principal == null;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public Long getId() {
        return id;
    }

    public String getEnrolleeNumber() {
        return enrolleeNumber;
    }

    public Long getPayerId() {
        return payerId;
    }

    public Enrollee getPrincipal() {
        return principal;
    }

    public Relationship getRelationship() {
        return relationship;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public EnrolleeStatus getStatus() {
        return status;
    }

    public LocalDate getCoverStart() {
        return coverStart;
    }

    public LocalDate getCoverEnd() {
        return coverEnd;
    }

    public Long getPrimaryProviderId() {
        return primaryProviderId;
    }

    public Long getClientId() {
        return clientId;
    }

    public Long getPlanId() {
        return planId;
    }

    public long getVersion() {
        return version;
    }
}
