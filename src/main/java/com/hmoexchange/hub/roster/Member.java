package com.hmoexchange.hub.roster;

import com.hmoexchange.hub.enrollees.EnrolleeStatus;
import com.hmoexchange.hub.enrollees.Relationship;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An enrollee's roster facts, as stored (id set) or as a file would leave them (id null when new). */
record Member(Long id, String number, String principalNumber, Relationship relationship, String firstName,
        String lastName, LocalDate dateOfBirth, EnrolleeStatus status, LocalDate coverStart, LocalDate coverEnd,
        Long primaryProviderId, Long planId) {

    boolean isPrincipal() {
        return relationship == Relationship.SELF;
    }

    Member terminated(LocalDate lastCoveredDay) {
        LocalDate end = coverEnd == null || coverEnd.isAfter(lastCoveredDay) ? lastCoveredDay : coverEnd;
        return new Member(id, number, principalNumber, relationship, firstName, lastName, dateOfBirth,
                EnrolleeStatus.TERMINATED, coverStart, end, primaryProviderId, planId);
    }

    /** What differs from {@code before}, in words for the audit ("lastName: Eze → Obi"); empty when nothing does. */
    String differencesFrom(Member before, Names names) {
        List<String> parts = new ArrayList<>();
        diff(parts, "firstName", before.firstName, firstName);
        diff(parts, "lastName", before.lastName, lastName);
        diff(parts, "dateOfBirth", before.dateOfBirth, dateOfBirth);
        diff(parts, "status", before.status, status);
        diff(parts, "coverStart", before.coverStart, coverStart);
        diff(parts, "coverEnd", before.coverEnd, coverEnd);
        diff(parts, "plan", names.plan(before.planId), names.plan(planId));
        diff(parts, "primaryProvider", names.provider(before.primaryProviderId), names.provider(primaryProviderId));
        return String.join("; ", parts);
    }

    String describe(Names names) {
        return relationship + (principalNumber == null ? "" : " of " + principalNumber) + ", " + firstName + " " + lastName
                + ", born " + dateOfBirth + ", plan " + names.plan(planId) + ", cover " + coverStart + " to "
                + (coverEnd == null ? "open" : coverEnd)
                + (primaryProviderId == null ? "" : ", primary provider " + names.provider(primaryProviderId));
    }

    private static void diff(List<String> parts, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            parts.add(field + ": " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
        }
    }

    /** Plan and provider codes by id, for words people read. */
    interface Names {
        String plan(Long planId);

        String provider(Long providerId);
    }
}
